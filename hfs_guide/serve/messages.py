"""The browser's messages to a session, checked before they reach the app.

textual-serve's own loop asserts on the message shape, and any stray message ends the
session with a traceback in the server's log; here anything malformed is ignored.
"""

from __future__ import annotations

import json

from aiohttp import WSMsgType, web

from hfs_guide.serve.options import whole_number
from hfs_guide.serve.session import GuardedAppService


async def relay(websocket: web.WebSocketResponse, service: GuardedAppService) -> None:
    """Pass the browser's messages to the app until the socket closes; sizes are clamped
    by the service, anything malformed is ignored."""
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope = json.loads(message.data)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than Python recurses
            continue
        if not isinstance(envelope, list) or not envelope:
            continue
        kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        if kind == "stdin" and isinstance(data, str):
            await service.send_bytes(data.encode("utf-8", "replace"))
        elif kind == "resize" and isinstance(data, dict):
            width, height = whole_number(data.get("width")), whole_number(data.get("height"))
            if width is not None and height is not None:
                await service.set_terminal_size(width, height)
        elif kind == "ping":
            await websocket.send_json(["pong", data])
        elif kind == "blur":
            await service.blur()
        elif kind == "focus":
            await service.focus()
