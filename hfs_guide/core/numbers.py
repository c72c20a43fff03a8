"""Statistics in plain text, and whether one number is an honest rounding of another.

A statistic is a number that says how many of a group, or how big a group is:
"63 in 100", "3 out of 100", "5 of 3,462", "25%", "25 per cent", "22 studies",
"175 people", and ranges such as "63 to 71 in 100" or "73-98%". Numbers written as
digits only; "every 3 to 4 months", "38 C", "over 50", "1 to 9" and dates are not
statistics. Used by `check` (core/ledger.py): rule 1 finds the statistics a page shows,
rule 2 compares a fact's words with its source's finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, getcontext, localcontext
from functools import lru_cache
from typing import NamedTuple

# Numbers are atomic (?>...) and spaces possessive (*+, ++): giving back a digit or a space
# can never lead to a match (what follows a number is never a digit, what follows spaces is
# never a space), and not trying saves a third of the time of a search.
_NUM = r"(?>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
_PERCENT = r"\s*+(?:%|per\s*+cent\b|percent\b)"
_OF = r"\s++(?:in|out\s++of|of|per)\s++"
# Words that make "N <word>" the size of a group (singular and plural).
_NOUNS = (
    r"(?:people|persons?|patients?|participants?|adults?|children|child|men|women|man|woman|subjects?|"
    r"cases?|studies|study|trials?|reviews?|reports?|series|operations?|surger(?:y|ies)|hospitals?|"
    r"cent(?:re|er)s?|clinics?|eyes?|ears?|procedures?|injections?|treatments?)"
)
# One describing word may stand between the number and the noun: "175 consecutive patients".
_ADJ = r"(?:more|other|further|consecutive|adult|older|younger|new|separate|different|randomi[sz]ed|treated|selected|eligible)"
# The rest of a number after its first digit ("1" + ",000.5").
_REST = r"(?>(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?)"
# The pattern starts with a bare digit (no look-behind first) so the regex engine can skip
# straight to the digits of a text; the look-behind just after it keeps "v1.5" and "a10" out.
_STAT = re.compile(
    rf"\d(?<![\w.,]\d)(?P<a>{_REST})"
    # A range ("63 to 71 in 100", "73%-98%") shares its first number with a single figure:
    # one pattern, not two alternatives, so a number that is no statistic is looked at once.
    rf"(?:(?:{_PERCENT})?\s*+(?:to|and|-|–|—)\s*+(?:about\s++|around\s++)?(?P<b>{_NUM}))?"
    rf"(?:(?P<pct>{_PERCENT})|{_OF}(?P<den>{_NUM})|\s++(?:{_ADJ}\s++)?(?P<noun>{_NOUNS})\b)"
    rf"(?![\d,.]*\d)",
    re.IGNORECASE,
)
# The same pattern for ASCII text, matched against the text in lower case: without
# IGNORECASE the regex engine compares letters directly, about a third faster. (For ASCII,
# lower case changes no offset and no match; other text takes the pattern above.)
_STAT_LOWER = re.compile(_STAT.pattern)
_ANY_NUMBER = re.compile(rf"(?<![\w.,]){_NUM}")
_DIGIT = re.compile(r"\d")
HEDGES = (
    "about", "around", "nearly", "almost", "roughly", "approximately", "more than", "fewer than",
    "less than", "over", "under", "at least", "at most", "up to", "close to", "some", "just over",
    "just under", "~",
)
_HEDGE = re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(h) for h in HEDGES) + r")\W*$", re.IGNORECASE)
HUNDRED = Decimal(100)


def number(text: str) -> Decimal:
    """'2,727' -> 2727, '62.8' -> 62.8."""
    return Decimal(text.replace(",", ""))


class Stat(NamedTuple):
    """One number of a statistic: `value` in `of` (None for a count such as "22 studies").

    `start`/`end` span the whole statistic in the text (a range gives two Stats with the
    same span); `form` is "in" (N in/out of/of/per M), "percent" or "count". A tuple, not a
    dataclass: a long guide makes hundreds of thousands of them."""

    value: Decimal
    of: Decimal | None
    form: str
    start: int
    end: int
    text: str

    @property
    def key(self) -> tuple[Decimal, Decimal | None]:
        """What must match between a page and its facts: 25% and 25 in 100 are the same."""
        return (self.value, self.of)

    def words(self) -> str:
        if self.of is None:
            return f"{self.value:,}"
        if self.form == "percent":
            return f"{self.value}%"
        return f"{self.value:,} in {self.of:,}"


def statistics(text: str) -> tuple[Stat, ...]:
    """Every statistic in `text`, in order; a range gives one Stat per end. Remembers recent
    texts: the same group, size or finding is often written on many facts."""
    if _DIGIT.search(text) is None:
        return ()
    return _statistics(text)


def scan(text: str) -> tuple[Stat, ...]:
    """`statistics` for a text met once (nothing remembered)."""
    if _DIGIT.search(text) is None:
        return ()
    return _statistics.__wrapped__(text)


@lru_cache(maxsize=16384)
def _statistics(text: str) -> tuple[Stat, ...]:
    out: list[Stat] = []
    matches = _STAT_LOWER.finditer(text.lower()) if text.isascii() else _STAT.finditer(text)
    for found in matches:
        start = found.start()
        span = (start, found.end(), text[start : found.end()])
        first = text[start : found.end("a")]
        values = (first,) if found.group("b") is None else (first, found.group("b"))
        pct, den = found.group("pct"), found.group("den")
        for value in values:
            if pct is not None:
                out.append(Stat(number(value), HUNDRED, "percent", *span))
            elif den is not None:
                out.append(Stat(number(value), number(den), "in", *span))
            else:
                out.append(Stat(number(value), None, "count", *span))
    return tuple(out)


def all_numbers(text: str) -> set[Decimal]:
    """Every number written in digits (for counts, which have nothing to round)."""
    return {number(found.group(0)) for found in _ANY_NUMBER.finditer(text)}


def hedged(text: str, stat: Stat) -> bool:
    """A hedge word ("about", "nearly", "more than" ...) stands just before the statistic."""
    return bool(_HEDGE.search(text[max(0, stat.start - 40) : stat.start]))


def round_half_up(value: Decimal, like: Decimal) -> Decimal:
    """`value` rounded to as many decimal places as `like` has, halves rounded up."""
    places = Decimal(1).scaleb(min(like.as_tuple().exponent, 0))  # type: ignore[arg-type]
    digits = value.adjusted() - places.adjusted() + 2
    if digits <= getcontext().prec:
        return value.quantize(places, rounding=ROUND_HALF_UP)
    with localcontext() as context:  # as many digits as it takes: at the default 28, 29 raised
        context.prec = digits
        return value.quantize(places, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Agreement:
    """How a statistic of `says` compares with its finding: `ok`, or why not."""

    ok: bool
    reason: str = ""


def agreement(says: str, stat: Stat, finding: str) -> Agreement:
    """Rule 2: a number in a fact's `says` must be the finding's, after ordinary rounding.

    Rounding to the precision the sentence uses is fine when that is "in 100" or finer
    (62.8% -> 63 in 100; 0.14% -> 1 in 1,000). A coarser scale ("9 in 10" for 91.1%)
    moves the figure more than rounding a percentage does, so the sentence must say so
    with a hedge word. A count ("43 people") must appear in the finding as written.
    """
    if stat.of is None:
        if stat.value in all_numbers(finding):
            return Agreement(True)
        return Agreement(False, f"{stat.words()} is not a number in the finding {finding!r}: copy the source's own figure")
    ratios = [s for s in statistics(finding) if s.of is not None and s.of > 0]
    if not ratios:
        return Agreement(False, f"the finding {finding!r} has no figure such as 62.8% or 27 of 43 to check "
                                f"{stat.words()} against: copy the source's own figure")
    best: tuple[Decimal, str] | None = None
    for found in ratios:
        percent = found.value * HUNDRED / found.of  # type: ignore[operator]
        expected = round_half_up(percent * stat.of / HUNDRED, stat.value)
        if expected == stat.value:
            exact = stat.value * HUNDRED / stat.of == percent
            if exact or stat.of >= HUNDRED or hedged(says, stat):
                return Agreement(True)
            best = (Decimal(0), f"{stat.words()} for {found.words()} rounds to a coarser scale than whole numbers "
                                f"in 100: say so with a hedge word such as 'about' or 'nearly' before it")
            continue
        miss = abs(expected - stat.value)
        if best is None or (best[0] and miss < best[0]):
            best = (miss, f"{stat.words()} does not match the finding's {found.words()}: that is "
                          f"{expected:,} in {stat.of:,} after ordinary rounding (halves up)")
    assert best is not None
    return Agreement(False, best[1])
