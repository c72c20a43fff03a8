"""The full-screen guide opens no network connection and writes nothing while it is used."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from hfs_guide.core.loader import load_graph
from hfs_guide.tui.app import GuideApp

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


async def test_a_session_uses_no_network_and_writes_nothing(tmp_path: Path, monkeypatch: Any) -> None:
    attempts: list[tuple[object, ...]] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network use is forbidden in this test")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local"))
    monkeypatch.chdir(tmp_path)

    graph = load_graph(MINI)
    app = GuideApp(graph)
    async with app.run_test(size=(100, 30)) as pilot:
        for key in ["1", "1", "question_mark", "escape", "g", "escape", "b", "u", "slash"]:
            await pilot.press(key)
        await pilot.press(*"scan", "enter")
        await pilot.pause()
        assert app.is_running
    assert attempts == []
    assert files_under(tmp_path) == []
