"""A safe, located reading of one YAML document.

PyYAML's composer recurses in C (a deeply nested file crashes the process) and its resolver
is slow; its constructor can also expand aliases exponentially. So we read the parser's event
stream (libyaml's C parser when present), build a small tree of located values ourselves with
an explicit stack, and stop at the first sign of a hostile file: an anchor or alias, a tag,
a second document, nesting beyond MAX_DEPTH or more values than a `Budget` allows (one budget
is shared by every file of a guide, so three hostile files cost no more than one). Scalars
keep the type YAML 1.1 would give them so the loader can tell an author that `no` is not text.

Memory: an empty `{}` or `[]` shares one empty, read-only container until it gets an item,
so a file of a million empty mappings costs about what a million short scalars do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping, Sequence, Union

import yaml
from yaml.resolver import Resolver

try:  # libyaml is ~6x faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 32
# About 25,000 nodes of real content, for all of a guide's files together; with the shared
# empty containers below it bounds the parse tree of any content folder (README: limits).
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


class Budget:
    """How many values may be read; `where` ends the message when there are more."""

    def __init__(self, limit: int = MAX_VALUES, where: str = "in the guide's files together") -> None:
        self.limit = limit
        self.where = where
        self.used = 0


# Shared by every container that has no item yet; replaced by a real one on the first item.
_NO_ITEMS: Mapping[str, "YNode"] = MappingProxyType({})
_NO_KEYS: Mapping[str, tuple[int, int]] = MappingProxyType({})
_NO_DUPLICATES: tuple[tuple[str, int, int], ...] = ()


@dataclass(slots=True)
class Scalar:
    """A single YAML value, what YAML 1.1 would make of it, and where it starts."""

    value: str
    kind: str  # "text", or what YAML 1.1 makes of a plain scalar: "number", "date", ...
    line: int
    col: int


@dataclass(slots=True)
class Seq:
    """A YAML list and where it starts."""

    items: Sequence["YNode"]  # a list once it has an item
    line: int
    col: int


@dataclass(slots=True)
class Map:
    """A YAML mapping: its keys in order, their positions, and keys written twice."""

    items: Mapping[str, "YNode"]  # a dict once it has an item
    line: int
    col: int
    key_pos: Mapping[str, tuple[int, int]] = field(default_factory=lambda: _NO_KEYS)
    duplicates: Sequence[tuple[str, int, int]] = _NO_DUPLICATES


YNode = Union[Scalar, Seq, Map]


def _plain_kind(value: str) -> str:
    for tag, regexp in _IMPLICIT.get(value[:1] if value else "", ()):
        if regexp.match(value):
            return _TAG_NAMES.get(tag, "non-text value")
    return "text"


def parse(text: str, budget: Budget | None = None) -> YNode | None:
    """Parse one YAML document into located nodes; None for an empty document.

    Every value read is counted against `budget` (a fresh one of MAX_VALUES when not given).
    """
    budget = budget or Budget()
    stack: list[Seq | Map] = []
    pending_key: list[Scalar | None] = []
    root: YNode | None = None
    documents = 0
    try:
        for parsed in yaml.parse(text, Loader=_Loader):
            # The stubs type every event as the base Event; the checks below are by exact
            # type (fast in this loop), so the attributes read are the subclass's.
            event: Any = parsed
            mark = event.start_mark
            line, col = mark.line + 1, mark.column + 1
            kind = type(event)
            if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None:
                    raise YamlProblem(line, col, "anchors (&name) are not supported here: write the value out in full")
                if event.tag is not None and event.tag != "!":
                    raise YamlProblem(line, col, f"tags such as {event.tag!r} are not supported here: remove the tag")
                budget.used += 1
                if budget.used > budget.limit:
                    raise YamlProblem(
                        line, col, f"more than {budget.limit:,} values {budget.where}: split the guide or remove repeated entries"
                    )
                if kind is yaml.ScalarEvent:
                    plain = event.implicit[0] and not event.style
                    node: YNode = Scalar(event.value, _plain_kind(event.value) if plain else "text", line, col)
                elif kind is yaml.MappingStartEvent:
                    node = Map(_NO_ITEMS, line, col)
                else:
                    node = Seq((), line, col)
                if stack:
                    parent = stack[-1]
                    if isinstance(parent, Seq):
                        if not parent.items:
                            parent.items = []
                        parent.items.append(node)  # type: ignore[attr-defined]
                    elif pending_key[-1] is None:
                        if not isinstance(node, Scalar):
                            raise YamlProblem(line, col, "a key must be plain text, not a list or mapping")
                        pending_key[-1] = node
                    else:
                        key = pending_key[-1]
                        pending_key[-1] = None
                        if key.value in parent.items:
                            if not parent.duplicates:
                                parent.duplicates = []
                            parent.duplicates.append((key.value, key.line, key.col))  # type: ignore[attr-defined]
                        else:
                            if not parent.items:
                                parent.items, parent.key_pos = {}, {}
                            parent.items[key.value] = node  # type: ignore[index]
                            parent.key_pos[key.value] = (key.line, key.col)  # type: ignore[index]
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
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or exc.context or "unreadable YAML"
        raise YamlProblem(line, col, f"YAML syntax error: {problem}") from None
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
