"""The real terminal: bytes that are not UTF-8, a terminal that goes away while a layer is
open, a stuck app told to end, an unexpected error, and Ctrl+L. Each runs the guide in a
pseudo-terminal, as a person would."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path
from typing import Iterator

import pytest

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
HANG = 20  # seconds: only a hung process takes this long
RUN_GUIDE = "import sys; from hfs_guide.cli import main; sys.exit(main(['--content', sys.argv[1]]))"
LEFT_ALTERNATE_SCREEN = b"\x1b[?1049l"


class Terminal:
    """The guide in a pseudo-terminal. `prelude` is Python run first (to inject a fault)."""

    def __init__(self, prelude: str = "") -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"TERM": "xterm-256color"}
        # A new session without this terminal as its controlling terminal: closing it sends no
        # SIGHUP, as when the shell that would relay it is slow or gone; writes fail with EIO.
        self.process = subprocess.Popen(
            [sys.executable, "-c", prelude + "\n" + RUN_GUIDE, str(MINI)],
            stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
        )
        os.close(slave)
        self.output = b""
        self.open = True

    def read(self, seconds: float, until: bytes | None = None) -> bool:
        """Collect output for `seconds`, or until `until` shows; True if it showed."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not (until and until in self.output):
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.output += chunk
            elif self.process.poll() is not None:
                break
        return bool(until and until in self.output)

    def quiet(self, still: float = 0.5) -> None:
        """Wait until the screen has stopped changing for `still` seconds (at most HANG)."""
        deadline = time.monotonic() + HANG
        while time.monotonic() < deadline:
            before = len(self.output)
            self.read(still)
            if len(self.output) == before:
                return

    def type(self, data: bytes, settle: float = 0.5) -> None:
        os.write(self.master, data)
        self.read(settle)

    def hang_up(self) -> None:
        """Close the terminal window."""
        os.close(self.master)
        self.open = False

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.open:
            os.close(self.master)


@pytest.fixture
def started() -> Iterator[Terminal]:
    term = Terminal()
    assert term.read(HANG, b"Still twitching"), term.output[-500:]
    yield term
    term.close()


def test_bytes_that_are_not_utf8_are_ignored_or_replaced(started: Terminal) -> None:
    term = started
    term.type(b"\xff\xe9")  # Alt+key in an 8-bit terminal; a lone Latin-1 letter
    term.type(b"1")  # \xe9 waited for more bytes: this ends it
    assert term.process.poll() is None, term.output[-800:]
    term.type(b"n", settle=1.0)  # open the notes
    term.type(b"caf\xe9 ok", settle=1.0)  # a Latin-1 paste
    assert "caf\ufffd ok".encode() in term.output  # shown as a replacement character
    term.type(b"\x1b")  # close the notes (alone: ESC then q would read as Alt+q)
    term.type(b"q")  # quit asks: the notes were not exported
    term.type(b"y")
    assert term.process.wait(timeout=HANG) == 0
    assert b"Traceback" not in term.output and b"UnicodeDecodeError" not in term.output


@pytest.mark.parametrize("layer", [b"m", b"g", b"n"], ids=["map", "glossary", "notes"])
def test_closing_the_terminal_with_a_layer_open_ends_the_process(started: Terminal, layer: bytes) -> None:
    term = started
    term.type(layer + b"ab")  # a layer, and some notes in the notes layer
    term.hang_up()
    assert term.process.wait(timeout=HANG) == 128 + signal.SIGHUP


def test_sigterm_ends_a_stuck_app_and_restores_the_terminal() -> None:
    stuck = "import time; from hfs_guide.tui.screens.guide import GuideScreen; GuideScreen.action_map = lambda self: time.sleep(600)"
    term = Terminal(stuck)
    try:
        assert term.read(HANG, b"Still twitching")
        term.type(b"m")  # the event loop is now busy for ten minutes
        mark = len(term.output)
        term.process.send_signal(signal.SIGTERM)
        assert term.process.wait(timeout=HANG) == 128 + signal.SIGTERM
        term.read(1)
        assert LEFT_ALTERNATE_SCREEN in term.output[mark:]
    finally:
        term.close()


def test_an_unexpected_error_exits_non_zero_after_restoring_the_terminal() -> None:
    # A fault in the input thread (where the UnicodeDecodeError was): Textual "panics", which
    # used to exit 0. process_message is the driver's public hook for each key.
    fault = (
        "from textual import events; from textual.drivers.linux_driver import LinuxDriver\n"
        "real = LinuxDriver.process_message\n"
        "def broken(self, message):\n"
        "    if isinstance(message, events.Key) and message.character == 'Z': raise RuntimeError('injected')\n"
        "    real(self, message)\n"
        "LinuxDriver.process_message = broken"
    )
    term = Terminal(fault)
    try:
        assert term.read(HANG, b"Still twitching")
        mark = len(term.output)
        term.type(b"Z")
        assert term.process.wait(timeout=HANG) != 0
        term.read(1)
        assert LEFT_ALTERNATE_SCREEN in term.output[mark:]
    finally:
        term.close()


def test_ctrl_l_paints_the_whole_screen_again(started: Terminal) -> None:
    term = started
    term.quiet()  # the first screen is fully drawn
    mark = len(term.output)
    term.type(b"\x0c", settle=1.5)
    redrawn = term.output[mark:]
    assert b"Still twitching" in redrawn and b"Mini guide" in redrawn  # the page and the header
    assert b"Clear" not in redrawn  # no question about clearing the session
