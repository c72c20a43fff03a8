"""The guide's parts: the map's outline and the graph export's clusters."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hfs_guide.core.loader import load_graph
from hfs_guide.core.location import Location
from hfs_guide.core.model import Choice, Graph, Kind, Node
from hfs_guide.core.parts import OPTIONS, START, URGENT, outline, part_of
from tests.hardening.big_guide import big_graph

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
HERE = Location("x")


def page(node_id: str, *targets: str, kind: Kind = Kind.INFO, part: str = "") -> Node:
    """A page titled by its id, with a choice to each target."""
    return Node(node_id, kind, node_id.title(), "s", "", "", choices=tuple(Choice(t, t, HERE) for t in targets), part=part)


def guide(*pages: Node) -> Graph:
    """A guide of `pages` (the first is the start), with the mini guide's meta (urgent: 'urgent')."""
    base = load_graph(MINI)
    return replace(base, start=pages[0].id, nodes={p.id: p for p in pages})


def titles(graph: Graph) -> list[str]:
    return [p.title for p in outline(graph)]


def test_default_parts_follow_the_start_pages_and_close_with_urgent_care() -> None:
    graph = load_graph(MINI)
    parts = outline(graph)
    assert titles(graph) == [START, "Still twitching", OPTIONS, URGENT]
    assert sorted(n for p in parts for n in p.node_ids) == sorted(graph.nodes)  # every page once
    # "It came back" leads only to pages "Still twitching" reached first: a one-page part is
    # no part, so it joins the Start that lists it.
    assert part_of(graph)["back-again"] == START


def test_an_authors_part_wins_and_carries_on_to_the_pages_it_reaches_first() -> None:
    graph = load_graph(MINI)
    nodes = {**graph.nodes, "end": replace(graph.nodes["end"], part="Endings"),
             "still": replace(graph.nodes["still"], part="Twitching that never stopped")}
    parts = part_of(replace(graph, nodes=nodes))
    assert parts["end"] == "Endings"
    assert parts["still"] == parts["options"] == "Twitching that never stopped"


def test_a_router_page_on_the_start_opens_a_part_for_each_situation_and_an_options_overview_is_options() -> None:
    graph = guide(
        page("welcome", "where", "overview", "urgent", kind=Kind.QUESTION),
        page("where", "never-stopped", "came-back", kind=Kind.QUESTION),  # lets the reader pick
        page("never-stopped", "wait"), page("wait", "overview"),
        page("came-back", "why"), page("why", "end"),
        page("overview", "botox", "pills", "what-matters", kind=Kind.QUESTION),  # mostly options
        page("botox", "eyes", kind=Kind.OPTION), page("pills", kind=Kind.OPTION),
        page("eyes"), page("what-matters"), page("end", kind=Kind.ENDING),
        page("urgent", "welcome", kind=Kind.URGENT),
    )
    parts = {p.title: p.node_ids for p in outline(graph)}
    assert parts == {
        START: ("welcome", "where"),
        "Never-Stopped": ("never-stopped", "wait"),
        "Came-Back": ("came-back", "why", "end"),
        OPTIONS: ("overview", "botox", "pills", "eyes", "what-matters"),
        URGENT: ("urgent",),
    }


def test_parts_follow_the_order_of_the_file_and_urgent_care_closes_the_outline() -> None:
    graph = guide(
        page("urgent", "welcome", kind=Kind.URGENT),
        page("welcome", "b", "a", "urgent"),
        page("a", "a2"), page("a2"),
        page("b", "b2"), page("b2"),
    )
    nodes = graph.nodes
    graph = replace(graph, start="welcome", nodes={k: nodes[k] for k in ("urgent", "welcome", "a", "a2", "b", "b2")})
    assert titles(graph) == [START, "A", "B", URGENT]  # "b" is listed first, but written after "a"


def test_pages_after_an_option_keep_the_part_that_led_there() -> None:
    big = big_graph(1_000)  # a chain with every fifth page an option
    parts = part_of(big)
    assert parts["n4"] == OPTIONS and parts["n5"] == parts["n998"] == "Step 1 of the synthetic guide"
    assert [(p.title, len(p.node_ids)) for p in outline(big)] == [
        (START, 1), ("Step 1 of the synthetic guide", 848), (OPTIONS, 150), (URGENT, 1)]


def test_parts_are_linear_on_a_long_chain() -> None:
    graph = load_graph(MINI)
    # 20,000 pages in a chain: one walk, no blow-up (a quadratic walk would take minutes)
    chain = {f"n{i}": Node(f"n{i}", Kind.INFO, f"Page {i}", "s", "", "", choices=(Choice("next", f"n{i + 1}", HERE),))
             for i in range(20_000)}
    chain["n20000"] = Node("n20000", Kind.ENDING, "End", "s", "", "")
    start = replace(graph.nodes["welcome"], choices=(Choice("go", "n0", HERE),))
    big = replace(graph, nodes={**graph.nodes, "welcome": start, **chain})
    assert part_of(big)["n19999"] == "Page 0"


def test_the_shipped_guide_reads_as_its_parts() -> None:
    graph = load_graph()
    parts = {p.title: p.node_ids for p in outline(graph)}
    assert list(parts) == [
        START, "The first operation", "Twitching that never stopped", "Twitching that came back",
        "After a second operation", OPTIONS, "Next steps and questions to ask", "Living with it", URGENT]
    assert sorted(n for ids in parts.values() for n in ids) == sorted(graph.nodes)
    assert {"welcome", "where-are-you"} <= set(parts[START])
    assert parts["The first operation"][0] == "what-is-hfs" and "end-first-operation" in parts["The first operation"]
    assert {"options-overview", "option-botox", "option-revision-surgery", "end-options"} <= set(parts[OPTIONS])
    assert parts[URGENT] == ("urgent-care",)
