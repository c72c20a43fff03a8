"""A content folder from anywhere: links out of it, FIFOs, raw HTML, shared bodies, floods of problems.

Each test builds a hostile copy of the small guide and runs what a user would: `check`, a
handout, the graph. Commands run in a child process with a generous timeout, because on the
code before these fixes several of them blocked for ever.
"""

from __future__ import annotations

import re

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from hfs_guide.core.files import BODY_LIMIT
from hfs_guide.core.loader import load_graph
from hfs_guide.core.problems import ContentError

SECRET = "root:x:0:0:SECRET-LINE"


def hfs(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hfs_guide", *args], input=stdin, capture_output=True, text=True,
        stdin=None if stdin is not None else subprocess.DEVNULL, timeout=120,
    )


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_graph(folder)
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder next to the content folder, holding a 'private' file a link could point at."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "secret.md").write_text(SECRET + "\n", encoding="utf-8")
    (folder / "welcome.md").write_text(SECRET + "\n", encoding="utf-8")
    return folder


# -- links leading out of the content folder ---------------------------------------------------
def test_a_body_linked_to_a_file_outside_is_refused_by_check(mini: Path, outside: Path) -> None:
    body = mini / "nodes" / "welcome.md"
    body.unlink()
    body.symlink_to(outside / "secret.md")
    result = hfs("check", str(mini))
    assert result.returncode == 1 and not result.stdout
    assert f"{body}: leads outside the content folder" in result.stderr
    assert SECRET not in result.stdout + result.stderr


def test_a_linked_nodes_folder_is_refused_and_nothing_reaches_a_handout(mini: Path, outside: Path, tmp_path: Path) -> None:
    for body in (mini / "nodes").iterdir():
        if body.name != "welcome.md":
            (outside / body.name).write_bytes(body.read_bytes())
    (mini / "nodes").rename(tmp_path / "old-nodes")
    (mini / "nodes").symlink_to(outside, target_is_directory=True)
    assert any("welcome.md: leads outside the content folder" in p for p in problems_of(mini))
    result = hfs("--content", str(mini), "handout", "--nodes", "welcome", "-o", str(tmp_path / "h.md"))
    assert result.returncode == 1 and not (tmp_path / "h.md").exists()


@pytest.mark.parametrize("name", ["sources.yaml", "glossary.yaml"])
def test_a_linked_table_file_is_refused(mini: Path, outside: Path, name: str) -> None:
    (outside / name).write_bytes((mini / name).read_bytes())
    (mini / name).unlink()
    (mini / name).symlink_to(outside / name)
    assert any(f"{name}: leads outside the content folder" in p for p in problems_of(mini))


def test_links_that_stay_inside_the_content_folder_are_fine(mini: Path) -> None:
    shared = mini / "shared"
    shared.mkdir()
    (mini / "nodes" / "end.md").rename(shared / "end.md")
    (mini / "nodes" / "end.md").symlink_to(Path("..") / "shared" / "end.md")
    graph = load_graph(mini)
    assert graph.nodes["end"].body.startswith("#")


def test_the_content_folder_itself_may_be_reached_through_a_link(mini: Path, tmp_path: Path) -> None:
    (tmp_path / "via-link").symlink_to(mini, target_is_directory=True)
    assert load_graph(tmp_path / "via-link").start == "welcome"


# -- FIFOs, sockets: never opened, so never waited on ------------------------------------------
@pytest.mark.parametrize("name", ["nodes/still.md", "sources.yaml", "glossary.yaml", "guide.yaml"])
def test_a_fifo_in_the_content_is_refused_without_blocking(mini: Path, name: str) -> None:
    (mini / name).unlink()
    os.mkfifo(mini / name)
    result = hfs("check", str(mini))  # before the fix: blocked for ever on open()
    assert result.returncode == 1
    assert f"{mini / name}: is a named pipe (FIFO), not an ordinary file" in result.stderr


@pytest.mark.parametrize("command", [["graph"], ["handout", "--nodes", "welcome", "-o", "{out}"], ["--plain"]])
def test_every_command_refuses_a_fifo_body_instead_of_hanging(mini: Path, tmp_path: Path, command: list[str]) -> None:
    (mini / "nodes" / "welcome.md").unlink()
    os.mkfifo(mini / "nodes" / "welcome.md")
    args = [part.replace("{out}", str(tmp_path / "h.md")) for part in command]
    result = hfs("--content", str(mini), *args)
    assert result.returncode == 1 and "is a named pipe (FIFO)" in result.stderr


def test_a_socket_as_a_body_is_refused(mini: Path) -> None:
    path = mini / "nodes" / "end.md"
    path.unlink()
    if len(str(path)) > 100:  # AF_UNIX names are short; bind from inside the folder
        pytest.skip("temporary folder path too long for a UNIX socket name")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        assert any("end.md: is a socket, not an ordinary file" in p for p in problems_of(mini))
    finally:
        server.close()


# -- raw HTML ----------------------------------------------------------------------------------
def test_raw_html_in_a_body_is_a_located_content_error(mini: Path) -> None:
    body = mini / "nodes" / "still.md"
    body.write_text(
        "# Still\n\nSome text, then <img src=x onerror=alert(1)> here.\n\n<script>\nalert(1)\n</script>\n",
        encoding="utf-8",
    )
    result = hfs("check", str(mini))
    assert result.returncode == 1
    assert f"{body}:3:17: raw HTML '<img src=x onerror=alert(1)>' is not allowed in a body" in result.stderr


def test_a_raw_html_block_is_located_on_its_line(mini: Path) -> None:
    (mini / "nodes" / "end.md").write_text("# End\n\nText.\n\n  <script>alert(1)</script>\n", encoding="utf-8")
    assert any(p.startswith(f"{mini / 'nodes' / 'end.md'}:5:3: raw HTML '<script>") for p in problems_of(mini))


def test_markup_that_only_looks_like_html_stays_allowed(mini: Path) -> None:
    text = "# End\n\nLess than a finger's width (<5 mm), a < b, `<b>` in code, \\<escaped>, <https://example.org>.\n"
    (mini / "nodes" / "end.md").write_text(text, encoding="utf-8")
    assert load_graph(mini).nodes["end"].body == text


def _rendered(markdown: str) -> str:
    """What a CommonMark viewer that passes HTML through would show."""
    return MarkdownIt("commonmark", {"html": True}).render(markdown)


def test_the_markdown_handout_escapes_the_patients_notes(mini: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text('Ask about <script>alert(1)</script> and <img src=x onerror="alert(2)">, [x](javascript:alert(3)).\n', encoding="utf-8")
    out = tmp_path / "h.md"
    result = hfs("--content", str(mini), "handout", "--nodes", "welcome,still", "--notes", str(notes), "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = _rendered(out.read_text(encoding="utf-8"))
    assert "<script" not in page and "<img" not in page and "<a " not in page
    assert "Ask about &lt;script&gt;alert(1)&lt;/script&gt;" in page  # still readable, as text


def test_the_markdown_handout_escapes_html_in_content_text(mini: Path, tmp_path: Path) -> None:
    guide = mini / "guide.yaml"
    text = guide.read_text(encoding="utf-8")
    text = text.replace("title: Still twitching", "title: \"Still <img src=x onerror=alert(1)>\"")
    text = text.replace("How long should I wait?", "How long <script>alert(1)</script>?")
    guide.write_text(text, encoding="utf-8")
    out = tmp_path / "h.md"
    result = hfs("--content", str(mini), "handout", "--nodes", "welcome,still", "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = _rendered(out.read_text(encoding="utf-8"))
    assert "<img" not in page and "<script" not in page
    assert "Still &lt;img src=x onerror=alert(1)&gt;" in page


def test_a_number_of_thousands_of_digits_is_a_located_problem(mini: Path) -> None:
    guide = mini / "guide.yaml"
    huge = "9" * 5000
    guide.write_text(guide.read_text(encoding="utf-8").replace("about 25 in 100", f"about {huge} in 100", 1), encoding="utf-8")
    result = hfs("check", str(mini))  # int() stops at 4,300 digits: a ValueError traceback unless guarded
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"guide\.yaml:\d+:\d+: ", result.stderr), result.stderr


# -- many nodes sharing one body; floods of problems -------------------------------------------
def _many_nodes(folder: Path, count: int, body: str) -> None:
    """A valid guide of `count` nodes in a chain; `body` may hold {i} for the node's number."""
    lines = [
        'meta: {title: T, language: en, version: "1", reviewed: "2026-11-24", review_note: r, urgent: n0,',
        "       emergency: e, clinic: c, disclaimer: d}", "start: n0", "nodes:",
    ]
    for i in range(count):
        kind = "urgent" if i == 0 else "ending" if i == count - 1 else "info"
        choices = f", choices: [{{label: Go, to: n{i + 1}}}]" if i < count - 1 else ""
        lines.append(f"  n{i}: {{kind: {kind}, title: T{i}, summary: S, body: {body.format(i=i)}{choices}}}")
    (folder / "guide.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_large_body_shared_by_thousands_of_nodes_is_read_once(tmp_path: Path) -> None:
    # Before: each node read its own copy (3,000 x 1 MB: a MemoryError at a 2 GB limit).
    folder = tmp_path / "shared-body"
    folder.mkdir()
    size = min(BODY_LIMIT - 100, 750_000)  # as large as a body may be
    (folder / "big.md").write_text("# Big\n\n" + "w" * size + "\n", encoding="utf-8")
    _many_nodes(folder, 3_000, "big.md")
    graph = load_graph(folder)
    bodies = {id(node.body) for node in graph.nodes.values()}
    assert len(graph.nodes) == 3_000 and len(bodies) == 1


def test_the_total_body_text_is_bounded_with_a_located_message(tmp_path: Path) -> None:
    folder = tmp_path / "many-bodies"
    (folder / "nodes").mkdir(parents=True)
    size = min(BODY_LIMIT - 100, 600_000)  # each body within its own limit
    count = 32 * 2**20 // size + 2
    for i in range(count):
        (folder / "nodes" / f"n{i}.md").write_text(f"# {i}\n\n" + "x" * size + "\n", encoding="utf-8")
    _many_nodes(folder, count, "nodes/n{i}.md")
    found = problems_of(folder)
    assert any("the body files together hold more than 32 MB of text" in p and "guide.yaml:" in p for p in found)


def test_a_flood_of_problems_stops_at_a_bounded_number(tmp_path: Path) -> None:
    # 20,000 empty nodes: before, 100,000 problems; 500,000 of them took 2 GB and minutes.
    folder = tmp_path / "flood"
    folder.mkdir()
    (folder / "guide.yaml").write_text("nodes:\n" + "".join(f" n{i}: {{}}\n" for i in range(20_000)), encoding="utf-8")
    result = hfs("check", str(folder))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) < 1_100
    assert "stopped after 1,000 problems: fix these, then check again" in result.stderr
