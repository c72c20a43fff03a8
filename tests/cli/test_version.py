"""`hfs-guide --version`: the program's version and the fingerprint of the content in use."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from hfs_guide import __version__
from hfs_guide.core.fingerprint import content_fingerprint
from hfs_guide.core.loader import load_graph

ROOT = Path(__file__).parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"


def hfs(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hfs_guide", *args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)


def test_version_names_the_program_and_the_shipped_content() -> None:
    result = hfs("--version")
    graph = load_graph(ROOT / "content")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == f"hfs-guide {__version__}"
    assert lines[1] == (f"{graph.meta.title}: content version {graph.meta.version}, reviewed {graph.meta.reviewed}, "
                        f"fingerprint {content_fingerprint(graph)}")


def test_version_follows_the_content_option() -> None:
    result = hfs("--content", str(MINI), "--version")
    assert result.returncode == 0
    assert "Mini guide: content version 1, reviewed 2026-11-24, fingerprint " in result.stdout
    assert content_fingerprint(load_graph(MINI)) in result.stdout


def test_version_on_invalid_content_says_so_without_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(MINI, broken)
    guide = broken / "guide.yaml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("start: welcome", "start: nowhere"), encoding="utf-8")
    result = hfs("--version", "--content", str(broken))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [f"hfs-guide {__version__}"]  # the program's version still shows
    assert "the content is not valid" in result.stderr and "hfs-guide check" in result.stderr
