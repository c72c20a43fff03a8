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
    graph: Graph
    history: list[str] = field(default_factory=list)
    index: int = 0
    visited: set[str] = field(default_factory=set)
    notes: str = ""
    # Ticked "questions to ask": (node id, question index).
    ticked: set[tuple[str, int]] = field(default_factory=set)
    # True when notes or ticks changed since the last export (quit and clear ask first).
    unsaved: bool = False

    def __post_init__(self) -> None:
        if not self.history:
            self.history = [self.graph.start]
            self.index = 0
        self.visited.update(self.history[: self.index + 1])

    # -- where we are -------------------------------------------------------------
    @property
    def current_id(self) -> str:
        return self.history[self.index]

    @property
    def current(self) -> Node:
        return self.graph.nodes[self.current_id]

    @property
    def can_back(self) -> bool:
        return self.index > 0

    @property
    def can_forward(self) -> bool:
        return self.index < len(self.history) - 1

    @property
    def at_start(self) -> bool:
        return self.current_id == self.graph.start

    def route(self) -> tuple[str, ...]:
        """The breadcrumb: from the latest visit of the start node to here, as walked.

        A loop back to a node already on the route cuts the route back to that node, so the
        trail never shows the same step twice.
        """
        walked = self.history[: self.index + 1]
        start = self.graph.start
        first = max((i for i, node_id in enumerate(walked) if node_id == start), default=0)
        route: list[str] = []
        seen: dict[str, int] = {}
        for node_id in walked[first:]:
            if node_id in seen:
                # Forget only the cut steps: rebuilding `seen` made each loop cost the whole route.
                for dropped in route[seen[node_id] + 1 :]:
                    del seen[dropped]
                del route[seen[node_id] + 1 :]
                continue
            seen[node_id] = len(route)
            route.append(node_id)
        return tuple(route)

    def breadcrumb(self) -> tuple[Node, ...]:
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
        if self.can_back:
            self.index -= 1
        return self.current

    def forward(self) -> Node:
        if self.can_forward:
            self.index += 1
            self.visited.add(self.current_id)
        return self.current

    def home(self) -> Node:
        return self.go(self.graph.start)

    def urgent(self) -> Node:
        return self.go(self.graph.meta.urgent)

    # -- what the user keeps -----------------------------------------------------------
    def set_notes(self, text: str) -> None:
        if text != self.notes:
            self.notes = text
            self.unsaved = True

    def toggle_question(self, node_id: str, index: int) -> bool:
        """Tick or untick a question; returns whether it is now ticked."""
        if not 0 <= index < len(self.graph.nodes[node_id].questions):
            raise IndexError(f"{node_id} has no question {index + 1}")
        key = (node_id, index)
        self.unsaved = True
        if key in self.ticked:
            self.ticked.discard(key)
            return False
        self.ticked.add(key)
        return True

    def ticked_questions(self) -> list[tuple[Node, str]]:
        """Ticked questions in content order."""
        out: list[tuple[Node, str]] = []
        for node in self.graph.nodes.values():
            for i, question in enumerate(node.questions):
                if (node.id, i) in self.ticked:
                    out.append((node, question))
        return out

    def mark_exported(self) -> None:
        self.unsaved = False

    def clear(self) -> None:
        """Forget everything: path, ticks and notes (a shared clinic machine)."""
        self.history = [self.graph.start]
        self.index = 0
        self.visited = {self.graph.start}
        self.notes = ""
        self.ticked = set()
        self.unsaved = False
