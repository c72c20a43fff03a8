"""The consultation tools of the guide screen: questions, notes, handout, map, option grid,
presentation mode and clearing the session. Each opens a layer and acts on what it returns.

The layers are imported when first opened: their widgets (TextArea, Input, OptionList) would
add ~25 ms to every start.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Protocol, runtime_checkable

from textual.screen import Screen

from hfs_guide.core.export import Handout, build_handout
from hfs_guide.core.model import Graph
from hfs_guide.core.overview import map_tree, option_grid
from hfs_guide.core.session import Session
from hfs_guide.tui.handout import MIME_TYPES, handout_text
from hfs_guide.tui.keys import PRESENTATION_KEYS
from hfs_guide.tui.screens.confirm import ConfirmScreen
from hfs_guide.tui.widgets.body import NodeBody
from hfs_guide.tui.widgets.choices import ChoiceList
from hfs_guide.tui.widgets.keybar import KeyBar

HANDOUT_DELIVERY = "hfs-guide-handout"  # names our deliveries to the browser
PRESENTING = "-presenting"


@runtime_checkable
class HoldsWork(Protocol):
    """A layer holding notes or ticks until it closes (Escape hands them back). When it is
    closed another way (urgent help, the palette, quitting), `keep` hands them over first."""

    def keep(self, guide: ConsultTools) -> None: ...


class ConsultTools(Screen[None]):
    """Actions for the consultation; the guide screen supplies the session and the page."""

    graph: Graph
    session: Session
    export_dir: Path

    def jump(self, node_id: str) -> None:
        """Go to a page (the guide screen pushes it onto history)."""
        raise NotImplementedError

    def redraw(self) -> None:
        """Draw the current page again (its ticks changed), keeping its scroll position."""
        raise NotImplementedError

    def restart(self) -> None:
        """Show the first page of a cleared session."""
        raise NotImplementedError

    def has_something_to_clear(self) -> bool:
        """Whether clearing would forget anything: a path, ticks or notes."""
        return self.session.has_something_to_clear()

    # -- questions -----------------------------------------------------------------------
    def ticked_here(self, node_id: str | None = None) -> frozenset[int]:
        """Indexes of the ticked questions of the current page (or of page `node_id`)."""
        return self.session.ticked_on(node_id or self.session.current_id)

    def action_questions(self) -> None:
        """Tick or untick this page's questions to ask, for the handout."""
        from hfs_guide.tui.screens.questions import QuestionsScreen

        node_id, ticked = self.session.current_id, self.ticked_here()
        dialog = QuestionsScreen(node_id, self.session.current.questions, ticked, len(self.session.ticked) - len(ticked))
        self.app.push_screen(dialog, lambda chosen: self.keep_ticks(node_id, chosen))

    def keep_ticks(self, node_id: str, ticked: frozenset[int] | None) -> None:
        """Make the ticks of page `node_id` these (the question panel hands them back)."""
        if ticked is None or ticked == self.ticked_here(node_id):
            return
        for index in sorted(ticked ^ self.ticked_here(node_id)):
            self.session.toggle_question(node_id, index)
        if node_id == self.session.current_id:
            self.redraw()
        self.refresh_bindings()

    def tick(self, index: int) -> None:
        """Tick or untick question `index` of this page (a click on it)."""
        if 0 <= index < len(self.session.current.questions):
            self.session.toggle_question(self.session.current_id, index)
            self.redraw()

    # -- notes and the handout -------------------------------------------------------------
    def action_notes(self) -> None:
        """Write notes for this session (kept in memory; they go into the handout)."""
        from hfs_guide.tui.screens.notes import NotesScreen

        self.app.push_screen(NotesScreen(self.session.notes), self.keep_notes)

    def keep_notes(self, text: str | None) -> None:
        """Keep the notes typed (the notes layer hands them back as it closes)."""
        if text is not None:
            self.session.set_notes(text)
            self.refresh_bindings()

    def action_export(self) -> None:
        """Save a handout of this session: the path, the ticked questions and the notes."""
        from hfs_guide.tui.screens.export import ExportScreen

        handout = build_handout(self.session)
        dialog = ExportScreen(handout, self.export_dir, web=self.app.is_web)
        self.app.push_screen(dialog, lambda path: self._exported(handout, path))

    def _exported(self, handout: Handout, path: Path | None) -> None:
        if path is None:
            return
        if not self.app.is_web:
            self.session.mark_exported()
            self.notify(f"Saved {path}", title="Handout saved", markup=False, timeout=10)
            return
        # In a browser the file goes to the person at the browser, not to the server's disk.
        text = io.StringIO(handout_text(handout, path.suffix))
        mime = MIME_TYPES.get(path.suffix.lower(), "text/plain")
        self.app.deliver_text(text, save_filename=path.name, mime_type=mime, name=HANDOUT_DELIVERY)
        self.notify(f"Your browser will download {path.name}.", title="Handout", markup=False)

    def delivered(self, ok: bool) -> None:
        """The browser received the handout (or did not)."""
        if ok:
            self.session.mark_exported()
            self.notify("The handout was downloaded.", title="Handout")
        else:
            self.notify("The handout could not be downloaded. Please try again.", title="Handout", severity="error")

    # -- overviews -------------------------------------------------------------------------
    def action_map(self) -> None:
        """Show the whole guide as a map; choosing a page goes there."""
        from hfs_guide.tui.screens.map import MapScreen

        self.app.push_screen(MapScreen(map_tree(self.graph), self.session.current_id, self.session.visited), self._go)

    def action_options(self) -> None:
        """Compare the options side by side; a number opens one."""
        from hfs_guide.tui.screens.options import OptionGridScreen

        self.app.push_screen(OptionGridScreen(option_grid(self.graph)), self._go)

    def _go(self, node_id: str | None) -> None:
        if node_id is not None:
            self.jump(node_id)

    # -- the room ------------------------------------------------------------------------
    def action_presentation(self) -> None:
        """Presentation mode for a shared screen: more space, less around it (again to leave)."""
        presenting = not self.has_class(PRESENTING)
        self.set_class(presenting, PRESENTING)
        self.query_one(NodeBody).presenting = presenting
        self.query_one(ChoiceList).set_gap(1 if presenting else 0)
        self.query_one(KeyBar).only = PRESENTATION_KEYS if presenting else None
        self.refresh_bindings()

    def action_clear_session(self) -> None:
        """Forget the path, the ticks and the notes at once; ask first if not exported."""
        if not self.session.unsaved:
            self._clear()
            return
        question = "Clear this session? The path, the ticked questions and the notes will be forgotten. They were not exported."
        self.app.push_screen(ConfirmScreen(question, "Yes, clear everything", "No, keep them"),
                             lambda yes: self._clear() if yes else None)

    def _clear(self) -> None:
        self.session.clear()
        self.restart()
        self.notify("The session was cleared: path, ticks and notes are gone.", title="Cleared")
