"""A seeded storm of keys, clicks and resizes on the TUI's test guide: the app must never raise."""

from __future__ import annotations

from pathlib import Path

import pytest

from hfs_guide.core.model import Graph
from tests.hardening.storm import SEEDS, storm


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: f"seed{seed}")
async def test_random_keys_clicks_and_resizes_never_crash(graph: Graph, seed: int, tmp_path: Path) -> None:
    await storm(graph, seed=seed, actions=100, export_dir=tmp_path)
