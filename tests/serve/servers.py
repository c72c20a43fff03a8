"""Helpers for the serve tests: a real `hfs-guide serve` on a free port, its app processes
(read from /proc, no psutil), and websocket sessions opened the way a browser opens them."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import aiohttp
import pytest

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
FIRST_SCREEN = b"Still twitching"  # the start node's first choice in the mini guide
HANG = 30.0  # a generous bound that only catches hangs


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Served:
    url: str
    port: int
    proc: subprocess.Popen[str]

    @property
    def ws_url(self) -> str:
        return self.url.replace("http", "ws", 1) + "/ws"


def serve_command(port: int, *args: str) -> list[str]:
    return [sys.executable, "-m", "hfs_guide", "--content", str(MINI), "serve", "--port", str(port), *args]


@contextlib.contextmanager
def serving(*args: str) -> Iterator[Served]:
    """`hfs-guide serve` with extra args, until the page answers (any status: busy is 503)."""
    port = free_port()
    proc = subprocess.Popen(serve_command(port, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + HANG
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"server exited: {proc.stderr.read() if proc.stderr else ''}")
            if time.monotonic() > deadline:
                pytest.fail("server did not answer")
            time.sleep(0.2)
    try:
        yield Served(url, port, proc)
    finally:
        with contextlib.suppress(ProcessLookupError):  # a test may have stopped it already
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.communicate(timeout=HANG)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()


def app_processes(server_pid: int) -> list[int]:
    """The server's descendants that have no children of their own: the apps it started
    (through a shell or not)."""
    parent_of: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                parent_of[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    below, grew = {server_pid}, True
    while grew:
        grew = False
        for pid, parent in parent_of.items():
            if parent in below and pid not in below:
                below.add(pid)
                grew = True
    below.discard(server_pid)
    parents = set(parent_of.values())
    return sorted(pid for pid in below if pid not in parents)


def alive(pid: int) -> bool:
    """True while pid exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(condition, timeout: float = HANG) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


async def read_until(ws: aiohttp.ClientWebSocketResponse, marker: bytes, timeout: float = HANG) -> bytes:
    """Everything the app sends until `marker` shows (or the socket closes, or time is up)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen and time.monotonic() < deadline:
        try:
            message = await ws.receive(timeout=1)
        except asyncio.TimeoutError:
            continue
        if message.type == aiohttp.WSMsgType.BINARY:
            seen += message.data
        elif message.type == aiohttp.WSMsgType.TEXT:
            seen += message.data.encode()
        else:
            break
    return seen


async def read_quiet(ws: aiohttp.ClientWebSocketResponse, quiet: float = 2.0) -> bytes:
    """Everything the app sends until it has been quiet for `quiet` seconds."""
    seen = b""
    deadline = time.monotonic() + HANG
    while time.monotonic() < deadline:
        try:
            message = await ws.receive(timeout=quiet)
        except asyncio.TimeoutError:
            break
        if message.type == aiohttp.WSMsgType.BINARY:
            seen += message.data
        elif message.type != aiohttp.WSMsgType.TEXT:
            break
    return seen


def screen_extent(output: bytes) -> tuple[int, int]:
    """(widest line in cells, lowest row) of what the app drew: rows from its cursor moves,
    widths from the text between them, escape sequences removed."""
    text = output.decode("utf-8", "replace")
    rows = [int(row) for row, _ in re.findall(r"\x1b\[(\d+);(\d+)H", text)]
    pieces = re.split(r"\x1b\[\d+;\d+H|\n", text)
    widths = [len(re.sub(r"\x1b\[[0-9;?$]*[A-Za-z]|\x1b\][^\x07]*\x07", "", piece)) for piece in pieces]
    return max(widths, default=0), max(rows, default=0)
