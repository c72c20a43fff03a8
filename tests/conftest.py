"""Shared fixtures: tests use their own content copies, never the user's files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private, writable copy of the small valid guide."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target)
    return target
