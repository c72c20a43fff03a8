"""What `hfs-guide serve` costs in memory: the server, and one app process per session.

Starts `hfs-guide serve` on a free port, opens SESSIONS websockets one after the other (as a
browser on the same origin would), waits until each shows the start page, and prints the
resident memory (VmRSS, and VmHWM: the peak) of the server and of every session's process,
read from /proc. Then it asks for a terminal of RESIZE (default 20000x20000, what any client
may send) in one session and prints that process's memory again once it has redrawn.

Usage: python benchmarks/serve_memory.py [--content PATH] [--sessions N] [--resize WxH]
Linux only (reads /proc). Needs the [serve] extra.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 60.0
REDRAW_TIMEOUT = 600.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def parents() -> dict[int, int]:
    """pid -> parent pid of every process (from /proc, no psutil)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            found[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return found


def children(pid: int) -> list[int]:
    """The app processes under the server: its leaf descendants (a shell in between counts
    as part of its app, not as a session of its own)."""
    table = parents()
    below = {pid}
    changed = True
    while changed:
        changed = False
        for child, parent in table.items():
            if parent in below and child not in below:
                below.add(child)
                changed = True
    below.discard(pid)
    return [p for p in below if not any(parent == p for parent in table.values())]


def memory_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of pid in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


async def first_screen(ws: aiohttp.ClientWebSocketResponse, marker: bytes) -> None:
    seen = b""
    deadline = time.monotonic() + TIMEOUT
    while marker not in seen:
        if time.monotonic() > deadline:
            raise SystemExit("benchmark: the app never showed its first screen")
        message = await ws.receive(timeout=TIMEOUT)
        if message.type == aiohttp.WSMsgType.BINARY:
            seen = (seen + message.data)[-65536:]
        elif message.type != aiohttp.WSMsgType.TEXT:
            raise SystemExit(f"benchmark: the websocket closed ({message.type.name})")


async def settle(ws: aiohttp.ClientWebSocketResponse, quiet: float = 3.0) -> None:
    """Read until the app has sent nothing for `quiet` seconds (or the socket closes)."""
    while True:
        try:
            message = await ws.receive(timeout=quiet)
        except asyncio.TimeoutError:
            return
        if message.type not in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
            return


async def measure(url: str, server: int, sessions: int, resize: tuple[int, int], marker: bytes) -> None:
    origin = url
    async with aiohttp.ClientSession() as client:
        sockets = []
        for number in range(1, sessions + 1):
            ws = await client.ws_connect(f"{url.replace('http', 'ws')}/ws?width=100&height=30", headers={"Origin": origin}, max_msg_size=0)
            await ws.send_json(["resize", {"width": 100, "height": 30}])
            await first_screen(ws, marker)
            sockets.append(ws)
            apps = children(server)
            rss = [memory_mb(pid)[0] for pid in apps]
            print(
                f"{number} session(s): server {memory_mb(server)[0]:6.1f} MB, "
                f"app processes {len(apps)}: " + ", ".join(f"{r:.1f}" for r in rss) + " MB"
            )
        width, height = resize
        await settle(sockets[0], quiet=1.0)
        await sockets[0].send_json(["resize", {"width": width, "height": height}])
        started = time.monotonic()
        try:  # the redraw at the new size, however long it takes
            await sockets[0].receive(timeout=REDRAW_TIMEOUT)
        except asyncio.TimeoutError:
            print(f"no redraw within {REDRAW_TIMEOUT:.0f} s")
        await settle(sockets[0])
        peak = max(memory_mb(pid)[1] for pid in children(server))
        print(f"after a {width}x{height} resize in one session: peak app RSS {peak:.1f} MB, redrawn after {time.monotonic() - started:.1f} s")
        for ws in sockets:
            await ws.close()
    closed = time.monotonic()
    while children(server) and time.monotonic() < closed + REDRAW_TIMEOUT:
        await asyncio.sleep(0.2)
    print(f"app processes left: {len(children(server))}, {time.monotonic() - closed:.1f} s after every socket closed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=str(ROOT / "tests" / "fixtures" / "mini"))
    parser.add_argument("--sessions", type=int, default=3)
    parser.add_argument("--resize", default="20000x20000", help="WxH asked for in one session")
    parser.add_argument("--marker", default="Welcome", help="text that shows the first screen is drawn")
    args = parser.parse_args()
    width, height = (int(part) for part in args.resize.lower().split("x"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "hfs_guide", "--content", args.content, "serve", "--port", str(port)]
    if args.sessions > 4:
        command += ["--max-sessions", str(args.sessions)]  # not known before the session cap
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("benchmark: the server did not start")
                time.sleep(0.2)
        print(f"server alone: {memory_mb(proc.pid)[0]:.1f} MB")
        asyncio.run(measure(url, proc.pid, args.sessions, (width, height), args.marker.encode()))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
