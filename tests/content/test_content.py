"""The shipped guide: valid, complete, sourced and readable. These fail when content breaks."""

from __future__ import annotations

import re
import statistics

import pytest
import textstat

from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import OPTION_FIELD_NAMES, Kind, Node
from hfs_guide.core.validate import NODE_LINK

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


def test_every_non_ending_node_has_choices() -> None:
    assert [n.id for n in NODES if n.kind is not Kind.ENDING and not n.choices] == []


@pytest.mark.parametrize("node", [n for n in NODES if n.kind is Kind.OPTION], ids=lambda n: n.id)
def test_option_nodes_fill_every_field_and_source_their_figures(node: Node) -> None:
    assert [f for f in OPTION_FIELD_NAMES if not node.option.get(f, "").strip()] == []
    helps = node.option["how_often_it_helps"]
    assert STATISTIC.search(helps) or "no reliable figure" in helps.lower(), helps
    assert node.sources, f"{node.id} has figures but no sources"


@pytest.mark.parametrize("node", NODES, ids=lambda n: n.id)
def test_every_statistic_has_a_source_on_its_node(node: Node) -> None:
    if STATISTIC.search(all_text(node)):
        assert node.sources, f"{node.id} gives a figure without a source id"
    for link in NODE_LINK.finditer(node.body):
        assert link.group(1) in GRAPH.nodes


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


def test_every_source_cited_and_every_glossary_term_used_exists() -> None:
    cited = {s for n in NODES for s in n.sources}
    assert cited <= set(GRAPH.sources)
    assert all(GRAPH.sources[s].citation for s in cited)
