"""The guide's parts: the outline the map shows and the clusters of the graph export.

Authors may name a node's part (`part: After a second operation`); the pages reached first
from it share that part unless they name their own. Nodes without one get a default, worked
out in one breadth-first walk from the start (linear in the guide's size):
- option pages belong to "Options", the urgent page (and pages only it reaches) to "Urgent care";
- the start page belongs to the "Start", and so does a question page the start lists (such as
  "Where are you now?"): it only lets the reader pick a part, so each page it lists opens a
  part named by that page's title. A question page the start lists that leads mostly to
  option pages is the options' overview: it belongs to "Options";
- any other page the start lists opens a part named by its title;
- any other page belongs to the part of the page that first reaches it;
- a part opened this way that would hold its opening page alone is no part: that page joins
  the part of the page that lists it (usually the Start).
Parts are listed in the order their first page is written in the content, so authors set
the outline's order by the order of their file; "Urgent care" always closes it.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass

from hfs_guide.core.model import Graph, Kind

START, OPTIONS, URGENT, OTHER = "Start", "Options", "Urgent care", "Other pages"


@dataclass(frozen=True)
class Part:
    """A part of the guide and its pages, in content order."""

    title: str
    node_ids: tuple[str, ...]


def part_of(graph: Graph) -> dict[str, str]:
    """Node id -> part title, for every node (unreached nodes go to "Other pages")."""
    nodes = graph.nodes
    named = {node.id: node.part for node in nodes.values() if node.part}
    parts: dict[str, str] = {}
    flow: dict[str, str] = {}  # the part a node passes on to the pages it reaches first
    opened: dict[str, str] = {}  # page that opened a default part -> the part of the page listing it

    def assign(node_id: str, default: str, *, opens: bool = False) -> None:
        kind = nodes[node_id].kind
        if node_id in named:
            parts[node_id] = flow[node_id] = named[node_id]
        elif kind is Kind.URGENT:
            parts[node_id] = flow[node_id] = URGENT
        elif kind is Kind.OPTION:
            # An option page sits in Options, but the pages after it go on with the part
            # that led to it (unless it opened nothing: then they are the options' pages).
            parts[node_id] = OPTIONS
            flow[node_id] = OPTIONS if opens else default
        else:
            parts[node_id] = flow[node_id] = default

    def routes(node_id: str) -> bool:
        """A question page in the Start: its pages open parts of their own."""
        return nodes[node_id].kind is Kind.QUESTION and parts[node_id] == START and node_id not in named

    queue: deque[str] = deque()
    if graph.start in nodes:
        assign(graph.start, START)
        queue.append(graph.start)
    while queue:
        node_id = queue.popleft()
        for choice in nodes[node_id].choices:
            target = choice.target
            if target in parts or target not in nodes:
                continue
            page = nodes[target]
            if node_id == graph.start and page.kind is Kind.QUESTION:
                assign(target, OPTIONS if _mostly_options(graph, target) else START)
            elif node_id == graph.start or routes(node_id):
                assign(target, page.title, opens=True)
                opened[target] = parts[node_id]
            else:
                assign(target, flow[node_id])
            queue.append(target)
    urgent = graph.meta.urgent
    if urgent in nodes and urgent not in parts:
        assign(urgent, URGENT)
        queue.append(urgent)
        while queue:
            node_id = queue.popleft()
            for choice in nodes[node_id].choices:
                if choice.target in nodes and choice.target not in parts:
                    assign(choice.target, URGENT)
                    queue.append(choice.target)
    # A default part of one page is no part: fold it into the part that lists the page.
    sizes = Counter(parts.values())
    for node_id, listing in opened.items():
        title = parts[node_id]
        if sizes[title] == 1 and node_id not in named and title == nodes[node_id].title and title not in (OPTIONS, URGENT):
            parts[node_id] = listing
    for node_id in nodes:
        parts.setdefault(node_id, named.get(node_id, OTHER))
    return parts


def outline(graph: Graph) -> tuple[Part, ...]:
    """The parts in content order (by their first page; urgent care last), each with its pages."""
    assigned = part_of(graph)
    order: dict[str, list[str]] = {}
    for node_id in graph.nodes:
        order.setdefault(assigned[node_id], []).append(node_id)
    titles = [t for t in order if t != URGENT] + [t for t in (URGENT,) if t in order]
    return tuple(Part(title, tuple(order[title])) for title in titles)


def _mostly_options(graph: Graph, node_id: str) -> bool:
    """True when more than half of a page's choices lead to option pages."""
    choices = graph.nodes[node_id].choices
    options = sum(1 for c in choices if c.target in graph.nodes and graph.nodes[c.target].kind is Kind.OPTION)
    return options * 2 > len(choices)
