"""Reading one node of guide.yaml: its fields, choices, facts, option text and body file.

The loader (core/loader.py) reads the files and hands each node's part of the tree here.
Every body file is read once however many nodes share it, and at most BODY_TOTAL_LIMIT of
body text is held in all.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
from pathlib import Path

from hfs_guide.core.facts import read_facts
from hfs_guide.core.fields import Reader
from hfs_guide.core.files import BODY_LIMIT, Fence, control_char_problem, read_text
from hfs_guide.core.location import Location
from hfs_guide.core.markup import raw_html_problem
from hfs_guide.core.model import OPTION_FIELD_NAMES, Choice, Kind, Node
from hfs_guide.core.problems import Problem, ProblemSink
from hfs_guide.core.yamltree import YNode

MAX_CHOICES = 9
# Body text held in memory, all files together (Python's size of the text, so a body full of
# emoji counts four bytes a character): 25,000 pages of 1,300 characters (the shipped guide's
# pages average 800).
BODY_TOTAL_LIMIT = 32 * 1024 * 1024
NODE_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
NODE_FIELDS = (
    "kind", "title", "summary", "body", "choices", "sources", "questions", "glossary", "facts", "plain_numbers", "option",
    "part",
)
KINDS = ", ".join(k.value for k in Kind)
_NODE_KEYS = frozenset(NODE_FIELDS + ("figures",))  # figures: refused with a message of its own
_CHOICE_KEYS = frozenset(("label", "to"))
_OPTION_KEYS = frozenset(OPTION_FIELD_NAMES)


class Bodies:
    """Body files read so far, by where they really are: each file is read once."""

    def __init__(self, root: Path) -> None:
        self.inside = Fence(root)
        self.folder = "" if str(root) == "." else str(root)  # as Path joins: nodes/x.md, not ./nodes/x.md
        self.texts: dict[str, str | None] = {}
        self.total = 0


def read_node(
    reader: Reader, node_id: str, tree: YNode, key_pos: tuple[int, int], problems: ProblemSink, bodies: Bodies
) -> Node | None:
    """One node of guide.yaml as a Node (None when it is unusable); its body file is read through `bodies`."""
    what = f"node {node_id!r}"
    where = Location(reader.name, *key_pos)
    if not NODE_ID.match(node_id):
        reader.problem(tree, f"{what}: ids use only lower-case letters, digits and hyphens, starting with a letter or digit", key_pos)
        return None
    node = reader.mapping(tree, what, _NODE_KEYS)
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
    part = reader.text(node, "part", what, required=False, one_line=True)  # the map's outline (core/parts.py)
    body_file = reader.text(node, "body", what, required=False, one_line=True) or f"nodes/{node_id}.md"
    body = _read_body(reader, body_file, node.items.get("body") or node, problems, bodies)

    choices = []
    a_choice = f"{what}: a choice"
    for item in reader.sequence(node, "choices", what):
        choice = reader.mapping(item, a_choice, _CHOICE_KEYS)
        if choice is not None:
            label = reader.text(choice, "label", a_choice, one_line=True)
            target = reader.text(choice, "to", a_choice, one_line=True)
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
        fields = reader.mapping(node.items["option"], f"{what}: option", _OPTION_KEYS)
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
        id=node_id, kind=kind, title=title, summary=summary, body=body or "", body_file=body_file, part=part,
        choices=tuple(choices), sources=tuple(v for v, _ in sources), questions=tuple(v for v, _ in questions),
        glossary=tuple(v for v, _ in glossary), facts=facts, plain_numbers=tuple(v for v, _ in plain_numbers),
        option=option, where=where, marks=marks,
    )


def _read_body(reader: Reader, body_file: str, at: YNode, problems: ProblemSink, bodies: Bodies) -> str | None:
    normal = posixpath.normpath(body_file)
    if posixpath.isabs(normal) or normal == ".." or normal.startswith("../") or "\\" in body_file or ":" in body_file:
        reader.problem(at, f"body {body_file!r} must be a relative path inside the content folder, such as nodes/welcome.md")
        return None
    path = os.path.join(bodies.folder, normal)  # not Path: this runs for every node
    key = bodies.inside.resolve(path)
    if key in bodies.texts:  # shared by several nodes: read (and reported) once
        return bodies.texts[key]
    if bodies.total > BODY_TOTAL_LIMIT:
        return None  # already reported; reading more would only hold more text
    text, read_problems = read_text(path, path, BODY_LIMIT, bodies.inside)
    problems += read_problems
    if text is not None:
        found = control_char_problem(path, text) or raw_html_problem(path, text)
        if found is not None:
            problems.append(found)
            text = None
    if text is not None:
        bodies.total += sys.getsizeof(text)
        if bodies.total > BODY_TOTAL_LIMIT:
            reader.problem(
                at, f"body {body_file!r}: the body files together hold more than {BODY_TOTAL_LIMIT // 2**20} MB of text: shorten them or split the guide"
            )
            text = None
    bodies.texts[key] = text
    return text
