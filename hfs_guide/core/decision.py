"""Decision support, as content: my situation, what matters to me, and am I ready to decide.

All three are written in `guide.yaml` (top-level `situation:`, `values:` and `ready:`) and
checked by `check`; the answers live in the Session only and are never written anywhere
unless the person exports a handout.

- Situation questions route: the first rule whose answers all match names the page to open
  (a person two months after a second operation meets late relief before revision surgery).
  Every question also accepts "I don't know", which matches no rule but `default`.
- Values are statements rated on a short scale. Each statement names, per option, the option
  grid rows it touches. Ratings only *mark* rows; they never order, hide or reword anything,
  so the grid stays the same for every person (a test proves it).
- Ready to decide: yes/no questions in the spirit of the SURE test; a "no" adds a line to the
  handout saying what to read or ask next, with the pages that help.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from hfs_guide.core.location import Location

DONT_KNOW = "dont-know"
DONT_KNOW_LABEL = "I don't know"


@dataclass(frozen=True)
class Answer:
    """One answer to a situation question."""

    id: str
    label: str


@dataclass(frozen=True)
class SituationQuestion:
    """A "my situation" question with its answers ("I don't know" is added by the guide)."""

    id: str
    ask: str
    answers: tuple[Answer, ...]
    short: str  # how the one-line summary names it ("since the last operation")
    where: Location = field(default=Location(""), compare=False, repr=False)

    def label(self, answer_id: str) -> str:
        """The words of an answer (or of "I don't know")."""
        if answer_id == DONT_KNOW:
            return DONT_KNOW_LABEL
        return next((a.label for a in self.answers if a.id == answer_id), answer_id)


@dataclass(frozen=True)
class Route:
    """Open `to` when every (question id -> answer ids) condition holds."""

    when: Mapping[str, tuple[str, ...]]
    to: str
    where: Location = field(default=Location(""), compare=False, repr=False)


@dataclass(frozen=True)
class Situation:
    """The situation questions, the routes they open, and the page that offers them."""

    intro: str
    offer_on: str  # the page that offers the questions ("Where are you now?")
    questions: tuple[SituationQuestion, ...]
    routes: tuple[Route, ...]
    default: str
    where: Location = field(default=Location(""), compare=False, repr=False)


@dataclass(frozen=True)
class Value:
    """A "what matters to me" statement and the option grid rows it touches."""

    id: str
    statement: str
    touches: Mapping[str, tuple[str, ...]]  # option node id -> option field names
    where: Location = field(default=Location(""), compare=False, repr=False)


@dataclass(frozen=True)
class Values:
    """The statements to rate and the scale they are rated on."""

    intro: str
    scale: tuple[str, ...]  # from "does not matter" to "matters a lot"
    statements: tuple[Value, ...]
    where: Location = field(default=Location(""), compare=False, repr=False)


@dataclass(frozen=True)
class ReadyQuestion:
    """A yes/no readiness question; a "no" says what could help next."""

    id: str
    ask: str
    if_no: str  # what to read or ask next
    pages: tuple[str, ...]  # node ids that help
    where: Location = field(default=Location(""), compare=False, repr=False)


@dataclass(frozen=True)
class Ready:
    """The readiness questions and the source they are adapted from."""

    intro: str
    credit: str  # the source the questions are adapted from
    source: str  # its id in sources.yaml
    questions: tuple[ReadyQuestion, ...]
    where: Location = field(default=Location(""), compare=False, repr=False)


@dataclass(frozen=True)
class DecisionSupport:
    """What the content offers: any of situation, values and readiness."""

    situation: Situation | None = None
    values: Values | None = None
    ready: Ready | None = None


# -- what the answers mean -----------------------------------------------------------------

def route_for(situation: Situation, answers: Mapping[str, str]) -> str:
    """The page the answers point to: the first matching rule, else the default."""
    for rule in situation.routes:
        if all(answers.get(question) in allowed for question, allowed in rule.when.items()):
            return rule.to
    return situation.default


def situation_line(situation: Situation, answers: Mapping[str, str]) -> str:
    """One quiet line for the top of every page: "My situation: 2 operations; a few months since the last"."""
    parts = [f"{q.short}: {_lower_first(q.label(answers[q.id]))}" for q in situation.questions
             if answers.get(q.id) not in (None, DONT_KNOW)]
    return "My situation: " + "; ".join(parts) if parts else ""


def _lower_first(label: str) -> str:
    """An answer's words inside a sentence: only the first letter is lowered, so a name later
    in it keeps its capital ("Only Botox" -> "only Botox", not "only botox")."""
    return label[:1].lower() + label[1:]


def rating_words(values: Values, rating: int) -> str:
    """A rating in words, from the content's scale."""
    return values.scale[rating] if 0 <= rating < len(values.scale) else ""


def grid_marks(values: Values, ratings: Mapping[str, int]) -> dict[tuple[str, str], tuple[str, ...]]:
    """(option id, field name) -> the statements rated at the top of the scale that touch it.

    The same rule for every option: a row is marked when a statement the person rated
    "matters a lot" names it. Nothing is ranked, hidden or reworded.
    """
    top = len(values.scale) - 1
    marks: dict[tuple[str, str], list[str]] = {}
    for value in values.statements:
        if ratings.get(value.id) != top:
            continue
        for option_id, fields in value.touches.items():
            for name in fields:
                marks.setdefault((option_id, name), []).append(value.statement)
    return {key: tuple(statements) for key, statements in marks.items()}


def next_step(question: ReadyQuestion, titles: Mapping[str, str]) -> str:
    """What a "no" adds: the question's `if_no`, then the pages that help, by title.

    Titles are quoted and joined with "and": they hold commas and colons of their own
    ("Feelings, support and patient groups"), which a list joined by commas would blur.
    `titles` maps node ids to titles; a page that is not there is left out.
    """
    names = [f'"{titles[page]}"' for page in question.pages if page in titles]
    if not names:
        return question.if_no
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{question.if_no} See {joined}."


def not_ready(ready: Ready, answers: Mapping[str, bool]) -> tuple[ReadyQuestion, ...]:
    """The questions answered "no": each adds what to read or ask next to the handout."""
    return tuple(q for q in ready.questions if answers.get(q.id) is False)
