"""The command palette (search, themes, the tools): Textual's, with Page Up/Down made safe.

Textual 8.2.8 fills the palette's list in batches while a search runs, but shows (lays out)
the list only when the search ends. Page Up/Down in between, or whenever the list has no
rows to page through, reach `OptionList` page moves that index its line map at row 0 and
raise `KeyError: 0` (a slow search on a big guide, or a storm of keys). Here those keys do
nothing until the list has rows; everything else is Textual's palette.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.command import CommandList, CommandPalette


class GuidePalette(CommandPalette):
    """Textual's palette; Page Up/Down wait until the list has rows on the screen."""

    BINDINGS = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]

    def action_page(self, direction: int) -> None:
        """Move the highlight a page down (1) or up (-1), once the list is laid out."""
        commands = self.query_one(CommandList)
        if not commands.option_count or not commands.scrollable_content_region:
            return
        # OptionList's page actions are not annotated in Textual 8.2.8.
        if direction > 0:
            commands.action_page_down()  # type: ignore[no-untyped-call]
        else:
            commands.action_page_up()  # type: ignore[no-untyped-call]
