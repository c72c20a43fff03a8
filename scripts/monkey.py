"""Long monkey runs against the guide: `python scripts/monkey.py --actions 5000 --seeds 3`.

Prints each seed's result; exits 1 if any run raised. CI runs a capped version
(tests/hardening/test_monkey.py).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the storm lives with the tests

from hfs_guide.core.loader import load_graph
from tests.hardening.storm import storm  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", help="content folder (default: the shipped guide)")
    parser.add_argument("--actions", type=int, default=3000)
    parser.add_argument("--seeds", type=int, default=1)
    parser.add_argument("--first-seed", type=int, default=1)
    args = parser.parse_args()
    graph = load_graph(args.content)
    failed = 0
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        started = time.perf_counter()
        try:
            with tempfile.TemporaryDirectory() as exports:
                asyncio.run(storm(graph, seed, args.actions, Path(exports)))
            print(f"seed {seed}: {args.actions} actions, ok ({time.perf_counter() - started:.0f} s)")
        except Exception:  # report every failing seed, then exit non-zero
            failed += 1
            print(f"seed {seed}: FAILED")
            traceback.print_exc()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
