"""The search index and how a query is matched and scored (no Textual here: the palette's
provider, in tui/search.py, runs it). See tui/search.py for what a search finds and why.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Sequence

from hfs_guide.core.model import Graph, Node
from hfs_guide.tui.document import plain_text

SNIPPET = 70
MAX_WORDS = 20  # a pasted paragraph is not a search: its first distinct words are
# Scores: whole-guide results whose every word is in a title or a summary score 10 to 20,
# those that need the body 1 to 9; Textual's own commands (Ctrl+P) score about 10 to 24 on
# their names, so "theme" still finds Theme first there.
TITLE, SUMMARY, BODY = 3, 2, 1  # where a word was found, best first
LINK_ADDRESS = re.compile(r"\]\([^)\s]*\)")  # [text](address): the address is not text
REFERENCE = re.compile(r"^ {0,3}\[[^\]]*\]:.*$", re.MULTILINE)  # [ref]: address
SYNTAX_CHARACTERS = "*_~`\\[]<>#|"
SYNTAX = str.maketrans("", "", SYNTAX_CHARACTERS)
# In the sieve a syntax character becomes MARK: it may part two words ("a|b" in a table) or
# be no character at all ("**MVD**s" reads "MVDs"), so a word may start after it and run
# across it. MARK is never in content (the loader refuses control characters).
MARK = "\x00"
WORD_CHARACTER = re.compile(r"\w")  # what a regex's (?<!\w) looks at
MARKED = str.maketrans(dict.fromkeys(SYNTAX_CHARACTERS, MARK))

PAGE, TERM, QUESTION = "page", "term", "question"


@dataclass(slots=True, eq=False)
class SearchEntry:
    """One thing to find: a page, a glossary term or a question to ask. Text is kept with
    its case for display; `target` is the page (or, for a term, the term) it opens.

    Slots, and the body's forms worked out on first use into slots of their own: a search
    over tens of thousands of entries makes no object per entry (a dict for cached values
    each was enough to set off the garbage collector's full passes mid-search)."""

    kind: str
    target: str
    title: str
    summary: str
    markdown: str = field(default="", repr=False)
    where: str = ""  # a question: the title of the page it opens
    title_weight: int = TITLE  # a question's words count as a summary's: page titles come first
    folded_title: str = field(init=False, repr=False)
    folded_summary: str = field(init=False, repr=False)
    _sieve: str | None = field(default=None, init=False, repr=False)
    _body: str | None = field(default=None, init=False, repr=False)
    _folded_body: str | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.folded_title = self.title.lower()  # lower, not casefold: keeps the length (highlights)
        self.folded_summary = self.summary.casefold()

    @property
    def sieve(self) -> str:
        """The body's Markdown, case-folded, without link addresses, its syntax characters
        marked: every word of the body's text starts a word of it, perhaps with marks between
        its letters (and a few more words start there)."""
        if self._sieve is None:
            text = LINK_ADDRESS.sub("]", REFERENCE.sub("", html.unescape(self.markdown)))
            self._sieve = text.translate(MARKED).casefold()
        return self._sieve

    @property
    def body(self) -> str:
        """The body's words without Markdown syntax, on one line (worked out once, when needed)."""
        if self._body is None:
            self._body = " ".join(plain_text(self.markdown).split())
        return self._body

    @property
    def folded_body(self) -> str:
        if self._folded_body is None:
            self._folded_body = self.body.casefold()
        return self._folded_body


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
        # Each word as the sieve may hold it, a mark possible between letters. No look-behind
        # in the pattern: a pattern that starts with a letter is scanned for as fast as `in`;
        # the word start is checked only where it matched (`in_sieve`).
        self.sifted = [re.compile(f"{MARK}*".join(map(re.escape, w.translate(SYNTAX)))) for w in self.words]
        self.pairs = list(zip(self.words, self._starts))
        self.every = (1 << len(self.words)) - 1  # the mask of all words

    def found(self, index: int, text: str) -> re.Match[str] | None:
        """Word `index` at the start of a word of `text` (tested with `in` first: fast)."""
        return self._starts[index].search(text) if self.words[index] in text else None

    def in_sieve(self, index: int, sieve: str) -> bool:
        """Whether word `index` may start a word of the body whose sieve this is."""
        for match in self.sifted[index].finditer(sieve):
            at = match.start()
            if at == 0 or not WORD_CHARACTER.match(sieve, at - 1):
                return True
        return False

    def phrase_at_start(self, text: str) -> bool:
        """Whether the whole query starts a word of `text` ("botox inj" in "Botox injections")."""
        return self._phrase is not None and self.text in text and self._phrase.search(text) is not None


def where_found(query: Query, entry: SearchEntry) -> tuple[int, int]:
    """Which words start a word of the title, and which others of the summary, as bit masks
    (bit i: word i). The hot loop of every search: ints and `in` before each regex, so it
    makes no object that outlives it."""
    title, summary = entry.folded_title, entry.folded_summary
    in_title = in_summary = 0
    bit = 1
    for word, start in query.pairs:
        if word in title and start.search(title):
            in_title |= bit
        elif word in summary and start.search(summary):
            in_summary |= bit
        bit <<= 1
    return in_title, in_summary


def score(query: Query, entry: SearchEntry, in_title: int, in_summary: int) -> float:
    """10-20 when every word is in the title or summary, 1-9 when some are only in the body;
    more of them in the title, and the whole query starting a word of the title, score
    higher. A question's words count as a summary's (`title_weight`)."""
    count = len(query.words)
    titled = in_title.bit_count()
    if (in_title | in_summary) == query.every:
        if entry.title_weight != TITLE:
            return 10.0
        # One word found in the title already starts a word there: no second search.
        phrase = titled == 1 if count == 1 else query.phrase_at_start(entry.folded_title)
        return 10 + 8 * titled / count + (1.0 if phrase else 0.0) + (0.5 if entry.folded_title == query.text else 0.0)
    points = titled * (entry.title_weight - BODY) + in_summary.bit_count() * (SUMMARY - BODY)
    return 1 + 8 * points / (2 * count)


def title_positions(query: Query, title: str) -> list[int]:
    """The letters of `title` that the query's words matched, for highlighting."""
    positions: list[int] = []
    for index in range(len(query.words)):
        match = query.found(index, title)
        if match is not None:
            positions.extend(range(match.start(), match.end()))
    return positions
