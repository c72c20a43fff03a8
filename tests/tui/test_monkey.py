"""A seeded storm of keys, clicks and resizes on the TUI's test guide: the app must never raise."""

from __future__ import annotations

from pathlib import Path

from hfs_guide.core.model import Graph
from tests.hardening.storm import storm


async def test_random_keys_clicks_and_resizes_never_crash(graph: Graph, tmp_path: Path) -> None:
    await storm(graph, seed=20261124, actions=300, export_dir=tmp_path)
