"""The loader on good, broken and hostile content: a Graph, or located problems; never a crash."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from hfs_guide.core.files import BODY_LIMIT
from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Kind
from hfs_guide.core.problems import ContentError


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_graph(folder)
    return [str(p) for p in caught.value.problems]


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_valid_guide_loads_in_content_order(mini: Path) -> None:
    graph = load_graph(mini)
    assert graph.start == "welcome"
    assert list(graph.nodes)[:3] == ["welcome", "still", "back-again"]
    welcome = graph.nodes["welcome"]
    assert welcome.kind is Kind.QUESTION
    assert [c.target for c in welcome.choices] == ["still", "back-again", "urgent"]
    assert welcome.body.startswith("# welcome")
    assert graph.nodes["still"].figures[0].count == 25 and graph.nodes["still"].facts[0].id == "still-slow"
    assert graph.meta.reviewed == "2026-11-24"
    assert graph.options()[0].option["how_long_it_lasts"] == "About 3 months."


def test_guide_file_path_works_as_well_as_folder(mini: Path) -> None:
    assert load_graph(mini / "guide.yaml").start == "welcome"


def test_markup_looking_text_is_kept_literally(mini: Path) -> None:
    edit(mini / "guide.yaml", "title: Welcome", 'title: "[b]Bold[/b] [@click=app.quit]x[/] [1]"')
    assert load_graph(mini).nodes["welcome"].title == "[b]Bold[/b] [@click=app.quit]x[/] [1]"


def test_windows_line_endings_are_accepted(mini: Path) -> None:
    for path in [mini / "guide.yaml", mini / "nodes" / "welcome.md"]:
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    graph = load_graph(mini)
    assert "\r" not in graph.nodes["welcome"].body


# (what to change, what the message must say, the text on the reported line or None)
BROKEN = {
    "unquoted date": ('reviewed: "2026-11-24"', "reviewed: 2026-11-24", "as a date: put it in quotes", "reviewed:"),
    "yes/no read as boolean": ("title: Welcome", "title: no", "as a true/false: put it in quotes", "title: no"),
    "number where text": ("title: Options", "title: 010", "as a number", "title: 010"),
    "duplicate node id": ("  back-again:\n", "  still:\n", "'still' appears twice", None),
    "unknown field with hint": ("title: Options", "tittle: Options", "unknown field 'tittle' (did you mean 'title'?)", "tittle"),
    "choice to unknown node": ("to: options}\n  back-again", "to: optoins}\n  back-again", "there is no node 'optoins' (did you mean 'options'?)", "optoins"),
    "unknown source": ("sources: [src-a]\n    questions", "sources: [src-b]\n    questions", "'src-b' is not in sources.yaml (did you mean 'src-a'?)", "src-b"),
    "unknown glossary term": ("glossary: [hfs]", "glossary: [hsf]", "'hsf' is not in glossary.yaml", "hsf"),
    "empty title": ("title: Welcome", 'title: ""', "'title' is empty", 'title: ""'),
    "missing summary": ("    summary: Where to begin.\n", "", "missing 'summary'", None),
    "bad kind": ("kind: info\n    title: Still", "kind: infoo\n    title: Still", "kind 'infoo' is not one of", "infoo"),
    "escape sequence in text": ("title: Welcome", 'title: "\\e[31mred"', "control character U+001B", "31mred"),
    "option field missing": ("      who_it_may_suit: Many people.\n", "", "missing option fields: Who it may suit", None),
    "dead end": ("    summary: Twitching that returns.\n    choices:\n      - {label: What are my options?, to: options}\n", "    summary: Twitching that returns.\n", "'back-again' is a dead end", None),
    "unreachable": ("      - {label: It came back, to: back-again}\n", "", "'back-again' cannot be reached", None),
    "urgent kind wrong": ("kind: urgent", "kind: info", "whose kind must be 'urgent'", None),
    "unknown start": ("start: welcome", "start: welcom", "start: there is no node 'welcom' (did you mean 'welcome'?)", None),
    "body outside folder": ("    title: Welcome\n", "    title: Welcome\n    body: ../../../etc/passwd\n", "must be a relative path inside the content folder", "body:"),
    "list where mapping": ("  options:\n    kind: question", "  options: [a, b]\n  options-old:\n    kind: question", "node 'options' must be a mapping", "options: [a, b]"),
    "choices not a list": ("    choices:\n      - {label: Injections, to: option-a}\n      - {label: The end, to: end}\n", "    choices: option-a\n", "'choices' must be a list", "choices: option-a"),
    "yaml syntax error": ("title: Welcome", "title: [Welcome", "YAML syntax error", None),
    "second document": ("start: welcome", "---\nstart: welcome", "only one YAML document", None),
    "python tag": ("title: Welcome", "title: !!python/object/apply:os.system [echo hi]", "tags such as", "python/object"),
    "no way to an ending": (
        "      - {label: Get urgent help, to: urgent}\n",
        "      - {label: Get urgent help, to: urgent}\n      - {label: Loop, to: loop}\n"
        "  loop:\n    kind: info\n    title: Loop\n    summary: Round.\n    body: nodes/end.md\n"
        "    choices: [{label: Again, to: loop}]\n",
        "'loop': no path from here leads to an ending",
        "  loop:",
    ),
}


@pytest.mark.parametrize("old,new,message,line_text", BROKEN.values(), ids=BROKEN.keys())
def test_broken_guide_gives_located_message(mini: Path, old: str, new: str, message: str, line_text: str | None) -> None:
    guide = mini / "guide.yaml"
    edit(guide, old, new)
    found = problems_of(mini)
    matching = [p for p in found if message in p]
    assert matching, f"no problem says {message!r}: {found}"
    if line_text is not None:
        assert matching[0].startswith(f"{guide}:{line_of(guide, line_text)}:"), matching[0]


def test_every_problem_is_reported_in_one_pass(mini: Path) -> None:
    guide = mini / "guide.yaml"
    edit(guide, "title: Welcome", "title: yes")
    edit(guide, "to: options}\n  back-again", "to: nowhere}\n  back-again")
    (mini / "nodes" / "end.md").unlink()
    found = problems_of(mini)
    assert any("true/false" in p for p in found)
    assert any("'nowhere'" in p for p in found)
    assert any("end.md: file not found" in p for p in found)


def test_link_to_unknown_node_is_located_in_the_body_file(mini: Path) -> None:
    body = mini / "nodes" / "still.md"
    body.write_text("# Still\n\nFirst line.\nSee [more](node:optoins) now.\n", encoding="utf-8")
    found = problems_of(mini)
    assert f"{body}:4:12: link to there is no node 'optoins' (did you mean 'options'?)" in found


def test_control_character_in_body_is_located(mini: Path) -> None:
    body = mini / "nodes" / "end.md"
    body.write_text("# End\n\nabc\x1b]0;owned\x07\n", encoding="utf-8")
    assert f"{body}:3:4: control character U+001B is not allowed in content text: delete it" in problems_of(mini)


def test_body_that_is_not_utf8_is_located(mini: Path) -> None:
    body = mini / "nodes" / "end.md"
    body.write_bytes(b"# End\n\nnaive caf\xe9\n")
    assert f"{body}:3:10: is not valid UTF-8 text: save the file as UTF-8" in problems_of(mini)


def test_too_many_choices(mini: Path) -> None:
    many = "".join(f"      - {{label: Choice {i}, to: end}}\n" for i in range(10))
    edit(mini / "guide.yaml", "      - {label: Injections, to: option-a}\n", many + "      - {label: Injections, to: option-a}\n")
    assert any("12 choices; at most 9" in p for p in problems_of(mini))


def test_missing_folder_and_empty_guide(tmp_path: Path, mini: Path) -> None:
    assert any("file not found" in p for p in problems_of(tmp_path / "nowhere"))
    (mini / "guide.yaml").write_text("", encoding="utf-8")
    assert any("file is empty" in p for p in problems_of(mini))
    (mini / "guide.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    assert any("the guide must be a mapping" in p for p in problems_of(mini))


# -- hostile files: a located message instead of a crash, a hang or a memory blow-up ----------
# Each runs `hfs-guide check` in a child process: a segfault or a runaway allocation then fails
# one test instead of killing the run, and the timeout only catches a hang (how fast refusal is
# lives in benchmarks/hostile_yaml.py). The child reports its own peak memory on stderr.
HANG = 120  # seconds; refusing any of these takes well under one on a loaded machine
CHILD = """
import resource, runpy, sys
if sys.argv[1] == "pure-python-yaml":
    sys.modules["yaml._yaml"] = None  # as if PyYAML had been built without libyaml
    import yaml
    assert not yaml.__with_libyaml__
sys.argv = ["hfs-guide", *sys.argv[2:]]
try:
    runpy.run_module("hfs_guide", run_name="__main__")
finally:
    # VmHWM, not getrusage: a child's ru_maxrss starts from its parent's peak (it survives
    # fork and exec on Linux), so after a heavy test pytest's own peak would be read here.
    peak = next((line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")), None)
    print(f"peak-kb {peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
"""


@dataclass
class Checked:
    status: int
    problems: list[str]
    peak_mb: float
    stderr: str


def check_in_child(folder: Path, *, libyaml: bool = True) -> Checked:
    """`hfs-guide check FOLDER` in a fresh interpreter; its exit status, problem lines and peak RSS."""
    parser = "libyaml" if libyaml else "pure-python-yaml"
    command = [sys.executable, "-c", CHILD, parser, "check", str(folder)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=HANG)
    lines = result.stderr.splitlines()
    peak = [line for line in lines if line.startswith("peak-kb ")]
    assert peak, f"the child died before reporting (status {result.returncode}): {result.stderr[-2000:]}"
    return Checked(result.returncode, [line for line in lines if line not in peak], int(peak[-1].split()[1]) / 1024, result.stderr)


def located_in(checked: Checked, path: Path) -> list[tuple[int, int, str]]:
    """The (line, col, message) of every problem that names `path` with a position."""
    assert "Traceback" not in checked.stderr, checked.stderr[-2000:]
    found = [re.fullmatch(rf"{re.escape(str(path))}:([1-9]\d*):([1-9]\d*): (\S.*)", line) for line in checked.problems]
    return [(int(m[1]), int(m[2]), m[3]) for m in found if m]


def test_alias_bomb_is_refused_where_it_starts(mini: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    (mini / "guide.yaml").write_text(bomb, encoding="utf-8")
    checked = check_in_child(mini)
    assert checked.status == 1
    assert located_in(checked, mini / "guide.yaml")[0] == (1, 4, "anchors (&name) are not supported here: write the value out in full")


# Which check speaks first depends on the libyaml PyYAML bundles: 0.2.5 (PyYAML 6.0.1-6.0.3
# wheels) and the pure-Python parser let ours refuse at 32 levels; 0.2.6 (PyYAML 6.0.4) stops at
# its own limit with "exceeded maximum nesting depth". Either way: a located problem, no crash.
DEEP = {"flow-lists": "[" * 200_000, "block-lists": "- " * 200_000 + "x", "flow-maps": "{a: " * 100_000 + "b"}


@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure-python-parser"])
@pytest.mark.parametrize("shape", list(DEEP))
def test_deep_nesting_is_refused_without_crash(mini: Path, shape: str, libyaml: bool) -> None:
    (mini / "guide.yaml").write_text(DEEP[shape], encoding="utf-8")
    checked = check_in_child(mini, libyaml=libyaml)
    assert checked.status == 1, checked.stderr[-2000:]
    located = located_in(checked, mini / "guide.yaml")
    assert located, checked.problems
    line, col, message = located[0]
    assert line == 1 and col <= len(DEEP[shape])
    assert "nest" in message  # ours: "nested more than 32 levels deep"; libyaml's: "maximum nesting depth"


@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure-python-parser"])
@pytest.mark.parametrize("character", ["\x01", "\x7f", "\ufffe"])
def test_a_character_yaml_refuses_is_located_with_either_parser(mini: Path, character: str, libyaml: bool) -> None:
    glossary = mini / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    first_line = text.split("\n", 1)[0]
    glossary.write_text(first_line + character + text[len(first_line):], encoding="utf-8")
    checked = check_in_child(mini, libyaml=libyaml)
    assert checked.status == 1
    assert located_in(checked, glossary) == [(1, len(first_line) + 1, f"character U+{ord(character):04X} is not allowed in YAML: delete it")]


def test_oversized_guide_is_refused_before_parsing(mini: Path) -> None:
    with open(mini / "guide.yaml", "wb") as handle:
        handle.truncate(16 * 1024 * 1024 + 1)  # sparse: no time spent writing it
    assert any("the limit is 16,777,216" in p for p in problems_of(mini))


def test_oversized_body_is_refused(mini: Path) -> None:
    (mini / "nodes" / "end.md").write_text("word " * 300_000, encoding="utf-8")
    assert any(f"end.md: file is 1,500,000 bytes; the limit is {BODY_LIMIT:,}" in p for p in problems_of(mini))


def test_body_that_is_a_folder(mini: Path) -> None:
    (mini / "nodes" / "end.md").unlink()
    (mini / "nodes" / "end.md").mkdir()
    assert any("end.md: is a folder, not a file" in p for p in problems_of(mini))


def test_a_flood_of_tiny_values_is_refused_within_the_memory_cap(tmp_path: Path) -> None:
    (tmp_path / "guide.yaml").write_text("- a\n" * 3_999_000, encoding="utf-8")  # just under 16 MB
    checked = check_in_child(tmp_path)
    assert checked.status == 1
    assert any("more than 1,000,000 values" in message for _, _, message in located_in(checked, tmp_path / "guide.yaml"))
    assert checked.peak_mb < 400, checked.peak_mb  # the child's own peak, whatever ran before it


def test_unreadable_files_are_reported_not_raised(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    real_open = os.open

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file).endswith("still.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)  # root ignores chmod, so simulate it
    assert any("still.md: cannot be read (permission denied)" in p for p in problems_of(mini))
