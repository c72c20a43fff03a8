"""Faults: signals in a real terminal, files vanishing while running, no traceback anywhere."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hfs_guide.core.loader import load_graph
from hfs_guide.tui.app import GuideApp

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


class Terminal:
    """The app in a pseudo-terminal, as a person would run it."""

    def __init__(self, content: Path, *args: str) -> None:
        import fcntl
        import struct
        import termios

        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"TERM": "xterm-256color"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hfs_guide", "--content", str(content), *args],
            stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
        )
        os.close(slave)
        self.output = b""

    def read(self, seconds: float, until: bytes | None = None) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and (until is None or until not in self.output):
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                self.output += chunk
            elif self.process.poll() is not None:
                return

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


# A key that opens a layer, and text the terminal shows once it is open (the palette's
# cursor sits on the placeholder's first letter, so its text starts at "earch").
LAYERS = {"guide": ("", b""), "help": ("?", b"Backspace or b"), "glossary": ("g", b"close the glossary"), "palette": ("/", b"earch the guide")}


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("layer", list(LAYERS))
def test_signals_end_the_app_cleanly_on_any_screen(signum: int, layer: str) -> None:
    term = Terminal(MINI)
    try:
        term.read(20, b"Still twitching")
        assert b"Still twitching" in term.output
        key, shown = LAYERS[layer]
        if key:
            mark = len(term.output)
            os.write(term.master, key.encode())
            term.read(20, shown)  # wait until the layer is on screen
            assert shown in term.output[mark:], f"the {layer} did not open"
        mark = len(term.output)
        term.process.send_signal(signum)
        term.read(10)
        assert term.process.wait(timeout=10) == 128 + signum
        tail = term.output[mark:]
        assert b"\x1b[?1049l" in tail  # left the alternate screen: the terminal is restored
        assert b"Traceback" not in term.output
    finally:
        term.close()


def test_quit_key_exits_zero_in_a_real_terminal() -> None:
    term = Terminal(MINI)
    try:
        term.read(20, b"Still twitching")
        os.write(term.master, b"q")
        term.read(10)
        assert term.process.wait(timeout=10) == 0
    finally:
        term.close()


async def test_a_body_file_deleted_while_running_changes_nothing(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(MINI, tmp_path / "g")
    graph = load_graph(tmp_path / "g")  # bodies are read once, at start
    shutil.rmtree(tmp_path / "g")
    app = GuideApp(graph)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in "1b2":
            await pilot.press(key)
        assert app.guide.session.current_id == "back-again"
        assert app.is_running


def test_content_folder_missing_or_unreadable(tmp_path: Path) -> None:
    missing = subprocess.run([sys.executable, "-m", "hfs_guide", "--content", str(tmp_path / "gone")], capture_output=True, text=True, timeout=30)
    assert missing.returncode == 2 and "content path not found" in missing.stderr
    (tmp_path / "guide.yaml").mkdir()
    unreadable = subprocess.run([sys.executable, "-m", "hfs_guide", "check", str(tmp_path / "guide.yaml")], capture_output=True, text=True, timeout=30)
    assert unreadable.returncode == 1 and "guide.yaml: file not found" in unreadable.stderr
    assert "Traceback" not in missing.stderr + unreadable.stderr
