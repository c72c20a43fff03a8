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
from hfs_guide.core.model import Graph, Kind
from hfs_guide.core.problems import ContentError
from hfs_guide.serve import options as serve_options

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
    serve.add_argument("--public-url", type=serve_options.public_url, metavar="URL", help="the address browsers use (behind a reverse proxy, or with --host 0.0.0.0); pages from it may open sessions")
    serve.add_argument("--max-sessions", type=serve_options.session_limit, default=serve_options.DEFAULT_MAX_SESSIONS, metavar="N", help=f"at most N browser sessions at once, one app process each (default {serve_options.DEFAULT_MAX_SESSIONS})")
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
            return run_check(parser, args.path if args.path is not None else args.content)
        if args.command == "serve":
            from hfs_guide.serve import run_serve

            graph = load_or_report(parser, args.content)
            if graph is None:
                return EXIT_CONTENT
            return run_serve(
                graph.meta.title, guide_file(args.content).parent, args.host, args.port, args.theme,
                public_url=args.public_url, max_sessions=args.max_sessions,
            )
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
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems)
        print(f"hfs-guide: {count} problem{'s' * (count != 1)} in the content; nothing was started", file=sys.stderr)
        return None


def run_check(parser: argparse.ArgumentParser, path: str | None) -> int:
    graph = load_or_report(parser, path)
    if graph is None:
        return EXIT_CONTENT
    options = sum(1 for n in graph.nodes.values() if n.kind is Kind.OPTION)
    endings = sum(1 for n in graph.nodes.values() if n.kind is Kind.ENDING)
    print(
        f"OK: {guide_file(path)}: {len(graph.nodes)} nodes ({options} options, {endings} endings), "
        f"{len(graph.sources)} sources, {len(graph.glossary)} glossary terms; reviewed {graph.meta.reviewed}"
    )
    return EXIT_OK


def run_app(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    graph = load_or_report(parser, args.content)
    if graph is None:
        return EXIT_CONTENT
    if args.plain:
        from hfs_guide.plain import run_plain

        return run_plain(graph)
    from hfs_guide.tui.app import run_tui

    return run_tui(graph, theme=args.theme)
