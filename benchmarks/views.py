"""Whole-guide views on a large guide, next to the same views on the shipped guide, one run.

    python benchmarks/views.py [--nodes 10000] [--walk 1250] [--timeout 120]

Times, in the full-screen app driven headless by Textual's Pilot (100x30):

  map open           `m` until the map (the guide's parts, each with its pages) is drawn
  map open after     the same after a walk of --walk steps: the map opens on that page, far
    a walk           down its part
  map, next part     Tab in the open map until the next part's first page is drawn
  search open        `/` until the palette lists its first hits
  search key         one more key ("s") until the palette's hits are settled
  search miss        a word no page holds ("zq"): every body is read (the first time; the
                     palette stays responsive meanwhile) until the palette says so
  option grid open   `o` until the grid's first screen is drawn (the synthetic guide has one
                     option in five nodes: 1,500 options at 10,000 nodes)
  option grid, all   ... until the rest is drawn too, in slices, the app answering meanwhile
  step after walk    one choice after a walk of --walk steps (the breadcrumb is that long on
                     the synthetic guide; on the shipped guide loops keep it short)
  body first paint   a jump to a page whose body is the worst shape we know at the body size
                     limit (a one-column table, a list, headings, rules, indented code) next
                     to the same page with its shipped body

Every figure is measured in a child process of its own, killed after --timeout seconds (a
view that freezes shows as "> N s"), and its peak memory (max RSS of that child) is printed
too. Pilot's own overhead (waiting for idle) is in both columns: compare them, not the
absolute values. Target: every figure on the large guide under about a second, and none
growing faster than the guide.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from large_graph import write_guide  # noqa: E402  (a sibling script, not a package)

SIZE = (100, 30)
BIG_NODE = "option-revision-surgery"  # the largest shipped body: its page gets the worst shapes


def worst_bodies(limit: int) -> dict[str, str]:
    """Bodies of just under `limit` bytes in the shapes that cost Rich the most per byte."""

    def fill(head: str, unit: str) -> str:
        return head + unit * ((limit - len(head) - 1) // len(unit))

    return {
        "table": fill("| a |\n|---|\n", "| c |\n"),
        "list": fill("", "1. x\n"),
        "headings": fill("", "# H\n\n"),
        "rules": fill("", "---\n\n"),
        "code": fill("", "\tx\n"),
        "quoted list": fill("", "> - x\n"),
    }


# -- one measurement, in a child process ------------------------------------------------------
async def measure(view: str, content: Path, walk: int, node: str) -> float:
    from hfs_guide.core.loader import load_graph
    from hfs_guide.tui.app import GuideApp

    graph = load_graph(content)
    with tempfile.TemporaryDirectory() as exports:
        app = GuideApp(graph, export_dir=Path(exports))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            guide = app.guide
            if view in ("step", "map-deep"):
                for _ in range(walk):
                    if guide.session.current.choices:
                        guide.action_choose(1)
                    else:
                        guide.jump(graph.start)
                await pilot.pause()
            started = time.perf_counter()
            if view in ("map", "map-deep"):
                await pilot.press("m")
            elif view == "map-tab":
                await pilot.press("m")
                await pilot.pause()
                started = time.perf_counter()
                await pilot.press("tab")
            elif view in ("grid", "grid-all"):
                from hfs_guide.tui.widgets.blocklines import BlockLines

                guide.action_options()  # not pilot.press: it would wait for the whole grid
                while not (app.screen.query(BlockLines) and len(app.screen.query_one(BlockLines).lines) >= SIZE[1]):
                    await asyncio.sleep(0.002)
                while view == "grid-all" and not app.screen.query_one(BlockLines).complete:
                    await asyncio.sleep(0.002)
                return time.perf_counter() - started
            elif view == "search":
                await pilot.press("slash")
                await app.workers.wait_for_complete()
            elif view in ("search-key", "search-miss"):
                await pilot.press("slash")
                await app.workers.wait_for_complete()
                await pilot.pause()
                started = time.perf_counter()
                await pilot.press(*("s" if view == "search-key" else "zq"))
                await app.workers.wait_for_complete()
            elif view == "step":
                await pilot.press("1" if guide.session.current.choices else "h")
            elif view == "body":
                guide.jump(node)
            await pilot.pause()
            return time.perf_counter() - started


def child(args: argparse.Namespace) -> None:
    seconds = asyncio.run(measure(args.view, args.content, args.walk, args.node))
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb()}))


def peak_mb() -> float:
    """This process's peak memory. Not getrusage's ru_maxrss: on Linux it keeps the peak of
    the parent that forked us (the large guide writer) across exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(view: str, content: Path, args: argparse.Namespace, node: str = "") -> str:
    """Run one measurement in a child; its figure as text ("> N s" when it timed out)."""
    argv = [sys.executable, __file__, "--child", view, "--content", str(content), "--walk", str(args.walk), "--node", node]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return f"> {args.timeout:.0f} s (killed)"
    if done.returncode != 0:
        return f"failed: {(done.stderr.strip().splitlines() or ['?'])[-1][:60]}"
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return f"{result['seconds'] * 1000:8.0f} ms {result['peak_mb']:6.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--walk", type=int, default=1_250)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", help="comma-separated views: map,map-deep,map-tab,search,search-key,search-miss,grid,grid-all,step,body")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--content", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--node", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(argparse.Namespace(view=args.child, content=args.content, walk=args.walk, node=args.node))
        return

    from hfs_guide.core.files import BODY_LIMIT, shipped_content_dir

    shipped = shipped_content_dir()
    views = args.only.split(",") if args.only else ["map", "map-deep", "map-tab", "search", "search-key", "search-miss", "grid", "grid-all", "step", "body"]
    with tempfile.TemporaryDirectory() as scratch:
        big = Path(scratch) / "big"
        write_guide(args.nodes, big)
        print(f"views, headless {SIZE[0]}x{SIZE[1]}: shipped guide vs a synthetic guide of {args.nodes:,} nodes "
              f"(time from the key to the view drawn, and the child's peak memory)")
        names = {"map": "map open", "map-deep": f"map open after {args.walk:,} steps", "map-tab": "map, next part (Tab)",
                 "search": "search open", "search-key": "search, one more key",
                 "search-miss": "search, a word nowhere",
                 "grid": "option grid open", "grid-all": "option grid, all drawn",
                 "step": f"a step after {args.walk:,} steps"}
        print(f"  {'view':28} {'shipped':>18}   {'synthetic':>18}")
        for view in views:
            if view in names:
                print(f"  {names[view]:28} {run(view, shipped, args):>18}   {run(view, big, args):>18}", flush=True)
        if "body" in views:
            print(f"  first paint of a body at the limit ({BODY_LIMIT:,} bytes), page {BIG_NODE!r}:")
            print(f"  {'shipped body':28} {run('body', shipped, args, BIG_NODE):>18}", flush=True)
            for shape, body in worst_bodies(BODY_LIMIT).items():
                folder = Path(scratch) / f"body-{shape.replace(' ', '-')}"
                shutil.copytree(shipped, folder)
                (folder / "nodes" / f"{BIG_NODE}.md").write_text(body, encoding="utf-8")
                print(f"  {shape:28} {run('body', folder, args, BIG_NODE):>18}", flush=True)


if __name__ == "__main__":
    main()
