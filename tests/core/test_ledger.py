"""The evidence ledger's rules (issue 12), each with content that breaks it and content that
keeps it, on a private copy of the small test guide."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hfs_guide.core.loader import check_graph, load_graph
from hfs_guide.core.problems import Problem

TODAY = dt.date(2026, 12, 1)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(folder: Path, today: dt.date = TODAY) -> list[Problem]:
    return check_graph(folder, today=today)[1]


def codes(folder: Path, today: dt.date = TODAY) -> list[str]:
    return [p.code for p in problems(folder, today)]


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def body(mini: Path, text: str, node: str = "still") -> Path:
    path = mini / "nodes" / f"{node}.md"
    path.write_text(f"# Still\n\n{text}\n", encoding="utf-8")
    return path


def test_the_small_guide_is_clean(mini: Path) -> None:
    assert problems(mini) == []


# ---- rule 1: every statistic shown is a number of a fact of its node ------------------------

@pytest.mark.parametrize("text", [
    "About 30 in 100 people get better.",
    "Some 3 out of 10 get better.",
    "About 30% get better.",
    "About 30 per cent get better.",
    "It was 17 of 175 in one study.",
    "One study of 1,500 people found it.",
    "A review of 12 studies found it.",
    "About 30 to 40 in 100 get better.",
    "It helped 62.8% of them.",
])
def test_an_undeclared_statistic_is_an_error_located_in_the_body(mini: Path, text: str) -> None:
    path = body(mini, text)
    found = [p for p in problems(mini) if p.code == "number-undeclared"]
    assert found, text
    assert (found[0].file, found[0].line) == (str(path), 3)
    assert "add a fact" in found[0].message and "plain_numbers" in found[0].message


@pytest.mark.parametrize("text", [
    "About 25 in 100 people get better slowly.",
    "About 25% get better slowly.",
    "A made-up study of 2,000 people.",  # the size of the fact's group (and of its source)
    "Shots are given every 3 to 4 months.",
    "People over 50 and children under 12.",
    "Call 911, 999 or 112.",
    "Reviewed on 2026-11-24 for the 2nd time.",
    "1. First step\n2. Second step",
    "It lasted 12 weeks, or 3 years or more, and 900 days at most; a fever over 38 C (100 F).",
    "Press a number from 1 to 9.",
    "See [the 30 in 100 page](node:end) and <https://example.org/30%25>.".replace("the 30 in 100 page", "the end"),
])
def test_plain_numbers_and_declared_statistics_pass(mini: Path, text: str) -> None:
    body(mini, text)
    assert problems(mini) == [], text


def test_a_range_needs_both_ends_declared(mini: Path) -> None:
    body(mini, "Between about 20 and 25 in 100 get better slowly.")
    found = [p.message for p in problems(mini)]
    assert len(found) == 1 and "20 in 100" in found[0]


def test_statistics_in_summaries_labels_and_option_fields_are_found_where_written(mini: Path) -> None:
    guide = mini / "guide.yaml"
    edit(guide, "summary: Where to begin.", "summary: Where 40 in 100 begin.")
    edit(guide, "{label: It came back, to: back-again}", "{label: It came back for 5 in 100, to: back-again}")
    edit(guide, "how_long_it_lasts: About 3 months.", "how_long_it_lasts: About 60% of 3 months.")
    found = {p.line for p in problems(mini) if p.code == "number-undeclared"}
    assert found == {line_of(guide, "40 in 100"), line_of(guide, "5 in 100"), line_of(guide, "60% of")}


def test_a_fact_declares_its_statistic_for_its_own_node_only(mini: Path) -> None:
    body(mini, "About 25 in 100 people get better slowly.", node="end")
    assert codes(mini) == ["number-undeclared"]


def test_plain_numbers_is_the_escape_hatch_and_must_be_used(mini: Path) -> None:
    guide = mini / "guide.yaml"
    body(mini, "The 2 studies below disagree.")
    assert codes(mini) == ["number-undeclared"]
    edit(guide, "    sources: [src-a]\n    questions", "    plain_numbers: [\"2 studies below\"]\n    sources: [src-a]\n    questions")
    assert problems(mini) == []
    body(mini, "They disagree.")
    found = problems(mini)
    assert [p.code for p in found] == ["plain-number-unused"] and found[0].line == line_of(guide, "2 studies below")


# ---- rule 2: says agrees with the finding after ordinary rounding -----------------------------

FACT_SAYS = "says: about 25 in 100 people get better slowly"
FACT_FINDING = 'finding: "delayed relief in 25.4%"'


@pytest.mark.parametrize("says,finding,ok", [
    ("about 63 in 100 were free", "62.8% complete resolution", True),
    ("63 in 100 were free", "62.8% complete resolution", True),
    ("about 88 in 100 were free", "complete relief 88.5%", False),
    ("about 89 in 100 were free", "complete relief 88.5%", True),
    ("9 in 10 were free", "complete resolution in 91.1%", False),
    ("about 9 in 10 were free", "complete resolution in 91.1%", True),
    ("nearly 9 in 10 were free", "complete resolution in 91.1%", True),
    ("1 in 4 were free", "25% were free", True),
    ("17 of 175 took 6 to 12 months", "6 to 12 months (n = 17 of 175)", True),
    ("5 of 3,462 people lost hearing", "5 of 3,462 patients", True),
    ("about 19 to 37 in 100 between studies", "25.4% (range 18.8%-37.1%)", True),
    ("about 19 to 38 in 100 between studies", "25.4% (range 18.8%-37.1%)", False),
    ("about 25 in 100 got better later", "the median was 30 days", False),
    # More digits than decimal arithmetic keeps by default (28): a located problem, no crash.
    ("about 25 in 100 were free", "99999999999999999999999999999 in 1", False),
    ("25 in 99999999999999999999999999999 were free", "25.4%", False),
    ("about 1,000,000,000,000,000,000,000,000,000 in 1,000,000,000,000,000,000,000,000,000,000 were free", "0.1%", True),
])
def test_says_must_be_the_finding_after_ordinary_rounding(mini: Path, says: str, finding: str, ok: bool) -> None:
    guide = mini / "guide.yaml"
    edit(guide, FACT_SAYS, f"says: {says}")
    edit(guide, FACT_FINDING, f'finding: "{finding}"')
    found = [p for p in problems(mini) if p.code == "fact-rounding"]
    assert (found == []) is ok, [p.message for p in found]
    if not ok:
        assert found[0].line == line_of(guide, f"says: {says}")


def test_a_rounding_problem_says_what_the_figure_rounds_to(mini: Path) -> None:
    edit(mini / "guide.yaml", FACT_FINDING, 'finding: "delayed relief in 25.5%"')
    (message,) = [p.message for p in problems(mini)]
    assert "25.5%" in message and "26 in 100" in message and "'still-slow'" in message


def test_a_coarse_rounding_asks_for_a_hedge_word(mini: Path) -> None:
    guide = mini / "guide.yaml"
    edit(guide, FACT_SAYS, "says: 9 in 10 people get better slowly")
    edit(guide, FACT_FINDING, 'finding: "91.1%"')
    (message,) = [p.message for p in problems(mini)]
    assert "hedge word such as 'about'" in message


# ---- rule 3: group, time and a source that resolves; unverified sources warn -------------------

@pytest.mark.parametrize("field", ["group", "time", "source", "finding", "says", "side"])
def test_a_fact_without_a_part_is_an_error_that_says_what_the_part_is(mini: Path, field: str) -> None:
    guide = mini / "guide.yaml"
    text = guide.read_text(encoding="utf-8")
    start = text.index(f"        {field}:", text.index("id: still-slow"))
    guide.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    found = [p for p in problems(mini) if p.code == "fact-incomplete"]
    assert len(found) == 1 and f"missing {field!r}" in found[0].message, [str(p) for p in problems(mini)]


def test_a_fact_source_must_exist_and_be_on_the_node(mini: Path) -> None:
    guide = mini / "guide.yaml"
    edit(guide, "        source: src-a", "        source: src-b")
    (problem,) = problems(mini)
    assert problem.code == "fact-source-unknown" and "did you mean 'src-a'" in problem.message
    assert problem.line == line_of(guide, "source: src-b")
    edit(guide, "        source: src-b", "        source: src-a")
    edit(guide, "    sources: [src-a]\n    questions", "    questions")
    assert [p.code for p in problems(mini)] == ["fact-source-not-listed"]


def test_a_fact_from_an_unverified_source_is_a_warning_naming_the_fact(mini: Path) -> None:
    edit(mini / "sources.yaml", "verified: true", "verified: false")
    (problem,) = problems(mini)
    assert problem.severity == "warning" and problem.code == "fact-unverified-source"
    assert "'still-slow'" in problem.message and str(problem).split(": ", 2)[1] == "warning"
    assert load_graph(mini, today=TODAY).nodes["still"].facts  # usable all the same


def test_fact_ids_are_unique_in_the_whole_guide(mini: Path) -> None:
    guide = mini / "guide.yaml"
    text = guide.read_text(encoding="utf-8")
    start = text.index("    facts:\n")
    block = text[start : text.index("    choices:", start)]
    edit(guide, "  options:\n    kind: question\n", "  options:\n    kind: question\n    sources: [src-a]\n" + block)
    found = [p for p in problems(mini) if p.code == "fact-id-duplicate"]
    assert len(found) == 1 and "'still-slow'" in found[0].message and "node 'still'" in found[0].message


def test_icon_needs_an_n_in_m_in_says(mini: Path) -> None:
    guide = mini / "guide.yaml"
    edit(guide, FACT_SAYS, "says: a quarter of people get better slowly")
    edit(guide, FACT_FINDING, 'finding: "a quarter"')
    (problem,) = problems(mini)
    assert problem.code == "fact-icon" and problem.line == line_of(guide, "icon: true")


def test_figures_are_refused_with_a_pointer_to_facts(mini: Path) -> None:
    guide = mini / "guide.yaml"
    edit(guide, "    facts:\n", "    figures:\n      - {count: 1, of: 4, text: one in four, source: src-a}\n    facts:\n")
    (problem,) = problems(mini)
    assert problem.code == "figures" and "facts with icon: true" in problem.message and "docs/authoring.md" in problem.message
    assert problem.line == line_of(guide, "figures:")


# ---- rule 4: options rest their benefits and harms on facts, in equal detail --------------------

def test_option_benefits_and_harms_need_a_fact_or_a_reason_for_none(mini: Path) -> None:
    guide = mini / "guide.yaml"
    edit(guide, "harms: Some droop. There is no reliable figure for this, because it is made up.", "harms: Some droop.")
    found = [p for p in problems(mini) if p.is_error]
    assert [p.code for p in found] == ["option-no-harm-fact"] and found[0].line == line_of(guide, "harms: Some droop.")
    edit(guide, "harms: Some droop.", "harms: Some droop. There is no reliable figure for this.")
    assert "but not why" in [p for p in problems(mini) if p.is_error][0].message


def test_a_harm_fact_answers_rule_4(mini: Path) -> None:
    guide = mini / "guide.yaml"
    edit(guide, "harms: Some droop. There is no reliable figure for this, because it is made up.",
         "harms: Some droop, seen in about 25 in 100 people in one made-up study.")
    edit(guide, "    sources: [src-a]\n    option:", "    sources: [src-a]\n    facts:\n      - id: droop\n"
         "        says: about 25 in 100 had some droop\n        group: 2,000 people in a made-up study\n"
         "        time: a month after the shot\n        source: src-a\n        finding: \"25.4%\"\n        side: harm\n    option:")
    assert problems(mini) == []


def test_who_it_may_not_suit_is_required(mini: Path) -> None:
    edit(mini / "guide.yaml", "      who_it_may_not_suit: People who dislike needles.\n", "")
    (problem,) = problems(mini)
    assert problem.code == "option-field-missing" and "Who it may not suit" in problem.message


def test_benefits_and_harms_out_of_balance_is_a_warning(mini: Path) -> None:
    edit(mini / "guide.yaml", "harms: Some droop.", "harms: Some droop, a dry eye, a watery eye, a headache and tiredness for a few days.")
    (problem,) = problems(mini)
    assert problem.severity == "warning" and problem.code == "option-balance" and "1.5x" in problem.message


# ---- rule 5: no raw ids in what readers see ------------------------------------------------------

@pytest.mark.parametrize("text,needle", [
    ("It helped some people (src-a).", "'src-a', a source id"),
    ("As still-slow shows, it helps.", "'still-slow', a fact id"),
    ("Read the back-again page.", "'back-again', a node id"),
    ("Read [back-again](node:back-again).", "'back-again', a node id"),
    # Punctuation outside ASCII next to an id: "src-a…" once hid the id from the quick look.
    ("It helped some people, src-a… and more.", "'src-a', a source id"),
    ("See §src-a → below.", "'src-a', a source id"),
])
def test_raw_ids_in_prose_are_errors(mini: Path, text: str, needle: str) -> None:
    path = body(mini, text)
    found = [p for p in problems(mini) if p.code == "raw-id"]
    assert len(found) == 1 and needle in found[0].message
    assert (found[0].file, found[0].line, found[0].col) == (str(path), 3, text.index(needle.split("'")[1]) + 1)


def test_ids_in_link_targets_and_node_ids_without_hyphens_are_fine(mini: Path) -> None:
    body(mini, "Read [the page](node:back-again) or [more][ref], then the end.\n\n[ref]: node:option-a")
    assert problems(mini) == []


def test_a_word_with_a_combining_accent_is_not_an_id(mini: Path) -> None:
    body(mini, "In French, src-a\u0301 is no id, nor is xsrc-a.")  # "á" typed as "a" + a combining acute
    assert problems(mini) == []


def test_a_raw_id_in_a_summary_is_located_there(mini: Path) -> None:
    guide = mini / "guide.yaml"
    edit(guide, "summary: Twitching that returns.", "summary: Twitching that returns (src-a).")
    (problem,) = problems(mini)
    assert problem.code == "raw-id" and problem.line == line_of(guide, "(src-a)")


# ---- rule 6: real dates; a stale or future review warns ---------------------------------------

@pytest.mark.parametrize("date", ["2026-13-45", "2026-02-30", "2025-02-29"])
def test_a_date_that_is_not_in_the_calendar_is_an_error(mini: Path, date: str) -> None:
    guide = mini / "guide.yaml"
    edit(guide, 'reviewed: "2026-11-24"', f'reviewed: "{date}"')
    (problem,) = problems(mini)
    assert problem.code == "date-invalid" and "not a real date" in problem.message
    assert problem.line == line_of(guide, "reviewed:")


@pytest.mark.parametrize("today,code", [
    (dt.date(2026, 11, 24), None),
    (dt.date(2027, 11, 24), None),
    (dt.date(2027, 11, 25), "review-stale"),
    (dt.date(2026, 11, 23), "review-future"),
])
def test_a_review_over_12_months_old_or_in_the_future_warns(mini: Path, today: dt.date, code: str | None) -> None:
    found = problems(mini, today)
    assert [p.code for p in found] == ([code] if code else [])
    assert all(p.severity == "warning" and p.line == line_of(mini / "guide.yaml", "reviewed:") for p in found)


# ---- rule 7: every problem located -------------------------------------------------------------

def test_start_and_urgent_problems_are_located_on_their_lines(mini: Path) -> None:
    guide = mini / "guide.yaml"
    edit(guide, "start: welcome", "start: welcom")
    edit(guide, "urgent: urgent", "urgent: urgnet")
    found = {p.message.split(":")[0]: p for p in problems(mini) if p.code == "unknown-node"}
    assert found["start"].line == line_of(guide, "start: welcom") and found["start"].col == 8
    assert found["meta"].line == line_of(guide, "urgent: urgnet")


def test_an_urgent_node_of_the_wrong_kind_is_located_at_meta_urgent(mini: Path) -> None:
    guide = mini / "guide.yaml"
    edit(guide, "urgent: urgent", "urgent: end")
    found = [p for p in problems(mini) if p.code == "urgent-kind"]
    assert found and found[0].line == line_of(guide, "urgent: end")


def test_version_must_be_text(mini: Path) -> None:
    guide = mini / "guide.yaml"
    edit(guide, 'version: "1"', "version: 1.5")
    (problem,) = problems(mini)
    assert "put it in quotes" in problem.message and problem.line == line_of(guide, "version: 1.5")
