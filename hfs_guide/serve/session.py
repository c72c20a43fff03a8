"""One browser session's app process, kept on a leash: sizes clamped, ended with its socket.

textual-serve's AppService asks the app to quit when the socket closes and then waits for it
for ever: an app busy drawing a huge screen, or frozen, stays alive long after the browser
left. Here the quit request gets a short grace, then SIGTERM, then SIGKILL.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from asyncio.subprocess import Process

from textual_serve.app_service import AppService

from hfs_guide.serve.options import clamp_size

log = logging.getLogger("hfs_guide.serve")

QUIT_GRACE = 3.0  # seconds the app gets to quit when asked (a normal quit takes well under 1 s)
TERM_GRACE = 2.0  # then SIGTERM; after this, SIGKILL


async def exited(process: Process, within: float) -> bool:
    """True when the process has ended within `within` seconds."""
    try:
        await asyncio.wait_for(process.wait(), within)
    except asyncio.TimeoutError:
        return False
    return True


class GuardedAppService(AppService):
    """textual-serve's AppService with clamped terminal sizes and a process that always ends."""

    @property
    def process(self) -> Process | None:
        """The app process, once started.

        textual-serve keeps its handle in a private attribute and offers no public way to
        reach it; we need it to end a process that does not quit when asked. Read here only.
        """
        return self._process

    async def start(self, width: int, height: int) -> None:
        """Start the app at a size a browser window can really have."""
        await super().start(*clamp_size(width, height))

    async def set_terminal_size(self, width: int, height: int) -> None:
        """Pass a resize on, held to sane bounds: the client decides nothing about our memory."""
        await super().set_terminal_size(*clamp_size(width, height))

    async def run(self) -> None:
        """Relay the app's output; when the app ends, for whatever reason, close the socket so
        the page says the session ended and the slot is free again."""
        try:
            await super().run()
        finally:
            with contextlib.suppress(Exception):  # the socket may already be gone; nothing to tell
                await self.remote_close()

    async def stop(self) -> None:
        """Ask the app to quit; if it does not, terminate it, then kill it. Then clean up."""
        process = self.process
        if process is not None and process.returncode is None:
            await self.send_meta({"type": "quit"})
            if not await exited(process, QUIT_GRACE):
                log.warning("session app %d did not quit when asked; terminating it", process.pid)
                with contextlib.suppress(ProcessLookupError):
                    process.terminate()
                if not await exited(process, TERM_GRACE):
                    with contextlib.suppress(ProcessLookupError):
                        process.kill()
                    await process.wait()
        await super().stop()
