"""The evidence ledger's rules: every number a patient reads is traceable (issue 12).

1. number-undeclared   a statistic in patient-visible text matches a number of a fact of
                       its node (or of the size of one of the node's sources)
2. fact-rounding       a fact's `says` is its `finding` after ordinary rounding
3. fact-source...      a fact's source exists and is on the node; an unverified source
                       is a warning that names the fact
4. option-...          an option's benefits and harms each rest on a fact, or say "no
                       reliable figure" and why; their lengths are balanced (warning)
5. raw-id              no source, fact or hyphenated node id shows as text
6. review-...          the review date is not in the future nor over 12 months old (warnings)
docs/authoring.md explains each rule and why it exists.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from typing import Iterator

from hfs_guide.core.dates import parse_date, review_warning
from hfs_guide.core.fields import did_you_mean
from hfs_guide.core.files import line_col
from hfs_guide.core.location import Location
from hfs_guide.core.model import Fact, Graph, Kind, Node
from hfs_guide.core.numbers import Stat, agreement, scan, statistics
from hfs_guide.core.problems import WARNING, Problem

# IPDAS asks for benefits and harms in equal detail; we warn when one field has more than
# this many times the words of the other.
BALANCE_RATIO = 1.5
NO_FIGURE = re.compile(r"no reliable figure\b(?P<rest>.*)", re.IGNORECASE | re.DOTALL)
REASON_WORDS = 4  # "no reliable figure" must be followed by a reason of at least this many words
# What a word is made of: letters, digits and "_" (\w), hyphens, and combining accents (an
# "a" followed by a combining acute is the "á" of a longer word, not the end of an id).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Words with a hyphen or a digit: the only ones that can be ids we look for (see _raw_ids).
_WORD = re.compile(rf"(?<![\w{_MARKS}-])(?:[a-z0-9]+(?:-[a-z0-9]+)+-?|[a-z]*\d[a-z0-9]*)(?![\w{_MARKS}-])")
# Markdown that is not shown as words: link targets, reference definitions, autolinks;
# emphasis marks and code ticks may split "**63** in 100".
_LINK_TARGET = re.compile(r"\]\([^)]*\)|^[ ]{0,3}\[[^\]]+\]:.*$|<[a-z][a-z0-9+.-]*:[^>\s]*>", re.IGNORECASE | re.MULTILINE)
_EMPHASIS = re.compile(r"[*_`]")


# Everything a word is not made of, as spaces: a text then splits into exactly the runs _WORD
# can find an id in (a fixed list of punctuation once missed "s12" in "s12…"). ASCII text,
# the usual case, goes through a table; other text through the same class as a regex.
_ASCII_BLANKS = str.maketrans({chr(code): " " for code in range(128) if not (chr(code).isalnum() or chr(code) == "-")})
_BLANKS = re.compile(rf"[^\w{_MARKS}-]|_")


def _words_that_may_be_ids(text: str) -> list[str]:
    """The words of `text`, cut wherever _WORD would stop: every id _WORD finds is one of them."""
    return (text.translate(_ASCII_BLANKS) if text.isascii() else _BLANKS.sub(" ", text)).split()


def _problem(where: Location, message: str, code: str, severity: str = "error") -> Problem:
    return Problem(where.file, where.line, where.col, message, severity, code)


def visible_body(markdown: str) -> str:
    """The body with link targets and emphasis marks blanked out, offsets kept: what is left
    is what a reader sees, in place (so a problem keeps its line and column)."""
    if "](" in markdown or "]:" in markdown or "<" in markdown:
        markdown = _LINK_TARGET.sub(lambda found: _keep_lines(found.group(0), keep_bracket=found.group(0).startswith("]")), markdown)
    if "*" in markdown or "_" in markdown or "`" in markdown:
        markdown = _EMPHASIS.sub(" ", markdown)
    return markdown


def _keep_lines(text: str, keep_bracket: bool) -> str:
    blank = "\n".join(" " * len(line) for line in text.split("\n"))
    return "]" + blank[1:] if keep_bracket else blank


def node_texts(node: Node) -> Iterator[tuple[str, str, Location, int]]:
    """(what, text, where, offset) for every patient-visible text of a node. For the body
    (offset 0) a problem is placed in the body file, at its line and column inside `text`;
    for the other texts (offset -1) `where` is the text's own position."""
    if node.title:
        yield "the title", node.title, node.marks.get("title", node.where), -1
    if node.summary:
        yield "the summary", node.summary, node.marks.get("summary", node.where), -1
    for choice in node.choices:
        yield f"the choice {choice.label!r}", choice.label, choice.where, -1
    for index, question in enumerate(node.questions):
        yield "a question", question, node.marks.get(f"questions:{index}", node.where), -1
    for name, text in node.option.items():
        yield f"option field {name!r}", text, node.marks.get(f"option:{name}", node.where), -1
    if node.body:
        yield "the body", visible_body(node.body), node.where, 0


def _all_declared(found: tuple[Stat, ...], keys: set[tuple[object, object]]) -> bool:
    return all((stat.value, stat.of) in keys for stat in found)


def shown_texts(node: Node) -> list[str]:
    """The texts of `node_texts`, without their places (the fast path of check_ledger)."""
    texts = [node.title, node.summary, *(choice.label for choice in node.choices), *node.questions, *node.option.values()]
    if node.body:
        texts.append(visible_body(node.body))
    return texts


def _place(node: Node, where: Location, text: str, offset: int, index: int) -> Location:
    if offset < 0:
        return where
    line, col = line_col(text, index)
    return Location(node.body_path, line, col)


def check_ledger(graph: Graph, today: dt.date | None = None) -> list[Problem]:
    """Rules 1-6 over the whole graph; `today` dates the review (default: today)."""
    problems: list[Problem] = []
    problems += _check_review(graph, today or dt.date.today())
    seen: dict[str, tuple[str, Fact]] = {}
    raw_ids = _raw_ids(graph)
    for node in graph.nodes.values():
        for fact in node.facts:
            if fact.id in seen:
                other_node, other = seen[fact.id]
                problems.append(_problem(fact.at("id"), f"node {node.id!r}: fact id {fact.id!r} is also used on "
                                         f"node {other_node!r} ({other.where}): fact ids are unique in the whole guide", "fact-id-duplicate"))
            else:
                seen[fact.id] = (node.id, fact)
            problems += _check_fact(graph, node, fact)
        # The usual case, a clean node, costs one regex search and one split of its words;
        # the located list of texts is built only when there is something to report.
        shown = "\0".join(shown_texts(node))
        found = scan(shown)
        if node.plain_numbers or (found and not _all_declared(found, declared(graph, node))):
            problems += _check_numbers(graph, node, list(node_texts(node)))
        words = _words_that_may_be_ids(shown + "\0" + "\0".join(t for f in node.facts for t in (f.says, f.group, f.time)))
        if not raw_ids.keys().isdisjoint(words):
            problems += _check_raw_ids(node, list(node_texts(node)), raw_ids)
        if node.kind is Kind.OPTION:
            problems += _check_option(node)
    return problems


def _check_review(graph: Graph, today: dt.date) -> list[Problem]:
    reviewed = parse_date(graph.meta.reviewed)
    message = review_warning(reviewed, today) if reviewed else None
    if message is None:
        return []
    code = "review-future" if reviewed and reviewed > today else "review-stale"
    return [_problem(graph.mark("meta.reviewed"), message, code, WARNING)]


def _check_fact(graph: Graph, node: Node, fact: Fact) -> list[Problem]:
    """Rules 2 and 3 for one fact."""
    out: list[Problem] = []
    source = graph.sources.get(fact.source)
    if source is not None and source.verified and fact.source in node.sources:
        sayings = statistics(fact.says)
        if all(agreement(fact.says, stat, fact.finding).ok for stat in sayings):
            return out  # the usual case: nothing to say, no message built
    label = f"node {node.id!r}: fact {fact.id!r}"
    source_at = fact.at("source")
    if source is None:
        out.append(_problem(source_at, f"{label}: source {fact.source!r} is not in sources.yaml{did_you_mean(fact.source, graph.sources)}",
                            "fact-source-unknown"))
    elif fact.source not in node.sources:
        out.append(_problem(source_at, f"{label}: source {fact.source!r} must also be in the node's 'sources' list, "
                                       "so the page lists it under Sources", "fact-source-not-listed"))
    elif not source.verified and not source.not_verified_because:
        out.append(_problem(source_at, f"{label} rests on source {fact.source!r}, whose citation is not verified "
                                       "(verified: false in sources.yaml): readers see \"not verified\" beside it; "
                                       "once you have looked, say why under 'not_verified_because'",
                            "fact-unverified-source", WARNING))
    for stat in statistics(fact.says):
        agreed = agreement(fact.says, stat, fact.finding)
        if not agreed.ok:
            out.append(_problem(fact.at("says"), f"{label}: {agreed.reason}", "fact-rounding"))
    return out


def declared(graph: Graph, node: Node) -> set[tuple[object, object]]:
    """The statistics a node may show: those in its facts' words, group and time, and the
    sizes of its sources ("22 studies" when sources.yaml says so)."""
    # statistics() remembers each text: a fact's `says` was just read by rule 2, and groups
    # ("2,000 people in ...") repeat from page to page; the times, seldom the same, are
    # searched in one go (a NUL between them stops a statistic running across two).
    keys: set[tuple[object, object]] = {
        (stat.value, stat.of) for fact in node.facts for text in (fact.says, fact.group) for stat in statistics(text)
    }
    keys.update((stat.value, stat.of) for stat in scan("\0".join(fact.time for fact in node.facts)))
    for source_id in node.sources:
        source = graph.sources.get(source_id)
        if source is not None and source.size:
            keys.update(stat.key for stat in statistics(source.size))  # sizes repeat: statistics() caches them
    return keys


def _check_numbers(graph: Graph, node: Node, texts: list[tuple[str, str, Location, int]]) -> list[Problem]:
    """Rule 1: every statistic shown is a number of one of the node's facts."""
    out: list[Problem] = []
    # One search over all the texts; a NUL between them stops a statistic running across two.
    joined = "\0".join(text for _, text, _, _ in texts)
    found = scan(joined)
    if found:
        keys = declared(graph, node)
        missing = [stat for stat in found if (stat.value, stat.of) not in keys]
        exempt = _exempt_spans(joined, node.plain_numbers) if missing and node.plain_numbers else []
        starts, offset = [], 0
        for _, text, _, _ in texts:
            starts.append(offset)
            offset += len(text) + 1
        reported: set[tuple[int, object]] = set()
        for stat in missing:
            if exempt and any(start <= stat.start and stat.end <= end for start, end in exempt):
                continue
            if (stat.start, stat.key) in reported:
                continue
            reported.add((stat.start, stat.key))
            index = bisect_right(starts, stat.start) - 1
            what, text, where, offset = texts[index]
            out.append(_problem(_place(node, where, text, offset, stat.start - starts[index]), _undeclared(node, what, stat),
                                "number-undeclared"))
    for phrase in node.plain_numbers:
        if phrase not in joined:
            out.append(_problem(node.marks.get(f"plain_numbers:{phrase}", node.where),
                                f"node {node.id!r}: plain_numbers: {phrase!r} is not in any text of the node: remove it", "plain-number-unused"))
    return out


def _exempt_spans(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the node's plain_numbers phrases stand in `text`."""
    spans = []
    for phrase in phrases:
        start = text.find(phrase)
        while start >= 0:
            spans.append((start, start + len(phrase)))
            start = text.find(phrase, start + 1)
    return spans


def _undeclared(node: Node, what: str, stat: Stat) -> str:
    shown = " ".join(stat.text.split())
    return (f"node {node.id!r}: {what} gives {shown!r}, but no fact of this node has {stat.words()}: add a fact "
            "(says, group, time, source, finding) that gives it, or, if it is not a statistic, list the phrase "
            "under plain_numbers (see docs/authoring.md)")


def _raw_ids(graph: Graph) -> dict[str, str]:
    """Ids that must never show as text: source and fact ids, and node ids with a hyphen.
    An id that is an ordinary word ("droop") cannot be told from prose, so only ids with a
    hyphen or a digit are looked for (author-year source ids always have one)."""
    ids = {node_id: "a node id" for node_id in graph.nodes if "-" in node_id}
    ids.update({fact.id: "a fact id" for node in graph.nodes.values() for fact in node.facts})
    ids.update({source_id: "a source id" for source_id in graph.sources})
    return {key: kind for key, kind in ids.items() if "-" in key or any(ch.isdigit() for ch in key)}


def _check_raw_ids(node: Node, texts: list[tuple[str, str, Location, int]], raw_ids: dict[str, str]) -> list[Problem]:
    """Rule 5: citations are drawn by the front ends, never typed into the prose."""
    texts = texts + [(f"fact {fact.id!r}", text, fact.at(name), -1)
                     for fact in node.facts for name, text in (("says", fact.says), ("group", fact.group), ("time", fact.time))]
    out = []
    for what, text, where, offset in texts:
        for found in _WORD.finditer(text):
            kind = raw_ids.get(found.group(0))
            if kind is not None:
                out.append(_problem(_place(node, where, text, offset, found.start()),
                                    f"node {node.id!r}: {what} shows {found.group(0)!r}, {kind}, as text: the page lists its "
                                    "sources and figures itself, so write words for readers instead", "raw-id"))
    return out


def _words(text: str) -> int:
    return len(text.split())


def _check_option(node: Node) -> list[Problem]:
    """Rule 4: benefits and harms each rest on a fact or say why there is none; equal detail."""
    out: list[Problem] = []
    sides = {fact.side for fact in node.facts}
    for name, side in (("benefits", "benefit"), ("harms", "harm")):
        text = node.option.get(name, "")
        if not text or side in sides:
            continue
        where = node.marks.get(f"option:{name}", node.where)
        found = NO_FIGURE.search(text)
        if found is None:
            out.append(_problem(where, f"option node {node.id!r}: {name} has no fact with side: {side}: add one, or write "
                                       "\"There is no reliable figure for this\" and the reason", f"option-no-{side}-fact"))
        elif _words(found.group("rest")) < REASON_WORDS:
            out.append(_problem(where, f"option node {node.id!r}: {name} says there is no reliable figure but not why: "
                                       "give the reason", f"option-no-{side}-fact"))
    benefits, harms = _words(node.option.get("benefits", "")), _words(node.option.get("harms", ""))
    if benefits and harms and max(benefits, harms) > BALANCE_RATIO * min(benefits, harms):
        longer, shorter = ("benefits", "harms") if benefits > harms else ("harms", "benefits")
        out.append(_problem(node.marks.get(f"option:{shorter}", node.where),
                            f"option node {node.id!r}: {longer} has {max(benefits, harms)} words and {shorter} "
                            f"{min(benefits, harms)}: give both the same detail (at most {BALANCE_RATIO}x)", "option-balance", WARNING))
    return out
