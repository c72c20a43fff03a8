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
from typing import Any, Callable, Mapping, Sequence, Union

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


def _resolved_kind(value: str, resolvers: Sequence[tuple[str, Any]]) -> str:
    """What YAML 1.1 makes of a plain scalar, given the resolvers for its first character."""
    for tag, regexp in resolvers:
        if regexp.match(value):
            return _TAG_NAMES.get(tag, "non-text value")
    return "text"


_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAPPING_START, _MAPPING_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQUENCE_START, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_DOCUMENT_START, _STREAM_END = yaml.DocumentStartEvent, yaml.StreamEndEvent

def parse(text: str, budget: Budget | None = None) -> YNode | None:
    """Parse one YAML document into located nodes; None for an empty document.

    Every value read is counted against `budget` (a fresh one of MAX_VALUES when not given).
    """
    budget = budget or Budget()
    loader = None
    try:
        # Inside the try: the pure-Python reader refuses a bad character as it is built.
        loader = _Loader(text)
        return _build(loader.get_event, budget)
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
    finally:
        if loader is not None:
            loader.dispose()


def _build(next_event: Callable[[], Any], budget: Budget) -> YNode | None:
    """The tree of one document, from the parser's events.

    This loop is most of the time it takes to load a guide (about a microsecond an event),
    so its state lives in local variables: `parent` is the open list or mapping, `key` the
    key of a mapping waiting for its value (None when the next scalar is a key), `stack`
    the containers around `parent`. A key keeps only its text and place, never a Scalar.
    """
    used, limit = budget.used, budget.limit
    stack: list[Seq | Map | None] = []
    parent: Seq | Map | None = None
    in_map = False
    key: tuple[str, int, int] | None = None
    root: YNode | None = None
    documents = 0
    try:
        while True:
            event: Any = next_event()  # the stubs type every event as the base Event
            kind = type(event)
            if kind is _SCALAR or kind is _MAPPING_START or kind is _SEQUENCE_START:
                mark = event.start_mark
                line, col = mark.line + 1, mark.column + 1
                if event.anchor is not None:
                    raise YamlProblem(line, col, "anchors (&name) are not supported here: write the value out in full")
                if event.tag is not None and event.tag != "!":
                    raise YamlProblem(line, col, f"tags such as {event.tag!r} are not supported here: remove the tag")
                used += 1
                if used > limit:
                    raise YamlProblem(line, col, f"more than {limit:,} values {budget.where}: split the guide or remove repeated entries")
                if kind is _SCALAR:
                    value = event.value
                    if in_map and key is None:
                        key = (value, line, col)
                        continue
                    resolvers = _IMPLICIT.get(value[:1] if value else "") if event.implicit[0] and not event.style else None
                    node: YNode = Scalar(value, _resolved_kind(value, resolvers) if resolvers else "text", line, col)
                else:
                    if in_map and key is None:
                        raise YamlProblem(line, col, "a key must be plain text, not a list or mapping")
                    if len(stack) >= MAX_DEPTH:
                        raise YamlProblem(line, col, f"nested more than {MAX_DEPTH} levels deep")
                    node = Map(_NO_ITEMS, line, col) if kind is _MAPPING_START else Seq((), line, col)
                if parent is None:
                    root = node
                elif in_map:
                    assert key is not None
                    _put(parent, key, node)  # type: ignore[arg-type]
                    key = None
                elif parent.items:
                    parent.items.append(node)  # type: ignore[union-attr]  # a Seq here: its items became a list on the first item
                else:
                    parent.items = [node]
                if kind is not _SCALAR:
                    stack.append(parent)
                    parent, in_map = node, kind is _MAPPING_START  # type: ignore[assignment]
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                parent = stack.pop()
                in_map = type(parent) is Map  # its key was used by the container that closed
            elif kind is _STREAM_END:
                return root
            elif kind is _ALIAS:
                mark = event.start_mark
                raise YamlProblem(mark.line + 1, mark.column + 1, "aliases (*name) are not supported here: write the value out in full")
            elif kind is _DOCUMENT_START:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise YamlProblem(mark.line + 1, mark.column + 1, "only one YAML document is allowed (remove the extra '---')")
    finally:
        budget.used = used

def _put(mapping: Map, key: tuple[str, int, int], node: YNode) -> None:
    """`key: node` into `mapping`; a key written twice is remembered, its first value kept."""
    name, line, col = key
    if name in mapping.items:
        if not mapping.duplicates:
            mapping.duplicates = []
        mapping.duplicates.append(key)  # type: ignore[attr-defined]
    else:
        if not mapping.items:
            mapping.items, mapping.key_pos = {}, {}
        mapping.items[name] = node  # type: ignore[index]
        mapping.key_pos[name] = (line, col)  # type: ignore[index]

def _code(character: int | str | bytes) -> int:
    """PyYAML reports the offending character as a code or as the character itself."""
    return character if isinstance(character, int) else ord(character[:1] or "\0")
