"""The key table shown by the help screen: the TUI column of DESIGN.md's key table."""

from __future__ import annotations

from textual.binding import Binding, BindingType

KEY_TABLE: tuple[tuple[str, str], ...] = (
    ("Choose", "1-9, or Up/Down (j/k) + Enter, or click"),
    ("Back", "Backspace or b"),
    ("Forward", "f"),
    ("Home (the first page; asks before leaving a long path)", "h"),
    ("Urgent care", "! or u"),
    ("Help", "? or F1"),
    ("Glossary", "g"),
    ("Search titles and text", "/ or Ctrl+P"),
    ("Scroll the text", "Page Up/Down, Home/End, mouse wheel; Tab moves to the text"),
    ("Close the top layer; on the main screen: back", "Escape"),
    ("Quit", "q, Ctrl+Q or Ctrl+C"),
)
"""(what it does, which keys) rows, in the order the help screen lists them."""

# Keys that work on every screen. Textual stops the app's bindings at a modal screen, so the
# layers (help, glossary, dialogs) list these too; the actions live on the app.
GLOBAL_BINDINGS: list[BindingType] = [
    Binding("question_mark", "app.help", "Help"),
    Binding("f1", "app.help", "Help", show=False),
    Binding("u", "app.urgent", "Urgent help"),
    Binding("exclamation_mark", "app.urgent", "Urgent help", show=False),
    Binding("g", "app.glossary", "Glossary"),
    Binding("slash", "app.command_palette", "Search"),
    Binding("q", "app.quit", "Quit"),
]
