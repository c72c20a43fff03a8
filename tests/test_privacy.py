"""Privacy: nothing but `serve` opens a network connection, and nothing is written unasked."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

MINI = Path(__file__).parent / "fixtures" / "mini"

# Runs a command with every way of opening a connection or resolving a name made to fail loudly.
GUARD = """
import socket, sys
def refuse(*args, **kwargs):
    sys.stderr.write("NETWORK USED\\n")
    raise OSError("network use is forbidden in this test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from hfs_guide.cli import main
sys.exit(main(sys.argv[1:]))
"""


def guarded(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local")}
    return subprocess.run(
        [sys.executable, "-c", GUARD, "--content", str(MINI), *args],
        input=stdin, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60,
    )


@pytest.mark.parametrize(
    "args,stdin",
    [(["check"], ""), (["--plain"], "1\n1\nb\nu\nq\n"), (["graph"], ""), (["handout", "--nodes", "still", "-o", "h.md"], "")],
    ids=["check", "plain", "graph", "handout"],
)
def test_commands_open_no_connection_and_write_only_what_was_asked(tmp_path: Path, args: list[str], stdin: str) -> None:
    result = guarded(tmp_path, *args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert "NETWORK USED" not in result.stderr
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert written == (["h.md"] if "handout" in args else [])


def test_the_guard_itself_catches_a_connection(tmp_path: Path) -> None:
    code = GUARD.replace("from hfs_guide.cli import main", "socket.create_connection(('127.0.0.1', 9))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert "NETWORK USED" in result.stderr and result.returncode != 0
