"""README.md and docs/tui.md describe the keys the code binds: both tables are the action
table's (core/actions.py), so they cannot drift again."""

from __future__ import annotations

from pathlib import Path

import pytest

from hfs_guide.core.actions import ACTIONS, KEYS_END, KEYS_START, key_table
from hfs_guide.tui.keys import APP_PRIORITY_BINDINGS, GLOBAL_BINDINGS, GUIDE_BINDINGS

ROOT = Path(__file__).parents[1]


@pytest.mark.parametrize(("name", "plain"), [("README.md", True), ("docs/tui.md", False)])
def test_the_documents_key_tables_are_the_action_table(name: str, plain: bool) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    table = text[text.index(KEYS_START) + len(KEYS_START): text.index(KEYS_END)].strip()
    assert table == key_table(plain), f"run: python -m hfs_guide.core.actions README.md docs/tui.md"


def test_every_key_the_table_names_is_bound_to_its_action() -> None:
    bound = {(b.key, b.action.removeprefix("app.")) for b in (*GLOBAL_BINDINGS, *APP_PRIORITY_BINDINGS, *GUIDE_BINDINGS)}
    for entry in ACTIONS:
        for key in entry.tui_keys:
            if entry.name == "close":
                continue  # Escape closes whatever layer is on top; on the guide screen it goes back
            assert (key, entry.binding_action) in bound, (entry.name, key)
