"""`hfs-guide --plain` driven by piped input, as a screen-reader user or a script would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


def plain(lines: str, content: Path = MINI, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hfs_guide", "--content", str(content), "--plain"],
        input=lines, capture_output=True, text=True, timeout=60, env=env,
    )


def screens(output: str) -> list[str]:
    """Titles shown, in order (a title is the line above its ==== underline)."""
    lines = output.splitlines()
    return [lines[i - 1] for i, line in enumerate(lines) if line and set(line) == {"="} and i]


def test_a_whole_path_and_back_again() -> None:
    result = plain("1\n1\n1\nb\nb\nf\nh\nq\n")
    assert result.returncode == 0, result.stderr
    assert screens(result.stdout) == [
        "Welcome", "Still twitching", "Options", "Injections", "Options", "Still twitching", "Options", "Welcome",
    ]
    assert "\x1b[" not in result.stdout  # not a terminal: no colour, no escape codes
    assert "Goodbye" in result.stdout


def test_bad_input_gets_a_hint_and_the_prompt_again() -> None:
    result = plain("7\nzzz\n0\n\nb\nf\n2\nq\n")
    assert result.returncode == 0
    assert "There is no choice 7 here" in result.stdout
    assert "Not a command: 'zzz'" in result.stdout
    assert "There is no choice 0 here" in result.stdout
    assert "nothing to go back to" in result.stdout and "nothing to go forward to" in result.stdout
    assert screens(result.stdout) == ["Welcome", "It came back"]
    assert "Traceback" not in result.stderr


def test_end_of_input_quits_cleanly_and_urgent_help_is_one_key_away() -> None:
    result = plain("1\n!\n")
    assert result.returncode == 0
    assert screens(result.stdout) == ["Welcome", "Still twitching", "Urgent help"]
    assert plain("").returncode == 0


def test_links_become_text_and_markup_stays_literal(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(MINI, tmp_path / "g")
    (tmp_path / "g" / "nodes" / "welcome.md").write_text("Read [b]this[/b] and [the end](node:end).\n")
    result = plain("q\n", tmp_path / "g")
    assert "Read [b]this[/b] and the end (see: The end)." in result.stdout


def test_help_lists_the_keys() -> None:
    out = plain("?\nq\n").stdout
    for key in ("1-9", "b ", "f ", "h ", "u or !", "q "):
        assert key in out
