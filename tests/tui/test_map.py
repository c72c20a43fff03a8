"""The map: the guide's parts as headings, their pages under them, at three terminal sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from hfs_guide.core.model import Choice, Graph, Kind, Node
from hfs_guide.tui.app import GuideApp
from hfs_guide.tui.screens.map import MapScreen
from hfs_guide.tui.widgets.rowlist import RowList
from tests.hardening.big_guide import META, WHERE

SIZES = [(100, 30), (80, 24), (50, 15)]
LONG = "A page whose title is long enough to wrap onto a second line on a narrow screen"


def node(node_id: str, title: str, *targets: str, kind: Kind = Kind.INFO) -> Node:
    return Node(node_id, kind, title, f"What {title.lower()} is about.", f"# {title}\n\nText.\n", f"nodes/{node_id}.md",
                tuple(Choice(f"Go to {t}", t, WHERE) for t in targets), where=WHERE)


def parts_guide() -> Graph:
    """A start page, a "where are you" page that opens six situations of eight pages each
    (the last one of situation 2 with a long title), and urgent care: eight parts."""
    nodes = [node("welcome", "Welcome", "where", "urgent", kind=Kind.QUESTION),
             node("where", "Where are you now?", *(f"s{k}" for k in range(6)), kind=Kind.QUESTION)]
    for k in range(6):
        chain = [f"s{k}"] + [f"s{k}-{i}" for i in range(1, 8)]
        for i, node_id in enumerate(chain):
            title = f"Situation {k}" if i == 0 else LONG if (k, i) == (2, 7) else f"Page {i} of situation {k}"
            nodes.append(node(node_id, title, *chain[i + 1 : i + 2], "where"))
    nodes.append(node("urgent", "Urgent help", "welcome", kind=Kind.URGENT))
    return Graph(META, "welcome", {n.id: n for n in nodes}, root="parts")


def on_screen(listing: RowList) -> list[str]:
    """The map's lines as drawn now."""
    return [listing.render_line(y).text.rstrip() for y in range(listing.size.height)]


async def open_map(app: GuideApp, pilot: Pilot[None], *path: str) -> tuple[MapScreen, RowList]:
    """Walk `path` (each a jump), then open the map."""
    for node_id in path:
        app.guide.jump(node_id)
    await pilot.pause()
    await pilot.press("m")
    screen = app.screen
    assert isinstance(screen, MapScreen)
    return screen, screen.query_one(RowList)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_map_opens_on_the_current_page_under_its_heading_with_visited_pages_marked(
    size: tuple[int, int], tmp_path: Path
) -> None:
    app = GuideApp(parts_guide(), export_dir=tmp_path)
    async with app.run_test(size=size) as pilot:
        screen, listing = await open_map(app, pilot, "where", "s1", "s1-1", "where", "s4")
        lines = screen.lines
        here = listing.highlighted
        assert here is not None and lines[here] == "  ▶ Situation 4  — you are here"
        assert here in listing.shown
        drawn = "\n".join(on_screen(listing))
        assert "▶ Situation 4  — you are here" in drawn  # said in words, not only by colour
        assert "Situation 4  (8 pages, 1 visited)" in drawn  # with its part's heading
        assert "  ✓ Page 1 of situation 1  — visited" in lines and "  ✓ Where are you now?  — visited" in lines
        assert "  · Page 2 of situation 1" in lines  # not read yet
        assert "Situation 1  (8 pages, 2 visited)" in lines and "Situation 3  (8 pages)" in lines
        assert [line for line in lines if not line.startswith("  ")] == [
            "Start  (2 pages, 2 visited)", *(f"Situation {k}  (8 pages{', 2 visited' if k == 1 else ', 1 visited' if k == 4 else ''})"
                                             for k in range(6)), "Urgent care  (1 page)"]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_keys_move_between_pages_never_onto_a_heading_and_enter_jumps_so_back_returns(
    size: tuple[int, int], tmp_path: Path
) -> None:
    app = GuideApp(parts_guide(), export_dir=tmp_path)
    async with app.run_test(size=size) as pilot:
        screen, listing = await open_map(app, pilot, "where", "s4")
        lines = screen.lines

        def highlighted() -> str:
            assert listing.highlighted is not None and listing.highlighted in listing.shown
            return lines[listing.highlighted].strip()

        await pilot.press("up")  # over the heading "Situation 4", to the last page of situation 3
        assert highlighted() == "· Page 7 of situation 3"
        await pilot.press("down")
        assert highlighted() == "▶ Situation 4  — you are here"
        await pilot.press("tab")  # the next part
        assert highlighted() == "· Situation 5"
        await pilot.press("shift+tab", "shift+tab")
        assert highlighted() == "· Situation 3"
        await pilot.press("home")  # the first page, not the Start heading above it
        assert listing.highlighted == 1 and highlighted() == "✓ Welcome  — visited"
        await pilot.press("up")
        assert listing.highlighted == 1
        await pilot.press("end")
        assert highlighted() == "· Urgent help"
        await pilot.press("up")
        assert highlighted() == "· Page 7 of situation 5"
        heading = next(y for y, line in enumerate(on_screen(listing)) if line.startswith("Urgent care"))
        await pilot.click(RowList, offset=(2, heading))  # a heading is not a page: nothing happens
        assert isinstance(app.screen, MapScreen) and highlighted() == "· Page 7 of situation 5"
        await pilot.press("enter")
        assert app.screen is app.guide and app.guide.session.current_id == "s5-7"
        await pilot.press("b")
        assert app.guide.session.current_id == "s4"  # the jump was a step: Back returns


async def test_a_wrapped_title_keeps_its_indent(tmp_path: Path) -> None:
    app = GuideApp(parts_guide(), export_dir=tmp_path)
    async with app.run_test(size=(50, 15)) as pilot:
        _, listing = await open_map(app, pilot, "where", "s2", "s2-7")
        drawn = on_screen(listing)
        first = next(y for y, line in enumerate(drawn) if line.startswith("  ▶ A page whose title"))
        wrapped = drawn[first + 1 : first + 3]
        assert all(line.startswith("    ") and line[4] != " " for line in wrapped)  # under the title, not the mark
        words = " ".join(line.strip() for line in drawn[first : first + 3])
        assert f"▶ {LONG}" in words and "— you are here" in words
        assert all(len(line) <= listing.size.width for line in drawn)


async def test_escape_and_m_close_the_map_where_you_were_and_a_click_opens_a_page(tmp_path: Path) -> None:
    app = GuideApp(parts_guide(), export_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_map(app, pilot, "where", "s3")
        await pilot.press("down", "escape")
        assert app.screen is app.guide and app.guide.session.current_id == "s3"
        await pilot.press("m", "m")
        assert app.screen is app.guide and app.guide.session.current_id == "s3"
        await pilot.press("m")
        listing = app.screen.query_one(RowList)
        y = next(y for y, line in enumerate(on_screen(listing)) if line.endswith("Page 2 of situation 3"))
        await pilot.click(RowList, offset=(8, y))
        assert app.screen is app.guide and app.guide.session.current_id == "s3-2"


async def test_the_map_lists_every_page_of_the_test_guide_once_under_its_part(app: GuideApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        assert isinstance(app.screen, MapScreen)
        lines = app.screen.lines
        pages = [line.strip()[2:].removesuffix("  — you are here") for line in lines if line.startswith("  ")]
        assert sorted(pages) == sorted(n.title for n in app.graph.nodes.values())  # literal titles: "Path B [1]"
        assert "Options  (2 pages)" in lines and lines[-2:] == ["Urgent care  (1 page)", "  · Urgent help"]
        await pilot.press("tab")
        summary = app.screen.query_one("#map-summary")
        assert str(summary.render()) == app.graph.nodes["opt"].summary  # the highlighted page's summary
