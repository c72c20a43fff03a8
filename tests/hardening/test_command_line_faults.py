"""The command line and plain mode under faults: odd input, broken output, no terminal, closed folders.

Every case ends with one clear line and a documented exit status, never a traceback
(README: "Using it" and "Threat model").
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

import pytest

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
UTF8 = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "PYTHONIOENCODING")}
UTF8.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", PYTHONUTF8="0")


def hfs(*args: str, stdin: bytes | None = b"", **popen: object) -> subprocess.CompletedProcess[bytes]:
    popen.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "hfs_guide", *args], input=stdin, stderr=subprocess.PIPE,
        timeout=120, env=popen.pop("env", UTF8), **popen,  # type: ignore[arg-type]
    )


def no_traceback(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    return err


# -- plain mode: any line gets a reply -------------------------------------------------------
def test_plain_mode_answers_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    result = hfs("--content", str(MINI), "--plain", stdin=b"\xff\xfe latin-1 \xe9\n1\nq\n")
    no_traceback(result)
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0
    assert "Not a command: '\ufffd\ufffd latin-1 \ufffd'" in out and "Still twitching" in out  # then 1 still works


@pytest.mark.parametrize("line", ["²", "①", "٣", "9" * 5000, "0" * 3000 + "1"], ids=["superscript", "circled", "arabic", "5000-digits", "zeros-then-1"])
def test_plain_mode_answers_numbers_it_cannot_use(line: str) -> None:
    result = hfs("--content", str(MINI), "--plain", stdin=f"{line}\nq\n".encode())
    no_traceback(result)
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0 and "Goodbye" in out
    if line.lstrip("0") == "1":
        assert "Page: Still twitching" in out  # a plain 1, however written
    else:
        assert "Not a command" in out or "There is no choice" in out


def test_plain_mode_keeps_memory_bounded_on_a_line_without_end() -> None:
    result = hfs("--content", str(MINI), "--plain", stdin=b"x" * 3_000_000 + b"\n1\nq\n")
    no_traceback(result)
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0 and out.count("Not a command") == 1 and "Page: Still twitching" in out


# -- standard output full, closed, or gone ---------------------------------------------------
COMMANDS = {
    "check": ["check", str(MINI)],
    "graph": ["--content", str(MINI), "graph"],
    "plain": ["--content", str(MINI), "--plain"],
    "handout": ["--content", str(MINI), "handout", "--nodes", "welcome", "--force", "-o", "{out}"],
    "handout-to-stdout": ["--content", str(MINI), "handout", "--nodes", "welcome,still", "-o", "-"],
}


@pytest.mark.parametrize("name", COMMANDS)
def test_a_full_standard_output_is_one_line_and_status_1(name: str, tmp_path: Path) -> None:
    args = [a.replace("{out}", str(tmp_path / "h.md")) for a in COMMANDS[name]]
    with open("/dev/full", "wb") as full:
        result = hfs(*args, stdin=b"q\n", stdout=full)
    err = no_traceback(result)
    assert result.returncode == 1
    assert err.strip().splitlines()[-1] == "hfs-guide: cannot write to standard output: No space left on device"


@pytest.mark.parametrize("name", COMMANDS)
def test_a_closed_standard_output_is_one_line_and_status_1(name: str, tmp_path: Path) -> None:
    args = [a.replace("{out}", str(tmp_path / "h.md")) for a in COMMANDS[name]]
    result = hfs(*args, stdin=b"q\n", stdout=None, preexec_fn=lambda: os.close(1))
    err = no_traceback(result)
    assert result.returncode == 1
    assert err.strip().splitlines()[-1] == "hfs-guide: cannot write to standard output: it is closed"


def test_a_reader_that_leaves_ends_plain_mode_quietly() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "hfs_guide", "--content", str(MINI), "--plain"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=UTF8,
    )
    assert process.stdout is not None and process.stdin is not None
    process.stdout.read(1)
    process.stdout.close()  # `| head -c1`
    try:
        process.stdin.write(b"?\n" * 20_000 + b"q\n")
        process.stdin.close()
    except BrokenPipeError:
        pass
    assert process.wait(timeout=120) == 0
    err = process.stderr.read().decode() if process.stderr else ""
    assert "Traceback" not in err and "Exception ignored" not in err


# -- not a terminal --------------------------------------------------------------------------
def test_without_a_terminal_the_guide_runs_in_plain_mode_and_says_so() -> None:
    # Before: the full screen took over a pipe, wrote escape codes and never ended.
    result = hfs("--content", str(MINI), stdin=None, stdout=subprocess.PIPE)
    err = no_traceback(result)
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0
    assert "Mini guide" in out and "Page: Welcome" in out and "\x1b" not in out
    assert err.strip() == (
        "hfs-guide: standard input and output are not terminals: showing the guide as plain lines (--tui forces the full screen)"
    )


def _first_output(args: list[str], until: bytes, seconds: float = 30) -> bytes:
    """Run with stdin from /dev/null and stdout on a pseudo-terminal; what it writes first."""
    master, slave = os.openpty()
    env = {**UTF8, "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "hfs_guide", "--content", str(MINI), *args],
        stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env, start_new_session=True,
    )
    os.close(slave)
    output = b""
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline and until not in output:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                output += chunk
            elif process.poll() is not None:
                break
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)
    return output


def test_tui_forces_the_full_screen_and_stdin_alone_not_a_terminal_means_plain() -> None:
    forced = _first_output(["--tui"], until=b"\x1b[?1049h")
    assert b"\x1b[?1049h" in forced  # the alternate screen: the full-screen guide started
    plain = _first_output([], until=b"Goodbye")
    assert b"standard input is not a terminal: showing the guide as plain lines" in plain
    assert b"\x1b[?1049h" not in plain and b"Goodbye" in plain


# -- paths the user may not search -----------------------------------------------------------
def test_a_path_through_a_file_is_a_message(tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    result = hfs("check", str(a_file / "content"))
    assert result.returncode == 2 and f"content path not found: {a_file / 'content'}" in no_traceback(result)
    result = hfs("--content", str(MINI), "handout", "--nodes", "welcome", "-o", str(a_file / "h.md"))
    assert result.returncode == 1
    assert f"{a_file}: is a file, not a folder" in no_traceback(result)


def test_a_name_too_long_is_a_message(tmp_path: Path) -> None:
    long_name = str(tmp_path / ("a" * 300))
    result = hfs("check", long_name)
    assert result.returncode == 2 and "the name is too long" in no_traceback(result)
    result = hfs("--content", str(MINI), "handout", "--nodes", "welcome", "-o", long_name + ".md")
    assert result.returncode == 1 and "the name is too long" in no_traceback(result)


def _as_other_user() -> list[str] | None:
    """A prefix that runs a command as a user that permissions apply to (root ignores mode 000)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    probe = subprocess.run([setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", "import hfs_guide"],
                           capture_output=True, timeout=60)
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if probe.returncode == 0 else None


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder outside pytest's private temp folder, so another user can reach it."""
    folder = Path(tempfile.mkdtemp(prefix="hfs-perm-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(folder)


def test_folders_the_user_may_not_open_are_messages(shared_dir: Path) -> None:
    prefix = _as_other_user()
    if prefix is None:
        pytest.skip("running as root without setpriv: mode 000 cannot be tried")
    shutil.copytree(MINI, shared_dir / "ok")
    (shared_dir / "closed").mkdir()
    shutil.copytree(MINI, shared_dir / "closed" / "content")
    shutil.copytree(MINI, shared_dir / "closed-content")
    for path in shared_dir.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    (shared_dir / "closed").chmod(0)
    (shared_dir / "closed-content").chmod(0)

    def run(*args: str) -> tuple[int, str]:
        result = subprocess.run([*prefix, sys.executable, "-m", "hfs_guide", *args], capture_output=True, timeout=120,
                                stdin=subprocess.DEVNULL, env=UTF8, cwd="/")
        return result.returncode, no_traceback(result)

    code, err = run("check", str(shared_dir / "closed" / "content"))
    assert code == 2 and "permission denied" in err
    code, err = run("check", str(shared_dir / "closed-content"))
    assert code == 1 and "cannot be read (permission denied)" in err
    ok = str(shared_dir / "ok")
    code, err = run("--content", ok, "handout", "--nodes", "welcome", "-o", str(shared_dir / "closed" / "h.md"))
    assert code == 1 and f"{shared_dir / 'closed'}: permission denied" in err
    code, err = run("--content", ok, "handout", "--nodes", "welcome", "--notes", str(shared_dir / "closed" / "n.txt"), "-o", "/tmp/x.md")
    assert code == 1 and "permission denied" in err


# -- a handout killed while it is written ----------------------------------------------------
KILL_DURING_FSYNC = """
import os, signal, sys, time
def fsync(fd):  # the moment the text is in the temporary file and not yet in place
    os.kill(os.getpid(), signal.{name})
    time.sleep(30)
os.fsync = fsync
from hfs_guide.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_handout_killed_mid_write_leaves_no_file_with_the_notes(tmp_path: Path, name: str) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("private: my own words", encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", KILL_DURING_FSYNC.format(name=name), "--content", str(MINI), "handout",
         "--nodes", "welcome", "--notes", str(notes), "-o", str(out_dir / "h.md")],
        capture_output=True, timeout=120, env=UTF8,
    )
    assert result.returncode == -getattr(signal, name)  # it still ends by that signal
    assert list(out_dir.iterdir()) == []  # no hidden .h.md.XXXX.part holding the notes
