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
    """ViewStates by history position; entries ahead of a new step are forgotten.

    A list indexed by position: forgetting what lies ahead costs what is forgotten, not the
    whole history again on every step of a long walk."""

    def __init__(self) -> None:
        self._states: list[ViewState | None] = []

    def save(self, position: int, state: ViewState) -> None:
        """Remember how the entry at `position` looks now."""
        if position >= len(self._states):
            self._states.extend([None] * (position + 1 - len(self._states)))
        self._states[position] = state

    def recall(self, position: int, node_id: str) -> ViewState | None:
        """The saved look of `position`, if it still shows `node_id`."""
        state = self._states[position] if 0 <= position < len(self._states) else None
        return state if state is not None and state.node_id == node_id else None

    def forget_from(self, position: int) -> None:
        """Drop `position` and everything after it (a new step replaced them)."""
        del self._states[max(position, 0) :]
