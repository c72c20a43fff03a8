"""The full-screen drawing of a page: each block the core decided (core/page.py) as a Rich
renderable. Nothing here decides what a page holds.

Every part is a Rich renderable built from literal text (Text, Rich's Markdown), never from
console markup, so `[b]` in content or notes shows as written.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.markdown import Heading, Markdown
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from hfs_guide.core.actions import action
from hfs_guide.core.page import (
    AtAGlance, Block, Body, Contacts, EndNote, Facts, MySituation, Page, Questions, SituationOffer, Sources,
    StartNotice, Title,
)
from hfs_guide.tui.figures import IconArray, side_by_side

TICKED, UNTICKED = "[x]", "[ ]"


class _LeftHeading(Heading):
    """Headings start at the left margin, like the text under them (Rich centres h1)."""

    LEVEL_ALIGN = {f"h{level}": "left" for level in range(1, 7)}


class GuideMarkdown(Markdown):
    """Rich's Markdown with left-aligned headings."""

    elements = {**Markdown.elements, "heading_open": _LeftHeading}


class _Questions:
    """The page's questions to ask, each with a box: [x] ticked, [ ] not. A click ticks."""

    def __init__(self, block: Questions) -> None:
        self.block = block

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("Questions to ask your care team", style="markdown.h2")
        for item in self.block.items:
            click = Style.from_meta({"@click": f"tick({item.index})"})
            box = Text(TICKED if item.ticked else UNTICKED, Style(bold=True) + click)
            yield from side_by_side(console, [box], Text(item.text, style=click), options.max_width, gap=1)
        yield Text(f"Press {action('questions').tui_keys[0]} to tick questions for your handout (or click them).",
                   style="guide.muted")


class _Hanging:
    """A mark ("•", "2.") with text wrapped beside it, later lines under the text, not the mark."""

    def __init__(self, mark: str, text: Text, style: str = "") -> None:
        self.mark, self.text, self.style = mark, text, style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from side_by_side(console, [Text(self.mark, self.style)], self.text, options.max_width, gap=1)


def _sources(block: Sources) -> Group:
    """The page's sources: citation, then kind, size and "not verified" where so."""
    lines: list[RenderableType] = [Text("Sources", style="markdown.h2")]
    width = len(f"{len(block.citations)}.")
    for number, citation in enumerate(block.citations, 1):
        details = citation.details()
        text = Text.assemble((citation.text, "guide.muted"), (f" ({details})" if details else "", "guide.muted"))
        lines.append(_Hanging(f"{number}.".rjust(width), text, "guide.muted"))
    return Group(*lines)


def _facts(block: Facts) -> Group:
    """Each figure of the page with who, when and which source; icon facts as icon arrays."""
    parts: list[RenderableType] = [Text("Figures on this page", style="markdown.h2")]
    for item in block.items:
        if item.icon:
            parts += [IconArray(item), Text()]
        else:
            parts.append(_Hanging("•", Text.assemble((item.says[:1].upper() + item.says[1:], "bold"), "\n", (item.context(), "guide.muted"))))
    return Group(*parts)


def _at_a_glance(block: AtAGlance) -> Group:
    table = Table(box=box.SIMPLE, show_header=False, expand=True, border_style="markdown.table.border", title=None)
    table.add_column(ratio=1, style="bold")
    table.add_column(ratio=3)
    for label, text in block.rows:
        table.add_row(Text(label), Text(text))
    return Group(Text("At a glance", style="markdown.h2"), table)


def block_renderable(block: Block) -> RenderableType | None:
    """One block of the core's page as a Rich renderable (None: drawn elsewhere)."""
    if isinstance(block, MySituation):
        return Text(f"{block.text} (press {action('situation').tui_keys[0]} to change)", style="guide.muted")
    if isinstance(block, SituationOffer):
        return Text.assemble((f"Press {action('situation').tui_keys[0]}", "bold"),
                             f" to answer a few questions about your situation. {block.intro}", style="guide.notice")
    if isinstance(block, Title):
        return Text(block.text, style="guide.title")
    if isinstance(block, StartNotice):
        notice = Text.assemble((block.disclaimer, "guide.notice"), "\n", (f"Reviewed {block.reviewed}", "guide.muted"))
        return Panel(notice, box=box.ROUNDED, border_style="guide.notice.border", padding=(0, 1))
    if isinstance(block, Contacts):
        urgent = Text.assemble(("Emergency: ", "bold"), block.emergency, "\n", ("Your clinic: ", "bold"), block.clinic)
        return Panel(urgent, box=box.HEAVY, border_style="guide.urgent.border", padding=(0, 1))
    if isinstance(block, Body):
        return GuideMarkdown(block.markdown, hyperlinks=True)
    if isinstance(block, AtAGlance):
        return _at_a_glance(block)
    if isinstance(block, Facts):
        return _facts(block)
    if isinstance(block, Questions):
        return _Questions(block)
    if isinstance(block, Sources):
        return _sources(block)
    if isinstance(block, EndNote):
        ways = ", or ".join(f"{action(name).tui_keys[0]} to {_verb(name)}" for name in block.actions)
        return Text(f"This is the end of this path. Press {ways}.", style="guide.muted")
    return None  # Offered: the choice list under the page offers the links


def _verb(name: str) -> str:
    return {"back": "go back", "home": "start again"}.get(name, action(name).description.lower())


def page_parts(page: Page) -> list[RenderableType]:
    """The page's blocks as renderables, one blank line apart."""
    spaced: list[RenderableType] = []
    for block in page.blocks:
        part = block_renderable(block)
        if part is not None:
            spaced.extend((Text(), part) if spaced else (part,))
    return spaced
