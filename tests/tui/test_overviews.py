"""Option grid, icon arrays, presentation mode and clearing the session, via Pilot."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console
from textual.binding import Binding, BindingType
from textual.keys import key_to_character
from textual.widgets import Header

from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Graph
from hfs_guide.core.overview import option_grid
from hfs_guide.tui.app import GuideApp
from hfs_guide.tui.keys import KEY_TABLE
from hfs_guide.tui.screens.confirm import ConfirmScreen
from hfs_guide.tui.screens.guide import GuideScreen
from hfs_guide.tui.screens.notes import NotesScreen
from hfs_guide.tui.screens.options import GridView, OptionGridScreen
from hfs_guide.tui.widgets.body import NodeBody
from hfs_guide.tui.widgets.keybar import KeyBar
from tests.tui.conftest import CONTENT, SIZE


def where(app: GuideApp) -> str:
    return app.guide.session.current_id


def grid_text(graph: Graph, width: int) -> str:
    console = Console(width=width, file=io.StringIO(), record=True)
    console.print(GridView(option_grid(graph)))
    return console.export_text()


async def test_the_option_grid_opens_an_option_and_closes(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "o")
        assert isinstance(app.screen, OptionGridScreen)
        await pilot.press("9")  # there is no option 9
        assert isinstance(app.screen, OptionGridScreen)
        await pilot.press("2")
        assert app.screen is app.guide and where(app) == "opt2"
        await pilot.press("b")
        assert where(app) == "a1"
        await pilot.press("o", "escape")
        assert app.screen is app.guide and where(app) == "a1"


def test_the_grid_is_built_from_the_content_at_any_width(graph: Graph) -> None:
    wide, narrow = grid_text(graph, 200), grid_text(graph, 60)
    for text in (wide, narrow):
        words = " ".join(text.split())
        assert "no reliable figure, because it was never studied" in words
        assert "1  The test option" in text and "2  Another [i]test[/i] option" in text
        assert "Some [red]risk[/red]." in text
    assert max(len(line) for line in narrow.splitlines()) <= 60
    header = next(line for line in wide.splitlines() if "The test option" in line)
    assert "Another [i]test[/i] option" in header  # side by side when there is room
    assert not any("The test option" in line and "Another" in line for line in narrow.splitlines())


def test_the_grid_follows_other_content(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    (folder / "nodes").mkdir(parents=True)
    for name in ("guide.yaml", "sources.yaml", "glossary.yaml"):
        text = (CONTENT / name).read_text()
        (folder / name).write_text(text.replace("The test option", "Needles").replace("Another [i]test[/i] option", "Tea"))
    for body in (CONTENT / "nodes").iterdir():
        (folder / "nodes" / body.name).write_text(body.read_text())
    text = grid_text(load_graph(folder), 200)
    assert "1  Needles" in text and "2  Tea" in text and "The test option" not in text


async def test_icon_arrays_say_in_words_what_they_show(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.guide.jump("opt")
        await pilot.pause()
        lines = app.screen.query_one(NodeBody).lines
        figure = app.graph.nodes["opt"].figures[0]
        assert figure.count == 3 and figure.of == 10
        start = next(i for i, line in enumerate(lines) if "about 3 in 10 people in the test" in line)
        grid = [line.split("   ")[0].strip() for line in lines[start : start + 10]]
        assert all(len(row.split()) == 10 for row in grid)
        assert sum(row.count("●") for row in grid) == 30 and sum(row.count("○") for row in grid) == 70
        words = "\n".join(lines[start : start + 10])
        assert "● 30 of 100 people" in words and "○ the other 70" in words


async def test_icon_arrays_put_the_words_under_the_grid_when_narrow(app: GuideApp) -> None:
    async with app.run_test(size=(44, 20)) as pilot:
        app.guide.jump("opt")
        await pilot.pause()
        lines = app.screen.query_one(NodeBody).lines
        row = next(i for i, line in enumerate(lines) if line.strip().startswith("● ● ●"))
        assert all(line.strip().count("●") + line.strip().count("○") == 10 for line in lines[row : row + 10])
        assert any("3 in 10" in line for line in lines[row + 10 :])


async def test_presentation_mode_toggles(app: GuideApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "p")
        guide = app.guide
        assert guide.has_class("-presenting") and not guide.query_one(Header).display
        keys = guide.query_one(KeyBar).render().plain
        assert "1-9 Choose" in keys and "p Present" in keys and "Glossary" not in keys
        assert max(len(line) for line in guide.query_one(NodeBody).lines) <= 72
        await pilot.press("1")
        assert where(app) == "a2"  # the guide works as usual
        await pilot.press("p")
        assert not guide.has_class("-presenting") and guide.query_one(Header).display
        assert "m Map" in guide.query_one(KeyBar).render().plain  # the consultation keys are back


async def test_clear_session_asks_when_not_exported_then_forgets_everything(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1", "t", "space", "escape", "n", "a", "b", "escape")
        session = app.guide.session
        assert session.ticked and session.notes == "ab" and session.unsaved
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert where(app) == "a2" and session.notes == "ab"
        await pilot.press("x", "y")
        assert app.screen is app.guide and where(app) == "welcome"
        assert session.history == ["welcome"] and not session.ticked and session.notes == "" and not session.unsaved
        assert "back" not in {b.binding.action for b in app.guide.active_bindings.values()}
        await pilot.press("n")
        assert isinstance(app.screen, NotesScreen) and app.screen.text == ""


async def test_clear_session_without_unsaved_work_does_not_ask(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        assert "clear_session" not in {b.binding.action for b in app.guide.active_bindings.values()}
        await pilot.press("1", "x")
        assert app.screen is app.guide and where(app) == "welcome" and app.guide.session.history == ["welcome"]
        await pilot.press("2", "x")  # again after another path (Ctrl+L only redraws now)
        assert where(app) == "welcome" and app.guide.session.history == ["welcome"]


async def test_the_palette_offers_the_tools(app: GuideApp) -> None:
    async with app.run_test(size=SIZE):
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Map", "Option grid", "Notes", "Export handout", "Presentation mode", "Clear session"} <= titles


def printable_keys(bindings: list[BindingType]) -> set[str]:
    """The characters (letters, digits, ?, !) that the bindings act on."""
    keys = set()
    for binding in bindings:
        for key in (binding.key if isinstance(binding, Binding) else binding[0]).split(","):
            character = key if len(key) == 1 else key_to_character(key)
            if character and character.isprintable() and not character.isspace():
                keys.add(character)
    return keys


def test_help_names_every_character_key_of_the_guide() -> None:
    listed: set[str] = set()
    for token in re.findall(r"[^\s,()]+", " ".join(pressing for _, pressing in KEY_TABLE)):
        if re.fullmatch(r"\d-\d", token):  # "1-9"
            listed |= {str(n) for n in range(int(token[0]), int(token[2]) + 1)}
        else:  # "j/k" lists two keys; "/" alone is one
            listed |= set(token.split("/")) - {""} if len(token) > 1 else {token}
    bound = printable_keys([*GuideApp.BINDINGS, *GuideScreen.BINDINGS])
    assert bound - listed == set(), "keys that work on the guide screen but help does not name"


async def test_nothing_is_written_without_an_export(app: GuideApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1", "t", "space", "escape", "n", "a", "escape", "m", "escape", "o", "escape", "p", "p")
        await pilot.press("q", "y")
        await pilot.pause()
    assert list(tmp_path.iterdir()) == []
