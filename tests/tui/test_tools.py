"""Consultation tools: ticked questions, notes and the handout export (never over a file unasked)."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input, Static, TextArea

from hfs_guide.tui.app import GuideApp
from hfs_guide.tui.screens.confirm import ConfirmScreen
from hfs_guide.tui.screens.export import ExportScreen
from hfs_guide.tui.screens.notes import NotesScreen
from hfs_guide.tui.screens.questions import QuestionsScreen
from hfs_guide.tui.screens.guide import HANDOUT_DELIVERY
from hfs_guide.tui.widgets.body import NodeBody
from tests.tui.conftest import SIZE

QUESTION = "How long should I wait before [b]deciding[/b]?"
NOTE = "Ask about the [b]scan[/b] and [@click=app.quit]x[/]"


def page(app: GuideApp) -> list[str]:
    return app.screen.query_one(NodeBody).lines


def shown(app: GuideApp) -> set[str]:
    return {binding.binding.action for binding in app.screen.active_bindings.values()}


async def export_to(app: GuideApp, pilot: Any, target: Path | str) -> None:
    """Open the export dialog, put `target` in the name field and press Enter."""
    await pilot.press("e")
    assert isinstance(app.screen, ExportScreen)
    app.screen.query_one(Input).value = str(target)
    await pilot.press("enter")


def problem(app: GuideApp) -> str:
    return str(app.screen.query_one("#export-problem", Static).render())


async def test_t_ticks_this_pages_questions_and_the_page_shows_them(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        assert "questions" in shown(app)  # shown everywhere: on a page without questions, t says so
        await pilot.press("1", "1", "t")
        assert isinstance(app.screen, QuestionsScreen)
        await pilot.press("space", "down", "enter", "enter", "escape")
        assert app.screen is app.guide
        assert app.guide.session.ticked_on("a2") == {0}
        lines = page(app)
        assert f"[x] {QUESTION}" in lines and "[ ] Who should I call if the twitching gets worse?" in lines
        await pilot.press("t", "space", "t")  # t closes the panel too
        assert app.guide.session.ticked == set() and app.screen is app.guide


async def test_clicking_a_question_in_the_page_ticks_it(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1", "end")
        await pilot.pause()
        body = app.screen.query_one(NodeBody)
        row = next(i for i, line in enumerate(page(app)) if QUESTION in line)
        assert await pilot.click(NodeBody, offset=(8, 1 + row - round(body.scroll_y)))
        assert app.guide.session.ticked_on("a2") == {0} and app.guide.session.unsaved


async def test_notes_keep_what_was_typed_literally(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("q", "u", "question_mark", "[", "b", "]")  # letters type; they do not quit
        await pilot.press("escape")
        assert app.screen is app.guide and app.is_running
        assert app.guide.session.notes == "qu?[b]" and app.guide.session.unsaved
        await pilot.press("n")
        assert app.screen.query_one(TextArea).text == "qu?[b]"  # kept, shown as typed


async def test_ctrl_q_in_the_notes_asks_before_losing_them(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "a", "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NotesScreen) and app.is_running


async def test_notes_and_ticks_reach_the_handout_file(app: GuideApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1", "t", "space", "escape")
        app.session.set_notes(NOTE)
        await export_to(app, pilot, tmp_path / "summary.md")
        assert app.screen is app.guide
        text = (tmp_path / "summary.md").read_text()
        assert f"- [ ] {QUESTION}" in text and NOTE in text
        assert "Path A, second step" in text  # the path walked
        assert not app.guide.session.unsaved


async def test_the_default_name_is_in_the_given_folder_and_html(app: GuideApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        value = app.screen.query_one(Input).value
        assert value.startswith(str(tmp_path)) and value.endswith(".html") and "hfs-guide-summary-" in value
        await pilot.press("enter")
        written = Path(value)
        assert written.read_text().startswith("<!DOCTYPE html>")
        assert stat.S_IMODE(written.stat().st_mode) == 0o600


@pytest.mark.parametrize("answer", ["n", "escape"])
async def test_an_existing_file_is_never_replaced_without_yes(app: GuideApp, tmp_path: Path, answer: str) -> None:
    target = tmp_path / "summary.html"
    target.write_bytes(b"the old summary\n")
    async with app.run_test(size=SIZE) as pilot:
        app.session.set_notes("new notes")
        await export_to(app, pilot, target)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press(answer)
        assert isinstance(app.screen, ExportScreen) and "unchanged" in problem(app)
        assert target.read_bytes() == b"the old summary\n"
        assert app.guide.session.unsaved
        await pilot.press("enter", "y")
        assert app.screen is app.guide and "new notes" in target.read_text()
        assert stat.S_IMODE(target.stat().st_mode) == 0o600 and not app.guide.session.unsaved


async def test_a_missing_folder_or_a_wrong_suffix_is_explained(app: GuideApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await export_to(app, pilot, tmp_path / "no-such-folder" / "summary.html")
        assert isinstance(app.screen, ExportScreen) and "does not exist" in problem(app)
        app.screen.query_one(Input).value = str(tmp_path / "summary.txt")
        await pilot.press("enter")
        assert ".html" in problem(app) and ".md" in problem(app)
        app.screen.query_one(Input).value = str(tmp_path)
        await pilot.press("enter")
        assert "is a folder" in problem(app)
        await pilot.press("escape")
        assert app.screen is app.guide and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "words"), [(errno.EROFS, "read-only"), (errno.EACCES, "read-only"), (errno.ENOSPC, "disk is full"), (errno.EIO, "Nothing was saved")]
)
async def test_write_errors_give_a_message_and_leave_no_file(
    app: GuideApp, tmp_path: Path, monkeypatch: Any, code: int, words: str
) -> None:
    def fail(fd: int) -> None:  # the data is written, then the disk says no
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)
    async with app.run_test(size=SIZE) as pilot:
        app.session.set_notes("keep me")
        await export_to(app, pilot, tmp_path / "summary.md")
        assert isinstance(app.screen, ExportScreen) and app.is_running
        assert words in problem(app)
        assert list(tmp_path.iterdir()) == []  # no half-written file, no temporary file
        assert app.guide.session.unsaved


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
async def test_a_read_only_folder_gives_a_message(app: GuideApp, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await export_to(app, pilot, folder / "summary.md")
            assert "read-only" in problem(app) and list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


async def test_a_read_only_place_as_root_gives_a_message(app: GuideApp, tmp_path: Path, monkeypatch: Any) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    async with app.run_test(size=SIZE) as pilot:
        await export_to(app, pilot, tmp_path / "summary.html")
        assert "read-only" in problem(app) and list(tmp_path.iterdir()) == []


async def test_in_a_browser_the_handout_goes_to_the_browser(app: GuideApp, tmp_path: Path, monkeypatch: Any) -> None:
    delivered: list[tuple[str, dict[str, Any]]] = []

    def deliver(self: GuideApp, file: Any, **kwargs: Any) -> str:
        delivered.append((file.read(), kwargs))
        return "key"

    monkeypatch.setattr(GuideApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(GuideApp, "deliver_text", deliver)
    async with app.run_test(size=SIZE) as pilot:
        app.session.set_notes(NOTE)
        await pilot.press("e")
        assert app.screen.query_one(Input).value.startswith("hfs-guide-summary-")  # a name, not a server path
        app.screen.query_one(Input).value = "mine.md"
        await pilot.press("enter")
        assert app.screen is app.guide and list(tmp_path.iterdir()) == []
        [(text, options)] = delivered
        assert NOTE in text and options["save_filename"] == "mine.md" and options["name"] == HANDOUT_DELIVERY
        assert app.guide.session.unsaved  # not until the browser has it
        app.post_message(events.DeliveryComplete(key="key", path=None, name=HANDOUT_DELIVERY))
        await pilot.pause()
        assert not app.guide.session.unsaved


async def test_leaving_the_panels_another_way_keeps_their_work(app: GuideApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1", "t", "space", "u")  # urgent help from the question panel
        assert where_id(app) == "urgent-care" and app.guide.session.ticked_on("a2") == {0}
        await pilot.press("n", "h", "i", "ctrl+p")  # the palette from the notes
        assert app.guide.session.notes == "hi"
        await pilot.press("escape", "b", "t", "down", "space", "q")  # q in the panel: ticks count, so it asks
        assert isinstance(app.screen, ConfirmScreen) and app.guide.session.ticked_on("a2") == {0, 1}
        await pilot.press("n")
        assert isinstance(app.screen, QuestionsScreen) and app.is_running


def where_id(app: GuideApp) -> str:
    return app.guide.session.current_id
