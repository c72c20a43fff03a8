"""`check` on a large guide with mistakes costs about what a clean check costs.

Work is counted, not timed (speed figures live in benchmarks/large_graph.py --unknown).
"""

from __future__ import annotations

from dataclasses import replace
from difflib import get_close_matches

import pytest

from hfs_guide.core import fields
from hfs_guide.core.validate import validate_graph
from tests.hardening.big_guide import big_graph


def test_a_large_clean_guide_has_no_problems() -> None:
    assert validate_graph(big_graph(3_000)) == []


def test_unknown_ids_among_thousands_of_nodes_are_hinted_from_a_shortlist(monkeypatch: pytest.MonkeyPatch) -> None:
    # One difflib scan of every node per unknown id took 62 s for 20 ids among 20,000 nodes.
    compared: list[int] = []

    def counting(word: str, names: list[str], n: int = 3) -> list[str]:
        compared.append(len(names))
        return get_close_matches(word, names, n=n)

    monkeypatch.setattr(fields, "get_close_matches", counting)
    problems = validate_graph(big_graph(3_000, unknown=20))
    messages = [p.message for p in problems]
    for i in range(20):  # each lost id twice: a choice and a body link, each with its hint
        hinted = [m for m in messages if f"there is no node 'n{i}x' (did you mean 'n{i}'?)" in m]
        assert len(hinted) == 2, messages
    assert len(compared) == 20  # one look-up per unknown id, not per mention
    assert max(compared) <= 100  # a shortlist, not all 3,000 nodes


class Tally(str):
    """A body that adds up how many characters its searches (count, find, rfind) cover."""

    scanned = 0

    def _span(self, args: tuple[object, ...]) -> None:
        start = args[1] if len(args) > 1 and isinstance(args[1], int) else 0
        end = args[2] if len(args) > 2 and isinstance(args[2], int) else len(self)
        Tally.scanned += max(0, min(end, len(self)) - max(start, 0))

    def count(self, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        self._span(args)
        return super().count(*args, **kwargs)

    def find(self, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        self._span(args)
        return super().find(*args, **kwargs)

    def rfind(self, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        self._span(args)
        return super().rfind(*args, **kwargs)


def test_many_bad_links_in_one_body_are_located_in_one_reading() -> None:
    graph = big_graph(300)
    lines = [f"Line {i}: [one](node:gone{i}) and [two](node:lost{i})." for i in range(2_000)]
    text = "\n".join(lines) + "\n"
    nodes = dict(graph.nodes)
    nodes["n5"] = replace(graph.nodes["n5"], body=Tally(text))
    Tally.scanned = 0
    problems = [p for p in validate_graph(replace(graph, nodes=nodes)) if "link to" in p.message]
    assert len(problems) == 4_000
    located = sorted((p.line, p.col) for p in problems)
    expected = sorted((i + 1, col) for i, line in enumerate(lines) for col in (line.index("node:gone") + 1, line.index("node:lost") + 1))
    assert located == expected
    # Reading the body again from the top for each bad link scans ~4,000 x half the body.
    assert Tally.scanned <= 3 * len(text)
