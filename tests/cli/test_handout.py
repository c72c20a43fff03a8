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
    assert result.returncode == 2 and "'nope'" in result.stderr and "'also-nope'" in result.stderr
    assert "page ids: welcome, still," in result.stderr  # nothing close: every id is listed
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


SHIPPED: tuple[str, ...] = ()  # no --content: the shipped guide


def hfs(*args: str, content: tuple[str, ...] = ("--content", str(MINI)), cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hfs_guide", *content, *args],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60, cwd=cwd,
    )


def test_dash_writes_markdown_to_standard_output_and_nothing_to_disk(tmp_path: Path) -> None:
    result = hfs("handout", "--nodes", "welcome,still", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Mini guide\n") and "### Still twitching" in result.stdout
    assert result.stderr == "" and list(tmp_path.iterdir()) == []
    html = hfs("handout", "--nodes", "still", "-o", "-", "--format", "html", cwd=tmp_path)
    assert html.returncode == 0 and html.stdout.startswith("<!DOCTYPE html>") and "<main>" in html.stdout
    assert list(tmp_path.iterdir()) == []


def test_options_adds_the_option_grid(tmp_path: Path) -> None:
    without = hfs("handout", "--nodes", "still", "-o", "-")
    with_grid = hfs("handout", "--nodes", "still", "--options", "-o", "-")
    assert with_grid.returncode == 0, with_grid.stderr
    assert "The options side by side" not in without.stdout
    assert "## The options side by side" in with_grid.stdout and "- **What it is**: A shot." in with_grid.stdout


def test_pages_can_be_named_by_the_words_of_their_titles() -> None:
    result = hfs("handout", "--nodes", "botox,URGENT care,Medicines", "-o", "-", content=SHIPPED)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "### Botox injections" in text and "### Medicines" in text
    assert text.index("### Botox injections") < text.index("### Medicines")  # in the order given


def test_an_unknown_name_lists_close_matches_and_exits_2(tmp_path: Path) -> None:
    result = hfs("handout", "--nodes", "botx", "-o", str(tmp_path / "h.md"), content=SHIPPED)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no page is called 'botx'; did you mean:" in result.stderr and "option-botox (Botox injections)" in result.stderr
    vague = hfs("handout", "--nodes", "operation", "-o", "-", content=SHIPPED)
    assert vague.returncode == 2 and "'operation' fits" in vague.stderr and "how-mvd-works" in vague.stderr
    assert vague.stdout == "" and list(tmp_path.iterdir()) == []


def test_without_o_the_default_name_is_used_and_never_replaced(tmp_path: Path) -> None:
    first = hfs("handout", "--nodes", "still", cwd=tmp_path)
    second = hfs("handout", "--nodes", "still", "--format", "md", cwd=tmp_path)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 2 and all(n.startswith("hfs-guide-summary-") for n in names)
    assert {Path(n).suffix for n in names} == {".html", ".md"}
    for name in names:
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o600
        assert f"Wrote {name}" in first.stdout + second.stdout
    third = hfs("handout", "--nodes", "still", cwd=tmp_path)  # the same minute: a new name, not the old file
    assert third.returncode == 0 and len(list(tmp_path.iterdir())) == 3


def test_a_format_that_contradicts_the_suffix_is_a_usage_error(tmp_path: Path) -> None:
    result = hfs("handout", "--nodes", "still", "--format", "html", "-o", str(tmp_path / "h.md"))
    assert result.returncode == 2 and "--format html" in result.stderr and list(tmp_path.iterdir()) == []


def test_graph_uses_kinds_parts_and_a_legend() -> None:
    dot = hfs("graph", "--format", "dot").stdout
    assert "subgraph cluster_legend" in dot and 'shape=octagon, fillcolor="#ffd6d6"' in dot
    assert "constraint=false" in dot and "(option-a)" in dot
    mermaid = hfs("graph").stdout
    assert "classDef urgent" in mermaid and "-.->" in mermaid
