"""The documented memory bound holds for the worst shapes of hostile content, not only tiny scalars.

README ("Content files are untrusted input"): loading any content folder holds at most about
250 MB. Each shape fills the 16 MB file limit with what costs the most memory per byte, and
`check` runs on it in a child process that reports its own peak.

The peak is read from /proc/self/status (VmHWM) in the child: getrusage(RUSAGE_SELF) would do
on most systems, but Linux carries ru_maxrss across fork and exec, so a child started by a
large pytest process reports the parent's size; RUSAGE_CHILDREN is the maximum over every
child reaped so far.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BOUND_MB = 275  # "about 250 MB", with room for allocator and platform differences
LIMIT = 16 * 1024 * 1024 - 64  # just under the file size limit

CHILD = """
import sys
from hfs_guide.cli import main
code = main(["check", sys.argv[1]])
with open("/proc/self/status") as status:
    peak_kb = int(status.read().split("VmHWM:")[1].split()[0])
print("PEAK", peak_kb // 1024, code)
"""

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak from /proc (Linux)")


def fill(unit: str, head: str = "[", tail: str = "]") -> str:
    """`unit` repeated up to the size limit, between `head` and `tail`."""
    return head + unit * ((LIMIT - len(head) - len(tail)) // len(unit)) + tail


def numbered(line: str, head: str = "") -> str:
    """`line` with {i} numbered 0, 1, 2, ... up to the size limit."""
    out, size, i = [head], len(head), 0
    while True:
        text = line.format(i=i)
        if size + len(text) > LIMIT:
            return "".join(out)
        out.append(text)
        size += len(text)
        i += 1


def peak_of_check(folder: Path) -> tuple[int, int]:
    result = subprocess.run([sys.executable, "-c", CHILD, str(folder)], capture_output=True, text=True, timeout=600)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    words = result.stdout.split("PEAK")[-1].split()
    return int(words[0]), int(words[1])


SHAPES = {
    # The cases: a million empty mappings (354 MB before), and three such files (431 MB).
    "million-empty-mappings": {"guide.yaml": fill("{},")},
    "three-files": {"guide.yaml": fill("{},"), "sources.yaml": fill("{},"), "glossary.yaml": fill("{},")},
    # The costliest per value found: mapping entries whose values are mappings; tables of tiny entries.
    "mapping-of-mappings": {"guide.yaml": numbered("k{i}: {{}}\n")},
    "tables-of-tiny-entries": {
        "guide.yaml": numbered("k{i}: v\n"),
        "sources.yaml": numbered("s{i}: {{citation: c}}\n"),
        "glossary.yaml": numbered("t{i}: {{term: t, definition: d}}\n"),
    },
    # Nodes that are each wrong in several ways: before, millions of problems (2 GB).
    "nodes-full-of-problems": {"guide.yaml": numbered(" n{i}: {{}}\n", head="nodes:\n")},
}


@pytest.mark.parametrize("shape", SHAPES)
def test_hostile_content_stays_within_the_documented_memory(tmp_path: Path, shape: str) -> None:
    for name, text in SHAPES[shape].items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    peak_mb, code = peak_of_check(tmp_path)
    assert code == 1  # refused, with a message
    assert peak_mb < BOUND_MB, f"{shape}: peak {peak_mb} MB"
