"""Content problems: what is wrong, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem; `line` and `col` are 1-based, 0 when no position applies.

    `severity` is "error" (the content cannot be used) or "warning" (it can, but a reader
    deserves better; `check --strict` fails on it). `code` is a short stable name of the
    rule, for editors and CI to filter on; "content" covers the structural rules (types,
    fields, files) that need no finer name.
    """

    file: str
    line: int
    col: int
    message: str
    severity: str = ERROR
    code: str = "content"

    def __str__(self) -> str:
        label = "warning: " if self.severity == WARNING else ""
        if self.line:
            return f"{self.file}:{self.line}:{self.col}: {label}{self.message}"
        return f"{self.file}: {label}{self.message}"

    @property
    def is_error(self) -> bool:
        """Whether it stops the content from being used (a warning does not, unless --strict)."""
        return self.severity != WARNING

    def as_dict(self) -> dict[str, object]:
        """The JSON form `check --format json` prints."""
        return {"file": self.file, "line": self.line, "col": self.col, "severity": self.severity,
                "code": self.code, "message": self.message}


class ContentError(Exception):
    """The content cannot be used. Carries every problem found, in file and line order
    (warnings included, so a front end that refuses to start says what `check` says)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def first(self) -> Problem:
        """The first problem, in file and line order."""
        return self.problems[0]
