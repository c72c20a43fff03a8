"""Content is shown literally; links open pages inside the app and never open a browser."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console

from hfs_guide.core.model import Graph
from hfs_guide.tui.app import GuideApp
from hfs_guide.tui.screens.glossary import glossary_text
from hfs_guide.tui.screens.help import help_text
from hfs_guide.tui.widgets.body import NodeBody
from hfs_guide.tui.widgets.choices import ChoiceList
from hfs_guide.tui.widgets.trail import Breadcrumb
from tests.tui.conftest import SIZE

MARKUP = ("[b]not bold[/b]", "[/b]", "[@click=app.quit]not a", "[red]not red[/red]", "[1]", "[bold magenta]plain[/]", ":smile:")


def page(app: GuideApp) -> str:
    return "\n".join(app.screen.query_one(NodeBody).lines)


def plain(renderable: Any, width: int = 80) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


async def test_markup_looking_text_shows_literally(app: GuideApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        assert "2   Take path B [b]with brackets[/b]" in app.screen.query_one(ChoiceList).lines
        await pilot.press("2")
        text = " ".join(page(app).split())
        for piece in MARKUP:
            assert piece in text
        assert "Path B [1]" in app.screen.query_one(Breadcrumb).render().plain


async def test_clicking_markup_that_looks_like_an_action_does_nothing(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        lines = app.screen.query_one(NodeBody).lines
        row = next(i for i, line in enumerate(lines) if "[@click=app.quit]" in line)
        column = lines[row].index("[@click=app.quit]") + 3
        await pilot.click(NodeBody, offset=(2 + column, 1 + row))
        await pilot.pause()
        assert app.is_running and app.guide.session.current_id == "b1"


async def test_option_fields_and_figures_show_literally(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.guide.jump("opt")
        await pilot.pause()
        text = page(app)
        assert "Some [red]risk[/red]." in text and "Harms and risks" in text
        assert "about 3 in 10 people in the test" in text


async def test_a_node_link_in_the_text_opens_the_page_when_clicked(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.guide.jump("a2")
        await pilot.pause()
        lines = app.screen.query_one(NodeBody).lines
        row = next(i for i, line in enumerate(lines) if "MVD link" in line)
        await pilot.click(NodeBody, offset=(2 + lines[row].index("MVD") + 1, 1 + row))
        assert app.guide.session.current_id == "b1"


async def test_links_are_listed_for_keyboard_users(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")  # a1 links to a2, which is also its choice 1: not listed twice
        assert not any(line.startswith("→") for line in app.screen.query_one(ChoiceList).lines)
        await pilot.press("1")  # a2 links to b1, which no choice leads to
        assert "→   MVD" in app.screen.query_one(ChoiceList).lines
        await pilot.press("down", "down", "enter")
        assert app.guide.session.current_id == "b1"


async def test_an_outside_link_is_shown_not_opened(app: GuideApp, monkeypatch: Any) -> None:
    opened: list[str] = []
    notes: list[tuple[str, bool]] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url))
    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(app.guide, "notify", lambda message, **kw: notes.append((message, kw.get("markup", True))))
        monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
        await pilot.press("down", "down", "down", "enter")  # the web link, after the 3 choices
        assert notes and "https://example.org/hfs" in notes[0][0] and notes[0][1] is False
        lines = app.screen.query_one(NodeBody).lines
        row = next(i for i, line in enumerate(lines) if "example site" in line)
        await pilot.click(NodeBody, offset=(2 + lines[row].index("example site") + 1, 1 + row))
        assert len(notes) == 2 and not opened and app.guide.session.current_id == "welcome"


async def test_start_page_shows_disclaimer_and_reviewed_date(app: GuideApp, graph: Graph) -> None:
    async with app.run_test(size=SIZE) as pilot:
        text = page(app)
        assert graph.meta.disclaimer in text and "Reviewed 2026-01-15" in text
        await pilot.press("1")
        assert "Reviewed" not in page(app)


def test_help_has_keys_reviewed_date_disclaimer_and_emergency_text(graph: Graph) -> None:
    text = " ".join(plain(help_text(graph.meta)).split())
    for words in ("Information, not medical advice.", "2026-01-15", "the test emergency number 000", "the test clinic line", "Ctrl+P", "? or F1", "! or u"):
        assert words in text


def test_glossary_lists_this_pages_terms_first(graph: Graph) -> None:
    text = plain(glossary_text(graph.glossary, ["mvd"]))
    assert text.index("Microvascular decompression") < text.index("Hemifacial spasm")
    assert "Twitching of the muscles on one side of the face." in text


async def test_urgent_page_shows_the_emergency_and_clinic_text(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u")
        text = " ".join(page(app).split())
        assert "Emergency: the test emergency number 000" in text and "Your clinic: the test clinic line" in text


async def test_an_ending_says_how_to_go_on(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1", "2")
        assert app.guide.session.current_id == "end-a"
        assert "This is the end of this path." in page(app)
        assert app.focused is app.screen.query_one(NodeBody)  # no list to focus
