"""The shipped decision support: my situation routes to the part that fits, values touch the
options even-handedly, and the readiness questions credit the test they adapt.

Loading already refuses what `check` refuses (targets that do not exist, answers no rule and
no default leads from, fields that are not option fields); these hold the content to more.
"""

from __future__ import annotations

import itertools
import re

import pytest
import textstat

from hfs_guide.core.decision import DONT_KNOW, grid_marks, route_for, situation_line
from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Kind
from tests.content.test_content import MASKED

GRAPH = load_graph()
DECISION = GRAPH.decision
SITUATION = DECISION.situation
VALUES = DECISION.values
READY = DECISION.ready
OPTIONS = [node.id for node in GRAPH.options()]


def every_answer_set() -> list[dict[str, str]]:
    """Every way the situation questions can be answered: each answer, "I don't know", or skipped."""
    choices = [[a.id for a in q.answers] + [DONT_KNOW, None] for q in SITUATION.questions]
    return [{q.id: a for q, a in zip(SITUATION.questions, combo) if a is not None}
            for combo in itertools.product(*choices)]


ANSWER_SETS = every_answer_set()


def first_rule(answers: dict[str, str]) -> int | None:
    for index, rule in enumerate(SITUATION.routes):
        if all(answers.get(q) in allowed for q, allowed in rule.when.items()):
            return index
    return None


def test_all_three_parts_are_there_and_offered_on_where_are_you() -> None:
    assert SITUATION is not None and VALUES is not None and READY is not None
    assert SITUATION.offer_on == "where-are-you"
    assert [q.id for q in SITUATION.questions] == ["since", "operations", "course", "treatments", "hearing"]


def test_every_answer_set_opens_a_real_page_and_never_the_urgent_page() -> None:
    # Urgent care is one key away everywhere; routing there would alarm, not help.
    targets = {route_for(SITUATION, answers) for answers in ANSWER_SETS}
    assert targets <= set(GRAPH.nodes)
    assert GRAPH.meta.urgent not in targets
    assert route_for(SITUATION, {}) == SITUATION.default


def test_every_rule_is_the_first_match_for_some_answers() -> None:
    # A rule hidden behind earlier ones would be dead content.
    used = {first_rule(answers) for answers in ANSWER_SETS}
    assert used >= set(range(len(SITUATION.routes)))
    assert None in used, "some answers fall through to the default"


@pytest.mark.parametrize("question", ["since", "operations", "course"])
def test_every_answer_of_the_questions_that_route_is_used_by_a_rule(question: str) -> None:
    asked = next(q for q in SITUATION.questions if q.id == question)
    used = {a for rule in SITUATION.routes for a in rule.when.get(question, ())}
    assert used == {a.id for a in asked.answers}


def test_treatments_and_hearing_never_change_the_route() -> None:
    # They shape the options (values), not which part of the story fits: the authoring guide says so.
    routing = ("since", "operations", "course")
    by_routing: dict[tuple[str | None, ...], set[str]] = {}
    for answers in ANSWER_SETS:
        key = tuple(answers.get(q) for q in routing)
        by_routing.setdefault(key, set()).add(route_for(SITUATION, answers))
    assert all(len(targets) == 1 for targets in by_routing.values())


def test_two_months_after_a_second_operation_meets_late_relief_before_revision_surgery() -> None:
    # "A few weeks" or "a few months": two months may be called either.
    for since in ("weeks", "months"):
        target = route_for(SITUATION, {"since": since, "operations": "two-or-more", "course": "never-stopped"})
        assert target in ("redo-recent", "redo-late-relief")
        assert route_for(SITUATION, {"since": since, "operations": "two-or-more"}) == target
        page = GRAPH.nodes[target]
        targets = [c.target for c in page.choices]
        late = targets.index("redo-late-relief") if target != "redo-late-relief" else -1
        assert "option-revision-surgery" not in targets[: late + 1]
        assert "late relief" in page.summary.lower()


@pytest.mark.parametrize(("answers", "target"), [
    ({"operations": "two-or-more", "course": "came-back"}, "redo-came-back"),
    ({"operations": "two-or-more", "since": "over-two-years", "course": "never-stopped"}, "redo-persistent"),
    ({"operations": "two-or-more"}, "after-second"),
    ({"operations": "one", "course": "came-back", "since": "over-two-years"}, "recurrence"),
    ({"operations": "one", "course": "never-stopped", "since": "weeks"}, "twitching-weeks"),
    ({"operations": "one", "course": "never-stopped", "since": "months"}, "twitching-months"),
    ({"operations": "one", "course": "never-stopped", "since": "over-a-year"}, "twitching-over-a-year"),
    ({"operations": "one", "course": "never-stopped", "since": DONT_KNOW}, "still-twitching"),
    ({"operations": DONT_KNOW, "course": "never-stopped", "since": "weeks"}, "where-are-you"),
    ({"operations": "one", "course": DONT_KNOW, "since": "weeks"}, "where-are-you"),
])
def test_situations_open_the_matching_part_of_the_guide(answers: dict[str, str], target: str) -> None:
    assert route_for(SITUATION, answers) == target


def test_the_situation_line_keeps_names_capitalised() -> None:
    line = situation_line(SITUATION, {"operations": "two-or-more", "treatments": "botox", "hearing": DONT_KNOW})
    assert line == "My situation: operations: two or more; other treatments: only Botox"


def test_every_value_touches_options_and_only_rows_that_have_text() -> None:
    for value in VALUES.statements:
        assert value.touches, value.id
        for option_id, fields in value.touches.items():
            node = GRAPH.nodes[option_id]
            assert node.kind is Kind.OPTION
            assert all(node.option.get(name, "").strip() for name in fields), (value.id, option_id)


def test_values_about_risks_touch_the_harms_row_of_every_option() -> None:
    # Even-handed: a risk is looked for in every option, not only where it is known to be.
    for value_id in ("hearing", "face"):
        value = next(v for v in VALUES.statements if v.id == value_id)
        assert all("harms" in value.touches.get(option_id, ()) for option_id in OPTIONS), value_id


def test_the_issue_s_statements_are_all_there() -> None:
    statements = {v.statement for v in VALUES.statements}
    assert {"Avoiding another operation", "A chance to be fully free of twitching",
            "Avoiding injections every few months", "Protecting my hearing",
            "Avoiding time in hospital or off work", "Avoiding daily tablets and their side effects"} <= statements
    assert VALUES.scale == ("Does not matter", "Matters a little", "Matters a lot")


def test_rating_everything_a_lot_marks_every_option() -> None:
    marks = grid_marks(VALUES, {v.id: len(VALUES.scale) - 1 for v in VALUES.statements})
    assert {option_id for option_id, _ in marks} == set(OPTIONS)


def test_ready_credits_the_sure_test_with_a_source_in_sources_yaml() -> None:
    assert "Adapted from the SURE test (Légaré F et al., Can Fam Physician 2010)" in READY.credit
    source = GRAPH.sources[READY.source]
    assert "Légaré F" in source.citation and "2010" in source.citation and "SURE" in source.citation
    assert len(READY.questions) == 4


def test_ready_questions_are_in_our_own_words_and_every_no_says_what_helps() -> None:
    # The SURE items' published names; our questions must not simply repeat them.
    sure_words = ("Sure of myself", "Understand information", "Risk-benefit ratio", "Encouragement",
                  "Do you feel SURE about the best choice for you")
    for question in READY.questions:
        assert not any(words.lower() in question.ask.lower() for words in sure_words), question.ask
        assert question.if_no.strip() and question.pages, question.id
        assert all(page in GRAPH.nodes for page in question.pages)


def test_decision_text_is_plain_language() -> None:
    # The credit is a citation, not prose for the reader to follow; everything else is scored.
    texts = {
        "situation": [SITUATION.intro, *(q.ask for q in SITUATION.questions),
                      *(a.label + "." for q in SITUATION.questions for a in q.answers)],
        "values": [VALUES.intro, *(v.statement + "." for v in VALUES.statements)],
        "ready": [READY.intro, *(q.ask for q in READY.questions), *(q.if_no for q in READY.questions)],
    }
    grades = {part: textstat.flesch_kincaid_grade(MASKED.sub("it", " ".join(text))) for part, text in texts.items()}
    assert max(grades.values()) <= 8, grades
    everything = " ".join(t for text in texts.values() for t in text)
    assert "!" not in everything and not re.search(r"\byou should\b", everything, re.IGNORECASE)
