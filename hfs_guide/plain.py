"""Plain line mode: the same guide and session as lines of text, for screen readers and pipes.

No box drawing, no cursor movement; colour (bold titles only) when writing to a terminal
and NO_COLOR is not set. Input is one command a line; end of input quits.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Callable, TextIO

from hfs_guide.core.model import Graph, Node
from hfs_guide.core.session import Session

LINK = re.compile(r"\[([^\]]*)\]\(\s*([^)\s]*)\s*\)")
EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")

HELP = """Keys (type one, then Enter):
  1-9      choose that numbered choice
  b        back to where you were
  f        forward again
  h        home: the start of the guide
  u or !   urgent help: when to call for help now
  s        the sources for this page
  ?        this help
  q        quit (end of input quits too)"""


def plain_text(graph: Graph, body: str) -> str:
    """Markdown source -> readable lines: links keep their text, emphasis marks go."""

    def link(found: re.Match[str]) -> str:
        text, target = found.group(1), found.group(2)
        if target.startswith("node:"):
            node = graph.nodes.get(target[5:])
            return f"{text} (see: {node.title})" if node else text
        return f"{text} ({target})"

    lines = []
    for line in body.splitlines():
        heading = re.match(r"#{1,6}\s+(.*)", line)
        line = heading.group(1).upper() if heading else line
        lines.append(EMPHASIS.sub(r"\2", LINK.sub(link, line)))
    return "\n".join(lines).strip()


class PlainGuide:
    def __init__(self, graph: Graph, out: TextIO, read_line: Callable[[], str], colour: bool, interactive: bool) -> None:
        self.session = Session(graph)
        self.graph = graph
        self.out = out
        self.read_line = read_line
        self.colour = colour
        self.interactive = interactive

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def show(self, node: Node) -> None:
        title = f"\x1b[1m{node.title}\x1b[0m" if self.colour else node.title
        self.say()
        self.say(title)
        self.say("=" * len(node.title))
        self.say(plain_text(self.graph, node.body))
        for figure in node.figures:
            self.say(f"  [{figure.count} in {figure.of}] {figure.says}")
        if node.questions:
            self.say()
            self.say("Questions you could ask your care team:")
            for question in node.questions:
                self.say(f"  - {question}")
        self.say()
        for number, choice in enumerate(node.choices, 1):
            self.say(f"  {number}. {choice.label}")
        if not node.choices:
            self.say("  (This is the end of this part of the guide. h goes back to the start.)")

    def prompt(self) -> str | None:
        count = len(self.session.current.choices)
        numbers = f"1-{count}, " if count > 1 else ("1, " if count else "")
        self.out.write(f"Choose {numbers}b back, h home, u urgent help, ? help, q quit: ")
        self.out.flush()
        line = self.read_line()
        if not line:
            self.say()
            return None
        return line.strip()

    def run(self) -> int:
        self.say(self.graph.meta.title)
        self.say(f"{self.graph.meta.disclaimer} Reviewed {self.graph.meta.reviewed}. Type ? for help.")
        self.show(self.session.current)
        while (command := self.prompt()) is not None:
            if command.lower() in ("q", "quit", "exit"):
                break
            self.handle(command)
        self.say("Goodbye. Your care team is there for your decisions.")
        return 0

    def handle(self, command: str) -> None:
        session = self.session
        key = command.lower()
        if key.isdigit():
            number = int(key)
            if 1 <= number <= len(session.current.choices):
                self.show(session.choose(number))
            else:
                self.say(f"There is no choice {number} here. Type a number from the list, or ? for help.")
        elif key == "b":
            self.show(session.back()) if session.can_back else self.say("You are at the first step: there is nothing to go back to.")
        elif key == "f":
            self.show(session.forward()) if session.can_forward else self.say("There is nothing to go forward to.")
        elif key == "h":
            if session.at_start:
                self.say("You are at the start already.")
            elif not session.home_discards_path or self.confirm("Go back to the start? (b will bring you back here) [y/N] "):
                self.show(session.home())
        elif key in ("u", "!"):
            self.show(session.urgent())
        elif key == "s":
            self.show_sources(session.current)
        elif key in ("?", "help"):
            self.say(HELP)
        elif key:
            self.say(f"Not a command: {command[:40]!r}. Type a number, or ? for help.")

    def confirm(self, question: str) -> bool:
        if not self.interactive:
            return True
        self.out.write(question)
        self.out.flush()
        return self.read_line().strip().lower() in ("y", "yes")

    def show_sources(self, node: Node) -> None:
        if not node.sources:
            self.say("This page cites no sources.")
        for source_id in node.sources:
            self.say(f"  - {self.graph.sources[source_id].citation}")


def run_plain(graph: Graph, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    if hasattr(stdout, "reconfigure"):
        stdout.reconfigure(errors="replace")
    is_tty = stdout.isatty()
    colour = is_tty and not os.environ.get("NO_COLOR")
    guide = PlainGuide(graph, stdout, stdin.readline, colour, interactive=stdin.isatty() and is_tty)
    try:
        return guide.run()
    except (KeyboardInterrupt, EOFError):
        stdout.write("\n")
        return 0
