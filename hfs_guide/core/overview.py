"""Whole-guide views built from the content: the option grid and icon arrays (the map's
outline is core/parts.py).

Pure data for the front ends (TUI, plain mode, handouts) to draw; nothing here is hard-coded
content.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from hfs_guide.core.model import OPTION_FIELDS, Graph, Node


class Counted(Protocol):
    """What an icon array draws: `count` in `of` (a fact with icon: true, or its page line)."""

    @property
    def count(self) -> int: ...

    @property
    def of(self) -> int: ...

    @property
    def says(self) -> str: ...


@dataclass(frozen=True)
class OptionGrid:
    """Options side by side: `columns` are option nodes, `rows` are (field label, texts)."""

    columns: tuple[Node, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


def option_grid(graph: Graph) -> OptionGrid:
    """The option grid: every option node and every option field, in content order."""
    columns = graph.options()
    rows = tuple((label, tuple(node.option.get(name, "") for node in columns)) for name, label in OPTION_FIELDS)
    return OptionGrid(columns, rows)


def icon_grid(figure: Counted, side: int = 10) -> list[str]:
    """A side x side grid of '#' (counted) and '.' (not), scaled to `side`² people.

    The number of filled cells is count/of scaled and rounded, so "25 in 100" fills 25 and
    "1 in 3" fills 33; the text beside it always says the figure as written.
    """
    total = side * side
    filled = round(figure.count * total / figure.of) if figure.of else 0
    cells = "#" * filled + "." * (total - filled)
    return [cells[row * side : (row + 1) * side] for row in range(side)]


def icon_sentence(figure: Counted) -> str:
    """What the icon array shows, in words (never colour alone): the fact's own sentence,
    which gives the "N in M" the grid draws."""
    return figure.says
