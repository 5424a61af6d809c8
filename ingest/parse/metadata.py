"""Dates: ISO normalisation and, as a last resort, inference from an anniversary."""

from __future__ import annotations

import re
from datetime import date, datetime

from .blocks import Block
from .countries import fold
from .lexicon import Lexicon

MONTHS = {name: number for number, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
_MONTH_NAMES = "|".join(MONTHS)
_DAY_MONTH = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_NAMES})|(?P<month2>{_MONTH_NAMES})\s+(?P<day2>\d{{1,2}}))\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PARTIAL = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2}))?$")
_DATELINE_PREFIX = re.compile(r"^(?:for\s+immediate\s+release\s*[–—:-]?\s*|[^\d,]{2,40},\s*)", re.I)
MAX_DATELINE_CHARS = 80


def dateline_date(blocks: list[Block], words: Lexicon) -> str | None:
    """The date a statement carries as a line of its own, near its start or its end:
    "4th February 2021", "April 6, 2021", "São Paulo, 12 de setembro de 2019."."""
    for block in blocks[:8] + blocks[-6:]:
        if block.kind in ("paragraph", "line", "heading") and len(block.text) <= MAX_DATELINE_CHARS:
            found = read_date(_DATELINE_PREFIX.sub("", block.text), words)
            if found:
                return found
    return None


def publisher_from_text(blocks: list[Block], words: Lexicon) -> str | None:
    """ "International Tibet Network Members are today joining ...": the name that opens the statement."""
    first = next((block for block in blocks if block.kind == "paragraph"), None)
    match = words.publisher_opening.match(first.text) if first else None
    return match.group("name") if match else None


def updated_date(blocks: list[Block], words: Lexicon) -> str | None:
    """ "Updated 26 May 2011", "List updated on 12 March 2024", "Zuletzt aktualisiert am 3. Mai 2024"."""
    for block in blocks:
        if len(block.text) <= MAX_DATELINE_CHARS:
            prefix = words.updated_prefix.match(block.text)
            if prefix:
                found = read_date(block.text[prefix.end():], words)
                if found:
                    return found
    return None


def read_date(text: str, words: Lexicon) -> str | None:
    """A whole text that is one written date, in any of the lexicon's languages."""
    match = words.dateline.fullmatch(text.strip().rstrip("."))
    if match is None:
        return None
    day = int(re.match(r"\d+", match.group("day") or match.group("day2")).group())
    month = words.months[fold(match.group("month") or match.group("month2"))]
    try:
        return date(int(match.group("year") or match.group("year2")), month, day).isoformat()
    except ValueError:
        return None


def iso_date(value: str) -> str | None:
    """A date as YYYY-MM-DD (or YYYY-MM, YYYY), from ISO dates and datetimes; None if unreadable."""
    value = value.strip()
    partial = _PARTIAL.match(value)
    if partial:
        return value
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def infer_anniversary_date(text: str, words: Lexicon) -> str | None:
    """ "the 34th anniversary of the 4 June Tiananmen Square Massacre" gives 2023-06-04."""
    for match in (m for pattern in words.anniversary for m in pattern.finditer(text)):
        event = match.group("event")
        event_year = _event_year(event, words)
        if event_year is None:
            continue
        year = event_year + int(match.group("n"))
        day_month = _day_month(event)
        return f"{year}-{day_month[1]:02d}-{day_month[0]:02d}" if day_month else str(year)
    return None


def _event_year(event: str, words: Lexicon) -> int | None:
    year = _YEAR.search(event)
    if year:
        return int(year.group())
    folded = event.casefold()
    return next((known for name, known in words.anniversary_events.items() if name in folded), None)


def _day_month(event: str) -> tuple[int, int] | None:
    for match in _DAY_MONTH.finditer(event):
        day = int(match.group("day") or match.group("day2"))
        month = MONTHS.get((match.group("month") or match.group("month2")).casefold())
        if month and 1 <= day <= 31:
            return day, month
    return None
