"""Decision support as content: routing, neutral grid marks, readiness, and their checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hfs_guide.core.decision import DONT_KNOW, grid_marks, next_step, not_ready, route_for, situation_line
from hfs_guide.core.loader import load_graph
from hfs_guide.core.overview import option_grid
from hfs_guide.core.problems import ContentError
from hfs_guide.core.session import Session

DECIDE = Path(__file__).parents[1] / "fixtures" / "decide"


@pytest.fixture(scope="module")
def graph():
    return load_graph(DECIDE)


def test_answers_route_to_the_first_matching_rule_and_dont_know_to_the_default(graph) -> None:
    situation = graph.decision.situation
    assert route_for(situation, {"operations": "two-or-more", "course": "came-back"}) == "back-again"
    assert route_for(situation, {"operations": "one", "course": "never-stopped"}) == "still"
    assert route_for(situation, {"operations": "two-or-more", "course": DONT_KNOW}) == "options"
    assert route_for(situation, {}) == "options"


def test_the_situation_line_names_only_what_was_answered(graph) -> None:
    situation = graph.decision.situation
    assert situation_line(situation, {}) == ""
    assert situation_line(situation, {"operations": "two-or-more", "course": DONT_KNOW}) == "My situation: operations: two or more"


def test_ratings_only_mark_rows_and_only_top_ratings_do(graph) -> None:
    values = graph.decision.values
    assert grid_marks(values, {"avoid-injections": 1}) == {}
    marks = grid_marks(values, {"avoid-injections": 2, "fully-free": 0})
    assert marks == {("option-a", "what_it_is_like"): ("Avoiding injections every few months",),
                     ("option-a", "how_long_it_lasts"): ("Avoiding injections every few months",)}
    # the grid itself never depends on ratings: same columns, rows and text
    assert option_grid(graph) == option_grid(graph)


def test_a_no_adds_what_to_read_next(graph) -> None:
    ready = graph.decision.ready
    missing = not_ready(ready, {"sure": True, "know": False})
    assert [q.id for q in missing] == ["know"] and missing[0].pages == ("options", "option-a")


def test_answers_live_in_the_session_count_as_unsaved_and_clear_with_it(graph) -> None:
    session = Session(graph)
    session.answer_situation("operations", "one")
    session.rate("fully-free", 2)
    session.answer_ready("sure", False)
    assert session.unsaved and session.has_something_to_clear()
    session.clear()
    assert session.situation == {} and session.ratings == {} and session.ready == {} and not session.unsaved


def broken(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "guide"
    shutil.copytree(DECIDE, folder)
    guide = folder / "guide.yaml"
    text = guide.read_text()
    assert old in text
    guide.write_text(text.replace(old, new))
    return folder


@pytest.mark.parametrize(("old", "new", "message"), [
    ("to: back-again}", "to: nowhere}", "situation route: 'to': no node 'nowhere'"),
    ("course: came-back}", "course: came-bak}", "question 'course' has no answer 'came-bak' (did you mean 'came-back'?)"),
    ("  default: options\n", "", "answer 'one' leads nowhere"),
    ("touches: {option-a: [how_often_it_helps]}", "touches: {option-a: [how_often]}", "'how_often' is not an option field"),
    ("pages: [options, option-a]", "pages: [options, opt-a]", "readiness question 'know': 'pages': no node 'opt-a'"),
])
def test_check_finds_broken_decision_support_with_its_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(ContentError) as error:
        load_graph(broken(tmp_path, old, new))
    found = [p for p in error.value.problems if message in p.message]
    assert found and all(p.line > 0 for p in found), error.value


def test_a_no_names_the_pages_that_help_by_title_in_quotes(graph) -> None:
    question = graph.decision.ready.questions[1]
    assert next_step(question, {"options": "Options", "option-a": "Injections"}) == (
        'Read the options again. See "Options" and "Injections".')
    # titles with commas of their own stay whole; a missing page is left out
    titles = {"options": "Feelings, support and groups", "option-a": "A: b"}
    assert next_step(question, titles) == 'Read the options again. See "Feelings, support and groups" and "A: b".'
    assert next_step(question, {}) == "Read the options again."
