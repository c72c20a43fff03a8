"""Notes: free text for this session, kept in memory (never written unless exported)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from hfs_guide.core.session import Session

HINT = "Escape closes the notes; they are kept as you type. They go into the handout (e). Nothing is saved unless you export."


class NotesScreen(ModalScreen[None]):
    """A text area over the guide, writing through to the Session as the person types, so the
    notes are kept however the layer closes (Escape, urgent help, quitting).

    Letters type into the notes here, so the one-letter keys of the guide do not work until
    the notes are closed; Ctrl+Q still quits (asking first).
    """

    BINDINGS = [Binding("escape", "close", "Close the notes (they are kept)")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def compose(self) -> ComposeResult:
        with Vertical(classes="layer notes"):
            yield Static(Content("Notes for this session"), classes="layer-title")
            yield TextArea(self._session.notes, id="notes-text", soft_wrap=True, tab_behavior="focus",
                           show_line_numbers=False)
            yield Static(Content(HINT), classes="layer-hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        area.focus()

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        self._session.set_notes(event.text_area.text)

    @property
    def text(self) -> str:
        """The notes as typed so far."""
        return self.query_one(TextArea).text

    def action_close(self) -> None:
        """Close the notes (already kept)."""
        self.dismiss(None)
