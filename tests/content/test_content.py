"""The shipped guide: complete, sourced and readable. These fail when content breaks.

Loading already refuses what `check` refuses (dead ends, unknown links, sources and glossary
terms, empty option fields); these tests hold the content to what loading does not check.
"""

from __future__ import annotations

import re
import statistics

import pytest
import textstat

from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Kind, Node

GRAPH = load_graph()  # the shipped content; a ContentError here fails collection loudly
NODES = list(GRAPH.nodes.values())
# A statistic: "9 in 10", "3 out of 100", "25%", "25 percent".
STATISTIC = re.compile(r"\d[\d,.]*\s*(?:in|out of)\s+\d|\d\s*%|\d\s*percent", re.IGNORECASE)
MASKED = re.compile(r"hemifacial spasm|microvascular decompression|botulinum toxin", re.IGNORECASE)


def readable_text(markdown: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"^\s{0,3}(#{1,6}|[-*+]|\d+\.)\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"[*_`>|]", "", text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # A heading or list item without a full stop is still a sentence to a reader.
    text = " ".join(line if line[-1] in ".?!:" else line + "." for line in lines)
    return MASKED.sub("it", text)


def all_text(node: Node) -> str:
    return " ".join([node.body, node.summary, *node.option.values(), *(f.says for f in node.facts)])


def test_the_flow_has_what_the_guide_promises() -> None:
    kinds = {kind: [n for n in NODES if n.kind is kind] for kind in Kind}
    assert GRAPH.start == "welcome"
    assert len(kinds[Kind.OPTION]) == 5
    assert kinds[Kind.ENDING], "there must be ending nodes"
    assert GRAPH.urgent_node.kind is Kind.URGENT
    assert GRAPH.meta.urgent in [c.target for c in GRAPH.start_node.choices], "welcome links to urgent care"
    assert "911, 999 or 112" in GRAPH.meta.emergency
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", GRAPH.meta.reviewed) and GRAPH.meta.review_note


@pytest.mark.parametrize("node", [n for n in NODES if n.kind is Kind.OPTION], ids=lambda n: n.id)
def test_option_nodes_give_a_figure_or_say_there_is_none_and_cite_sources(node: Node) -> None:
    helps = node.option["how_often_it_helps"]
    assert STATISTIC.search(helps) or "no reliable figure" in helps.lower(), helps
    assert node.sources, f"{node.id} has figures but no sources"


@pytest.mark.parametrize("node", NODES, ids=lambda n: n.id)
def test_every_statistic_has_a_source_on_its_node(node: Node) -> None:
    if STATISTIC.search(all_text(node)):
        assert node.sources, f"{node.id} gives a figure without a source id"


def test_no_node_advises_or_exclaims() -> None:
    for node in NODES:
        text = all_text(node)
        assert "!" not in re.sub(r"press\s+!|key\s+!|!\s+or\s+u|`!`|\(!\)|or\s+!", "", text, flags=re.IGNORECASE), node.id
        assert not re.search(r"\byou should\b|\bthe good news\b", text, re.IGNORECASE), node.id


def test_every_node_body_is_plain_language() -> None:
    grades = {n.id: textstat.flesch_kincaid_grade(readable_text(n.body)) for n in NODES}
    too_hard = {node_id: grade for node_id, grade in grades.items() if grade > 8}
    assert too_hard == {}, f"over grade 8: {too_hard}"
    assert statistics.median(grades.values()) <= 7, f"median grade {statistics.median(grades.values())}"


def test_every_source_is_cited_by_some_page() -> None:
    cited = {s for n in NODES for s in n.sources} | {f.source for n in NODES for f in n.figures}
    if GRAPH.decision.ready is not None:  # the readiness questions cite the test they adapt
        cited.add(GRAPH.decision.ready.source)
    assert sorted(set(GRAPH.sources) - cited) == [], "sources.yaml lists sources no page cites"


def names_of(term_id: str, term: str) -> set[str]:
    """How a page may write a glossary term: as titled, either half of "Name (other name)", or its id."""
    head, _, other = term.partition(" (")
    return {name.lower() for name in (term, head, other.rstrip(")"), term_id.replace("-", " ")) if name}


def test_every_glossary_term_is_used_on_some_page() -> None:
    text = " ".join(all_text(n) + " " + n.title for n in NODES).lower()
    unused = [
        term_id for term_id, entry in GRAPH.glossary.items()
        if not any(re.search(rf"\b{re.escape(name)}\b", text) for name in names_of(term_id, entry.term))
    ]
    assert unused == [], "glossary.yaml explains terms no page uses (or spells them differently)"
