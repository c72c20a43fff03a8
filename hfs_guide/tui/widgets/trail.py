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

        def __init__(self, position: int) -> None:
            super().__init__()
            self.position = position

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._titles: tuple[str, ...] = ()

    def show(self, titles: Sequence[str]) -> None:
        """Show the route's page titles (the last one is the current page)."""
        self._titles = tuple(titles)
        self.refresh()

    def render(self) -> Text:
        titles = self._titles
        width = max(self.size.width, 1)
        first = 0
        # Drop the oldest crumbs until the rest (with an ellipsis) fits.
        while first < len(titles) - 1 and _length(titles[first:], first > 0) > width:
            first += 1
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
        self.post_message(self.Jumped(position))


def _length(titles: Sequence[str], ellipsis: bool) -> int:
    return sum(cell_len(t) for t in titles) + len(SEPARATOR) * (len(titles) - 1) + (len(ELLIPSIS) if ellipsis else 0)
