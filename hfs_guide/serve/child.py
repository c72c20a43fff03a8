"""`python -m hfs_guide.serve.child SERVER_PID ARGS...`: the guide as one browser session runs it.

It ends when the server that started it ends, however that happens: a server killed with
SIGKILL (or by the out-of-memory killer) closes no socket and asks nothing to quit, and its
app processes would otherwise idle for ever, each holding its memory and the notes typed in.
On Linux the kernel sends SIGTERM to the child when its parent dies (PR_SET_PDEATHSIG);
Textual's web driver turns SIGTERM into a normal exit.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>


def end_with_parent(server_pid: int) -> bool:
    """Ask for SIGTERM when the parent dies; False when it is already gone."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl here: the server's own shutdown still ends us
            pass
    return os.getppid() == server_pid  # checked after prctl: the server may have died before it


def main(argv: list[str]) -> int:
    if not argv or not argv[0].isdecimal():
        print("usage: python -m hfs_guide.serve.child SERVER_PID [hfs-guide options]", file=sys.stderr)
        return 2
    if not end_with_parent(int(argv[0])):
        return 0
    from hfs_guide.cli import main as cli_main

    return cli_main(argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
