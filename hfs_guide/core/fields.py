"""Typed reading of located YAML values, collecting problems instead of stopping at one."""

from __future__ import annotations

from difflib import get_close_matches
from typing import Iterable

from hfs_guide.core.files import CONTROL, control_char_problem
from hfs_guide.core.model import Location
from hfs_guide.core.problems import Problem
from hfs_guide.core.yamltree import Map, Scalar, Seq, YNode

_SHAPE = {Scalar: "a single value", Seq: "a list", Map: "a mapping (key: value lines)"}


class Reader:
    """Reads fields of one file; every mistake becomes a Problem with its position."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def problem(self, node: YNode | None, message: str, key_pos: tuple[int, int] | None = None) -> None:
        line, col = key_pos or ((node.line, node.col) if node is not None else (0, 0))
        self.problems.append(Problem(self.name, line, col, message))

    def at(self, node: YNode) -> Location:
        return Location(self.name, node.line, node.col)

    def mapping(self, node: YNode | None, what: str, allowed: Iterable[str] | None = None) -> Map | None:
        """`node` as a mapping; reports duplicate keys and keys not in `allowed`."""
        if not isinstance(node, Map):
            self.problem(node, f"{what} must be {_SHAPE[Map]}, not {_SHAPE[type(node)] if node else 'empty'}")
            return None
        for key, line, col in node.duplicates:
            self.problem(node, f"{what}: {key!r} appears twice; keep one (YAML would silently keep the last)", (line, col))
        if allowed is not None:
            known = set(allowed)
            for key in node.items:
                if key not in known:
                    hint = did_you_mean(key, known)
                    self.problem(node, f"{what}: unknown field {key!r}{hint}", node.key_pos[key])
        return node

    def text(self, parent: Map, key: str, what: str, required: bool = True, one_line: bool = False) -> str:
        node = parent.items.get(key)
        if node is None:
            if required:
                self.problem(parent, f"{what}: missing {key!r}")
            return ""
        return self.text_value(node, f"{what}: {key!r}", required, one_line)

    def text_value(self, node: YNode, what: str, required: bool = True, one_line: bool = False) -> str:
        if not isinstance(node, Scalar):
            self.problem(node, f"{what} must be text, not {_SHAPE[type(node)]}")
            return ""
        if node.kind != "text":
            if node.kind == "empty value" and not required:
                return ""
            self.problem(node, f"{what} must be text, but YAML reads {node.value!r} as a {node.kind}: put it in quotes")
            return ""
        value = node.value.strip()
        if required and not value:
            self.problem(node, f"{what} is empty: write some text")
        if CONTROL.search(value):
            found = control_char_problem(self.name, value, node.line, node.col)
            if found:
                self.problems.append(found)
            return ""
        if one_line and "\n" in value:
            self.problem(node, f"{what} must be one line")
        return value

    def integer(self, parent: Map, key: str, what: str) -> int | None:
        node = parent.items.get(key)
        if node is None:
            self.problem(parent, f"{what}: missing {key!r}")
            return None
        # len: int() refuses over 4,300 digits (a ValueError), and 8 digits are already too many.
        if isinstance(node, Scalar) and node.kind == "number" and node.value.isdigit() and len(node.value) <= 8:
            value = int(node.value)
            if value <= 1_000_000:
                return value
        self.problem(node, f"{what}: {key!r} must be a whole number from 0 to 1,000,000")
        return None

    def sequence(self, parent: Map, key: str, what: str) -> list[YNode]:
        node = parent.items.get(key)
        if node is None or (isinstance(node, Scalar) and node.kind == "empty value"):
            return []
        if not isinstance(node, Seq):
            self.problem(node, f"{what}: {key!r} must be a list (lines starting with '- ', or [a, b])")
            return []
        return node.items

    def text_list(self, parent: Map, key: str, what: str) -> tuple[tuple[str, Location], ...]:
        out = []
        for item in self.sequence(parent, key, what):
            value = self.text_value(item, f"{what}: an item of {key!r}")
            if value:
                out.append((value, self.at(item)))
        return tuple(out)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest candidate, or '' when none is close."""
    close = get_close_matches(word, list(candidates), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
