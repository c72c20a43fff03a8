"""A scrolling text made of many small Rich renderables, drawn a few at a time.

A Static holding one big renderable draws all of it at once, twice (to measure, then to
show): the option grid of a guide with 1,500 options took 13 s to open, with keys and
signals waiting. Here the blocks that fill the screen are drawn at once; the rest follow in
slices of SLICE seconds, with the event loop free between slices, and the scrollable length
grows as they come. A new width starts again from the first block.
"""

from __future__ import annotations

import asyncio
import time
from typing import Callable, Iterable, Iterator

from rich.console import RenderableType
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

SLICE = 0.02  # seconds of drawing between two turns of the event loop


class BlockLines(ScrollView, can_focus=True):
    """Shows `blocks(width)` one under the other; arrows and Page keys scroll."""

    def __init__(self, blocks: Callable[[int], Iterable[RenderableType]], *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._blocks = blocks
        self._pending: Iterator[RenderableType] = iter(())
        self._lines: list[Strip] = []
        self._width = 0
        self._done = False
        self._to_end = False  # End was pressed while blocks were still coming: stay at the end

    @property
    def complete(self) -> bool:
        """Every block is drawn (at the current width)."""
        return self._done

    @property
    def lines(self) -> list[str]:
        """The lines drawn so far, as plain text (for tests and checks)."""
        return [strip.text.rstrip() for strip in self._lines]

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if width > 0 and width != self._width:
            self._start(width)

    def _start(self, width: int) -> None:
        self._width = width
        self._lines = []
        self._pending = iter(self._blocks(width))
        # What fills the screen now (and a screen more, for Page Down); the rest in slices.
        self._draw(until_lines=round(self.scroll_y) + 2 * max(self.size.height, 1))
        self.run_worker(self._fill(), name="fill", exclusive=True, group="fill")  # replaces one at another width

    def _draw(self, until_lines: int = 0, until_time: float = 0.0) -> bool:
        """Draw blocks until there are `until_lines` lines or the clock passes `until_time`;
        False once every block is drawn."""
        console = self.app.console
        options = self.app.console_options.update(highlight=False).update_width(self._width)
        self._done = False
        while len(self._lines) < until_lines or time.monotonic() < until_time:
            block = next(self._pending, None)
            if block is None:
                self._done = True
                break
            self._lines.extend(Strip(line) for line in console.render_lines(block, options, pad=False))
        at_end = self.scroll_y >= self.max_scroll_y
        self.virtual_size = Size(self._width, len(self._lines))
        if self._to_end and at_end:
            self.scroll_end(animate=False, immediate=True)
        self._to_end = self._to_end and at_end and not self._done  # scrolled away, or all there
        self.refresh()
        return not self._done

    def action_scroll_end(self) -> None:
        """Go to the end, and stay there while the rest is drawn."""
        self._to_end = not self._done
        self.scroll_end(animate=False, immediate=True)  # an animation would leave the end behind

    async def _fill(self) -> None:
        while self._draw(until_time=time.monotonic() + SLICE):
            await asyncio.sleep(0)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self.rich_style
        index = round(self.scroll_y) + y
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, style)
        return self._lines[index].crop_extend(0, width, style).apply_style(style)
