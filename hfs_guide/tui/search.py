"""Search the guide (`/`, and in Ctrl+P beside Textual's commands): pages (titles, summaries,
body text), glossary terms and questions to ask.

Every word typed must be found, each at the start of a word ("inject" finds "injections";
"tambasco" finds nothing unless a page says it; letters scattered through a title no longer
count). Best matches first: results whose every word is in a title or a summary (a term's
name or definition, a question) come before those that need the body text; among them, more
words in the title first; then content order.

Built to stay quick on a guide of tens of thousands of pages:

- the index is built on the first search and costs no parsing. Bodies are first sifted in
  their Markdown, link addresses taken out and syntax characters marked (`sieve`): only a
  page whose sieved text may hold every word at a word start is parsed (once, then kept) to
  be sure, so a word
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
import time
from functools import partial
from typing import Callable, Protocol, Sequence, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from hfs_guide.tui.search_index import PAGE, QUESTION, TERM, Query, SearchEntry, score, snippet, title_positions, where_found

MAX_HITS = 50  # results offered at once: more than anyone reads, few enough for the palette
SLICE = 0.01  # seconds of scanning between two turns of the event loop
CHECK_EVERY = 64  # entries matched between two looks at the clock (a few us each)


@runtime_checkable
class Searchable(Protocol):
    """A screen the palette can search from (the guide screen)."""

    search_index: tuple[SearchEntry, ...]

    def jump(self, node_id: str) -> None: ...

    def show_term(self, term_id: str) -> None: ...


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
                # Content, not str: a str help is parsed as markup (Textual's annotation says str).
                yield DiscoveryHit(Content(entry.title), partial(screen.jump, entry.target), entry.title,
                                   Content(entry.summary))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        entries, screen = self._entries()
        typed = Query(query)
        if screen is None or not typed.words:
            return
        # Parallel lists of numbers, not a tuple per entry: see `where_found`.
        scores: list[float] = []
        numbers: list[int] = []
        later: list[int] = []  # entries some of whose words may be in the body
        later_found: list[int] = []  # ... and their title and summary masks, two ints each
        turns = _Turns()
        for number, entry in enumerate(entries):
            if not number % CHECK_EVERY:
                await turns.take()
            in_title, in_summary = where_found(typed, entry)
            if (in_title | in_summary) == typed.every:
                scores.append(score(typed, entry, in_title, in_summary))
                numbers.append(number)
            elif entry.markdown:
                later.append(number)
                later_found += (in_title, in_summary)
        for at, number in enumerate(later):  # then pages whose text holds the other words
            if len(scores) >= MAX_HITS:
                break
            await turns.take()  # every page: parsing one may take milliseconds
            entry = entries[number]
            in_title, in_summary = later_found[2 * at], later_found[2 * at + 1]
            missing = [i for i in range(len(typed.words)) if not (in_title | in_summary) >> i & 1]
            sieve = entry.sieve
            if all(typed.in_sieve(i, sieve) for i in missing) and all(
                typed.found(i, entry.folded_body) is not None for i in missing
            ):
                scores.append(score(typed, entry, in_title, in_summary))
                numbers.append(number)
        best = heapq.nlargest(MAX_HITS, range(len(scores)), key=lambda k: (scores[k], -numbers[k]))
        for k in best:  # ties go to content order
            yield self._hit(entries[numbers[k]], screen, typed, scores[k])

    def _hit(self, entry: SearchEntry, screen: Searchable, typed: Query, points: float) -> Hit:
        # Highlight by hand: Matcher.highlight parses the title as markup.
        title = Content(entry.title)
        for offset in title_positions(typed, entry.folded_title):
            if offset < len(entry.title):
                title = title.stylize(self.match_style, offset, offset + 1)  # type: ignore[arg-type]
        go: Callable[[], None]
        if entry.kind == TERM:
            go, help_text = partial(screen.show_term, entry.target), f"Glossary: {entry.summary}"
        elif entry.kind == QUESTION:
            go, help_text = partial(screen.jump, entry.target), f"A question to ask, on the page: {entry.where}"
        else:
            go = partial(screen.jump, entry.target)
            help_text = entry.summary if points >= 10 else snippet(entry.body, typed.words)
        return Hit(points, title, go, entry.title, Content(help_text))  # type: ignore[arg-type]  # as above


class _Turns:
    """Gives the event loop a turn every SLICE seconds of scanning."""

    def __init__(self) -> None:
        self._next = time.monotonic() + SLICE

    async def take(self) -> None:
        if time.monotonic() > self._next:
            await asyncio.sleep(0)
            self._next = time.monotonic() + SLICE
