"""The breadcrumb trail: the route from the first page to here, as walked. Crumbs are clickable."""

from __future__ import annotations

from typing import Sequence

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widget import Widget

SEPARATOR = " › "
ELLIPSIS = "… › "


class Breadcrumb(Widget):
    """One line; when the route is too long, the oldest steps give way to an ellipsis."""

    class Jumped(Message):
        """Crumb `position` (0 = the first page) was clicked."""

        def __init__(self, sender: "Breadcrumb", position: int) -> None:
            super().__init__()
            self.sender_widget = sender
            self.position = position

        @property
        def control(self) -> "Breadcrumb":
            """The widget that sent it (so handlers can tell which one)."""
            return self.sender_widget

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._titles: tuple[str, ...] = ()

    def show(self, titles: Sequence[str]) -> None:
        """Show the route's page titles (the last one is the current page)."""
        self._titles = tuple(titles)
        self.refresh()

    def render(self) -> Text:
        titles = self._titles
        first = _first_shown(titles, max(self.size.width, 1))
        text = Text(ELLIPSIS if first else "", no_wrap=True, overflow="ellipsis", end="")
        for position in range(first, len(titles)):
            if position == len(titles) - 1:
                text.append(titles[position], style="bold")
            else:
                text.append(titles[position], style=Style.from_meta({"@click": f"jump({position})"}))
                text.append(SEPARATOR)
        return text

    def action_jump(self, position: int) -> None:
        """Go to crumb `position` (a jump: it pushes onto history)."""
        self.post_message(self.Jumped(self, position))


def _first_shown(titles: Sequence[str], width: int) -> int:
    """The oldest crumb that still fits in `width` with every newer one (and an ellipsis before
    it unless it is the first page). Counted from the newest back: a route of thousands of steps
    costs what is on the line, not thousands of sums."""
    if not titles:
        return 0
    first = len(titles) - 1  # the current page always shows (cut by an ellipsis if need be)
    length = cell_len(titles[first])
    while first > 0:
        longer = length + cell_len(titles[first - 1]) + len(SEPARATOR)
        if longer + (len(ELLIPSIS) if first - 1 > 0 else 0) > width:
            break
        first, length = first - 1, longer
    return first
