"""Notes: free text for this session, kept in memory (never written unless exported)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

if TYPE_CHECKING:
    from hfs_guide.tui.screens.tools import ConsultTools

HINT = "Escape closes the notes and keeps them. They go into the handout (e). Nothing is saved unless you export."


class NotesScreen(ModalScreen[str]):
    """A text area over the guide; Escape dismisses the text (kept, not discarded).

    Letters type into the notes here, so the one-letter keys of the guide do not work until
    the notes are closed; Ctrl+Q still quits (asking first).
    """

    BINDINGS = [Binding("escape", "close", "Close the notes (they are kept)")]

    def __init__(self, notes: str) -> None:
        super().__init__()
        self._notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(classes="layer notes"):
            yield Static(Content("Notes for this session"), classes="layer-title")
            yield TextArea(self._notes, id="notes-text", soft_wrap=True, tab_behavior="focus", show_line_numbers=False)
            yield Static(Content(HINT), classes="layer-hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        area.focus()

    @property
    def text(self) -> str:
        """The notes as typed so far."""
        return self.query_one(TextArea).text

    def keep(self, guide: ConsultTools) -> None:
        """Hand the notes to the guide now (the layer is being closed another way)."""
        guide.keep_notes(self.text)

    def action_close(self) -> None:
        """Close the notes, keeping the text."""
        self.dismiss(self.text)
