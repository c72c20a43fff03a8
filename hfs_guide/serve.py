"""`hfs-guide serve`: the full-screen guide in a web browser, through textual-serve.

textual-serve has no authentication, so it listens on the loopback address unless told
otherwise, and then warns. Its default page loads web fonts from the internet; ours serves
everything itself.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path

TEMPLATES = Path(__file__).parent / "serve_templates"
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_command(content: Path, theme: str | None) -> str:
    """The command textual-serve runs through a shell for each browser session: quoted."""
    parts = [sys.executable, "-m", "hfs_guide", "--content", str(content.resolve())]
    if theme:
        parts += ["--theme", theme]
    return shlex.join(parts)


def run_serve(title: str, content: Path, host: str, port: int, theme: str | None) -> int:
    try:
        import textual_serve
        from textual_serve.server import Server
    except ImportError:
        print("hfs-guide: serving in a browser needs textual-serve: pip install 'hfs-guide[serve]'", file=sys.stderr)
        return 1
    if not is_loopback(host):
        print(
            f"WARNING: listening on {host}, not only on this computer. The guide has no password:\n"
            "anyone who can reach this address can use it and read what is typed into it.\n"
            "Use this only on a network you trust, and stop it (Ctrl+C) when you are done.",
            file=sys.stderr,
        )
    statics = Path(textual_serve.__file__).parent / "static"
    url_host = f"[{host}]" if ":" in host else host
    print(f"Open http://{url_host}:{port} in your web browser. Press Ctrl+C to stop.", flush=True)
    server = Server(
        app_command(content, theme), host=host, port=port, title=title,
        public_url=f"http://{url_host}:{port}", statics_path=statics, templates_path=TEMPLATES,
    )
    server.serve()
    return 0
