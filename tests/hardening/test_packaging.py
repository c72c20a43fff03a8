"""What ships: the declared licence as a file, honest metadata, content that names no machine path."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_declared_licence_ships_as_a_file() -> None:
    assert PROJECT["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "hfs-guide contributors" in text


def test_classifiers_match_what_the_project_supports() -> None:
    classifiers = set(PROJECT["classifiers"])
    assert {"Environment :: Console", "Topic :: Scientific/Engineering :: Medical Science Apps."} <= classifiers
    minimum = int(re.fullmatch(r">=3\.(\d+)", PROJECT["requires-python"]).group(1))  # type: ignore[union-attr]
    versions = {int(c.rsplit(".", 1)[1]) for c in classifiers if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)}
    assert versions and min(versions) == minimum


def test_shipped_content_names_no_machine_path() -> None:
    machine_path = re.compile(r"(?<![\w.])(/work/|/home/|/root/|/tmp/|/Users/|\.\./shared)")
    for path in (ROOT / "content").rglob("*"):
        if path.is_file():
            found = machine_path.search(path.read_text(encoding="utf-8"))
            assert found is None, f"{path.relative_to(ROOT)} names {found.group()!r}"  # type: ignore[union-attr]
