"""Checks across the whole graph, after every file has been read: all problems in one pass."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path
from collections import deque
from typing import Iterable

from hfs_guide.core.fields import did_you_mean
from hfs_guide.core.files import line_col
from hfs_guide.core.model import OPTION_FIELDS, Graph, Kind, Location, Node
from hfs_guide.core.problems import Problem

NODE_LINK = re.compile(r"\]\(\s*node:([^)\s]*)")


def _at(where: Location, message: str, code: str = "content") -> Problem:
    return Problem(where.file, where.line, where.col, message, code=code)


def validate_graph(graph: Graph, today: dt.date | None = None) -> list[Problem]:
    """Every problem across the graph, then the evidence ledger's rules (core/ledger.py)."""
    from hfs_guide.core.ledger import check_ledger

    problems = _check_graph(graph)
    if graph.nodes:
        problems += check_ledger(graph, today)
    return problems


def _check_graph(graph: Graph) -> list[Problem]:
    problems: list[Problem] = []
    nodes = graph.nodes

    def unknown_node(target: str) -> str:
        return f"there is no node {target!r}{did_you_mean(target, nodes)}"

    if not nodes:
        problems.append(_at(graph.mark("nodes"), "the guide has no nodes"))
        return problems
    if graph.start and graph.start not in nodes:
        problems.append(_at(graph.mark("start"), f"start: {unknown_node(graph.start)}", "unknown-node"))
    urgent = graph.meta.urgent
    if urgent and urgent not in nodes:
        problems.append(_at(graph.mark("meta.urgent"), f"meta: urgent: {unknown_node(urgent)}", "unknown-node"))
    elif urgent and nodes[urgent].kind is not Kind.URGENT:
        problems.append(_at(graph.mark("meta.urgent"), f"meta.urgent names {urgent!r}, whose kind must be 'urgent'", "urgent-kind"))

    for node in nodes.values():
        for choice in node.choices:
            if choice.target not in nodes:
                problems.append(_at(choice.where, f"node {node.id!r}: choice {choice.label!r}: {unknown_node(choice.target)}", "unknown-node"))
        problems += _check_links(node, nodes, unknown_node)
        problems += _check_refs(node, "sources", node.sources, graph.sources, "sources.yaml")
        problems += _check_refs(node, "glossary", node.glossary, graph.glossary, "glossary.yaml")
        if not node.choices and node.kind is not Kind.ENDING:
            problems.append(_at(node.where, f"node {node.id!r} is a dead end: give it choices, or make it kind 'ending'", "dead-end"))
        if node.kind is Kind.OPTION:
            missing = [label for name, label in OPTION_FIELDS if not node.option.get(name)]
            if missing:
                problems.append(_at(node.where, f"option node {node.id!r} is missing option fields: {', '.join(missing)} (write 'There is no reliable figure for this' with the reason where there is no figure)", "option-field-missing"))

    roots = [r for r in (graph.start, urgent) if r in nodes]
    reachable = _reach(roots, {n.id: [c.target for c in n.choices if c.target in nodes] for n in nodes.values()})
    for node in nodes.values():
        if node.id not in reachable:
            problems.append(_at(node.where, f"node {node.id!r} cannot be reached from the start node {graph.start!r}: link to it or remove it", "unreachable"))

    endings = [n.id for n in nodes.values() if n.kind is Kind.ENDING]
    incoming: dict[str, list[str]] = {n: [] for n in nodes}
    for node in nodes.values():
        for choice in node.choices:
            if choice.target in incoming:
                incoming[choice.target].append(node.id)
    can_end = _reach(endings, incoming)
    for node in nodes.values():
        if node.id not in can_end and node.choices:
            problems.append(_at(node.where, f"node {node.id!r}: no path from here leads to an ending node", "no-ending"))
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


def _check_links(node: Node, nodes: dict, unknown_node) -> list[Problem]:  # type: ignore[type-arg]
    if "node:" not in node.body:
        return []
    out = []
    path = body_path(node)
    for found in NODE_LINK.finditer(node.body):
        target = found.group(1)
        if target not in nodes:
            line, col = line_col(node.body, found.start(1) - len("node:"))
            out.append(Problem(path, line, col, f"link to {unknown_node(target)}", code="unknown-node"))
    return out


def body_path(node: Node) -> str:
    """The body file's name as the loader reported it (content folder + normalised path)."""
    return str(Path(node.where.file).parent / posixpath.normpath(node.body_file))


def _check_refs(node: Node, field: str, ids: tuple[str, ...], known: dict, where_defined: str) -> list[Problem]:  # type: ignore[type-arg]
    out = []
    for ref in ids:
        if ref not in known:
            where = node.marks.get(f"{field}:{ref}", node.where)
            out.append(_at(where, f"node {node.id!r}: {field}: {ref!r} is not in {where_defined}{did_you_mean(ref, known)}", f"unknown-{field.rstrip('s')}"))
    return out
