"""The decision graph for clinicians reviewing the flow: Graphviz DOT and Mermaid.

Kinds have shapes and colours (urgent red, options green, endings grey, questions as
diamonds), nodes sit in clusters by part (core/parts.py), ids are shown under titles, and
edges that lead back up the flow (to a page met earlier in a breadth-first walk: "back",
"summary", "start again") are dashed, grey, unlabelled and do not constrain the layout, so
the forward flow reads left to right. A legend explains the shapes.
"""

from __future__ import annotations

import html
from collections import deque

from hfs_guide.core.model import Graph, Kind
from hfs_guide.core.parts import outline

# kind -> (DOT shape, fill colour, Mermaid class style)
STYLE: dict[Kind, tuple[str, str]] = {
    Kind.QUESTION: ("diamond", "#dbe9ff"),
    Kind.INFO: ("box", "#ffffff"),
    Kind.OPTION: ("component", "#d9f2d9"),
    Kind.ENDING: ("box", "#e6e6e6"),
    Kind.URGENT: ("octagon", "#ffd6d6"),
}
LEGEND = {
    Kind.QUESTION: "question: the reader picks where to go",
    Kind.INFO: "information page",
    Kind.OPTION: "treatment option",
    Kind.ENDING: "end of a path",
    Kind.URGENT: "urgent care",
}


def depths(graph: Graph) -> dict[str, int]:
    """Breadth-first depth from the start (and the urgent node), for telling back edges."""
    depth: dict[str, int] = {}
    queue: deque[str] = deque()
    for root in (graph.start, graph.meta.urgent):
        if root in graph.nodes and root not in depth:
            depth[root] = 0
            queue.append(root)
    while queue:
        node_id = queue.popleft()
        for choice in graph.nodes[node_id].choices:
            if choice.target in graph.nodes and choice.target not in depth:
                depth[choice.target] = depth[node_id] + 1
                queue.append(choice.target)
    return depth


def is_back_edge(depth: dict[str, int], source: str, target: str) -> bool:
    """An edge to a page no deeper than where it starts: back, summary or start again."""
    return depth.get(target, 0) <= depth.get(source, 0)


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def graph_dot(graph: Graph) -> str:
    """Graphviz DOT: `dot -Tsvg` draws it."""
    q = _dot_quote
    depth = depths(graph)
    out = ["digraph guide {", "  rankdir=LR; nodesep=0.3; ranksep=0.6; forcelabels=true;",
           '  node [style=filled, fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=9];']
    for number, part in enumerate(outline(graph)):
        out.append(f"  subgraph cluster_{number} {{")
        out.append(f'    label={q(part.title)}; style=rounded; color="#999999"; fontname="Helvetica";')
        for node_id in part.node_ids:
            node = graph.nodes[node_id]
            shape, fill = STYLE[node.kind]
            label = q(node.title)[:-1] + "\\n(" + q(node.id)[1:-1] + ')"'  # title, then (id) under it
            out.append(f'    {q(node.id)} [label={label}, shape={shape}, fillcolor="{fill}"];')
        out.append("  }")
    for node in graph.nodes.values():
        for choice in node.choices:
            if choice.target not in graph.nodes:
                continue
            # xlabel, not label: Graphviz 2.43 fails ("trouble in init_rank") on labelled
            # edges between clusters, and external labels keep the layout compact too.
            attrs = f"xlabel={q(choice.label)}"
            if is_back_edge(depth, node.id, choice.target):  # unlabelled: the dashes say "back"
                attrs = f'tooltip={q(choice.label)}, style=dashed, color="#aaaaaa", constraint=false'
            out.append(f"  {q(node.id)} -> {q(choice.target)} [{attrs}];")
    out.append("  subgraph cluster_legend {")
    out.append('    label="Legend"; style=rounded; color="#999999"; fontname="Helvetica";')
    for number, (kind, words) in enumerate(LEGEND.items()):
        shape, fill = STYLE[kind]
        out.append(f'    legend_{number} [label={q(words)}, shape={shape}, fillcolor="{fill}"];')
    out.append('    legend_a [label="", shape=point]; legend_b [label="", shape=point];')
    out.append('    legend_a -> legend_b [label="goes back up the flow", style=dashed, color="#999999"];')
    out.append("  }")
    return "\n".join(out + ["}"]) + "\n"


def graph_mermaid(graph: Graph) -> str:
    """A Mermaid flowchart; ids are numbered because words such as `end` are Mermaid keywords."""
    ids = {node_id: f"n{i}" for i, node_id in enumerate(graph.nodes)}
    depth = depths(graph)

    def label(text: str) -> str:
        return html.escape(text).replace("\n", " ")

    out = ["flowchart TD"]
    for kind, (_, fill) in STYLE.items():
        out.append(f"  classDef {kind.value} fill:{fill},stroke:#555")
    for number, part in enumerate(outline(graph)):
        out.append(f'  subgraph part{number}["{label(part.title)}"]')
        for node_id in part.node_ids:
            node = graph.nodes[node_id]
            open_, close = {"question": ("{", "}"), "urgent": ("{{", "}}"), "option": ("[[", "]]")}.get(node.kind.value, ("[", "]"))
            out.append(f'    {ids[node_id]}{open_}"{label(node.title)}<br>({node.id})"{close}:::{node.kind.value}')
        out.append("  end")
    for node in graph.nodes.values():
        for choice in node.choices:
            if choice.target in ids:
                arrow = "-.->" if is_back_edge(depth, node.id, choice.target) else "-->"
                out.append(f'  {ids[node.id]} {arrow}|"{label(choice.label)}"| {ids[choice.target]}')
    out.append('  subgraph legend["Legend"]')
    for number, (kind, words) in enumerate(LEGEND.items()):
        out.append(f'    legend{number}["{label(words)}"]:::{kind.value}')
    out.append('    legendA["dashed arrow: goes back up the flow"]')
    out.append("  end")
    return "\n".join(out) + "\n"
