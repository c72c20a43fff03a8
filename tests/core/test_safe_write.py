"""Exports are written safely: owner-only, never over a file unasked, nothing half-written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hfs_guide.core.safe_write import TargetExistsError, write_private


def test_write_private_is_owner_only_and_never_overwrites_unasked(tmp_path: Path) -> None:
    target = tmp_path / "handout.md"
    write_private(target, "first")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    with pytest.raises(TargetExistsError):
        write_private(target, "second")
    assert target.read_text() == "first"
    write_private(target, "third", replace=True)
    assert target.read_text() == "third"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.md"]  # no temporary left behind


def test_write_private_leaves_no_partial_file_when_writing_fails(tmp_path: Path, monkeypatch) -> None:
    def boom(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        write_private(tmp_path / "out.html", "x" * 1000)
    assert list(tmp_path.iterdir()) == []
