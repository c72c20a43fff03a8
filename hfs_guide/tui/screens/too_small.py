"""Shown instead of everything else while the terminal is too small to read the guide."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from hfs_guide.core.model import Meta

MIN_WIDTH, MIN_HEIGHT = 40, 12


def emergency_text(meta: Meta) -> Content:
    """The urgent contacts from the content, shortest first: a tiny window shows the start."""
    return Content.assemble(
        "Emergency: call ", (meta.emergency, "bold"), ".\n",
        "Questions about your care: ", (meta.clinic, "bold"), ".",
    )


class TooSmallScreen(Screen[None]):
    """A calm request to enlarge the window; the app removes it once the window is big enough.

    Urgent help still answers here (`!` or `u`): the emergency text needs no room to read.
    """

    BINDINGS = [Binding("u,exclamation_mark", "emergency", "Urgent help")]

    def __init__(self, meta: Meta) -> None:
        super().__init__()
        self._meta = meta

    def compose(self) -> ComposeResult:
        yield Static(
            Content(
                "Please make this window a little larger.\n\n"
                f"The guide needs at least {MIN_WIDTH} columns and {MIN_HEIGHT} lines. "
                "It will come back by itself, just where you were.\n\nPress u for urgent help, q to quit."
            ),
            id="too-small-text",
        )

    def action_emergency(self) -> None:
        """Show the emergency and clinic contacts in place of the notice."""
        self.query_one("#too-small-text", Static).update(emergency_text(self._meta))

    def on_screen_resume(self) -> None:
        # Back on top after a dialog that was opened over this notice (quit's question, say):
        # if the window grew meanwhile, step aside at once.
        if not too_small(self.app.size.width, self.app.size.height):
            self.app.pop_screen()


def too_small(width: int, height: int) -> bool:
    """Whether a terminal of this size is below the usable minimum."""
    return width < MIN_WIDTH or height < MIN_HEIGHT
