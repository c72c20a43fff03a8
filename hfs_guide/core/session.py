"""Where the user is in the guide: pure state shared by the TUI and the plain mode.

History is a back/forward stack, like a web browser's. Every move that is not back or
forward (a choice, home, urgent care, a jump from search, the map or a link) pushes onto it
and drops anything ahead, so back always returns to where the user just was.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hfs_guide.core.model import Graph, Node


class UnknownNodeError(KeyError):
    """A move named a node that is not in the graph."""


@dataclass
class Session:
    """One person's walk through one guide: where they are, where they have been, and what
    they keep (notes, ticked questions, decision-support answers). Created by the caller and
    handed to a front end; nothing in it is ever written anywhere unless exported."""

    graph: Graph
    history: list[str] = field(default_factory=list)
    index: int = 0
    visited: set[str] = field(default_factory=set)
    notes: str = ""
    # Ticked "questions to ask", by their words: a question listed on several pages is one
    # question, ticked (or not) on all of them, and once in the handout.
    ticked: set[str] = field(default_factory=set)
    # Decision support (core/decision.py): situation answers by question id, ratings of
    # "what matters to me" by statement id (0 = the scale's first step), and "ready to
    # decide" answers by question id. Kept here only; nothing is written unless exported.
    situation: dict[str, str] = field(default_factory=dict)
    ratings: dict[str, int] = field(default_factory=dict)
    ready: dict[str, bool] = field(default_factory=dict)
    # True when notes, ticks or answers changed since the last export (quit and clear ask).
    unsaved: bool = False

    def __post_init__(self) -> None:
        if not self.history:
            self.history = [self.graph.start]
            self.index = 0
        self.visited.update(self.history[: self.index + 1])

    # -- where we are -------------------------------------------------------------
    @property
    def current_id(self) -> str:
        """The id of the page shown now."""
        return self.history[self.index]

    @property
    def current(self) -> Node:
        """The page shown now."""
        return self.graph.nodes[self.current_id]

    @property
    def can_back(self) -> bool:
        """Whether there is a step to go back to."""
        return self.index > 0

    @property
    def can_forward(self) -> bool:
        """Whether a step gone back over can be taken again."""
        return self.index < len(self.history) - 1

    @property
    def at_start(self) -> bool:
        """Whether the page shown is the start page."""
        return self.current_id == self.graph.start

    def route(self) -> tuple[str, ...]:
        """The breadcrumb: from the latest visit of the start node to here, as walked, each
        page once, where it was last seen.

        A page seen again moves to its latest place, so the crumb before the current page is
        always the page Back goes to (jumps from the map or the option grid, urgent care and
        back again no longer make the trail and Back disagree).
        """
        walked = self.history[: self.index + 1]
        start = self.graph.start
        first = max((i for i, node_id in enumerate(walked) if node_id == start), default=0)
        seen: set[str] = set()
        latest: list[str] = []
        for node_id in reversed(walked[first:]):  # one pass, newest first: each page's last visit
            if node_id not in seen:
                seen.add(node_id)
                latest.append(node_id)
        return tuple(reversed(latest))

    def breadcrumb(self) -> tuple[Node, ...]:
        """The route as pages (see `route`)."""
        return tuple(self.graph.nodes[node_id] for node_id in self.route())

    @property
    def home_discards_path(self) -> bool:
        """Going home would leave a route of more than one step (the TUI asks first)."""
        return len(self.route()) > 2

    # -- moving ----------------------------------------------------------------------
    def go(self, node_id: str) -> Node:
        """Jump to a node (choice, link, search, map): pushes onto history."""
        if node_id not in self.graph.nodes:
            raise UnknownNodeError(node_id)
        if node_id != self.current_id:
            del self.history[self.index + 1 :]
            self.history.append(node_id)
            self.index += 1
            self.visited.add(node_id)
        return self.current

    def choose(self, number: int) -> Node:
        """Follow the current node's choice `number` (1-based, as shown to the user)."""
        choices = self.current.choices
        if not 1 <= number <= len(choices):
            raise IndexError(f"there is no choice {number} here")
        return self.go(choices[number - 1].target)

    def back(self) -> Node:
        """One step back (nothing happens at the first step); returns the page shown."""
        if self.can_back:
            self.index -= 1
        return self.current

    def forward(self) -> Node:
        """One step forward again after going back; returns the page shown."""
        if self.can_forward:
            self.index += 1
            self.visited.add(self.current_id)
        return self.current

    def home(self) -> Node:
        """Go to the start page (pushed onto history, so back returns here)."""
        return self.go(self.graph.start)

    def urgent(self) -> Node:
        """Go to the urgent-care page (pushed onto history)."""
        return self.go(self.graph.meta.urgent)

    # -- what the user keeps -----------------------------------------------------------
    def set_notes(self, text: str) -> None:
        """Keep these notes (a change marks the session unsaved)."""
        if text != self.notes:
            self.notes = text
            self.unsaved = True

    def toggle_question(self, node_id: str, index: int) -> bool:
        """Tick or untick question `index` (0-based) of page `node_id`, on every page that
        lists it; returns whether it is now ticked."""
        questions = self.graph.nodes[node_id].questions
        if not 0 <= index < len(questions):
            raise IndexError(f"{node_id} has no question {index + 1}")
        question = questions[index]
        self.unsaved = True
        if question in self.ticked:
            self.ticked.discard(question)
            return False
        self.ticked.add(question)
        return True

    def set_ticks(self, node_id: str, indexes: frozenset[int]) -> None:
        """Make exactly `indexes` of page `node_id` ticked (a panel writing through)."""
        for index in sorted(indexes ^ self.ticked_on(node_id)):
            self.toggle_question(node_id, index)

    def ticked_on(self, node_id: str) -> frozenset[int]:
        """Indexes of the ticked questions of page `node_id`."""
        questions = self.graph.nodes[node_id].questions
        return frozenset(i for i, question in enumerate(questions) if question in self.ticked)

    def ticked_questions(self) -> list[tuple[Node, str]]:
        """Ticked questions in content order, each once, with the first page that lists it."""
        out: list[tuple[Node, str]] = []
        seen: set[str] = set()
        for node in self.graph.nodes.values():
            for question in node.questions:
                if question in self.ticked and question not in seen:
                    seen.add(question)
                    out.append((node, question))
        return out

    def answer_situation(self, question_id: str, answer_id: str | None) -> None:
        """Keep (or, with None, forget) an answer to a "my situation" question."""
        if answer_id is None:
            if self.situation.pop(question_id, None) is not None:
                self.unsaved = True
        elif self.situation.get(question_id) != answer_id:
            self.situation[question_id] = answer_id
            self.unsaved = True

    def rate(self, value_id: str, rating: int | None) -> None:
        """Keep (or, with None, forget) how much a "what matters to me" statement matters."""
        if rating is None:
            if self.ratings.pop(value_id, None) is not None:
                self.unsaved = True
        elif self.ratings.get(value_id) != rating:
            self.ratings[value_id] = rating
            self.unsaved = True

    def answer_ready(self, question_id: str, yes: bool | None) -> None:
        """Keep (or, with None, forget) a "ready to decide?" answer."""
        if yes is None:
            if self.ready.pop(question_id, None) is not None:
                self.unsaved = True
        elif self.ready.get(question_id) is not yes:
            self.ready[question_id] = yes
            self.unsaved = True

    def has_something_to_clear(self) -> bool:
        """Whether clearing would forget anything: a path, ticks, notes or answers."""
        return len(self.history) > 1 or bool(self.notes or self.ticked or self.situation or self.ratings or self.ready)

    def mark_exported(self) -> None:
        """Everything kept so far is in an exported handout: quitting need not ask."""
        self.unsaved = False

    def clear(self) -> None:
        """Forget everything: path, ticks, notes and answers (a shared clinic machine)."""
        self.history = [self.graph.start]
        self.index = 0
        self.visited = {self.graph.start}
        self.notes = ""
        self.ticked = set()
        self.situation = {}
        self.ratings = {}
        self.ready = {}
        self.unsaved = False
