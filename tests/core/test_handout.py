"""The handout shows what was read, says each question once, and cannot carry markup."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hfs_guide.core.fingerprint import content_fingerprint
from hfs_guide.core.handout import build_handout, handout_for
from hfs_guide.core.handout_render import handout_html, handout_markdown
from hfs_guide.core.loader import load_graph
from hfs_guide.core.session import Session

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
DAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def graph():
    return load_graph(MINI)


def walk(graph, *ids: str) -> Session:
    session = Session(graph)
    for node_id in ids:
        session.go(node_id)
    return session


def test_a_read_page_shows_its_summary_facts_and_numbered_sources(graph) -> None:
    text = handout_markdown(build_handout(walk(graph, "still", "options", "option-a"), DAY))
    assert "### Still twitching" in text and "Twitching that goes on after the operation. Sources: [1]." in text
    # a fact with who and when, its source number, and an icon array's other side
    assert "- About 25 in 100 people get better slowly (2,000 people in a made-up study; the first year" in text
    assert "The other 75 in 100: not so. [1]" in text
    assert "- **How long it lasts**: About 3 months." in text  # an option's facts at a glance
    assert f"1. {graph.sources['src-a'].citation}" in text
    assert text.count(graph.sources["src-a"].citation) == 1  # cited on two pages, listed once


def test_navigation_pages_fold_into_one_route_line(graph) -> None:
    text = handout_markdown(build_handout(walk(graph, "still", "options"), DAY))
    assert "Your route: Welcome, then Options." in text
    assert "### Welcome" not in text and "### Options" not in text


def test_a_question_listed_on_two_pages_is_ticked_on_both_and_printed_once(graph) -> None:
    question = graph.nodes["still"].questions[1]
    end = replace(graph.nodes["end"], questions=(question,))
    g2 = replace(graph, nodes={**graph.nodes, "end": end})
    session = walk(g2, "still", "options", "end")
    session.toggle_question("end", 0)
    assert session.ticked_on("still") == {1}
    text = handout_markdown(build_handout(session, DAY))
    assert text.count(question) == 1 and f"- [ ] {question}" in text


def test_markup_in_notes_or_content_never_becomes_markup(graph) -> None:
    session = walk(graph, "still")
    session.set_notes("<script>alert(1)</script>\n# not a heading\nline two")
    md = handout_markdown(build_handout(session, DAY))
    assert "<script>" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "\\# not a heading \\\nline two" in md  # a kept line break, no heading
    page = handout_html(build_handout(session, DAY))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_fingerprint_is_printed_and_changes_with_the_words(graph) -> None:
    fingerprint = content_fingerprint(graph)
    assert fingerprint in handout_markdown(build_handout(walk(graph), DAY))
    changed = replace(graph, nodes={**graph.nodes, "end": replace(graph.nodes["end"], body="Other words.")})
    assert content_fingerprint(changed) != fingerprint and len(fingerprint) == 12


def test_the_option_grid_goes_in_only_when_asked(graph) -> None:
    assert "The options side by side" not in handout_markdown(build_handout(walk(graph), DAY))
    text = handout_markdown(build_handout(walk(graph), DAY, with_options=True))
    assert "## The options side by side" in text and "- **What it is**: A shot." in text


class Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_handout_is_a_printable_page_with_landmarks(graph) -> None:
    page = handout_html(build_handout(walk(graph, "still"), DAY))
    outline = Outline()
    outline.feed(page)
    tags = [tag for tag, _ in outline.tags]
    assert ("html", {"lang": "en"}) in outline.tags
    assert tags.count("main") == 1 and "script" not in tags and "img" not in tags
    assert "break-inside: avoid" in page and "counter(page)" in page
    assert "phone number: ____" in page and "Your next appointment: ____" in page


def test_the_option_grid_on_paper_has_its_sources_and_the_persons_marks() -> None:
    decide = load_graph(MINI.parent / "decide")
    session = Session(decide)
    session.rate("avoid-injections", 2)
    handout = build_handout(session, DAY, with_options=True)
    text = handout_markdown(handout)
    grid = text[text.index("## The options side by side"):text.index("## Questions")]
    assert "Sources: [1]." in grid and decide.sources["src-a"].citation in text  # the grid's figures are sourced
    assert "  - ★ check this row for: Avoiding injections every few months" in grid
    assert "★ check this row for: Avoiding injections" in handout_html(handout)


def test_who_to_call_comes_first_in_a_box_short_enough_never_to_split(graph) -> None:
    handout = build_handout(walk(graph, "still"), DAY)
    text = handout_markdown(handout)
    assert text.index(f"Emergency: {graph.meta.emergency}") < text.index("## What we looked at")
    page_html = handout_html(handout)
    box = page_html[page_html.index('<section class="urgent"'):page_html.index("</section>")]
    assert graph.meta.emergency in box and graph.meta.clinic in box and len(box) < 600
    assert page_html.index('<section class="urgent"') < page_html.index("What we looked at")


def test_ticked_questions_say_they_are_to_tick_off_at_the_appointment(graph) -> None:
    session = walk(graph, "still")
    session.toggle_question("still", 0)
    assert "Tick each box off at your appointment." in handout_markdown(build_handout(session, DAY))
# -- moved from the old handout's tests (core/export.py): every part, nothing injectable -------
NOTES = "Ask about <script>alert(1)</script> & the scan.\n\nSecond para \x1b[31m."


@pytest.fixture
def consultation(graph) -> Session:
    session = Session(graph)
    session.choose(1)  # still
    session.toggle_question("still", 0)
    session.set_notes(NOTES)
    session.choose(1)  # options
    return session


def test_markdown_handout_has_every_part(graph, consultation: Session) -> None:
    text = handout_markdown(build_handout(consultation, dt.date(2026, 11, 24)))
    for part in (
        "# Mini guide", "2026-11-24", "version 1", "reviewed 2026-11-24", "> Information, not medical advice.",
        "Your route: Welcome, then Options.", "### Still twitching", "- [ ] How long should I wait?",
        "Ask about &lt;script&gt;alert(1)&lt;/script&gt; &amp; the scan.", "## Notes", "## Your care team",
        "Your clinic's phone number: ____", "Your next appointment: ____", "## Urgent help",
        "your local emergency number", "the phone number your surgical team gave you", "Some text for urgent.",
        "## Sources", "1. Example A. A made-up reference", content_fingerprint(graph),
    ):
        assert part in text, part
    assert "What would a second scan show?" not in text  # not ticked
    assert "\x1b" not in text  # control characters from notes are not passed on
    assert "node:end" not in text and "See the end." in text  # a link to a page means nothing on paper


class StrictPage(HTMLParser):
    """A strict reading of a page: every element closed in order, void elements only where
    HTML has them, no block inside a paragraph, list items in lists; it keeps the text."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    BLOCK = {"p", "ul", "ol", "dl", "div", "section", "main", "footer", "table", "h1", "h2", "h3", "h4", "h5", "h6"}
    PARENTS = {"li": {"ul", "ol"}, "dt": {"dl"}, "dd": {"dl"}}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert self.doctype == "DOCTYPE html", "the page starts with <!DOCTYPE html>"
        assert not any(name.startswith("on") for name, _ in attrs), f"<{tag}> has an event handler"
        if tag in self.BLOCK:
            assert "p" not in self.stack, f"<{tag}> inside a paragraph"
        if tag in self.PARENTS:
            assert self.stack and self.stack[-1] in self.PARENTS[tag], f"<{tag}> outside {self.PARENTS[tag]}"
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in self.VOID, f"<{tag}/> is not a void element"
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        assert tag not in self.VOID, f"</{tag}> closes a void element"
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def names(self) -> list[str]:
        return [tag for tag, _ in self.tags]


def strict(page: str) -> StrictPage:
    reader = StrictPage()
    reader.feed(page)
    reader.close()
    assert reader.stack == [], f"never closed: {reader.stack}"
    return reader


@pytest.mark.parametrize("guide", ["mini", "shipped"])
def test_html_handout_is_valid_html_with_one_main_and_a_language(guide: str) -> None:
    graph = load_graph(MINI if guide == "mini" else Path(__file__).parents[2] / "content")
    handout = handout_for(graph, list(graph.nodes), NOTES, DAY, with_options=True)  # every page, every part
    page = strict(handout_html(handout))
    names = page.names()
    assert names[0] == "html" and page.tags[0][1].get("lang") == graph.meta.language
    assert names.count("main") == 1 and names.count("h1") == 1 and names.count("title") == 1
    assert names.count("body") == 1 and names.count("head") == 1
    assert not {"script", "link", "img", "iframe", "object", "embed", "form"} & set(names)
    text = "".join(page.text)
    assert "Ask about <script>alert(1)</script> & the scan." in text  # shown, as text
    assert "The options side by side" in text and graph.meta.emergency in text


def test_html_handout_is_self_contained_and_inert(consultation: Session) -> None:
    page = handout_html(build_handout(consultation, DAY))
    reader = strict(page)
    text = "".join(reader.text)
    assert "How long should I wait?" in text and "Urgent help" in text and "Example A." in text
    assert "default-src 'none'" in page  # the page may fetch nothing, run nothing
    assert "http" not in page.split("<body>")[1]  # nothing fetched from anywhere


def test_content_html_in_the_urgent_body_is_not_passed_through(graph) -> None:
    # `check` refuses such a body; a graph built around it must still not pass it on.
    urgent = replace(graph.urgent_node, body="# Help\n\n<script>x()</script>\n\n[a](javascript:alert(1))\n")
    changed = replace(graph, nodes={**graph.nodes, urgent.id: urgent})
    page = handout_html(build_handout(Session(changed), DAY))
    assert "<script>" not in page and 'href="javascript' not in page
    strict(page)
    markdown = handout_markdown(build_handout(Session(changed), DAY))
    assert "<script>" not in markdown
    assert "\\[a](javascript:" in markdown  # shown as written; no viewer makes a link of an escaped [
