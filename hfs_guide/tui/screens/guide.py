"""The main screen: where the patient is, what the page says, where they can go next, and
the consultation tools (questions, notes, handout, map, option grid, decision support,
presentation, clearing). Layers are imported when first opened: their widgets (TextArea,
Input, OptionList) would add ~25 ms to every start."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

from rich.theme import Theme as RichTheme
from textual import events, on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header

from hfs_guide.core.handout import Handout, build_handout
from hfs_guide.core.handout_render import MIME_TYPES, render
from hfs_guide.core.model import Graph, Kind, Node
from hfs_guide.core.overview import option_grid
from hfs_guide.core.page import Offered, page
from hfs_guide.core.parts import outline
from hfs_guide.core.session import Session
from hfs_guide.tui.document import PageBook
from hfs_guide.tui.history import ViewMemory, ViewState
from hfs_guide.tui.keys import GUIDE_BINDINGS, PRESENTATION_KEYS
from hfs_guide.tui.screens.confirm import ConfirmScreen
from hfs_guide.tui.search import NodeSearch
from hfs_guide.tui.search_index import SearchEntry, build_index
from hfs_guide.tui.themes import page_theme
from hfs_guide.tui.widgets.body import NodeBody
from hfs_guide.tui.widgets.choices import ChoiceList
from hfs_guide.tui.widgets.keybar import KeyBar
from hfs_guide.tui.widgets.trail import Breadcrumb

HANDOUT_DELIVERY = "hfs-guide-handout"  # names our deliveries to the browser
PRESENTING = "-presenting"


class GuideScreen(Screen[None]):
    """Shows the injected Session's page; every move goes through `_step`, which remembers how
    pages looked. Layers (questions, notes, decision support) write through to the Session;
    the page is drawn again when the screen resumes."""

    BINDINGS = GUIDE_BINDINGS
    COMMANDS = {NodeSearch}

    def __init__(self, graph: Graph, session: Session, export_dir: Path) -> None:
        super().__init__()
        self.graph = graph
        self.session = session
        self.export_dir = export_dir
        self._has_options = bool(graph.options())
        self._search_index: tuple[SearchEntry, ...] | None = None
        self._memory = ViewMemory()
        self._pages = PageBook(graph)
        self._keys_shown = self._keys_state()  # the first page's keys: no refresh needed

    @property
    def search_index(self) -> tuple[SearchEntry, ...]:
        """Every page, ready to search; built on the first search, not at startup."""
        if self._search_index is None:
            self._search_index = build_index(self.graph)
        return self._search_index

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        yield Breadcrumb(id="trail")
        yield NodeBody(id="body")
        yield ChoiceList(id="choices")
        yield KeyBar(id="keys")

    def on_resize(self, event: events.Resize) -> None:
        # Centre the list under the text column. A centring container would cost a second
        # layout pass on every step (its height changes); a margin set on resize costs none.
        choices = self.query_one(ChoiceList)
        spare = event.size.width - (choices.styles.max_width.value if choices.styles.max_width else 0)
        margin = (0, 1, 0, max(1, int(spare) // 2))
        if choices.styles.margin != margin:  # setting a style, even to its value, lays out again
            choices.styles.margin = margin

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self._show(None)

    def on_screen_resume(self) -> None:
        # A layer may have ticked questions or answered situation questions: draw the page
        # as the Session now says (the page cache makes an unchanged page free).
        if self.is_mounted and self.query(NodeBody):
            self.redraw()

    # -- moves -----------------------------------------------------------------------
    def action_choose(self, number: int) -> None:
        """Follow choice `number` of this page."""
        if 1 <= number <= len(self.session.current.choices):
            self._step(lambda: self.session.choose(number))

    def action_back(self) -> None:
        """Go back one step, to the page as it was left."""
        self._step(self.session.back, restore=True)

    def action_forward(self) -> None:
        """Go forward again after going back."""
        self._step(self.session.forward, restore=True)

    def action_close(self) -> None:
        """Escape: close the Keys panel (Ctrl+P, "Keys") if it is open; otherwise go back."""
        if self.query("HelpPanel"):
            self.app.action_hide_help_panel()
        else:
            self.action_back()

    def action_home(self) -> None:
        """Go to the first page; ask first when that would leave a long path."""
        if not self.session.home_discards_path:
            self._step(self.session.home)
            return
        question = "Go back to the first page? You can come back here with Back (b)."
        dialog = ConfirmScreen(question, "Yes, go to the first page", "No, stay here", destroys=False)
        self.app.push_screen(dialog, lambda yes: self._step(self.session.home) if yes else None)

    def action_scroll_page(self, how: str) -> None:
        """Scroll the page text (Page Up/Down, Home/End) wherever the focus is."""
        self.query_one(NodeBody).scroll_by_key(how)

    def show_urgent(self) -> None:
        """Open the urgent-care page (from anywhere: the app calls this)."""
        self._step(self.session.urgent)

    def jump(self, node_id: str) -> None:
        """Go to a page found by search, a link or the breadcrumb (pushes onto history)."""
        self._step(lambda: self.session.go(node_id))

    def show_term(self, term_id: str) -> None:
        """Show the glossary with a term found by search at the top."""
        from hfs_guide.tui.screens.glossary import GlossaryScreen

        self.app.push_screen(GlossaryScreen(self.graph.glossary, self.session.current.glossary, found=term_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide keys that cannot do anything here, such as back on the first step."""
        session = self.session
        if action == "back":
            return session.can_back
        if action == "forward":
            return session.can_forward
        if action == "home":
            return not session.at_start
        if action == "choose":
            return isinstance(parameters[0], int) and parameters[0] <= len(session.current.choices)
        if action == "questions":
            return True  # on a page without questions, t says so rather than nothing
        if action == "options":
            return self._has_options
        if action == "clear_session":
            return session.has_something_to_clear()
        if action in ("situation", "values", "ready"):
            return getattr(self.graph.decision, action) is not None
        return True

    # -- showing -----------------------------------------------------------------------
    def _step(self, move: Callable[[], Node], restore: bool = False) -> None:
        before = self.session.index
        self._memory.save(before, self._view_state())
        move()
        after = self.session.index
        if after == before:
            return
        if not restore:
            self._memory.forget_from(after)
        self._show(self._memory.recall(after, self.session.current_id) if restore else None)

    def _view_state(self) -> ViewState:
        return ViewState(self.session.current_id, self.query_one(NodeBody).scroll_y, self.query_one(ChoiceList).highlighted)

    def _show(self, state: ViewState | None) -> None:
        node = self.session.current
        content = page(self.graph, self.session)
        drawn = self._pages.page(content, self._page_theme)
        self.query_one(NodeBody).show(drawn, state.scroll_y if state else 0)
        choices = self.query_one(ChoiceList)
        # The list offers the body's links too (keyboard users cannot click them): the core
        # decides which (core/page.py, Offered).
        offered = content.first(Offered)
        choices.show(node.choices, list(offered.links) if isinstance(offered, Offered) else [],
                     state.highlighted if state else 0)
        self.query_one(Breadcrumb).show([step.title for step in self.session.breadcrumb()])
        self.set_class(node.kind is Kind.URGENT, "-urgent")
        (choices if choices.display else self.query_one(NodeBody)).focus()
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        # Each refresh repaints the key bar; do it only when a key appears or disappears.
        shown = self._keys_state()
        if shown != self._keys_shown:
            self._keys_shown = shown
            self.refresh_bindings()

    def _keys_state(self) -> tuple[bool, ...]:
        session = self.session
        return (session.can_back, session.can_forward, session.at_start, bool(session.current.choices),
                bool(session.current.questions), session.has_something_to_clear())

    def redraw(self) -> None:
        """Draw the current page again (ticks or answers changed), as it is scrolled now."""
        self._show(self._view_state())
        self.refresh_bindings()

    def restart(self) -> None:
        """Show the first page of a cleared session, with no memory of the old one."""
        self._memory = ViewMemory()
        self._show(None)

    def _page_theme(self) -> RichTheme:
        return page_theme(self.app.get_css_variables(), self.app.current_theme.dark)

    def _theme_changed(self) -> None:
        self._pages.forget_theme()
        self._show(self._view_state())

    # -- messages from the widgets -------------------------------------------------------
    @on(ChoiceList.Chosen)
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        self.action_choose(event.number)

    @on(ChoiceList.LinkPicked)
    @on(NodeBody.LinkClicked)
    def _link(self, event: ChoiceList.LinkPicked | NodeBody.LinkClicked) -> None:
        link = event.link
        if link.node_id is None:
            # The guide makes no network calls and opens nothing: it shows the address.
            self.notify(f"This guide does not open web pages. The address is: {link.href}",
                        title="Web address", timeout=15, markup=False)
        elif link.node_id in self.graph.nodes:
            self.jump(link.node_id)

    @on(NodeBody.QuestionClicked)
    def _question(self, event: NodeBody.QuestionClicked) -> None:
        self.tick(event.index)

    @on(Breadcrumb.Jumped)
    def _crumb(self, event: Breadcrumb.Jumped) -> None:
        route = self.session.route()
        if 0 <= event.position < len(route):
            self.jump(route[event.position])

    # -- questions to ask ------------------------------------------------------------------
    def action_questions(self) -> None:
        """Tick or untick this page's questions to ask, for the handout."""
        if not self.session.current.questions:
            self.notify("This page has no questions to tick. Pages with questions list them at the end.",
                        title="Questions", markup=False)
            return
        from hfs_guide.tui.screens.questions import QuestionsScreen

        self.app.push_screen(QuestionsScreen(self.session, self.session.current_id))

    def tick(self, index: int) -> None:
        """Tick or untick question `index` of this page (a click on it)."""
        if 0 <= index < len(self.session.current.questions):
            self.session.toggle_question(self.session.current_id, index)
            self.redraw()

    # -- notes and the handout -------------------------------------------------------------
    def action_notes(self) -> None:
        """Write notes for this session (kept in memory as typed; they go into the handout)."""
        from hfs_guide.tui.screens.notes import NotesScreen

        self.app.push_screen(NotesScreen(self.session))

    def action_export(self) -> None:
        """Save a handout: pages read, ticked questions, notes and answers."""
        from hfs_guide.tui.screens.export import ExportScreen

        def make(with_options: bool) -> Handout:
            return build_handout(self.session, with_options=with_options)

        dialog = ExportScreen(make, self.export_dir, web=self.app.is_web, has_options=self._has_options,
                              ready_unanswered=self._ready_unanswered())
        self.app.push_screen(dialog, self._exported)

    def _ready_unanswered(self) -> bool:
        ready = self.graph.decision.ready
        return ready is not None and not self.session.ready

    def _exported(self, saved: tuple[Path, Handout] | None) -> None:
        if saved is None:
            return
        path, handout = saved
        if not self.app.is_web:
            self.session.mark_exported()
            self.notify(f"Saved {path}", title="Handout saved", markup=False, timeout=10)
            return
        # In a browser the file goes to the person at the browser, not to the server's disk.
        text = io.StringIO(render(handout, path.suffix))
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

        screen = MapScreen(self.graph.nodes, outline(self.graph), self.session.current_id, self.session.visited)
        self.app.push_screen(screen, self._go)

    def action_options(self) -> None:
        """Compare the options side by side; a number opens one."""
        from hfs_guide.core.decision import grid_marks
        from hfs_guide.tui.screens.options import OptionGridScreen

        values = self.graph.decision.values
        marks = grid_marks(values, self.session.ratings) if values is not None else {}
        self.app.push_screen(OptionGridScreen(option_grid(self.graph), marks), self._go)

    def _go(self, node_id: str | None) -> None:
        if node_id is not None:
            self.jump(node_id)

    # -- decision support ------------------------------------------------------------------
    def action_situation(self) -> None:
        """A few questions about the person's situation; they can open the part that fits."""
        from hfs_guide.tui.screens.decide import situation_form

        form = situation_form(self.graph, self.session)
        if form is not None:
            self.app.push_screen(form, self._go)

    def action_values(self) -> None:
        """Rate what matters; the option grid marks the facts that touch it."""
        from hfs_guide.tui.screens.decide import values_form

        form = values_form(self.graph, self.session)
        if form is not None:
            self.app.push_screen(form, self._go)

    def action_ready(self) -> None:
        """Ready to decide? A "no" adds what could help next to the handout."""
        from hfs_guide.tui.screens.decide import ready_form

        form = ready_form(self.graph, self.session)
        if form is not None:
            self.app.push_screen(form, self._go)

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
        """Forget the path, ticks, notes and answers at once; ask first if not exported."""
        if not self.session.unsaved:
            self._clear()
            return
        question = ("Clear this session? The path, the ticked questions, the notes and the answers will be forgotten. "
                    "They were not exported.")
        self.app.push_screen(ConfirmScreen(question, "Yes, clear everything", "No, keep them"),
                             lambda yes: self._clear() if yes else None)

    def _clear(self) -> None:
        self.session.clear()
        self.restart()
        self.notify("The session was cleared: path, ticks, notes and answers are gone.", title="Cleared")
