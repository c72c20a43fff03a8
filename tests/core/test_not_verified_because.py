"""An unverified source warns until its author says why it could not be checked; readers
still see "not verified"."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from hfs_guide.core.loader import check_graph

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
TODAY = dt.date(2026, 11, 30)


def codes(tmp_path: Path, entry_extra: str, verified: str) -> list[str]:
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    sources = folder / "sources.yaml"
    text = sources.read_text(encoding="utf-8").replace("verified: true", f"verified: {verified}{entry_extra}")
    sources.write_text(text, encoding="utf-8")
    _, problems = check_graph(folder, today=TODAY)
    return [p.code for p in problems]


def test_an_unverified_source_warns_for_each_fact_on_it(tmp_path: Path) -> None:
    assert "fact-unverified-source" in codes(tmp_path, "", "false")


def test_saying_why_it_could_not_be_checked_stops_the_warning(tmp_path: Path) -> None:
    found = codes(tmp_path, '\n  not_verified_because: "The record shows no authors."', "false")
    assert "fact-unverified-source" not in found


def test_a_reason_on_a_verified_source_is_an_error(tmp_path: Path) -> None:
    assert "content" in codes(tmp_path, '\n  not_verified_because: "Why?"', "true")
