"""The one table of what a person can do, and with which keys, in every front end.

The full-screen guide's bindings, both help screens, the plain prompt, the key bar's order
and the key tables of README.md and docs/tui.md all come from `ACTIONS` (a test compares the
documents with it), so a key is described in one place only. Nothing here imports Textual:
key names are Textual's names as plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass

# Where an action works: on every screen ("app": urgent care, help, quit...) or on the guide
# screen only ("guide": moving, the consultation tools).
APP, GUIDE = "app", "guide"


@dataclass(frozen=True)
class Action:
    """One thing a person can do."""

    name: str  # the verb: Textual's action name (the app's or the guide screen's)
    description: str  # what it does, as help screens and README say it
    tui_keys: tuple[str, ...]  # Textual key names bound to it; empty: not a key of its own
    tui_label: str  # how help and README write the full-screen keys
    plain: tuple[str, ...] = ()  # plain-mode commands (typed, then Enter); empty: not there
    plain_label: str = ""  # the plain keys in words a speech synthesizer reads well
    bar: str = ""  # the key bar's short label ("" keeps it out of the key bar)
    rank: int = 99  # key bar: when room runs out, higher ranks give way first
    scope: str = GUIDE
    call: str = ""  # the Textual action string when it is not just `name` (arguments)

    @property
    def binding_action(self) -> str:
        """The Textual action string a binding calls."""
        return self.call or self.name


ACTIONS: tuple[Action, ...] = (
    Action("choose", "Choose", ("1",), "1-9, or Up/Down (j/k) + Enter, or click",
           plain=tuple("123456789"), plain_label="the number of a choice", bar="Choose", rank=4, call="choose(1)"),
    Action("back", "Back", ("b", "backspace"), "Backspace or b", plain=("b",), plain_label="b",
           bar="Back", rank=3),
    Action("forward", "Forward", ("f",), "f", plain=("f",), plain_label="f", bar="Forward", rank=11),
    Action("home", "Home (the first page; asks before leaving a long path)", ("h",), "h", plain=("h",),
           plain_label="h", bar="Home", rank=10),
    Action("urgent", "Urgent care, from anywhere", ("u", "exclamation_mark"), "! or u", plain=("u", "!"),
           plain_label="u, or exclamation mark", bar="Urgent help", rank=1, scope=APP),
    Action("help", "Help", ("question_mark", "f1"), "? or F1", plain=("?", "help"), plain_label="question mark",
           bar="Help", rank=0, scope=APP),
    Action("situation", "My situation: a few questions that open the part of the guide that fits", ("s",), "s",
           plain=("s",), plain_label="s", bar="Situation", rank=13),
    Action("values", "What matters to me: rate what matters, marked in the option grid", ("v",), "v",
           plain=("v",), plain_label="v", bar="Values", rank=14),
    Action("ready", "Ready to decide? Four short questions before the handout", ("r",), "r",
           plain=("r",), plain_label="r", bar="Ready", rank=15),
    Action("sources", "Sources of this page", (), "listed at the end of every page", plain=("sources",),
           plain_label="the word sources"),
    Action("glossary", "Glossary", ("g",), "g", bar="Glossary", rank=17, scope=APP),
    Action("search", "Search the guide", ("slash",), "/", bar="Search", rank=16, scope=APP, call="search"),
    Action("palette", "Commands: themes, keys and every action by name", ("ctrl+p",), "Ctrl+P", scope=APP,
           call="command_palette"),
    Action("questions", "Tick this page's questions to ask, for the handout", ("t",), "t (or click a question)",
           bar="Tick", rank=12),
    Action("map", "Map of the whole guide (jump to any page)", ("m",), "m", bar="Map", rank=5),
    Action("options", "Compare the options side by side", ("o",), "o", bar="Options", rank=6),
    Action("notes", "Notes for this session", ("n",), "n", bar="Notes", rank=7),
    Action("export", "Export a handout (pages read, ticked questions, notes, answers)", ("e",), "e",
           bar="Export", rank=8),
    Action("presentation", "Presentation mode for a shared screen (again to leave)", ("p",), "p",
           bar="Present", rank=9),
    Action("clear_session", "Clear the session: path, ticks, notes and answers (asks if not exported)", ("x",), "x",
           bar="Clear", rank=18),
    Action("redraw", "Redraw the screen (it never clears anything)", ("ctrl+l",), "Ctrl+L", scope=APP),
    Action("scroll", "Scroll the text", (), "Page Up/Down, Home/End, mouse wheel; Tab moves to the text"),
    Action("close", "Close the top layer; on the main screen: back", ("escape",), "Escape"),
    Action("quit", "Quit (asks if notes, ticks or answers were not exported)", ("q", "ctrl+q", "ctrl+c"),
           "q, Ctrl+Q or Ctrl+C", plain=("q", "quit", "exit"), plain_label="q, or the end of input", bar="Quit",
           rank=2, scope=APP),
)

BY_NAME: dict[str, Action] = {action.name: action for action in ACTIONS}


def action(name: str) -> Action:
    """The action called `name` (KeyError for a name not in the table)."""
    return BY_NAME[name]


def plain_command(text: str) -> str | None:
    """The action a typed plain-mode line asks for ("b" -> "back"), or None."""
    key = text.strip().lower()
    for entry in ACTIONS:
        if key in entry.plain and entry.name != "choose":
            return entry.name
    return None


def plain_actions() -> tuple[Action, ...]:
    """The actions plain mode offers, in table order."""
    return tuple(entry for entry in ACTIONS if entry.plain)


def bar_rank() -> dict[str, int]:
    """Key bar priorities by action name (lower stays longer)."""
    return {entry.name: entry.rank for entry in ACTIONS if entry.bar}


KEYS_START, KEYS_END = "<!-- keys: generated from hfs_guide/core/actions.py -->", "<!-- keys: end -->"


def key_table(plain: bool = True) -> str:
    """The Markdown key table of README.md (with the plain-mode column) or docs/tui.md
    (without); a test keeps both documents equal to it (`python -m hfs_guide.core.actions`)."""
    if plain:
        rows = ["| to | full screen | plain mode (type, then Enter) |", "|---|---|---|"]
        rows += [f"| {a.description} | {a.tui_label or '-'} | {a.plain_label or '-'} |"
                 for a in ACTIONS if a.tui_label or a.plain_label]
    else:
        rows = ["| to | press |", "|---|---|"]
        rows += [f"| {a.description} | {a.tui_label} |" for a in ACTIONS if a.tui_label]
    return "\n".join(rows)


def replace_key_table(document: str, plain: bool = True) -> str:
    """`document` with the text between the key-table markers made the generated table."""
    start, end = document.index(KEYS_START) + len(KEYS_START), document.index(KEYS_END)
    return document[:start] + "\n" + key_table(plain) + "\n" + document[end:]


if __name__ == "__main__":
    import sys
    from pathlib import Path

    # python -m hfs_guide.core.actions README.md docs/tui.md: rewrite their key tables
    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(replace_key_table(path.read_text(encoding="utf-8"), plain=path.name == "README.md"),
                        encoding="utf-8")
