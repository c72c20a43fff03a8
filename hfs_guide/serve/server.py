"""textual-serve's Server with guards around it: who may open a session, how many, and how
the server starts and stops.

- The websocket is refused (403) unless its Origin is the guide's own page: any web page the
  user has open could otherwise start and drive a session on 127.0.0.1.
- At most `max_sessions` app processes run at once; beyond that the page and the websocket
  answer 503 and nothing is started.
- Messages from the browser are checked before they reach the app (sizes clamped, garbage
  ignored) and every session's process ends with its socket (see session.py).
- The address is bound before anything says "Open ...": a port in use is one clear line.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import signal
import socket
import sys
from typing import Any, Callable

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

from hfs_guide.serve.messages import relay
from hfs_guide.serve.options import DEFAULT_SIZE, allowed_origins, origin, url_host
from hfs_guide.serve.session import QUIT_GRACE, TERM_GRACE, GuardedAppService

log = logging.getLogger("hfs_guide.serve")

EXIT_OK, EXIT_CANNOT_LISTEN = 0, 1
HEADERS = {
    # The page may not be framed by another site: a framed page has our origin, so it would
    # pass the Origin check while someone else's page steers the clicks.
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
FOREIGN_PAGE = "Refused: only the guide's own page may start a session (the Origin did not match).\n"


class GuardedServer(Server):
    """A textual-serve Server that checks Origin, caps sessions and ends what it starts."""

    def __init__(self, command: str, *, host: str, port: int, title: str, public_url: str, max_sessions: int, **paths: Any) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url, **paths)
        self.max_sessions = max_sessions
        self.origins = allowed_origins(host, port, public_url)
        self.sessions = 0  # slots taken: from the accepted handshake until the process is gone
        self.sockets: set[web.WebSocketResponse] = set()
        self.services: set[GuardedAppService] = set()

    # -- the web application ---------------------------------------------------------------
    def make_app(self) -> web.Application:
        """textual-serve's routes, our handlers, our headers, and a shutdown that ends sessions."""
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path), autoescape=True)
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, name="static"),
        ])
        app.on_response_prepare.append(self.add_headers)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def add_headers(self, request: web.Request, response: web.StreamResponse) -> None:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)

    def full(self) -> bool:
        return self.sessions >= self.max_sessions

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page; when every session is taken, a page saying so (503) instead."""
        if self.full():
            context = {"application": {"name": self.title}, "max_sessions": self.max_sessions}
            response = aiohttp_jinja2.render_template("busy.html", request, context, status=503)
            response.headers["Retry-After"] = "60"
            return response
        return await super().handle_index(request)

    # -- sessions --------------------------------------------------------------------------
    # textual-serve declares a WebSocketResponse; a refusal here is a plain HTTP response.
    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        """One session: checked Origin, a free slot, then the app process for this socket."""
        sent = request.headers.get("Origin")
        if origin(sent or "") not in self.origins:
            log.warning("refused a session for a page from %s", sent or "nowhere (no Origin header)")
            return web.Response(status=403, text=FOREIGN_PAGE)
        if self.full():
            log.warning("refused a session: all %d are in use (--max-sessions)", self.max_sessions)
            text = f"Refused: all {self.max_sessions} sessions are in use; try again in a minute.\n"
            return web.Response(status=503, text=text, headers={"Retry-After": "60"})
        self.sessions += 1  # taken before the first await, so parallel handshakes cannot overshoot
        try:
            return await self.run_session(request)
        finally:
            self.sessions -= 1
            log.info("session ended (%d of %d in use)", self.sessions, self.max_sessions)

    async def run_session(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", ""), DEFAULT_SIZE[0])
        height = to_int(request.query.get("height", ""), DEFAULT_SIZE[1])
        service: GuardedAppService | None = None
        try:
            await websocket.prepare(request)
            self.sockets.add(websocket)
            service = GuardedAppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,  # type: ignore[arg-type]  # textual-serve awaits it and ignores the result
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self.services.add(service)
            await service.start(width, height)
            log.info("session started (%d of %d in use)", self.sessions, self.max_sessions)
            await relay(websocket, service)
        finally:
            self.sockets.discard(websocket)
            if service is not None:
                # Shielded: a server shutting down cancels this handler, and the process
                # must still be ended, not left behind.
                await asyncio.shield(service.stop())
                self.services.discard(service)
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every session's socket; their handlers then end the app processes."""
        await asyncio.gather(*(ws.close(code=1001, message=b"server stopping") for ws in list(self.sockets)), return_exceptions=True)

    def kill_leftovers(self) -> None:
        """Last resort after shutdown: no app process outlives the server."""
        for service in self.services:
            process = service.process
            if process is not None and process.returncode is None:
                process.kill()

    # -- listening -------------------------------------------------------------------------
    async def listen(self, on_bound: Callable[[], None]) -> int:
        """Bind, call on_bound(), serve until SIGINT/SIGTERM/SIGHUP; the exit status."""
        runner = web.AppRunner(self.make_app(), handle_signals=False, access_log=None, shutdown_timeout=QUIT_GRACE + TERM_GRACE + 5)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
        except OSError as error:
            await runner.cleanup()
            print(bind_problem(error, self.host, self.port), file=sys.stderr)
            return EXIT_CANNOT_LISTEN
        on_bound()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(signum, stop.set)
        try:
            await stop.wait()
        finally:
            await runner.cleanup()
            self.kill_leftovers()
        return EXIT_OK


def bind_problem(error: OSError, host: str, port: int) -> str:
    """One line saying why the server cannot listen, and what to do."""
    where = f"port {port} on {host}"
    if error.errno == errno.EADDRINUSE:
        return f"hfs-guide serve: {where} is already in use; choose another with --port"
    if error.errno == errno.EACCES:
        return f"hfs-guide serve: no permission to listen on {where} (ports below 1024 need extra rights); choose another with --port"
    if error.errno == errno.EADDRNOTAVAIL:
        return f"hfs-guide serve: {host} is not an address of this computer; choose one with --host"
    if isinstance(error, socket.gaierror):
        return f"hfs-guide serve: cannot find the address of {host!r}; check --host"
    return f"hfs-guide serve: cannot listen on {url_host(host)}:{port}: {error.strerror or error}"
