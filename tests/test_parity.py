"""Every front end shows every block the core decides (core/page.py): the full-screen page,
plain mode and the handout never disagree about what a page holds."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console, Group

from hfs_guide.core import markdown
from hfs_guide.core.loader import load_graph
from hfs_guide.core.page import (
    AtAGlance, Block, Body, Contacts, Facts, Page, Questions, Sources, StartNotice, Title, page,
)
from hfs_guide.plain_page import PlainPage
from hfs_guide.tui.page_parts import page_parts
from hfs_guide.tui.themes import page_theme

ROOT = Path(__file__).parents[1]
GUIDES = {"shipped": ROOT / "content", "mini": ROOT / "tests/fixtures/mini", "awkward": ROOT / "tests/fixtures/awkward"}


def words(text: str) -> str:
    """Text as a run of words: wrapping, bullets, box drawing and a capital letter at the
    start of a fact (front ends start sentences with one) do not count."""
    return " ".join(re.sub(r"[│┃━─╭╮╰╯┏┓┗┛•●○]", " ", text).split()).casefold()


def without_link_notes(text: str) -> str:
    """Plain mode says where each link leads, after its text; the page's words are the rest."""
    return re.sub(r"\s\((see\s+the\s+page|web\s+address):[^()]*(\([^()]*\)[^()]*)*\)", "", text)


def glued(text: str) -> str:
    """Words with no spaces at all: a long word broken over two lines still matches."""
    return "".join(words(text).split())


def block_texts(block: Block) -> list[str]:
    """What a reader must find of a block, in any front end."""
    if isinstance(block, Title):
        return [block.text]
    if isinstance(block, StartNotice):
        return [block.disclaimer]
    if isinstance(block, Contacts):
        return [block.emergency, block.clinic]
    if isinstance(block, Body):
        lines = markdown.plain_text(block.markdown).splitlines()
        cells = [cell for line in lines for cell in line.split(" | ")]
        return [re.sub(r"^\s*(- |\d+\. )", "", cell) for cell in cells if cell.strip()]
    if isinstance(block, AtAGlance):
        return [text for row in block.rows for text in row]
    if isinstance(block, Facts):
        return [text for item in block.items for text in (item.says, item.group, item.time, item.context())]
    if isinstance(block, Questions):
        return [item.text for item in block.items]
    if isinstance(block, Sources):
        return [text for citation in block.citations for text in (citation.text, citation.details()) if text]
    return []


def tui_text(p: Page) -> str:
    console = Console(file=io.StringIO(), width=100, record=True, color_system=None, legacy_windows=False)
    with console.use_theme(page_theme({"primary": "#0000ff"})):
        console.print(Group(*page_parts(p)))
    return console.export_text()


def pages(name: str) -> list[Page]:
    graph = load_graph(GUIDES[name])
    return [page(graph, node=node) for node in graph.nodes.values()]


@pytest.mark.parametrize("name", sorted(GUIDES))
def test_every_block_appears_in_plain_mode_and_on_the_full_screen(name: str) -> None:
    graph = load_graph(GUIDES[name])
    for p in pages(name):
        plain = words(without_link_notes("\n".join(PlainPage(graph, width=0).lines(p))))
        wrapped = glued(without_link_notes("\n".join(PlainPage(graph, width=60).lines(p))))
        screen = glued(tui_text(p))
        for block in p.blocks:
            for text in block_texts(block):
                want = words(text)
                assert want in plain, (p.node_id, type(block).__name__, text)
                assert glued(text) in wrapped, (p.node_id, type(block).__name__, text)
                # Rich crops an unbreakable word wider than its table column with an ellipsis:
                # for those, the start of the word must show.
                shown = glued(text) if len(max(text.split(), key=len, default="")) < 40 else glued(text)[:30]
                assert shown in screen, (p.node_id, type(block).__name__, text)


def test_the_urgent_page_gives_the_emergency_number_in_plain_mode() -> None:
    graph = load_graph(GUIDES["shipped"])
    text = "\n".join(PlainPage(graph).lines(page(graph, node=graph.urgent_node)))
    assert f"Emergency: {graph.meta.emergency}" in text and graph.meta.clinic in text


@pytest.mark.parametrize("name", sorted(GUIDES))
def test_every_visited_page_says_in_the_handout_what_it_said_on_screen(name: str) -> None:
    from hfs_guide.core.handout import build_handout, is_navigation
    from hfs_guide.core.handout_render import handout_html, handout_markdown
    from hfs_guide.core.page import Facts
    from hfs_guide.core.session import Session

    graph = load_graph(GUIDES[name])
    session = Session(graph)
    for node_id in graph.nodes:  # visit every page
        session.go(node_id)
    handout = build_handout(session)
    text = words(handout_markdown(handout).replace("\\", ""))
    html_words = words(re.sub(r"<[^>]+>", " ", handout_html(handout)))
    for node in graph.nodes.values():
        shown = page(graph, session, node)
        if node.kind.value == "urgent" or is_navigation(node, shown):
            continue
        wanted = [node.summary] + [t for row in (shown.first(AtAGlance).rows if shown.first(AtAGlance) else ()) for t in row]
        facts = shown.first(Facts)
        wanted += [fact.group for fact in facts.items] if isinstance(facts, Facts) else []
        for item in wanted:
            plain = words(item.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
            assert plain in text, (name, node.id, item)
            assert words(item) in html_words.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&#x27;", "'").replace("&quot;", '"'), (name, node.id, item)
