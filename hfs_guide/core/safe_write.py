"""Writing the user's files: atomically, readable by the owner only, never over a file unasked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class TargetExistsError(FileExistsError):
    """The target exists and replacing it was not allowed."""


def write_private(target: Path, text: str, replace: bool = False) -> None:
    """Write `text` to `target` via a temporary file in the same folder, then rename.

    The file is created with mode 0600 (it may hold health information). Without `replace`
    an existing target is left alone, even one created while we were writing: the final step
    is a hard link, which fails rather than overwrite.
    """
    target = Path(target)
    if not replace and target.exists():
        raise TargetExistsError(str(target))
    folder = target.parent if str(target.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temp, target)
        else:
            try:
                os.link(temp, target)
            except FileExistsError:
                raise TargetExistsError(str(target)) from None
            except OSError:  # a file system without hard links
                if target.exists():
                    raise TargetExistsError(str(target)) from None
                os.replace(temp, target)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
