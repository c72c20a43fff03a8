"""What a page holds, decided once for every front end.

`page(graph, session)` turns the current node (or any node) into a tuple of frozen blocks:
the title, the start notice, the emergency and clinic contacts, the body, the option's facts
at a glance, the facts behind its figures (some drawn as icon arrays), the questions with
their ticks, the sources (kind, size, "not verified"), the end note and the
links offered under the choices. The full-screen guide maps blocks to Rich renderables, plain
mode to lines, the handout to Markdown or HTML; none of them decides again what a page says.

Blocks carry words and data, never key names: a front end names its own keys (an end note
says which actions lead on; the TUI says "b", plain mode says "b then Enter").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from hfs_guide.core import markdown
from hfs_guide.core.decision import situation_line
from hfs_guide.core.markdown import Link
from hfs_guide.core.model import OPTION_FIELDS, Graph, Kind, Node
from hfs_guide.core.session import Session


@dataclass(frozen=True)
class MySituation:
    """One quiet line at the top of every page: the situation answers given so far."""

    text: str


@dataclass(frozen=True)
class SituationOffer:
    """On the page that offers it: a few questions that open the part of the guide that fits."""

    intro: str


@dataclass(frozen=True)
class Title:
    """The page's title (left out when the body starts with the same heading)."""

    text: str


@dataclass(frozen=True)
class StartNotice:
    """On the first page: what the guide is not, and when it was reviewed."""

    disclaimer: str
    reviewed: str


@dataclass(frozen=True)
class Contacts:
    """On urgent pages: who to call now (content, never hard-coded)."""

    emergency: str
    clinic: str


@dataclass(frozen=True)
class Body:
    """The node's Markdown text, as written."""

    markdown: str


@dataclass(frozen=True)
class AtAGlance:
    """An option's facts, as (label, text) rows in the option grid's order."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FactLine:
    """One statistic of the page with what a reader needs to judge it: who, over what time,
    and which of the page's sources (`source`: its number under Sources, 0 if not listed).
    With `icon`, `count` in `of` is drawn as an icon array beside the words."""

    id: str
    says: str
    group: str
    time: str
    source: int
    verified: bool
    side: str
    icon: bool = False
    count: int = 0
    of: int = 0

    def context(self) -> str:
        """Who, over what time, from which source: said wherever the fact is shown."""
        source = f"Source {self.source}" if self.source else "Source not listed"
        if not self.verified:
            source += " (not verified)"
        return f"Who: {self.group.rstrip('.')}. Time: {self.time.rstrip('.')}. {source}."


@dataclass(frozen=True)
class Facts:
    """The figures on the page, each with its group, its time and its source."""

    items: tuple[FactLine, ...]

    @property
    def icons(self) -> tuple[FactLine, ...]:
        """The facts drawn as icon arrays."""
        return tuple(item for item in self.items if item.icon)


@dataclass(frozen=True)
class Question:
    """A question to ask, its place on the page, and whether the person ticked it."""

    index: int
    text: str
    ticked: bool


@dataclass(frozen=True)
class Questions:
    """Questions to ask the care team; ticked ones go into the handout."""

    items: tuple[Question, ...]


@dataclass(frozen=True)
class Citation:
    """A source as a reader sees it: the citation, what kind of evidence it is, how big, and
    whether the citation was checked against the source itself."""

    id: str
    text: str
    url: str = ""
    kind: str = ""
    size: str = ""
    verified: bool = True

    def details(self) -> str:
        """'cohort, 43 people; not verified': the words after the citation."""
        parts = ", ".join(part for part in (self.kind, self.size) if part)
        if not self.verified:
            parts = f"{parts}; not verified" if parts else "not verified"
        return parts


@dataclass(frozen=True)
class Sources:
    """Where the page's facts come from, as readable citations."""

    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class EndNote:
    """This path ends here; `actions` (by name, see core/actions.py) lead on."""

    actions: tuple[str, ...] = ("back", "home")


@dataclass(frozen=True)
class Offered:
    """Links from the body that the list under the choices offers too (keyboards cannot
    click): links to other pages and outside addresses, minus this page and pages a choice
    already leads to."""

    links: tuple[Link, ...]


Block = Union[MySituation, SituationOffer, Title, StartNotice, Contacts, Body, AtAGlance, Facts, Questions, Sources,
              EndNote, Offered]


@dataclass(frozen=True)
class Page:
    """One node's page: which node, what kind, and its blocks in reading order."""

    node_id: str
    kind: Kind
    blocks: tuple[Block, ...]

    def first(self, kind: type[Block]) -> Block | None:
        """The first block of a kind, or None."""
        return next((block for block in self.blocks if isinstance(block, kind)), None)


def body_repeats_title(node: Node) -> bool:
    """The body opens with a heading that says the title: the title is not shown twice."""
    first = node.body.lstrip().split("\n", 1)[0].strip()
    return first.startswith("#") and first.lstrip("#").strip().casefold() == node.title.strip().casefold()


def offered_links(graph: Graph, node: Node) -> tuple[Link, ...]:
    """The body's links worth offering under the choices (see `Offered`)."""
    skip = {node.id, *(choice.target for choice in node.choices)}
    return tuple(
        link
        for link in markdown.links(node.body)
        if (link.node_id is None or (link.node_id in graph.nodes and link.node_id not in skip))
    )


def page(graph: Graph, session: Session | None = None, node: Node | None = None) -> Page:
    """The page of `node` (default: the session's current node), with the session's ticks."""
    if node is None:
        if session is None:
            raise ValueError("page() needs a session or a node")
        node = session.current
    meta = graph.meta
    blocks: list[Block] = []
    situation = graph.decision.situation
    if situation is not None and session is not None:
        line = situation_line(situation, session.situation)
        if line:
            blocks.append(MySituation(line))
    if not body_repeats_title(node):
        blocks.append(Title(node.title))
    if node.id == graph.start:
        blocks.append(StartNotice(meta.disclaimer, meta.reviewed))
    if node.kind is Kind.URGENT:
        blocks.append(Contacts(meta.emergency, meta.clinic))
    blocks.append(Body(node.body))
    if situation is not None and node.id == situation.offer_on:
        blocks.append(SituationOffer(situation.intro))
    if node.option:
        rows = tuple((label, node.option[name]) for name, label in OPTION_FIELDS if node.option.get(name))
        if rows:
            blocks.append(AtAGlance(rows))
    cited = [graph.sources[source_id] for source_id in node.sources if source_id in graph.sources]
    citations = tuple(Citation(s.id, s.citation, s.url, s.kind, s.size, s.verified) for s in cited)
    if node.facts:
        number = {citation.id: index for index, citation in enumerate(citations, 1)}
        blocks.append(Facts(tuple(
            FactLine(f.id, f.says, f.group, f.time, number.get(f.source, 0),
                     graph.sources[f.source].verified if f.source in graph.sources else False,
                     f.side, f.icon, f.count, f.of)
            for f in node.facts
        )))
    if node.questions:
        ticked = session.ticked_on(node.id) if session is not None else frozenset()
        blocks.append(Questions(tuple(Question(i, q, i in ticked) for i, q in enumerate(node.questions))))
    if citations:
        blocks.append(Sources(citations))
    if node.kind is Kind.ENDING and not node.choices:
        blocks.append(EndNote())
    links = offered_links(graph, node)
    if links:
        blocks.append(Offered(links))
    return Page(node.id, node.kind, tuple(blocks))
