"""Export: ask where to save the handout, never replace a file unasked, explain failures."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from hfs_guide.core.handout import Handout
from hfs_guide.core.safe_write import TargetExistsError, write_private
from hfs_guide.tui.handout import (
    NameProblem, check_place, default_name, download_name, free_in, handout_text, target_path, write_problem,
)
from hfs_guide.tui.keys import GLOBAL_BINDINGS
from hfs_guide.tui.screens.confirm import ConfirmScreen

HINT = "End the name in .html for a page to print or open in a browser, or .md for plain text."
WEB_HINT = "Only a file name: your browser decides where it goes. " + HINT


class ShapeCheckbox(Checkbox):
    """A checkbox whose state is a shape as well as a colour: ▐X▌ ticked, ▐ ▌ not (Textual
    draws an X in both states and changes only its colour)."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's class attribute, read per draw
        return "X" if self.value else " "


class ExportScreen(ModalScreen["tuple[Path, Handout] | None"]):
    """Dismisses (the path saved, or in a browser the name to download as; the handout), or
    None if cancelled. `make(with_options)` builds the handout when the person saves.

    In a terminal it writes the file itself: the dialog stays open, with a message, until a
    save works or the user cancels, so a problem never loses what was typed. In a browser
    (`web`) it asks only a file name and never looks at the server's disk.
    """

    BINDINGS = [*GLOBAL_BINDINGS, Binding("escape", "cancel", "Cancel")]

    def __init__(self, make: Callable[[bool], Handout], folder: Path, *, web: bool = False, has_options: bool = False,
                 ready_unanswered: bool = False) -> None:
        super().__init__()
        self._make, self._folder, self._web = make, folder, web
        self._has_options, self._ready_unanswered = has_options, ready_unanswered
        self._handout = make(False)
        self._writing = False

    def compose(self) -> ComposeResult:
        ticked = len(self._handout.questions)
        what = (f"It lists the pages you read, the questions you ticked ({ticked}), your notes and your answers. "
                + ("Your browser will download it." if self._web else "Only your user account can read the file."))
        if self._ready_unanswered:
            what += " If you like, answer 'Ready to decide?' first (r): it adds what could help next."
        # A new name each time (date, time, a counter): a second patient's handout is never
        # offered the first one's name.
        start = default_name() if self._web else str(self._folder / default_name(taken=free_in(self._folder)))
        with Vertical(id="dialog", classes="export"):
            yield Static(Content("Save a summary of this session"), classes="dialog-title")
            yield Static(Content(what), classes="dialog-text")
            yield Input(start, id="export-path", select_on_focus=False)
            yield Static(Content(WEB_HINT if self._web else HINT), classes="dialog-hint")
            if self._has_options:
                yield ShapeCheckbox("Add the option grid (the options side by side)", id="export-options")
            yield Static(id="export-problem")
            with Horizontal(id="buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        field = self.query_one("#export-path", Input)
        field.cursor_position = len(field.value)
        field.focus()

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def _final_handout(self) -> Handout:
        with_options = self._has_options and self.query_one("#export-options", Checkbox).value
        return self._make(with_options)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#export-path")
    def _submit(self) -> None:
        if self._writing:
            return
        typed = self.query_one("#export-path", Input).value
        if self._web:
            try:
                self.dismiss((download_name(typed), self._final_handout()))
            except NameProblem as problem:
                self._problem(str(problem))
            return
        path = Path(typed)
        try:
            path = target_path(typed, self._folder)
            check_place(path)
            exists = path.exists()
        except NameProblem as problem:
            self._problem(str(problem))
        except OSError as error:  # a name over the system's limit, a folder that may not be searched
            self._problem(write_problem(error, path))
        else:
            if exists:
                self._ask_replace(path)
            else:
                self._write(path, replace=False)

    def _write(self, path: Path, replace: bool) -> None:
        handout = self._final_handout()
        self._writing = True
        self.query_one("#save", Button).disabled = True
        self._write_in_thread(path, handout_text(handout, path.suffix), replace, handout)

    @work(thread=True, exclusive=True, group="export")
    def _write_in_thread(self, path: Path, text: str, replace: bool, handout: Handout) -> None:
        # A slow or stuck share must not freeze the screen: the write (with its fsync) runs
        # off the event loop, and the answer comes back to it.
        try:
            write_private(path, text, replace=replace)
        except TargetExistsError:  # it appeared since we looked
            self.app.call_from_thread(self._written, path, handout, "exists")
        except OSError as error:
            self.app.call_from_thread(self._written, path, handout, write_problem(error, path))
        else:
            self.app.call_from_thread(self._written, path, handout, "")

    def _written(self, path: Path, handout: Handout, problem: str) -> None:
        self._writing = False
        self.query_one("#save", Button).disabled = False
        if problem == "exists":
            self._ask_replace(path)
        elif problem:
            self._problem(problem)
        else:
            self.dismiss((path, handout))

    def _ask_replace(self, path: Path) -> None:
        question = f"{path.name} already exists in {path.parent}. Replace it?"

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(path, replace=True)
            else:
                self._problem(f"Nothing was saved; {path.name} is unchanged. Choose another name.")

        self.app.push_screen(ConfirmScreen(question, "Yes, replace it", "No, keep it"), answered)

    def _problem(self, message: str) -> None:
        problem = self.query_one("#export-problem", Static)
        problem.update(Content(message))
        problem.display = True
        self.query_one("#export-path", Input).focus()
