"""Build a Graph from a content folder; every problem ends in one ContentError.

Content files are untrusted input: sizes are bounded before parsing, YAML is read through
the located, non-recursive reader in `yamltree`, every field's type is checked, and text is
kept exactly as written (the front ends show it literally).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import posixpath
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from hfs_guide.core.dates import date_problem
from hfs_guide.core.facts import read_facts, read_sources
from hfs_guide.core.fields import Reader
from hfs_guide.core.files import BODY_LIMIT, GUIDE_LIMIT, control_char_problem, guide_file, read_text
from hfs_guide.core.model import (
    OPTION_FIELD_NAMES,
    Choice,
    GlossaryTerm,
    Graph,
    Kind,
    Location,
    Meta,
    Node,
    Source,
)
from hfs_guide.core.problems import ContentError, Problem
from hfs_guide.core.yamltree import Map, YamlProblem, YNode, parse

MAX_CHOICES = 9
NODE_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
META_FIELDS = ("title", "language", "version", "reviewed", "review_note", "urgent", "emergency", "clinic", "disclaimer")
NODE_FIELDS = (
    "kind", "title", "summary", "body", "choices", "sources", "questions", "glossary", "facts", "plain_numbers", "option",
)
KINDS = ", ".join(k.value for k in Kind)


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
    """Every problem of the content at `path`, errors and warnings, in file and line order.
    `today` dates the review (default: the system's date; tests pass their own)."""
    with _cyclic_gc_paused():
        graph, problems = read_graph(path)
        if graph is not None and validate:
            from hfs_guide.core.validate import validate_graph

            problems += validate_graph(graph, today=today)
    return graph, sorted(set(problems))


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Building the model allocates millions of small acyclic objects; the cyclic collector
    then rescans them all again and again, which made loading grow faster than linearly
    (20,000 nodes took 2.3x the time of 10,000). Reference counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_graph(path: str | os.PathLike[str] | None) -> tuple[Graph | None, list[Problem]]:
    """Read every file into a Graph (None when the guide itself is unusable) plus problems."""
    guide = guide_file(path)
    root = guide.parent
    name = str(guide)
    problems: list[Problem] = []
    sources = _read_sources(root, problems)
    glossary = _read_glossary(root, problems)
    tree = _parse_file(guide, name, GUIDE_LIMIT, problems, required=True)
    if tree is None:
        return None, problems
    reader = Reader(name)
    top = reader.mapping(tree, "the guide", ("meta", "start", "nodes"))
    if top is None:
        return None, problems + reader.problems
    meta_map = reader.mapping(top.items.get("meta"), "meta", META_FIELDS) if "meta" in top.items else None
    if "meta" not in top.items:
        reader.problem(top, "missing 'meta' (title, language, version, reviewed, ...)")
    meta = _read_meta(reader, meta_map)
    start = reader.text(top, "start", "the guide", one_line=True)
    nodes: dict[str, Node] = {}
    nodes_map = reader.mapping(top.items.get("nodes"), "nodes") if "nodes" in top.items else None
    if "nodes" not in top.items:
        reader.problem(top, "missing 'nodes'")
    if nodes_map is not None:
        for node_id, node in nodes_map.items.items():
            built = _read_node(reader, root, node_id, node, nodes_map.key_pos[node_id], problems)
            if built is not None:
                nodes[node_id] = built
    problems += reader.problems
    marks = {"nodes": reader.at(top.items["nodes"]) if "nodes" in top.items else reader.at(top)}
    marks.update({name: reader.at(top.items[name]) for name in ("start",) if name in top.items})
    if meta_map is not None:
        marks.update({f"meta.{key}": reader.at(value) for key, value in meta_map.items.items()})
    graph = Graph(meta=meta, start=start, nodes=nodes, sources=sources, glossary=glossary, root=str(root),
                  guide_file=name, marks=marks)
    return graph, problems


def _parse_file(path: Path, name: str, limit: int, problems: list[Problem], required: bool) -> YNode | None:
    if not required and not path.exists():
        return None
    text, read_problems = read_text(path, name, limit)
    problems += read_problems
    if text is None:
        return None
    try:
        tree = parse(text)
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


def _read_node(reader: Reader, root: Path, node_id: str, tree: YNode, key_pos: tuple[int, int], problems: list[Problem]) -> Node | None:
    what = f"node {node_id!r}"
    where = Location(reader.name, *key_pos)
    if not NODE_ID.match(node_id):
        reader.problem(tree, f"{what}: ids use only lower-case letters, digits and hyphens, starting with a letter or digit", key_pos)
        return None
    node = reader.mapping(tree, what, NODE_FIELDS + ("figures",))
    if node is None:
        return None
    if "figures" in node.items:
        line, col = node.key_pos["figures"]
        reader.problems.append(Problem(reader.name, line, col, f"{what}: 'figures' are now facts with icon: true "
                                       "(the icon counts the first \"N in M\" of 'says'); see docs/authoring.md", code="figures"))
    kind_text = reader.text(node, "kind", what)
    try:
        kind = Kind(kind_text)
    except ValueError:
        if kind_text:
            reader.problem(node.items["kind"], f"{what}: kind {kind_text!r} is not one of: {KINDS}")
        kind = Kind.INFO
    title = reader.text(node, "title", what, one_line=True)
    summary = reader.text(node, "summary", what, one_line=True)
    body_file = reader.text(node, "body", what, required=False, one_line=True) or f"nodes/{node_id}.md"
    body = _read_body(reader, root, body_file, node.items.get("body") or node, problems)

    choices = []
    for item in reader.sequence(node, "choices", what):
        choice = reader.mapping(item, f"{what}: a choice", ("label", "to"))
        if choice is not None:
            label = reader.text(choice, "label", f"{what}: a choice", one_line=True)
            target = reader.text(choice, "to", f"{what}: a choice", one_line=True)
            if label and target:
                choices.append(Choice(label, target, reader.at(choice)))
    if len(choices) > MAX_CHOICES:
        reader.problem(node.items["choices"], f"{what}: {len(choices)} choices; at most {MAX_CHOICES} fit the number keys: split the node")

    facts = read_facts(reader, node, what)

    option: dict[str, str] = {}
    option_marks: dict[str, Location] = {}
    if "option" in node.items:
        if kind is not Kind.OPTION:
            reader.problem(node.items["option"], f"{what}: only nodes of kind 'option' have an 'option' section", node.key_pos["option"])
        fields = reader.mapping(node.items["option"], f"{what}: option", OPTION_FIELD_NAMES)
        if fields is not None:
            option = {key: reader.text(fields, key, f"{what}: option", required=False) for key in OPTION_FIELD_NAMES if key in fields.items}
            option_marks = {f"option:{key}": reader.at(value) for key, value in fields.items.items()}

    sources = reader.text_list(node, "sources", what)
    glossary = reader.text_list(node, "glossary", what)
    questions = reader.text_list(node, "questions", what)
    plain_numbers = reader.text_list(node, "plain_numbers", what)
    marks = {f"sources:{value}": loc for value, loc in sources}
    marks.update({f"plain_numbers:{value}": loc for value, loc in plain_numbers})
    marks.update(option_marks)
    marks.update({name: reader.at(node.items[name]) for name in ("title", "summary") if name in node.items})
    marks.update({f"questions:{i}": loc for i, (_, loc) in enumerate(questions)})
    marks.update({f"glossary:{value}": loc for value, loc in glossary})
    marks["body"] = Location(reader.name, *key_pos) if "body" not in node.items else reader.at(node.items["body"])
    return Node(
        id=node_id, kind=kind, title=title, summary=summary, body=body or "", body_file=body_file,
        choices=tuple(choices), sources=tuple(v for v, _ in sources), questions=tuple(v for v, _ in questions),
        glossary=tuple(v for v, _ in glossary), facts=facts, plain_numbers=tuple(v for v, _ in plain_numbers),
        option=option, where=where, marks=marks,
    )


def _read_body(reader: Reader, root: Path, body_file: str, at: YNode, problems: list[Problem]) -> str | None:
    normal = posixpath.normpath(body_file)
    if posixpath.isabs(normal) or normal == ".." or normal.startswith("../") or "\\" in body_file or ":" in body_file:
        reader.problem(at, f"body {body_file!r} must be a relative path inside the content folder, such as nodes/welcome.md")
        return None
    path = root / normal
    text, read_problems = read_text(path, str(path), BODY_LIMIT)
    problems += read_problems
    if text is not None:
        found = control_char_problem(str(path), text)
        if found is not None:
            problems.append(found)
            return None
    return text


def _read_table(
    root: Path, filename: str, what: str, fields: tuple[str, ...], required: tuple[str, ...], problems: list[Problem]
) -> dict[str, dict[str, str]]:
    """An optional `id: {field: text}` file (sources.yaml, glossary.yaml) -> id -> fields."""
    path = root / filename
    reader = Reader(str(path))
    out: dict[str, dict[str, str]] = {}
    tree = _parse_file(path, reader.name, GUIDE_LIMIT, problems, required=False)
    table = reader.mapping(tree, filename) if tree is not None else None
    for entry_id, item in (table.items.items() if table else ()):
        label = f"{what} {entry_id!r}"
        entry = reader.mapping(item, label, fields)
        if entry is not None:
            out[entry_id] = {
                name: reader.text(entry, name, label, required=name in required, one_line=name in ("url", "term"))
                for name in fields
            }
    problems += reader.problems
    return out


def _read_sources(root: Path, problems: list[Problem]) -> dict[str, Source]:
    path = root / "sources.yaml"
    reader = Reader(str(path))
    sources = read_sources(path, _parse_file(path, reader.name, GUIDE_LIMIT, problems, required=False), reader)
    problems += reader.problems
    return sources


def _read_glossary(root: Path, problems: list[Problem]) -> dict[str, GlossaryTerm]:
    table = _read_table(root, "glossary.yaml", "glossary term", ("term", "definition"), ("term", "definition"), problems)
    return {term_id: GlossaryTerm(term_id, **fields) for term_id, fields in table.items()}
