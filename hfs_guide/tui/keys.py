"""The full-screen guide's keys, generated from the one action table (core/actions.py).

Bindings, the help screen's key table and the key bar's priorities all come from `ACTIONS`;
nothing here names a key the table does not.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from hfs_guide.core.actions import ACTIONS, APP, GUIDE, Action, action, bar_rank

KEY_TABLE: tuple[tuple[str, str], ...] = tuple(
    (entry.description, entry.tui_label) for entry in ACTIONS if entry.tui_label
)
"""(what it does, which keys) rows, in the order the help screen lists them."""

KEEP_FIRST: dict[str, int] = bar_rank()
"""Key bar priorities by action name: when the line is too narrow, higher numbers give way."""


def _is_control(key: str) -> bool:
    return key.startswith("ctrl+")


def _bindings(entry: Action, prefix: str, keys: tuple[str, ...]) -> list[BindingType]:
    """One binding per key; the first shows in the key bar when the action has a bar label."""
    return [
        Binding(key, prefix + entry.binding_action, entry.bar or entry.description, show=bool(entry.bar) and i == 0)
        for i, key in enumerate(keys)
    ]


# Keys that work on every screen. Textual stops the app's bindings at a modal screen, so the
# layers (help, glossary, dialogs) list these too; the actions live on the app.
GLOBAL_BINDINGS: list[BindingType] = [
    binding
    for entry in ACTIONS
    if entry.scope == APP
    for binding in _bindings(entry, "app.", tuple(k for k in entry.tui_keys if not _is_control(k)))
]

# Control keys reach the app even while a text field has the focus (priority bindings).
APP_PRIORITY_BINDINGS: list[BindingType] = [
    Binding(key, entry.binding_action, entry.description, show=False, priority=True)
    for entry in ACTIONS
    if entry.scope == APP
    for key in entry.tui_keys
    if _is_control(key)
]

# The guide screen's own keys; the key bar orders them by KEEP_FIRST as room allows.
GUIDE_BINDINGS: list[BindingType] = [
    Binding("1", "choose(1)", "Choose", key_display="1-9"),
    *(Binding(str(n), f"choose({n})", f"Choose {n}", show=False) for n in range(2, 10)),
    *(binding for entry in ACTIONS if entry.scope == GUIDE and entry.name not in ("choose", "close")
      for binding in _bindings(entry, "", entry.tui_keys)),
    # Escape closes the top layer; on the guide screen that is Textual's Keys panel (Ctrl+P,
    # "Keys") when it is open, and otherwise there is none, so it goes back.
    Binding("escape", "close", action("close").description, show=False),
    # The "scroll" row of the table: the page text scrolls wherever the focus is.
    Binding("pageup", "scroll_page('page_up')", "Scroll up", show=False),
    Binding("pagedown", "scroll_page('page_down')", "Scroll down", show=False),
    Binding("home", "scroll_page('scroll_home')", "Scroll to the top", show=False),
    Binding("end", "scroll_page('scroll_end')", "Scroll to the end", show=False),
]

# Presentation mode keeps the key bar to these actions.
PRESENTATION_KEYS = frozenset({"choose", "back", "urgent", "presentation"})
