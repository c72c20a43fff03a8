"""Handouts and graph exports: every part present, nothing injectable, files written safely."""

from __future__ import annotations

import datetime as dt
import os
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hfs_guide.core.export import build_handout, graph_dot, graph_mermaid, handout_html, handout_markdown
from hfs_guide.core.loader import load_graph
from hfs_guide.core.safe_write import TargetExistsError, write_private
from hfs_guide.core.session import Session

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
DAY = dt.date(2026, 11, 24)


@pytest.fixture
def session() -> Session:
    session = Session(load_graph(MINI))
    session.choose(1)  # still
    session.toggle_question("still", 0)
    session.set_notes("Ask about <script>alert(1)</script> & the scan.\n\nSecond para \x1b[31m.")
    session.choose(1)  # options
    return session


def test_markdown_handout_has_every_part(session: Session) -> None:
    text = handout_markdown(build_handout(session, DAY))
    for part in (
        "# Mini guide", "2026-11-24", "version 1", "reviewed 2026-11-24", "Information, not medical advice.",
        "1. **Welcome**: Where to begin.", "2. **Still twitching**", "3. **Options**",
        "- [ ] How long should I wait?", "Ask about \\<script>", "## Urgent help",
        "your local emergency number", "the phone number your surgical team gave you",
        "Example A. A made-up reference",
    ):
        assert part in text, part
    assert "What would a second scan show?" not in text  # not ticked
    assert "\x1b" not in text  # control characters from notes are not passed on


class _Collect(HTMLParser):
    VOID = {"meta", "br", "link", "img", "hr", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.text.append(data)


def test_html_handout_is_well_formed_self_contained_and_inert(session: Session) -> None:
    page = handout_html(build_handout(session, DAY))
    parser = _Collect()
    parser.feed(page)
    parser.close()
    assert parser.stack == ["html"] or parser.stack == []
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    text = "".join(parser.text)
    assert "Ask about <script>alert(1)</script> & the scan." in text  # shown, as text
    assert "How long should I wait?" in text and "Urgent help" in text and "Example A." in text
    assert "http" not in page.split("<body>")[1]  # nothing fetched from anywhere


def test_content_html_in_the_urgent_body_is_not_passed_through() -> None:
    # `check` refuses such a body; a graph built around it must still not pass it on.
    from dataclasses import replace

    graph = load_graph(MINI)
    urgent = replace(graph.urgent_node, body="# Help\n\n<script>x()</script>\n\n[a](javascript:alert(1))\n")
    graph = replace(graph, nodes={**graph.nodes, urgent.id: urgent})
    page = handout_html(build_handout(Session(graph), DAY))
    assert "<script>" not in page and 'href="javascript' not in page


def test_graph_exports_name_every_node_and_edge() -> None:
    graph = load_graph(MINI)
    mermaid = graph_mermaid(graph)
    assert mermaid.startswith("flowchart TD")
    assert mermaid.count("-->") == sum(len(n.choices) for n in graph.nodes.values())
    dot = graph_dot(graph)
    assert '"welcome" -> "still" [label="Still twitching"];' in dot
    assert dot.count(" -> ") == mermaid.count("-->")


def test_write_private_is_owner_only_and_never_overwrites_unasked(tmp_path: Path) -> None:
    target = tmp_path / "handout.md"
    write_private(target, "first")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    with pytest.raises(TargetExistsError):
        write_private(target, "second")
    assert target.read_text() == "first"
    write_private(target, "third", replace=True)
    assert target.read_text() == "third"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.md"]  # no temporary left behind


def test_write_private_leaves_no_partial_file_when_writing_fails(tmp_path: Path, monkeypatch) -> None:
    def boom(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        write_private(tmp_path / "out.html", "x" * 1000)
    assert list(tmp_path.iterdir()) == []
