"""A scrolling list of rows that follows the pointer, shared by the choices and the row lists.

The row under the pointer is drawn as hovered, and a click opens it. A subclass says which
row a pointer event is on (`_row_at`) and what a click on a row does (`_clicked`), and draws
`self._hover` its own way.
"""

from __future__ import annotations

from textual import events
from textual.scroll_view import ScrollView


class PointedRows(ScrollView):
    """Hover and click for a list drawn as rows."""

    _hover: int | None = None  # the row under the pointer

    def _row_at(self, event: events.MouseEvent) -> int | None:
        """The row under the pointer, or None."""
        raise NotImplementedError

    def _clicked(self, row: int) -> None:
        """Highlight and open `row`."""
        raise NotImplementedError

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._row_at(event)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        row = self._row_at(event)
        if row is not None:
            self._clicked(row)
