"""Every key of the DESIGN.md key table, driven through Pilot."""

from __future__ import annotations

import pytest
from textual.command import Command, CommandList, CommandPalette

from hfs_guide.tui.app import GuideApp
from hfs_guide.tui.screens.confirm import ConfirmScreen
from hfs_guide.tui.screens.glossary import GlossaryScreen
from hfs_guide.tui.screens.help import HelpScreen
from hfs_guide.tui.widgets.choices import ChoiceList
from tests.tui.conftest import SIZE
from tests.waiting import until


def where(app: GuideApp) -> str:
    return app.guide.session.current_id


def palette_offers(app: GuideApp, title: str) -> bool:
    """The command palette's highlighted result is the page titled `title`."""
    option = app.screen.query_one(CommandList).highlighted_option
    return isinstance(option, Command) and option.hit.text == title


async def test_starts_on_the_start_page_with_the_first_choice_focused(app: GuideApp) -> None:
    async with app.run_test(size=SIZE):
        choices = app.screen.query_one(ChoiceList)
        assert where(app) == "welcome"
        assert app.focused is choices and choices.highlighted == 0


@pytest.mark.parametrize(("key", "target"), [("1", "a1"), ("2", "b1"), ("3", "urgent-care")])
async def test_number_keys_choose(app: GuideApp, key: str, target: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        assert where(app) == target


async def test_a_number_without_a_choice_does_nothing(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("9", "4")
        assert where(app) == "welcome"


@pytest.mark.parametrize(("keys", "target"), [(("down", "enter"), "b1"), (("j", "j", "k", "enter"), "b1"), (("down", "up", "enter"), "a1")])
async def test_arrows_and_jk_then_enter(app: GuideApp, keys: tuple[str, ...], target: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        assert where(app) == target


async def test_mouse_click_on_a_choice(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        # Line 2 of the list is choice 2 (the border sits above line 1).
        assert await pilot.click(ChoiceList, offset=(30, 2))
        assert where(app) == "b1"


@pytest.mark.parametrize("back", ["backspace", "b", "escape"])
async def test_back_and_forward(app: GuideApp, back: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1", back)
        assert where(app) == "a1"
        await pilot.press(back)
        assert where(app) == "welcome"
        await pilot.press("f", "f")
        assert where(app) == "a2"


async def test_back_and_forward_are_hidden_when_impossible(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = app.guide
        shown = {b.binding.action for b in screen.active_bindings.values()}
        assert "back" not in shown and "forward" not in shown and "home" not in shown
        await pilot.press("1")
        shown = {b.binding.action for b in screen.active_bindings.values()}
        assert {"back", "home"} <= shown and "forward" not in shown
        await pilot.press("b")
        assert "forward" in {b.binding.action for b in screen.active_bindings.values()}


async def test_home_after_one_step_goes_straight_home(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "h")
        assert where(app) == "welcome"
        await pilot.press("b")
        assert where(app) == "a1"  # home pushed onto history


@pytest.mark.parametrize(("answer", "target"), [("y", "welcome"), ("n", "a2"), ("escape", "a2"), ("enter", "welcome")])
async def test_home_asks_before_leaving_a_deep_path(app: GuideApp, answer: str, target: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1", "h")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press(answer)
        assert not isinstance(app.screen, ConfirmScreen)
        assert where(app) == target


@pytest.mark.parametrize("key", ["u", "exclamation_mark"])
async def test_urgent_care_from_anywhere(app: GuideApp, key: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press(key)
        assert app.screen is app.guide and where(app) == "urgent-care"
        await pilot.press("b")
        assert where(app) == "a1"


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_opens_and_closes(app: GuideApp, key: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press(key)
        assert app.screen is app.guide
        await pilot.press(key, "escape")
        assert app.screen is app.guide and where(app) == "welcome"  # escape closed, did not go back


async def test_glossary_opens_and_escape_closes_it(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "g")
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press("escape")
        assert app.screen is app.guide and where(app) == "a1"


@pytest.mark.parametrize("key", ["slash", "ctrl+p"])
async def test_search_opens_the_palette_and_jumps(app: GuideApp, key: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        assert app.screen.is_modal and CommandPalette.is_open(app)
        await pilot.press(*"deep page")
        await until(pilot, lambda: palette_offers(app, "Path A, second step"), "the search result")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.guide and where(app) == "a2"
        await pilot.press("b")
        assert where(app) == "welcome"  # the jump pushed onto history


async def test_search_from_a_layer_searches_the_guide(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark", "ctrl+p", *"deep page")
        await until(pilot, lambda: palette_offers(app, "Path A, second step"), "the search result")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.guide and where(app) == "a2"


async def test_escape_closes_the_palette_without_going_back(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "slash", "escape")
        assert app.screen is app.guide and where(app) == "a1"


@pytest.mark.parametrize("key", ["q", "ctrl+c", "ctrl+q"])
async def test_quit_keys(app: GuideApp, key: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", key)
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


async def test_quit_asks_when_notes_were_not_exported(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.guide.session.set_notes("ask about the scan")
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.is_running and app.screen is app.guide
        await pilot.press("q", "y")
        await pilot.pause()
        assert not app.is_running
