"""Back and forward bring each page back as it was left: scroll position and highlighted choice."""

from __future__ import annotations

from hfs_guide.tui.app import GuideApp
from hfs_guide.tui.widgets.body import NodeBody
from hfs_guide.tui.widgets.choices import ChoiceList
from tests.tui.conftest import SIZE


async def test_back_and_forward_restore_scroll_and_highlight(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        body = app.screen.query_one(NodeBody)
        choices = app.screen.query_one(ChoiceList)
        await pilot.press("1", "pagedown", "pagedown", "down")
        scrolled = body.scroll_y
        assert scrolled > 0 and choices.highlighted == 1
        await pilot.press("1")
        assert body.scroll_y == 0 and choices.highlighted == 0  # a new page starts at the top
        await pilot.press("down", "b")
        assert body.scroll_y == scrolled and choices.highlighted == 1
        await pilot.press("f")
        assert app.guide.session.current_id == "a2" and choices.highlighted == 1


async def test_a_new_step_forgets_the_pages_ahead(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        choices = app.screen.query_one(ChoiceList)
        await pilot.press("1", "down", "1", "b", "b", "2")  # a1 was left with choice 2 highlighted
        await pilot.press("b", "1")  # a fresh visit of a1: the old look is gone
        assert app.guide.session.current_id == "a1" and choices.highlighted == 0


async def test_home_and_end_scroll_the_page_not_the_list(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        body = app.screen.query_one(NodeBody)
        await pilot.press("1", "end")
        assert body.scroll_y == body.max_scroll_y > 0
        await pilot.press("home")
        assert body.scroll_y == 0 and app.guide.session.current_id == "a1"


async def test_the_breadcrumb_shows_the_route_and_jumps(app: GuideApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "1")
        trail = app.screen.query_one("#trail")
        assert trail.render().plain == "Welcome › Path A, first step › Path A, second step"
        await pilot.click("#trail", offset=(3, 0))
        assert app.guide.session.current_id == "welcome" and app.guide.session.can_back
