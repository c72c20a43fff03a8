"""Wait for what a test needs to see, instead of sleeping a fixed time and hoping.

The timeout only catches a hang: on a busy machine a condition may take seconds, and a test
must not fail for that.
"""

from __future__ import annotations

import time
from typing import Callable

from textual.pilot import Pilot

HANG = 60.0  # seconds


async def until(pilot: Pilot, condition: Callable[[], bool], what: str, timeout: float = HANG) -> None:
    """Let the app run until `condition()` holds; fail after `timeout` seconds, naming `what`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting after {timeout:.0f} s for {what}")
        await pilot.pause(0.02)
