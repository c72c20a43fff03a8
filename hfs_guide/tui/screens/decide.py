"""Decision support layers: my situation (s), what matters to me (v), ready to decide.

One form layer serves all three: a question, its answers as radio buttons, the next question.
Answers write through to the Session as they are picked, so nothing is lost if the layer is
closed any way at all (Escape, urgent help, quitting); the guide redraws when it resumes.
Tab moves between questions, arrow keys between answers, Space or Enter picks one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, RadioButton, RadioSet, Static

from hfs_guide.core.decision import (
    DONT_KNOW, DONT_KNOW_LABEL, DecisionSupport, next_step, not_ready, route_for, situation_line,
)
from hfs_guide.core.model import Graph
from hfs_guide.core.session import Session


class AnswerButton(RadioButton):
    """A radio answer whose state is a shape as well as a colour: ▐●▌ chosen, ▐○▌ not.

    Textual draws both states with the same dot in two colours, which NO_COLOR, a monochrome
    terminal or colour blindness loses (the same rule as the questions' [ ]/[x] and the icon
    arrays' ●/○)."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's class attribute, read per draw
        return "●" if self.value else "○"


@dataclass(frozen=True)
class FormQuestion:
    """A question with its answers; `chosen` is the index picked (None: not answered)."""

    key: str
    ask: str
    answers: tuple[str, ...]
    chosen: int | None


class FormScreen(ModalScreen[str | None]):
    """Questions with radio answers; `keep(key, index)` is called as each answer is picked.

    Dismisses a node id to open (the situation's "show me the pages that fit") or None.
    """

    BINDINGS = [Binding("escape", "close", "Close (answers are kept)")]

    def __init__(self, title: str, intro: str, questions: Sequence[FormQuestion],
                 keep: Callable[[str, int], None], footnote: Callable[[], str] = lambda: "",
                 go_label: str = "", go: Callable[[], str | None] = lambda: None) -> None:
        super().__init__(classes="decide")
        self._title, self._intro, self._questions = title, intro, tuple(questions)
        self._keep, self._footnote, self._go_label, self._go = keep, footnote, go_label, go

    def compose(self) -> ComposeResult:
        with Vertical(classes="layer decide"):
            yield Static(Content(self._title), classes="layer-title")
            # The introduction scrolls with the questions: fixed above them, a long one left
            # no room for any question in a small window (50x15).
            with VerticalScroll(classes="layer-scroll"):
                yield Static(Content(self._intro + " Tab moves to the next question. Nothing is saved unless you export."),
                             classes="layer-hint")
                for number, question in enumerate(self._questions):
                    yield Static(Content(f"{number + 1}. {question.ask}"), classes="form-question")
                    with RadioSet(id=f"q{number}", classes="form-answers"):
                        for index, answer in enumerate(question.answers):
                            yield AnswerButton(Text(answer), value=index == question.chosen)
                yield Static(Content(self._footnote()), id="form-footnote")
            with Horizontal(id="buttons"):
                if self._go_label:
                    yield Button(Content(self._go_label), id="go", variant="primary")
                yield Button(Content("Close"), id="close")

    def on_mount(self) -> None:
        self._refresh_footnote()
        first = self.query(RadioSet).first() if self._questions else self.query_one("#close", Button)
        first.focus()

    @on(RadioSet.Changed)
    def _answered(self, event: RadioSet.Changed) -> None:
        event.stop()
        number = int((event.radio_set.id or "q0")[1:])
        self._keep(self._questions[number].key, event.index)
        self._refresh_footnote()

    def _refresh_footnote(self) -> None:
        text = self._footnote()
        footnote = self.query_one("#form-footnote", Static)
        footnote.update(Content(text))
        footnote.display = bool(text)

    @on(Button.Pressed, "#go")
    def _go_pressed(self) -> None:
        self.dismiss(self._go())

    @on(Button.Pressed, "#close")
    def _close_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        """Close the layer; every answer is already kept."""
        self.dismiss(None)


def situation_form(graph: Graph, session: Session) -> FormScreen | None:
    """'My situation': each question with "I don't know"; routes to the matching part."""
    situation = graph.decision.situation
    if situation is None:
        return None
    questions = []
    for q in situation.questions:
        ids = [a.id for a in q.answers] + [DONT_KNOW]
        chosen = session.situation.get(q.id)
        questions.append(FormQuestion(q.id, q.ask, tuple(a.label for a in q.answers) + (DONT_KNOW_LABEL,),
                                      ids.index(chosen) if chosen in ids else None))
    answer_ids = {q.id: [a.id for a in q.answers] + [DONT_KNOW] for q in situation.questions}

    def keep(key: str, index: int) -> None:
        session.answer_situation(key, answer_ids[key][index])

    return FormScreen("My situation", situation.intro, questions, keep,
                      footnote=lambda: situation_line(situation, session.situation),
                      go_label="Show the pages that fit", go=lambda: route_for(situation, session.situation))


def values_form(graph: Graph, session: Session) -> FormScreen | None:
    """'What matters to me': each statement rated on the content's scale."""
    values = graph.decision.values
    if values is None:
        return None
    questions = [FormQuestion(v.id, v.statement, values.scale, session.ratings.get(v.id)) for v in values.statements]
    footnote = ("The option grid (o) marks the facts that touch what matters a lot to you, the same way for every "
                "option. It never ranks the options.")
    return FormScreen("What matters to me", values.intro, questions, session.rate, footnote=lambda: footnote)


def ready_form(graph: Graph, session: Session) -> FormScreen | None:
    """'Ready to decide?': yes/no questions; each "no" says what could help next."""
    ready = graph.decision.ready
    if ready is None:
        return None
    yes_no = ("Yes", "No")
    questions = [FormQuestion(q.id, q.ask, yes_no, None if q.id not in session.ready else (0 if session.ready[q.id] else 1))
                 for q in ready.questions]

    def keep(key: str, index: int) -> None:
        session.answer_ready(key, index == 0)

    def footnote() -> str:
        titles = {node_id: node.title for node_id, node in graph.nodes.items()}
        lines = [f"- {next_step(q, titles)}" for q in not_ready(ready, session.ready)]
        advice = "\n".join(["What could help next (this goes into your handout):", *lines]) if lines else ""
        return "\n\n".join(part for part in (advice, ready.credit) if part)

    return FormScreen("Ready to decide?", ready.intro, questions, keep, footnote=footnote)


def has_decision_support(decision: DecisionSupport) -> tuple[bool, bool, bool]:
    """Which of situation, values and readiness the content offers."""
    return decision.situation is not None, decision.values is not None, decision.ready is not None
