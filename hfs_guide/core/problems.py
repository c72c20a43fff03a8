"""Content problems: what is wrong, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

MAX_PROBLEMS = 1_000  # problems kept of one check: a hostile file could otherwise cause millions

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


class ProblemSink(list[Problem]):
    """The problems found so far, at most `limit` of them; the rest are counted, not kept."""

    def __init__(self, limit: int = MAX_PROBLEMS) -> None:
        super().__init__()
        self.limit = limit
        self.dropped = 0

    def append(self, problem: Problem) -> None:
        if len(self) < self.limit:
            super().append(problem)
        else:
            self.dropped += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    def __iadd__(self, problems: Iterable[Problem]) -> "ProblemSink":  # type: ignore[override, misc]
        self.extend(problems)
        return self

    @property
    def full(self) -> bool:
        return len(self) >= self.limit

    def report(self, name: str) -> list[Problem]:
        """Each problem once, in file and line order; a last line when some were left out."""
        out = sorted(set(self))
        if self.dropped or self.full:
            out.append(Problem(name, 0, 0, f"stopped after {self.limit:,} problems: fix these, then check again"))
        return out
