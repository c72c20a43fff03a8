"""Search for the command palette (/ or Ctrl+P): page titles, summaries and body text.

Built to stay quick on a guide of tens of thousands of pages:

- the index is built on the first search and costs no parsing. Bodies are first sifted in
  their Markdown, with the syntax characters and link addresses taken out (`sieve`): only a
  page whose sieved text holds every word is parsed (once, then kept) to be sure, so a word
  no page holds costs no parsing at all;
- titles are matched by a linear scan of their letters (Textual's fuzzy matcher tries every
  way the letters could match, which grows without bound on repeated letters);
- at most MAX_HITS pages are offered (the palette sorts and redraws every hit it gets), and
  the body scan stops once that many pages are found;
- long scans give the event loop a turn every few milliseconds, so keys (a new letter
  cancels the search) and signals are served while it runs.
"""

from __future__ import annotations

import asyncio
import heapq
import html
import re
import time
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Protocol, Sequence, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from hfs_guide.core.model import Graph
from hfs_guide.tui.document import plain_text

SNIPPET = 70
MAX_HITS = 50  # pages offered at once: more than anyone reads, few enough for the palette
SLICE = 0.01  # seconds of scanning between two turns of the event loop
CHECK_EVERY = 64  # titles matched between two looks at the clock (a few us each)
MAX_WORDS = 20  # a pasted paragraph is not a search: its first distinct words are
SUMMARY_SCORE, BODY_SCORE = 0.2, 0.1  # below any title match (whose score is at least 1)
LINK_ADDRESS = re.compile(r"\]\([^)\s]*\)")  # [text](address): the address is not text
REFERENCE = re.compile(r"^ {0,3}\[[^\]]*\]:.*$", re.MULTILINE)  # [ref]: address
SYNTAX = str.maketrans("", "", "*_~`\\[]<>#|")


@dataclass(frozen=True)
class SearchEntry:
    """One page, ready to search: the text fields are kept with their case for display."""

    node_id: str
    title: str
    summary: str
    markdown: str = field(repr=False)

    @cached_property
    def folded_title(self) -> str:
        return self.title.lower()  # lower, not casefold: keeps the title's length (highlights)

    @cached_property
    def folded_summary(self) -> str:
        return self.summary.casefold()

    @cached_property
    def sieve(self) -> str:
        """The body's Markdown, case-folded, without link addresses and syntax characters: it
        holds every word of the body's text (and maybe a few more)."""
        text = LINK_ADDRESS.sub("]", REFERENCE.sub("", html.unescape(self.markdown)))
        return text.translate(SYNTAX).casefold()

    @cached_property
    def body(self) -> str:
        """The body's words without Markdown syntax, on one line (worked out once, when needed)."""
        return " ".join(plain_text(self.markdown).split())

    @cached_property
    def folded_body(self) -> str:
        return self.body.casefold()


def build_index(graph: Graph) -> tuple[SearchEntry, ...]:
    """Every page of the guide, in content order (nothing is parsed yet)."""
    return tuple(SearchEntry(n.id, n.title, n.summary, n.body) for n in graph.nodes.values())


@runtime_checkable
class Searchable(Protocol):
    """A screen the palette can search from (the guide screen)."""

    search_index: tuple[SearchEntry, ...]

    def jump(self, node_id: str) -> None: ...


def snippet(text: str, words: list[str]) -> str:
    """A short piece of `text` around the first of `words` found in it."""
    lowered = text.casefold()
    at = min((i for i in (lowered.find(w) for w in words) if i >= 0), default=0)
    start = max(0, at - SNIPPET // 3)
    piece = text[start : start + SNIPPET]
    return ("…" if start else "") + piece + ("…" if start + SNIPPET < len(text) else "")


def title_match(query: str, title: str) -> tuple[float, list[int]]:
    """Score and positions of `query`'s letters in `title` (both case-folded), or (0, []).

    The query as a whole inside the title counts most; otherwise its letters (spaces aside)
    in order, leftmost first. One pass over the title; the score follows Textual's fuzzy
    matcher (letters matched, word starts among them, fewer separate runs), so titles rank
    among the palette's own commands as they did.
    """
    at = title.find(query)
    if at >= 0:
        positions = list(range(at, at + len(query)))
        bonus = 2.0 if title == query else 1.5
    else:
        positions, start = [], 0
        for letter in query:
            if letter.isspace():
                continue
            found = title.find(letter, start)
            if found < 0:
                return 0.0, []
            positions.append(found)
            start = found + 1
        bonus = 1.0
    if not positions:
        return 0.0, []
    starts = sum(1 for at in positions if _word_start(title, at))
    runs = 1 + sum(1 for a, b in zip(positions, positions[1:]) if b != a + 1)
    together = (len(positions) - (runs - 1)) / len(positions)
    return (len(positions) + starts) * (1 + together * together) * bonus, positions


def _word_start(text: str, at: int) -> bool:
    """Whether a word (as regex \\w+ reads one) starts at `at`: looked at there only, not by
    scanning the whole title for every title of the guide."""
    return _wordish(text[at]) and (at == 0 or not _wordish(text[at - 1]))


def _wordish(char: str) -> bool:
    return char.isalnum() or char == "_"


class NodeSearch(Provider):
    """Titles match fuzzily; summaries and body text match when they hold every word typed."""

    def _entries(self) -> tuple[Sequence[SearchEntry], Searchable | None]:
        screen = self.screen
        return (screen.search_index, screen) if isinstance(screen, Searchable) else ((), None)

    async def discover(self) -> Hits:
        entries, screen = self._entries()
        if screen is None:
            return
        for entry in entries[:MAX_HITS]:
            yield DiscoveryHit(Content(entry.title), partial(screen.jump, entry.node_id), entry.title, Content(entry.summary))

    async def search(self, query: str) -> Hits:
        entries, screen = self._entries()
        if screen is None:
            return
        lowered, words = query.lower(), list(dict.fromkeys(query.casefold().split()))[:MAX_WORDS]
        found: list[tuple[float, int, list[int]]] = []  # (score, -content order, title positions)
        turns = _Turns()
        for number, entry in enumerate(entries):
            if not number % CHECK_EVERY:
                await turns.take()
            score, positions = title_match(lowered, entry.folded_title)
            if score > 0:
                found.append((score, -number, positions))
            elif words and all(w in entry.folded_summary for w in words):
                found.append((SUMMARY_SCORE, -number, []))
        matched = {-number for _, number, _ in found}
        sifted = [w for w in (word.translate(SYNTAX) for word in words) if w]  # as the sieve has them
        for number, entry in enumerate(entries):  # then pages whose text holds every word
            if not words or len(found) >= MAX_HITS:
                break
            await turns.take()  # every page: parsing one may take milliseconds
            if number not in matched and all(w in entry.sieve for w in sifted) and all(w in entry.folded_body for w in words):
                found.append((BODY_SCORE, -number, []))
        for score, number, positions in heapq.nlargest(MAX_HITS, found):
            entry = entries[-number]
            go = partial(screen.jump, entry.node_id)
            if score > SUMMARY_SCORE:
                # Highlight by hand: Matcher.highlight parses the title as markup.
                title = Content(entry.title)
                for offset in positions:
                    if offset < len(entry.title):
                        title = title.stylize(self.match_style, offset, offset + 1)
                yield Hit(score, title, go, entry.title, Content(entry.summary))
            elif score == SUMMARY_SCORE:
                yield Hit(score, Content(entry.title), go, entry.title, Content(entry.summary))
            else:
                yield Hit(score, Content(entry.title), go, entry.title, Content(snippet(entry.body, words)))


class _Turns:
    """Gives the event loop a turn every SLICE seconds of scanning."""

    def __init__(self) -> None:
        self._next = time.monotonic() + SLICE

    async def take(self) -> None:
        if time.monotonic() > self._next:
            await asyncio.sleep(0)
            self._next = time.monotonic() + SLICE
