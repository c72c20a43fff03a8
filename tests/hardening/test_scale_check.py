"""`check` at scale: a guide with mistakes checks in about the time of a clean one, and a page
that would take seconds to draw is refused.

Work is counted, not timed (speed figures live in benchmarks/large_graph.py --unknown and
benchmarks/views.py).
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from difflib import get_close_matches
from pathlib import Path

import pytest

from hfs_guide.core import fields
from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Fact
from hfs_guide.core.problems import ContentError
from hfs_guide.core.validate import validate_graph
from tests.hardening.big_guide import WHERE, big_graph
from tests.tui.conftest import CONTENT as TUI_CONTENT


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


def page_problems(graph_node_change: dict[str, object]) -> list[str]:
    graph = big_graph(30)
    nodes = dict(graph.nodes)
    nodes["n5"] = replace(graph.nodes["n5"], **graph_node_change)  # type: ignore[arg-type]
    return [p.message for p in validate_graph(replace(graph, nodes=nodes)) if "fit a page" in p.message]


def test_a_page_that_would_take_seconds_to_draw_is_refused() -> None:
    # 400 figures took ~1 s to draw, 1,600 questions ~0.3 s: guide.yaml may hold a million.
    assert page_problems({}) == []
    assert page_problems({"questions": tuple(f"Question {i}?" for i in range(31))}) == [
        "node 'n5' has 31 questions to ask; at most 30 fit a page: keep the most useful"]
    icons = tuple(Fact(f"f{i}", "3 in 10 people", "g", "t", "s1", "30%", "neutral", True, 3, 10) for i in range(11))
    assert page_problems({"facts": icons}) == ["node 'n5' draws 11 icon arrays; at most 10 fit a page: keep the ones that matter most"]
    long = page_problems({"summary": "word " * 4_000})
    assert len(long) == 1 and "hold 20," in long[0] and "at most 16,384 fit a page" in long[0]


def test_a_body_over_16_kb_is_refused_by_check(tmp_path: Path) -> None:
    # A 1 MB body (the old limit) took 70 s to draw, with keys and SIGTERM blocked.
    folder = tmp_path / "content"
    shutil.copytree(TUI_CONTENT, folder)
    body = folder / "nodes" / "a1.md"
    body.write_text("- x\n" * (16_384 // 4), encoding="utf-8")
    load_graph(folder)  # 16,384 bytes: the limit itself is fine
    body.write_text("- x\n" * (16_384 // 4) + "\n", encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        load_graph(folder)
    assert any(str(p).endswith("a1.md: file is 16,385 bytes; the limit is 16,384: split it or shorten it") for p in refused.value.problems)
