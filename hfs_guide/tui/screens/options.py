"""The option grid: the options compared field by field, built from the content.

Wide windows show a table (a column per option); narrower ones show each field in turn with
every option under it, so the grid reads at 80x24 without scrolling sideways. Number keys
(or a click on an option's name) open that option's page. The grid is a list of small blocks
drawn a few at a time (BlockLines): a guide of 1,500 options opens as fast as one of five.
"""

from __future__ import annotations

from typing import Iterator

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

from hfs_guide.core.overview import OptionGrid
from hfs_guide.tui.keys import GLOBAL_BINDINGS
from hfs_guide.tui.widgets.blocklines import BlockLines
from hfs_guide.tui.widgets.keybar import KeyBar

LABEL_WIDTH, MIN_COLUMN = 16, 24
MISSING = "(not given)"


class GridView:
    """The grid as Rich renderables that pick their layout by the width they are given."""

    def __init__(self, grid: OptionGrid) -> None:
        self.grid = grid

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
            table = Table(show_lines=True, expand=True, border_style="dim")
            table.add_column("", width=LABEL_WIDTH, style="bold")
            for number in numbers:
                table.add_column(self.title(number), ratio=1)
            for label, texts in self.grid.rows:
                table.add_row(Text(label), *(Text(text or MISSING) for text in texts))
            yield table
        else:
            for label, texts in self.grid.rows:
                yield Text(label, style="bold underline")
                for number, text in zip(numbers, texts):
                    # The field again beside each name: a page scrolled here still says which field.
                    yield self.title(number).append(f"  · {label}", "dim")
                    yield Padding(Text(text or MISSING), (0, 0, 0, 3))
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

    def __init__(self, grid: OptionGrid) -> None:
        super().__init__()
        self._view = GridView(grid)

    def compose(self) -> ComposeResult:
        count = len(self._view.grid.columns)
        keys = "1" if count == 1 else f"1-{min(count, 9)}"  # the number keys go up to 9
        hint = f"Press {keys} (or click a name) to open that option. Arrows and Page keys scroll."
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
