"""A yes/no question over the current screen."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from hfs_guide.tui.keys import GLOBAL_BINDINGS


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses True for yes; False for no, Escape or n.

    When yes destroys or replaces something (`destroys`, the default), the dialog opens with
    the No button focused: Enter alone keeps the notes, the session or the file. A question
    whose yes loses nothing (going home: Back returns) may focus yes instead.
    """

    BINDINGS = [
        *GLOBAL_BINDINGS,
        Binding("escape,n", "answer(False)", "No", show=False),
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("left,right", "app.focus_next", "Move between the buttons", show=False),
    ]

    def __init__(self, question: str, yes: str, no: str, *, destroys: bool = True) -> None:
        super().__init__()
        self._question, self._yes, self._no = question, yes, no
        self._destroys = destroys

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self._question), id="question")
            with Horizontal(id="buttons"):
                yield Button(Content(self._yes), id="yes", variant="error" if self._destroys else "primary")
                yield Button(Content(self._no), id="no", variant="primary" if self._destroys else "default")

    def on_mount(self) -> None:
        self.query_one("#no" if self._destroys else "#yes", Button).focus()

    def action_answer(self, yes: bool) -> None:
        """Close the dialog with the answer."""
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
