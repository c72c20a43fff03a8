"""The keys that work now, on one line: a light footer (one widget, not a widget per key).

Textual's Footer mounts a widget per key and recomposes on every change (~60 ms at startup
here); this draws one line. Keys whose action cannot happen (check_action False) are left
out, and when the line is too narrow the least needed keys give way first.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget

from hfs_guide.tui.keys import KEEP_FIRST

# Which keys give way last when space runs out (by action name): the action table's ranks,
# and a layer's own close and open keys right after quitting.
RANK = {**KEEP_FIRST, "close": 2, "open": 2}
GAP = " "


class KeyBar(Widget):
    """Shows the screen's shown, enabled bindings; clicking a key presses it."""

    COMPONENT_CLASSES = {"keybar--key", "keybar--description"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.auto_links = False  # keys keep their own colours; no link underline
        self._keys: list[str] = []
        self.only: frozenset[str] | None = None  # show only these actions (presentation mode)

    def on_mount(self) -> None:
        self._screen = self.screen
        self._screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        # A signal keeps its subscribers: leave it, so a closed layer's key bar is not kept alive.
        self._screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def _items(self) -> list[tuple[str, str, str, str]]:
        """(key, key display, description, action name) of each key to show, in binding order."""
        items: list[tuple[str, str, str, str]] = []
        seen: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            name = binding.action.split("(")[0].rpartition(".")[2]
            if self.only is not None and name not in self.only:
                continue
            items.append((key, self.app.get_key_display(binding), binding.description, name))
        return items

    def render(self) -> Text:
        items = self._items()
        width = self.size.width

        def length(chosen: list[tuple[str, str, str, str]]) -> int:
            return sum(cell_len(f" {d} {t}") for _, d, t, _ in chosen) + cell_len(GAP) * max(len(chosen) - 1, 0)

        while items and length(items) > width:
            items.remove(max(items, key=lambda item: RANK.get(item[3], len(RANK))))
        key_style = self.get_component_rich_style("keybar--key", partial=True)
        text_style = self.get_component_rich_style("keybar--description", partial=True)
        self._keys = [key for key, *_ in items]
        line = Text(no_wrap=True, overflow="crop", end="")
        for number, (_, display, description, _) in enumerate(items):
            click = Style.from_meta({"@click": f"press({number})"})
            if number:
                line.append(GAP)
            line.append(f" {display} ", key_style + click)
            line.append(description, text_style + click)
        return line

    def action_press(self, number: int) -> None:
        """Press the key shown at position `number` (a click on it)."""
        if 0 <= number < len(self._keys):
            self.app.simulate_key(self._keys[number])
