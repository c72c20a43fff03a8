"""The option grid: the options compared field by field, built from the content.

Wide windows show a table (a column per option); narrower ones show each field in turn with
every option under it, so the grid reads at 80x24 without scrolling sideways. Number keys
(or a click on an option's name) open that option's page. The grid is a list of small blocks
drawn a few at a time (BlockLines): a guide of 1,500 options opens as fast as one of five.

When the person rated statements "matters a lot" (v), each (option, field) the core's
`grid_marks` names gets a line of its own under the field's text: "★ check this row for: ...",
written the same way for every option. Marks are only ever added: the options' order, their
text and its emphasis stay exactly as without ratings (a test strips the marks and compares).
"""

from __future__ import annotations

from typing import Iterator, Mapping

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from hfs_guide.core.model import OPTION_FIELDS
from hfs_guide.core.overview import OptionGrid
from hfs_guide.tui.keys import GLOBAL_BINDINGS
from hfs_guide.tui.widgets.blocklines import BlockLines
from hfs_guide.tui.widgets.keybar import KeyBar

LABEL_WIDTH, MIN_COLUMN = 16, 24
MISSING = "(not given)"
# Says where to look, not that the row is good or bad for the person: a risk row is marked
# for "protecting my hearing" so the reader can see whether hearing is among its risks.
MARK = "★ check this row for: "
# Italic, not bold or coloured: a mark must not look like emphasis of the option it sits under.
MARK_STYLE = Style(italic=True)
FIELD_NAMES = {label: name for name, label in OPTION_FIELDS}  # the grid's row labels -> field names

Marks = Mapping[tuple[str, str], tuple[str, ...]]  # (option id, field name) -> statements


class GridView:
    """The grid as Rich renderables that pick their layout by the width they are given."""

    def __init__(self, grid: OptionGrid, marks: Marks | None = None) -> None:
        self.grid = grid
        self.marks: Marks = marks or {}

    def mark(self, column: int, label: str) -> Text | None:
        """The marks of option `column` (0-based) on the row `label`, one line each, or None."""
        statements = self.marks.get((self.grid.columns[column].id, FIELD_NAMES.get(label, "")), ())
        if not statements:
            return None
        return Text("\n".join(MARK + statement for statement in statements), style=MARK_STYLE)

    def title(self, number: int) -> Text:
        """Option `number` (1-based) as a bold, clickable heading."""
        click = Style.from_meta({"@click": f"screen.open({number})"})
        # Underlined, as Textual draws a link: it can be clicked.
        return Text(f"{number}  {self.grid.columns[number - 1].title}", style=Style(bold=True, underline=True) + click)

    def wide_enough(self, width: int) -> bool:
        """Whether a column per option fits in `width` cells."""
        return width >= LABEL_WIDTH + len(self.grid.columns) * (MIN_COLUMN + 3)

    def blocks(self, width: int) -> Iterator[RenderableType]:
        """The grid at `width` cells, block by block (each made only when asked for)."""
        numbers = range(1, len(self.grid.columns) + 1)
        if not self.grid.columns:
            yield Text("This guide has no options to compare.")
        elif self.wide_enough(width):
            # A line under each field; its marks, if any, in a row of their own just under it
            # (no line between), so the field's own row is drawn exactly as without marks.
            table = Table(expand=True, border_style="dim")
            table.add_column("", width=LABEL_WIDTH, style="bold")
            for number in numbers:
                table.add_column(self.title(number), ratio=1)
            for label, texts in self.grid.rows:
                marks = [self.mark(column, label) for column in range(len(texts))]
                table.add_row(Text(label), *(Text(text or MISSING) for text in texts), end_section=not any(marks))
                if any(marks):
                    table.add_row(Text(), *(mark or Text() for mark in marks), end_section=True)
            yield table
        else:
            for label, texts in self.grid.rows:
                yield Text(label, style="bold underline")
                for column, (number, text) in enumerate(zip(numbers, texts)):
                    # The field again beside each name: a page scrolled here still says which field.
                    yield self.title(number).append(f"  · {label}", "dim")
                    yield Padding(Text(text or MISSING), (0, 0, 0, 3))
                    mark = self.mark(column, label)
                    if mark is not None:
                        yield Padding(mark, (0, 0, 0, 3))
                yield Text()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.blocks(options.max_width)


class OptionGridScreen(ModalScreen[str | None]):
    """Dismisses the id of the option to open, or None."""

    BINDINGS = [
        *GLOBAL_BINDINGS,
        Binding("escape,o", "close", "Close"),
        Binding("1", "open(1)", "Open option", key_display="1-9"),
        *(Binding(str(n), f"open({n})", f"Open option {n}", show=False) for n in range(2, 10)),
    ]

    def __init__(self, grid: OptionGrid, marks: Marks | None = None) -> None:
        super().__init__()
        self._view = GridView(grid, marks)

    def compose(self) -> ComposeResult:
        count = len(self._view.grid.columns)
        keys = "1" if count == 1 else f"1-{min(count, 9)}"  # the number keys go up to 9
        hint = f"Press {keys} (or click a name) to open that option. Arrows and Page keys scroll."
        if self._view.marks:
            hint += " ★ marks what you said matters a lot to you, the same way for every option."
        with Vertical(classes="layer grid"):
            yield Static(Content("The options side by side"), classes="layer-title")
            yield Static(Content(hint), classes="layer-hint")
            yield BlockLines(self._view.blocks, id="grid-text", classes="layer-scroll")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        self.query_one(BlockLines).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the options there are can be opened."""
        if action == "open":
            return isinstance(parameters[0], int) and parameters[0] <= len(self._view.grid.columns)
        return True

    def action_open(self, number: int) -> None:
        """Open option `number`'s page."""
        if 1 <= number <= len(self._view.grid.columns):
            self.dismiss(self._view.grid.columns[number - 1].id)

    def action_close(self) -> None:
        """Close the grid and stay where you are."""
        self.dismiss(None)
