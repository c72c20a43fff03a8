"""What a node's page is made of: title, notices, body, option facts, figures, questions.

Every part is a Rich renderable built from literal text (Text, Rich's Markdown), never from
console markup, so `[b]` in content or notes shows as written.
"""

from __future__ import annotations

from typing import AbstractSet, Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.markdown import Heading, Markdown
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from hfs_guide.core.model import OPTION_FIELDS, Graph, Kind, Node
from hfs_guide.tui.figures import IconArray, side_by_side

TICKED, UNTICKED = "[x]", "[ ]"


class _LeftHeading(Heading):
    """Headings start at the left margin, like the text under them (Rich centres h1)."""

    LEVEL_ALIGN = {f"h{level}": "left" for level in range(1, 7)}  # type: ignore[dict-item]


class GuideMarkdown(Markdown):
    """Rich's Markdown with left-aligned headings."""

    elements = {**Markdown.elements, "heading_open": _LeftHeading}


def _body_repeats_title(node: Node) -> bool:
    first = node.body.lstrip().split("\n", 1)[0].strip()
    return first.lstrip("#").strip().casefold() == node.title.strip().casefold() and first.startswith("#")


class _Questions:
    """The node's questions to ask, each with a box: [x] ticked, [ ] not. A click ticks."""

    def __init__(self, questions: Sequence[str], ticked: AbstractSet[int]) -> None:
        self.questions, self.ticked = questions, ticked

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("Questions to ask your care team", style="markdown.h2")
        for index, question in enumerate(self.questions):
            click = Style.from_meta({"@click": f"tick({index})"})
            box = Text(TICKED if index in self.ticked else UNTICKED, Style(bold=True) + click)
            yield from side_by_side(console, [box], Text(question, style=click), options.max_width, gap=1)
        yield Text("Press t to tick questions for your handout (or click them).", style="guide.muted")


def page_parts(graph: Graph, node: Node, ticked: AbstractSet[int] = frozenset()) -> list[RenderableType]:
    """Title, start-page notice, body, option facts, figures and questions of one node."""
    meta = graph.meta
    parts: list[RenderableType] = []
    if not _body_repeats_title(node):
        parts.append(Text(node.title, style="guide.title"))
    if node.id == graph.start:
        notice = Text.assemble((meta.disclaimer, "guide.notice"), "\n", (f"Reviewed {meta.reviewed}", "guide.muted"))
        parts.append(Panel(notice, box=box.ROUNDED, border_style="guide.notice.border", padding=(0, 1)))
    if node.kind is Kind.URGENT:
        urgent = Text.assemble(("Emergency: ", "bold"), meta.emergency, "\n", ("Your clinic: ", "bold"), meta.clinic)
        parts.append(Panel(urgent, box=box.HEAVY, border_style="guide.urgent.border", padding=(0, 1)))
    parts.append(GuideMarkdown(node.body, hyperlinks=True))
    if node.option:
        table = Table(box=box.SIMPLE, show_header=False, expand=True, border_style="markdown.table.border", title=None)
        table.add_column(ratio=1, style="bold")
        table.add_column(ratio=3)
        for name, label in OPTION_FIELDS:
            if node.option.get(name):
                table.add_row(Text(label), Text(node.option[name]))
        parts.append(Group(Text("At a glance", style="markdown.h2"), table))
    parts.extend(IconArray(figure) for figure in node.figures)
    if node.questions:
        parts.append(_Questions(node.questions, ticked))
    if node.kind is Kind.ENDING and not node.choices:
        parts.append(Text("This is the end of this path. Press b to go back, or h to start again.", style="guide.muted"))
    # One blank line between the parts (Markdown adds none after its last block).
    spaced: list[RenderableType] = []
    for part in parts:
        spaced.extend((Text(), part) if spaced else (part,))
    return spaced
