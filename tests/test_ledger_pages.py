"""Every front end shows a page's figures with who and when, and its sources as readable
citations with their kind, size and "not verified" where so (issue 12)."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console, Group

from hfs_guide.core.loader import load_graph
from hfs_guide.core.page import Facts, Sources, page
from hfs_guide.plain_page import PlainPage
from hfs_guide.tui.page_parts import page_parts
from hfs_guide.tui.themes import page_theme


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def screen(p) -> str:  # type: ignore[no-untyped-def]
    console = Console(file=io.StringIO(), width=120, record=True, color_system=None)
    with console.use_theme(page_theme({"primary": "#0000ff"})):
        console.print(Group(*page_parts(p)))
    return " ".join(console.export_text().split())


def test_a_fact_carries_its_group_time_and_source_number(mini: Path) -> None:
    graph = load_graph(mini)
    (item,) = page(graph, node=graph.nodes["still"]).first(Facts).items
    assert (item.group, item.time, item.source, item.verified) == (
        "2,000 people in a made-up study", "the first year after the operation", 1, True)
    assert (item.icon, item.count, item.of) == (True, 25, 100)


def test_plain_mode_and_the_full_screen_say_who_and_when_beside_each_figure(mini: Path) -> None:
    graph = load_graph(mini)
    p = page(graph, node=graph.nodes["still"])
    plain = " ".join("\n".join(PlainPage(graph).lines(p)).split())
    want = ("about 25 in 100 people get better slowly Who: 2,000 people in a made-up study. "
            "Time: the first year after the operation. Source 1.")
    assert "Figures on this page: - " + want[:1].upper() + want[1:] in plain
    shown = screen(p)
    assert "● 25 of 100 people" in shown
    assert "Who: 2,000 people in a made-up study. Time: the first year after the operation. Source 1." in shown


def test_sources_show_their_kind_size_and_whether_they_were_verified(mini: Path) -> None:
    edit(mini / "sources.yaml", "verified: true", "verified: false")
    graph = load_graph(mini)
    p = page(graph, node=graph.nodes["still"])
    (citation,) = p.first(Sources).citations
    assert citation.details() == "cohort, 2,000 people; not verified"
    plain = "\n".join(PlainPage(graph).lines(p))
    assert f"1. {citation.text} (cohort, 2,000 people; not verified)" in plain
    assert "Source 1 (not verified)." in plain
    assert f"{citation.text} (cohort, 2,000 people; not verified)" in screen(p)


def test_every_page_of_the_shipped_guide_with_a_statistic_lists_its_sources() -> None:
    graph = load_graph()
    for node in graph.nodes.values():
        p = page(graph, node=node)
        if node.facts:
            facts, sources = p.first(Facts), p.first(Sources)
            assert facts is not None and sources is not None, node.id
            assert all(1 <= item.source <= len(sources.citations) for item in facts.items), node.id
