"""Property tests: any content gives a Graph or located problems; any walk keeps its promises."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hfs_guide.core.loader import load_graph
from hfs_guide.core.location import Location
from hfs_guide.core.model import Choice, Graph, Kind, Meta, Node
from hfs_guide.core.problems import ContentError
from hfs_guide.core.session import Session

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
GUIDE = (MINI / "guide.yaml").read_text(encoding="utf-8")
# No deadline: a per-example time limit is a wall-clock assertion that a busy machine fails.
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_text(text: str) -> None:
    """Load a guide whose guide.yaml is `text`, next to the mini guide's other files."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(MINI, folder, dirs_exist_ok=True)
        Path(folder, "guide.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_graph(folder)
        except ContentError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.file and problem.message and problem.line >= 0 and problem.col >= 0
                assert "\x1b" not in str(problem)


YAML_CHARS = st.sampled_from(list("abc:-[]{},&*!|>'\"#%@`? \n\t0123456789.~\\") + ["no", "yes", "2026-11-24", "\x1b", "é", "\u202e"])


@FUZZ
@given(st.lists(YAML_CHARS, max_size=200).map("".join))
def test_arbitrary_yaml_like_text(text: str) -> None:
    load_text(text)


@FUZZ
@given(st.data())
def test_mutated_real_guide(data: st.DataObject) -> None:
    text = GUIDE
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 20))
        insert = data.draw(st.lists(YAML_CHARS, max_size=5).map("".join))
        text = text[:at] + insert + text[at + cut :]
    load_text(text)


leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
documents = st.recursive(leaf, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=30)


@FUZZ
@given(documents)
def test_any_yaml_document(doc: object) -> None:
    load_text(yaml.safe_dump(doc))


@FUZZ
@given(st.dictionaries(st.sampled_from(["meta", "start", "nodes", "extra"]), documents, max_size=4))
def test_any_top_level_shape(doc: dict) -> None:  # type: ignore[type-arg]
    load_text(yaml.safe_dump(doc))


# -- sessions on random graphs ---------------------------------------------------------------
@st.composite
def graphs(draw: st.DrawFn) -> Graph:
    size = draw(st.integers(2, 12))
    ids = [f"n{i}" for i in range(size)]
    nodes = {}
    for node_id in ids:
        targets = draw(st.lists(st.sampled_from(ids), max_size=5))
        choices = tuple(Choice(f"to {t}", t, Location("g")) for t in targets)
        nodes[node_id] = Node(node_id, Kind.INFO if choices else Kind.ENDING, node_id, "s", "b", "b.md", choices)
    meta = Meta("t", "en", "1", "2026-11-24", "n", ids[-1], "e", "c", "d")
    return Graph(meta, ids[0], nodes)


moves = st.lists(st.one_of(st.tuples(st.just("choose"), st.integers(1, 5)), st.sampled_from([("back",), ("forward",), ("home",), ("urgent",)]), st.tuples(st.just("go"), st.integers(0, 11))), max_size=40)


@settings(max_examples=300, deadline=None)
@given(graphs(), moves)
def test_random_walks_keep_the_session_promises(graph: Graph, walk: list[tuple]) -> None:  # type: ignore[type-arg]
    session = Session(graph)
    ids = list(graph.nodes)
    for move in walk:
        before = session.current_id
        if move[0] == "choose":
            if move[1] > len(session.current.choices):
                continue
            session.choose(move[1])
        elif move[0] == "go":
            session.go(ids[move[1] % len(ids)])
        else:
            getattr(session, move[0])()
        if move[0] not in ("back", "forward") and session.current_id != before:
            assert session.back().id == before  # back returns to where the user was
            session.forward()
        route = session.route()
        assert route[-1] == session.current_id
        assert len(set(route)) == len(route)
        if len(route) > 1:  # the crumb before the page is where Back goes
            assert route[-2] == session.history[session.index - 1]
        assert route[0] == graph.start or graph.start not in session.history[: session.index + 1]
        assert set(session.history) <= session.visited | set(session.history[session.index + 1 :])
    assert session.home().id == graph.start
