"""Fixtures for the Textual front end: the TUI's own test guide, never the shipped content."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest

from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Graph
from hfs_guide.tui.app import GuideApp

CONTENT = Path(__file__).parent / "content"
SIZE = (80, 24)


@pytest.fixture(scope="session")
def graph() -> Graph:
    """The TUI test guide (tests/tui/content): every node kind, links, markup-looking text."""
    return load_graph(CONTENT)


@pytest.fixture
def app(graph: Graph, tmp_path: Path) -> GuideApp:
    """A fresh app over the test guide; handouts are offered in a temporary folder, never home."""
    return GuideApp(graph, export_dir=tmp_path)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (the test extra has no asyncio plugin)."""
    test = pyfuncitem.obj
    if not inspect.iscoroutinefunction(test):
        return None
    names = inspect.signature(test).parameters
    asyncio.run(test(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True
