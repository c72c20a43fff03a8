"""The second reading's findings stay fixed (issue 13, /work/research/second-reading.md).

Each test reads the shipped guide as a patient meets it and fails if a fixed finding comes back:
an emergency sign the urgent page's own source lists, a cause or reassurance the sources do not
give, an option page that leans one way, or a trust statement that claims more than is true.
"""

from __future__ import annotations

import re

import pytest

from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Kind

from tests.content.test_second_edition import section, shown_text

GRAPH = load_graph()
NODES = list(GRAPH.nodes.values())
OPTIONS = [node for node in NODES if node.kind is Kind.OPTION]
# Kinds of source that have authors; leaflets, labels and databases are published by an organisation.
AUTHORED = {"systematic review", "meta-analysis", "cohort", "case series", "narrative review", "randomised trial"}


def test_urgent_page_sends_balance_sight_and_sudden_numbness_to_emergency_services() -> None:
    body = GRAPH.urgent_node.body
    now = section(body, "Call emergency services now")
    today = section(body, "Call your surgical team today")
    assert re.search(r"walking or balance", now), now
    assert re.search(r"double vision|sight", now), now
    assert re.search(r"numbness[^.]*suddenly", now), now
    assert re.search(r"keeps getting worse, together with being sick", now), now
    assert re.search(r"numbness or tingling that comes on slowly", today), today


@pytest.mark.parametrize("node_id", ["twitching-weeks", "redo-recent", "after-going-home"])
def test_pages_that_list_warning_signs_include_balance_and_sight(node_id: str) -> None:
    text = GRAPH.nodes[node_id].body
    assert "balance" in text and "sight" in text, node_id


@pytest.mark.parametrize(
    "claim",
    [
        r"come from different groups of studies, so they do not add up",  # the review gives no reason
        r"No study shows that waiting itself lowers",  # reassures on one side only
        r"time since the first operation did not change the results of the second",  # drops the > 1 year limit
        r"some people had a quiet spell",  # it was nearly half of those cured
        r"a dry or watery eye",  # no source on the Botox page
        r"found the effect had worn off for half",  # a number the unverified thesis is not used for
    ],
)
def test_a_finding_of_the_second_reading_does_not_come_back(claim: str) -> None:
    found = [node.id for node in NODES if re.search(claim, shown_text(node), re.IGNORECASE)]
    assert found == [], f"{claim!r} is back on {found}"


def test_every_option_closes_who_it_may_suit_with_the_same_words() -> None:
    endings = {node.id: node.option["who_it_may_suit"].strip().rsplit(". ", 1)[-1] for node in OPTIONS}
    assert set(endings.values()) == {"A choice to make with your care team."}, endings


def test_repeat_operation_icons_compare_benefit_and_harm_from_one_study() -> None:
    icons = GRAPH.nodes["option-revision-surgery"].figures
    assert {fact.side for fact in icons} == {"benefit", "harm"}
    assert len({fact.source for fact in icons}) == 1, [fact.source for fact in icons]


@pytest.mark.parametrize(("node_id", "words"), [("option-botox", "kept having"), ("option-waiting", "never had an operation")])
def test_icon_figures_from_selected_groups_say_so_in_their_own_words(node_id: str, words: str) -> None:
    benefit_icons = [fact.says for fact in GRAPH.nodes[node_id].facts if fact.icon and fact.side == "benefit"]
    assert benefit_icons and all(words in says for says in benefit_icons), benefit_icons


def test_repeat_operation_risks_name_the_stroke_and_the_unshown_pooled_figures() -> None:
    text = shown_text(GRAPH.nodes["second-op-risks"])
    assert "stroke at the back of the brain" in text and "vocal cord" in text
    assert "pooled analysis" in text and "comparison is rough" in text


def test_medicine_harms_rest_on_figures_and_breast_feeding_shows_both_views() -> None:
    assert any(fact.side == "harm" for fact in GRAPH.nodes["option-medicines"].facts)
    pregnancy = shown_text(GRAPH.nodes["pregnancy"])
    assert "does not recommend" in pregnancy and "no special precautions" in pregnancy


def test_the_guide_says_no_clinician_has_reviewed_it_yet() -> None:
    about = shown_text(GRAPH.nodes["about-guide"])
    for text in (about, GRAPH.meta.review_note):
        assert re.search(r"No doctor or other clinician has yet reviewed", text), text
        assert "November 2026" in text and "fixed" in text


def test_a_study_is_verified_only_with_authors_checked() -> None:
    claimed = [sid for sid, source in GRAPH.sources.items()
               if source.verified and source.kind in AUTHORED and not source.authors.strip()]
    hedged = [sid for sid, source in GRAPH.sources.items()
              if source.verified and re.search(r"et al\.?\"?$|authors not", source.authors, re.IGNORECASE)]
    assert claimed == [] and hedged == [], (claimed, hedged)
