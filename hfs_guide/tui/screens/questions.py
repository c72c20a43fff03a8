"""Tick this page's questions to ask the care team; ticked ones go into the handout."""

from __future__ import annotations


from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from hfs_guide.core.session import Session
from hfs_guide.tui.keys import GLOBAL_BINDINGS
from hfs_guide.tui.page_parts import TICKED, UNTICKED

HINT = "Space or Enter ticks or unticks; Escape closes. Ticked questions go into the handout (e)."


def question_prompt(question: str, ticked: bool) -> Content:
    """One question with its box: the box's text, not its colour, says whether it is ticked."""
    return Content.assemble(((TICKED if ticked else UNTICKED) + " ", "bold"), question)


class QuestionsScreen(ModalScreen[None]):
    """The questions of page `node_id`; each tick writes through to the Session at once."""

    BINDINGS = [
        *GLOBAL_BINDINGS,
        Binding("escape,t", "close", "Close"),
        Binding("space", "tick", "Tick or untick", show=False),
    ]

    def __init__(self, session: Session, node_id: str) -> None:
        super().__init__()
        self._session = session
        self.node_id = node_id
        self._questions = session.graph.nodes[node_id].questions
        here = session.ticked_on(node_id)
        self._elsewhere = len(session.ticked - {self._questions[i] for i in here})

    def compose(self) -> ComposeResult:
        ticked = self.ticked
        options = [Option(question_prompt(q, i in ticked)) for i, q in enumerate(self._questions)]
        with Vertical(classes="layer questions"):
            yield Static(Content("Questions to ask your care team"), classes="layer-title")
            yield OptionList(*options, id="question-list")
            more = f"{self._elsewhere} more ticked on other pages. " if self._elsewhere else ""
            yield Static(Content(more + HINT), classes="layer-hint")

    @property
    def ticked(self) -> frozenset[int]:
        """The indexes ticked on this page (the Session's word for it)."""
        return self._session.ticked_on(self.node_id)

    def action_tick(self) -> None:
        """Tick or untick the highlighted question."""
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self._flip(index)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._flip(event.option_index)

    def _flip(self, index: int) -> None:
        now = self._session.toggle_question(self.node_id, index)
        self.query_one(OptionList).replace_option_prompt_at_index(index, question_prompt(self._questions[index], now))

    def action_close(self) -> None:
        """Close (every tick is already kept)."""
        self.dismiss(None)
