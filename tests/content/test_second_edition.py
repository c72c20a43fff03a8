"""The second edition's clinical corrections stay corrected (issue 13).

Each test reads the shipped guide the way a patient meets it and fails if a corrected claim,
an unsafe triage rule or a missing topic comes back.
"""

from __future__ import annotations

import re

import pytest

from hfs_guide.core.loader import load_graph
from hfs_guide.core.model import Kind, Node

GRAPH = load_graph()
NODES = list(GRAPH.nodes.values())


def shown_text(node: Node) -> str:
    """Everything a reader can see on a node, facts included, as one string."""
    parts = [node.title, node.summary, node.body, *node.option.values(), *(c.label for c in node.choices)]
    parts += [fact.says for fact in node.facts]
    text = re.sub(r"\]\([^)]*\)", "]", " ".join(parts))  # link targets are not shown
    return " ".join(text.split())


def section(markdown: str, heading: str) -> str:
    """The text under a `## heading`, up to the next heading."""
    match = re.search(rf"^##\s+{re.escape(heading)}\s*$(.*?)(?=^##\s|\Z)", markdown, re.MULTILINE | re.DOTALL)
    assert match, f"no section {heading!r}"
    return " ".join(match.group(1).split())


@pytest.mark.parametrize(
    "claim",
    [
        r"rarely goes away",
        r"only option that",
        r"only about \d",
        r"long wait may lower",
        r"sooner did better",
        r"push through the pad",
        r"longer and more twisted with age",
        r"usual risks of any brain operation",
        r"175 people with late relief",
        r"any new weakness",
        r"38 C \(100 F\)",
    ],
)
def test_a_corrected_claim_does_not_come_back(claim: str) -> None:
    found = [node.id for node in NODES if re.search(claim, shown_text(node), re.IGNORECASE)]
    assert found == [], f"{claim!r} is back on {found}"


def test_barker_thirty_day_exception_is_about_success_only() -> None:
    for node in NODES:
        for sentence in re.split(r"(?<=[.;])\s", shown_text(node)):
            if "30 days" in sentence and "second operation" in sentence:
                assert re.search(r"worked less often|less successful|success", sentence), (node.id, sentence)
                assert not re.search(r"problem|complication|risk", sentence, re.IGNORECASE), (node.id, sentence)


def test_urgent_page_splits_stroke_signs_from_slow_face_weakness() -> None:
    body = GRAPH.urgent_node.body
    now = section(body, "Call emergency services now")
    today = section(body, "Call your surgical team today")
    assert re.search(r"droops.*arm or leg.*trouble speaking.*confusion", now)
    assert "suddenly" in now and "stiff neck" in now and "light" in now
    assert "not sure how fast" in now
    assert re.search(r"face alone that comes on slowly, over hours or days", today)
    assert "Clear, watery fluid" in today and "meningitis" in today
    assert "swallowing" in today and "hoarse voice" in today
    assert "38 C (100.4 F)" in today
    assert "cannot reach your team today, go to the emergency department" in body
    assert "911, 999 or 112" in now


def test_after_second_path_routes_and_reaches_causes_late_relief_and_diagnosis_in_one_step() -> None:
    start = GRAPH.nodes["after-second"]
    labels = " ".join(choice.label for choice in start.choices).lower()
    assert "under a year" in labels and "over a year" in labels and "came back" in labels
    targets = {choice.target for choice in start.choices}
    assert {"redo-causes", "redo-late-relief", "still-hfs", "options-after-second", GRAPH.meta.urgent} <= targets
    assert "urgent" in start.body.lower() or f"node:{GRAPH.meta.urgent}" in start.body


def test_option_pages_never_jump_to_a_path_overview() -> None:
    overviews = {"options-overview", "options-after-second", "end-options", "end-after-second"}
    for node in NODES:
        if node.kind is Kind.OPTION:
            assert overviews.isdisjoint(choice.target for choice in node.choices), node.id
            assert node.option.get("who_it_may_not_suit", "").strip(), node.id


def test_no_page_names_a_key() -> None:
    key = re.compile(r"\bpress\s+(?:[a-z0-9?!/]|enter|escape|backspace|ctrl\S*)(?=[\s,.;)]|$)|\bkeys?\b|`[a-z!?/]`",
                     re.IGNORECASE)
    assert [node.id for node in NODES if key.search(shown_text(node))] == []


def test_tms_and_facial_retraining_are_not_offered_as_options() -> None:
    for node in NODES:
        if node.kind is Kind.OPTION:
            assert not re.search(r"\bTMS\b|retraining", node.option.get("what_it_is", "")), node.id


@pytest.mark.parametrize(
    ("node_id", "words"),
    [
        ("second-opinion", ["operation notes", "video recorded", "scans on a disc", "monitoring", "hearing tests",
                            "Botox history", "phone video"]),
        ("hearing-test", ["hearing test", "other ear"]),
        ("practical-matters", ["insurer", "work", "travel"]),
        ("driving", ["licences", "insurer"]),
        ("pregnancy", ["pregnan", "breast-feeding", "Botox", "Carbamazepine"]),
        ("eye-care", ["drops", "ointment", "same day"]),
        ("support", ["BEBRF", "BEBCRF", "do not endorse"]),
        ("about-guide", ["hfs-guide open-source project", "second reader", "no sponsor", "conflicts of interest",
                         "12 months", "What is not known"]),
        ("still-hfs", ["Synkinesis", "other side", "Blepharospasm"]),
    ],
)
def test_missing_topics_have_their_page(node_id: str, words: list[str]) -> None:
    text = shown_text(GRAPH.nodes[node_id]).lower()
    assert [word for word in words if word.lower() not in text] == []


def test_serious_harms_are_named_with_figures_on_both_operation_risk_pages() -> None:
    for node_id in ("mvd-after-effects", "second-op-risks"):
        node = GRAPH.nodes[node_id]
        says = " ".join(fact.says for fact in node.facts).lower()
        for harm in ("stroke", "death" if node_id == "second-op-risks" else "died", "leak", "meningitis",
                     "swallowing"):
            assert harm in says, (node_id, harm)
        # One denominator: every harm figure on these pages is out of 1,000.
        assert not re.search(r"\d+ in 100\b", " ".join([node.body, says])), node_id
