"""The content panel: a node's page drawn through Textual's line API.

The page is rendered once per width into Strips (see document.NodePage) and only the visible
lines are drawn. The widget sets its own virtual size before layout, so a step costs one
layout pass, not two (a Static in a scroll container resizes twice).
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from hfs_guide.tui.document import Link, NodePage

MAX_TEXT_WIDTH = 100  # long lines are hard to read: wider windows get margins instead
PRESENTING_TEXT_WIDTH = 72  # presentation mode: a narrower column, read from further away


class NodeBody(ScrollView, can_focus=True):
    """Scrolls with the mouse wheel, Page Up/Down and Home/End; Tab reaches it for the arrows."""

    class QuestionClicked(Message):
        """Question `index` of the page was clicked (to tick or untick it)."""

        def __init__(self, sender: "NodeBody", index: int) -> None:
            super().__init__()
            self.sender_widget = sender
            self.index = index

        @property
        def control(self) -> "NodeBody":
            """The widget that sent it (so handlers can tell which one)."""
            return self.sender_widget

    class LinkClicked(Message):
        """A link in the page was clicked."""

        def __init__(self, sender: "NodeBody", link: Link) -> None:
            super().__init__()
            self.sender_widget = sender
            self.link = link

        @property
        def control(self) -> "NodeBody":
            """The widget that sent it (so handlers can tell which one)."""
            return self.sender_widget

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._page: NodePage | None = None
        self._lines: list[Strip] = []
        self._margin = 0
        self._max_width = MAX_TEXT_WIDTH

    @property
    def presenting(self) -> bool:
        """Presentation mode: a narrower text column."""
        return self._max_width == PRESENTING_TEXT_WIDTH

    @presenting.setter
    def presenting(self, presenting: bool) -> None:
        self._max_width = PRESENTING_TEXT_WIDTH if presenting else MAX_TEXT_WIDTH
        self._lay_out(self._text_area_width())
        self.refresh()

    def show(self, page: NodePage, scroll_y: float = 0) -> None:
        """Show `page`, scrolled to `scroll_y`."""
        self._page = page
        self._lay_out(self._text_area_width())
        self.scroll_to(y=scroll_y, animate=False, immediate=True)
        self.refresh()

    def _text_area_width(self) -> int:
        """The width lines are drawn at; before the first layout, worked out from the screen
        (the body is as wide as the screen) so that layout need not run twice at startup."""
        width = self.scrollable_content_region.width
        if width <= 0:
            width = self.app.size.width - self.styles.gutter.width - self.styles.scrollbar_size_vertical
        return width

    def _lay_out(self, width: int) -> None:
        if self._page is None or width <= 0:
            self._lines = []
        else:
            text_width = min(width, self._max_width)
            self._margin = (width - text_width) // 2
            options = self.app.console_options.update(highlight=False)
            self._lines = self._page.strips(self.app.console, options, text_width)
        self.virtual_size = Size(width, len(self._lines))

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if width != self.virtual_size.width:  # a new height alone needs no new lines
            scroll_y = self.scroll_y
            self._lay_out(width)
            self.scroll_to(y=scroll_y, animate=False, immediate=True)
            self.refresh()

    def scroll_by_key(self, how: str) -> None:
        """Scroll as Page Up/Down ("page_up", "page_down") or Home/End ("scroll_home", "scroll_end") do."""
        scroll = {"page_up": self.action_page_up, "page_down": self.action_page_down,
                  "scroll_home": self.action_scroll_home, "scroll_end": self.action_scroll_end}
        if how in scroll:
            scroll[how]()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self.rich_style
        index = round(self.scroll_y) + y
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, style)
        line = self._lines[index]
        if self._margin:
            line = Strip([Segment(" " * self._margin), *line], self._margin + line.cell_length)
        return line.crop_extend(0, width, style).apply_style(style)

    @property
    def lines(self) -> list[str]:
        """The page as plain text lines at the current width (for tests and checks)."""
        return [strip.text.rstrip() for strip in self._lines]

    def action_follow(self, number: int) -> None:
        """Follow link `number` of the page (clicked in the text)."""
        if self._page is not None and 0 <= number < len(self._page.links):
            self.post_message(self.LinkClicked(self, self._page.links[number]))

    def action_tick(self, index: int) -> None:
        """Tick or untick question `index` of the page (clicked in the text)."""
        self.post_message(self.QuestionClicked(self, index))
