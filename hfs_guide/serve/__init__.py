"""`hfs-guide serve`: the full-screen guide in a web browser, through textual-serve.

textual-serve is the engine; the guards sit around it (server.py, session.py): only the
guide's own page may open a session (Origin), at most --max-sessions app processes run, the
terminal sizes a client sends are clamped, and each session's process ends with its socket.
It has no authentication and no TLS of its own, so it listens on the loopback address unless
told otherwise, and then warns; docs/deploy.md shows a reverse proxy with a password in front.
Its default page loads web fonts from the internet; ours serves everything itself.

Exit status: 0 when stopped (Ctrl+C, SIGTERM, SIGHUP); 1 when it cannot listen (port in use,
no permission, not an address of this computer) or textual-serve is missing; 2 for usage
mistakes (argparse's, and --host 0.0.0.0 without --public-url).
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from hfs_guide.serve.options import DEFAULT_MAX_SESSIONS, default_public_url, is_loopback, is_wildcard

__all__ = ["app_command", "is_loopback", "run_serve"]

TEMPLATES = Path(__file__).parents[1] / "serve_templates"
EXIT_CANNOT_START, EXIT_USAGE = 1, 2


def app_command(content: Path, theme: str | None) -> str:
    """The command textual-serve runs through a shell for each browser session: quoted, and
    `exec`, so the shell becomes the app: one process per session, and the signals that end
    a session reach the app itself. The app ends with this server (child.py)."""
    parts = [sys.executable, "-m", "hfs_guide.serve.child", str(os.getpid()), "--content", str(content.resolve())]
    if theme:
        parts += ["--theme", theme]
    return "exec " + shlex.join(parts)


def run_serve(
    title: str,
    content: Path,
    host: str,
    port: int,
    theme: str | None,
    public_url: str | None = None,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
) -> int:
    """Serve until stopped; the exit status (see the module docstring)."""
    if public_url is None:
        if is_wildcard(host):
            print(
                f"hfs-guide serve: --host {host or '0.0.0.0'} listens on every address, which browsers cannot "
                f"connect to; say which address they use with --public-url http://ADDRESS:{port}",
                file=sys.stderr,
            )
            return EXIT_USAGE
        public_url = default_public_url(host, port)
    import asyncio  # here, not at the top: the command line imports this package's options
    import logging

    try:
        import textual_serve
        from hfs_guide.serve.server import GuardedServer
    except ImportError:
        print("hfs-guide: serving in a browser needs textual-serve: pip install 'hfs-guide[serve]'", file=sys.stderr)
        return EXIT_CANNOT_START
    logging.basicConfig(level=logging.INFO, format="hfs-guide serve: %(message)s", stream=sys.stderr)
    server = GuardedServer(
        app_command(content, theme), host=host, port=port, title=title, public_url=public_url,
        max_sessions=max_sessions, statics_path=Path(textual_serve.__file__).parent / "static", templates_path=TEMPLATES,
    )

    def say_where() -> None:
        """Once the address is ours (never before: it could be another program's)."""
        if not is_loopback(host):
            print(
                f"WARNING: listening on {host or '0.0.0.0'}, not only on this computer. The guide has no password:\n"
                "anyone who can reach this address can use it and read what is typed into it.\n"
                "Put a reverse proxy with a password in front (docs/deploy.md), use this only on a\n"
                "network you trust, and stop it (Ctrl+C) when you are done.",
                file=sys.stderr,
            )
        print(f"Open {public_url} in your web browser. Press Ctrl+C to stop.", flush=True)

    return asyncio.run(server.listen(say_where))
