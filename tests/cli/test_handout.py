"""`hfs-guide handout` and `hfs-guide graph` from the command line."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hfs_guide", "--content", str(MINI), *args],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,
    )


def test_handout_written_in_the_format_of_its_suffix(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Bring the scan.", encoding="utf-8")
    for name in ("h.md", "h.html"):
        result = run("handout", "--nodes", "welcome,still,options", "--notes", str(notes), "-o", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "Bring the scan." in text and "Still twitching" in text
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o600
    assert (tmp_path / "h.html").read_text().startswith("<!DOCTYPE html>")


def test_existing_file_is_not_replaced_without_force_or_a_terminal(tmp_path: Path) -> None:
    out = tmp_path / "mine.md"
    out.write_text("the user's own file", encoding="utf-8")
    result = run("handout", "--nodes", "still", "-o", str(out))
    assert result.returncode == 1 and "--force" in result.stderr
    assert out.read_text() == "the user's own file"
    assert run("handout", "--nodes", "still", "-o", str(out), "--force").returncode == 0
    assert "Still twitching" in out.read_text()


def test_bad_ids_and_suffix_are_named(tmp_path: Path) -> None:
    result = run("handout", "--nodes", "still,nope,also-nope", "-o", str(tmp_path / "h.md"))
    assert result.returncode == 2 and "nope, also-nope" in result.stderr
    result = run("handout", "--nodes", "still", "-o", str(tmp_path / "h.pdf"))
    assert result.returncode == 2 and ".md or .html" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unwritable_place_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = run("handout", "--nodes", "still", "-o", str(tmp_path / "no-such-folder" / "h.md"))
    assert result.returncode == 1 and "folder not found" in result.stderr and "Traceback" not in result.stderr


def test_graph_formats() -> None:
    mermaid, dot = run("graph"), run("graph", "--format", "dot")
    assert mermaid.returncode == 0 and mermaid.stdout.startswith("flowchart TD")
    assert dot.returncode == 0 and dot.stdout.startswith("digraph guide {")
