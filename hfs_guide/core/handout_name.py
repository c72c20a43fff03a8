"""The one rule for naming a handout nobody named: the full-screen guide's export dialog
offers it, and `hfs-guide handout` without `-o` writes to it.

hfs-guide-summary-YYYY-MM-DD-HHMM.html (or .md), then -2, -3, ... while a name is taken, so
the next patient's handout never lands on the last one's name.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Callable

STEM = "hfs-guide-summary-"


def default_name(now: dt.datetime | None = None, taken: Callable[[str], bool] | None = None,
                 suffix: str = ".html") -> str:
    """A handout's file name for this minute; a counter is added while `taken` says a name
    is in use."""
    stem = f"{STEM}{(now or dt.datetime.now()).strftime('%Y-%m-%d-%H%M')}"
    name = f"{stem}{suffix}"
    for counter in range(2, 1000):
        if taken is None or not taken(name):
            break
        name = f"{stem}-{counter}{suffix}"
    return name


def free_in(folder: Path) -> Callable[[str], bool]:
    """`taken` for `default_name`: whether a name is in use in `folder` (unknown counts as free:
    the write itself never replaces a file unasked)."""

    def taken(name: str) -> bool:
        try:
            return os.path.lexists(folder / name)
        except (OSError, ValueError):
            return False

    return taken
