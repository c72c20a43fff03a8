"""A list of rows of any length, built and wrapped on demand: the map of a 25,000-node guide
opens as fast as the map of a 40-node one.

OptionList measures and keeps every option when it is filled (about 80 us each, and all of
its text); here a row is built only when it is on screen, by the `row` function given, and
wrapped to the width then (continuation lines keep the row's indent). To stay lazy the list
scrolls by rows, not lines: the top of the screen is always the start of a row, so no row
off screen is ever measured. Some rows may be headings (`selectable` says which): the
highlight skips them. Keys as in OptionList: Up/Down (k/j), Page Up/Down, Home/End, Enter;
a click opens a row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from hfs_guide.tui.widgets.pointed import PointedRows

NARROWEST = 8  # below this many cells beside the lead, a row wraps from the left edge instead


@dataclass(frozen=True)
class Row:
    """One row: `lead` (indent and mark) then `text`; wrapped lines of `text` start under it."""

    lead: Content
    text: Content


class RowList(PointedRows, can_focus=True):
    """`count` rows; `row(i)` gives row i (asked only for rows on screen); rows for which
    `selectable(i)` is False (headings) are drawn but never highlighted."""

    COMPONENT_CLASSES = {"row-list--highlight", "row-list--hover"}
    DEFAULT_CSS = """
    RowList {
        color: $foreground;
        background: $surface;
        overflow-y: scroll;  /* always there: a scrollbar that came and went would re-wrap every row */
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

    class Highlighted(Message):
        """The highlight moved to row `index`."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(
        self,
        count: int,
        row: Callable[[int], Row],
        *,
        selectable: Callable[[int], bool] = lambda index: True,
        highlighted: int = 0,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._count = count
        self._row = row
        self._selectable = selectable
        start = max(0, min(highlighted, count - 1))
        self._highlighted = self._snap(start, 1) if count else None
        if count and self._highlighted is None:
            self._highlighted = self._snap(start, -1)
        self._hover: int | None = None
        self._wrapped: dict[int, list[Content]] = {}  # row -> its lines, at `_wrap_width`
        self._wrap_width = 0
        self._window_key: tuple[int, int, int] | None = None
        self._window: list[tuple[int, Content]] = []
        self._centre_on_resize = True
        self.virtual_size = Size(0, count)

    # -- what is where -----------------------------------------------------------------------
    @property
    def highlighted(self) -> int | None:
        """The highlighted row, or None when no row can be highlighted."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int) -> None:
        if not self._count:
            return
        index = max(0, min(index, self._count - 1))
        snapped = self._snap(index, 1)
        if snapped is None:
            snapped = self._snap(index, -1)
        if snapped is None:
            return
        changed = snapped != self._highlighted
        self._highlighted = snapped
        # A heading just above the highlight comes into view with it.
        first = snapped - 1 if snapped and not self._selectable(snapped - 1) else snapped
        self._reveal(first, snapped)
        self.refresh()
        if changed:
            self.post_message(self.Highlighted(snapped))

    @property
    def shown(self) -> range:
        """The rows at least partly on screen."""
        window = self._lines()
        return range(window[0][0], window[-1][0] + 1) if window else range(0)

    def _snap(self, index: int, step: int) -> int | None:
        """The first selectable row from `index` on, in the direction of `step`."""
        while 0 <= index < self._count:
            if self._selectable(index):
                return index
            index += step
        return None

    # -- wrapping, only of rows on screen ------------------------------------------------------
    @property
    def _height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def _lines_of(self, index: int) -> list[Content]:
        """Row `index` wrapped to the width (kept while the width lasts)."""
        width = max(1, self.scrollable_content_region.width)
        if width != self._wrap_width or len(self._wrapped) > 8 * self._height:
            self._wrapped.clear()
            self._wrap_width = width
        lines = self._wrapped.get(index)
        if lines is None:
            row = self._row(index)
            room = width - row.lead.cell_length
            if room < NARROWEST:
                lines = (row.lead + row.text).wrap(width)
            else:
                hang = Content(" " * row.lead.cell_length)
                lines = [(row.lead if n == 0 else hang) + line for n, line in enumerate(row.text.wrap(room))]
            self._wrapped[index] = lines = lines or [Content("")]
        return lines

    @property
    def _top(self) -> int:
        return max(0, min(round(self.scroll_y), self._count - 1))

    def _lines(self) -> list[tuple[int, Content]]:
        """The lines on screen: (row, line), from the row at the top down."""
        key = (self._top, self.scrollable_content_region.width, self._height)
        if key != self._window_key:
            window: list[tuple[int, Content]] = []
            index = self._top
            while len(window) < self._height and index < self._count:
                window.extend((index, line) for line in self._lines_of(index))
                index += 1
            self._window, self._window_key = window[: self._height], key
        return self._window

    def _top_for_bottom(self, last: int, lines: int) -> int:
        """The top row that shows row `last` with at most `lines` lines from the top to its end."""
        top, used = last, len(self._lines_of(last))
        while top > 0 and used + len(self._lines_of(top - 1)) <= lines:
            top -= 1
            used += len(self._lines_of(top))
        return top

    def _scroll_top(self, top: int) -> None:
        self.scroll_to(y=top, animate=False, immediate=True)

    def _reveal(self, first: int, last: int) -> None:
        """Scroll as little as needed to show rows `first` to `last` (`last` wins if both do not fit)."""
        top, height = self._top, self._height

        def fits(start: int) -> bool:  # rows start..last on one screen (each row is a line or more)
            return last - start < height and sum(len(self._lines_of(i)) for i in range(start, last + 1)) <= height

        if first < top:
            self._scroll_top(first if fits(first) else self._top_for_bottom(last, height))
        elif not fits(top):
            self._scroll_top(self._top_for_bottom(last, height))

    def on_resize(self, event: events.Resize) -> None:
        """Fit the scroll range to the rows (the last screen is measured, nothing more)."""
        if not self._count:
            return
        self.virtual_size = Size(0, self._top_for_bottom(self._count - 1, self._height) + self._height)
        if self._centre_on_resize and self._highlighted is not None:
            # On opening, the highlighted row stands in the middle of the screen, with the
            # heading of its group in view when both fit.
            self._centre_on_resize = False
            top = self._top_for_bottom(self._highlighted, max(1, self._height // 2))
            heading = self._heading_at_or_before(self._highlighted)
            if 0 <= heading < top and self._top_for_bottom(self._highlighted, self._height) <= heading:
                top = heading
            self._scroll_top(top)
        elif self._highlighted is not None:
            self._reveal(self._highlighted, self._highlighted)
        self.refresh()

    # -- drawing -------------------------------------------------------------------------------
    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        window = self._lines()
        if not 0 <= y < len(window):
            return Strip.blank(width, base)
        index, line = window[y]
        if index == self._highlighted:
            base += self.get_component_rich_style("row-list--highlight")
        elif index == self._hover and self._selectable(index):
            base += self.get_component_rich_style("row-list--hover")
        strip = Strip(line.render_segments(), line.cell_length)
        return strip.crop_extend(0, width, base).apply_style(base)

    # -- moving --------------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        """Highlight the previous (-1) or next (+1) selectable row."""
        if self._highlighted is not None:
            target = self._snap(self._highlighted + step, step)
            self.highlighted = self._highlighted if target is None else target

    def action_page(self, direction: int) -> None:
        """Move the highlight a screen up (-1) or down (+1)."""
        if self._highlighted is not None:
            step = max(1, len(self.shown) - 1)
            target = max(0, min(self._highlighted + direction * step, self._count - 1))
            found = self._snap(target, direction)
            self.highlighted = found if found is not None else target

    def action_move_to(self, index: int) -> None:
        """Highlight row `index` (-1: the last selectable one)."""
        if self._count:
            last = self._snap(self._count - 1, -1)
            self.highlighted = index if index >= 0 or last is None else last

    def action_group(self, direction: int) -> None:
        """Highlight the first row of the next (+1) or previous (-1) group (the rows after a
        heading), going round from the last group to the first and back."""
        if self._highlighted is None:
            return
        if direction > 0:
            heading = self._highlighted + 1
            while heading < self._count and self._selectable(heading):
                heading += 1
            if heading >= self._count:
                heading = self._heading_at_or_after(0)
        else:
            heading = self._heading_at_or_before(self._heading_at_or_before(self._highlighted) - 1)
            if heading < 0:
                heading = self._heading_at_or_before(self._count - 1)
        target = self._snap(heading + 1, 1)
        if target is not None:
            self.highlighted = target

    def _heading_at_or_before(self, index: int) -> int:
        """The last heading at or before row `index` (-1 if there is none)."""
        while index >= 0 and self._selectable(index):
            index -= 1
        return max(index, -1)

    def _heading_at_or_after(self, index: int) -> int:
        """The first heading at or after row `index` (-1 if there is none)."""
        while index < self._count and self._selectable(index):
            index += 1
        return index if index < self._count else -1

    def action_select(self) -> None:
        """Open the highlighted row."""
        if self._highlighted is not None:
            self.post_message(self.Selected(self._highlighted))

    # -- the pointer ---------------------------------------------------------------------------
    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        window = self._lines()
        if offset is None or not 0 <= offset.y < len(window):
            return None
        return window[offset.y][0]

    def _clicked(self, row: int) -> None:
        """Highlight and open the row under the pointer (a heading does nothing)."""
        if self._selectable(row):
            self.highlighted = row
            self.action_select()
