"""The command line: runs the guide, checks content, writes handouts.

Every content problem becomes a located message on stderr and exit status 1; usage mistakes
exit 2 (argparse's convention). No Python traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from hfs_guide import __version__
from hfs_guide.core.files import guide_file
from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Graph
from hfs_guide.core.problems import ContentError

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hfs-guide",
        description="A step-by-step guide to hemifacial spasm that goes on, or comes back, after "
        "microvascular decompression. Information, not medical advice.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--content", metavar="PATH", help="content folder or its guide.yaml (default: the shipped guide)")
    parser.add_argument("--theme", metavar="NAME", help="colour theme for the full-screen app")
    parser.add_argument("--plain", action="store_true", help="plain line mode, for screen readers and pipes")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="check content and list every problem")
    check.add_argument("path", nargs="?", metavar="PATH", help="content folder or guide file (wins over --content)")
    check.add_argument("--strict", action="store_true", help="warnings fail the check too (exit 1)")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="json: print the problems as a JSON list (file, line, col, severity, code, message)")
    schema = commands.add_parser("schema", help="print the JSON Schema of a content file, for editors")
    schema.add_argument("name", nargs="?", choices=("guide", "sources", "glossary"), default="guide",
                        help="which file: guide (guide.yaml, the default), sources or glossary")
    handout = commands.add_parser("handout", help="write a session summary (.md or .html) for the given nodes")
    handout.add_argument("--nodes", required=True, metavar="ID,ID,...", help="the nodes to include, in order")
    handout.add_argument("--notes", metavar="FILE", help="a text file of notes to include")
    handout.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write: .md or .html")
    handout.add_argument("--force", action="store_true", help="replace OUT if it exists")
    graph = commands.add_parser("graph", help="print the decision graph for authors")
    graph.add_argument("--format", choices=("mermaid", "dot"), default="mermaid")
    serve = commands.add_parser("serve", help="serve the guide in a web browser (this computer only by default)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this computer only)")
    serve.add_argument("--port", type=port_number, default=8000, help="port to listen on (default 8000)")
    return parser


def port_number(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number from 1 to 65535")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            from hfs_guide.check_command import run_check

            path = args.path if args.path is not None else args.content
            return run_check(content_path(parser, path), path, strict=args.strict, as_json=args.format == "json")
        if args.command == "schema":
            from hfs_guide.core.schema import schema_text

            sys.stdout.write(schema_text(args.name))
            return EXIT_OK
        if args.command == "serve":
            from hfs_guide.serve import run_serve

            graph = load_or_report(parser, args.content)
            if graph is None:
                return EXIT_CONTENT
            return run_serve(graph.meta.title, guide_file(args.content).parent, args.host, args.port, args.theme)
        if args.command in ("handout", "graph"):
            from hfs_guide import export_commands

            graph = load_or_report(parser, args.content)
            if graph is None:
                return EXIT_CONTENT
            if args.command == "graph":
                return export_commands.run_graph(graph, args.format)
            return export_commands.run_handout(parser, graph, args)
        return run_app(parser, args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `hfs-guide check | head`: the reader left; nothing to say
        sys.stderr.close()
        return EXIT_OK


def content_path(parser: argparse.ArgumentParser, path: str | None) -> Path | None:
    """The user's content path, refused with a usage error (exit 2) when it does not exist."""
    if path is None:
        return None
    target = Path(path)
    if not target.exists():
        parser.exit(EXIT_USAGE, f"hfs-guide: error: content path not found: {path}\n")
    return target


def load_or_report(parser: argparse.ArgumentParser, path: str | None) -> Graph | None:
    """Load the content; on problems print them one a line on stderr and return None."""
    try:
        return load_graph(content_path(parser, path))
    except ContentError as exc:
        from hfs_guide.check_command import report

        report(exc.problems)
        return None


def run_app(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    graph = load_or_report(parser, args.content)
    if graph is None:
        return EXIT_CONTENT
    if args.plain:
        from hfs_guide.plain import run_plain

        return run_plain(graph)
    from hfs_guide.tui.app import run_tui

    return run_tui(graph, theme=args.theme)
