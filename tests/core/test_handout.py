"""The handout shows what was read, says each question once, and cannot carry markup."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hfs_guide.core.fingerprint import content_fingerprint
from hfs_guide.core.handout import build_handout
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
