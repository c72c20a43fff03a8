"""What `serve` is told, checked: addresses, the public URL, allowed origins, terminal sizes.

Pure functions, no aiohttp: the command line imports them to check its options.
"""

from __future__ import annotations

import argparse
import ipaddress
from urllib.parse import urlsplit

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
DEFAULT_MAX_SESSIONS = 4
MAX_SESSIONS_LIMIT = 256
# A terminal a browser window can really show: ~500 columns fill a 4K screen at a small
# font. Beyond that a client is not a browser; one 20000x20000 screen costs gigabytes.
COLUMNS = (10, 500)
ROWS = (5, 200)
DEFAULT_SIZE = (80, 24)
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_loopback(host: str) -> bool:
    """True when `host` names this computer only (127.0.0.1, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    """True for an address that means "every address" (0.0.0.0, ::): browsers cannot use it."""
    if host == "":
        return True
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def url_host(host: str) -> str:
    """The host as written in a URL: IPv6 addresses go in brackets."""
    return f"[{host}]" if ":" in host else host


def origin(url: str) -> str | None:
    """`scheme://host:port` of an http(s) URL or Origin header, the port always written;
    None for anything else (a missing header, `null`, another scheme)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return f"{scheme}://{url_host(parts.hostname.lower())}:{port or DEFAULT_PORTS[scheme]}"


def public_url(text: str) -> str:
    """argparse type for --public-url: an http(s) URL with a host, no query; no trailing slash."""
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise argparse.ArgumentTypeError(f"{text!r} is not an http:// or https:// URL with a host name")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise argparse.ArgumentTypeError(f"{text!r}: give the address only, without ?query, #fragment or user:password@")
    if is_wildcard(parts.hostname):
        raise argparse.ArgumentTypeError(f"{text!r}: browsers cannot connect to {parts.hostname}; give an address they can reach")
    return text.rstrip("/")


def session_limit(text: str) -> int:
    """argparse type for --max-sessions: a whole number from 1 to MAX_SESSIONS_LIMIT."""
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_SESSIONS_LIMIT:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of sessions from 1 to {MAX_SESSIONS_LIMIT}")
    return int(text)


def default_public_url(host: str, port: int) -> str:
    """Where browsers reach a server listening on a single address."""
    return f"http://{url_host(host)}:{port}"


def allowed_origins(host: str, port: int, public: str) -> frozenset[str]:
    """The pages that may open a session: the public URL's origin, and when the server listens
    on this computer's loopback (or on every address), the loopback names with its port: only
    a page served from this very port can carry such an Origin, and that is ours."""
    found = {origin(public)}
    if is_loopback(host) or is_wildcard(host):
        found |= {origin(f"http://{name}:{port}") for name in ("127.0.0.1", "localhost", "[::1]")}
    return frozenset(name for name in found if name is not None)


def whole_number(value: object) -> int | None:
    """An int from a client's JSON or query string; None for anything else (bools included)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.lstrip("-").isdigit() and len(value) < 12:
        return int(value)
    return None


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """A terminal size a client asked for, held to what a browser window can show."""
    w, h = whole_number(width), whole_number(height)
    w = DEFAULT_SIZE[0] if w is None else w
    h = DEFAULT_SIZE[1] if h is None else h
    return min(max(w, COLUMNS[0]), COLUMNS[1]), min(max(h, ROWS[0]), ROWS[1])
