"""What a page holds is decided in the core (core/page.py): one rule, every front end."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Kind
from hfs_guide.core.page import (
    AtAGlance, Body, Contacts, EndNote, Facts, Offered, Questions, Sources, StartNotice, Title, page,
)
from hfs_guide.core.session import Session

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


@pytest.fixture(scope="module")
def graph():
    return load_graph(MINI)


def kinds(p) -> list[type]:
    return [type(block) for block in p.blocks]


def test_start_page_carries_the_notice_with_the_review_date(graph) -> None:
    p = page(graph, Session(graph))
    notice = p.first(StartNotice)
    assert notice == StartNotice(graph.meta.disclaimer, graph.meta.reviewed)
    assert page(graph, node=graph.nodes["still"]).first(StartNotice) is None


def test_urgent_page_carries_the_emergency_and_clinic_text(graph) -> None:
    session = Session(graph)
    session.urgent()
    contacts = page(graph, session).first(Contacts)
    assert contacts == Contacts(graph.meta.emergency, graph.meta.clinic)
    assert all(page(graph, node=n).first(Contacts) is None for n in graph.nodes.values() if n.kind is not Kind.URGENT)


def test_title_is_left_out_only_when_the_body_opens_with_the_same_heading(graph) -> None:
    node = graph.nodes["still"]
    assert page(graph, node=replace(node, body="# Still TWITCHING\n\nText.")).first(Title) is None
    assert page(graph, node=replace(node, body="Still twitching\n\nText.")).first(Title) == Title("Still twitching")
    assert page(graph, node=replace(node, body="## Something else")).first(Title) == Title("Still twitching")


def test_option_page_has_its_facts_at_a_glance_in_grid_order(graph) -> None:
    rows = page(graph, node=graph.nodes["option-a"]).first(AtAGlance).rows
    assert rows[0] == ("What it is", "A shot.") and rows[-1] == ("Who it may not suit", "People who dislike needles.")
    assert page(graph, node=graph.nodes["still"]).first(AtAGlance) is None


def test_questions_show_the_sessions_ticks_and_a_ticked_question_is_ticked_everywhere(graph) -> None:
    session = Session(graph)
    session.go("still")
    session.toggle_question("still", 1)
    items = page(graph, session).first(Questions).items
    assert [(q.index, q.ticked) for q in items] == [(0, False), (1, True)]
    other = replace(graph.nodes["end"], questions=("What would a second scan show?",))
    nodes = {**graph.nodes, "end": other}
    g2 = replace(graph, nodes=nodes)
    s2 = Session(g2)
    s2.ticked = set(session.ticked)
    assert page(g2, s2, other).first(Questions).items[0].ticked
    assert [q for _, q in s2.ticked_questions()] == ["What would a second scan show?"]


def test_sources_are_readable_citations_and_figures_come_with_their_sentence(graph) -> None:
    p = page(graph, node=graph.nodes["still"])
    assert [c.text for c in p.first(Sources).citations] == [graph.sources["src-a"].citation]
    fact = p.first(Facts).items[0]
    assert fact.says == "about 25 in 100 people get better slowly" and (fact.count, fact.of) == (25, 100)
    assert page(graph, node=graph.nodes["welcome"]).first(Sources) is None


def test_only_an_ending_without_choices_has_an_end_note(graph) -> None:
    assert page(graph, node=graph.nodes["end"]).first(EndNote) == EndNote()
    assert all(page(graph, node=n).first(EndNote) is None for n in graph.nodes.values() if n.id != "end")


def test_offered_links_skip_this_page_choice_targets_and_unknown_pages(graph) -> None:
    node = replace(graph.nodes["still"], body=(
        "See [options](node:options), [the end](node:end), [here](node:still), "
        "[gone](node:nowhere) and [a site](https://example.org)."))
    offered = page(graph, node=node).first(Offered).links
    assert [link.href for link in offered] == ["node:end", "https://example.org"]


def test_blocks_come_in_reading_order(graph) -> None:
    session = Session(graph)
    session.go("still")
    assert kinds(page(graph, session))[:5] == [Title, Body, Facts, Questions, Sources]
    assert kinds(page(graph, node=graph.nodes["option-a"]))[:3] == [Title, Body, AtAGlance]


def test_pages_are_hashable_values(graph) -> None:
    session = Session(graph)
    session.go("still")
    before = page(graph, session)
    assert before == page(graph, session) and hash(before) == hash(page(graph, session))
    session.toggle_question("still", 0)
    assert page(graph, session) != before
