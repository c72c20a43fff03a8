"""The glossary: medical words in plain language; the current page's words come first."""

from __future__ import annotations

from typing import Iterable, Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from hfs_guide.core.model import GlossaryTerm
from hfs_guide.tui.keys import GLOBAL_BINDINGS


def glossary_text(terms: Mapping[str, GlossaryTerm], on_page: Iterable[str], found: str | None = None) -> Text:
    """All terms, the one found by search first, then this page's, each as a bold term and
    its definition (literal text)."""
    first = [term_id for term_id in on_page if term_id in terms and term_id != found]
    rest = sorted((t for t in terms if t not in first and t != found), key=lambda t: terms[t].term.casefold())
    text = Text.assemble(("Glossary", "bold underline"), "\n\n")
    if not terms:
        text.append("This guide has no glossary.\n")
    for term_id in ([found] if found is not None and found in terms else []) + first + rest:
        term = terms[term_id]
        text.append(term.term, style="bold")
        if term_id == found:
            text.append("  (found by search)", style="italic")
        elif term_id in first:
            text.append("  (on this page)", style="italic")
        text.append("\n")
        text.append(term.definition)
        text.append("\n\n")
    text.append("Press Escape to close the glossary.", style="italic")
    return text


class GlossaryScreen(ModalScreen[None]):
    """A panel over the guide; Escape (or g again) closes it."""

    BINDINGS = [*GLOBAL_BINDINGS, Binding("escape", "close", "Close glossary")]

    def __init__(self, terms: Mapping[str, GlossaryTerm], on_page: Iterable[str] = (), found: str | None = None) -> None:
        super().__init__()
        self._terms = terms
        self._on_page = tuple(on_page)
        self._found = found

    def compose(self) -> ComposeResult:
        with Vertical(classes="layer"):
            with VerticalScroll(classes="layer-scroll"):
                yield Static(glossary_text(self._terms, self._on_page, self._found), id="glossary-text")

    def action_close(self) -> None:
        """Close the glossary and return to the guide."""
        self.dismiss(None)
