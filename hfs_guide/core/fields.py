"""Typed reading of located YAML values, collecting problems instead of stopping at one."""

from __future__ import annotations

import heapq
from collections import Counter
from difflib import get_close_matches
from itertools import chain
from typing import Iterable

from hfs_guide.core.files import CONTROL, control_char_problem
from hfs_guide.core.location import Location
from hfs_guide.core.problems import Problem
from hfs_guide.core.yamltree import Map, Scalar, Seq, YNode

_SHAPE = {Scalar: "a single value", Seq: "a list", Map: "a mapping (key: value lines)"}


class Reader:
    """Reads fields of one file; every mistake becomes a Problem with its position."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def problem(self, node: YNode | None, message: str, key_pos: tuple[int, int] | None = None) -> None:
        """Record a problem at `node` (or at a key's position)."""
        line, col = key_pos or ((node.line, node.col) if node is not None else (0, 0))
        self.problems.append(Problem(self.name, line, col, message))

    def at(self, node: YNode) -> Location:
        """Where `node` was written."""
        return Location(self.name, node.line, node.col)

    def mapping(self, node: YNode | None, what: str, allowed: Iterable[str] | None = None) -> Map | None:
        """`node` as a mapping; reports duplicate keys and keys not in `allowed` (pass a
        frozenset where this runs for every node of a guide)."""
        if not isinstance(node, Map):
            self.problem(node, f"{what} must be {_SHAPE[Map]}, not {_SHAPE[type(node)] if node else 'empty'}")
            return None
        for key, line, col in node.duplicates:
            self.problem(node, f"{what}: {key!r} appears twice; keep one (YAML would silently keep the last)", (line, col))
        if allowed is not None:
            known = allowed if isinstance(allowed, frozenset) else frozenset(allowed)
            if known.issuperset(node.items):
                return node
            for key in node.items:
                if key not in known:
                    hint = did_you_mean(key, known)
                    self.problem(node, f"{what}: unknown field {key!r}{hint}", node.key_pos[key])
        return node

    def text(self, parent: Map, key: str, what: str, required: bool = True, one_line: bool = False) -> str:
        """Field `key` of `parent` as text; a missing, empty or non-text value is reported."""
        node = parent.items.get(key)
        if node is None:
            if required:
                self.problem(parent, f"{what}: missing {key!r}")
            return ""
        return plain_text(node, one_line) or self.text_value(node, f"{what}: {key!r}", required, one_line)

    def text_value(self, node: YNode, what: str, required: bool = True, one_line: bool = False) -> str:
        """`node` as text; YAML's numbers, dates and booleans are reported, with 'put it in quotes'."""
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
        """Field `key` of `parent` as a whole number from 0 to 1,000,000."""
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
        """Field `key` of `parent` as a list (empty when absent)."""
        node = parent.items.get(key)
        if node is None or (isinstance(node, Scalar) and node.kind == "empty value"):
            return []
        if not isinstance(node, Seq):
            self.problem(node, f"{what}: {key!r} must be a list (lines starting with '- ', or [a, b])")
            return []
        return list(node.items)

    def text_list(self, parent: Map, key: str, what: str) -> tuple[tuple[str, Location], ...]:
        """Field `key` of `parent` as a list of texts, each with where it was written."""
        out = []
        for item in self.sequence(parent, key, what):
            value = plain_text(item, False) or self.text_value(item, f"{what}: an item of {key!r}")
            if value:
                out.append((value, Location(self.name, item.line, item.col)))
        return tuple(out)


def plain_text(node: YNode | None, one_line: bool) -> str:
    """The text of an ordinary value, or "" when the Reader must look closer (and say what is
    wrong, with a message that is only worth building then). A large guide has hundreds of
    thousands of values, and most need no more than this."""
    if type(node) is not Scalar or node.kind != "text":
        return ""
    value = node.value.strip()
    if not value or CONTROL.search(value) is not None or (one_line and "\n" in value):
        return ""
    return value


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest candidate, or '' when none is close.

    For many hints against one large set of names, build a NameHints once instead."""
    return NameHints(candidates).hint(word)


class NameHints:
    """'Did you mean' hints against one fixed set of names, cached per word.

    difflib compares a word with every name, and a close look costs ~100 us a name: one
    unknown id among 20,000 nodes took ~3 s. Up to ALL_NAMES names every one is compared,
    as difflib does. Beyond that only a shortlist is: the names sharing the most letter
    triples with the word (found through an index of letter triples, built on the first
    look-up), of a length that could still pass difflib's cutoff. The hint is the closest
    name of the shortlist: a hint, not a proof (a tie may hide another name as close).
    """

    ALL_NAMES = 200
    SHORTLIST = 30
    LONGEST = 200  # an id longer than this is no typo of a real one: it is neither indexed nor hinted

    def __init__(self, names: Iterable[str]) -> None:
        self._names = list(names)
        self._index: dict[str, list[int]] | None = None  # three letters -> names holding it
        self._hints: dict[str, str] = {}

    def hint(self, word: str) -> str:
        """' (did you mean 'x'?)' for the closest name, or ''."""
        hint = self._hints.get(word)
        if hint is None:
            close = get_close_matches(word, self._shortlist(word), n=1)
            hint = self._hints[word] = f" (did you mean {close[0]!r}?)" if close else ""
        return hint

    def _shortlist(self, word: str) -> list[str]:
        names = self._names
        if len(names) <= self.ALL_NAMES:
            return names
        if len(word) > self.LONGEST:
            return []
        if self._index is None:
            self._index = {}
            for number, name in enumerate(names):
                for triple in _letter_triples(name) if len(name) <= self.LONGEST else ():
                    self._index.setdefault(triple, []).append(number)
        # Triples most names hold say little and cost the most: leave them out when others remain.
        postings = sorted((self._index.get(triple, []) for triple in _letter_triples(word)), key=len)
        telling = [found for found in postings if len(found) <= len(names) // 2] or postings[:1]
        shared = Counter(chain.from_iterable(telling))
        # difflib's ratio is 2 * matches / (len(a) + len(b)) >= 0.6: lengths within 3/7..7/3.
        # Most triples shared first; among as many, the closest length (n19999y: n19999, not n1999).
        size = len(word)
        most = [n for n, _ in shared.most_common(4 * self.SHORTLIST)]
        fits = [n for n in most if 3 * size <= 7 * len(names[n]) and 3 * len(names[n]) <= 7 * size]
        best = heapq.nlargest(self.SHORTLIST, fits, key=lambda n: (shared[n], -abs(len(names[n]) - size)))
        return [names[n] for n in best]


def _letter_triples(text: str) -> frozenset[str]:
    padded = f" {text} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))
