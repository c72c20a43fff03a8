"""Pages named by people: ids, titles or words of a title; nothing guessed silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from hfs_guide.core.loader import load_graph
from hfs_guide.core.page_names import PageNameError, page_id

CONTENT = Path(__file__).parents[2] / "content"


@pytest.fixture(scope="module")
def graph():
    return load_graph(CONTENT)


@pytest.mark.parametrize(("name", "expected"), [
    ("option-botox", "option-botox"), ("Option-Botox", "option-botox"),  # ids, any case
    ("botox", "option-botox"), ("BOTOX injections", "option-botox"),  # words of a title
    ("medicines", "option-medicines"), ("What are the options", "options-overview"),  # whole titles
    ("urgent", "urgent-care"), (" driving ", "driving"),
])
def test_a_name_finds_its_page(graph, name: str, expected: str) -> None:
    assert page_id(graph, name) == expected


def test_a_typo_offers_close_matches(graph) -> None:
    with pytest.raises(PageNameError) as caught:
        page_id(graph, "botx")
    assert not caught.value.ambiguous and caught.value.candidates[0] == "option-botox"


def test_a_name_that_fits_several_pages_is_refused_with_them(graph) -> None:
    with pytest.raises(PageNameError) as caught:
        page_id(graph, "operation")
    assert caught.value.ambiguous and {"how-mvd-works", "option-revision-surgery"} <= set(caught.value.candidates)


def test_nothing_close_offers_nothing(graph) -> None:
    with pytest.raises(PageNameError) as caught:
        page_id(graph, "zzzqqq")
    assert caught.value.candidates == ()
