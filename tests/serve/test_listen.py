"""Where the server listens and what it tells browsers: a port in use is one clear line,
and behind a proxy or on a LAN the page points browsers at --public-url, not at 0.0.0.0."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import urllib.request

import pytest

pytest.importorskip("textual_serve")
aiohttp = pytest.importorskip("aiohttp")

from tests.serve.servers import FIRST_SCREEN, HANG, free_port, read_until, serve_command, serving  # noqa: E402


def test_a_port_in_use_is_one_clear_line_and_nothing_claims_it() -> None:
    with socket.socket() as other:  # another program holds the port
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        done = subprocess.run(serve_command(port), capture_output=True, text=True, timeout=HANG)
    assert done.returncode == 1
    assert "Open" not in done.stdout  # the address belongs to the other program: never offer it
    assert done.stderr.strip().splitlines() == [
        f"hfs-guide serve: port {port} on 127.0.0.1 is already in use; choose another with --port"
    ]


def test_every_address_without_a_public_url_is_a_usage_error() -> None:
    done = subprocess.run(serve_command(free_port(), "--host", "0.0.0.0"), capture_output=True, text=True, timeout=HANG)
    assert done.returncode == 2 and "Open" not in done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "--public-url" in lines[0] and "Traceback" not in done.stderr


@pytest.mark.parametrize("url", ["ftp://clinic.example", "clinic.example:8000", "http://0.0.0.0:8000", "http://x.example/?a=1"])
def test_a_public_url_browsers_cannot_use_is_refused(url: str) -> None:
    done = subprocess.run(serve_command(free_port(), "--public-url", url), capture_output=True, text=True, timeout=HANG)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "argument --public-url: " in done.stderr and url in done.stderr  # says which option and value


def test_behind_a_proxy_the_page_and_origin_follow_the_public_url() -> None:
    public = "https://guide.clinic.example/hfs"

    async def status(served_ws: str, origin: str) -> int:
        async with aiohttp.ClientSession() as client:
            try:
                async with client.ws_connect(served_ws, headers={"Origin": origin}) as ws:
                    assert FIRST_SCREEN in await read_until(ws, FIRST_SCREEN)
                    return 101
            except aiohttp.WSServerHandshakeError as error:
                return error.status

    with serving("--public-url", public + "/") as server:
        page = urllib.request.urlopen(server.url, timeout=10).read().decode()
        assert 'data-session-websocket-url="wss://guide.clinic.example/hfs/ws"' in page
        assert 'href="https://guide.clinic.example/hfs/static/css/xterm.css"' in page
        assert asyncio.run(status(server.ws_url, "https://guide.clinic.example")) == 101
        assert asyncio.run(status(server.ws_url, "http://guide.clinic.example")) == 403  # not the same origin
        assert asyncio.run(status(server.ws_url, "https://evil.example")) == 403
        server.proc.terminate()
        stdout, _ = server.proc.communicate(timeout=HANG)
    assert f"Open {public} in your web browser" in stdout
