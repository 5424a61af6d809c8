"""One search over statements, demands and organisations: ranked or newest first, each section paged,
every filter narrowing every section, filters beside the results, and the same results as rows to download."""

from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass, field

from datasette.utils import sqlite_timelimit
from markupsafe import Markup, escape

from .settings import SETTINGS

PAGE_SIZE = 20
MAX_ROWS = SETTINGS["max_returned_rows"]  # of each section: on its pages together, and in a download
MAX_PAGE = MAX_ROWS // PAGE_SIZE
FACET_LIMIT = 15
SECTIONS = ("statements", "demands", "organisations")
SORTS = ("relevance", "date")
# The match in a snippet. On the page it is <mark>ed (the snippet escaped around it); in a download it
# is between guillemets, which a spreadsheet keeps as text.
HTML_MARKS = ("<mark>", "</mark>")
TEXT_MARKS = ("«", "»")

# What each filter asks of a statement (s). A demand is in a year, a publisher, ... through its statement,
# and an organisation through the statements it signed; a statement is in a country through the
# organisations that signed it, and has an addressee or an action category through its demands.
STATEMENT_FILTERS = {
    "year": "s.year = :year",
    "publisher": "s.publisher = :publisher",
    "language": "s.language = :language",
    "kind": "s.kind = :kind",
    "needs_review": "s.needs_review = :needs_review",
    "addressee": "s.id in (select statement_id from demands where addressee = :addressee)",
    "category": "s.id in (select statement_id from demands where action_category = :category)",
    "country": "s.id in (select g.statement_id from signatures as g join organisations as c "
               "on c.id = g.organisation_id where c.country = :country)",
}
FILTER_KEYS = tuple(STATEMENT_FILTERS)
# What a demand or an organisation answers itself, not through its statements.
OWN_FILTERS = {
    "statements": {},
    "demands": {"addressee": "d.addressee = :addressee", "category": "d.action_category = :category"},
    "organisations": {"country": "o.country = :country"},
}
# Each facet is counted in the section whose rows hold its column: one grouped query per section.
FACETS = {
    "statements": {"year": "s.year", "publisher": "s.publisher", "language": "s.language", "kind": "s.kind",
                   "needs_review": "s.needs_review"},
    "demands": {"addressee": "d.addressee", "category": "d.action_category"},
    "organisations": {"country": "o.country"},
}
MATCHED = {  # each section's table joined to its full-text index (named {section}_fts)
    "statements": "statements_fts join statements as s on s.rowid = statements_fts.rowid",
    "demands": "demands_fts join demands as d on d.rowid = demands_fts.rowid",
    "organisations": "organisations_fts join organisations as o on o.rowid = organisations_fts.rowid",
}
# A demand's statement: for its title and date, and for the filters a demand meets through it.
STATEMENT_OF_DEMAND = " join statements as s on s.id = d.statement_id"
SHOWN = {  # what each section shows of a match
    "statements": "s.id as statement_id, s.url as source_url, s.title, s.date, s.publisher, s.n_signatories, "
                  "s.kind, snippet(statements_fts, -1, :open, :close, '…', 24) as snippet",
    "demands": "d.id, d.statement_id, s.url as source_url, s.title, s.date, s.publisher, d.addressee, d.target, "
               "d.action_category, snippet(demands_fts, -1, :open, :close, '…', 24) as snippet",
    "organisations": "o.id as organisation_id, o.name, o.country, o.n_statements, o.last_signed, "
                     "snippet(organisations_fts, -1, :open, :close, '…', 12) as snippet",
}
ORDER = {  # by relevance (titles weigh five times the text), or newest first; ties by the index's order
    ("statements", "relevance"): "bm25(statements_fts, 5.0, 1.0), s.rowid",
    ("statements", "date"): "s.date is null, s.date desc, s.rowid",
    ("demands", "relevance"): "bm25(demands_fts), d.rowid",
    ("demands", "date"): "s.date is null, s.date desc, d.statement_id, d.position",
    ("organisations", "relevance"): "bm25(organisations_fts), o.rowid",
    ("organisations", "date"): "o.last_signed is null, o.last_signed desc, o.rowid",
}
ACTIONS = {1: "minimal action", 2: "continuing action", 3: "considering action", 4: "general action",
           5: "specific action"}  # UPR Info's scale, as the statement page names it


class BadSearch(ValueError):
    """A search address that asks for what the page does not offer: a 400, with this message."""


@dataclass(frozen=True)
class Asked:
    """What a search address asks for: text, filters, order, and the page of each section."""
    text: str
    chosen: dict[str, str] = field(default_factory=dict)
    sort: str = "relevance"
    pages: dict[str, int] = field(default_factory=dict)

    def page(self, section: str) -> int:
        return self.pages.get(section, 1)

    def arguments(self, **changes: str | int | None) -> dict[str, str]:
        """The address's arguments with some changed (None or "" drops one): for links that keep the rest. A
        change of filter or order starts every section at its first page again."""
        pages = {f"{section}_page": str(page) for section, page in self.pages.items() if page > 1}
        if any(not key.endswith("_page") for key in changes):
            pages = {}
        current = {"q": self.text, **self.chosen, "sort": "" if self.sort == "relevance" else self.sort, **pages}
        current.update({key: "" if value is None else str(value) for key, value in changes.items()})
        return {key: value for key, value in current.items() if value}


def asked(arguments) -> Asked:
    """The search a request's arguments ask for; BadSearch names the argument it cannot take."""
    sort = arguments.get("sort") or "relevance"
    if sort not in SORTS:
        raise BadSearch(f"sort={sort}: a search sorts by {' or '.join(SORTS)}")
    pages = {}
    for section in SECTIONS:
        value = arguments.get(f"{section}_page")
        if value in (None, ""):
            continue
        if not value.isdigit() or not 1 <= int(value) <= MAX_PAGE:
            raise BadSearch(f"{section}_page={value[:20]}: a page is a number from 1 to {MAX_PAGE} (the first "
                            f"{MAX_ROWS:,} results of each section; narrow the search for the rest)")
        pages[section] = int(value)
    chosen = {key: arguments.get(key) for key in FILTER_KEYS if arguments.get(key)}
    return Asked((arguments.get("q") or "").strip(), chosen, sort, pages)


@dataclass
class Section:
    total: int = 0
    rows: list[dict] = field(default_factory=list)
    offset: int = 0

    @property
    def pages(self) -> int:
        return max(1, -(-min(self.total, MAX_ROWS) // PAGE_SIZE))


@dataclass
class SearchResults:
    asked: Asked
    sections: dict[str, Section] = field(default_factory=dict)
    facets: dict[str, list[tuple]] = field(default_factory=dict)
    error: str | None = None
    notes: tuple[str, ...] = ()  # what the query left out of the text

    @property
    def query(self) -> str:
        return self.asked.text

    @property
    def chosen(self) -> dict[str, str]:
        return self.asked.chosen


def search(conn: sqlite3.Connection, asked: Asked, query: str, time_limit_ms: int, notes: tuple[str, ...] = (),
           download: bool = False) -> SearchResults:
    """Every section of the search (query is already a valid FTS5 query), all within time_limit_ms: the asked
    page of each, or for a download the first MAX_ROWS of each with the match in guillemets. A failure is
    reported, never raised."""
    found = SearchResults(asked, notes=notes)
    if not query:
        return found
    began = time.monotonic()
    try:
        with sqlite_timelimit(conn, time_limit_ms):
            for section in SECTIONS:
                found.sections[section] = _section(conn, section, query, asked, download, found.facets)
    except sqlite3.Error as error:  # when interrupted, SQLite may say so or only that what it was doing failed
        found.sections, found.facets = {}, {}
        found.error = (f"the search took longer than {time_limit_ms / 1000:g} s and was stopped; fewer words, "
                       "or longer prefixes, make it quicker" if time.monotonic() - began >= time_limit_ms / 1000
                       else f"the search could not run: {error}")
    return found


def _section(conn: sqlite3.Connection, section: str, query: str, asked: Asked, download: bool,
             facets: dict[str, list[tuple]]) -> Section:
    where, params = _where(section, asked.chosen)
    params["query"] = query
    matched = MATCHED[section] + (STATEMENT_OF_DEMAND if section == "demands" else "")
    through_statement = section == "demands" and any(key not in OWN_FILTERS[section] for key in asked.chosen)
    total = _count_facets(conn, matched if through_statement else MATCHED[section], section, where, params, facets)
    offset, limit = (0, MAX_ROWS) if download else ((asked.page(section) - 1) * PAGE_SIZE, PAGE_SIZE)
    if not total or offset >= total:
        return Section(total, [], offset)
    marks = TEXT_MARKS if download else HTML_MARKS
    rows = conn.execute(f"select {SHOWN[section]} from {matched} where {section}_fts match :query {where} "
                        f"order by {ORDER[section, asked.sort]} limit :limit offset :offset",
                        {**params, "open": marks[0], "close": marks[1], "limit": limit, "offset": offset})
    names = [column[0] for column in rows.description]
    found = [dict(zip(names, row, strict=True)) for row in rows.fetchall()]
    if not download:
        found = [{**row, "snippet": marked(row["snippet"])} for row in found]
    return Section(total, found, offset)


def _where(section: str, chosen: dict[str, str]) -> tuple[str, dict[str, str]]:
    own, through = [], []
    for key in chosen:
        if key in OWN_FILTERS[section]:
            own.append(OWN_FILTERS[section][key])
        else:
            through.append(STATEMENT_FILTERS[key])
    if through and section == "organisations":
        own.append("exists (select 1 from signatures as g join statements as s on s.id = g.statement_id "
                   f"where g.organisation_id = o.id and {' and '.join(through)})")
    else:
        own += through
    return "".join(f" and {clause}" for clause in own), dict(chosen)


def _count_facets(conn: sqlite3.Connection, matched: str, section: str, where: str, params: dict,
                  facets: dict[str, list[tuple]]) -> int:
    """The section's matches counted once, grouped by all its facets' columns together; each facet's counts
    are sums of those groups. Returns how many match."""
    columns = FACETS[section]
    groups = conn.execute(f"select {', '.join(columns.values())}, count(*) from {matched} "
                          f"where {section}_fts match :query {where} group by {', '.join(columns.values())}",
                          params).fetchall()
    for index, key in enumerate(columns):
        counts: dict = {}
        for group in groups:
            if group[index] is not None:
                counts[group[index]] = counts.get(group[index], 0) + group[-1]
        facets[key] = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))[:FACET_LIMIT]
    return sum(group[-1] for group in groups)


_MARK = re.compile(r"&lt;(/?)mark&gt;")
_BETWEEN_GUILLEMETS = re.compile(r"«([^«»]*)»")


def marked(snippet: str | None) -> Markup:
    """A snippet with its matches marked and everything else escaped: scraped markup stays text."""
    return Markup(_MARK.sub(r"<\1mark>", str(escape(snippet or ""))))


def marked_from_text(snippet: str | None) -> Markup:
    """A snippet whose matches are in guillemets (the search_statements query's, kept as they are in its CSV
    and JSON), escaped and with each match <mark>ed for its page. A guillemet of the statement's own text
    is marked too: the page shows it highlighted, the download keeps it as written."""
    return Markup(_BETWEEN_GUILLEMETS.sub(r"<mark>\1</mark>", str(escape(snippet or ""))))
