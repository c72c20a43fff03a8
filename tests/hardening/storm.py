"""A seeded storm of keys, clicks and resizes against the app, for tests and scripts/monkey.py.

Exports go to `export_dir`: a random Enter in the export dialog must never write into the
real home folder.
"""

from __future__ import annotations

import random
from pathlib import Path

from hfs_guide.core.model import Graph
from hfs_guide.tui.app import GuideApp

KEYS = [
    *"123456789bfhugjkmonepqtxy", "backspace", "escape", "enter", "up", "down", "pageup", "pagedown",
    "home", "end", "tab", "shift+tab", "question_mark", "exclamation_mark", "f1", "slash", "ctrl+p",
    "left", "right", "space", "[", "]", "ctrl+l",
]
# Fixed seeds, so a failure replays exactly (`scripts/monkey.py --first-seed N --seeds 1`).
# Several short storms from different seeds reach more states than one long one; each action
# costs ~40-60 ms of Pilot waiting, so CI keeps the total near a minute.
SEEDS = (20261124, 1, 2)
SIZES = [(80, 24), (100, 30), (200, 50), (40, 12), (39, 11), (20, 5), (1, 1), (120, 8), (10, 40), (300, 3)]


async def storm(graph: Graph, seed: int, actions: int, export_dir: Path) -> GuideApp:
    """Throw `actions` random inputs at a fresh app; returns the app, still running."""
    rng = random.Random(seed)
    app = GuideApp(graph, export_dir=export_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(actions):
            roll = rng.random()
            if roll < 0.08:
                await pilot.resize_terminal(*rng.choice(SIZES))
            elif roll < 0.15:
                width, height = app.size
                await pilot.click(offset=(rng.randrange(max(width, 1)), rng.randrange(max(height, 1))))
            else:
                key = rng.choice(KEYS)
                # Never answer a quit dialog with "yes": the storm must keep the app running.
                await pilot.press(key if key != "q" else "escape")
        assert app.is_running, "the app stopped during the storm"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.guide.session.current_id in graph.nodes
    return app
