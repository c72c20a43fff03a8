"""Sessions cost a process each: they are capped, and each one ends with its socket."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import urllib.error
import urllib.request

import pytest

pytest.importorskip("textual_serve")
aiohttp = pytest.importorskip("aiohttp")

from tests.serve.servers import FIRST_SCREEN, HANG, Served, alive, app_processes, read_until, serving, wait_until  # noqa: E402


def connect(client: aiohttp.ClientSession, server: Served):  # type: ignore[no-untyped-def]
    return client.ws_connect(server.ws_url + "?width=100&height=30", headers={"Origin": server.url})


def test_sessions_beyond_the_cap_are_refused_and_start_nothing() -> None:
    async def scenario(server: Served) -> None:
        async with aiohttp.ClientSession() as client:
            async with connect(client, server) as first:
                assert FIRST_SCREEN in await read_until(first, FIRST_SCREEN)
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    async with connect(client, server):
                        pass
                assert refused.value.status == 503
                assert len(app_processes(server.proc.pid)) == 1
                # Someone opening the page now is told why, instead of a blank terminal.
                with pytest.raises(urllib.error.HTTPError) as busy:
                    urllib.request.urlopen(server.url, timeout=10)
                assert busy.value.code == 503 and "sessions of the guide are in use" in busy.value.read().decode()
            # The slot is free again once the first session's process is gone.
            assert await asyncio.to_thread(wait_until, lambda: not app_processes(server.proc.pid))
            async with connect(client, server) as again:
                assert FIRST_SCREEN in await read_until(again, FIRST_SCREEN)

    with serving("--max-sessions", "1") as server:
        asyncio.run(scenario(server))


def test_a_frozen_sessions_process_ends_when_its_socket_closes() -> None:
    """An app that does not quit when asked (stopped here; busy drawing a huge screen or hung
    in real life) must not outlive the browser tab."""
    frozen: list[int] = []

    async def scenario(server: Served) -> None:
        async with aiohttp.ClientSession() as client:
            async with connect(client, server) as ws:
                assert FIRST_SCREEN in await read_until(ws, FIRST_SCREEN)
                frozen.extend(app_processes(server.proc.pid))
                assert frozen
                for pid in frozen:
                    os.kill(pid, signal.SIGSTOP)

    with serving() as server:
        try:
            asyncio.run(scenario(server))
            assert wait_until(lambda: not any(alive(pid) for pid in frozen), timeout=20), "the app process outlived its socket"
        finally:
            for pid in frozen:  # never leave a stopped process behind, whatever happened
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)


def test_when_the_app_dies_the_page_is_told() -> None:
    """A session whose app process ended closes its socket (the page says the session ended)
    and frees its slot, instead of a frozen screen holding a place for ever."""

    async def scenario(server: Served) -> aiohttp.WSMsgType:
        async with aiohttp.ClientSession() as client:
            async with connect(client, server) as ws:
                assert FIRST_SCREEN in await read_until(ws, FIRST_SCREEN)
                for pid in app_processes(server.proc.pid):
                    os.kill(pid, signal.SIGKILL)
                while True:
                    message = await ws.receive(timeout=HANG)
                    if message.type not in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
                        return message.type

    with serving("--max-sessions", "1") as server:
        assert asyncio.run(scenario(server)) in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)
        assert wait_until(lambda: page_status(server) == 200), "the dead session still holds its slot"


def page_status(server: Served) -> int:
    try:
        with urllib.request.urlopen(server.url, timeout=10) as page:
            return page.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_killed_server_leaves_no_session_behind() -> None:
    """SIGKILL (or the out-of-memory killer) closes no socket and asks nothing to quit: the
    session's process must still end, not idle for ever with the notes typed into it."""
    apps: list[int] = []

    async def open_session(server: Served) -> None:
        async with aiohttp.ClientSession() as client:
            async with connect(client, server) as ws:
                assert FIRST_SCREEN in await read_until(ws, FIRST_SCREEN)
                apps.extend(app_processes(server.proc.pid))
                server.proc.kill()
                server.proc.wait()

    with serving() as server:
        try:
            asyncio.run(open_session(server))
            assert apps
            assert wait_until(lambda: not any(alive(pid) for pid in apps), timeout=20), "the app outlived its server"
        finally:
            for pid in apps:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
