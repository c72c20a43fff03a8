"""Scroll position and highlighted choice per history position, so back/forward restore them.

The core's Session knows where the user is; how each page looked is a front-end matter and is
kept here, keyed by the history position it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ViewState:
    """How one history entry looked when the user left it."""

    node_id: str
    scroll_y: float
    highlighted: int | None


class ViewMemory:
    """ViewStates by history position; entries ahead of a new step are forgotten."""

    def __init__(self) -> None:
        self._states: dict[int, ViewState] = {}

    def save(self, position: int, state: ViewState) -> None:
        """Remember how the entry at `position` looks now."""
        self._states[position] = state

    def recall(self, position: int, node_id: str) -> ViewState | None:
        """The saved look of `position`, if it still shows `node_id`."""
        state = self._states.get(position)
        return state if state is not None and state.node_id == node_id else None

    def forget_from(self, position: int) -> None:
        """Drop `position` and everything after it (a new step replaced them)."""
        for key in [key for key in self._states if key >= position]:
            del self._states[key]
