"""Standard streams for the line-based commands: a failure is one clear line, not a traceback.

Python reports a full or closed standard output as an OSError at some later write or flush,
or as "Exception ignored" at exit (status 120). The command line wraps stdout so a failed
write says what it is (`OutputError`), reads stdin with undecodable bytes replaced, and
points standard streams that were closed before start (`>&-`) somewhere harmless.
"""

from __future__ import annotations

import io
import os
import sys
from typing import Any, TextIO


class OutputError(Exception):
    """Standard output cannot be written: full, closed, or an I/O error. EPIPE is not this."""


class GuardedOutput:
    """Stands in for sys.stdout; a write that fails raises OutputError (EPIPE stays itself)."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:
            raise OutputError("it is closed")
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:  # ValueError: the file object itself was closed
            raise OutputError(_reason(exc)) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:
            raise OutputError(_reason(exc)) from None

    def isatty(self) -> bool:
        try:
            return self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _reason(exc: Exception) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def prepare_streams() -> None:
    """Make stdin, stdout and stderr safe to use for line-based commands."""
    if sys.stdin is None:  # started with stdin closed: behave as if it were empty
        sys.stdin = io.StringIO()
    elif hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")  # a Latin-1 byte is a bad line, not a crash
    if sys.stderr is None:  # print(file=None) would write to stdout
        sys.stderr = open(os.devnull, "w", encoding="utf-8")
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")  # a character the locale cannot show
    if not isinstance(sys.stdout, GuardedOutput):
        sys.stdout = GuardedOutput(sys.stdout)


def silence_stdout() -> None:
    """After a failed write: send what is still buffered to /dev/null, so exit stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def say_error(message: str) -> None:
    """One line on stderr, if stderr can still be written to."""
    try:
        print(message, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass
