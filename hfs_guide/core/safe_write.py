"""Writing the user's files: atomically, readable by the owner only, never over a file unasked.

The text goes to a hidden temporary file next to the target (`.NAME.XXXXXXXX.part`), which is
then linked or renamed into place. That temporary file holds the patient's notes, so it never
outlives the write: it is removed when the write fails, on Ctrl+C, and on SIGTERM or SIGHUP
(the signal then goes on to do what it would have done). Only SIGKILL, or a power cut, can
leave one behind (README: threat model).
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Iterator

CLEANUP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class TargetExistsError(FileExistsError):
    """The target exists and replacing it was not allowed."""


class WriteInterrupted(OSError):
    """A signal arrived during the write; the temporary file is gone, the target untouched."""


def write_private(target: Path, text: str, replace: bool = False) -> None:
    """Write `text` to `target` via a temporary file in the same folder, then rename.

    The file is created with mode 0600 (it may hold health information). Without `replace`
    an existing target is left alone, even one created while we were writing: the final step
    is a hard link, which fails rather than overwrite.
    """
    target = Path(target)
    if not replace and target.exists():
        raise TargetExistsError(str(target))
    folder = target.parent if str(target.parent) else Path(".")
    temp: list[str] = []  # the temporary file's name, once it exists
    with _removed_on_signal(temp):
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        temp.append(name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            if replace:
                os.replace(name, target)
            else:
                try:
                    os.link(name, target)
                except FileExistsError:
                    raise TargetExistsError(str(target)) from None
                except OSError:  # a file system without hard links
                    if target.exists():
                        raise TargetExistsError(str(target)) from None
                    os.replace(name, target)
        finally:
            _remove(name)


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except FileNotFoundError:
        pass  # renamed into place, or already removed by the signal handler


@contextmanager
def _removed_on_signal(temp: list[str]) -> Iterator[None]:
    """While writing, SIGTERM and SIGHUP first remove the temporary file, then act as before.

    With the default action (the command line) the process then ends by that same signal;
    with a handler of its own (the full-screen app) that handler runs and the write stops
    with WriteInterrupted. Signal handlers can only be set from the main thread: elsewhere
    the write goes on unguarded, as before.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, object] = {}

    def handler(signum: int, frame: FrameType | None) -> None:
        before = previous.get(signum, signal.SIG_DFL)
        if before == signal.SIG_IGN:
            return
        for name in temp:
            _remove(name)
        if callable(before):
            before(signum, frame)
            raise WriteInterrupted(f"interrupted by signal {signum}")
        signal.signal(signum, signal.SIG_DFL)  # end the way the signal would have ended us
        os.kill(os.getpid(), signum)

    try:
        for signum in CLEANUP_SIGNALS:
            previous[signum] = signal.signal(signum, handler)
    except (ValueError, OSError):  # not allowed here after all: write unguarded
        _restore(previous)
        yield
        return
    try:
        yield
    finally:
        _restore(previous)


def _restore(previous: dict[int, object]) -> None:
    for signum, before in previous.items():
        signal.signal(signum, before if before is not None else signal.SIG_DFL)  # type: ignore[arg-type]
