"""Session semantics from DESIGN.md: a back/forward stack; home and jumps push; breadcrumb."""

from __future__ import annotations

from pathlib import Path

import pytest

from hfs_guide.core.loader import load_graph
from hfs_guide.core.session import Session, UnknownNodeError

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


@pytest.fixture(scope="module")
def graph():
    return load_graph(MINI)


def test_starts_at_start_with_nowhere_to_go_back(graph) -> None:
    session = Session(graph)
    assert session.current_id == "welcome"
    assert not session.can_back and not session.can_forward
    assert session.visited == {"welcome"}
    assert session.route() == ("welcome",)


def test_choose_back_forward(graph) -> None:
    session = Session(graph)
    assert session.choose(1).id == "still"
    assert session.choose(1).id == "options"
    assert session.back().id == "still"
    assert session.route() == ("welcome", "still")
    assert session.forward().id == "options"
    assert session.route() == ("welcome", "still", "options")
    assert session.visited == {"welcome", "still", "options"}


def test_a_new_move_after_back_drops_the_forward_entries(graph) -> None:
    session = Session(graph)
    session.choose(1)
    session.back()
    session.choose(2)
    assert session.current_id == "back-again"
    assert not session.can_forward
    assert session.back().id == "welcome"


def test_back_and_forward_at_the_ends_stay_put(graph) -> None:
    session = Session(graph)
    assert session.back().id == "welcome"
    assert session.forward().id == "welcome"


def test_home_pushes_so_back_returns_to_where_the_user_was(graph) -> None:
    session = Session(graph)
    session.choose(1)
    session.choose(1)
    assert session.home_discards_path
    session.home()
    assert session.current_id == "welcome"
    assert session.route() == ("welcome",)
    assert session.back().id == "options"
    assert session.route() == ("welcome", "still", "options")


def test_home_at_start_is_a_no_op_and_a_short_path_is_not_deep(graph) -> None:
    session = Session(graph)
    session.home()
    assert session.history == ["welcome"]
    session.choose(1)
    assert not session.home_discards_path


def test_jumps_push_and_urgent_is_a_jump(graph) -> None:
    session = Session(graph)
    session.go("option-a")
    session.urgent()
    assert session.current_id == "urgent"
    assert session.route() == ("welcome", "option-a", "urgent")
    assert session.back().id == "option-a"


def test_a_page_seen_again_moves_to_its_latest_place_in_the_breadcrumb(graph) -> None:
    session = Session(graph)
    for node_id in ("still", "options", "option-a", "options"):
        session.go(node_id)
    assert session.route() == ("welcome", "still", "option-a", "options")  # each page once
    assert len(session.history) == 5  # history itself keeps every step for back
    assert session.back().id == "option-a"  # the crumb before the current page


def test_the_crumb_before_the_page_is_where_back_goes_after_jumps(graph) -> None:
    # Urgent care, a jump to an option (the option grid), urgent care again: the trail used
    # to cut the loop and show "Welcome > Urgent help" while Back went to the option.
    session = Session(graph)
    for node_id in ("urgent", "option-a", "urgent"):
        session.go(node_id)
    assert session.route() == ("welcome", "option-a", "urgent")
    assert session.back().id == "option-a"
    assert session.route() == ("welcome", "urgent", "option-a")
    assert session.back().id == "urgent"


def test_unknown_node_and_choice_are_refused_without_moving(graph) -> None:
    session = Session(graph)
    with pytest.raises(UnknownNodeError):
        session.go("nowhere")
    with pytest.raises(IndexError):
        session.choose(9)
    with pytest.raises(IndexError):
        session.choose(0)
    assert session.history == ["welcome"]


def test_notes_ticks_and_clear(graph) -> None:
    session = Session(graph)
    session.choose(1)
    assert not session.unsaved
    assert session.toggle_question("still", 1) is True
    session.set_notes("ask about the scan")
    assert session.unsaved
    assert [q for _, q in session.ticked_questions()] == ["What would a second scan show?"]
    session.mark_exported()
    assert not session.unsaved
    assert session.toggle_question("still", 1) is False
    session.clear()
    assert session.history == ["welcome"] and session.notes == "" and not session.ticked
    assert session.visited == {"welcome"} and not session.unsaved
