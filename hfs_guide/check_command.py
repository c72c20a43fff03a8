"""`hfs-guide check`: every problem of the content, as lines or as JSON.

Exit status: 0 when there is no error (warnings are listed but pass), 1 when there is an
error, or a warning under `--strict`. Text: one problem a line on stderr
(`FILE:LINE:COL: message`, warnings as `FILE:LINE:COL: warning: message`) and a summary
line on stdout when the content is usable. JSON: only a list of problems on stdout, each
{file, line, col, severity, code, message} (line and col are 0 when no line applies).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from hfs_guide.core.files import guide_file
from hfs_guide.core.loader import check_graph, cyclic_gc_paused
from hfs_guide.core.model import Kind
from hfs_guide.core.problems import Problem

EXIT_OK, EXIT_CONTENT = 0, 1


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def report(problems: list[Problem] | tuple[Problem, ...], strict: bool = False) -> None:
    """The problems one a line on stderr, then how many: what `check` and a refused start print."""
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    why = " (--strict: warnings count)" if strict and not errors else ""
    print(f"hfs-guide: {_plural(errors, 'error')} and {_plural(warnings, 'warning')} in the content{why}", file=sys.stderr)


def run_check(target: Path | None, shown: str | None, strict: bool = False, as_json: bool = False) -> int:
    with cyclic_gc_paused():  # the whole command: see cyclic_gc_paused
        return _checked(target, shown, strict, as_json)


def _checked(target: Path | None, shown: str | None, strict: bool, as_json: bool) -> int:
    graph, problems = check_graph(target)
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    failed = bool(errors) or graph is None or (strict and bool(warnings))
    if as_json:
        json.dump([p.as_dict() for p in problems], sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_CONTENT if failed else EXIT_OK
    if failed:
        report(problems, strict)
        return EXIT_CONTENT
    assert graph is not None  # no graph is always an error
    for problem in warnings:
        print(problem, file=sys.stderr)
    options = sum(1 for n in graph.nodes.values() if n.kind is Kind.OPTION)
    endings = sum(1 for n in graph.nodes.values() if n.kind is Kind.ENDING)
    facts = sum(len(n.facts) for n in graph.nodes.values())
    noted = f"; {_plural(len(warnings), 'warning')}" if warnings else ""
    print(
        f"OK: {guide_file(shown)}: {len(graph.nodes)} nodes ({options} options, {endings} endings), "
        f"{len(graph.sources)} sources, {len(graph.glossary)} glossary terms, {facts} facts; "
        f"reviewed {graph.meta.reviewed}{noted}"
    )
    return EXIT_OK
