"""Saving the handout from the app: which format, where by default, and what went wrong.

The writing itself is the core's `write_private` (atomic, mode 0600, never over an existing
file unless asked); this module turns a typed name into a path and an OSError into a
sentence a patient can act on.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from hfs_guide.core.handout import Handout
from hfs_guide.core.handout_name import default_name, free_in
from hfs_guide.core.handout_render import FORMATS, MIME_TYPES, render

__all__ = ["FORMATS", "MIME_TYPES", "NameProblem", "default_name", "free_in", "handout_text"]


class NameProblem(ValueError):
    """The typed name cannot be used; the message says why, in plain words."""


NAME_MAX = 255  # bytes in one file name on Linux, macOS and Windows file systems
ONLY_A_NAME = "Type only a file name, such as {example}: your browser decides where it is saved."


def _refuse_odd_characters(typed: str) -> None:
    if any(ord(char) < 32 or ord(char) == 127 for char in typed):
        raise NameProblem("The name has a control character in it. Type it again with letters, digits and dashes.")


def _check_suffix(name: str) -> None:
    if Path(name).suffix.lower() not in FORMATS:
        raise NameProblem("The name must end in .html (a page to print) or .md (plain text).")


def download_name(typed: str) -> Path:
    """The file name a browser download gets. Only a name: the server's disk is never looked at,
    so no answer tells a browser user which folders or files the server has."""
    name = typed.strip()
    example = default_name()
    if not name:
        raise NameProblem("Type a file name, such as " + example)
    _refuse_odd_characters(name)
    if "/" in name or "\\" in name or name.startswith("~") or name.strip(".") == "":
        raise NameProblem(ONLY_A_NAME.format(example=example))
    if len(name.encode("utf-8", "surrogatepass")) > NAME_MAX:
        raise NameProblem("That name is too long. Choose a shorter one.")
    _check_suffix(name)
    return Path(name)


def target_path(typed: str, folder: Path) -> Path:
    """The file a typed name means: ~ expanded, a bare name put in `folder`; checks the suffix."""
    typed = typed.strip()
    if not typed:
        raise NameProblem("Type a file name, such as " + default_name())
    _refuse_odd_characters(typed)
    path = Path(os.path.expanduser(typed))
    if not path.is_absolute():
        path = folder / path
    if path.suffix.lower() not in FORMATS:
        if _is_folder(path):
            raise NameProblem(f"{path} is a folder. Add a file name, such as {path / default_name()}")
        _check_suffix(path.name)
    return path


def _is_folder(path: Path) -> bool:
    """Whether `path` is a folder; False when it cannot be known (too long, not searchable)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def check_place(path: Path) -> None:
    """Problems that need no writing to find: a missing folder, a folder given as the file.
    An OSError (a name too long, a folder that may not be searched) goes to the caller."""
    if len(os.fsencode(path.name)) > NAME_MAX:
        raise NameProblem("That name is too long. Choose a shorter one.")
    if path.is_dir():
        raise NameProblem(f"{path} is a folder. Add a file name ending in .html or .md.")
    if not path.parent.is_dir():
        raise NameProblem(f"The folder {path.parent} does not exist. Create it first, or choose another place.")


def write_problem(error: OSError, path: Path) -> str:
    """What went wrong when looking at or writing `path`, and what to do about it."""
    code = error.errno
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Cannot save in {path.parent}: it is read-only or you may not write there. Choose another place."
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"The disk is full: {path.name} was not saved. Free some space, or choose another place."
    if code == errno.ENOENT and not _is_folder(path.parent):
        return f"The folder {path.parent} does not exist. Create it first, or choose another place."
    if code == errno.ENAMETOOLONG:
        return "That name is too long. Choose a shorter one."
    if code == errno.ENOTDIR:
        return f"Part of {path.parent} is a file, not a folder. Choose another place."
    if code == errno.ELOOP:
        return f"{path.parent} leads round in a circle of links. Choose another place."
    reason = error.strerror or str(error)
    return f"Could not save {path.name}: {reason}. Nothing was saved."


def handout_text(handout: Handout, suffix: str) -> str:
    """The handout in the format its file name asks for (the core's one table of formats)."""
    return render(handout, suffix)
