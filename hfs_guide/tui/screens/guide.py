"""The main screen: where the patient is, what the page says, and where they can go next."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from rich.theme import Theme as RichTheme
from textual import events, on
from textual.app import ComposeResult
from textual.widgets import Header

from hfs_guide.core.model import Graph, Kind, Node
from hfs_guide.core.page import Offered, page
from hfs_guide.core.session import Session
from hfs_guide.tui.document import PageBook
from hfs_guide.tui.history import ViewMemory, ViewState
from hfs_guide.tui.keys import GUIDE_BINDINGS
from hfs_guide.tui.screens.confirm import ConfirmScreen
from hfs_guide.tui.screens.tools import ConsultTools
from hfs_guide.tui.search import NodeSearch, SearchEntry, build_index
from hfs_guide.tui.themes import page_theme
from hfs_guide.tui.widgets.body import NodeBody
from hfs_guide.tui.widgets.choices import ChoiceList
from hfs_guide.tui.widgets.keybar import KeyBar
from hfs_guide.tui.widgets.trail import Breadcrumb


class GuideScreen(ConsultTools):
    """Owns the Session; every move goes through `_step`, which remembers how pages looked.
    The consultation tools (questions, notes, export, map, options, ...) are in ConsultTools."""

    BINDINGS = GUIDE_BINDINGS
    COMMANDS = {NodeSearch}

    def __init__(self, graph: Graph, export_dir: Path) -> None:
        super().__init__()
        self.graph = graph
        self.session = Session(graph)
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
            return bool(session.current.questions)
        if action == "options":
            return self._has_options
        if action == "clear_session":
            return self.has_something_to_clear()
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
                bool(session.current.questions), self.has_something_to_clear())

    def redraw(self) -> None:
        """Draw the current page again (ticks changed), as it is scrolled now."""
        self._show(self._view_state())

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
