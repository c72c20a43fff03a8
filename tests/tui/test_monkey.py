"""A seeded storm of keys, clicks and resizes: the app must never raise."""

from __future__ import annotations

import random
from pathlib import Path

from hfs_guide.core.model import Graph
from hfs_guide.tui.app import GuideApp

KEYS = [
    *"123456789bfhugjk", "backspace", "escape", "enter", "up", "down", "pageup", "pagedown",
    "home", "end", "tab", "shift+tab", "question_mark", "exclamation_mark", "f1", "slash",
    "ctrl+p", "y", "n", "left", "right", "space", "x", "[", "]", "m", "o", "e", "p", "t",
]
SIZES = [(80, 24), (100, 30), (200, 50), (40, 12), (39, 11), (20, 5), (1, 1), (120, 8), (10, 40)]
ACTIONS = 300


async def test_random_keys_clicks_and_resizes_never_crash(graph: Graph, tmp_path: Path) -> None:
    rng = random.Random(20261124)
    app = GuideApp(graph, export_dir=tmp_path)  # Enter in the export dialog writes here, not home
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(ACTIONS):
            roll = rng.random()
            if roll < 0.08:
                await pilot.resize_terminal(*rng.choice(SIZES))
            elif roll < 0.15:
                width, height = app.size
                await pilot.click(offset=(rng.randrange(max(width, 1)), rng.randrange(max(height, 1))))
            else:
                await pilot.press(rng.choice(KEYS))
        assert app.is_running
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        # Whatever happened, the session is still consistent and the keys still work.
        assert app.guide.session.current_id in graph.nodes
