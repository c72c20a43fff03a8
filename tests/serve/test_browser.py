"""The served guide in a real headless browser: the terminal canvas is drawn, not blank.

Needs Chromium (`.ci/run` installs Debian's package when it is missing and sets
HFS_REQUIRE_BROWSER=1, so CI fails rather than skips without it).
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import struct
import subprocess
import time
import urllib.request
import zlib
from collections import Counter
from pathlib import Path

import pytest

from tests.serve.test_serve import free_port, server  # noqa: F401  (fixture)

aiohttp = pytest.importorskip("aiohttp")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if CHROMIUM is None and not os.environ.get("HFS_REQUIRE_BROWSER"):
    pytest.skip("no Chromium on this machine", allow_module_level=True)

# Without these, Chromium tries to reach Google's services, which this closed network refuses.
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1000,700",
]


def pixels(png: bytes) -> list[bytes]:
    """RGB(A) rows of an 8-bit PNG (what Chromium writes), unfiltered."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    channels = 4
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        data = png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, _, depth, colour = struct.unpack(">IIBB", data[:10])
            assert depth == 8
            channels = {2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for i in range(0, len(raw), stride + 1):
        kind, line = raw[i], bytearray(raw[i + 1 : i + 1 + stride])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = prev[x], prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return [bytes(row[x : x + 3]) for row in rows for x in range(0, len(row), channels)]


def drawn(png: bytes) -> bool:
    """Something is drawn: many colours, and no single colour covers 90% of the picture."""
    colours = Counter(pixels(png))
    return len(colours) > 20 and max(colours.values()) < 0.9 * sum(colours.values())


async def screenshot(debug_port: int, url: str) -> tuple[bool, bytes]:
    deadline = time.monotonic() + 30
    while True:
        try:
            targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{debug_port}/json/list", timeout=2))
            page = next(t for t in targets if t["type"] == "page")
            break
        except (OSError, StopIteration):
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.2)
    async with aiohttp.ClientSession() as session, session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
        counter = 0

        async def call(method: str, **params: object) -> dict:  # type: ignore[type-arg]
            nonlocal counter
            counter += 1
            await ws.send_json({"id": counter, "method": method, "params": params})
            async for message in ws:
                reply = json.loads(message.data)
                if reply.get("id") == counter:
                    return reply.get("result", {})
            raise AssertionError("browser closed")

        await call("Page.navigate", url=url)
        started = False
        while time.monotonic() < deadline and not started:
            await asyncio.sleep(0.5)
            result = await call("Runtime.evaluate", expression="document.body && document.body.classList.contains('-first-byte')")
            started = result.get("result", {}).get("value") is True
        # The first frames take a moment to reach the canvas: look until they have, or give up.
        deadline = time.monotonic() + 30
        while True:
            shot = base64.b64decode((await call("Page.captureScreenshot", format="png"))["data"])
            if not started or drawn(shot) or time.monotonic() > deadline:
                return started, shot
            await asyncio.sleep(0.5)


def test_browser_draws_the_guide(server, tmp_path: Path) -> None:  # noqa: F811
    url, _ = server
    port = free_port()
    browser = subprocess.Popen(
        [CHROMIUM or "chromium", *FLAGS, f"--remote-debugging-port={port}", f"--user-data-dir={tmp_path / 'profile'}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        started, png = asyncio.run(screenshot(port, url))
    finally:
        browser.kill()
        browser.wait()
    (tmp_path / "shot.png").write_bytes(png)
    assert started, "the app never sent its first screen to the browser"
    assert drawn(png), "screenshot is blank"
