"""A list of one-line rows of any length, drawn on demand: the map of a 25,000-node guide opens
as fast as the map of a 40-node one.

OptionList measures and keeps every option when it is filled (about 80 us each, and all of
its text); here a row is built only when it is on screen, by the `row` function given. Keys
as in OptionList: Up/Down (k/j), Page Up/Down, Home/End, Enter; a click opens a row.
"""

from __future__ import annotations

from typing import Callable

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowList(ScrollView, can_focus=True):
    """`count` rows; `row(i)` gives row i's text (asked only for rows on screen)."""

    COMPONENT_CLASSES = {"row-list--highlight", "row-list--hover"}
    DEFAULT_CSS = """
    RowList {
        color: $foreground;
        background: $surface;
        &:focus {
            background-tint: $foreground 5%;
            & > .row-list--highlight {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .row-list--highlight {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        & > .row-list--hover {
            background: $block-hover-background;
        }
    }
    """
    BINDINGS = [
        Binding("up,k", "move(-1)", "Previous", show=False),
        Binding("down,j", "move(1)", "Next", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "move_to(0)", "First", show=False),
        Binding("end", "move_to(-1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    class Selected(Message):
        """Row `index` was opened (Enter or a click)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, count: int, row: Callable[[int], Content], *, highlighted: int = 0, id: str | None = None) -> None:
        super().__init__(id=id)
        self._count = count
        self._row = row
        self._highlighted = max(0, min(highlighted, count - 1)) if count else None
        self._hover: int | None = None
        self.virtual_size = Size(0, count)

    @property
    def highlighted(self) -> int | None:
        """The highlighted row, or None when there are no rows."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int) -> None:
        if self._count:
            self._highlighted = max(0, min(index, self._count - 1))
            self.scroll_to_region(Region(0, self._highlighted, 1, 1), animate=False, immediate=True)
            self.refresh()

    def on_mount(self) -> None:
        if self._highlighted is not None:
            self.call_after_refresh(self._centre_highlight)

    def _centre_highlight(self) -> None:
        if self._highlighted is not None:
            self.scroll_to_region(Region(0, self._highlighted, 1, 1), animate=False, immediate=True, center=True)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = round(self.scroll_y) + y
        if not 0 <= index < self._count:
            return Strip.blank(width, base)
        if index == self._highlighted:
            base += self.get_component_rich_style("row-list--highlight")
        elif index == self._hover:
            base += self.get_component_rich_style("row-list--hover")
        content = self._row(index)
        strip = Strip(content.render_segments(), content.cell_length)
        return strip.crop_extend(0, width, base).apply_style(base)

    def action_move(self, step: int) -> None:
        """Highlight the previous (-1) or next (+1) row."""
        if self._highlighted is not None:
            self.highlighted = self._highlighted + step

    def action_page(self, direction: int) -> None:
        """Move the highlight a screen up (-1) or down (+1)."""
        if self._highlighted is not None:
            self.highlighted = self._highlighted + direction * max(1, self.scrollable_content_region.height - 1)

    def action_move_to(self, index: int) -> None:
        """Highlight row `index` (-1: the last one)."""
        self.highlighted = index if index >= 0 else self._count - 1

    def action_select(self) -> None:
        """Open the highlighted row."""
        if self._highlighted is not None:
            self.post_message(self.Selected(self._highlighted))

    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        index = offset.y + round(self.scroll_y)
        return index if 0 <= index < self._count else None

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
        """Highlight and open the row under the pointer."""
        row = self._row_at(event)
        if row is not None:
            self.highlighted = row
            self.action_select()
