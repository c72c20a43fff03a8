"""How fast hostile guide.yaml files are refused, next to reading a benign file of the same size.

    python benchmarks/hostile_yaml.py [--repeat 3]

For each hostile shape (an alias bomb, nesting 100,000-200,000 levels deep, a flood of 4 million
tiny values) it prints the best of --repeat `load_graph` refusals and, measured in the same run,
the time libyaml takes just to parse a benign list of the same size in bytes. Target: refusing is
no slower than that bare parse (ratio <= 1.0): the reader stops at the first sign of hostility.
(The alias bomb is 378 bytes; what matters is that it is refused before its 9**9 items exist.)
The tests (tests/core/test_loader.py) only check that each is refused with a located problem,
without a crash, in a child process with a timeout that catches hangs.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import yaml

from hfs_guide.core.loader import load_graph
from hfs_guide.core.problems import ContentError

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

MINI = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "mini"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)
SHAPES = {
    "alias bomb": BOMB,
    "200,000 nested flow lists": "[" * 200_000,
    "200,000 nested block lists": "- " * 200_000 + "x",
    "100,000 nested flow maps": "{a: " * 100_000 + "b",
    "3,999,000 tiny values": "- a\n" * 3_999_000,
}


def best(repeat: int, run) -> float:  # type: ignore[no-untyped-def]
    """The fastest of `repeat` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def refuse(folder: Path) -> None:
    try:
        load_graph(folder)
    except ContentError:
        return
    raise SystemExit(f"{folder}: the hostile guide was accepted")


def bare_parse(text: str) -> None:
    for _ in yaml.parse(text, Loader=Loader):
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| hostile guide.yaml | bytes | refused in | bare parse, benign, same size | ratio |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "mini"
        shutil.copytree(MINI, folder)
        for name, text in SHAPES.items():
            (folder / "guide.yaml").write_text(text, encoding="utf-8")
            refused = best(args.repeat, lambda: refuse(folder))
            benign = "- a\n" * (len(text) // 4)
            baseline = best(args.repeat, lambda: bare_parse(benign))
            # Under 100 KB both take a fraction of a millisecond: a ratio would be noise.
            ratio = f"{refused / baseline:.2f}" if len(text) >= 100_000 else "-"
            print(f"| {name} | {len(text):,} | {refused:,.1f} ms | {baseline:,.1f} ms | {ratio} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
