"""The guide as data: frozen dataclasses built once by the loader, read by every front end."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import PurePath
from enum import Enum
from typing import Mapping

from hfs_guide.core.decision import DecisionSupport
from hfs_guide.core.location import Location


class Kind(str, Enum):
    """What a node is for; the front ends style and route by it."""

    INFO = "info"
    QUESTION = "question"
    OPTION = "option"
    ENDING = "ending"
    URGENT = "urgent"


# The option fields every `option` node fills, in the order the option grid shows them.
OPTION_FIELDS: tuple[tuple[str, str], ...] = (
    ("what_it_is", "What it is"),
    ("what_it_is_like", "What it is like"),
    ("benefits", "Benefits"),
    ("harms", "Harms and risks"),
    ("how_often_it_helps", "How often it helps"),
    ("how_long_it_lasts", "How long it lasts"),
    ("who_it_may_suit", "Who it may suit"),
    ("who_it_may_not_suit", "Who it may not suit"),
)
OPTION_FIELD_NAMES: tuple[str, ...] = tuple(name for name, _ in OPTION_FIELDS)


@dataclass(frozen=True)
class Choice:
    """One numbered way on from a page: its label and the node it leads to."""

    label: str
    target: str
    where: Location = field(compare=False, repr=False)


# What kind of evidence a source is (sources.yaml `kind`), strongest designs first.
SOURCE_KINDS: tuple[str, ...] = (
    "systematic review", "meta-analysis", "randomised trial", "cohort", "cross-sectional study", "case series", "case report",
    "guideline", "narrative review", "opinion", "patient leaflet", "product label",
)
FACT_SIDES: tuple[str, ...] = ("benefit", "harm", "neutral")


@dataclass(frozen=True)
class Fact:
    """One statistic a patient reads, traced to its source (see docs/authoring.md).

    `says` is the guide's own words; `group` who and how many; `time` over what time;
    `finding` the source's figure as published. With `icon`, the first "N in M" of `says`
    (`count` in `of`) is drawn as an icon array.
    """

    id: str
    says: str
    group: str
    time: str
    source: str
    finding: str
    side: str
    icon: bool = False
    count: int = 0
    of: int = 0
    where: Location = field(default=Location(""), compare=False, repr=False)
    # (line, col) of the fact's fields ("says", "source", ...) for messages; see `at`.
    marks: Mapping[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)

    def at(self, name: str) -> Location:
        """Where one of the fact's fields was written (the fact itself when unknown)."""
        position = self.marks.get(name)
        return Location(self.where.file, *position) if position else self.where


@dataclass(frozen=True)
class Source:
    """A published source as sources.yaml gives it, with what a reader needs to judge it."""

    id: str
    citation: str
    url: str = ""
    note: str = ""
    kind: str = ""
    size: str = ""
    # Whether authors, journal and year were checked against the source itself.
    verified: bool = False
    authors: str = ""
    year: int = 0
    # Why the citation could not be checked, when it could not (verified: false): the author
    # has looked and says so, so facts resting on it are shown "not verified", not warned.
    not_verified_because: str = ""


@dataclass(frozen=True)
class GlossaryTerm:
    """A medical word and its meaning in plain words."""

    id: str
    term: str
    definition: str


@dataclass(frozen=True)
class Meta:
    """The guide as a whole: title, language, version, review, urgent page and contacts."""

    title: str
    language: str
    version: str
    reviewed: str
    review_note: str
    urgent: str
    emergency: str
    clinic: str
    disclaimer: str


@dataclass(frozen=True)
class Node:
    """One page of the guide, as loaded and checked."""

    id: str
    kind: Kind
    title: str
    summary: str
    body: str
    body_file: str
    choices: tuple[Choice, ...] = ()
    sources: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    glossary: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    # Phrases whose numbers are not statistics though they look like one (see docs/authoring.md).
    plain_numbers: tuple[str, ...] = ()
    # Only `option` nodes: field name (see OPTION_FIELDS) -> text.
    option: Mapping[str, str] = field(default_factory=dict)
    part: str = ""  # the part of the guide it belongs to, when the author names one (core/parts.py)
    where: Location = field(default=Location(""), compare=False, repr=False)
    # Positions of parts of the node ("body", "sources:ID", "glossary:ID") for messages.
    marks: Mapping[str, Location] = field(default_factory=dict, compare=False, repr=False)

    @property
    def figures(self) -> tuple[Fact, ...]:
        """The facts drawn as icon arrays."""
        return tuple(fact for fact in self.facts if fact.icon)

    @property
    def body_path(self) -> str:
        """The body file's name as the loader reported it (content folder + normalised path)."""
        return str(PurePath(self.where.file).parent / posixpath.normpath(self.body_file))


@dataclass(frozen=True)
class Graph:
    """A loaded guide. Nodes keep the order they were written in."""

    meta: Meta
    start: str
    nodes: Mapping[str, Node]
    sources: Mapping[str, Source] = field(default_factory=dict)
    glossary: Mapping[str, GlossaryTerm] = field(default_factory=dict)
    root: str = ""  # the content folder, for messages
    # My situation, what matters to me, ready to decide (core/decision.py); empty when absent.
    decision: DecisionSupport = field(default_factory=DecisionSupport)
    guide_file: str = ""  # the guide file as named in messages
    # Positions of top-level values ("start", "meta.urgent", "meta.reviewed", "nodes").
    marks: Mapping[str, Location] = field(default_factory=dict, compare=False, repr=False)

    def mark(self, name: str) -> Location:
        """Where a top-level value was written (the guide file when unknown)."""
        return self.marks.get(name) or Location(self.guide_file or self.root)

    def node(self, node_id: str) -> Node:
        """The node with this id (KeyError for an unknown id)."""
        return self.nodes[node_id]

    @property
    def start_node(self) -> Node:
        """The first page."""
        return self.nodes[self.start]

    @property
    def urgent_node(self) -> Node:
        """The urgent-care page."""
        return self.nodes[self.meta.urgent]

    def options(self) -> tuple[Node, ...]:
        """The option nodes, in content order (the option grid's columns)."""
        return tuple(n for n in self.nodes.values() if n.kind is Kind.OPTION)
