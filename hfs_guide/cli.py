"""The command line: runs the guide, checks content, writes handouts.

Every content problem becomes a located message on stderr and exit status 1; usage mistakes
exit 2 (argparse's convention). No Python traceback ever reaches the user: a standard output
that cannot be written (full disk, closed) is one line on stderr and status 1; a reader that
left the pipe (`| head`) ends the command quietly with status 0; Ctrl+C is status 130.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path
from typing import Sequence

from hfs_guide import __version__
from hfs_guide.core.files import guide_file
from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Graph
from hfs_guide.core.problems import ContentError
from hfs_guide.serve import options as serve_options
from hfs_guide.streams import OutputError, prepare_streams, say_error, silence_stdout

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_FAILURE = 1  # a file or standard output could not be written, or another failure


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hfs-guide",
        description="A step-by-step guide to hemifacial spasm that goes on, or comes back, after "
        "microvascular decompression. Information, not medical advice.",
    )
    parser.add_argument("--version", action="store_true",
                        help="print the program's version and the content's (version, reviewed date, fingerprint)")
    parser.add_argument("--content", metavar="PATH", help="content folder or its guide.yaml (default: the shipped guide)")
    parser.add_argument("--theme", metavar="NAME", help="colour theme for the full-screen app")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--plain", action="store_true",
        help="plain line mode, for screen readers and pipes (the default when stdin or stdout is not a terminal)",
    )
    mode.add_argument("--tui", action="store_true", help="the full-screen guide even when stdin or stdout is not a terminal")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="check content and list every problem")
    check.add_argument("path", nargs="?", metavar="PATH", help="content folder or guide file (wins over --content)")
    check.add_argument("--strict", action="store_true", help="warnings fail the check too (exit 1)")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="json: print the problems as a JSON list (file, line, col, severity, code, message)")
    schema = commands.add_parser("schema", help="print the JSON Schema of a content file, for editors")
    schema.add_argument("name", nargs="?", choices=("guide", "sources", "glossary"), default="guide",
                        help="which file: guide (guide.yaml, the default), sources or glossary")
    handout = commands.add_parser("handout", help="write a session summary (.md or .html) for the given pages")
    handout.add_argument("--nodes", required=True, metavar="PAGE,PAGE,...",
                         help="the pages to include, in order: ids, titles or words of a title (botox)")
    handout.add_argument("--notes", metavar="FILE", help="a text file of notes to include")
    handout.add_argument("--options", action="store_true", help="add the option grid (the options side by side)")
    handout.add_argument("-o", "--output", metavar="OUT",
                         help="file to write, .md or .html, or - for standard output "
                              "(default: hfs-guide-summary-DATE-TIME.html here)")
    handout.add_argument("--format", choices=("md", "html"),
                         help="the format for standard output or the default name (a file's suffix decides otherwise)")
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
    # isascii: "²".isdigit() is True, but int("²") fails; len: int() refuses 4,300 digits.
    if not (text.isascii() and text.isdigit() and len(text) <= 5) or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text[:20]!r} is not a port number from 1 to 65535")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (see the module docstring and README)."""
    prepare_streams()  # Textual draws through sys.__stdout__/__stderr__, so the full screen is unaffected
    try:
        try:
            return run_command(argv)
        finally:
            sys.stdout.flush()  # here, not at exit: a full disk is reported, not ignored
    except BrokenPipeError:  # `hfs-guide graph | head`: the reader left; nothing to say
        silence_stdout()
        return EXIT_OK
    except OutputError as exc:
        silence_stdout()
        say_error(f"hfs-guide: cannot write to standard output: {exc}")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except OSError as exc:  # a path we could not look at; the specific cases are handled where they occur
        where = f"{exc.filename}: " if exc.filename else ""
        say_error(f"hfs-guide: {where}{exc.strerror or exc}")
        return EXIT_FAILURE


def wants_full_screen(args: argparse.Namespace) -> bool:
    """Whether this run starts the full-screen guide (decided before any output)."""
    return args.command is None and not args.plain and (args.tui or not_a_terminal() is None)


def not_a_terminal() -> str | None:
    """Which standard stream is not a terminal (None when both are), as words for a message."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return None  # textual-serve runs each session through pipes; its driver is the screen
    stdin_tty = _isatty(sys.stdin)
    stdout_tty = _isatty(sys.stdout)
    if stdin_tty and stdout_tty:
        return None
    if not stdin_tty and not stdout_tty:
        return "standard input and output are not terminals"
    return "standard input is not a terminal" if not stdin_tty else "standard output is not a terminal"


def _isatty(stream: object) -> bool:
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):
        return False


def run_command(argv: Sequence[str] | None) -> int:
    """Parse the command line and run it."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.version:
            return print_version(parser, args.content)
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
        return EXIT_INTERRUPTED


def content_path(parser: argparse.ArgumentParser, path: str | None) -> Path | None:
    """The user's content path, refused with a usage error (exit 2) when it cannot be used."""
    if path is None:
        return None
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        parser.exit(EXIT_USAGE, f"hfs-guide: error: content path not found: {path}\n")
    except PermissionError:
        parser.exit(
            EXIT_USAGE,
            f"hfs-guide: error: content path {path}: permission denied (a folder on the way cannot be opened): check its permissions\n",
        )
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not a usable path"
        if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
            reason = "the name is too long"
        parser.exit(EXIT_USAGE, f"hfs-guide: error: content path {path[:200]}: {reason}\n")
    return Path(path)


def load_or_report(parser: argparse.ArgumentParser, path: str | None) -> Graph | None:
    """Load the content; on problems print them one a line on stderr and return None."""
    try:
        return load_graph(content_path(parser, path))
    except ContentError as exc:
        from hfs_guide.check_command import report

        report(exc.problems)
        return None


def print_version(parser: argparse.ArgumentParser, path: str | None) -> int:
    """The program's version, then the fingerprint of the content in use (`--content`), so a
    clinic can tell which reviewed text it runs; invalid content is said, not a traceback (1)."""
    print(f"hfs-guide {__version__}", flush=True)
    try:
        graph = load_graph(content_path(parser, path))
    except ContentError as exc:
        count = len(exc.problems)
        where = path if path is not None else "the shipped content"
        say_error(f"hfs-guide: {where}: the content is not valid ({count} problem{'s' if count != 1 else ''}; "
                  "hfs-guide check lists them), so it has no fingerprint")
        return EXIT_CONTENT
    from hfs_guide.core.fingerprint import content_label

    print(f"{graph.meta.title}: {content_label(graph)}")
    return EXIT_OK


def run_app(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    graph = load_or_report(parser, args.content)
    if graph is None:
        return EXIT_CONTENT
    if not wants_full_screen(args):
        from hfs_guide.plain import run_plain

        why = not_a_terminal()
        if not args.plain and why:
            print(f"hfs-guide: {why}: showing the guide as plain lines (--tui forces the full screen)", file=sys.stderr)
        return run_plain(graph)
    from hfs_guide.tui.app import run_tui

    return run_tui(graph, theme=args.theme)
