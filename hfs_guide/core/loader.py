"""Build a Graph from a content folder; every problem ends in one ContentError.

Content files are untrusted input: sizes are bounded before parsing, YAML is read through
the located, non-recursive reader in `yamltree`, every field's type is checked, and text is
kept exactly as written (the front ends show it literally). Files are read only when they
resolve to regular files inside the content folder (`files.read_text`). Each node's fields
and its body file are read by core/nodes.py.

Memory is bounded for any content folder, whatever its shape: one value budget for all three
YAML files (of which sources.yaml and glossary.yaml may use at most TABLE_VALUES each), at
most MAX_NODES nodes and MAX_ENTRIES sources or glossary terms, each body file
read once however many nodes share it, at most nodes.BODY_TOTAL_LIMIT of body text in all, and at
most MAX_PROBLEMS problems kept (a hostile file could otherwise cause millions).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from hfs_guide.core.dates import date_problem
from hfs_guide.core.decision_loader import TOP_FIELDS as DECISION_FIELDS
from hfs_guide.core.decision_loader import read_decision
from hfs_guide.core.facts import read_sources
from hfs_guide.core.fields import Reader
from hfs_guide.core.files import GUIDE_LIMIT, Fence, guide_file, read_text
from hfs_guide.core.model import GlossaryTerm, Graph, Meta, Node, Source
from hfs_guide.core.nodes import Bodies, read_node
from hfs_guide.core.problems import MAX_PROBLEMS, ContentError, Problem, ProblemSink
from hfs_guide.core.yamltree import Budget, Map, YamlProblem, YNode, parse

MAX_NODES = 25_000
MAX_ENTRIES = 10_000  # sources, and glossary terms, each
TABLE_VALUES = 100_000  # values in sources.yaml, and in glossary.yaml: MAX_ENTRIES entries of 10
META_FIELDS = ("title", "language", "version", "reviewed", "review_note", "urgent", "emergency", "clinic", "disclaimer")


def load_graph(path: str | os.PathLike[str] | None = None, validate: bool = True, today: dt.date | None = None) -> Graph:
    """Load and (by default) validate the content at `path` (folder or guide file).

    Raises ContentError when there is any error; warnings alone do not stop loading
    (`check_graph` returns them)."""
    graph, problems = check_graph(path, validate, today)
    if graph is None or any(problem.is_error for problem in problems):
        raise ContentError(problems)
    return graph


def check_graph(
    path: str | os.PathLike[str] | None = None, validate: bool = True, today: dt.date | None = None
) -> tuple[Graph | None, list[Problem]]:
    """Every problem of the content at `path`, errors and warnings, in file and line order
    (at most MAX_PROBLEMS, then a line saying so). `today` dates the review (default: the
    system's date; tests pass their own)."""
    with cyclic_gc_paused():
        graph, problems = read_graph(path)
        if graph is not None and validate and not problems.full:
            from hfs_guide.core.validate import validate_graph

            problems += validate_graph(graph, today=today)
    return graph, problems.report(str(guide_file(path)))


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Building the model allocates millions of small acyclic objects; the cyclic collector
    then rescans them all again and again, which made loading grow faster than linearly
    (20,000 nodes took 2.3x the time of 10,000). Reference counting still frees everything.

    The first collection after the pause still looks at every object the model holds once
    (about 0.2 s for 10,000 nodes): a long-lived guide pays that once, and `hfs-guide check`,
    which makes no cycles and then exits, keeps the collector paused for its whole run."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_graph(path: str | os.PathLike[str] | None) -> tuple[Graph | None, ProblemSink]:
    """Read every file into a Graph (None when the guide itself is unusable) plus problems."""
    guide = guide_file(path)
    root = guide.parent
    name = str(guide)
    problems = ProblemSink()
    budget = Budget()
    bodies = Bodies(root)
    sources = _read_sources(root, problems, budget, bodies.inside)
    glossary = _read_glossary(root, problems, budget, bodies.inside)
    # The guide file the user named is read wherever it is; found in a folder, it is fenced too.
    fence = bodies.inside if path is None or guide != Path(path) else None
    tree = _parse_file(guide, name, GUIDE_LIMIT, problems, budget, fence, required=True)
    if tree is None:
        return None, problems
    reader = _reader(name, problems)
    top = reader.mapping(tree, "the guide", ("meta", "start", "nodes", *DECISION_FIELDS))
    del tree
    if top is None:
        return None, problems
    meta_map = reader.mapping(top.items.get("meta"), "meta", META_FIELDS) if "meta" in top.items else None
    if "meta" not in top.items:
        reader.problem(top, "missing 'meta' (title, language, version, reviewed, ...)")
    meta = _read_meta(reader, meta_map)
    start = reader.text(top, "start", "the guide", one_line=True)
    nodes: dict[str, Node] = {}
    nodes_map = reader.mapping(top.items.get("nodes"), "nodes") if "nodes" in top.items else None
    if "nodes" not in top.items:
        reader.problem(top, "missing 'nodes'")
    if nodes_map is not None and len(nodes_map.items) > MAX_NODES:
        reader.problem(nodes_map, f"{len(nodes_map.items):,} nodes; at most {MAX_NODES:,} are supported: split the guide")
    elif nodes_map is not None and nodes_map.items:
        items = nodes_map.items
        for node_id in list(items):
            if problems.full:
                break
            # pop: each node's part of the tree is freed as soon as its Node is built.
            built = read_node(reader, node_id, items.pop(node_id), nodes_map.key_pos[node_id], problems, bodies)  # type: ignore[attr-defined]
            if built is not None:
                nodes[node_id] = built
    decision = read_decision(reader, top)
    marks = {"nodes": reader.at(top.items["nodes"]) if "nodes" in top.items else reader.at(top)}
    marks.update({name: reader.at(top.items[name]) for name in ("start",) if name in top.items})
    if meta_map is not None:
        marks.update({f"meta.{key}": reader.at(value) for key, value in meta_map.items.items()})
    graph = Graph(meta=meta, start=start, nodes=nodes, sources=sources, glossary=glossary, root=str(root),
                  decision=decision, guide_file=name, marks=marks)
    return graph, problems


def _reader(name: str, problems: ProblemSink) -> Reader:
    """A Reader whose problems go straight into the shared, capped sink."""
    reader = Reader(name)
    reader.problems = problems
    return reader


def _parse_file(
    path: Path, name: str, limit: int, problems: ProblemSink, budget: Budget, inside: Fence | None, required: bool
) -> YNode | None:
    if not required:
        try:
            os.lstat(path)
        except FileNotFoundError:
            return None  # an optional file that is not there
        except (OSError, ValueError):
            pass  # read_text says what is wrong
    text, read_problems = read_text(path, name, limit, inside)
    problems += read_problems
    if text is None:
        return None
    try:
        tree = parse(text, budget)
    except YamlProblem as exc:
        problems.append(Problem(name, exc.line, exc.col, exc.message, code="yaml"))
        return None
    if tree is None and required:
        problems.append(Problem(name, 0, 0, "file is empty: it needs 'meta', 'start' and 'nodes'"))
    return tree


def _read_meta(reader: Reader, meta: Map | None) -> Meta:
    values = {key: "" for key in META_FIELDS}
    if meta is not None:
        for key in META_FIELDS:
            values[key] = reader.text(meta, key, "meta", one_line=key not in ("review_note", "disclaimer"))
        wrong_date = date_problem(values["reviewed"], "meta: 'reviewed'") if values["reviewed"] else None
        if wrong_date:
            at = meta.items["reviewed"]
            reader.problems.append(Problem(reader.name, at.line, at.col, wrong_date, code="date-invalid"))
    return Meta(**values)


def _read_table(
    root: Path, filename: str, what: str, fields: tuple[str, ...], required: tuple[str, ...],
    problems: ProblemSink, budget: Budget, inside: Fence,
) -> dict[str, dict[str, str]]:
    """An optional `id: {field: text}` file (sources.yaml, glossary.yaml) -> id -> fields."""
    path = root / filename
    reader = _reader(str(path), problems)
    out: dict[str, dict[str, str]] = {}
    # A table of many tiny mappings costs more memory a value than a guide does: its own, smaller budget.
    own = Budget(min(TABLE_VALUES, budget.limit - budget.used), f"in {filename}")
    tree = _parse_file(path, reader.name, GUIDE_LIMIT, problems, own, inside, required=False)
    budget.used += own.used
    table = reader.mapping(tree, filename) if tree is not None else None
    if table is not None and len(table.items) > MAX_ENTRIES:
        reader.problem(table, f"{len(table.items):,} entries; at most {MAX_ENTRIES:,} are supported")
        table = None
    for entry_id, item in (table.items.items() if table else ()):
        if problems.full:
            break
        label = f"{what} {entry_id!r}"
        entry = reader.mapping(item, label, fields)
        if entry is not None:
            out[entry_id] = {
                name: reader.text(entry, name, label, required=name in required, one_line=name in ("url", "term"))
                for name in fields
            }
    return out


def _read_sources(root: Path, problems: ProblemSink, budget: Budget, inside: Fence) -> dict[str, Source]:
    path = root / "sources.yaml"
    reader = _reader(str(path), problems)
    # A table of many tiny mappings costs more memory a value than a guide does: its own, smaller budget.
    own = Budget(min(TABLE_VALUES, budget.limit - budget.used), "in sources.yaml")
    tree = _parse_file(path, reader.name, GUIDE_LIMIT, problems, own, inside, required=False)
    budget.used += own.used
    if isinstance(tree, Map) and len(tree.items) > MAX_ENTRIES:
        reader.problem(tree, f"{len(tree.items):,} entries; at most {MAX_ENTRIES:,} are supported")
        return {}
    return read_sources(path, tree, reader)


def _read_glossary(root: Path, problems: ProblemSink, budget: Budget, inside: Fence) -> dict[str, GlossaryTerm]:
    table = _read_table(
        root, "glossary.yaml", "glossary term", ("term", "definition"), ("term", "definition"), problems, budget, inside
    )
    return {term_id: GlossaryTerm(term_id, **fields) for term_id, fields in table.items()}
