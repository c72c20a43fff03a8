"""`hfs-guide handout` and `hfs-guide graph`: the consultation's paper trail, without the TUI."""

from __future__ import annotations

import argparse
import errno
import os
import stat
import sys
from pathlib import Path

from hfs_guide.core.files import read_text
from hfs_guide.core.graph_export import graph_dot, graph_mermaid
from hfs_guide.core.handout import handout_for
from hfs_guide.core.handout_name import default_name, free_in
from hfs_guide.core.handout_render import FORMATS, render
from hfs_guide.core.model import Graph
from hfs_guide.core.page_names import PageNameError, page_id
from hfs_guide.core.safe_write import TargetExistsError, write_private

NOTES_LIMIT = 1024 * 1024
STDOUT = "-"
MAX_SHOWN = 8  # pages a name may mean, listed under it
MAX_IDS_LISTED = 60  # a guide of thousands of pages gets a pointer, not a screenful of ids


def run_graph(graph: Graph, fmt: str) -> int:
    sys.stdout.write(graph_mermaid(graph) if fmt == "mermaid" else graph_dot(graph))
    return 0


def run_handout(parser: argparse.ArgumentParser, graph: Graph, args: argparse.Namespace) -> int:
    """Write the handout of the named pages to a file (atomic, 0600, never over a file unasked)
    or, with `-o -`, to standard output."""
    out, suffix = handout_target(parser, args.output, args.format)
    ids = page_ids(parser, graph, args.nodes)
    notes = ""
    if args.notes:
        text, problems = read_text(Path(args.notes), args.notes, NOTES_LIMIT)
        if text is None:
            for problem in problems:
                print(f"hfs-guide: {problem}", file=sys.stderr)
            return 1
        notes = text
    handout = render(handout_for(graph, ids, notes, with_options=args.options), suffix)
    if out is None:
        sys.stdout.write(handout)
        return 0
    where_wrong = output_problem(out)
    if where_wrong:
        print(f"hfs-guide: {where_wrong}", file=sys.stderr)
        return 1
    replace = args.force
    if _exists(out) and not replace:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            print(f"hfs-guide: {out} exists; left as it is. Use --force to replace it.", file=sys.stderr)
            return 1
        print(f"{out} exists. Replace it? Type yes to replace: ", end="", file=sys.stderr, flush=True)
        if sys.stdin.readline().strip().lower() not in ("y", "yes"):
            print("hfs-guide: nothing written.", file=sys.stderr)
            return 1
        replace = True
    try:
        write_private(out, handout, replace=replace)
    except TargetExistsError:
        print(f"hfs-guide: {out} appeared while writing; left as it is. Use --force to replace it.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"hfs-guide: cannot write {out}: {exc.strerror or exc}. Nothing was written.", file=sys.stderr)
        return 1
    print(f"Wrote {out}")
    return 0


def handout_target(parser: argparse.ArgumentParser, output: str | None, fmt: str | None) -> tuple[Path | None, str]:
    """Where the handout goes (None: standard output) and the suffix that picks its format.

    `-o -` is standard output (Markdown unless `--format html`); no `-o` is the default name
    in the current folder (the same rule as the full-screen guide's export dialog); a file's
    suffix picks the format, and `--format`, when given too, must agree with it.
    """
    wanted = f".{fmt}" if fmt else None
    if output == STDOUT:
        return None, wanted or ".md"
    if output is None:
        suffix = wanted or ".html"
        return Path(default_name(taken=free_in(Path.cwd()), suffix=suffix)), suffix
    out = Path(output)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        parser.exit(2, f"hfs-guide: error: {output[:200]}: the handout file must end in .md or .html "
                       "(or use -o - for standard output)\n")
    if wanted and FORMATS[suffix] is not FORMATS[wanted]:
        parser.exit(2, f"hfs-guide: error: {output[:200]} ends in {suffix}, but --format {fmt} was given\n")
    return out, suffix


def page_ids(parser: argparse.ArgumentParser, graph: Graph, names: str) -> list[str]:
    """The ids of the pages `--nodes` names (ids, titles or words of titles), in order; every
    name that fits no page, or several, is a usage error (exit 2) with what it may have meant."""
    ids: list[str] = []
    problems: list[str] = []
    unhelped = False
    for name in (part.strip() for part in names.split(",")):
        if not name:
            continue
        try:
            ids.append(page_id(graph, name))
        except PageNameError as exc:
            shown = [f"    {node_id} ({graph.nodes[node_id].title})" for node_id in exc.candidates[:MAX_SHOWN]]
            if len(exc.candidates) > MAX_SHOWN:
                shown.append(f"    and {len(exc.candidates) - MAX_SHOWN} more")
            if exc.ambiguous:
                problems.append(f"{name!r} fits {len(exc.candidates)} pages; give its id, or more words of its title:")
            elif shown:
                problems.append(f"no page is called {name!r}; did you mean:")
            else:
                problems.append(f"no page is called {name!r}")
                unhelped = True
            problems += shown
    if not ids and not problems:
        problems.append("--nodes names no page (give ids or titles, separated by commas)")
        unhelped = True
    if problems:
        lines = [problem if problem.startswith(" ") else f"hfs-guide: error: {problem}" for problem in problems]
        if unhelped:
            ids_shown = list(graph.nodes)[:MAX_IDS_LISTED]
            more = len(graph.nodes) - len(ids_shown)
            lines.append(f"  page ids: {', '.join(ids_shown)}" + (f", and {more} more (hfs-guide graph lists them all)" if more else ""))
        parser.exit(2, "\n".join(lines) + "\n")
    return ids


def output_problem(out: Path) -> str | None:
    """Why a handout cannot be written to `out` (its folder is missing, closed, ...), or None."""
    folder = out.parent
    try:
        if not stat.S_ISDIR(os.stat(folder).st_mode):
            return f"{folder}: is a file, not a folder: choose another place"
        os.lstat(out)
    except FileNotFoundError:
        return None if _is_folder(folder) else f"{folder}: folder not found: create it or choose another place"
    except NotADirectoryError:
        return f"{folder}: folder not found (a part of the path is a file): choose another place"
    except PermissionError:
        return f"{folder}: permission denied: you may not open or write into this folder; choose another place"
    except OSError as exc:
        reason = "the name is too long" if exc.errno == errno.ENAMETOOLONG else (exc.strerror or str(exc))
        return f"{str(out)[:200]}: {reason}: choose another name"
    except ValueError:
        return f"{str(out)[:200]}: not a usable file name"
    return None


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _exists(path: Path) -> bool:
    """Whether anything (a file, a folder, even a dangling link) has this name."""
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True
