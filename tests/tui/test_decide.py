"""Decision support in the full-screen guide: my situation (s), what matters to me (v) and
ready to decide (r), via Pilot; and the option grid's marks, which never change anything else.

Keys as a keyboard user presses them: in a form, Down moves to the next answer, Enter picks
it, Tab goes to the next question.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.segment import Segment
from textual.widgets import RadioSet, Static

from hfs_guide.core.decision import grid_marks
from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Graph
from hfs_guide.core.overview import option_grid
from hfs_guide.tui.app import GuideApp
from hfs_guide.tui.screens.confirm import ConfirmScreen
from hfs_guide.tui.screens.decide import FormScreen
from hfs_guide.tui.screens.options import MARK, GridView, OptionGridScreen
from hfs_guide.tui.widgets.blocklines import BlockLines
from hfs_guide.tui.widgets.body import NodeBody
from tests.tui.conftest import SIZE
from tests.tui.test_tools import export_to
from tests.waiting import until

DECIDE = Path(__file__).parents[1] / "fixtures" / "decide"
SITUATION_LINE = "My situation: operations: two or more; the twitching: stopped and came back"


@pytest.fixture(scope="module")
def decide_graph() -> Graph:
    return load_graph(DECIDE)


@pytest.fixture
def app(decide_graph: Graph, tmp_path: Path) -> GuideApp:
    return GuideApp(decide_graph, export_dir=tmp_path)


def page(app: GuideApp) -> list[str]:
    return app.screen.query_one(NodeBody).lines


def footnote(app: GuideApp) -> str:
    return str(app.screen.query_one("#form-footnote", Static).render())


def chosen(app: GuideApp) -> list[int]:
    """The answer picked for each question of the open form (-1: none)."""
    return [radio_set.pressed_index for radio_set in app.screen.query(RadioSet)]


async def answer_situation(pilot: Any) -> None:
    """Two or more operations; the twitching stopped and came back."""
    await pilot.press("s", "down", "enter", "tab", "down", "enter")


async def test_situation_answers_write_through_and_show_the_pages_that_fit(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, FormScreen)
        await pilot.press("down", "enter")
        assert app.session.situation == {"operations": "two-or-more"}  # kept at once, not on closing
        assert footnote(app) == "My situation: operations: two or more"
        await pilot.press("tab", "down", "enter")
        assert app.session.situation == {"operations": "two-or-more", "course": "came-back"}
        await pilot.press("tab", "enter")  # "Show the pages that fit"
        assert app.screen is app.guide and app.session.current_id == "back-again"
        assert page(app)[0].startswith(SITUATION_LINE) and "(press s to change)" in " ".join(page(app)[:2])
        await pilot.press("1")  # every page carries the line, quietly, at its top
        assert app.session.current_id == "options" and page(app)[0].startswith(SITUATION_LINE)
        await pilot.press("s")
        assert chosen(app) == [1, 1]  # the form opens with the answers given
        await pilot.press("escape")
        assert app.screen is app.guide and app.session.current_id == "options"


async def test_escape_keeps_situation_answers_and_the_back_key_still_works(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "s", "enter", "escape")
        assert app.screen is app.guide and app.session.situation == {"operations": "one"}
        assert page(app)[0].startswith("My situation: operations: one")
        await pilot.press("b")
        assert app.session.current_id == "welcome" and page(app)[0].startswith("My situation: operations: one")


async def test_ratings_are_kept_and_the_option_grid_marks_what_matters_a_lot(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "down", "down", "enter", "tab", "down", "enter", "escape")
        assert app.session.ratings == {"avoid-injections": 2, "fully-free": 1}
        await pilot.press("v")
        assert chosen(app) == [2, 1]
        await pilot.press("escape", "o")
        assert isinstance(app.screen, OptionGridScreen)
        grid = app.screen.query_one(BlockLines)
        await until(pilot, lambda: grid.complete, "the grid to be drawn")
        marks = [line for line in grid.lines if MARK.strip() in line]
        # "Matters a lot" marks both rows the statement touches; "a little" marks nothing.
        # (One option: the grid is a table even at 80 columns, so a mark may wrap.)
        assert len(marks) == 2 and all(MARK + "Avoiding injections" in line for line in marks)
        assert "A chance to be fully free" not in "\n".join(grid.lines)
        hint = str(app.screen.query_one(".layer-hint", Static).render())
        assert "★ marks what you said matters a lot to you, the same way for every option." in hint


async def test_without_ratings_the_grid_has_no_marks_and_no_mark_hint(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        grid = app.screen.query_one(BlockLines)
        await until(pilot, lambda: grid.complete, "the grid to be drawn")
        assert not any("★" in line for line in grid.lines)
        assert "★" not in str(app.screen.query_one(".layer-hint", Static).render())


async def test_ready_a_no_shows_what_could_help_next(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, FormScreen) and "What could help next" not in footnote(app)
        await pilot.press("enter", "tab", "down", "enter")  # sure: yes; know: no
        assert app.session.ready == {"sure": True, "know": False}
        text = footnote(app)
        assert "What could help next (this goes into your handout):" in text
        assert '- Read the options again. See "Options" and "Injections".' in text
        assert "Adapted from the SURE test." in text
        assert "Talk it through" not in text  # a yes adds nothing
        await pilot.press("up", "enter")  # know: yes after all
        assert app.session.ready == {"sure": True, "know": True} and "What could help next" not in footnote(app)


async def test_clearing_the_session_clears_every_answer(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await answer_situation(pilot)
        await pilot.press("escape", "v", "enter", "escape", "r", "enter", "escape")
        assert app.session.situation and app.session.ratings and app.session.ready
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)  # not exported: it asks
        await pilot.press("y")
        assert (app.session.situation, app.session.ratings, app.session.ready) == ({}, {}, {})
        assert not any(line.startswith("My situation") for line in page(app))
        for key in ("s", "v", "r"):
            await pilot.press(key)
            assert chosen(app) == [-1, -1], key
            await pilot.press("escape")


async def test_quitting_with_answers_not_exported_asks(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "enter", "escape", "q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the safe answer: keep them
        assert app.is_running and app.session.ratings == {"avoid-injections": 0}


async def test_the_handout_has_the_three_sections_only_when_answered(app: GuideApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await export_to(app, pilot, tmp_path / "empty.md")
        await until(pilot, lambda: (tmp_path / "empty.md").exists(), "the first handout")
        await answer_situation(pilot)
        await pilot.press("escape", "v", "down", "down", "enter", "escape", "r", "enter", "tab", "down", "enter", "escape")
        await export_to(app, pilot, tmp_path / "answered.md")
        await until(pilot, lambda: (tmp_path / "answered.md").exists(), "the second handout")
        await pilot.press("q")
        assert not app.is_running  # exported: quitting does not ask
    empty = (tmp_path / "empty.md").read_text()
    assert not any(heading in empty for heading in ("## My situation", "## What matters to me", "## Ready to decide?"))
    answered = (tmp_path / "answered.md").read_text()
    assert "## My situation\n\n- How many operations have you had for the twitching? **Two or more**" in answered
    assert "## What matters to me\n\n- Avoiding injections every few months: **Matters a lot**" in answered
    assert "## Ready to decide?\n\n- Do you feel sure about the best choice for you? **Yes**" in answered
    assert '- Read the options again. See "Options" and "Injections".' in answered
    assert "Adapted from the SURE test." in answered


async def test_two_months_after_a_second_operation_the_shipped_guide_opens_late_relief(tmp_path: Path) -> None:
    app = GuideApp(load_graph(), export_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        assert app.session.current_id == "where-are-you"
        assert any(line.lstrip().startswith("Press s to answer a few questions about your situation.") for line in page(app))
        # since: a few months; operations: two or more; since then: never stopped; then the button
        await pilot.press("s", "down", "enter", "tab", "down", "enter", "tab", "enter")
        await pilot.press("tab", "tab", "tab")
        assert app.screen.focused is not None and app.screen.focused.id == "go"
        await pilot.press("enter")
        assert app.session.current_id == "redo-recent"
        assert page(app)[0].startswith("My situation: last operation: a few months ago; operations: two or more;")


# -- the option grid stays neutral -------------------------------------------------------------

BOX = {chr(code) for code in range(0x2500, 0x2580)}


def rendered(view: GridView, width: int) -> list[list[tuple[str, str]]]:
    """The grid's lines at `width`, each as (text, style) per segment."""
    console = Console(width=width, force_terminal=True, color_system="truecolor")
    lines: list[list[tuple[str, str]]] = []
    for block in view.blocks(width):
        for line in console.render_lines(block, console.options.update_width(width), pad=False):
            lines.append([(segment.text, str(segment.style)) for segment in Segment.simplify(line) if segment.text])
    return lines


def is_mark_line(line: list[tuple[str, str]]) -> bool:
    """A line that holds nothing but marks (italic), spaces and table borders."""
    marked = False
    for text, style in line:
        if "italic" in style and text.strip():
            marked = True
        elif text.strip(" " + "".join(BOX)):
            return False
    return marked


@pytest.mark.parametrize("width", [60, 100, 200])
def test_ratings_change_only_the_marks_never_the_order_the_text_or_its_emphasis(width: int) -> None:
    graph = load_graph()  # the shipped options and statements
    values = graph.decision.values
    assert values is not None
    grid = option_grid(graph)
    plain = rendered(GridView(grid), width)
    top = len(values.scale) - 1
    every_way = [
        {v.id: top for v in values.statements},  # everything matters a lot
        {values.statements[0].id: top},
        {v.id: index % len(values.scale) for index, v in enumerate(values.statements)},
    ]
    for ratings in every_way:
        marks = grid_marks(values, ratings)
        assert marks
        with_marks = rendered(GridView(grid, marks), width)
        assert with_marks != plain
        assert [line for line in with_marks if not is_mark_line(line)] == plain
        # One mark per (option, row, statement) the core names, each written the same way.
        text = "\n".join("".join(part for part, _ in line) for line in with_marks)
        assert text.count(MARK) == sum(len(statements) for statements in marks.values())


async def test_t_on_a_page_without_questions_says_so(tmp_path) -> None:
    from hfs_guide.core.loader import load_graph
    from hfs_guide.tui.app import GuideApp

    graph = load_graph(Path(__file__).parents[1] / "fixtures" / "mini")
    app = GuideApp(graph, export_dir=tmp_path)
    said: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        notify = app.guide.notify
        app.guide.notify = lambda message, **kwargs: (said.append(str(message)), notify(message, **kwargs))[1]  # type: ignore[method-assign]
        await pilot.press("2")  # "It came back": no questions
        assert not app.session.current.questions
        await pilot.press("t")
        await pilot.pause()
        assert any("no questions to tick" in message for message in said)
