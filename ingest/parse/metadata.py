"""Dates: ISO normalisation and, as a last resort, inference from an anniversary."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from .blocks import Block
from .countries import fold
from .lexicon import Lexicon, publisher_words

MONTHS = {name: number for number, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
_MONTH_NAMES = "|".join(MONTHS)
_DAY_MONTH = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_NAMES})|(?P<month2>{_MONTH_NAMES})\s+(?P<day2>\d{{1,2}}))\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PARTIAL = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2}))?$")
# "2015/12/3", "2013.11.07": year first; "24.04.2023": day first (dots are never month first)
_YEAR_FIRST = re.compile(r"^(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})\b")
_DAY_FIRST = re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b")
_DATELINE_PREFIX = re.compile(r"^(?:for\s+immediate\s+release\s*[–—:-]?\s*|[^\d,]{2,40},\s*)", re.I)
MAX_DATELINE_CHARS = 80
_DATELINE_ARTICLE = re.compile(r"^(?:le|den|am|el|il|op|on)\s+(?=\d)", re.I)
_LEADING_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?!\d)")
_SET_APART = re.compile(r"^\s*(?:$|[.,;:|–—(-]|\d{1,2}[:.]\d{2})")
MAX_ISSUER_BLOCKS = 12  # "Press Release: X" stands in a page's first lines
MAX_ABOUT_CHARS = 80
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
# Two or three capitalised words, "de"/"van" between them: a person's name, not an organisation's.
_PERSON_NAME = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:[-'’][A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]+)?"
                          r"(?:\s+(?:(?:de|da|do|dos|di|del|van|von|der|den|la|le|du|ter|ten|zu)\s+)?"
                          r"[A-ZÀ-Þ][a-zà-ÿ]+(?:[-'’][A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]+)?){1,2}")
_ARTICLE = re.compile(r"^(?:the|le|la|les|l'|l’|der|die|das|el|los|las|il|lo|het)\s*(?<=\s|'|’)", re.I)


def dateline_date(blocks: list[Block], words: Lexicon) -> str | None:
    """The date a statement carries as a line of its own, near its start or its end:
    "4th February 2021", "April 6, 2021", "São Paulo, 12 de setembro de 2019.", "Paris, le 7 novembre 2013.
    Communiqué de presse.", "Monday, 5 March 2001, 4:53 pm", "2005-04-17 German Young Social Democrats ..."."""
    for block in blocks[:8] + blocks[-6:]:
        if block.kind == "heading" or (block.kind in ("paragraph", "line") and len(block.text) <= MAX_DATELINE_CHARS):
            found = leading_date(_DATELINE_PREFIX.sub("", block.text), words)
            if found:
                return found
    return None


def leading_date(text: str, words: Lexicon) -> str | None:
    """A date that a line opens with, the rest set apart by punctuation (a time, a place, a label)."""
    text = _DATELINE_ARTICLE.sub("", text.strip())
    iso = _LEADING_ISO.match(text)
    if iso:
        return iso_date(iso.group())
    match = words.dateline.match(text)
    if match is None or not _SET_APART.match(text[match.end():]):
        return None
    return _date_of(match, words)


def publisher_from_text(blocks: list[Block], words: Lexicon, start: int = 0, summary: str | None = None) -> str | None:
    """Who the statement's own words say publishes it: a "Press release: X" or "Published by X" line near the
    top, the name that opens the statement (from start, its own heading where a page reprints it) or the
    page's summary, else the one "About X" section a press release ends with."""
    return (_named_issuer(blocks[:MAX_ISSUER_BLOCKS])
            or _opening_name(blocks[start:], words)
            or _opening_name([Block("paragraph", summary)] if summary else [], words)
            or _about_section(blocks))


def _opening_name(blocks: list[Block], words: Lexicon) -> str | None:
    """ "International Tibet Network Members are today joining ...": the name that opens the first paragraph."""
    first = next((block for block in blocks if block.kind == "paragraph"), None)
    match = words.publisher_opening.match(first.text) if first else None
    return match.group("name") if match else None


def _named_issuer(blocks: list[Block]) -> str | None:
    patterns = _issuer_patterns()
    for block in blocks:
        if len(block.text) <= MAX_DATELINE_CHARS * 2:
            for pattern in patterns:
                match = pattern.search(block.text)
                if match:
                    return _name(match.group("name"))
    return None


def issuer_is_named(blocks: list[Block]) -> bool:
    """ "Press Release: Workers Party of New Zealand", "Workers Party media release": a press release's issuer line."""
    release_lines = _issuer_patterns()[:2]
    return any(pattern.search(block.text) for block in blocks[:MAX_ISSUER_BLOCKS]
               if len(block.text) <= MAX_DATELINE_CHARS * 2 for pattern in release_lines)


def _about_section(blocks: list[Block]) -> str | None:
    """ "A propos du CNLL": the organisation a press release's closing boilerplate presents, when it is one."""
    about = _about_pattern()
    names = [match.group("name") for block in blocks if block.kind in ("heading", "paragraph")
             and len(block.text) <= MAX_ABOUT_CHARS and (match := about.match(block.text))]
    names = [name for name in names if fold(name) not in publisher_words()["pronouns"]]
    return _name(names[0]) if len(names) == 1 else None


def _name(text: str) -> str | None:
    name = _ARTICLE.sub("", text.strip(" .:;,–—-"))
    return name or None


@cache
def _issuer_patterns() -> tuple[re.Pattern[str], ...]:
    data = publisher_words()
    release = _any_language(data["press_release"])
    published_by = _any_language(data["published_by"])
    name = r"(?P<name>[^\W\d_][^.;:|()\[\]]{1,80}?)"
    after_release = r"\s*(?::|[–—-]|\b(?:from|by|de|du|des|von|der|di|da|van)\b)\s*"
    return (re.compile(rf"^(?:{release}){after_release}{name}\s*$", re.I),
            re.compile(rf"^{name}\s+(?:{release})$", re.I),
            re.compile(rf"\b(?:{published_by})\s+{name}\s*(?:[.;,(]|$)", re.I))


@cache
def _about_pattern() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_any_language(publisher_words()['about'])})\s*(?P<name>[^.!?]{{2,60}})$", re.I)


def _any_language(by_language: dict[str, list[str]]) -> str:
    return "|".join(f"(?:{pattern})" for patterns in by_language.values() for pattern in patterns)


def organisation_author(author: str | None) -> str | None:
    """A post's author where it names an organisation ("Health for Future Göttingen", "OKFDE"), never a
    person ("Anushka Jain") or a slug ("drw", "workers-party-of-new-zealand")."""
    if not author or _SLUG.fullmatch(author):
        return None
    organisation_words = set(publisher_words()["organisation_words"])
    if _PERSON_NAME.fullmatch(author) and not organisation_words & set(author.casefold().split()):
        return None
    return author


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
    return _date_of(match, words) if match else None


def _date_of(match: re.Match[str], words: Lexicon) -> str | None:
    day = int(re.match(r"\d+", match.group("day") or match.group("day2")).group())
    month = words.months[fold(match.group("month") or match.group("month2"))]
    try:
        return date(int(match.group("year") or match.group("year2")), month, day).isoformat()
    except ValueError:
        return None


def iso_date(value: str) -> str | None:
    """A date as YYYY-MM-DD (or YYYY-MM, YYYY), from ISO dates and datetimes, "2015/12/3" and "24.04.2023";
    None if unreadable."""
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
        pass
    numeric = _YEAR_FIRST.match(value) or _DAY_FIRST.match(value)
    if numeric is None:
        return None
    try:
        return date(int(numeric["year"]), int(numeric["month"]), int(numeric["day"])).isoformat()
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
