"""The map: the whole flow as an indented tree; where you are and where you have been, in words.

Opening it costs one pass over the guide (the core's map_tree: each node once, a node reached
again as one "shown above" line); only the lines on screen are drawn (RowList).
"""

from __future__ import annotations

from typing import AbstractSet, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from hfs_guide.core.overview import MapEntry
from hfs_guide.tui.keys import GLOBAL_BINDINGS
from hfs_guide.tui.widgets.keybar import KeyBar
from hfs_guide.tui.widgets.rowlist import RowList

HERE, VISITED, REPEAT, NOT_YET = "▶", "✓", "↺", "·"
LEGEND = f"{HERE} you are here   {VISITED} visited   {REPEAT} shown above.  Enter opens a page; Escape closes."
INDENT = "  "
DEEPEST = 12  # deeper pages stop moving right and say their level (a long chain would leave the screen)


def indent(depth: int) -> Content:
    """The indentation of a page `depth` steps from the first page."""
    if depth <= DEEPEST:
        return Content(INDENT * depth)
    return Content.assemble(INDENT * DEEPEST, (f"level {depth} ", "dim"))


def map_line(entry: MapEntry, current: str, visited: AbstractSet[str]) -> Content:
    """One node of the map: indentation, a mark, the title, and the mark said in words."""
    node, lead = entry.node, indent(entry.depth)
    if entry.repeat:
        return Content.assemble(lead, (f"{REPEAT} ", "dim"), (node.title, "dim"), (" (shown above)", "dim"))
    if node.id == current:
        return Content.assemble(lead, (f"{HERE} ", "bold"), (node.title, "bold"), ("  — you are here", "bold"))
    if node.id in visited:
        return Content.assemble(lead, f"{VISITED} ", node.title, ("  — visited", "italic"))
    return Content.assemble(lead, f"{NOT_YET} ", node.title)


class MapScreen(ModalScreen[str | None]):
    """Dismisses the id of the node chosen (the guide jumps there), or None."""

    BINDINGS = [*GLOBAL_BINDINGS, Binding("escape,m", "close", "Close the map")]

    def __init__(self, entries: Sequence[MapEntry], current: str, visited: AbstractSet[str]) -> None:
        super().__init__()
        self._entries = tuple(entries)
        self._current = current
        self._visited = frozenset(visited)

    def compose(self) -> ComposeResult:
        here = next((i for i, e in enumerate(self._entries) if e.node.id == self._current and not e.repeat), 0)
        with Vertical(classes="layer map"):
            yield Static(Content("Map of the guide"), classes="layer-title")
            yield Static(Content(LEGEND), classes="layer-hint")
            yield RowList(len(self._entries), self._line, highlighted=here, id="map-list")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        self.query_one(RowList).focus()

    def _line(self, index: int) -> Content:
        return map_line(self._entries[index], self._current, self._visited)

    @property
    def lines(self) -> list[str]:
        """The map as plain text lines (for tests and checks)."""
        return [map_line(entry, self._current, self._visited).plain for entry in self._entries]

    def action_close(self) -> None:
        """Close the map and stay where you are."""
        self.dismiss(None)

    @on(RowList.Selected)
    def _chosen(self, event: RowList.Selected) -> None:
        self.dismiss(self._entries[event.index].node.id)
