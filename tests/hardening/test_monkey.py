"""Seeded, capped monkey runs against the shipped guide and a guide of awkward text.

`python scripts/monkey.py --actions 5000` runs longer storms on demand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hfs_guide.core.loader import load_graph
from tests.hardening.storm import SEEDS, storm

AWKWARD = Path(__file__).parents[1] / "fixtures" / "awkward"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: f"seed{seed}")
@pytest.mark.parametrize("content", [None, AWKWARD], ids=["shipped", "awkward"])
async def test_storm_of_input_never_crashes(content: Path | None, seed: int, tmp_path: Path) -> None:
    await storm(load_graph(content), seed=seed, actions=80, export_dir=tmp_path)
