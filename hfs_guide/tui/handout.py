"""Saving the handout from the app: which format, where by default, and what went wrong.

The writing itself is the core's `write_private` (atomic, mode 0600, never over an existing
file unless asked); this module turns a typed name into a path and an OSError into a
sentence a patient can act on.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path
from typing import Callable

from hfs_guide.core.export import Handout, handout_html, handout_markdown

FORMATS: dict[str, Callable[[Handout], str]] = {
    ".html": handout_html,
    ".htm": handout_html,
    ".md": handout_markdown,
    ".markdown": handout_markdown,
}
MIME_TYPES = {".html": "text/html", ".htm": "text/html", ".md": "text/markdown", ".markdown": "text/markdown"}


class NameProblem(ValueError):
    """The typed name cannot be used; the message says why, in plain words."""


def default_name(today: dt.date | None = None) -> str:
    """hfs-guide-summary-YYYY-MM-DD.html"""
    return f"hfs-guide-summary-{(today or dt.date.today()).isoformat()}.html"


def target_path(typed: str, folder: Path) -> Path:
    """The file a typed name means: ~ expanded, a bare name put in `folder`; checks the suffix."""
    typed = typed.strip()
    if not typed:
        raise NameProblem("Type a file name, such as " + default_name())
    path = Path(os.path.expanduser(typed))
    if not path.is_absolute():
        path = folder / path
    if path.suffix.lower() not in FORMATS:
        if path.is_dir():
            raise NameProblem(f"{path} is a folder. Add a file name, such as {path / default_name()}")
        raise NameProblem("The name must end in .html (a page to print) or .md (plain text).")
    return path


def check_place(path: Path) -> None:
    """Problems that need no writing to find: a missing folder, a folder given as the file."""
    if path.is_dir():
        raise NameProblem(f"{path} is a folder. Add a file name ending in .html or .md.")
    if not path.parent.is_dir():
        raise NameProblem(f"The folder {path.parent} does not exist. Create it first, or choose another place.")


def write_problem(error: OSError, path: Path) -> str:
    """What went wrong when writing `path`, and what to do about it."""
    code = error.errno
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Cannot save in {path.parent}: it is read-only or you may not write there. Choose another place."
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"The disk is full: {path.name} was not saved. Free some space, or choose another place."
    if code == errno.ENOENT and not path.parent.is_dir():
        return f"The folder {path.parent} does not exist. Create it first, or choose another place."
    if code == errno.ENAMETOOLONG:
        return "That name is too long. Choose a shorter one."
    reason = error.strerror or str(error)
    return f"Could not save {path.name}: {reason}. Nothing was saved."


def handout_text(handout: Handout, suffix: str) -> str:
    """The handout in the format its file name asks for."""
    return FORMATS[suffix.lower()](handout)
