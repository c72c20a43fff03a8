"""Dates in content: real calendar dates, and how old a review is."""

from __future__ import annotations

import datetime as dt
import re

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
REVIEW_MONTHS = 12


def parse_date(text: str) -> dt.date | None:
    """A "YYYY-MM-DD" text as a date; None when it is not a real date (2026-13-45)."""
    if not ISO_DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def date_problem(text: str, what: str) -> str | None:
    """Why `text` is not a usable date, or None when it is one."""
    if not ISO_DATE.match(text):
        return f"{what} must be a date written as \"YYYY-MM-DD\" (got {text!r})"
    if parse_date(text) is None:
        return f"{what} {text!r} is not a real date: check the month (01-12) and the day"
    return None


def _months_later(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):  # 29 February and 31st of short months fall back
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def review_warning(reviewed: dt.date, today: dt.date) -> str | None:
    """A reason to warn about a `reviewed` date: in the future, or over 12 months old."""
    if reviewed > today:
        return f"meta: 'reviewed' is {reviewed.isoformat()}, after today ({today.isoformat()}): write the date the review happened"
    due = _months_later(reviewed, REVIEW_MONTHS)
    if due < today:
        return (f"meta: 'reviewed' is {reviewed.isoformat()}, more than {REVIEW_MONTHS} months ago (review was due "
                f"{due.isoformat()}): review the content against its sources, then update the date")
    return None
