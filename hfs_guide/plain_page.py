"""Plain mode's drawing of a page: the core's blocks as lines a screen reader reads well.

No box drawing and no underlines (a speech synthesizer reads "=====" aloud), key names in
words, dates as words, and every block the full-screen guide shows: the emergency and clinic
text on urgent pages, an option's facts at a glance, each figure with who, when and which
source, the sources with their kind and whether they were verified.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap

from hfs_guide.core import markdown
from hfs_guide.core.actions import action
from hfs_guide.core.markdown import Link
from hfs_guide.core.model import Graph
from hfs_guide.core.page import (
    AtAGlance, Body, Contacts, EndNote, Facts, MySituation, Offered, Page, Questions, SituationOffer, Sources,
    StartNotice, Title,
)

LIST_MARK = re.compile(r"(- |\d+\. )")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def spoken_date(iso: str) -> str:
    """'2026-11-24' -> '24 November 2026' (a reader says it as words); other text unchanged."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def key_words(name: str) -> str:
    """How plain mode names the keys of an action, in words."""
    return action(name).plain_label


def choice_range(count: int) -> str:
    """'1 to 5' for five choices, '1' for one, '' for none."""
    return f"1 to {count}" if count > 1 else ("1" if count else "")


class PlainPage:
    """Lines for one page; `width` 0 means no wrapping (output is piped)."""

    def __init__(self, graph: Graph, width: int = 0) -> None:
        self.graph = graph
        self.width = width

    def describe_link(self, link: Link) -> str:
        if link.node_id is None:
            return f" (web address: {link.href})"
        node = self.graph.nodes.get(link.node_id)
        return f" (see the page: {node.title})" if node else ""

    def wrap(self, text: str, indent: str = "") -> list[str]:
        if not self.width:
            return [indent + line if line else "" for line in text.split("\n")]
        out: list[str] = []
        for line in text.split("\n"):
            if not line.strip():
                out.append("")
                continue
            stripped = line.lstrip(" ")
            lead = indent + line[: len(line) - len(stripped)]
            # A list item's later lines line up under its words, not under its mark.
            mark = LIST_MARK.match(stripped)
            hang = lead + " " * len(mark.group(0)) if mark else lead
            out += textwrap.wrap(stripped, self.width, initial_indent=lead, subsequent_indent=hang,
                                 break_long_words=True, break_on_hyphens=False) or [lead]
        return out

    def lines(self, page: Page) -> list[str]:
        """The page as lines, in the core's block order."""
        # Every page is announced the same way, so a screen reader user always hears where
        # they are; a body that opens with the same heading does not say it twice.
        title = self.graph.nodes[page.node_id].title if page.node_id in self.graph.nodes else ""
        out: list[str] = ["", f"Page: {title}"] if title else []
        for block in page.blocks:
            if isinstance(block, Title):
                continue
            lines = self.block(block)
            if isinstance(block, Body) and page.first(Title) is None and len(lines) > 1 and lines[1].strip() == title:
                lines = lines[:1] + lines[3:] if len(lines) > 2 and not lines[2] else lines[:1] + lines[2:]
            out += lines
        return out

    def block(self, block: object) -> list[str]:  # noqa: C901 - one branch per block kind
        if isinstance(block, MySituation):
            return ["", *self.wrap(f"{block.text} (type {key_words('situation')} to change it)")]
        if isinstance(block, SituationOffer):
            return ["", *self.wrap(f"Type {key_words('situation')} to answer a few questions about your "
                                   f"situation. {block.intro}")]
        if isinstance(block, Title):
            return ["", f"Page: {block.text}"]
        if isinstance(block, StartNotice):
            return ["", *self.wrap(f"{block.disclaimer} Reviewed {spoken_date(block.reviewed)}.")]
        if isinstance(block, Contacts):
            return ["", *self.wrap(f"Emergency: {block.emergency}."), *self.wrap(f"Your clinic: {block.clinic}.")]
        if isinstance(block, Body):
            text = markdown.plain_text(block.markdown, self.describe_link)
            return ["", *self.wrap(text)] if text else []
        if isinstance(block, AtAGlance):
            out = ["", "At a glance:"]
            for label, text in block.rows:
                out += self.wrap(f"{label}: {text}", "  ")
            return out
        if isinstance(block, Facts):
            out = ["", "Figures on this page:"]
            for fact in block.items:
                out += self.wrap(f"- {fact.says[:1].upper()}{fact.says[1:]}", "  ")
                out += self.wrap(fact.context(), "    ")
            return out
        if isinstance(block, Questions):
            out = ["", "Questions you could ask your care team:"]
            for item in block.items:
                out += self.wrap(f"- {item.text}{' (ticked)' if item.ticked else ''}", "  ")
            return out
        if isinstance(block, Sources):
            out = ["", "Sources for this page:"]
            for number, citation in enumerate(block.citations, 1):
                details = citation.details()
                out += self.wrap(f"{number}. {citation.text}" + (f" ({details})" if details else ""), "  ")
            return out
        if isinstance(block, EndNote):
            ways = " or ".join(f"{key_words(name)} for {action(name).description.split(' (')[0].lower()}"
                               for name in block.actions)
            return ["", *self.wrap(f"This is the end of this part of the guide. Type {ways}.")]
        if isinstance(block, Offered):
            return []  # plain mode says where each link leads inside the text itself
        return []


def help_text() -> str:
    """Plain mode's help, from the one action table."""
    from hfs_guide.core.actions import plain_actions

    rows = [f"  {entry.plain_label}: {entry.description}" for entry in plain_actions()]
    return "Type one of these, then press Enter:\n" + "\n".join(rows)
