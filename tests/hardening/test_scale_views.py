"""Whole-guide views open on a 3,000-node guide and show what they should.

Work is counted (rows drawn, titles measured), never timed: speed figures live in
benchmarks/views.py. A view that froze would only hit pytest's own limits.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Callable

import pytest
from rich.cells import cell_len
from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot

from hfs_guide.core.model import OPTION_FIELDS, Graph
from hfs_guide.core.parts import outline
from hfs_guide.tui import search, search_index
from hfs_guide.tui.app import GuideApp
from hfs_guide.tui.document import plain_text
from hfs_guide.tui.screens import map as map_screen
from hfs_guide.tui.screens.map import MapScreen
from hfs_guide.tui.screens.options import GridView, OptionGridScreen
from hfs_guide.tui.widgets.blocklines import BlockLines
from hfs_guide.tui.widgets import trail
from hfs_guide.tui.widgets.rowlist import RowList
from hfs_guide.tui.widgets.trail import Breadcrumb
from tests.hardening.big_guide import big_graph, title

SIZE = (100, 30)


@pytest.fixture(scope="module")
def big() -> Graph:
    return big_graph(3_000)


async def test_the_map_of_a_large_guide_builds_only_the_rows_on_screen(
    big: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    page_row, heading_row = map_screen.page_row, map_screen.heading_row
    monkeypatch.setattr(map_screen, "page_row", lambda node, *rest: built.append(node.id) or page_row(node, *rest))
    monkeypatch.setattr(map_screen, "heading_row", lambda part, *rest: built.append(part.title) or heading_row(part, *rest))
    parts = outline(big)
    app = GuideApp(big, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(1_500):
            app.guide.session.choose(1)
        app.guide.jump("n1501")
        await pilot.pause()
        await pilot.press("m")
        assert isinstance(app.screen, MapScreen)
        rows = app.screen.query_one(RowList)
        assert sum(len(p.node_ids) for p in parts) == len(big.nodes) == 3_000
        assert [p.title for p in parts] == ["Start", title(1), "Options", "Urgent care"]
        here = rows.highlighted
        assert here is not None and here in rows.shown  # the current page, 1,500 pages down, on screen
        assert 0 < len(built) <= 3 * SIZE[1]  # the rows on screen (and the last screen's), not 3,004
        assert built.count("n1501") >= 1 and "n2900" not in built
        built.clear()
        await pilot.press("tab")  # the next part: Options, 1,500 rows down
        assert rows.highlighted is not None and rows.highlighted in rows.shown and len(built) <= 3 * SIZE[1]
        shown = app.screen.row(rows.highlighted)
        assert (shown.lead + shown.text).plain == f"  ✓ {title(4)}  — visited"
        await pilot.press("end", "enter")
        assert app.screen is app.guide and app.guide.session.current_id == "urgent"


async def test_the_breadcrumb_after_a_long_walk_measures_only_what_fits(
    big: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = GuideApp(big, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(1_250):
            app.guide.session.choose(1)
        await pilot.pause()
        measured: list[str] = []
        monkeypatch.setattr(trail, "cell_len", lambda text: measured.append(text) or cell_len(text))
        await pilot.press("1")
        assert len(measured) <= 60  # the last few crumbs, not 1,251 x 1,250 / 2 sums
        crumbs = app.guide.query_one(Breadcrumb).render().plain
        assert crumbs.startswith("… › ") and crumbs.endswith(f"{title(1_250)} › {title(1_251)}")
        assert cell_len(crumbs) <= app.guide.query_one(Breadcrumb).size.width


async def palette_pages(pilot: Pilot[None], typed: str | None = None) -> list[str]:
    """The step pages the palette lists, in its order, once its search for `typed` (or what
    is typed already) is done: not the palette's own commands, nor 'Urgent help' (both)."""
    app = pilot.app
    if typed is not None:
        app.screen.query_one(CommandInput).value = typed
    await pilot.pause()
    await app.workers.wait_for_complete()
    listing = app.screen.query_one(CommandList)
    shown = [str(listing.get_option_at_index(i).prompt).split("\n")[0] for i in range(listing.option_count)]
    return [text for text in shown if text.startswith("Step ")]


async def test_search_on_a_large_guide_reads_only_the_bodies_it_needs(
    big: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []
    monkeypatch.setattr(search_index, "plain_text", lambda markdown: parsed.append(markdown) or plain_text(markdown))
    app = GuideApp(big, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, CommandPalette)
        offered = await palette_pages(pilot)
        assert offered[:2] == [title(0), title(1)] and len(offered) == search.MAX_HITS  # not 3,000
        await pilot.press(*"step 2998")
        found = await palette_pages(pilot)
        assert found[0] == title(2998) and len(found) <= search.MAX_HITS
        parsed.clear()  # typing "step 299" read the few bodies that hold "299" inside a number
        assert await palette_pages(pilot, "zebra") == [] and parsed == []  # in no page: nothing parsed
        # Inside every body's "paragraph" but at no word start: no match, and still no parsing.
        assert await palette_pages(pilot, "aragraph") == [] and parsed == []
        found = await palette_pages(pilot, "paragraph about")  # in every body, in no title
        assert found[:2] == [title(0), title(1)] and len(found) == search.MAX_HITS
        assert len(parsed) == search.MAX_HITS  # the first pages that hold the words, no more
        await pilot.press("enter")
        assert app.screen is app.guide and app.guide.session.current_id == "n0"


async def until(condition: Callable[[], bool], hang: float = 120.0) -> None:
    """Wait, with the event loop running, until `condition` holds (`hang` only catches a hang)."""
    deadline = time.monotonic() + hang
    while not condition():
        assert time.monotonic() < deadline, "hung"
        await asyncio.sleep(0.005)


async def test_the_option_grid_of_450_options_opens_on_its_first_screen_and_draws_the_rest_later(
    big: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[object] = []
    blocks = GridView.blocks
    monkeypatch.setattr(GridView, "blocks", lambda view, width: (made.append(b) or b for b in blocks(view, width)))
    app = GuideApp(big, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.guide.action_options()
        await until(lambda: isinstance(app.screen, OptionGridScreen) and bool(app.screen.query(BlockLines)) and len(app.screen.query_one(BlockLines).lines) > 0)
        grid = app.screen.query_one(BlockLines)
        options = big.options()
        assert len(options) == 450
        assert grid.lines[:3] == ["What it is", f"1  {options[0].title}  · What it is", "   What it is of step 4."]
        total = len(OPTION_FIELDS) * (2 + 2 * 450)  # per field: its name, each option's name and text, a gap
        assert len(made) < total // 2  # the first screens (and a slice or two), not every block
        await until(lambda: grid.complete)
        assert len(made) == total
        assert grid.virtual_size.height == len(grid.lines) >= len(OPTION_FIELDS) * 2 * 450
        assert f"450  {options[-1].title}  · Who it may not suit" in grid.lines
        await pilot.press("end")
        assert grid.scroll_y == grid.max_scroll_y > 0
        await pilot.press("2")
        assert app.screen is app.guide and app.guide.session.current_id == options[1].id
