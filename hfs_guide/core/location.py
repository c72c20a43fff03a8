"""Where something was written in a content file, for messages.

Its own module so that core/decision.py (which the model holds) and core/model.py can both
use it without importing each other.
"""

from __future__ import annotations

from typing import NamedTuple


class Location(NamedTuple):
    """Where something was written: 1-based line and column, or 0 when unknown.

    A named tuple, not a dataclass: a large guide makes hundreds of thousands of them, and
    a frozen dataclass costs twice as much to build."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        return self.file
