"""The guide's parts: the map's outline and the graph export's clusters."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hfs_guide.core.loader import load_graph
from hfs_guide.core.parts import OPTIONS, URGENT, outline, part_of

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


def test_default_parts_follow_the_start_pages_and_close_with_options_and_urgent_care() -> None:
    graph = load_graph(MINI)
    parts = outline(graph)
    titles = [p.title for p in parts]
    assert titles[-2:] == [OPTIONS, URGENT]
    assert "Still twitching" in titles and "It came back" in titles
    assert sorted(n for p in parts for n in p.node_ids) == sorted(graph.nodes)  # every page once


def test_an_authors_part_wins() -> None:
    graph = load_graph(MINI)
    nodes = {**graph.nodes, "end": replace(graph.nodes["end"], part="Endings")}
    assert part_of(replace(graph, nodes=nodes))["end"] == "Endings"


def test_parts_are_linear_on_a_long_chain() -> None:
    graph = load_graph(MINI)
    # 20,000 pages in a chain: one walk, no blow-up (a quadratic walk would take minutes)
    from hfs_guide.core.model import Choice, Kind, Location, Node

    chain = {f"n{i}": Node(f"n{i}", Kind.INFO, f"Page {i}", "s", "", "", choices=(Choice("next", f"n{i + 1}", Location("x")),))
             for i in range(20_000)}
    chain["n20000"] = Node("n20000", Kind.ENDING, "End", "s", "", "")
    start = replace(graph.nodes["welcome"], choices=(Choice("go", "n0", Location("x")),))
    big = replace(graph, nodes={**graph.nodes, "welcome": start, **chain})
    assert part_of(big)["n19999"] == "Page 0"
