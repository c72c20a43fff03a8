"""The map: the guide's parts, each a heading with its pages under it; where you are and
where you have been, in words.

Opening it costs one pass over the guide (the core's outline, then one small entry a row);
a row's text is built only when it is on screen (RowList), so a 10,000-page guide opens as
fast as the shipped one.
"""

from __future__ import annotations

from typing import AbstractSet, Mapping, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from hfs_guide.core.model import Node
from hfs_guide.core.parts import Part
from hfs_guide.tui.keys import GLOBAL_BINDINGS
from hfs_guide.tui.widgets.keybar import KeyBar
from hfs_guide.tui.widgets.rowlist import Row, RowList

HERE, VISITED, NOT_YET = "▶", "✓", "·"
MARKS, KEYS = f"{HERE} you are here  {VISITED} visited", "Enter: open  Tab: next part"
LEGEND = f"{MARKS}  {KEYS}"
INDENT = "  "  # pages sit this far in under their part's heading


def page_row(node: Node, current: str, visited: AbstractSet[str]) -> Row:
    """A page of the map: its mark, its title, and the mark said in words."""
    if node.id == current:
        return Row(Content.styled(f"{INDENT}{HERE} ", "bold"), Content.assemble((node.title, "bold"), ("  — you are here", "bold")))
    if node.id in visited:
        return Row(Content(f"{INDENT}{VISITED} "), Content.assemble(node.title, ("  — visited", "italic")))
    return Row(Content(f"{INDENT}{NOT_YET} "), Content(node.title))


def heading_row(part: Part, visited: AbstractSet[str]) -> Row:
    """A part's heading: its title, how many pages it has and how many were read."""
    pages = len(part.node_ids)
    read = sum(1 for node_id in part.node_ids if node_id in visited)
    count = f"{pages} page{'s' if pages != 1 else ''}" + (f", {read} visited" if read else "")
    return Row(Content(""), Content.assemble((part.title, "bold underline"), (f"  ({count})", "dim")))


class MapScreen(ModalScreen[str | None]):
    """Dismisses the id of the page chosen (the guide jumps there), or None."""

    BINDINGS = [
        *GLOBAL_BINDINGS,
        Binding("escape,m", "close", "Close the map"),
        # Tab is Textual's focus key, but the map has one focusable widget: it moves by parts.
        Binding("tab", "part(1)", "Next part"),
        Binding("shift+tab", "part(-1)", "Previous part", show=False),
    ]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]  # "-short": no spacing lines (guide.tcss)

    def __init__(self, nodes: Mapping[str, Node], parts: Sequence[Part], current: str, visited: AbstractSet[str]) -> None:
        super().__init__()
        self._pages = nodes
        self._parts = tuple(parts)
        self._current = current
        self._visited = frozenset(visited)
        # One entry a row: a page's id, or the index of a part (its heading).
        self._entries: list[str | int] = []
        for number, part in enumerate(self._parts):
            self._entries.append(number)
            self._entries.extend(part.node_ids)

    def compose(self) -> ComposeResult:
        here = next((i for i, entry in enumerate(self._entries) if entry == self._current), 0)
        pages = len(self._entries) - len(self._parts)
        with Vertical(classes="layer map"):
            yield Static(Content(f"Map of the guide: {len(self._parts)} parts, {pages} pages"), classes="layer-title")
            yield Static(Content(LEGEND), classes="layer-hint", id="map-legend")
            yield RowList(len(self._entries), self.row, selectable=self._is_page, highlighted=here, id="map-list")
            yield Static(id="map-summary")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        listing = self.query_one(RowList)
        listing.focus()
        self._show_summary(listing.highlighted)

    def on_resize(self) -> None:
        """Break the legend between its marks and its keys, not inside a key's words."""
        legend = self.query_one("#map-legend", Static)
        fits = legend.content_region.width >= len(LEGEND)
        legend.update(Content(LEGEND if fits else f"{MARKS}\n{KEYS}"))

    def _is_page(self, index: int) -> bool:
        return isinstance(self._entries[index], str)

    def row(self, index: int) -> Row:
        """Row `index` of the map: a part's heading or a page (built only when shown)."""
        entry = self._entries[index]
        if isinstance(entry, int):
            return heading_row(self._parts[entry], self._visited)
        return page_row(self._pages[entry], self._current, self._visited)

    @property
    def lines(self) -> list[str]:
        """The map as plain text, a row a line, unwrapped (for tests and checks)."""
        return [(row.lead + row.text).plain for row in map(self.row, range(len(self._entries)))]

    def _show_summary(self, index: int | None) -> None:
        """The highlighted page's one-line summary, under the list."""
        entry = self._entries[index] if index is not None else None
        summary = self._pages[entry].summary if isinstance(entry, str) else ""
        self.query_one("#map-summary", Static).update(Content.styled(summary, "dim"))

    def action_close(self) -> None:
        """Close the map and stay where you are."""
        self.dismiss(None)

    def action_part(self, direction: int) -> None:
        """Highlight the first page of the next (1) or previous (-1) part."""
        self.query_one(RowList).action_group(direction)

    @on(RowList.Highlighted)
    def _moved(self, event: RowList.Highlighted) -> None:
        self._show_summary(event.index)

    @on(RowList.Selected)
    def _chosen(self, event: RowList.Selected) -> None:
        entry = self._entries[event.index]
        if isinstance(entry, str):
            self.dismiss(entry)
