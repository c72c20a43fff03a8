"""The node's choices, numbered 1-9, then the pages its text links to.

Drawn through the line API: the rows are laid out when the list is filled (not while it is
drawn, as OptionList does), so a step costs one layout pass instead of two or three.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from hfs_guide.core.model import Choice
from hfs_guide.tui.document import Link
from hfs_guide.tui.widgets.pointed import PointedRows

INDENT = 4  # "1   label": continuation lines line up under the label
BOLD = Style(bold=True)


@dataclass(frozen=True)
class Row:
    """One entry: a choice (number >= 1) or a link (number 0)."""

    prefix: str
    label: str
    number: int = 0
    link: Link | None = None


class ChoiceList(PointedRows, can_focus=True):
    """Up/Down (j/k) and Enter, or a click. Page/Home/End are left to scroll the page text."""

    COMPONENT_CLASSES = {"choice-list--highlight", "choice-list--hover", "choice-list--separator"}
    BINDINGS = [
        Binding("up,k", "move(-1)", "Previous choice", show=False),
        Binding("down,j", "move(1)", "Next choice", show=False),
        Binding("enter", "select", "Open the highlighted choice", show=False),
    ]

    class Chosen(Message):
        """Choice `number` (1-based, as shown) was picked."""

        def __init__(self, sender: "ChoiceList", number: int) -> None:
            super().__init__()
            self.sender_widget = sender
            self.number = number

        @property
        def control(self) -> "ChoiceList":
            """The widget that sent it (so handlers can tell which one)."""
            return self.sender_widget

    class LinkPicked(Message):
        """A link from the page text was picked from the list."""

        def __init__(self, sender: "ChoiceList", link: Link) -> None:
            super().__init__()
            self.sender_widget = sender
            self.link = link

        @property
        def control(self) -> "ChoiceList":
            """The widget that sent it (so handlers can tell which one)."""
            return self.sender_widget

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[Row] = []
        self._separator = -1  # index of the first link row (a rule is drawn above it)
        self._spans: list[tuple[int, int]] = []  # first line and line count of each row
        self._lines: list[tuple[int, Strip]] = []  # (row index; -1 a rule, -2 a gap)
        self.highlighted: int | None = None
        self._hover: int | None = None
        self._gap = 0  # blank lines between rows (presentation mode: 1)

    def set_gap(self, lines: int) -> None:
        """Blank lines between rows (presentation mode: 1)."""
        self._gap = lines
        self._lay_out(self._content_width())
        self._scroll_to_highlight()
        self.refresh()

    @property
    def option_count(self) -> int:
        """How many rows (choices and links) the list holds."""
        return len(self._rows)

    @property
    def lines(self) -> list[str]:
        """The list as plain text lines at the current width (for tests and checks)."""
        return [strip.text.rstrip() for _, strip in self._lines]

    def show(self, choices: Sequence[Choice], links: Sequence[Link], highlighted: int | None = 0) -> None:
        """Replace the rows and highlight one; content text stays literal (rich Text)."""
        self._rows = [Row(f"{n}", c.label, number=n) for n, c in enumerate(choices, start=1)]
        self._separator = len(self._rows) if choices and links else -1
        for link in links:
            if link.node_id is not None:
                self._rows.append(Row("→", link.text, link=link))
            else:
                self._rows.append(Row("↗", f"{link.text} (show the web address)", link=link))
        count = len(self._rows)
        self.highlighted = None if not count else min(highlighted or 0, count - 1)
        self._hover = None
        self.display = count > 0
        self._lay_out(self._content_width())
        self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_to_highlight()
        self.refresh()

    def _content_width(self) -> int:
        """The width rows are drawn at; before the first layout, worked out from the screen
        so that layout need not run twice at startup."""
        width = self.scrollable_content_region.width
        if width <= 0:
            styles = self.styles
            outer = self.app.size.width - styles.margin.width
            if styles.max_width is not None and styles.max_width.is_cells:
                outer = min(outer, int(styles.max_width.value))
            width = outer - styles.gutter.width
        return width

    def _lay_out(self, width: int) -> None:
        self._lines, self._spans = [], []
        if width <= 0:  # not laid out yet: guess one line a row; on_resize lays out for real
            self.virtual_size = Size(0, len(self._rows) * (1 + self._gap) + (self._separator >= 0))
            return
        console = self.app.console
        options = self.app.console_options.update(highlight=False).update_width(max(width - INDENT, 1))
        for index, row in enumerate(self._rows):
            if index == self._separator:
                self._lines.append((-1, Strip([Segment("─" * width)])))
            elif index and self._gap:
                self._lines.extend((-2, Strip([])) for _ in range(self._gap))
            first = len(self._lines)
            for n, line in enumerate(console.render_lines(Text(row.label, end=""), options, pad=False)):
                lead = Segment(f"{row.prefix:<{INDENT}}" if n == 0 else " " * INDENT, BOLD)
                self._lines.append((index, Strip([lead, *line])))
            self._spans.append((first, len(self._lines) - first))
        self.virtual_size = Size(width, len(self._lines))

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self.virtual_size.width:
            self._lay_out(self.scrollable_content_region.width)
            self._scroll_to_highlight()
            self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = round(self.scroll_y) + y
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, base)
        row, strip = self._lines[index]
        if row == -1:
            base += self.get_component_rich_style("choice-list--separator")
        elif row == self.highlighted:
            base += self.get_component_rich_style("choice-list--highlight")
        elif row == self._hover:
            base += self.get_component_rich_style("choice-list--hover")
        return strip.crop_extend(0, width, base).apply_style(base)

    def _scroll_to_highlight(self) -> None:
        if self.highlighted is not None and self.highlighted < len(self._spans):
            first, count = self._spans[self.highlighted]
            self.scroll_to_region(Region(0, first, 1, count), animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        """Highlight the previous (-1) or next (+1) row."""
        if self._rows:
            current = self.highlighted if self.highlighted is not None else -step
            self.highlighted = max(0, min(len(self._rows) - 1, current + step))
            self._scroll_to_highlight()
            self.refresh()

    def action_select(self) -> None:
        """Open the highlighted row."""
        if self.highlighted is not None and self.highlighted < len(self._rows):
            row = self._rows[self.highlighted]
            self.post_message(self.Chosen(self, row.number) if row.link is None else self.LinkPicked(self, row.link))

    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        line = offset.y + round(self.scroll_y)
        return self._lines[line][0] if 0 <= line < len(self._lines) and self._lines[line][0] >= 0 else None

    def _clicked(self, row: int) -> None:
        """Highlight and open the row under the pointer."""
        self.highlighted = row
        self.refresh()
        self.action_select()
