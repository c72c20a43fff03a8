"""The real terminal under the app: bytes that are not UTF-8, a terminal that goes away, and
signals that must end the app even when its event loop is stuck.

Why this module exists (Textual 8.2.8, Linux and macOS):
- `LinuxDriver.run_input_thread` decodes stdin with a strict UTF-8 decoder. One byte that is
  not UTF-8 (Alt+key in an 8-bit terminal, a Latin-1 paste) raised UnicodeDecodeError in the
  input thread; the app died with a traceback, the notes were lost, and the exit status was 0.
  `GuideDriver.run_input_thread` is the same loop with `errors="replace"`: such a byte becomes
  U+FFFD (the guide ignores it; the notes show it).
- When the terminal goes away (window closed: writes fail with EIO, reads see end of file),
  Textual's writer thread dies on the first failed write and the event loop then blocks for
  ever on the writer's full queue, so SIGHUP and SIGTERM handlers that run on the loop never
  run. Here a failed write or the end of the terminal's input counts as a hang-up: the output
  is dropped from then on (so nothing blocks) and the process gets SIGHUP.
- `end_on_signals` handles SIGTERM and SIGHUP outside the event loop: it asks the app to exit
  (which restores the terminal) and, should the process still be running a few seconds
  later (a stuck loop, or anything after it that blocks), restores what it can and ends the
  process with 128 + the signal: the signal asked for the process to end, not only the app.

The input loop needs Textual's private escape-sequence parser (`textual._xterm_parser`): there
is no public one, and it stays the same parser Textual uses. The writer's file (`_file`) is
a private attribute of LinuxDriver, replaced here and nowhere else.
"""

from __future__ import annotations

import asyncio
import codecs
import os
import select
import selectors
import signal
import sys
import termios
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator, TextIO

from textual._parser import ParseError  # private: see the module docstring
from textual._xterm_parser import XTermParser  # private: see the module docstring
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver

ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
GRACE_SECONDS = 3.0  # a normal exit takes well under a second; this only catches a stuck app
# What Textual's stop_application_mode writes: keyboard protocol, alternate screen, cursor,
# focus and mouse reports, bracketed paste, line wrap. Used only when the app is stuck.
RESTORE = b"\x1b[<u\x1b[?1049l\x1b[?25h\x1b[?1004l\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?2004l\x1b[?7h"


class TerminalOutput:
    """The driver's output file; after a failed write it drops output and reports a hang-up."""

    def __init__(self, file: TextIO, gone: Callable[[], None]) -> None:
        self._file, self._gone, self.lost = file, gone, False

    def write(self, text: str) -> None:
        if self.lost:
            return
        try:
            self._file.write(text)
        except BlockingIOError:  # someone made the terminal non-blocking: lose a frame (Ctrl+L redraws)
            pass
        except (OSError, ValueError):  # EIO after a hang-up, or the file was closed
            self._lose()

    def flush(self) -> None:
        if self.lost:
            return
        try:
            self._file.flush()
        except BlockingIOError:
            pass
        except (OSError, ValueError):
            self._lose()

    def fileno(self) -> int:
        return self._file.fileno()

    def isatty(self) -> bool:
        return self._file.isatty()

    def _lose(self) -> None:
        self.lost = True
        self._gone()


class GuideDriver(LinuxDriver):
    """Textual's Linux driver, safe against non-UTF-8 input and a terminal that goes away."""

    def __init__(self, app: App[Any], **options: Any) -> None:
        super().__init__(app, **options)
        self._hung_up = threading.Event()
        # Textual types its output as a TextIOWrapper; ours wraps one and writes like one.
        self._file = TerminalOutput(self._file, self.terminal_gone)  # type: ignore[assignment, arg-type]

    def terminal_gone(self) -> None:
        """The terminal hung up (from any thread): end the app as SIGHUP would, once."""
        if not self._hung_up.is_set():
            self._hung_up.set()
            os.kill(os.getpid(), signal.SIGHUP)

    def run_input_thread(self) -> None:
        """Textual 8.2.8's input loop, but bytes that are not UTF-8 become U+FFFD and the end of
        a terminal's input is a hang-up (Textual's loop would spin on it for ever)."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = codecs.getincrementaldecoder("utf-8")(errors="replace").decode
        reading = True
        try:
            while not self.exit_event.is_set():
                for _key, mask in selector.select(0.1):
                    if not (reading and mask & selectors.EVENT_READ):
                        continue
                    try:
                        data = os.read(self.fileno, 4096)
                    except OSError:  # EIO: the terminal hung up
                        data = b""
                    if not data:
                        reading = False
                        selector.unregister(self.fileno)
                        if self.input_tty:
                            self.terminal_gone()
                        break
                    for event in parser.feed(decode(data)):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass


def driver_for(default: type) -> type:
    """GuideDriver where Textual would use its Linux driver; the web and test drivers as they are."""
    return GuideDriver if default is LinuxDriver else default


@contextmanager
def end_on_signals(app: App[Any]) -> Iterator[None]:
    """While the app runs, SIGTERM and SIGHUP end it with status 128 + the signal: through
    `app.exit` (the terminal is restored), or after GRACE_SECONDS by force if it is stuck."""
    terminal = sys.__stderr__.fileno() if sys.__stderr__ is not None else -1
    try:
        saved = termios.tcgetattr(sys.__stdin__.fileno()) if sys.__stdin__ is not None and sys.__stdin__.isatty() else None
    except (termios.error, OSError, ValueError):
        saved = None
    ending = threading.Event()

    def force(code: int) -> None:
        """The app did not end in time: put the terminal back as far as possible, then end."""
        try:
            if saved is not None:
                termios.tcsetattr(sys.__stdin__.fileno(), termios.TCSANOW, saved)  # type: ignore[union-attr]
            if os.isatty(terminal) and select.select([], [terminal], [], 0.5)[1]:
                os.write(terminal, RESTORE)
        except (OSError, termios.error, ValueError):
            pass  # the terminal is gone: nothing left to restore
        os._exit(code)

    def handle(number: int, _frame: object) -> None:
        if ending.is_set():
            return
        ending.set()
        code = 128 + number
        try:
            asyncio.get_running_loop().call_soon_threadsafe(app.exit, None, code)
        except RuntimeError:  # not running yet, or already stopped
            pass
        watchdog = threading.Timer(GRACE_SECONDS, force, (code,))
        watchdog.daemon = True
        watchdog.start()

    previous = {number: signal.signal(number, handle) for number in ENDING_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
