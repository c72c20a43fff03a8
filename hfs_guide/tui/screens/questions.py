"""Tick this page's questions to ask the care team; ticked ones go into the handout."""

from __future__ import annotations

from typing import TYPE_CHECKING, AbstractSet, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from hfs_guide.tui.keys import GLOBAL_BINDINGS
from hfs_guide.tui.page_parts import TICKED, UNTICKED

if TYPE_CHECKING:
    from hfs_guide.tui.screens.tools import ConsultTools

HINT = "Space or Enter ticks or unticks; Escape closes. Ticked questions go into the handout (e)."


def question_prompt(question: str, ticked: bool) -> Content:
    """One question with its box: the box's text, not its colour, says whether it is ticked."""
    return Content.assemble(((TICKED if ticked else UNTICKED) + " ", "bold"), question)


class QuestionsScreen(ModalScreen[frozenset[int]]):
    """Dismisses the indexes of the ticked questions of page `node_id`."""

    BINDINGS = [
        *GLOBAL_BINDINGS,
        Binding("escape,t", "close", "Close"),
        Binding("space", "tick", "Tick or untick", show=False),
    ]

    def __init__(self, node_id: str, questions: Sequence[str], ticked: AbstractSet[int], elsewhere: int = 0) -> None:
        super().__init__()
        self.node_id = node_id
        self._questions = tuple(questions)
        self._ticked = set(ticked)
        self._elsewhere = elsewhere

    def compose(self) -> ComposeResult:
        options = [Option(question_prompt(q, i in self._ticked)) for i, q in enumerate(self._questions)]
        with Vertical(classes="layer questions"):
            yield Static(Content("Questions to ask your care team"), classes="layer-title")
            yield OptionList(*options, id="question-list")
            more = f"{self._elsewhere} more ticked on other pages. " if self._elsewhere else ""
            yield Static(Content(more + HINT), classes="layer-hint")

    @property
    def ticked(self) -> frozenset[int]:
        """The indexes ticked so far."""
        return frozenset(self._ticked)

    def action_tick(self) -> None:
        """Tick or untick the highlighted question."""
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self._flip(index)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._flip(event.option_index)

    def _flip(self, index: int) -> None:
        self._ticked.symmetric_difference_update({index})
        prompt = question_prompt(self._questions[index], index in self._ticked)
        self.query_one(OptionList).replace_option_prompt_at_index(index, prompt)

    def keep(self, guide: ConsultTools) -> None:
        """Hand the ticks to the guide now (the layer is being closed another way)."""
        guide.keep_ticks(self.node_id, self.ticked)

    def action_close(self) -> None:
        """Close, handing back the ticks."""
        self.dismiss(self.ticked)
