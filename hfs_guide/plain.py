"""Plain line mode: the same guide and session as lines of text, for screen readers and pipes.

No box drawing, no cursor movement; colour (bold titles only) when writing to a terminal
and NO_COLOR is not set. Input is one command a line; end of input quits. Any line at all
(bytes that are not UTF-8, `²`, a number of thousands of digits, a megabyte without a
newline) gets a short reply, never a traceback.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from typing import Callable, TextIO

from hfs_guide.core.actions import action, plain_command
from hfs_guide.core.model import Graph, Node
from hfs_guide.core.page import page
from hfs_guide.core.session import Session
from hfs_guide.plain_decide import ask_ready, ask_situation, ask_values
from hfs_guide.plain_page import PlainPage, choice_range, help_text, key_words, spoken_date

# ASCII digits only: "²".isdigit() and "①".isdigit() are True, but int() refuses them.
NUMBER = re.compile(r"[0-9]+")
MAX_LINE = 4096  # characters kept of one input line; the rest of a longer line is skipped


class PlainGuide:
    """One person's walk in plain lines: the core decides each page (core/page.py), the
    action table names the keys (core/actions.py); this class only reads and writes lines."""

    def __init__(self, graph: Graph, out: TextIO, read_line: Callable[[], str], colour: bool, interactive: bool,
                 width: int = 0, session: Session | None = None) -> None:
        self.session = session if session is not None else Session(graph)
        self.graph = graph
        self.out = out
        self.read_line = read_line
        self.colour = colour
        self.interactive = interactive
        self.pages = PlainPage(graph, width)

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def show(self, node: Node) -> None:
        """The page: a blank line, its blocks as lines, then its numbered choices."""
        lines = self.pages.lines(page(self.graph, self.session, node))
        if self.colour:  # the page's name in bold, nothing else: screen readers ignore it anyway
            lines = [f"\x1b[1m{line}\x1b[0m" if line.startswith("Page: ") else line for line in lines]
        for line in lines:
            self.say(line)
        self.say()
        if node.choices:
            self.say("Choices:")
        for number, choice in enumerate(node.choices, 1):
            for line in self.pages.wrap(f"{number}. {choice.label}", "  "):
                self.say(line)

    def prompt(self) -> str | None:
        count = len(self.session.current.choices)
        numbers = f"{choice_range(count)} to choose, " if count else ""
        self.out.write(f"Type {numbers}b back, h home, u urgent help, question mark for help, q quit: ")
        self.out.flush()
        line = self.read_line()
        if not line:
            self.say()
            return None
        return line.strip()

    def ask(self, question: str) -> str | None:
        """A question of its own (decision support); None at the end of input."""
        self.out.write(question)
        self.out.flush()
        line = self.read_line()
        return None if not line else line.rstrip("\n")

    def run(self) -> int:
        meta = self.graph.meta
        self.say(meta.title)
        self.say(f"{meta.disclaimer} Reviewed {spoken_date(meta.reviewed)}. Type question mark, then Enter, for help.")
        self.show(self.session.current)
        while (command := self.prompt()) is not None:
            if plain_command(command) == "quit":
                break
            self.handle(command)
        self.say("Goodbye. Your care team is there for your decisions.")
        return 0

    def handle(self, command: str) -> None:
        session = self.session
        key = command.lower()
        name = plain_command(key)
        if NUMBER.fullmatch(key):
            digits = key.lstrip("0") or "0"
            number = int(digits) if len(digits) <= 2 else 0  # int() refuses over 4,300 digits
            if 1 <= number <= len(session.current.choices):
                self.show(session.choose(number))
            else:
                shown = digits if len(digits) <= 12 else digits[:12] + "..."
                self.say(f"There is no choice {shown} here. Type a number from the list, or question mark for help.")
        elif name == "back":
            self.show(session.back()) if session.can_back else self.say("You are at the first step: there is nothing to go back to.")
        elif name == "forward":
            self.show(session.forward()) if session.can_forward else self.say("There is nothing to go forward to.")
        elif name == "home":
            if session.at_start:
                self.say("You are at the start already.")
            elif not session.home_discards_path or self.confirm(
                    f"Go back to the start? Typing {key_words('back')} will bring you back here. Type y for yes: "):
                self.show(session.home())
        elif name == "urgent":
            self.show(session.urgent())
        elif name == "sources":
            self.show_sources(session.current)
        elif name == "situation":
            target = ask_situation(self.graph, session, self.say, self.ask)
            if target and target != session.current_id and self.confirm("Show the part of the guide that fits? Type y for yes: "):
                self.show(session.go(target))
        elif name == "values":
            ask_values(self.graph, session, self.say, self.ask)
        elif name == "ready":
            ask_ready(self.graph, session, self.say, self.ask)
        elif name == "help":
            self.say(help_text())
        elif key:
            self.say(f"Not a command: {command[:40]!r}. Type a number, or question mark for help.")

    def confirm(self, question: str) -> bool:
        if not self.interactive:
            return True
        self.out.write(question)
        self.out.flush()
        return self.read_line().strip().lower() in ("y", "yes")

    def show_sources(self, node: Node) -> None:
        if not node.sources:
            self.say("This page cites no sources.")
        for number, source_id in enumerate(node.sources, 1):
            if source_id in self.graph.sources:
                source = self.graph.sources[source_id]
                tail = "" if source.verified else " (not verified)"
                for line in self.pages.wrap(f"{number}. {source.citation}{tail}", "  "):
                    self.say(line)


def line_reader(stdin: TextIO) -> Callable[[], str]:
    """stdin.readline, keeping at most MAX_LINE characters of a line (memory stays bounded)."""

    def read_line() -> str:
        line = stdin.readline(MAX_LINE)
        if len(line) == MAX_LINE and not line.endswith("\n"):
            rest = line
            while rest and not rest.endswith("\n"):
                rest = stdin.readline(MAX_LINE)
        return line

    return read_line


def run_plain(graph: Graph, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    for stream in (stdin, stdout):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # undecodable input, unshowable output: no crash
    is_tty = stdout.isatty()
    colour = is_tty and not os.environ.get("NO_COLOR")
    # Wrapped to the terminal's width on a terminal; one line a paragraph when piped (a
    # braille display or a file wraps by itself).
    width = max(20, shutil.get_terminal_size((80, 24)).columns - 1) if is_tty else 0
    guide = PlainGuide(graph, stdout, line_reader(stdin), colour, interactive=stdin.isatty() and is_tty, width=width)
    try:
        return guide.run()
    except (KeyboardInterrupt, EOFError):
        stdout.write("\n")
        return 0
