"""Checks across the whole graph, after every file has been read: all problems in one pass."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from collections import deque
from typing import Callable, Iterable

from hfs_guide.core.fields import NameHints
from hfs_guide.core.files import BODY_LIMIT
from hfs_guide.core.model import OPTION_FIELDS, Graph, Kind, Location, Node
from hfs_guide.core.problems import Problem

NODE_LINK = re.compile(r"\]\(\s*node:([^)\s]*)")
# A page is drawn whole, so what one page may hold is bounded like its body file (BODY_LIMIT):
# each question and figure is laid out on its own (a figure is a 10-line icon array, ~3 ms).
MAX_QUESTIONS, MAX_FIGURES = 30, 10
PAGE_TEXT_LIMIT = BODY_LIMIT  # characters of guide.yaml text on one page


def _at(where: Location, message: str) -> Problem:
    return Problem(where.file, where.line, where.col, message)


def validate_graph(graph: Graph) -> list[Problem]:
    problems: list[Problem] = []
    nodes = graph.nodes
    guide = next(iter(nodes.values())).where.file if nodes else graph.root
    # One hint index per set of names, each unknown name looked up once (see NameHints).
    node_hints, source_hints, term_hints = NameHints(nodes), NameHints(graph.sources), NameHints(graph.glossary)

    def unknown_node(target: str) -> str:
        return f"there is no node {target!r}{node_hints.hint(target)}"

    if not nodes:
        problems.append(Problem(guide, 0, 0, "the guide has no nodes"))
        return problems
    if graph.start and graph.start not in nodes:
        problems.append(Problem(guide, 0, 0, f"start: {unknown_node(graph.start)}"))
    urgent = graph.meta.urgent
    if urgent and urgent not in nodes:
        problems.append(Problem(guide, 0, 0, f"meta: urgent: {unknown_node(urgent)}"))
    elif urgent and nodes[urgent].kind is not Kind.URGENT:
        problems.append(_at(nodes[urgent].where, f"meta.urgent names {urgent!r}, whose kind must be 'urgent'"))

    for node in nodes.values():
        for choice in node.choices:
            if choice.target not in nodes:
                problems.append(_at(choice.where, f"node {node.id!r}: choice {choice.label!r}: {unknown_node(choice.target)}"))
        problems += _check_links(node, nodes, unknown_node)
        problems += _check_refs(node, "sources", node.sources, graph.sources, source_hints, "sources.yaml")
        problems += _check_refs(node, "glossary", node.glossary, graph.glossary, term_hints, "glossary.yaml")
        for figure in node.figures:
            if figure.source not in graph.sources:
                problems.append(_at(figure.where, f"node {node.id!r}: figure source {figure.source!r} is not in sources.yaml{source_hints.hint(figure.source)}"))
            elif figure.source not in node.sources:
                problems.append(_at(figure.where, f"node {node.id!r}: figure source {figure.source!r} must also be in the node's 'sources' list"))
        problems += _check_page_size(node)
        if not node.choices and node.kind is not Kind.ENDING:
            problems.append(_at(node.where, f"node {node.id!r} is a dead end: give it choices, or make it kind 'ending'"))
        if node.kind is Kind.OPTION:
            missing = [label for name, label in OPTION_FIELDS if not node.option.get(name)]
            if missing:
                problems.append(_at(node.where, f"option node {node.id!r} is missing option fields: {', '.join(missing)} (write 'There is no reliable figure for this' with the reason where there is no figure)"))

    roots = [r for r in (graph.start, urgent) if r in nodes]
    reachable = _reach(roots, {n.id: [c.target for c in n.choices if c.target in nodes] for n in nodes.values()})
    for node in nodes.values():
        if node.id not in reachable:
            problems.append(_at(node.where, f"node {node.id!r} cannot be reached from the start node {graph.start!r}: link to it or remove it"))

    endings = [n.id for n in nodes.values() if n.kind is Kind.ENDING]
    incoming: dict[str, list[str]] = {n: [] for n in nodes}
    for node in nodes.values():
        for choice in node.choices:
            if choice.target in incoming:
                incoming[choice.target].append(node.id)
    can_end = _reach(endings, incoming)
    for node in nodes.values():
        if node.id not in can_end and node.choices:
            problems.append(_at(node.where, f"node {node.id!r}: no path from here leads to an ending node"))
    return problems


def _reach(roots: Iterable[str], edges: dict[str, list[str]]) -> set[str]:
    seen = set(roots)
    queue = deque(seen)
    while queue:
        for nxt in edges.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _check_links(node: Node, nodes: dict, unknown_node: Callable[[str], str]) -> list[Problem]:  # type: ignore[type-arg]
    """Links to unknown nodes in the body. The body is read once, front to back: lines are
    counted from the previous link on, not from the top again for every bad link."""
    body = node.body
    if "node:" not in body:
        return []
    out = []
    path = body_path(node)
    line, line_start, counted = 1, 0, 0
    for found in NODE_LINK.finditer(body):
        target = found.group(1)
        if target not in nodes:
            at = found.start(1) - len("node:")
            line += body.count("\n", counted, at)
            line_start = body.rfind("\n", counted, at) + 1 or line_start
            counted = at
            out.append(Problem(path, line, at - line_start + 1, f"link to {unknown_node(target)}"))
    return out


def _check_page_size(node: Node) -> list[Problem]:
    """A page that would take seconds to draw (thousands of questions or figures, megabytes
    of option text in guide.yaml) is refused, as a body file over its limit is."""
    out = []
    if len(node.questions) > MAX_QUESTIONS:
        out.append(_at(node.where, f"node {node.id!r} has {len(node.questions)} questions to ask; at most {MAX_QUESTIONS} fit a page: keep the most useful"))
    if len(node.figures) > MAX_FIGURES:
        out.append(_at(node.where, f"node {node.id!r} has {len(node.figures)} figures; at most {MAX_FIGURES} fit a page: keep the ones that matter most"))
    texts = [node.title, node.summary, *node.questions, *node.option.values(),
             *(figure.text for figure in node.figures), *(choice.label for choice in node.choices)]
    size = sum(map(len, texts))
    if size > PAGE_TEXT_LIMIT:
        out.append(_at(node.where, f"node {node.id!r}: its title, summary, choices, questions, figures and option fields hold {size:,} characters; at most {PAGE_TEXT_LIMIT:,} fit a page: shorten them"))
    return out


def body_path(node: Node) -> str:
    """The body file's name as the loader reported it (content folder + normalised path)."""
    return str(Path(node.where.file).parent / posixpath.normpath(node.body_file))


def _check_refs(node: Node, field: str, ids: tuple[str, ...], known: dict, hints: NameHints, where_defined: str) -> list[Problem]:  # type: ignore[type-arg]
    out = []
    for ref in ids:
        if ref not in known:
            where = node.marks.get(f"{field}:{ref}", node.where)
            out.append(_at(where, f"node {node.id!r}: {field}: {ref!r} is not in {where_defined}{hints.hint(ref)}"))
    return out
