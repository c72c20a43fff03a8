"""Navigation benchmark: key press to "next page on screen and settled", in a real terminal.

The same walk (choose 1 until an ending or MAX_DEPTH steps, then back to the start; then the
same from choices 2 and 3 of the first page) is pressed into three apps in tmux (100x30):

  guide  hfs-guide
  floor  a Textual app that swaps one Static's text (the floor: nothing can be much faster)
  naive  Header + OptionList + Textual's Markdown widget, updated on each step

Each step is timed from `tmux send-keys` to the pane's last change before it stays still for
SETTLE seconds. Forward steps (a new page) and back steps (the page cache) are reported
apart; a first, warm-up round is run and discarded. Targets: forward median <= 1.75x the
floor app and <= 40 ms.

Usage: python benchmarks/navigation.py [--content PATH] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path
from time import perf_counter

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import (  # noqa: E402  (a sibling script, not a package)
    SIZE,
    app_argv,
    capture,
    default_content,
    start,
    stop,
    summary,
    tmux,
    wait_settled,
)

MAX_DEPTH = 6


def walk(graph, first_choices: int = 3) -> list[str]:  # type: ignore[no-untyped-def]
    """Keys for the walk described above, starting and ending on the first page."""
    keys: list[str] = []
    for first in range(1, min(first_choices, len(graph.start_node.choices)) + 1):
        node, seen, depth = graph.nodes[graph.start_node.choices[first - 1].target], {graph.start}, 1
        keys.append(str(first))
        while node.choices and depth < MAX_DEPTH and node.choices[0].target not in seen:
            seen.add(node.id)
            node = graph.nodes[node.choices[0].target]
            keys.append("1")
            depth += 1
        keys.extend("b" * depth)
    return keys


def time_steps(kind: str, content: Path, keys: list[str], ready: str) -> list[tuple[str, float]]:
    session = f"bench-nav-{kind}-{os.getpid()}"
    launched = start(session, app_argv(kind, content))
    times: list[tuple[str, float]] = []
    try:
        wait_settled(session, launched, lambda screen: ready in screen)
        for key in keys:
            before = capture(session)
            pressed = perf_counter()
            tmux("send-keys", "-t", session, key)
            times.append((key, wait_settled(session, pressed, lambda screen: True, before=before)))
    finally:
        stop(session)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    content = args.content or default_content()
    from hfs_guide.core.loader import load_graph

    graph = load_graph(content)
    keys = walk(graph)
    ready = graph.start_node.choices[0].label[:30]
    print(f"navigation, {len(keys)} steps x {args.rounds} rounds, tmux {SIZE[0]}x{SIZE[1]}, content {content}")
    results: dict[str, list[tuple[str, float]]] = {"guide": [], "floor": [], "naive": []}
    for round_number in range(args.rounds + 1):
        for kind, times in results.items():
            steps = time_steps(kind, content, keys, ready)
            if round_number:  # round 0 warms the caches and is not counted
                times.extend(steps)
    medians: dict[tuple[str, str], float] = {}
    for kind, steps in results.items():
        for way, pick in (("forward", lambda key: key != "b"), ("back", lambda key: key == "b")):
            times = [took for key, took in steps if pick(key)]
            medians[kind, way] = statistics.median(times)
            print(f"  {kind:6} {way:8} {summary(times)}")
    forward, floor = medians["guide", "forward"], medians["floor", "forward"]
    print(f"  forward: guide/floor {forward / floor:.2f}x (target <= 1.75x), guide median {forward * 1000:.0f} ms "
          f"(target <= 40 ms); back: guide/floor {medians['guide', 'back'] / medians['floor', 'back']:.2f}x")


if __name__ == "__main__":
    main()
