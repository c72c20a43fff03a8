"""`hfs-guide handout` and `hfs-guide graph`: the consultation's paper trail, without the TUI."""

from __future__ import annotations

import argparse
import errno
import os
import stat
import sys
from pathlib import Path

from hfs_guide.core.export import build_handout, graph_dot, graph_mermaid, handout_html, handout_markdown
from hfs_guide.core.files import read_text
from hfs_guide.core.model import Graph
from hfs_guide.core.safe_write import TargetExistsError, write_private
from hfs_guide.core.session import Session

NOTES_LIMIT = 1024 * 1024
FORMATS = {".md": handout_markdown, ".markdown": handout_markdown, ".html": handout_html, ".htm": handout_html}


def run_graph(graph: Graph, fmt: str) -> int:
    sys.stdout.write(graph_mermaid(graph) if fmt == "mermaid" else graph_dot(graph))
    return 0


def run_handout(parser: argparse.ArgumentParser, graph: Graph, args: argparse.Namespace) -> int:
    out = Path(args.output)
    render = FORMATS.get(out.suffix.lower())
    if render is None:
        parser.exit(2, f"hfs-guide: error: {out}: the handout file must end in .md or .html\n")
    ids = [part.strip() for part in args.nodes.split(",") if part.strip()]
    unknown = [node_id for node_id in ids if node_id not in graph.nodes]
    if unknown or not ids:
        known = ", ".join(graph.nodes)
        parser.exit(2, f"hfs-guide: error: unknown node id(s): {', '.join(unknown) or '(none given)'}\n  known ids: {known}\n")
    session = Session(graph, history=[ids[0]])
    for node_id in ids[1:]:
        session.go(node_id)
    if args.notes:
        text, problems = read_text(Path(args.notes), args.notes, NOTES_LIMIT)
        if text is None:
            for problem in problems:
                print(f"hfs-guide: {problem}", file=sys.stderr)
            return 1
        session.set_notes(text)
    problem = output_problem(out)
    if problem:
        print(f"hfs-guide: {problem}", file=sys.stderr)
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
        write_private(out, render(build_handout(session)), replace=replace)
    except TargetExistsError:
        print(f"hfs-guide: {out} appeared while writing; left as it is. Use --force to replace it.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"hfs-guide: cannot write {out}: {exc.strerror or exc}. Nothing was written.", file=sys.stderr)
        return 1
    print(f"Wrote {out}")
    return 0


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
