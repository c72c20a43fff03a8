"""`hfs-guide check --format json`, `--strict` and `hfs-guide schema`, run as CI and editors run them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hfs_guide.core.schema import build_schema

FIELDS = {"file": str, "line": int, "col": int, "severity": str, "code": str, "message": str}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hfs_guide", *args], capture_output=True, text=True, timeout=60)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def break_and_warn(mini: Path) -> None:
    """One error (an undeclared statistic) and one warning (an unverified source)."""
    (mini / "nodes" / "end.md").write_text("# The end\n\nAbout 30 in 100 get better.\n", encoding="utf-8")
    edit(mini / "sources.yaml", "verified: true", "verified: false")


def test_json_lists_every_problem_with_its_place_severity_and_code(mini: Path) -> None:
    break_and_warn(mini)
    result = run("check", "--format", "json", str(mini))
    assert result.returncode == 1 and result.stderr == ""
    problems = json.loads(result.stdout)
    assert isinstance(problems, list) and len(problems) == 2
    for problem in problems:
        assert set(problem) == set(FIELDS) and all(isinstance(problem[k], t) for k, t in FIELDS.items())
        assert problem["line"] >= 1 and problem["col"] >= 1
    by_code = {p["code"]: p for p in problems}
    assert by_code["number-undeclared"]["severity"] == "error"
    assert by_code["number-undeclared"]["file"] == str(mini / "nodes" / "end.md") and by_code["number-undeclared"]["line"] == 3
    assert by_code["fact-unverified-source"]["severity"] == "warning"


def test_json_and_text_give_the_same_problems(mini: Path) -> None:
    break_and_warn(mini)
    listed = [f"{p['file']}:{p['line']}:{p['col']}: " + ("warning: " if p["severity"] == "warning" else "") + p["message"]
              for p in json.loads(run("check", "--format", "json", str(mini)).stdout)]
    text = run("check", str(mini)).stderr.splitlines()
    assert text[:-1] == listed and re.match(r"hfs-guide: 1 error and 1 warning", text[-1])


def test_clean_content_gives_an_empty_json_list(mini: Path) -> None:
    result = run("check", "--format", "json", "--strict", str(mini))
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


def test_warnings_pass_unless_strict(mini: Path) -> None:
    edit(mini / "sources.yaml", "verified: true", "verified: false")
    relaxed = run("check", str(mini))
    assert relaxed.returncode == 0 and relaxed.stdout.startswith("OK: ") and "1 warning" in relaxed.stdout
    assert re.match(r".+guide\.yaml:\d+:\d+: warning: node 'still': fact 'still-slow'", relaxed.stderr)
    strict = run("check", "--strict", str(mini))
    assert strict.returncode == 1 and strict.stdout == "" and "(--strict: warnings count)" in strict.stderr
    assert run("check", "--strict", "--format", "json", str(mini)).returncode == 1


def test_content_that_cannot_be_read_is_still_a_json_list(tmp_path: Path) -> None:
    (tmp_path / "guide.yaml").write_text("meta: [\n", encoding="utf-8")
    result = run("check", "--format", "json", str(tmp_path))
    assert result.returncode == 1 and json.loads(result.stdout)[0]["code"] == "yaml"


def test_the_shipped_guide_passes_check_strict() -> None:
    # Fails, by design, once the content's review date is over 12 months old: review it then.
    result = run("check", "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and " facts; " in result.stdout


@pytest.mark.parametrize("name", ["guide", "sources", "glossary"])
def test_schema_prints_the_schema_of_each_file(name: str) -> None:
    result = run("schema", name)
    assert result.returncode == 0 and json.loads(result.stdout) == build_schema(name)


def test_schema_defaults_to_the_guide_and_refuses_unknown_names() -> None:
    assert json.loads(run("schema").stdout) == build_schema("guide")
    refused = run("schema", "nodes")
    assert refused.returncode == 2 and "invalid choice" in refused.stderr
