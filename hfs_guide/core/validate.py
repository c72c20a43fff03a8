"""Checks across the whole graph, after every file has been read: all problems in one pass."""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from typing import Callable, Iterable

from hfs_guide.core import markdown
from hfs_guide.core.decision_loader import check_decision
from hfs_guide.core.fields import NameHints
from hfs_guide.core.files import BODY_LIMIT
from hfs_guide.core.ledger import check_ledger
from hfs_guide.core.location import Location
from hfs_guide.core.model import OPTION_FIELDS, Graph, Kind, Node
from hfs_guide.core.problems import Problem

_INLINE_TO_NODE = re.compile(r"\]\(\s*node:([^)\s]*)")
_REFERENCE_TO_NODE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?node:", re.MULTILINE)

# A page is drawn whole, so what one page may hold is bounded like its body file (BODY_LIMIT):
# each question and fact is laid out on its own (an icon array is 10 lines, ~3 ms).
MAX_QUESTIONS, MAX_FACTS = 30, 10
PAGE_TEXT_LIMIT = BODY_LIMIT  # characters of guide.yaml text on one page


def _at(where: Location, message: str, code: str = "content") -> Problem:
    return Problem(where.file, where.line, where.col, message, code=code)


def validate_graph(graph: Graph, today: dt.date | None = None) -> list[Problem]:
    """Every problem across the graph, then the evidence ledger's rules (core/ledger.py)."""
    problems = _check_graph(graph)
    if graph.nodes:
        problems += check_ledger(graph, today)
    return problems


def _check_graph(graph: Graph) -> list[Problem]:
    problems: list[Problem] = []
    nodes = graph.nodes
    # One hint index per set of names, each unknown name looked up once (see NameHints).
    node_hints, source_hints, term_hints = NameHints(nodes), NameHints(graph.sources), NameHints(graph.glossary)

    def unknown_node(target: str) -> str:
        return f"there is no node {target!r}{node_hints.hint(target)}"

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
        problems += _check_refs(node, "sources", node.sources, graph.sources, source_hints, "sources.yaml")
        problems += _check_refs(node, "glossary", node.glossary, graph.glossary, term_hints, "glossary.yaml")
        problems += _check_page_size(node)
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
    problems += check_decision(graph.decision, graph)
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


def _check_links(node: Node, nodes: object, unknown_node: Callable[[str], str]) -> list[Problem]:
    """Links to pages that do not exist, found by the same parser that renders them, so a
    reference link (`[text][ref]` with `[ref]: node:x`) or an autolink (`<node:x>`) is checked
    like an inline one. The body is parsed once; each bad link is located on its line."""
    body = node.body
    if "node:" not in body:
        return []
    # Fast path, exact for the common case: when every inline target a regex sees exists and
    # the body has no reference definition or autolink to a node, no link can be broken, and
    # parsing every body of a large guide (the slow part of check) is not needed.
    if "<node:" not in body and not _REFERENCE_TO_NODE.search(body) and all(
            target in nodes for target in _INLINE_TO_NODE.findall(body)):  # type: ignore[operator]
        return []
    out = []
    path = body_path(node)
    lines = node.body.split("\n")
    for link in markdown.node_targets(node.body):
        target = link.node_id or ""
        if target in nodes:  # type: ignore[operator]
            continue
        line, col = _find(lines, link.line, re.compile(rf"node:{re.escape(target)}(?![A-Za-z0-9_-])"))
        out.append(Problem(path, line, col, f"link to {unknown_node(target)}", code="unknown-node"))
    return out


def _find(lines: list[str], first: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    """Where `pattern` is written, looking from line `first` on (a paragraph may span lines,
    and a reference's definition may sit lower down); the paragraph's start when not found."""
    for number in range(max(first, 1), len(lines) + 1):
        found = pattern.search(lines[number - 1])
        if found:
            return number, found.start() + 1
    return max(first, 1), 1


def _check_page_size(node: Node) -> list[Problem]:
    """A page that would take seconds to draw (thousands of questions or facts, megabytes
    of option text in guide.yaml) is refused, as a body file over its limit is."""
    out = []
    if len(node.questions) > MAX_QUESTIONS:
        out.append(_at(node.where, f"node {node.id!r} has {len(node.questions)} questions to ask; at most {MAX_QUESTIONS} fit a page: keep the most useful", "page-size"))
    if len(node.facts) > MAX_FACTS * 3:
        out.append(_at(node.where, f"node {node.id!r} has {len(node.facts)} facts; at most {MAX_FACTS * 3} fit a page: keep the ones that matter most", "page-size"))
    if len(node.figures) > MAX_FACTS:
        out.append(_at(node.where, f"node {node.id!r} draws {len(node.figures)} icon arrays; at most {MAX_FACTS} fit a page: keep the ones that matter most", "page-size"))
    texts = [node.title, node.summary, *node.questions, *node.option.values(),
             *(fact.says for fact in node.facts), *(choice.label for choice in node.choices)]
    size = sum(map(len, texts))
    if size > PAGE_TEXT_LIMIT:
        out.append(_at(node.where, f"node {node.id!r}: its title, summary, choices, questions, facts and option fields hold {size:,} characters; at most {PAGE_TEXT_LIMIT:,} fit a page: shorten them", "page-size"))
    return out


def body_path(node: Node) -> str:
    """The body file's name as the loader reported it (see `Node.body_path`)."""
    return node.body_path


def _check_refs(node: Node, field: str, ids: tuple[str, ...], known: object, hints: NameHints, where_defined: str) -> list[Problem]:
    out = []
    for ref in ids:
        if ref not in known:  # type: ignore[operator]
            where = node.marks.get(f"{field}:{ref}", node.where)
            out.append(_at(where, f"node {node.id!r}: {field}: {ref!r} is not in {where_defined}{hints.hint(ref)}", f"unknown-{field.rstrip('s')}"))
    return out
