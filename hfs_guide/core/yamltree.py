"""A safe, located reading of one YAML document.

PyYAML's composer recurses in C (a deeply nested file crashes the process) and its resolver
is slow; its constructor can also expand aliases exponentially. So we read the parser's event
stream (libyaml's C parser when present), build a small tree of located values ourselves with
an explicit stack, and stop at the first sign of a hostile file: an anchor or alias, a tag,
a second document or nesting beyond MAX_DEPTH. Scalars keep the type YAML 1.1 would give
them so the loader can tell an author that `no` is not text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

import yaml
from yaml.resolver import Resolver

try:  # libyaml is ~6x faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 32
# About 25,000 nodes of real content; caps memory (~150 MB) for a hostile 16 MB file of tiny values.
MAX_VALUES = 1_000_000
_IMPLICIT = Resolver.yaml_implicit_resolvers
_TAG_NAMES = {
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:int": "number",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:null": "empty value",
    "tag:yaml.org,2002:timestamp": "date",
    "tag:yaml.org,2002:merge": "merge key",
    "tag:yaml.org,2002:value": "value key",
}


class YamlProblem(Exception):
    """The document cannot be read; line and col are 1-based."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


@dataclass(slots=True)
class Scalar:
    value: str
    kind: str  # "text", or what YAML 1.1 makes of a plain scalar: "number", "date", ...
    line: int
    col: int


@dataclass(slots=True)
class Seq:
    items: list["YNode"]
    line: int
    col: int


@dataclass(slots=True)
class Map:
    items: dict[str, "YNode"]
    line: int
    col: int
    key_pos: dict[str, tuple[int, int]] = field(default_factory=dict)
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)


YNode = Union[Scalar, Seq, Map]


def _plain_kind(value: str) -> str:
    for tag, regexp in _IMPLICIT.get(value[:1] if value else "", ()):
        if regexp.match(value):
            return _TAG_NAMES.get(tag, "non-text value")
    return "text"


def parse(text: str) -> YNode | None:
    """Parse one YAML document into located nodes; None for an empty document."""
    stack: list[Seq | Map] = []
    pending_key: list[Scalar | None] = []
    root: YNode | None = None
    documents = 0
    values = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            mark = event.start_mark
            line, col = mark.line + 1, mark.column + 1
            kind = type(event)
            if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None:
                    raise YamlProblem(line, col, "anchors (&name) are not supported here: write the value out in full")
                if event.tag is not None and event.tag != "!":
                    raise YamlProblem(line, col, f"tags such as {event.tag!r} are not supported here: remove the tag")
                values += 1
                if values > MAX_VALUES:
                    raise YamlProblem(line, col, f"more than {MAX_VALUES:,} values: split the guide or remove repeated entries")
                if kind is yaml.ScalarEvent:
                    plain = event.implicit[0] and not event.style
                    node: YNode = Scalar(event.value, _plain_kind(event.value) if plain else "text", line, col)
                elif kind is yaml.MappingStartEvent:
                    node = Map({}, line, col)
                else:
                    node = Seq([], line, col)
                if stack:
                    parent = stack[-1]
                    if isinstance(parent, Seq):
                        parent.items.append(node)
                    elif pending_key[-1] is None:
                        if not isinstance(node, Scalar):
                            raise YamlProblem(line, col, "a key must be plain text, not a list or mapping")
                        pending_key[-1] = node
                    else:
                        key = pending_key[-1]
                        pending_key[-1] = None
                        if key.value in parent.items:
                            parent.duplicates.append((key.value, key.line, key.col))
                        else:
                            parent.items[key.value] = node
                            parent.key_pos[key.value] = (key.line, key.col)
                else:
                    root = node
                if not isinstance(node, Scalar):
                    if len(stack) >= MAX_DEPTH:
                        raise YamlProblem(line, col, f"nested more than {MAX_DEPTH} levels deep")
                    stack.append(node)
                    pending_key.append(None)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                pending_key.pop()
            elif kind is yaml.AliasEvent:
                raise YamlProblem(line, col, "aliases (*name) are not supported here: write the value out in full")
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlProblem(line, col, "only one YAML document is allowed (remove the extra '---')")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or exc.context or "unreadable YAML"
        raise YamlProblem(*where, f"YAML syntax error: {problem}") from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow; no mark
        before = text[: exc.position]
        line = before.count("\n") + 1
        col = exc.position - (before.rfind("\n") + 1) + 1
        raise YamlProblem(line, col, f"character U+{_code(exc.character):04X} is not allowed in YAML: delete it") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(0, 0, "YAML error: " + " ".join(str(exc).split())) from None
    return root


def _code(character: int | str | bytes) -> int:
    """PyYAML reports the offending character as a code or as the character itself."""
    return character if isinstance(character, int) else ord(character[:1] or "\0")
