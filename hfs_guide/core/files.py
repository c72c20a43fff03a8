"""Reading content files as untrusted input: bounded size, UTF-8, no control characters."""

from __future__ import annotations

import os
import re
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
    return target / GUIDE_FILE if target.is_dir() else target


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


def read_text(path: Path, name: str, limit: int) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 text file of at most `limit` bytes; (None, problems) when it cannot be used."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                return None, [Problem(name, 0, 0, f"file is {size:,} bytes; the limit is {limit:,}: split it or shorten it")]
            data = handle.read(limit + 1)
    except FileNotFoundError:
        return None, [Problem(name, 0, 0, "file not found: create it or fix the path that names it")]
    except IsADirectoryError:
        return None, [Problem(name, 0, 0, "is a folder, not a file")]
    except PermissionError:
        return None, [Problem(name, 0, 0, "cannot be read (permission denied): check the file's permissions")]
    except OSError as exc:
        return None, [Problem(name, 0, 0, f"cannot be read: {exc.strerror or exc}")]
    if len(data) > limit:  # grew while we read it
        return None, [Problem(name, 0, 0, f"file is over the limit of {limit:,} bytes")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8", "replace")
        line, col = line_col(prefix, len(prefix))
        return None, [Problem(name, line, col, "is not valid UTF-8 text: save the file as UTF-8")]
    return text.replace("\r\n", "\n"), []
