"""`hfs-guide check` as a user runs it: exit codes, stdout summary, located stderr lines."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

# A problem line: FILE:LINE:COL: message (positions from 1), or FILE: message for a whole file.
LOCATED = re.compile(r"(?P<file>\S[^:]*\.(?:yaml|md)):(?P<line>[1-9]\d*):(?P<col>[1-9]\d*): (?P<message>\S.*)")
WHOLE_FILE = re.compile(r"(?P<file>\S[^:]*\.(?:yaml|md)): (?P<message>\S.*)")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hfs_guide", *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_valid_content_exits_0_with_one_summary_line(mini: Path) -> None:
    result = run("check", str(mini))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("OK: ") and "7 nodes" in lines[0]


def test_invalid_content_exits_1_with_one_problem_a_line(mini: Path) -> None:
    guide = mini / "guide.yaml"
    guide.write_text(guide.read_text().replace("title: Welcome", "title: no").replace("to: end}", "to: ned}"), encoding="utf-8")
    result = run("check", str(mini))
    assert result.returncode == 1
    assert result.stdout == ""
    problems = result.stderr.splitlines()[:-1]
    assert len(problems) >= 3
    for line in problems:
        assert line.startswith(f"{guide}:") and re.match(r".+:\d+:\d+: ", line), line
    assert "Traceback" not in result.stderr


def test_path_argument_wins_over_global_content(mini: Path, tmp_path: Path) -> None:
    result = run("--content", str(tmp_path / "nowhere"), "check", str(mini))
    assert result.returncode == 0, result.stderr


def test_global_content_is_used_when_no_path(mini: Path) -> None:
    assert run("--content", str(mini / "guide.yaml"), "check").returncode == 0


@pytest.mark.parametrize("args", [["check", "/no/such/folder"], ["--bogus"], ["check", "a", "b"], ["frobnicate"]])
def test_usage_errors_exit_2_without_traceback(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_shipped_content_is_found_from_any_folder_and_is_valid(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "OK: " in result.stdout


HOSTILE = {
    "alias": "a: &a [1]\nb: *a\n",
    "deep-nesting": "[" * 100_000,
    "control-characters": "\x00\x01",
    "python-tag": "meta: !!python/name:os.system\n",
    "bare-option-node": "nodes: {x: {kind: option}}\n",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_guides_give_located_problems_never_a_traceback(tmp_path: Path, name: str) -> None:
    (tmp_path / "guide.yaml").write_text(HOSTILE[name], encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    *problems, summary = result.stderr.splitlines()
    counted = re.search(r"\b(\d+) errors? and (\d+) warnings?\b", summary)
    assert problems and counted and int(counted[1]) + int(counted[2]) == len(problems), result.stderr
    for line in problems:
        found = LOCATED.fullmatch(line) or WHOLE_FILE.fullmatch(line)
        assert found and Path(found["file"]).is_relative_to(tmp_path), line
    # guide.yaml's own problem says where in it, so an author can go straight there
    assert any(LOCATED.fullmatch(line) and line.startswith(f"{tmp_path / 'guide.yaml'}:") for line in problems), problems


@pytest.mark.parametrize("mode", [[], ["--plain"]], ids=["tui", "plain"])
def test_starting_on_invalid_content_prints_the_check_problems_and_exits_1(mini: Path, mode: list[str]) -> None:
    guide = mini / "guide.yaml"
    guide.write_text(guide.read_text().replace("title: Welcome", "title: no"), encoding="utf-8")
    started = run("--content", str(mini), *mode)
    checked = run("check", str(mini))
    assert started.returncode == 1
    assert started.stderr == checked.stderr and "true/false" in started.stderr
    assert "\x1b[" not in started.stdout  # the screen was never taken over
