"""Search for the command palette (/ or Ctrl+P): page titles, summaries and body text."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from hfs_guide.core.model import Graph
from hfs_guide.tui.document import plain_text

SNIPPET = 70


@dataclass(frozen=True)
class SearchEntry:
    """One page, ready to search: the text fields are kept with their case for display."""

    node_id: str
    title: str
    summary: str
    body: str


def build_index(graph: Graph) -> tuple[SearchEntry, ...]:
    """Every page of the guide, in content order."""
    return tuple(SearchEntry(n.id, n.title, n.summary, " ".join(plain_text(n.body).split())) for n in graph.nodes.values())


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


class NodeSearch(Provider):
    """Titles match fuzzily; summaries and body text match when they hold every word typed."""

    def _entries(self) -> tuple[tuple[SearchEntry, ...], Searchable | None]:
        screen = self.screen
        return (screen.search_index, screen) if isinstance(screen, Searchable) else ((), None)

    async def discover(self) -> Hits:
        entries, screen = self._entries()
        for entry in entries:
            if screen is not None:
                yield DiscoveryHit(Content(entry.title), partial(screen.jump, entry.node_id), entry.title, Content(entry.summary))

    async def search(self, query: str) -> Hits:
        entries, screen = self._entries()
        if screen is None:
            return
        matcher = self.matcher(query)
        words = query.casefold().split()
        for entry in entries:
            go = partial(screen.jump, entry.node_id)
            score = matcher.match(entry.title)
            if score > 0:
                # Highlight by hand: Matcher.highlight parses the title as markup.
                _, offsets = matcher.fuzzy_search.match(query, entry.title)
                title = Content(entry.title)
                for offset in offsets:
                    title = title.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, title, go, entry.title, Content(entry.summary))
            elif words and all(w in entry.summary.casefold() for w in words):
                yield Hit(0.2, Content(entry.title), go, entry.title, Content(entry.summary))
            elif words and all(w in entry.body.casefold() for w in words):
                yield Hit(0.1, Content(entry.title), go, entry.title, Content(snippet(entry.body, words)))
