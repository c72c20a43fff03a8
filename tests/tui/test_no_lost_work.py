"""Nobody loses their notes or their handout: safe answers by default, Ctrl+L only redraws,
export names never collide, no file name crashes the export dialog, a browser user learns
nothing about the server's files, urgent help answers on the too-small notice, and the
palette's page keys never crash it."""

from __future__ import annotations

import asyncio
import errno
import html
import os
import re
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList, CommandPalette, DiscoveryHit
from textual.widgets import Button, Input, Static

from hfs_guide.tui.app import GuideApp
from hfs_guide.tui.screens.confirm import ConfirmScreen
from hfs_guide.tui.screens.export import ExportScreen
from hfs_guide.tui.search import NodeSearch
from tests.tui.conftest import SIZE


async def open_quit_question(app: GuideApp, pilot: Any) -> None:
    app.session.set_notes("ask about the scan")
    await pilot.press("q")


async def open_clear_question(app: GuideApp, pilot: Any) -> None:
    app.session.set_notes("ask about the scan")
    await pilot.press("x")


async def open_replace_question(app: GuideApp, pilot: Any) -> None:
    app.session.set_notes("ask about the scan")
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
        app.session.set_notes("ask about the scan")
        await pilot.press("ctrl+l")
        assert app.screen is app.guide  # no question, nothing cleared
        assert app.guide.session.notes == "ask about the scan" and app.guide.session.current_id == "a2"


def problem(app: GuideApp) -> str:
    return str(app.screen.query_one("#export-problem", Static).render())


async def test_a_second_export_is_offered_a_new_name(app: GuideApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.session.set_notes("first patient")
        await pilot.press("e", "enter")  # the offered name, as a busy clinic would
        [first] = list(tmp_path.iterdir())
        await pilot.press("x")  # the session was exported: clearing does not ask
        app.session.set_notes("second patient")
        await pilot.press("e")
        offered = Path(app.screen.query_one(Input).value)
        assert offered.parent == tmp_path and offered != first and offered.suffix == ".html"
        await pilot.press("enter")
        assert app.screen is app.guide
        assert "first patient" in first.read_text() and "second patient" in offered.read_text()


@pytest.mark.parametrize(
    "typed",
    ["x" * 300 + ".html", "a/" * 2100 + "b.html", "é" * 130 + ".md"],
    ids=["name-over-255-bytes", "path-over-4096-bytes", "multibyte-name-over-255-bytes"],
)
async def test_a_name_over_the_system_limit_is_a_message(app: GuideApp, tmp_path: Path, typed: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.session.set_notes("keep me")
        await pilot.press("e")
        app.screen.query_one(Input).value = str(tmp_path / typed)
        await pilot.press("enter")
        assert app.is_running and isinstance(app.screen, ExportScreen)
        assert "too long" in problem(app)
        await pilot.press("escape")
        assert app.guide.session.notes == "keep me" and list(tmp_path.iterdir()) == []


async def test_a_folder_that_may_not_be_searched_is_a_message(app: GuideApp, tmp_path: Path, monkeypatch: Any) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    if os.geteuid() == 0:  # root searches any folder: refuse as the kernel would for a user
        real_stat = os.stat

        def stat(path: Any, *args: Any, **kwargs: Any) -> Any:
            if os.fsdecode(path).startswith(str(locked) + os.sep):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
            return real_stat(path, *args, **kwargs)

        monkeypatch.setattr(os, "stat", stat)
    try:
        async with app.run_test(size=SIZE) as pilot:
            app.session.set_notes("keep me")
            await pilot.press("e")
            app.screen.query_one(Input).value = str(locked / "inner" / "summary.html")
            await pilot.press("enter")
            assert app.is_running and isinstance(app.screen, ExportScreen)
            assert "may not" in problem(app)
            await pilot.press("escape")
            assert app.guide.session.notes == "keep me"
    finally:
        locked.chmod(0o700)


async def test_in_a_browser_only_a_file_name_is_asked_and_the_server_disk_is_never_probed(
    graph: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    home = tmp_path / "server-home"
    (home / "patients").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(GuideApp, "is_web", property(lambda self: True))
    looked_at: list[str] = []
    real_stat = os.stat

    def stat(path: Any, *args: Any, **kwargs: Any) -> Any:
        looked_at.append(os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else str(path))
        return real_stat(path, *args, **kwargs)

    app = GuideApp(graph, export_dir=home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert "/" not in app.screen.query_one(Input).value  # a name, not a server path
        monkeypatch.setattr(os, "stat", stat)
        answers = []
        for typed in ["~/patients", "~/nothing-here", str(home / "patients"), str(home / "none"), "~", "../x.html"]:
            app.screen.query_one(Input).value = typed
            await pilot.press("enter")
            assert isinstance(app.screen, ExportScreen)
            answers.append(problem(app))
        monkeypatch.setattr(os, "stat", real_stat)
        assert len(set(answers)) == 1 and "only a file name" in answers[0]
        assert str(home) not in answers[0] and "is a folder" not in answers[0] and "does not exist" not in answers[0]
        assert not [path for path in looked_at if "patients" in path or "none" in path or "nothing" in path]


def screen_text(app: GuideApp) -> str:
    """The words on the terminal, as a person reads them (the SVG screenshot's text)."""
    svg = app.export_screenshot()
    cells = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    return html.unescape(" ".join(cells)).replace("\xa0", " ")


@pytest.mark.parametrize("size", [(39, 11), (30, 8), (20, 6)], ids=["39x11", "30x8", "20x6"])
@pytest.mark.parametrize("key", ["u", "exclamation_mark"])
async def test_the_too_small_notice_answers_urgent_help_with_the_contacts(app: GuideApp, size: tuple[int, int], key: str) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert "000" not in screen_text(app)
        await pilot.press(key)
        words = screen_text(app)
        assert "000" in words and "Emergency" in words  # the emergency number from the content
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert app.screen is app.guide


async def test_page_keys_in_the_palette_before_its_list_is_shown_do_not_crash(app: GuideApp, monkeypatch: Any) -> None:
    """Textual 8.2.8 fills the palette's list in batches and lays it out only when the search
    ends; Page Up/Down in between (a slow search on a big guide) raised KeyError: 0."""
    listed, release = asyncio.Event(), asyncio.Event()

    async def slow_discover(self: NodeSearch) -> Any:
        for title in ("First page", "Second page"):
            yield DiscoveryHit(title, lambda: None, title)
            await asyncio.sleep(0.3)  # over Textual's batch time: the list is filled once before the end
        listed.set()
        await release.wait()

    monkeypatch.setattr(NodeSearch, "discover", slow_discover)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await asyncio.wait_for(listed.wait(), timeout=20)
        await pilot.press("pagedown", "pageup", "pagedown")
        assert app.is_running and CommandPalette.is_open(app)
        release.set()
        await pilot.pause(0.3)
        await pilot.press("pagedown")  # once the list is shown, the keys page as before
        assert (app.screen.query_one(CommandList).highlighted or 0) > 0
        await pilot.press("escape")
        assert app.screen is app.guide
