"""Only the guide's own page may open a session: another site's page, open in the same
browser, must not start and drive the guide on 127.0.0.1 (the websocket's Origin is checked).
"""

from __future__ import annotations

import asyncio
import urllib.request

import pytest

pytest.importorskip("textual_serve")
aiohttp = pytest.importorskip("aiohttp")

from tests.serve.servers import FIRST_SCREEN, Served, app_processes, read_until, serving  # noqa: E402


@pytest.fixture(scope="module")
def served():  # type: ignore[no-untyped-def]
    with serving() as server:
        yield server


async def handshake_status(server: Served, headers: dict[str, str]) -> int:
    """The HTTP status of the websocket handshake: 101 when a session was opened."""
    async with aiohttp.ClientSession() as client:
        try:
            async with client.ws_connect(server.ws_url, headers=headers):
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "http://evil.example"}, {"Origin": "null"}, {}],
    ids=["another-site", "null-origin", "no-origin"],
)
def test_a_page_from_elsewhere_is_refused_and_starts_nothing(served: Served, headers: dict[str, str]) -> None:
    assert asyncio.run(handshake_status(served, headers)) == 403
    assert app_processes(served.proc.pid) == []


def test_a_rebound_name_for_this_port_is_refused(served: Served) -> None:
    # DNS rebinding: evil.example made to resolve to 127.0.0.1 sends Origin evil.example:PORT.
    assert asyncio.run(handshake_status(served, {"Origin": f"http://evil.example:{served.port}"})) == 403


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost"])
def test_the_guides_own_page_starts_a_session(served: Served, name: str) -> None:
    async def first_screen() -> bytes:
        async with aiohttp.ClientSession() as client:
            origin = f"http://{name}:{served.port}"
            async with client.ws_connect(served.ws_url + "?width=100&height=30", headers={"Origin": origin}) as ws:
                return await read_until(ws, FIRST_SCREEN)

    assert FIRST_SCREEN in asyncio.run(first_screen())


def test_the_page_may_not_be_framed_by_another_site(served: Served) -> None:
    # A framed page would carry our Origin while another site steers the clicks.
    with urllib.request.urlopen(served.url, timeout=10) as response:
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
