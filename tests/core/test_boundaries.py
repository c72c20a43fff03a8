"""The core stays UI-free, and the published JSON Schema matches the loader."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hfs_guide.core.schema import build_schema

ROOT = Path(__file__).parents[2]


def test_importing_the_core_does_not_import_textual() -> None:
    code = (
        "import sys, hfs_guide.core.loader, hfs_guide.core.validate, hfs_guide.core.session, "
        "hfs_guide.core.schema, hfs_guide.core.model; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_shipped_schema_matches_the_loader() -> None:
    shipped = json.loads((ROOT / "schema" / "guide.schema.json").read_text(encoding="utf-8"))
    assert shipped == build_schema(), "run: python -m hfs_guide.core.schema > schema/guide.schema.json"


def test_schema_names_every_option_field() -> None:
    from hfs_guide.core.model import OPTION_FIELD_NAMES

    node = build_schema()["properties"]["nodes"]["additionalProperties"]
    assert tuple(node["properties"]["option"]["required"]) == OPTION_FIELD_NAMES
