"""`hfs-guide serve`: the page works offline and the app talks over its websocket."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from hfs_guide.serve import app_command, is_loopback

pytest.importorskip("textual_serve")
aiohttp = pytest.importorskip("aiohttp")

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server() -> Iterator[tuple[str, subprocess.Popen[str]]]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "hfs_guide", "--content", str(MINI), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"server exited: {proc.stderr.read() if proc.stderr else ''}")
            time.sleep(0.2)
    yield url, proc
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def test_page_is_self_contained(server: tuple[str, subprocess.Popen[str]]) -> None:
    url, _ = server
    page = urllib.request.urlopen(url, timeout=10).read().decode()
    assert "Mini guide" in page
    assert "googleapis" not in page and "https://" not in page
    assert f'data-session-websocket-url="ws://127.0.0.1:{url.rsplit(":", 1)[1]}/ws"' in page
    for asset in ("css/xterm.css", "js/textual.js", "fonts/RobotoMono-VariableFont_wght.ttf"):
        with urllib.request.urlopen(f"{url}/static/{asset}", timeout=10) as response:
            assert response.status == 200


def test_websocket_shows_the_start_node(server: tuple[str, subprocess.Popen[str]]) -> None:
    url, _ = server

    async def read_screen() -> str:
        seen = b""
        async with aiohttp.ClientSession() as session:
            # A browser always sends its page's Origin; a session without one is refused.
            async with session.ws_connect(url.replace("http", "ws") + "/ws?width=100&height=30", headers={"Origin": url}) as ws:
                await ws.send_json(["resize", {"width": 100, "height": 30}])
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and b"Still twitching" not in seen:
                    try:
                        message = await ws.receive(timeout=2)
                    except asyncio.TimeoutError:
                        continue
                    if message.type == aiohttp.WSMsgType.BINARY:
                        seen += message.data
                    elif message.type == aiohttp.WSMsgType.TEXT:
                        seen += message.data.encode()
                    elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                        break
        return seen.decode("utf-8", "replace")

    screen = asyncio.run(read_screen())
    assert "Welcome" in screen and "Still twitching" in screen  # title and first choice


def test_only_loopback_is_quiet() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_non_loopback_host_warns() -> None:
    # Browsers cannot connect to 0.0.0.0: on every address the public URL says where to go.
    proc = subprocess.Popen(
        [sys.executable, "-m", "hfs_guide", "--content", str(MINI), "serve", "--host", "0.0.0.0", "--port", str(free_port()),
         "--public-url", "http://192.0.2.10:8000"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    assert proc.stdout is not None and "Open http://192.0.2.10:8000 " in proc.stdout.readline()
    os.killpg(proc.pid, signal.SIGTERM)
    _, stderr = proc.communicate(timeout=10)
    assert "WARNING" in stderr and "no password" in stderr


def test_app_command_quotes_paths_for_the_shell(tmp_path: Path) -> None:
    odd = tmp_path / "my guide; rm -rf x"
    odd.mkdir()
    assert "'" in app_command(odd, None) and "; rm" in app_command(odd, None)
    assert app_command(odd, None).startswith("exec ")  # the shell becomes the app: one process a session
