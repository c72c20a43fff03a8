"""Search (`/`): pages, glossary terms and questions; every word required, each at the start
of a word; title and summary matches before body matches; no loose matches on unrelated pages.
Ctrl+P keeps Textual's own commands, and its Keys panel closes with Escape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.command import Command, CommandInput, CommandList, CommandPalette
from textual.widgets import Static

from hfs_guide.core.loader import load_graph
from hfs_guide.core.markdown import plain_text
from hfs_guide.core.model import Graph, Node
from hfs_guide.tui.app import GuideApp
from hfs_guide.tui.screens.glossary import GlossaryScreen

ROOT = Path(__file__).parents[2]
SIZE = (100, 30)


@pytest.fixture(scope="module")
def shipped() -> Graph:
    return load_graph(ROOT / "content")


async def results(app: GuideApp, pilot, typed: str) -> list[Command]:  # type: ignore[no-untyped-def]
    """What the palette offers, in its order, once the search for `typed` is done."""
    app.screen.query_one(CommandInput).value = typed
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    listing = app.screen.query_one(CommandList)
    options = [listing.get_option_at_index(i) for i in range(listing.option_count)]
    return [option for option in options if isinstance(option, Command)]


def titles(found: list[Command]) -> list[str]:
    return [command.hit.text or "" for command in found]


def shown(node: Node) -> str:
    """A page's words as the page shows them: body, facts at a glance, facts."""
    return " ".join((plain_text(node.body), *node.option.values(), *(f.says for f in node.facts)))


def starts_a_word(word: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(word), text.casefold()) is not None


async def test_a_name_in_no_page_finds_nothing(shipped: Graph, tmp_path: Path) -> None:
    # "tambasco" is only an author of a source: before, its letters scattered through
    # "It goes on, or came back, after a second operation" made that page a match.
    app = GuideApp(shipped, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert titles(await results(app, pilot, "tambasco")) == []
        assert titles(await results(app, pilot, "tmbsc")) == []  # letters in order are not a match


async def test_title_and_summary_matches_come_before_body_matches(shipped: Graph, tmp_path: Path) -> None:
    app = GuideApp(shipped, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        found = titles(await results(app, pilot, "botox"))
        assert found[0] == "Botox injections"
        pages = {node.title: node for node in shipped.nodes.values()}
        near = [t for t in found if t in pages and (starts_a_word("botox", t) or starts_a_word("botox", pages[t].summary))]
        far = [t for t in found if t in pages and t not in near]
        assert near and far, "the shipped guide has both kinds"
        assert max(found.index(t) for t in near) < min(found.index(t) for t in far)
        for t in far:  # a body match really holds the word
            assert starts_a_word("botox", shown(pages[t]))


async def test_every_word_typed_is_required(shipped: Graph, tmp_path: Path) -> None:
    app = GuideApp(shipped, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        found = titles(await results(app, pilot, "botox pregnant"))
        pages = {node.title: node for node in shipped.nodes.values()}
        assert "Botox injections" in found
        for t in found:
            node = pages[t]
            text = " ".join((node.title, node.summary, shown(node)))
            assert starts_a_word("botox", text) and starts_a_word("pregnant", text), t


async def test_a_glossary_term_opens_the_glossary_at_that_term(shipped: Graph, tmp_path: Path) -> None:
    app = GuideApp(shipped, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        found = await results(app, pilot, "tinnitus")
        term = next(c for c in found if str(c.hit.help) .startswith("Glossary: "))
        assert term.hit.text == "Tinnitus"
        app.screen.query_one(CommandList).highlighted = found.index(term)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        text = str(app.screen.query_one("#glossary-text", Static).render())
        assert text.split("\n")[2].startswith("Tinnitus  (found by search)")
        await pilot.press("escape")
        assert app.screen is app.guide and app.guide.session.current_id == shipped.start


async def test_a_question_to_ask_opens_its_page(shipped: Graph, tmp_path: Path) -> None:
    question = "Did my scan show a blood vessel touching the facial nerve?"
    page = next(node for node in shipped.nodes.values() if question in node.questions)
    app = GuideApp(shipped, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        found = await results(app, pilot, "scan show vessel touching")
        hit = next(c for c in found if c.hit.text == question)
        assert str(hit.hit.help) == f"A question to ask, on the page: {page.title}"
        app.screen.query_one(CommandList).highlighted = found.index(hit)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.guide and app.guide.session.current_id == page.id


async def test_slash_searches_the_guide_only_and_says_so(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert app.screen.query_one(CommandInput).placeholder.startswith("Search the guide")
        assert "Theme" not in titles(await results(app, pilot, "theme"))
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        assert "Theme" in titles(await results(app, pilot, "theme"))  # Textual's commands stay in Ctrl+P


async def test_the_keys_panel_closes_with_escape_without_going_back(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        here = app.guide.session.current_id
        await pilot.press("ctrl+p")
        found = await results(app, pilot, "keys")
        app.screen.query_one(CommandList).highlighted = titles(found).index("Keys")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.guide and app.guide.query("HelpPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.guide.query("HelpPanel") and app.guide.session.current_id == here
        await pilot.press("escape")  # with the panel gone, Escape goes back again
        assert app.guide.session.current_id != here
        assert not CommandPalette.is_open(app)
