"""Dates: the ones a statement writes (a dateline, a header line, "Today, ..."), the markup's, and as a last
resort one inferred from an anniversary."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate
from functools import cache
from importlib import resources

from .blocks import Block
from .caseless import Caseless
from .countries import fold
from .headings import cue_pattern, names_a_statement, opens_with_a_statement_noun
from .language import is_prose
from .lexicon import Lexicon, lexicon

MONTHS = {name: number for number, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
_MONTH_NAMES = "|".join(MONTHS)
_DAY_MONTH = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_NAMES})|(?P<month2>{_MONTH_NAMES})\s+(?P<day2>\d{{1,2}}))\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PARTIAL = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2}))?$")
# "2015/12/3", "2013.11.07": year first; "24.04.2023": day first (dots are never month first); "09/02/2016",
# "09-02-2016": either, unless a weekday or a number over twelve says which
_NUMERIC = re.compile(r"(?<![\d/.-])(?:(?P<iso>\d{4}-\d{2}-\d{2})(?![\d/-])"
                      r"|(?P<y1>\d{4})[/.](?P<m1>\d{1,2})[/.](?P<d1>\d{1,2})(?![\d/])"
                      r"|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})(?!\d)"
                      r"|(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y3>\d{4})(?!\d))")
# "03.03.21", "3/3/21": a dateline's year in two digits, read 1970 to 2069 as strptime reads them
_TWO_DIGIT_YEAR = re.compile(r"\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)(?P<year>\d{2})(?![\d./-])")
TWO_DIGIT_YEAR_PIVOT = 69
# "/2016/08/...", "/news/2024-08-27-...", "Communications_2025_03_26_Legal...": a year, a month and a day parted alike
_ADDRESS_DATE = re.compile(r"[/_](?P<year>(?:19|20)\d\d)([/_-])(?P<month>\d\d)(?:\2(?P<day>\d\d))?(?=[/_-])")
_DATELINE_PREFIX = re.compile(r"^(?:for\s+immediate\s+release\s*[–—:-]?\s*|[^\d,]{2,40},\s*)", re.I)
_DATELINE_ARTICLE = re.compile(r"^(?:le|den|am|el|il|op|on|the)\s+(?=\d)", re.I)
# A release's first paragraph opens with its place and date: "BRUSSELS, 3 March 2021 – Fifty organisations ...",
# "Paris, le 3 mars 2021 – ...", "London (3 March 2021) – ...", "WASHINGTON, D.C. — March 3, 2021 — ...",
# "Ciudad de México, 3 de marzo de 2021.- ...", "Baños de Agua Santa · 15 de agosto de 2026. ..."; the place is
# capitalised, and a dash, a bracket or a full stop sets the date apart from the prose ("On 3 March 2021, the Council
# ..." tells of a day, it is no dateline)
_RELEASE_PLACE = re.compile(r"(?:[A-ZÀ-Þ][^\d,()–—:.!?·•|]{0,39}(?:\.[^\d,()–—:.!?\s]+)*\.?"
                            r"(?:,|\s[–—·•|-]|\s?\()\s*){1,2}")
_RELEASE_SEPARATOR = re.compile(r"\s*(?:\)\s*)?(?:[–—]|\.-|-\s|\.\s)")
# what may follow a line's opening date: punctuation, or a time ("10:00", "at 10:00 am", "à 14h30", "a las 10.00")
_SET_APART = re.compile(r"^\s*(?:$|[.,;:|–—(-]|(?:[^\W\d_]{1,5}\s+){0,2}\d{1,2}(?:[:.h]\d{2}|\s*[ap]\.?m\b))")
_SEPARATOR = re.compile(r"(?:[,;:|–—(-]|\s-)\s*$")
_WORD = re.compile(r"[^\W\d_]+")
_LEADING_WORD = re.compile(r"(?P<word>[^\W\d_][\w-]*)\.?,?\s*")  # "Fri, ", "sexta-feira, "
_TRAILING_WORD = re.compile(r"(?P<word>[^\W\d_][\w-]*)\.?,?\s*$")
MAX_DATELINE_CHARS = 80
MAX_HEADER_CHARS = 400  # "Gemeinsame Pressemitteilung von BUND, Campact, ..., 16.08.2019": a header that ends dated
MAX_LABEL_WORDS = 4  # "Letter written August 6th, 2021.": a few words, then the date
MAX_LABEL_SEARCH_CHARS = 400  # "... Date: Fri, 09/02/2016 - 15:36 Source: ...": an archive's header line
OPENING_BLOCKS = 8
MAX_OPENING_BLOCKS = 40  # the addressee lines of a letter may stand between its heading and its date
CLOSING_BLOCKS = 6
OPENING_PROSE_BLOCKS = 2
MONTH_FIRST_LANGUAGES = ("en",)  # American English writes the month first, British English does not: either
MIN_WEEKDAY_CHARS = 3  # "Fri", "Mer": shorter ones name more than one day across languages
TODAY_REACH_CHARS = 40  # "Today, Monday, the 22nd of June, 2020": the date right after the word


@dataclass(frozen=True)
class DateWords:
    """What dates are read with in one language (and English)."""

    label: Caseless  # "Date: ..." up to the date
    today: re.Pattern[str]
    dated_by: re.Pattern[str]  # "vom", "du", "of": between a statement's name and its date, at the end of a line
    month_year: re.Pattern[str]  # "January 2020", at the end of a line
    weekdays: dict[str, int]  # folded name -> 0 for Monday .. 6


@cache
def _date_data() -> dict[str, dict[str, list[str]]]:
    data = json.loads(resources.files("ingest").joinpath("lexicon/dates.json").read_text("utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def date_words(words: Lexicon) -> DateWords:
    return _date_words(words.language)


@cache
def _date_words(language: str) -> DateWords:
    data = _date_data()
    words = lexicon(language)
    languages = dict.fromkeys([language, "en"])

    def alternatives(key: str) -> str:
        return "|".join(f"(?:{p})" for language in languages for p in data[key].get(language, []))

    weekdays = {fold(name): index for language in languages
                for index, name in enumerate(data["weekdays"].get(language, []))}
    return DateWords(
        label=Caseless(rf"\b(?:{alternatives('labels')})\s*[:.]?\s*"),
        today=re.compile(rf"\b(?:{alternatives('today')})\b", re.I),
        dated_by=re.compile(rf"\s(?:{alternatives('dated_by')})\s*$", re.I),
        month_year=re.compile(rf"(?<![\d.])\b(?P<month>{words.month_pattern})\b\.?,?\s+(?:del?\s+)?(?P<year>\d{{4}})\.?$",
                              re.I),
        weekdays=weekdays,
    )


def dateline_date(blocks: list[Block], words: Lexicon, closing: list[Block] | None = None,
                  published: str | None = None) -> str | None:
    """The date a statement carries on a line of its own, before its prose begins or at its end:
    "4th February 2021", "Paris, le 7 novembre 2013. Communiqué de presse.", "Open Letter, January 2020",
    "Gemeinsame Pressemitteilung von BUND, ..., 16.08.2019", "(Chinese Human Rights Defenders—July 25, 2019) ...",
    "... Date: Fri, 09/02/2016 - 15:36 Source: ..."; else the day its opening says it speaks ("Today, ...").
    The closing blocks are the blocks' last ones unless given. A date at the end that is later than the page's
    publication date is not the day the statement was made: it is a day planned for sending it, or an event's."""
    for block in opening_blocks(blocks):
        found = _line_date(block, words)
        if found:
            return found
    for block in blocks[-CLOSING_BLOCKS:] if closing is None else closing:
        found = _line_date(block, words)
        if found and not (published and found[:len(published)] > published):
            return found
    return _today_date(blocks, words)


def is_dateline(block: Block, words: Lexicon) -> bool:
    """A line that is a date, with a place or not: "Heidelberg, den 28.06.2024", "Barcelona March 21st 2019"."""
    return len(block.text) <= MAX_DATELINE_CHARS and _line_date(block, words) is not None


def lone_date(blocks: list[Block], words: Lexicon) -> str | None:
    """The first line anywhere on the page that is nothing but a date, a place before it or not ("12 March 2021",
    "Lyon, le 3 mars 2021"): between a letter's text and its signers, where no other date stands."""
    for block in blocks:
        if block.kind in ("paragraph", "line") and len(block.text) <= MAX_DATELINE_CHARS:
            found = _only_a_date(_DATELINE_PREFIX.sub("", block.text), words)
            if found:
                return found
    return None


def _only_a_date(text: str, words: Lexicon) -> str | None:
    """The date a text is nothing but, written or in numbers ("March 11, 2022", "11.03.2022")."""
    return read_date(text, words) or numeric_date(text.strip(" ."), words)


def footer_datelines(footer: str | None) -> list[Block]:
    """The lines of a page's footer that speak of the statement ("Letter written August 6th, 2021."): the footer is
    furniture, but a line naming the statement dates it."""
    return [Block("line", line) for line in (footer or "").split("\n") if names_a_statement(line)]


def opening_blocks(blocks: list[Block]) -> list[Block]:
    """The first blocks, and on to the first prose where a letter's heading and addressees come first, or to the
    letter's salutation ("Dear Commissioner,") where a press release's paragraph stands above the letter."""
    first_prose = next((index for index, block in enumerate(blocks[:MAX_OPENING_BLOCKS]) if is_prose(block)),
                       MAX_OPENING_BLOCKS - 1)
    salutation = cue_pattern("salutation")
    greeted = next((index for index, block in enumerate(blocks[:MAX_OPENING_BLOCKS])
                    if len(block.text) <= MAX_DATELINE_CHARS and block.text.endswith((",", ":"))
                    and salutation.match(block.text)), 0)
    return blocks[:max(OPENING_BLOCKS, first_prose + 1, greeted + 1)]


def _line_date(block: Block, words: Lexicon) -> str | None:
    text = block.text
    if block.kind == "item":  # an item only where it is nothing but a date: "- March 11, 2022"
        return _only_a_date(text, words)
    if block.kind not in ("heading", "paragraph", "line") or words.updated_prefix.match(text):
        return None  # "Updated on April 19, 2021" dates a list, not the statement
    if len(text) <= MAX_DATELINE_CHARS or (block.kind == "heading" and len(text) <= MAX_HEADER_CHARS):
        found = leading_date(_DATELINE_PREFIX.sub("", text), words) or _trailing_date(text, words, short=True)
        if found:
            return found
    elif len(text) <= MAX_HEADER_CHARS and not is_prose(block):
        found = _trailing_date(text, words, short=False) or (  # "A Paris, le 10 octobre 2017, Appel de ..."
            leading_date(_DATELINE_PREFIX.sub("", text), words) if _DATELINE_PREFIX.match(text) else None)
        if found:
            return found
    if len(text) <= MAX_HEADER_CHARS and (dated := _statement_dated(text, words)):
        return dated
    return _release_date(text, words) or _bracketed_date(text, words) or _labelled_date(
        text[:MAX_LABEL_SEARCH_CHARS], words, colon_only=is_prose(block))


def _release_date(text: str, words: Lexicon) -> str | None:
    """The place and date a release's first paragraph opens with: "BRUSSELS, 3 March 2021 – Fifty organisations ..."."""
    place = _RELEASE_PLACE.match(text)
    if place is None:
        return None
    rest = _DATELINE_ARTICLE.sub("", text[place.end():place.end() + MAX_DATELINE_CHARS])
    written = words.dateline.match(rest)
    numeric = None if written else _NUMERIC.match(rest)
    end = written.end() if written else numeric.end() if numeric else None
    if end is None or not _RELEASE_SEPARATOR.match(rest[end:]):
        return None
    return _date_of(written, words) if written else numeric_date(numeric.group(), words)


def leading_date(text: str, words: Lexicon) -> str | None:
    """A date that a line opens with, the rest set apart by punctuation (a time, a place, a label)."""
    text = _DATELINE_ARTICLE.sub("", text.strip())
    numeric = _NUMERIC.match(text)
    if numeric and (numeric["iso"] or _SET_APART.match(text[numeric.end():])):  # "2005-04-17 German Young ..."
        return numeric_date(numeric.group(), words)
    short = _TWO_DIGIT_YEAR.match(text)
    if short and _SET_APART.match(text[short.end():]):
        return numeric_date(short.group().removesuffix(short["year"]) + _full_year(short["year"]), words)
    match = words.dateline.match(text)
    if match is None or not _SET_APART.match(text[match.end():]):
        return None
    return _date_of(match, words)


def opens_with_date(text: str, words: Lexicon) -> bool:
    """ "07. Januar 2015 Terror in Paris ...", "Juni 2014 Im Innenministerium ...": an entry of a timeline."""
    if words.dateline.match(text):
        return True
    tokens = text.split()[:2]
    return len(tokens) == 2 and fold(tokens[0].rstrip(".,")) in words.months and _YEAR.fullmatch(tokens[1]) is not None


_YEAR = re.compile(r"(?:1[89]|20)\d\d[.,:]?")


def _trailing_date(text: str, words: Lexicon, short: bool) -> str | None:
    """A line that ends with its date: after a comma or a dash ("..., 16.08.2019", "Open Letter, January 2020"), or
    in a short line after a few words ("Letter written August 6th, 2021."); a month and year may stand alone
    ("Jänner 2013", where a line with only a day on it is more often an event's: "📅 6. März 2025")."""
    text = text.strip().rstrip(".")
    for found, start in _dates_ending(text, words, short):
        before, least_words = text[:start], 0 if len(found) == len("2013-01") else 1
        if _SEPARATOR.search(before) or (short and least_words <= len(_WORD.findall(before)) <= MAX_LABEL_WORDS):
            return found
    return None


def _statement_dated(text: str, words: Lexicon) -> str | None:
    """ "Stellungnahme des Deutschen Koordinierungsrates ... vom 21. Februar 2020": a line that opens by naming a
    statement and ends with its date ("Der Anschlag vom 19. Februar" names an event, not a statement)."""
    text = text.strip().rstrip(".")
    if not opens_with_a_statement_noun(text):
        return None
    for found, start in _dates_ending(text, words, month_year=False):
        if date_words(words).dated_by.search(text[:start]):
            return found
    return None


def before_closing_date(text: str, words: Lexicon) -> str | None:
    """What a short line says before the date it closes on, where the two are set apart ("Fanszenen Deutschlands im
    März 2020", "Barcelona Rebellion, 21 March 2019"): a signer signing and dating at once. None for any other line."""
    text = text.strip().rstrip(".")
    if len(text) > MAX_DATELINE_CHARS:
        return None
    ending = _dates_ending(text, words, month_year=True)
    if not ending:
        return None
    before = text[:ending[0][1]]
    joint = _DATE_JOINT.search(before)
    return before[:joint.start()].strip().rstrip(",;–—- ") if joint else None  # "Málaga, a 17 ...": "Málaga"


# what sets a closing date apart from the words before it: a comma, a dash, or "im", "le", "en", "a" ...
_DATE_JOINT = re.compile(r"(?:\s*,|\s+[–—-]|\s+(?:im|in|am|den|le|en|em|el|a|il|op|on))\s*$", re.I)


def _dates_ending(text: str, words: Lexicon, month_year: bool) -> list[tuple[str, int]]:
    """The date a text ends with, with where it starts: written, numeric, or (where allowed) a month and year."""
    found = []
    # Every written date ends with its year, every numeric one with a digit: most lines end otherwise, and are
    # not searched for every date they hold.
    written = next((m for m in words.dateline.finditer(text) if m.end() == len(text)), None) \
        if text[-4:].isdigit() else None
    if written:
        value = _date_of(written, words)
        start = written.start("day") if written.group("day") else written.start("month2")
        if value:
            found.append((value, start))
    numeric = next((m for m in _NUMERIC.finditer(text) if m.end() == len(text)), None) if text[-1:].isdigit() else None
    if numeric:
        value = numeric_date(numeric.group(), words, text[:numeric.start()])
        if value:
            found.append((value, numeric.start()))
    if month_year and not found:
        match = date_words(words).month_year.search(text)
        if match:
            found.append((f"{match['year']}-{words.months[fold(match['month'])]:02d}", match.start()))
    return found


def _bracketed_date(text: str, words: Lexicon) -> str | None:
    """ "(Chinese Human Rights Defenders—July 25, 2019) The Chinese government ...": a release's opening."""
    if not text.startswith("("):
        return None
    inside = text[1:text.find(")")] if ")" in text[:MAX_DATELINE_CHARS * 2] else ""
    found = _dates_ending(inside.strip().rstrip("."), words, month_year=False)
    return found[0][0] if found else None


def _labelled_date(text: str, words: Lexicon, colon_only: bool) -> str | None:
    """ "Date: Fri, 09/02/2016 - 15:36", "Published on 3 May 2024", "Veröffentlicht am 3. Mai 2024"; inside prose
    only with a colon ("a letter dated 22 September" speaks of another document)."""
    for label in date_words(words).label.finditer(text):
        if colon_only and ":" not in label.group():
            continue
        rest = text[label.end():]
        found = _opening_date(rest, words)
        if found:
            return found
    return None


def _opening_date(text: str, words: Lexicon) -> str | None:
    """The date a text starts with, a weekday before it or not."""
    text = _DATELINE_ARTICLE.sub("", text)
    written = words.dateline.match(text)
    if written:
        return _date_of(written, words)
    weekday = _LEADING_WORD.match(text)
    start = weekday.end() if weekday and _weekday_number(weekday["word"], words) is not None else 0
    numeric = _NUMERIC.match(text, start)
    return numeric_date(numeric.group(), words, text[:start]) if numeric else None


def _today_date(blocks: list[Block], words: Lexicon) -> str | None:
    """ "Today, Monday, the 22nd of June, 2020, CFL is pleased to announce ...": the day the opening speaks."""
    today = date_words(words).today
    prose = [block for block in blocks[:MAX_OPENING_BLOCKS] if is_prose(block)][:OPENING_PROSE_BLOCKS]
    for block in prose:
        for match in today.finditer(block.text):
            near = block.text[match.end():match.end() + TODAY_REACH_CHARS + 30]
            written = words.dateline.search(near)
            if written and written.start() <= TODAY_REACH_CHARS:
                return _date_of(written, words)
    return None


def numeric_date(text: str, words: Lexicon | None = None, before: str = "") -> str | None:
    """ "2019-08-16", "2015/12/3", "16.08.2019", and "09/02/2016" where a weekday before it ("Fri, ") or a number
    over twelve tells the day from the month."""
    match = _NUMERIC.fullmatch(text.strip())
    if match is None:
        return None
    if match["iso"]:
        return _valid(*match["iso"].split("-"))
    if match["y1"]:
        return _valid(match["y1"], match["m1"], match["d1"])
    if match["y2"]:
        return _valid(match["y2"], match["m2"], match["d2"])
    readings = {reading for reading in (_valid(match["y3"], match["a"], match["b"]),
                                        _valid(match["y3"], match["b"], match["a"])) if reading}
    weekday = _TRAILING_WORD.search(before)
    number = _weekday_number(weekday["word"], words) if weekday and words else None
    if number is not None:
        readings = {reading for reading in readings if date.fromisoformat(reading).weekday() == number}
    if len(readings) > 1 and words is not None and words.language not in MONTH_FIRST_LANGUAGES:
        return _valid(match["y3"], match["b"], match["a"])  # "12/03/2021" in Brussels is the twelfth of March
    return readings.pop() if len(readings) == 1 else None


def _weekday_number(word: str, words: Lexicon | None) -> int | None:
    """ "Fri", "Friday", "vendredi", "Fr" -> 4."""
    folded = fold(word)
    if words is None or len(folded) < MIN_WEEKDAY_CHARS:
        return None
    names = date_words(words).weekdays
    return names.get(folded, next((number for name, number in names.items() if name.startswith(folded)), None))


def _full_year(year: str) -> str:
    return f"{20 if int(year) <= TWO_DIGIT_YEAR_PIVOT else 19}{year}"


def _valid(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
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
    """A date as YYYY-MM-DD (or YYYY-MM, YYYY), from ISO dates and datetimes, "2015/12/3", "24.04.2023" and
    e-mail dates ("Mon, 09 Sep 2019 08:25:04 +0200"); None if unreadable."""
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
    numeric = _NUMERIC.match(value)
    if numeric and not numeric["a"]:
        return numeric_date(numeric.group())
    mail = parsedate(value)
    return _valid(*map(str, mail[:3])) if mail else None


def address_date(address: str | None) -> str | None:
    """The date a permalink carries: ".../2016/08/acceso-abierto/" -> "2016-08", "/news/2024-08-27-portugal-..." ->
    "2024-08-27"."""
    match = _ADDRESS_DATE.search(address) if address else None
    if match is None:
        return None
    if match["day"]:
        return _valid(match["year"], match["month"], match["day"])
    return f"{match['year']}-{match['month']}" if 1 <= int(match["month"]) <= 12 else None


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
