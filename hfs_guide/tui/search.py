"""Search the guide (`/`, and in Ctrl+P beside Textual's commands): pages (titles, summaries,
body text), glossary terms and questions to ask.

Every word typed must be found, each at the start of a word ("inject" finds "injections";
"tambasco" finds nothing unless a page says it; letters scattered through a title no longer
count). Best matches first: results whose every word is in a title or a summary (a term's
name or definition, a question) come before those that need the body text; among them, more
words in the title first; then content order.

Built to stay quick on a guide of tens of thousands of pages:

- the index is built on the first search and costs no parsing. Bodies are first sifted in
  their Markdown, with the syntax characters and link addresses taken out (`sieve`): only a
  page whose sieved text holds every word is parsed (once, then kept) to be sure, so a word
  no page holds costs no parsing at all;
- each field is tested with `in` (one fast scan) before a word-start match is looked for;
- at most MAX_HITS results are offered (the palette sorts and redraws every hit it gets), and
  the body scan stops once that many are found (body matches rank last anyway);
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
from typing import Callable, Protocol, Sequence, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from hfs_guide.core.model import Graph, Node
from hfs_guide.tui.document import plain_text

SNIPPET = 70
MAX_HITS = 50  # results offered at once: more than anyone reads, few enough for the palette
SLICE = 0.01  # seconds of scanning between two turns of the event loop
CHECK_EVERY = 64  # entries matched between two looks at the clock (a few us each)
MAX_WORDS = 20  # a pasted paragraph is not a search: its first distinct words are
# Scores: whole-guide results whose every word is in a title or a summary score 10 to 20,
# those that need the body 1 to 9; Textual's own commands (Ctrl+P) score about 10 to 24 on
# their names, so "theme" still finds Theme first there.
TITLE, SUMMARY, BODY = 3, 2, 1  # where a word was found, best first
LINK_ADDRESS = re.compile(r"\]\([^)\s]*\)")  # [text](address): the address is not text
REFERENCE = re.compile(r"^ {0,3}\[[^\]]*\]:.*$", re.MULTILINE)  # [ref]: address
SYNTAX = str.maketrans("", "", "*_~`\\[]<>#|")

PAGE, TERM, QUESTION = "page", "term", "question"


@dataclass(frozen=True)
class SearchEntry:
    """One thing to find: a page, a glossary term or a question to ask. Text is kept with
    its case for display; `target` is the page (or, for a term, the term) it opens."""

    kind: str
    target: str
    title: str
    summary: str
    markdown: str = field(default="", repr=False)
    where: str = ""  # a question: the title of the page it opens
    title_weight: int = TITLE  # a question's words count as a summary's: page titles come first

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


def page_text(node: Node) -> str:
    """What a page shows besides its title and summary: the body, an option's facts at a
    glance and the facts with whom and when they are about (the same string when the page
    has only a body: nothing is copied)."""
    extra = [*node.option.values(), *(f"{f.says} ({f.group}; {f.time})" for f in node.facts)]
    return "\n\n".join((node.body, *extra)) if extra else node.body


def build_index(graph: Graph) -> tuple[SearchEntry, ...]:
    """Pages in content order, then glossary terms, then each question once (it opens the
    first page that lists it). Nothing is parsed yet."""
    pages = [SearchEntry(PAGE, n.id, n.title, n.summary, page_text(n)) for n in graph.nodes.values()]
    terms = [SearchEntry(TERM, t.id, t.term, t.definition) for t in graph.glossary.values()]
    questions: dict[str, SearchEntry] = {}
    for node in graph.nodes.values():
        for question in node.questions:
            questions.setdefault(question, SearchEntry(QUESTION, node.id, question, "", where=node.title,
                                                       title_weight=SUMMARY))
    return (*pages, *terms, *questions.values())


@runtime_checkable
class Searchable(Protocol):
    """A screen the palette can search from (the guide screen)."""

    search_index: tuple[SearchEntry, ...]

    def jump(self, node_id: str) -> None: ...

    def show_term(self, term_id: str) -> None: ...


def snippet(text: str, words: Sequence[str]) -> str:
    """A short piece of `text` around the first of `words` found in it."""
    lowered = text.casefold()
    at = min((i for i in (lowered.find(w) for w in words) if i >= 0), default=0)
    start = max(0, at - SNIPPET // 3)
    piece = text[start : start + SNIPPET]
    return ("…" if start else "") + piece + ("…" if start + SNIPPET < len(text) else "")


class Query:
    """What was typed, ready to match: its distinct words, each to be found at a word start."""

    def __init__(self, typed: str) -> None:
        self.text = " ".join(typed.casefold().split())
        self.words = list(dict.fromkeys(self.text.split()))[:MAX_WORDS]
        # A word starts where no letter, digit or underscore goes before it.
        self._starts = [re.compile(r"(?<!\w)" + re.escape(word)) for word in self.words]
        self._phrase = re.compile(r"(?<!\w)" + re.escape(self.text)) if self.text else None
        self.sifted = [w.translate(SYNTAX) for w in self.words]  # as the sieve has them

    def found(self, index: int, text: str) -> re.Match[str] | None:
        """Word `index` at the start of a word of `text` (tested with `in` first: fast)."""
        return self._starts[index].search(text) if self.words[index] in text else None

    def phrase_at_start(self, text: str) -> bool:
        """Whether the whole query starts a word of `text` ("botox inj" in "Botox injections")."""
        return self._phrase is not None and self.text in text and self._phrase.search(text) is not None


def where_found(query: Query, entry: SearchEntry) -> tuple[list[int], list[int]]:
    """For each word, where it was found (the title's weight, SUMMARY, or 0: not there, the
    body may have it), and the title positions matched, for highlighting."""
    places: list[int] = []
    positions: list[int] = []
    for index in range(len(query.words)):
        match = query.found(index, entry.folded_title)
        if match is not None:
            places.append(entry.title_weight)
            positions.extend(range(match.start(), match.end()))
        elif query.found(index, entry.folded_summary) is not None:
            places.append(SUMMARY)
        else:
            places.append(0)
    return places, positions


def score(query: Query, entry: SearchEntry, places: list[int]) -> float:
    """10-20 when every word is in a title or summary, 1-9 when some need the body; more of
    them in the title, and the whole query starting a word of the title, score higher."""
    count = len(places)
    if min(places) >= SUMMARY:
        in_title = sum(1 for p in places if p == TITLE) / count
        bonus = 1.0 if query.phrase_at_start(entry.folded_title) else 0.0
        return 10 + 8 * in_title + bonus + (0.5 if entry.folded_title == query.text else 0.0)
    return 1 + 8 * sum(p - BODY for p in places) / (2 * count)


class NodeSearch(Provider):
    """Pages, glossary terms and questions that hold every word typed, best first."""

    def _entries(self) -> tuple[Sequence[SearchEntry], Searchable | None]:
        screen = self.screen
        return (screen.search_index, screen) if isinstance(screen, Searchable) else ((), None)

    async def discover(self) -> Hits:
        entries, screen = self._entries()
        if screen is None:
            return
        for entry in entries[:MAX_HITS]:
            if entry.kind == PAGE:
                yield DiscoveryHit(Content(entry.title), partial(screen.jump, entry.target), entry.title,
                                   Content(entry.summary))

    async def search(self, query: str) -> Hits:
        entries, screen = self._entries()
        typed = Query(query)
        if screen is None or not typed.words:
            return
        found: list[tuple[float, int, list[int]]] = []  # (score, -entry number, title positions)
        later: list[tuple[int, list[int], list[int]]] = []  # entries that need their body
        turns = _Turns()
        for number, entry in enumerate(entries):
            if not number % CHECK_EVERY:
                await turns.take()
            places, positions = where_found(typed, entry)
            if min(places) > 0:
                found.append((score(typed, entry, places), -number, positions))
            elif entry.markdown:
                later.append((number, places, positions))
        for number, places, positions in later:  # then pages whose text holds the other words
            if len(found) >= MAX_HITS:
                break
            await turns.take()  # every page: parsing one may take milliseconds
            entry = entries[number]
            missing = [i for i, place in enumerate(places) if not place]
            if all(typed.sifted[i] in entry.sieve for i in missing) and all(
                typed.found(i, entry.folded_body) is not None for i in missing
            ):
                places = [place or BODY for place in places]
                found.append((score(typed, entry, places), -number, positions))
        for points, number, positions in heapq.nlargest(MAX_HITS, found):
            yield self._hit(entries[-number], screen, typed, points, positions)

    def _hit(self, entry: SearchEntry, screen: Searchable, typed: Query, points: float, positions: list[int]) -> Hit:
        # Highlight by hand: Matcher.highlight parses the title as markup.
        title = Content(entry.title)
        for offset in positions:
            if offset < len(entry.title):
                title = title.stylize(self.match_style, offset, offset + 1)
        go: Callable[[], None]
        if entry.kind == TERM:
            go, help_text = partial(screen.show_term, entry.target), f"Glossary: {entry.summary}"
        elif entry.kind == QUESTION:
            go, help_text = partial(screen.jump, entry.target), f"A question to ask, on the page: {entry.where}"
        else:
            go = partial(screen.jump, entry.target)
            help_text = entry.summary if points >= 10 else snippet(entry.body, typed.words)
        return Hit(points, title, go, entry.title, Content(help_text))


class _Turns:
    """Gives the event loop a turn every SLICE seconds of scanning."""

    def __init__(self) -> None:
        self._next = time.monotonic() + SLICE

    async def take(self) -> None:
        if time.monotonic() > self._next:
            await asyncio.sleep(0)
            self._next = time.monotonic() + SLICE
