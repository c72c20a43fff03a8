"""The key table shown by the help screen (the TUI column of DESIGN.md's key table), and the
bindings of the guide screen and of every layer."""

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
    ("Tick this page's questions to ask, for the handout", "t (or click a question)"),
    ("Map of the whole guide (jump to any page)", "m"),
    ("Compare the options side by side", "o"),
    ("Notes for this session", "n"),
    ("Export a handout (path, ticked questions, notes)", "e"),
    ("Presentation mode for a shared screen (again to leave)", "p"),
    ("Clear the session: path, ticks and notes (asks if not exported)", "x"),
    ("Redraw the screen (it never clears anything)", "Ctrl+L"),
    ("Scroll the text", "Page Up/Down, Home/End, mouse wheel; Tab moves to the text"),
    ("Close the top layer; on the main screen: back", "Escape"),
    ("Quit (asks if notes or ticks were not exported)", "q, Ctrl+Q or Ctrl+C"),
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

# The guide screen's own keys; the key bar shows them in this order (as room allows).
GUIDE_BINDINGS: list[BindingType] = [
    Binding("1", "choose(1)", "Choose", key_display="1-9"),
    *(Binding(str(n), f"choose({n})", f"Choose {n}", show=False) for n in range(2, 10)),
    Binding("b", "back", "Back"),
    Binding("backspace", "back", "Back", show=False),
    Binding("escape", "back", "Back", show=False),
    Binding("f", "forward", "Forward"),
    Binding("h", "home", "Home"),
    Binding("t", "questions", "Tick"),
    Binding("n", "notes", "Notes"),
    Binding("e", "export", "Export"),
    Binding("m", "map", "Map"),
    Binding("o", "options", "Options"),
    Binding("p", "presentation", "Present"),
    Binding("x", "clear_session", "Clear"),
    Binding("pageup", "scroll_page('page_up')", "Scroll up", show=False),
    Binding("pagedown", "scroll_page('page_down')", "Scroll down", show=False),
    Binding("home", "scroll_page('scroll_home')", "Scroll to the top", show=False),
    Binding("end", "scroll_page('scroll_end')", "Scroll to the end", show=False),
]

# Presentation mode keeps the key bar to these actions.
PRESENTATION_KEYS = frozenset({"choose", "back", "urgent", "presentation"})
