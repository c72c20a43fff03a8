"""The guide's parts: the outline the map shows and the clusters of the graph export.

Authors may name a node's part (`part: After a second operation`). Nodes without one get a
sensible default, computed in one breadth-first walk (linear in the guide's size):
- option nodes belong to "Options", the urgent node (and nodes only it reaches) to "Urgent care";
- the start page and the pages it lists directly are the "Start";
- any other node belongs to the part of the page that first reaches it, where each page the
  start lists opens a part named by that page's title.
Parts keep the order in which the walk meets them, so the outline follows the guide.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from hfs_guide.core.model import Graph, Kind

START, OPTIONS, URGENT = "Start", "Options", "Urgent care"


@dataclass(frozen=True)
class Part:
    """A part of the guide and its pages, in content order."""

    title: str
    node_ids: tuple[str, ...]


def part_of(graph: Graph) -> dict[str, str]:
    """Node id -> part title, for every node (unreached nodes go to "Other pages")."""
    named = {node.id: node.part for node in graph.nodes.values() if node.part}
    parts: dict[str, str] = {}

    def assign(node_id: str, default: str) -> None:
        node = graph.nodes[node_id]
        if node_id in named:
            parts[node_id] = named[node_id]
        elif node.kind is Kind.OPTION:
            parts[node_id] = OPTIONS
        elif node.kind is Kind.URGENT:
            parts[node_id] = URGENT
        else:
            parts[node_id] = default

    queue: deque[str] = deque()
    if graph.start in graph.nodes:
        assign(graph.start, START)
        queue.append(graph.start)
    while queue:
        node_id = queue.popleft()
        for choice in graph.nodes[node_id].choices:
            target = choice.target
            if target in parts or target not in graph.nodes:
                continue
            # A page the start lists opens its own part (named by its title), unless it only
            # lets the reader pick where to go (a question page): then its children do.
            if node_id == graph.start:
                target_node = graph.nodes[target]
                default = START if target_node.kind is Kind.QUESTION else target_node.title
            elif node_id != graph.start and graph.nodes[node_id].kind is Kind.QUESTION and parts[node_id] == START:
                default = graph.nodes[target].title
            else:
                default = parts[node_id]
            assign(target, default)
            queue.append(target)
    urgent = graph.meta.urgent
    if urgent in graph.nodes and urgent not in parts:
        assign(urgent, URGENT)
        queue.append(urgent)
        while queue:
            node_id = queue.popleft()
            for choice in graph.nodes[node_id].choices:
                if choice.target in graph.nodes and choice.target not in parts:
                    assign(choice.target, URGENT)
                    queue.append(choice.target)
    for node_id in graph.nodes:
        parts.setdefault(node_id, named.get(node_id, "Other pages"))
    return parts


def outline(graph: Graph) -> tuple[Part, ...]:
    """The parts in the order met, each with its pages in content order."""
    assigned = part_of(graph)
    order: dict[str, list[str]] = {}
    for title in _met_order(graph, assigned):
        order.setdefault(title, [])
    for node_id in graph.nodes:
        order.setdefault(assigned[node_id], []).append(node_id)
    # Options and urgent care close the outline, as they close the guide's flow.
    titles = [t for t in order if t not in (OPTIONS, URGENT)] + [t for t in (OPTIONS, URGENT) if t in order]
    return tuple(Part(title, tuple(order[title])) for title in titles if order[title])


def _met_order(graph: Graph, assigned: dict[str, str]) -> list[str]:
    seen: dict[str, None] = {}
    queue: deque[str] = deque([graph.start] if graph.start in graph.nodes else [])
    visited = set(queue)
    while queue:
        node_id = queue.popleft()
        seen.setdefault(assigned[node_id], None)
        for choice in graph.nodes[node_id].choices:
            if choice.target in graph.nodes and choice.target not in visited:
                visited.add(choice.target)
                queue.append(choice.target)
    return list(seen)
