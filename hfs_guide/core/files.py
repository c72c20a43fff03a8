"""Reading content files as untrusted input: bounded size, UTF-8, no control characters.

A content folder may come from anywhere (a tar file keeps symbolic links and FIFOs), so a file
is read only when it resolves to a regular file inside the content folder: where a path leads
is checked, not how it is written, and nothing that could block (a FIFO, a device, a socket)
is ever opened for reading.
"""

from __future__ import annotations

import os
import re
import stat
from importlib import resources
from pathlib import Path

from hfs_guide.core.problems import Problem

GUIDE_LIMIT = 16 * 1024 * 1024
# A page is drawn whole, and Rich needs up to ~0.2 ms a line: 16 KB of the worst Markdown
# (a line a cell, a rule, an indented line) takes about a second on a slow machine
# (benchmarks/views.py). The largest shipped body is 1.2 KB.
BODY_LIMIT = 16 * 1024
GUIDE_FILE = "guide.yaml"

# C0 and C1 controls but newline and tab: ESC and CSI would reach the terminal as they are.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shipped_content_dir() -> Path:
    """The content that comes with the app, from a wheel or from a source checkout."""
    packaged = resources.files("hfs_guide") / "content"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "content"


def guide_file(path: str | os.PathLike[str] | None) -> Path:
    """A content folder or its guide file -> the guide file."""
    target = Path(path) if path is not None else shipped_content_dir()
    return target / GUIDE_FILE if is_folder(target) else target


def is_folder(path: Path) -> bool:
    """Like Path.is_dir, but False (not an exception) when the path cannot even be looked at."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):  # permission denied, name too long, a NUL byte, ...
        return False


class Fence:
    """A content folder as it really is on disk; tells where a path below it really leads.

    Folders are resolved once each (a guide has thousands of bodies in a few folders), and a
    file's last part only when it is itself a symbolic link.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.root = os.path.realpath(folder)
        self._inside = self.root.rstrip(os.sep) + os.sep
        # Folder as written -> where it really is, with a separator at the end.
        self._folders: dict[str, str] = {}
        # The loader asks where a body leads (its cache key), then reads it: one lookup.
        self._last: tuple[str, str, os.stat_result | None] = ("", "", None)

    def resolve(self, path: str | os.PathLike[str]) -> str:
        """Where `path` leads, every symbolic link followed."""
        return self.locate(path)[0]

    def locate(self, path: str | os.PathLike[str]) -> tuple[str, os.stat_result | None]:
        """Where `path` leads, and the file's own status when it is no link (saves a stat)."""
        path = os.fspath(path)
        if self._last[0] == path:
            return self._last[1], self._last[2]
        parent, name = os.path.split(path)
        real_parent = self._folders.get(parent)
        if real_parent is None:
            real_parent = self._folders[parent] = os.path.realpath(parent or ".").rstrip(os.sep) + os.sep
        real = real_parent + name
        try:
            status: os.stat_result | None = os.lstat(real)
        except (OSError, ValueError):
            status = None  # the open says what is wrong
        if status is not None and stat.S_ISLNK(status.st_mode):
            real, status = os.path.realpath(real), None
        self._last = (path, real, status)
        return real, status

    def holds(self, real: str) -> bool:
        """Whether a resolved path is inside the folder."""
        return real.startswith(self._inside)


_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


# O_NONBLOCK: if the file was swapped for a FIFO since the stat, opening still returns at
# once; O_NOFOLLOW (inside a fence): nor for a link (the resolved path has none left in its
# last part).
_OPEN = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_FENCED = _OPEN | getattr(os, "O_NOFOLLOW", 0)


class _Refused(Exception):
    """A file that must not be opened; the message says why."""


def _kind_problem(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    what = next((name for test, name in _NOT_REGULAR if test(mode)), "not an ordinary file")
    return f"is {what}, not an ordinary file: use a plain text file"


def _open_regular(path: str | os.PathLike[str], inside: Fence | None) -> tuple[int, os.stat_result]:
    """Open `path` for reading if it is a regular file (inside the fence, resolved, when given);
    the open descriptor and the file's status, taken after opening."""
    target, status = os.fspath(path), None
    if inside is not None:
        target, status = inside.locate(path)
        if not inside.holds(target):
            raise _Refused("leads outside the content folder (a symbolic link): copy the file into the folder instead")
    problem = _kind_problem((status or os.stat(target)).st_mode)  # before opening: opening a FIFO blocks
    if problem:
        raise _Refused(problem)
    fd = os.open(target, _FENCED if inside is not None else _OPEN)
    status = os.fstat(fd)
    problem = _kind_problem(status.st_mode)
    if problem:
        os.close(fd)
        raise _Refused(problem)
    return fd, status


def _read_at_most(fd: int, limit: int) -> bytes:
    """Up to `limit` bytes of an open file (a regular file may give them in several reads)."""
    data = os.read(fd, limit)
    if not data or len(data) >= limit:
        return data
    parts = [data]
    size = len(data)
    while size < limit:
        more = os.read(fd, limit - size)
        if not more:
            break
        parts.append(more)
        size += len(more)
    return b"".join(parts)


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def control_char_problem(name: str, text: str, line: int = 0, col: int = 0) -> Problem | None:
    """A problem for the first control character in `text`, located in its file when possible."""
    found = CONTROL.search(text)
    if found is None:
        return None
    where = (line, col) if line else line_col(text, found.start())
    char = f"U+{ord(found.group()):04X}"
    return Problem(name, *where, f"control character {char} is not allowed in content text: delete it")


def read_text(
    path: str | os.PathLike[str], name: str, limit: int, inside: Fence | None = None
) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 text file of at most `limit` bytes; (None, problems) when it cannot be used.

    Only a regular file is opened. With `inside`, the file must also resolve to a place inside
    that content folder, through whatever links its path holds.
    """
    try:
        # os calls, not open(): a guide has thousands of small bodies, and a buffered file
        # object costs more than the read itself.
        fd, status = _open_regular(path, inside)
        try:
            if status.st_size > limit:
                return None, [Problem(name, 0, 0, f"file is {status.st_size:,} bytes; the limit is {limit:,}: split it or shorten it")]
            data = _read_at_most(fd, limit + 1)
        finally:
            os.close(fd)
    except FileNotFoundError:
        return None, [Problem(name, 0, 0, "file not found: create it or fix the path that names it")]
    except _Refused as refused:
        return None, [Problem(name, 0, 0, str(refused))]
    except IsADirectoryError:
        return None, [Problem(name, 0, 0, "is a folder, not a file")]
    except NotADirectoryError:
        return None, [Problem(name, 0, 0, "file not found (a part of its path is a file, not a folder)")]
    except PermissionError:
        return None, [Problem(name, 0, 0, "cannot be read (permission denied): check the file's permissions")]
    except OSError as exc:
        return None, [Problem(name, 0, 0, f"cannot be read: {exc.strerror or exc}")]
    except ValueError:  # a NUL byte in the name
        return None, [Problem(name, 0, 0, "is not a usable file name")]
    if len(data) > limit:  # grew while we read it
        return None, [Problem(name, 0, 0, f"file is over the limit of {limit:,} bytes")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8", "replace")
        line, col = line_col(prefix, len(prefix))
        return None, [Problem(name, line, col, "is not valid UTF-8 text: save the file as UTF-8")]
    return text.replace("\r\n", "\n"), []
