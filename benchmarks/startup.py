"""Startup benchmark: launch to "first page on screen and settled", in a real terminal (tmux).

Each app runs RUNS times in a detached tmux session (100x30); the pane is polled with
`tmux capture-pane` until the first page shows and has not changed for SETTLE seconds. The
figure is the time of the last change. Also printed: peak RSS (VmHWM) once settled.

  guide  hfs-guide on the content
  floor  a bare Textual app that shows the first page as one Static (the floor)
  naive  a naive Textual app over the same loaded graph: Header + OptionList + one Markdown widget

A first, warm-up round (cold file caches) is run and discarded. Targets: start-up within
1.4x the floor app; peak memory within 1.2x the naive app.

Usage: python benchmarks/startup.py [--content PATH] [--runs N]
This module also holds the tmux helpers and the comparison apps navigation.py uses.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (100, 30)
SETTLE = 0.25  # seconds without a change that count as "settled"
TIMEOUT = 15.0


# -- tmux ----------------------------------------------------------------------------------
def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def capture(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session)


def start(session: str, argv: list[str]) -> float:
    """Start argv in a new detached session; returns the launch time."""
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    command = "exec " + " ".join(shlex.quote(a) for a in argv)
    launched = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", str(SIZE[0]), "-y", str(SIZE[1]), command)
    return launched


def stop(session: str) -> None:
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def pane_pid(session: str) -> int:
    return int(tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip())


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_settled(session: str, since: float, ready: callable, before: str | None = None) -> float:  # type: ignore[valid-type]
    """Seconds from `since` to the last change of the pane, once `ready(screen)` holds and the
    screen (different from `before`) has been still for SETTLE seconds."""
    last_text, last_change = before, since
    deadline = since + TIMEOUT
    while time.perf_counter() < deadline:
        text = capture(session)
        now = time.perf_counter()
        if text != last_text:
            last_text, last_change = text, now
        elif ready(text) and text != before and now - last_change >= SETTLE:
            return last_change - since
        time.sleep(0.002)
    raise TimeoutError(f"{session}: the screen did not settle:\n{last_text}")


# -- the apps compared -----------------------------------------------------------------------
def app_argv(kind: str, content: Path) -> list[str]:
    if kind == "guide":
        return [sys.executable, "-m", "hfs_guide", "--content", str(content)]
    return [sys.executable, str(Path(__file__).resolve()), "--serve", kind, "--content", str(content)]


def serve(kind: str, content: Path) -> None:
    """Run one comparison app (in the tmux pane). Keys: 1-9 choose, b back, q quit."""
    from textual.app import App, ComposeResult
    from textual.content import Content
    from textual.widgets import Header, Markdown, OptionList, Static

    from hfs_guide.core.loader import load_graph
    from hfs_guide.tui.document import plain_text

    graph = load_graph(content)

    class Compared(App[None]):
        def __init__(self) -> None:
            super().__init__()
            self.path = [graph.start]

        def compose(self) -> ComposeResult:
            node = graph.nodes[graph.start]
            if kind == "naive":
                yield Header()
                yield Markdown(node.body, open_links=False)
                yield OptionList(*(Content(c.label) for c in node.choices))
            else:  # floor: one Static whose text is swapped
                yield Static(self.text(node.id))

        def text(self, node_id: str) -> Content:
            node = graph.nodes[node_id]
            labels = "\n".join(f"{i}  {c.label}" for i, c in enumerate(node.choices, 1))
            return Content(f"{node.title}\n\n{plain_text(node.body)}\n{labels}")

        def show(self) -> None:
            node = graph.nodes[self.path[-1]]
            if kind == "naive":
                self.query_one(Markdown).update(node.body)
                options = self.query_one(OptionList)
                options.clear_options()
                options.add_options([Content(c.label) for c in node.choices])
            else:
                self.query_one(Static).update(self.text(node.id))

        def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
            node = graph.nodes[self.path[-1]]
            if event.key.isdigit() and 1 <= int(event.key) <= len(node.choices):
                self.path.append(node.choices[int(event.key) - 1].target)
                self.show()
            elif event.key == "b" and len(self.path) > 1:
                self.path.pop()
                self.show()
            elif event.key == "q":
                self.exit()

    Compared().run()


def default_content() -> Path:
    """The shipped content when it passes `check`, else the test fixture."""
    shipped = ROOT / "content"
    ok = subprocess.run([sys.executable, "-m", "hfs_guide", "check", str(shipped)], capture_output=True).returncode == 0
    return shipped if ok else ROOT / "tests" / "fixtures" / "mini"


def summary(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"median {statistics.median(ms):6.0f} ms   min {min(ms):6.0f} ms   max {max(ms):6.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--serve", choices=("naive", "floor"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    content = args.content or default_content()
    if args.serve:
        serve(args.serve, content)
        return
    from hfs_guide.core.loader import load_graph

    graph = load_graph(content)
    marker = graph.nodes[graph.start].choices[0].label[:30]
    print(f"startup, {args.runs} runs each, tmux {SIZE[0]}x{SIZE[1]}, content {content}, python {sys.version.split()[0]}")
    results: dict[str, tuple[list[float], list[float]]] = {"guide": ([], []), "floor": ([], []), "naive": ([], [])}
    for round_number in range(args.runs + 1):
        for kind, (times, rss) in results.items():  # interleaved, so drift hits all alike
            session = f"bench-start-{kind}-{os.getpid()}"
            launched = start(session, app_argv(kind, content))
            try:
                took = wait_settled(session, launched, lambda screen: marker in screen)
                peak = peak_rss_mb(pane_pid(session))
            finally:
                stop(session)
            if round_number:  # round 0 warms the caches and is not counted
                times.append(took)
                rss.append(peak)
    for kind, (times, rss) in results.items():
        print(f"  {kind:6} {summary(times)}   peak RSS {statistics.median(rss):5.1f} MB")
    guide, floor, naive = (statistics.median(results[k][0]) for k in ("guide", "floor", "naive"))
    guide_rss, naive_rss = (statistics.median(results[k][1]) for k in ("guide", "naive"))
    print(f"  guide/floor: time {guide / floor:.2f}x (target <= 1.4x); guide/naive: time {guide / naive:.2f}x, "
          f"peak RSS {guide_rss / naive_rss:.2f}x (target <= 1.2x)")


if __name__ == "__main__":
    main()
