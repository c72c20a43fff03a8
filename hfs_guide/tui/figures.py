"""Icon arrays: a fact ("3 in 10 people ...") as a 10x10 grid of people, with its sentence,
its group, its time and its source.

Filled and empty people differ in shape (● and ○), not only in colour, and the words beside
or under the grid always say the same thing, so nothing depends on seeing colour.
"""

from __future__ import annotations

from itertools import zip_longest
from typing import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from hfs_guide.core.overview import icon_grid, icon_sentence
from hfs_guide.core.page import FactLine

FILLED, EMPTY = "●", "○"
SIDE = 10
BESIDE_FROM = 50  # narrower than this, the words go under the grid
GAP = 3


def side_by_side(console: Console, left: Sequence[Text], right: Text, width: int, gap: int = GAP) -> RenderResult:
    """`left` lines (all as wide as the first) with `right` wrapped beside them. Drawn by hand:
    a Rich table measures every cell and costs a few milliseconds a page."""
    indent = left[0].cell_len + gap if left else 0
    wrapped = right.wrap(console, max(width - indent, 1))
    for first, second in zip_longest(left, wrapped):
        line = Text(end="\n", no_wrap=True, overflow="crop")
        line.append_text(first if first is not None else Text(" " * (indent - gap)))
        if second is not None:
            line.append(" " * gap)
            line.append_text(second)
        yield line


def filled_count(figure: FactLine) -> int:
    """How many of the SIDE x SIDE people are filled in (the figure scaled and rounded)."""
    return sum(row.count("#") for row in icon_grid(figure, SIDE))


def grid_lines(figure: FactLine) -> list[Text]:
    """The grid as lines of ● (counted) and ○ (not counted), one space apart."""
    lines: list[Text] = []
    for row in icon_grid(figure, SIDE):
        line = Text(no_wrap=True, end="")
        for column, cell in enumerate(row):
            if column:
                line.append(" ")
            line.append(FILLED if cell == "#" else EMPTY, "guide.figure.filled" if cell == "#" else "guide.figure.empty")
        lines.append(line)
    return lines


def figure_words(figure: FactLine) -> Text:
    """The sentence of the figure, who and when, and what the two shapes mean."""
    filled, total = filled_count(figure), SIDE * SIDE
    return Text.assemble(
        (icon_sentence(figure), "bold"),
        "\n",
        (figure.context(), "guide.muted"),
        "\n\n",
        (FILLED, "guide.figure.filled"),
        f" {filled} of {total} people\n",
        (EMPTY, "guide.figure.empty"),
        f" the other {total - filled}",
    )


class IconArray:
    """A figure's grid with its words beside it (or under it when the column is narrow)."""

    def __init__(self, figure: FactLine) -> None:
        self.figure = figure

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        grid, words = grid_lines(self.figure), figure_words(self.figure)
        if options.max_width < BESIDE_FROM:
            yield Text("\n").join(grid)
            yield Text()
            yield words
        else:
            yield from side_by_side(console, grid, words, options.max_width)
