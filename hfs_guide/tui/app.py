"""GuideApp: the Textual app over a loaded, validated Graph; run_tui starts it for the CLI."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Iterable, cast

from rich.console import RenderableType
from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.driver import Driver
from textual.geometry import Size
from textual.screen import Screen

from hfs_guide.core.model import Graph
from hfs_guide.core.session import Session
from hfs_guide.tui.keys import APP_PRIORITY_BINDINGS, GLOBAL_BINDINGS
from hfs_guide.tui.palette import GuidePalette
from hfs_guide.tui.screens.confirm import ConfirmScreen
from hfs_guide.tui.screens.glossary import GlossaryScreen
from hfs_guide.tui.screens.guide import HANDOUT_DELIVERY, GuideScreen
from hfs_guide.tui.screens.help import HelpScreen
from hfs_guide.tui.search import NodeSearch
from hfs_guide.tui.screens.too_small import TooSmallScreen, too_small
from hfs_guide.tui.themes import THEMES

EXIT_OK, EXIT_CRASH, EXIT_USAGE = 0, 1, 2


class GuideApp(App[None]):
    """The guide. The graph is loaded and validated by the caller, and the Session made by it,
    then both are injected here (tests and the browser mode make their own)."""

    CSS_PATH = "guide.tcss"
    # From the action table (core/actions.py). Ctrl+L redraws, as in every terminal program
    # (it used to clear the session, which lost notes); naming Ctrl+P here keeps Textual from
    # adding a binding of its own.
    BINDINGS = [*GLOBAL_BINDINGS, *APP_PRIORITY_BINDINGS]

    def __init__(self, graph: Graph, session: Session | None = None, *, theme: str | None = None,
                 export_dir: Path | None = None) -> None:
        super().__init__()
        self.graph = graph
        self.session = session if session is not None else Session(graph)
        self.title = graph.meta.title
        for extra in THEMES:
            self.register_theme(extra)
        if theme is not None:
            self.theme = theme  # an unknown name raises InvalidThemeError; run_tui checks first
        self.crashed = False
        # Where the handout is offered by default (tests pass their own folder).
        self.guide = GuideScreen(graph, self.session, export_dir if export_dir is not None else Path.home())

    def get_default_screen(self) -> Screen[Any]:
        return self.guide

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver; on Linux and macOS ours, safe against odd input and hang-ups."""
        default = super().get_driver_class()
        if sys.platform == "win32":
            return default
        from hfs_guide.tui.terminal import driver_for

        return driver_for(default)

    def panic(self, *renderables: RenderableType) -> None:
        """Textual's exit after an error in its input thread, remembered for the exit status."""
        self.crashed = True
        super().panic(*renderables)

    def on_mount(self) -> None:
        self._fit(self.size)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        """Cover everything with a calm notice while the terminal is too small; lift it after."""
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small(size.width, size.height) and not showing:
            self.push_screen(TooSmallScreen(self.graph.meta))
        elif showing and not too_small(size.width, size.height):
            self.pop_screen()

    def _close_layers(self) -> None:
        """Close dialogs, panels and the palette so the guide screen is on top (layers write
        through to the Session as the person works, so closing loses nothing)."""
        while self.screen is not self.guide and len(self.screen_stack) > 1:
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the window is too small, only quitting works."""
        if isinstance(self.screen, TooSmallScreen):
            return action in ("quit", "redraw")
        return True

    def action_redraw(self) -> None:
        """Paint every cell of the screen again (another program wrote over it)."""
        self.refresh(repaint=True, layout=True)

    def action_help(self) -> None:
        """Show the keys, the emergency text and the reviewed date (or close them again)."""
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self._close_layers()
        self.push_screen(HelpScreen(self.graph))

    def action_glossary(self) -> None:
        """List the glossary, this page's words first (or close it again)."""
        if isinstance(self.screen, GlossaryScreen):
            self.screen.dismiss(None)
            return
        self._close_layers()
        self.push_screen(GlossaryScreen(self.graph.glossary, self.guide.session.current.glossary))

    def action_urgent(self) -> None:
        """Open the urgent-care page from anywhere."""
        self._close_layers()
        self.guide.show_urgent()

    def action_command_palette(self) -> None:
        """Open the palette over the guide screen: search pages, switch theme, get help."""
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self._close_layers()
            self.push_screen(GuidePalette(id="--command-palette"))

    def action_search(self) -> None:
        """Search the guide only: pages, glossary terms and questions (Ctrl+P has the rest)."""
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self._close_layers()
            self.push_screen(GuidePalette(providers=[NodeSearch], placeholder="Search the guide…", id="--command-palette"))

    async def action_quit(self) -> None:
        """Quit; ask first if notes, ticked questions or answers were not exported."""
        if not self.session.unsaved:
            self.exit()
            return
        question = "You have notes, ticked questions or answers that were not exported. Quit anyway?"
        self.push_screen(ConfirmScreen(question, "Yes, quit", "No, keep them"), lambda yes: self.exit() if yes else None)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands but "Screenshot" (it writes the screen, notes too, to disk), and ours."""
        for command in super().get_system_commands(screen):
            if command.title != "Screenshot":
                yield command
        yield SystemCommand("Help", "Keys, emergency numbers and the reviewed date", self.action_help)
        yield SystemCommand("Glossary", "Medical words in plain language", self.action_glossary)
        yield SystemCommand("Urgent help", "When and where to get help now", self.action_urgent)
        guide = self.guide
        yield SystemCommand("Map", "The whole guide as a map; jump to any page (m)", guide.action_map)
        if guide.check_action("options", ()):
            yield SystemCommand("Option grid", "Compare the options side by side (o)", guide.action_options)
        yield SystemCommand("Notes", "Write notes for this session (n)", guide.action_notes)
        decision = self.graph.decision
        if decision.situation is not None:
            yield SystemCommand("My situation", "A few questions that open the part of the guide that fits (s)",
                                guide.action_situation)
        if decision.values is not None:
            yield SystemCommand("What matters to me", "Rate what matters; marked in the option grid (v)",
                                guide.action_values)
        if decision.ready is not None:
            yield SystemCommand("Ready to decide?", "Four short questions before the handout (r)", guide.action_ready)
        yield SystemCommand("Export handout", "Save the path, ticked questions and notes (e)", guide.action_export)
        yield SystemCommand("Presentation mode", "More space for a shared screen; again to leave (p)", guide.action_presentation)
        yield SystemCommand("Clear session", "Forget the path, ticks, notes and answers (x)", guide.action_clear_session)

    @on(events.DeliveryComplete)
    @on(events.DeliveryFailed)
    def _delivered(self, event: events.DeliveryComplete | events.DeliveryFailed) -> None:
        """The browser took the handout (serve mode), or failed to."""
        if event.name == HANDOUT_DELIVERY:
            self.guide.delivered(isinstance(event, events.DeliveryComplete))


def run_tui(graph: Graph, theme: str | None = None) -> int:
    """Run the app; 0 after a normal quit, 2 for an unknown theme (before the screen is taken),
    128 + the signal after SIGTERM or SIGHUP (or a terminal that went away), 1 after any
    unexpected error (Textual restores the terminal first)."""
    app = GuideApp(graph, Session(graph))
    if theme is not None:
        if theme not in app.available_themes:
            names = ", ".join(sorted(app.available_themes))
            print(f"hfs-guide: error: unknown theme {theme!r}; the themes are: {names}", file=sys.stderr)
            return EXIT_USAGE
        app.theme = theme
    if sys.platform == "win32":
        ending = nullcontext()
    else:
        from hfs_guide.tui.terminal import end_on_signals

        ending = end_on_signals(app)
    with ending:
        app.run()
    return app.return_code or (EXIT_CRASH if app.crashed else EXIT_OK)
