"""The handout: what a person takes home from a session, built from the core's pages.

It shows what was read, not only titles: for each page visited, its summary and the facts
it showed (an option's facts at a glance, figures in words), each with a numbered source; the
route through navigation pages as one line; every ticked question once; the notes; fill-in
lines for the clinic's number and the next appointment; the urgent-care box; and a content
fingerprint, so a clinic can tell which reviewed text a person was shown.

Formats (Markdown, HTML) are drawn by core/handout_render.py from this one model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from hfs_guide.core.decision import grid_marks, next_step, not_ready, rating_words
from hfs_guide.core.files import CONTROL
from hfs_guide.core.fingerprint import content_fingerprint
from hfs_guide.core.model import Graph, Kind, Node
from hfs_guide.core.overview import OptionGrid, option_grid
from hfs_guide.core.page import AtAGlance, Citation, FactLine, Facts, Page, Sources, page
from hfs_guide.core.session import Session


@dataclass(frozen=True)
class HandoutPage:
    """One page the person read: its words for paper, with sources as numbers."""

    title: str
    summary: str
    glance: tuple[tuple[str, str], ...]  # an option's facts at a glance
    facts: tuple[str, ...]  # each fact with its group, time and source number; icon arrays in words
    sources: tuple[int, ...]  # numbers in the handout's list of sources


@dataclass(frozen=True)
class Handout:
    """Everything a handout says, in the order it says it."""

    title: str
    language: str
    version: str
    reviewed: str
    fingerprint: str
    date: str
    disclaimer: str
    route: tuple[str, ...]  # navigation pages passed through, by title
    pages: tuple[HandoutPage, ...]
    questions: tuple[str, ...]
    notes: str
    urgent_title: str
    urgent_body: str  # Markdown, links reduced to their text
    emergency: str
    clinic: str
    sources: tuple[Citation, ...]  # numbered from 1 in this order
    options: OptionGrid | None = None
    option_sources: tuple[tuple[int, ...], ...] = ()  # per grid column, its sources' numbers
    # (option id, field name) -> "what matters to me" statements rated "matters a lot"
    option_marks: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    urgent_sources: tuple[int, ...] = ()
    # Decision support (core/decision.py), each empty when not answered:
    situation: tuple[tuple[str, str], ...] = ()  # (question, answer in words)
    values: tuple[tuple[str, str], ...] = ()  # (statement, rating in words)
    ready: tuple[tuple[str, str], ...] = ()  # (question, "Yes" or "No")
    next_steps: tuple[str, ...] = ()  # for each "no": what to read or ask next, with the pages
    ready_credit: str = ""


def clean_user_text(text: str) -> str:
    """Notes come from a keyboard or a file: keep them, minus control characters."""
    return CONTROL.sub("\ufffd", text.replace("\r\n", "\n"))


def walked(session: Session) -> tuple[Node, ...]:
    """Each node the person saw, once, in the order first seen (up to where they are)."""
    seen: dict[str, Node] = {}
    for node_id in session.history[: session.index + 1]:
        seen.setdefault(node_id, session.graph.nodes[node_id])
    return tuple(seen.values())


def is_navigation(node: Node, content: Page) -> bool:
    """A page that only asks where to go next ("Where are you now?"): folded into the route.
    Question pages that carry facts or figures still count as read."""
    return node.kind is Kind.QUESTION and not any(isinstance(b, (AtAGlance, Facts)) for b in content.blocks)


def fact_words(fact: FactLine, source_number: int = 0) -> str:
    """A fact on paper: what it says, about whom, over what time, and its source's number;
    an icon array also gives the other side of the figure."""
    text = f"{fact.says[:1].upper()}{fact.says[1:]} ({fact.group}; {fact.time})."
    if fact.icon and fact.of:
        text += f" The other {fact.of - fact.count} in {fact.of}: not so."
    if source_number:
        text += f" [{source_number}]"
    return text if fact.verified else text + " (source not verified)"


def build_handout(session: Session, today: dt.date | None = None, with_options: bool = False) -> Handout:
    """The handout of a session: pages walked, ticks, notes, and optionally the option grid."""
    graph = session.graph
    numbers: dict[str, int] = {}
    citations: list[Citation] = []

    def number(citation: Citation) -> int:
        if citation.id not in numbers:
            citations.append(citation)
            numbers[citation.id] = len(citations)
        return numbers[citation.id]

    route: list[str] = []
    pages: list[HandoutPage] = []
    for node in walked(session):
        if node.kind is Kind.URGENT:
            continue  # the urgent box below says it once, in full
        content = page(graph, session, node)
        if is_navigation(node, content):
            route.append(node.title)
            continue
        glance = content.first(AtAGlance)
        facts = content.first(Facts)
        cited = content.first(Sources)
        numbers_here = tuple(number(c) for c in cited.citations) if isinstance(cited, Sources) else ()
        pages.append(HandoutPage(
            title=node.title,
            summary=node.summary,
            glance=glance.rows if isinstance(glance, AtAGlance) else (),
            facts=tuple(fact_words(f, numbers_here[f.source - 1] if 0 < f.source <= len(numbers_here) else 0)
                        for f in facts.items) if isinstance(facts, Facts) else (),
            sources=numbers_here,
        ))
    grid = option_grid(graph) if with_options and graph.options() else None
    option_sources: list[tuple[int, ...]] = []
    for option in grid.columns if grid is not None else ():
        cited = page(graph, node=option).first(Sources)  # every figure in the grid has its source
        option_sources.append(tuple(number(c) for c in cited.citations) if isinstance(cited, Sources) else ())
    values = graph.decision.values
    marks = grid_marks(values, session.ratings) if grid is not None and values is not None else {}
    urgent = graph.urgent_node
    urgent_cited = page(graph, node=urgent).first(Sources)
    urgent_sources = tuple(number(c) for c in urgent_cited.citations) if isinstance(urgent_cited, Sources) else ()
    meta = graph.meta
    decision = decision_sections(graph, session)
    return Handout(
        title=meta.title,
        language=meta.language,
        version=meta.version,
        reviewed=meta.reviewed,
        fingerprint=content_fingerprint(graph),
        date=(today or dt.date.today()).isoformat(),
        disclaimer=meta.disclaimer,
        route=tuple(route),
        pages=tuple(pages),
        questions=tuple(question for _, question in session.ticked_questions()),
        notes=clean_user_text(session.notes).strip(),
        urgent_title=urgent.title,
        urgent_body=urgent.body,
        emergency=meta.emergency,
        clinic=meta.clinic,
        sources=tuple(citations),
        options=grid,
        option_sources=tuple(option_sources),
        option_marks=marks,
        urgent_sources=urgent_sources,
        **decision,
    )


def decision_sections(graph: Graph, session: Session) -> dict[str, Any]:
    """My situation, what matters to me and ready to decide, in words, as answered."""
    decision = graph.decision
    out: dict[str, Any] = {}
    if decision.situation is not None:
        out["situation"] = tuple((q.ask, q.label(session.situation[q.id]))
                                 for q in decision.situation.questions if q.id in session.situation)
    if decision.values is not None:
        out["values"] = tuple((v.statement, rating_words(decision.values, session.ratings[v.id]))
                              for v in decision.values.statements if v.id in session.ratings)
    if decision.ready is not None:
        out["ready"] = tuple((q.ask, "Yes" if session.ready[q.id] else "No")
                             for q in decision.ready.questions if q.id in session.ready)
        titles = {node_id: node.title for node_id, node in graph.nodes.items()}
        out["next_steps"] = tuple(next_step(q, titles) for q in not_ready(decision.ready, session.ready))
        if out["ready"]:
            out["ready_credit"] = decision.ready.credit
    return out


def handout_for(graph: Graph, node_ids: list[str], notes: str = "", today: dt.date | None = None,
                with_options: bool = False) -> Handout:
    """A handout for pages named on the command line, as if walked in that order."""
    session = Session(graph, history=[node_ids[0]])
    for node_id in node_ids[1:]:
        session.go(node_id)
    session.set_notes(notes)
    return build_handout(session, today, with_options)
