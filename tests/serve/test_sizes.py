"""What a client sends is held to sane bounds: a terminal size is the app's memory (one
20000x20000 resize cost 2.7 GB), and a malformed message must not end the session."""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("textual_serve")
aiohttp = pytest.importorskip("aiohttp")

from hfs_guide.serve.options import COLUMNS, ROWS  # noqa: E402
from tests.serve.servers import FIRST_SCREEN, HANG, Served, read_quiet, read_until, screen_extent, serving  # noqa: E402


@pytest.fixture(scope="module")
def served():  # type: ignore[no-untyped-def]
    with serving() as server:
        yield server


def test_a_huge_terminal_is_clamped(served: Served) -> None:
    # Modest oversizes, so that an unguarded server fails this test without eating gigabytes.
    async def drawn() -> tuple[bytes, bytes]:
        async with aiohttp.ClientSession() as client:
            url = served.ws_url + "?width=900&height=400"
            async with client.ws_connect(url, headers={"Origin": served.url}, max_msg_size=0) as ws:
                first = await read_until(ws, FIRST_SCREEN)
                await ws.send_json(["resize", {"width": 100, "height": 30}])
                await read_quiet(ws)
                await ws.send_json(["resize", {"width": 2000, "height": 1000}])
                return first, await read_quiet(ws)

    first, resized = asyncio.run(drawn())
    assert FIRST_SCREEN in first
    for output in (first, resized):
        width, height = screen_extent(output)
        assert COLUMNS[1] >= width > 100 and ROWS[1] >= height > 30  # big, but no bigger than a screen


def test_malformed_messages_are_ignored_and_the_session_goes_on(served: Served) -> None:
    async def pong_after_garbage() -> list[object]:
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(served.ws_url, headers={"Origin": served.url}) as ws:
                assert FIRST_SCREEN in await read_until(ws, FIRST_SCREEN)
                for garbage in ("not json", '{"a": 1}', "[]", '["resize", {"width": "wide", "height": true}]',
                                '["resize", [1, 2]]', '["stdin", 42]', '["stdin", "\\ud800"]', "[" * 100_000):
                    await ws.send_str(garbage)
                await ws.send_json(["ping", "still there?"])
                while True:
                    message = await ws.receive(timeout=HANG)
                    if message.type == aiohttp.WSMsgType.TEXT and message.json()[0] == "pong":
                        return message.json()
                    if message.type not in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
                        return [message.type.name]

    assert asyncio.run(pong_after_garbage()) == ["pong", "still there?"]
