"""Snapshots at fixed sizes (SVG under __snapshots__). Update after an intended change with:
python -m pytest tests/tui/test_snapshots.py --snapshot-update   (then look at the report)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Graph
from hfs_guide.tui.app import GuideApp


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_start_page(graph: Graph, snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(GuideApp(graph), terminal_size=size)


def test_deep_page(graph: Graph, snap_compare: Any) -> None:
    assert snap_compare(GuideApp(graph), press=["1", "1"], terminal_size=(80, 24))


def test_option_page_wide(graph: Graph, snap_compare: Any) -> None:
    assert snap_compare(GuideApp(graph), press=["1", "1", "1"], terminal_size=(200, 50))


def test_help(graph: Graph, snap_compare: Any) -> None:
    assert snap_compare(GuideApp(graph), press=["question_mark"], terminal_size=(80, 24))


def test_urgent_care(graph: Graph, snap_compare: Any) -> None:
    assert snap_compare(GuideApp(graph), press=["u"], terminal_size=(80, 24))


def test_home_dialog(graph: Graph, snap_compare: Any) -> None:
    assert snap_compare(GuideApp(graph), press=["1", "1", "h"], terminal_size=(80, 24))


def test_too_small(graph: Graph, snap_compare: Any) -> None:
    assert snap_compare(GuideApp(graph), terminal_size=(36, 10))


def test_high_contrast(graph: Graph, snap_compare: Any) -> None:
    assert snap_compare(GuideApp(graph, theme="high-contrast"), press=["2"], terminal_size=(80, 24))


@pytest.mark.parametrize("size", [(80, 24), (50, 15)])
def test_map(graph: Graph, snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(GuideApp(graph), press=["1", "1", "m"], terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_option_grid(graph: Graph, snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(GuideApp(graph), press=["o"], terminal_size=size)


def test_presentation(graph: Graph, snap_compare: Any) -> None:
    assert snap_compare(GuideApp(graph), press=["1", "1", "p"], terminal_size=(100, 30))


def test_questions_panel(graph: Graph, snap_compare: Any) -> None:
    assert snap_compare(GuideApp(graph), press=["1", "1", "t", "space"], terminal_size=(80, 24))


DECIDE = Path(__file__).parents[1] / "fixtures" / "decide"
# Each decision-support layer with an answer picked, so chosen and not chosen both show, and
# the footnote (my situation line; the grid's promise; what could help next) is there.
DECIDE_KEYS = {
    "situation": ["s", "down", "enter"],
    "values": ["v", "down", "down", "enter"],
    "ready": ["r", "enter", "tab", "down", "enter"],
}


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
@pytest.mark.parametrize("layer", list(DECIDE_KEYS))
def test_decision_support(snap_compare: Any, layer: str, size: tuple[int, int]) -> None:
    assert snap_compare(GuideApp(load_graph(DECIDE)), press=DECIDE_KEYS[layer], terminal_size=size)
