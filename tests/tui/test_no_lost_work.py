"""Nobody loses their notes or their handout: safe answers by default, Ctrl+L only redraws,
export names never collide, and no file name crashes the export dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, Input

from hfs_guide.tui.app import GuideApp
from hfs_guide.tui.screens.confirm import ConfirmScreen
from hfs_guide.tui.screens.export import ExportScreen
from tests.tui.conftest import SIZE


async def open_quit_question(app: GuideApp, pilot: Any) -> None:
    app.guide.keep_notes("ask about the scan")
    await pilot.press("q")


async def open_clear_question(app: GuideApp, pilot: Any) -> None:
    app.guide.keep_notes("ask about the scan")
    await pilot.press("x")


async def open_replace_question(app: GuideApp, pilot: Any) -> None:
    app.guide.keep_notes("ask about the scan")
    await pilot.press("e")
    app.screen.query_one(Input).value = str(app.guide.export_dir / "taken.html")
    await pilot.press("enter")


@pytest.mark.parametrize("opening", [open_quit_question, open_clear_question, open_replace_question], ids=["quit", "clear", "replace"])
async def test_enter_alone_never_destroys(app: GuideApp, tmp_path: Path, opening: Any) -> None:
    (tmp_path / "taken.html").write_text("the first patient's handout\n")
    async with app.run_test(size=SIZE) as pilot:
        await opening(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        focused = app.screen.focused
        assert isinstance(focused, Button) and focused.id == "no"
        await pilot.press("enter")
        assert app.is_running and not isinstance(app.screen, ConfirmScreen)
        assert app.guide.session.notes == "ask about the scan"
        assert (tmp_path / "taken.html").read_text() == "the first patient's handout\n"



async def test_ctrl_l_never_clears_the_session(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1")
        app.guide.keep_notes("ask about the scan")
        await pilot.press("ctrl+l")
        assert app.screen is app.guide  # no question, nothing cleared
        assert app.guide.session.notes == "ask about the scan" and app.guide.session.current_id == "a2"
