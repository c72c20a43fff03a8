"""Hardening tests reuse the TUI tests' runner for `async def` tests."""

from tests.tui.conftest import pytest_pyfunc_call  # noqa: F401
