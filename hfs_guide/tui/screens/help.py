"""Help: the keys, the emergency text, the reviewed date and the disclaimer."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from hfs_guide.core.fingerprint import content_fingerprint
from hfs_guide.core.model import Graph
from hfs_guide.tui.keys import GLOBAL_BINDINGS, KEY_TABLE


def help_text(graph: Graph) -> Group:
    """The help page as one renderable; content text is wrapped in Text, never markup."""
    meta = graph.meta
    keys = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False)
    keys.add_column("To", ratio=3)
    keys.add_column("Press", ratio=2, style="bold")
    for doing, pressing in KEY_TABLE:
        keys.add_row(Text(doing), Text(pressing))
    return Group(
        Text("Help", style="bold underline", end="\n\n"),
        Text(meta.disclaimer, style="bold", end="\n\n"),
        Text.assemble(("If you feel very unwell or it is an emergency, call ", ""), (meta.emergency, "bold"), "."),
        Text.assemble("For questions about your care, call ", (meta.clinic, "bold"), ".", end="\n\n"),
        keys,
        Text.assemble("\nReviewed ", (meta.reviewed, "bold"), f" (content version {meta.version}, fingerprint ",
                      (content_fingerprint(graph), "bold"), "). ", meta.review_note),
        Text("\nPress Escape to close this help.", style="italic"),
    )


class HelpScreen(ModalScreen[None]):
    """A panel over the guide; Escape (or ? / F1 again) closes it."""

    BINDINGS = [*GLOBAL_BINDINGS, Binding("escape", "close", "Close help")]

    def __init__(self, graph: Graph) -> None:
        super().__init__()
        self._graph = graph

    def compose(self) -> ComposeResult:
        with Vertical(classes="layer"):
            with VerticalScroll(classes="layer-scroll"):
                yield Static(help_text(self._graph), id="help-text")

    def action_close(self) -> None:
        """Close help and return to the guide."""
        self.dismiss(None)
