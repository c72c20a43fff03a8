"""`hfs-guide --plain` driven by piped input, as a screen-reader user or a script would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
ROOT = Path(__file__).parents[2]


def plain(lines: str, content: Path = MINI, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hfs_guide", "--content", str(content), "--plain"],
        input=lines, capture_output=True, text=True, timeout=60, env=env,
    )


def screens(output: str) -> list[str]:
    """Titles shown, in order: every page is announced "Page: title" (no underlines, which a
    speech synthesizer reads aloud)."""
    return [line.removeprefix("Page: ") for line in output.splitlines() if line.startswith("Page: ")]


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
    assert "Read [b]this[/b] and the end (see the page: The end)." in result.stdout


def test_help_lists_the_keys() -> None:
    out = plain("?\nq\n").stdout
    # from the one action table, key names in words a speech synthesizer says
    for key in ("the number of a choice: Choose", "b: Back", "f: Forward", "h: Home", "u, or exclamation mark: Urgent",
                "question mark: Help", "q, or the end of input: Quit"):
        assert key in out
    assert "=====" not in out and "g:" not in out and "/" not in out.split("Type one of these")[1].split("Type ")[0]


def test_plain_mode_shows_every_block_the_full_screen_shows() -> None:
    out = plain("u\nh\n3\n1\n1\nq\n", ROOT / "content").stdout
    # the urgent page's contacts, from the content
    assert "Emergency: your local emergency number" in out and "Your clinic: the phone number" in out
    assert "Sources for this page:" in out and "Questions you could ask your care team:" in out


def test_an_option_page_gives_its_facts_at_a_glance_and_who_it_may_not_suit() -> None:
    out = plain("1\n1\n1\nq\n").stdout  # Welcome > Still twitching > Options > Injections
    assert "At a glance:" in out and "Harms and risks: Some droop." in out
    assert "Who it may not suit:" in out


DECIDE = Path(__file__).parents[1] / "fixtures" / "decide"


def test_my_situation_in_plain_mode_asks_the_same_questions_and_opens_the_part_that_fits() -> None:
    # s; operations: 2 (two or more); course: 2 (came back); not interactive, so it goes there
    out = plain("s\n2\n2\nq\n", DECIDE).stdout
    assert "How many operations have you had for the twitching?" in out
    assert "3. I don't know" in out
    assert "My situation: operations: two or more; the twitching: stopped and came back" in out
    assert out.rfind("Page: It came back") > out.find("How many operations")


def test_values_and_readiness_in_plain_mode_and_enter_skips() -> None:
    out = plain("v\n3\n\nr\n1\n2\nq\n", DECIDE).stdout
    assert "Avoiding injections every few months" in out and "1. Does not matter" in out
    assert "What could help next" in out and 'Read the options again. See "Options" and "Injections".' in out
    assert "Adapted from the SURE test." in out
