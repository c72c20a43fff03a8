"""The breadcrumb agrees with Back after jumps (option grid, urgent care), and notifications
never cover the choices or the key bar, at 100x30, 80x24 and 50x15."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Input

from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Graph
from hfs_guide.tui.app import GuideApp
from hfs_guide.tui.widgets.choices import ChoiceList
from hfs_guide.tui.widgets.keybar import KeyBar
from hfs_guide.tui.widgets.trail import Breadcrumb, SEPARATOR

ROOT = Path(__file__).parents[2]
SIZES = [(100, 30), (80, 24), (50, 15)]


@pytest.fixture(scope="module")
def shipped() -> Graph:
    return load_graph(ROOT / "content")


def crumbs(app: GuideApp) -> list[str]:
    return app.guide.query_one(Breadcrumb).render().plain.split(SEPARATOR)


@pytest.mark.parametrize("keys", [["u", "o", "3", "u"], ["o", "3", "u", "o", "3"]], ids=["urgent-again", "option-again"])
async def test_the_crumb_before_the_page_is_where_back_goes_after_a_grid_jump(shipped: Graph, tmp_path: Path,
                                                                               keys: list[str]) -> None:
    # Urgent care, the option grid's Medicines, urgent care again: the trail showed
    # "Welcome > Urgent care" while b went to Medicines.
    app = GuideApp(shipped, export_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        for key in keys:
            await pilot.press(key)
        trail = crumbs(app)
        assert trail[-1] == app.guide.session.current.title
        await pilot.press("b")
        assert trail[-2] == app.guide.session.current.title
        assert crumbs(app)[-1] == trail[-2]


async def until(condition, hang: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + hang
    while not condition():
        assert time.monotonic() < deadline, "hung"
        await asyncio.sleep(0.01)


def covered(app: GuideApp) -> list[Region]:
    """The regions of the notifications on the guide screen (Textual's toasts; a toast that
    does not fit is clipped by its rack, so what shows is checked cell by cell below)."""
    return [toast.region for toast in app.guide.query("Toast")]


def on_top(app: GuideApp, region: Region) -> set[str]:
    """The kinds of widget drawn on top in `region`, cell by cell, as the screen shows it."""
    return {type(app.guide.get_widget_at(x, y)[0]).__name__
            for y in range(region.y, region.bottom) for x in range(region.x, region.right)}


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_notifications_never_cover_the_choices_or_the_keys(shipped: Graph, tmp_path: Path,
                                                                 size: tuple[int, int]) -> None:
    deep = tmp_path / ("a-long-folder-name-for-a-clinic-computer-" * 2) / "summary.html"
    deep.parent.mkdir()
    app = GuideApp(shipped, export_dir=tmp_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("1")
        await pilot.press("e")
        app.screen.query_one(Input).value = str(deep)
        await pilot.press("enter")  # "Handout saved: <a long path>"
        await until(lambda: app.screen is app.guide and len(covered(app)) == 1)
        await pilot.press("x")  # "The session was cleared ..." (exported: no question)
        await until(lambda: len(covered(app)) == 2)
        await pilot.pause()
        choices = app.guide.query_one(ChoiceList).region
        keys = app.guide.query_one(KeyBar).region
        assert choices.area and keys.area
        toasts = {"Toast", "ToastHolder", "ToastRack"}
        assert toasts & on_top(app, Region.from_union(covered(app)))  # the notifications do show
        assert not toasts & on_top(app, choices) and not toasts & on_top(app, keys)
