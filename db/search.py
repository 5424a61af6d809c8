"""One search over statements, demands and organisations: ranked or newest first, each section paged,
every filter narrowing every section, filters beside the results, and the same results as rows to download."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field

import numpy
from datasette.utils import sqlite_timelimit
from markupsafe import Markup, escape

from . import signatures, similar
from .demands import POSITIONS
from .settings import SETTINGS

PAGE_SIZE = 20
MAX_ROWS = SETTINGS["max_returned_rows"]  # of each section: on its pages together, and in a download
MAX_PAGE = MAX_ROWS // PAGE_SIZE
FACET_LIMIT = 15
SECTIONS = ("statements", "demands", "organisations")
SORTS = ("relevance", "date")
# words: the full-text index alone. meaning: the statements matched by words and those nearest the query in
# meaning (db/similar.py), merged by reciprocal rank fusion (each ranking's first MERGED_DEPTH, a statement
# scoring 1 / (RRF_K + rank) in each); demands and organisations are matched by words in both.
MODES = ("words", "meaning")
MERGED_DEPTH = 100
RRF_K = 60
NEAR_ENOUGH = 0.2  # cosine: below it a statement is about something else (unrelated ones score up to 0.15)
# The match in a snippet. On the page it is <mark>ed (the snippet escaped around it); in a download it
# is between guillemets, which a spreadsheet keeps as text.
HTML_MARKS = ("<mark>", "</mark>")
TEXT_MARKS = ("«", "»")

# Each filter, as what it asks of a statement. A demand is in a year, a publisher, ... through its statement,
# and an organisation through the statements it signed; a statement is in a country through the
# organisations that signed it, and has an addressee or an action category through its demands.
STATEMENT_COLUMNS = ("year", "publisher", "language", "kind", "needs_review")  # a statement's own
THROUGH_OTHERS = {
    "addressee": f"rowid in (select id / {POSITIONS} from demand_rows where addressee = :addressee)",
    "category": f"rowid in (select id / {POSITIONS} from demand_rows where action_category = :category)",
    "country": "rowid in (select g.statement from signature_rows as g join organisations as c "
               "on c.rowid = g.organisation where c.country = :country)",
}
FILTER_KEYS = STATEMENT_COLUMNS + tuple(THROUGH_OTHERS)
# What a demand or an organisation answers itself, not through its statements.
OWN_FILTERS = {
    "statements": {},
    "demands": {"addressee": "d.addressee = :addressee", "category": "d.action_category = :category"},
    "organisations": {"country": "o.country = :country"},
}
# Each facet is counted in the section whose rows hold its column (MATCHED names a demand's and an
# organisation's; a statement's are its own columns).
FACETS = {
    "statements": STATEMENT_COLUMNS,
    "demands": ("addressee", "category"),
    "organisations": ("country",),
}
# The statements' facet columns in one index, with the id: facets, filters and a demand's statement are read
# from it, never from the statements' rows, which hold their whole text (at 100,000 statements, a row read
# for each match was most of what a search cost). db/schema.py creates it.
STATEMENT_FACET_INDEX = "idx_statements_year_publisher_language_kind_needs_review_date_id"
SHOWN = {  # what each section shows of a match
    "statements": "s.id as statement_id, s.url as source_url, s.title, s.date, s.publisher, s.n_signatories, "
                  "s.kind, snippet(statements_fts, -1, :open, :close, '…', 24) as snippet",
    "demands": f"s.id || '-' || (d.id % {POSITIONS}) as id, s.id as statement_id, s.url as source_url, s.title, "
               "s.date, s.publisher, d.addressee, d.target, "
               "d.action_category, snippet(demands_fts, -1, :open, :close, '…', 24) as snippet",
    "organisations": "o.id as organisation_id, o.name, o.country, o.n_statements, o.last_signed, "
                     "snippet(organisations_fts, -1, :open, :close, '…', 12) as snippet",
}
# A statement found by meaning alone, as SHOWN["statements"] shows a match: its text's opening for a snippet.
OPENING = ("s.id as statement_id, s.url as source_url, s.title, s.date, s.publisher, s.n_signatories, s.kind, "
           "substr(s.text, 1, 160) || '…' as snippet")
SHOWN_FROM = {  # the tables a shown row is read from
    "statements": "statements_fts join statements as s on s.rowid = statements_fts.rowid",
    "demands": "demands_fts join demand_rows as d on d.id = demands_fts.rowid "
               f"join statements as s on s.rowid = d.id / {POSITIONS}",
    "organisations": "organisations_fts join organisations as o on o.rowid = organisations_fts.rowid",
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
    mode: str = "words"

    def page(self, section: str) -> int:
        return self.pages.get(section, 1)

    def arguments(self, **changes: str | int | None) -> dict[str, str]:
        """The address's arguments with some changed (None or "" drops one): for links that keep the rest. A
        change of filter or order starts every section at its first page again."""
        pages = {f"{section}_page": str(page) for section, page in self.pages.items() if page > 1}
        if any(not key.endswith("_page") for key in changes):
            pages = {}
        current = {"q": self.text, **self.chosen, "sort": "" if self.sort == "relevance" else self.sort,
                   "mode": "" if self.mode == "words" else self.mode, **pages}
        current.update({key: "" if value is None else str(value) for key, value in changes.items()})
        return {key: value for key, value in current.items() if value}


def asked(arguments) -> Asked:
    """The search a request's arguments ask for; BadSearch names the argument it cannot take."""
    sort = arguments.get("sort") or "relevance"
    if sort not in SORTS:
        raise BadSearch(f"sort={sort[:20]}: a search sorts by {' or '.join(SORTS)}")
    mode = arguments.get("mode") or "words"
    if mode not in MODES:
        raise BadSearch(f"mode={mode[:20]}: a search matches by {' or '.join(MODES)}")
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
    if not (chosen.get("year") or "0").isdigit() or len(chosen.get("year", "")) > 4:
        raise BadSearch(f"year={chosen['year'][:20]}: a year is a number of at most four digits")
    return Asked((arguments.get("q") or "").strip(), chosen, sort, pages, mode)


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
    meaning = similar.embed([asked.text])[0] if asked.mode == "meaning" else None
    try:
        with sqlite_timelimit(conn, time_limit_ms):
            for section in SECTIONS:
                if section == "statements" and meaning is not None:
                    found.sections[section] = _merged(conn, query, asked, download, found.facets, meaning)
                else:
                    found.sections[section] = _section(conn, section, query, asked, download, found.facets)
    except sqlite3.Error as error:  # when interrupted, SQLite may say so or only that what it was doing failed
        found.sections, found.facets = {}, {}
        found.error = (f"the search took longer than {time_limit_ms / 1000:g} s and was stopped; fewer words, "
                       "or longer prefixes, make it quicker" if time.monotonic() - began >= time_limit_ms / 1000
                       else f"the search could not run: {error}")
    return found


def _section(conn: sqlite3.Connection, section: str, query: str, asked: Asked, download: bool,
             facets: dict[str, list[tuple]]) -> Section:
    """The section's matches (with the filters) counted, each facet's largest counts, and the page asked for
    ranked, all from one pass over the full-text index (_counted_and_ranked); then only the rows of that page
    are read, with their snippets. No query hands over a row per match, so that a search's answers stay
    within the site's bounds whatever it matches."""
    params = {**asked.chosen, "query": query, **_year_range(asked.chosen)}
    kept = _kept(section, asked.chosen)
    kept = f"and {kept}" if kept else ""
    offset, limit = (0, MAX_ROWS) if download else ((asked.page(section) - 1) * PAGE_SIZE, PAGE_SIZE)
    by_relevance = asked.sort == "relevance"
    total, ranked, counts = 0, [], {key: [] for key in FACETS[section]}
    for what, value, number in conn.execute(_counted_and_ranked(section, by_relevance).format(kept=kept),
                                            {**params, "limit": limit, "offset": offset}):
        if what == TOTAL:
            total = number or 0
        elif what == RANKED:
            ranked.append((number, value))  # (score, rowid)
        else:
            counts[what].append((value, number))
    if total:
        facets.update({key: sorted(found, key=lambda item: (-item[1], str(item[0]))) for key, found in counts.items()})
    if by_relevance:
        page = [rowid for _, rowid in sorted(ranked)]
    elif offset < total:
        page = [row[0] for row in conn.execute(NEWEST[section].format(kept=kept),
                                               {**params, "limit": limit, "offset": offset}).fetchall()]
    else:
        page = []
    return Section(total, _shown(conn, section, page, query, download) if page else [], offset)


def _merged(conn: sqlite3.Connection, query: str, asked: Asked, download: bool, facets: dict[str, list[tuple]],
            meaning) -> Section:
    """The statements by words and by meaning, merged (MODES): counted and faceted over the merged list."""
    params = {**asked.chosen, **_year_range(asked.chosen), "query": query}
    kept = _kept("statements", asked.chosen)
    by_words = [rowid for (rowid,) in conn.execute(
        f"select statements_fts.rowid from {MATCHES['statements'].format(kept=f'and {kept}' if kept else '')} "
        f"order by {SCORES['statements']} limit {MERGED_DEPTH}", params)]
    allowed = _filtered_statements(asked.chosen)
    allowed = {rowid for (rowid,) in conn.execute(allowed.format("rowid"), params)} if allowed else None
    by_meaning = _nearest(conn, meaning, allowed)
    fused: dict[int, float] = {}
    for ranking in (by_words, by_meaning):
        for rank, rowid in enumerate(ranking, start=1):
            fused[rowid] = fused.get(rowid, 0.0) + 1 / (RRF_K + rank)
    ranked = sorted(fused, key=lambda rowid: (-fused[rowid], rowid))
    if asked.sort == "date":  # the merged statements, newest first, the undated last
        dated = dict(conn.execute("select rowid, date from statements where rowid in (select value from json_each(?))",
                                  [json.dumps(ranked)]).fetchall())
        ranked.sort()  # ties in date keep this order: a sort in reverse is still stable
        ranked.sort(key=lambda rowid: dated.get(rowid) or "", reverse=True)
    offset, limit = (0, MAX_ROWS) if download else ((asked.page("statements") - 1) * PAGE_SIZE, PAGE_SIZE)
    columns = FACETS["statements"]
    rows = conn.execute(f"select {', '.join(columns)} from statements indexed by {STATEMENT_FACET_INDEX} "
                        "where +rowid in (select value from json_each(?))", [json.dumps(ranked)]).fetchall()
    if rows:
        facets.update({key: sorted(Counter(row[i] for row in rows if row[i] is not None).items(),
                                   key=lambda item: (-item[1], str(item[0])))[:FACET_LIMIT]
                       for i, key in enumerate(columns)})
    page = ranked[offset:offset + limit]
    return Section(len(ranked), _shown(conn, "statements", page, query, download) if page else [], offset)


def _nearest(conn: sqlite3.Connection, meaning, allowed: set[int] | None) -> list[int]:
    """The MERGED_DEPTH statements nearest the query's vector, among those the filters allow."""
    rowids, matrix = similar.stored(conn)
    scores = similar.scores(matrix, meaning)
    near = scores >= NEAR_ENOUGH
    if allowed is not None:
        near &= numpy.isin(rowids, numpy.fromiter(allowed, dtype=numpy.int64, count=len(allowed)))
    rowids, scores = rowids[near], scores[near]
    top = numpy.lexsort((rowids, -scores))[:MERGED_DEPTH]  # the nearest first, ties by rowid
    return rowids[top].tolist()


def _filtered_statements(chosen: dict[str, str], answered_apart: dict | None = None) -> str | None:
    """The statements the chosen filters keep, as a select of one column to name ({}), or None for all.
    Filters in `answered_apart` are left to the caller, which reads them from its own rows."""
    through = [f"{key} = :{key}" for key in STATEMENT_COLUMNS if key in chosen]
    through += [clause for key, clause in THROUGH_OTHERS.items() if key in chosen and key not in (answered_apart or {})]
    return (f"select {{}} from statements indexed by {STATEMENT_FACET_INDEX} where {' and '.join(through)}"
            if through else None)


def _kept(section: str, chosen: dict[str, str]) -> str:
    """What the chosen filters keep of a section's matches, as one condition ("" for all). What is asked of a
    statement is read from its facet index, never from its row with its text."""
    own = [clause for key, clause in OWN_FILTERS[section].items() if key in chosen]
    statements = _filtered_statements(chosen, OWN_FILTERS[section])
    if section == "statements":
        return f"+statements_fts.rowid in ({statements.format('rowid')})" if statements else ""
    if section == "demands" and statements:
        own.append(f"d.id / {POSITIONS} in ({statements.format('rowid')})")
    elif statements and set(chosen) & set(FILTER_KEYS) - set(OWN_FILTERS[section]) == {"year"}:
        # an organisation in a year: from its signatures' own dates, by their index
        own.append("exists (select 1 from signature_rows as g where g.organisation = o.rowid "
                   "and g.dated >= :year_from and g.dated < :year_to)")
    elif statements:
        own.append("exists (select 1 from signature_rows as g where g.organisation = o.rowid "
                   f"and g.statement in ({statements.format('rowid')}))")
    return " and ".join(own)


def _year_range(chosen: dict[str, str]) -> dict[str, int]:
    year = chosen.get("year")
    return signatures.year_range(year) if year else {}


MATCHES = {  # each section's full-text matches joined to its rows, which the filters read
    "statements": "statements_fts where statements_fts match :query {kept}",
    "demands": "demands_fts cross join demand_rows as d on d.id = demands_fts.rowid "
               "where demands_fts match :query {kept}",
    "organisations": "organisations_fts cross join organisations as o on o.rowid = organisations_fts.rowid "
                     "where organisations_fts match :query {kept}",
}
SCORES = {  # relevance: titles weigh five times the text
    "statements": "bm25(statements_fts, 5.0, 1.0)", "demands": "bm25(demands_fts)",
    "organisations": "bm25(organisations_fts)",
}
MATCHED = {  # what the pass keeps of each match: its rowid, and the facet columns its row holds
    "statements": "statements_fts.rowid as id",
    "demands": "d.id as id, d.addressee as addressee, d.action_category as category",
    "organisations": "o.rowid as id, o.country as country",
}
NEWEST = {  # a page newest first (a demand by its statement's date, an organisation by the last statement it
    # signed), the undated last; ties in the index's order
    "statements": "select s.rowid from statements as s indexed by idx_statements_date where +s.rowid in "
                  "(select statements_fts.rowid from " + MATCHES["statements"] + ") "
                  "order by s.date desc, s.rowid desc limit :limit offset :offset",
    "demands": "select d.id from " + MATCHES["demands"].replace(
        " where ", f" join statements as s on s.rowid = d.id / {POSITIONS} where ") +
               " order by s.date is null, s.date desc, d.id limit :limit offset :offset",
    "organisations": "select o.rowid from " + MATCHES["organisations"] +
                     " order by o.last_signed is null, o.last_signed desc, o.rowid limit :limit offset :offset",
}
# Up to this many matches, their statements' facet columns are read from their rows; beyond, by one scan of the
# facet index (100,000 entries of a few bytes, where each row read is a page of a statement's text).
ROWS_READ_UP_TO = 3000
TOTAL, RANKED = "total", "ranked"  # what a row of a section's pass is, when it is not a facet's count


def _counted_and_ranked(section: str, by_relevance: bool) -> str:
    """One statement answering rows of (what, value, number): the section's matches found once, with their
    scores for relevance, and kept in a table of SQLite's own; from it, the matches counted by all the facets'
    columns together; from those groups, each facet's FACET_LIMIT largest counts (facet, value, count) and
    the total (total, -, count); and the page by relevance (ranked, rowid, score). Before, the full-text index
    was read twice, and thousands of groups (or every match's rowid) were handed to Python."""
    columns = ", ".join(FACETS[section])
    score = SCORES[section] if by_relevance else "null"
    if section == "statements":  # whichever of the two reads the count of matches picks
        grouped = (f"select {columns}, count(*) as n from matches cross join statements on statements.rowid = "
                   f"matches.id where {ROWS_READ_UP_TO} >= (select count(*) from matches) group by {columns} "
                   f"union all select {columns}, count(*) as n from statements indexed by {STATEMENT_FACET_INDEX} "
                   f"where {ROWS_READ_UP_TO} < (select count(*) from matches) and +rowid in (select id from matches) "
                   f"group by {columns}")
    else:
        grouped = f"select {columns}, count(*) as n from matches group by {columns}"
    parts = [f"select * from (select '{key}', {key}, sum(n) from groups where {key} is not null group by {key} "
             f"order by 3 desc, cast({key} as text) limit {FACET_LIMIT})" for key in FACETS[section]]
    parts.append(f"select '{TOTAL}', null, sum(n) from groups")
    if by_relevance:
        parts.append(f"select * from (select '{RANKED}', id, score from matches order by score, id "
                     "limit :limit offset :offset)")
    return (f"with matches as materialized (select {MATCHED[section]}, {score} as score from {MATCHES[section]}), "
            f"groups as materialized ({grouped})\n" + "\nunion all ".join(parts))


def _shown(conn: sqlite3.Connection, section: str, rowids: list[int], query: str, download: bool) -> list[dict]:
    """The rows of one page, in its order, each with its snippet: read only for the rows shown."""
    marks = TEXT_MARKS if download else HTML_MARKS
    # FTS5 looks each rowid up on its own, merging a prefix's every word again for each: a prefix's matches
    # are read once instead, in one pass that keeps the page's rows (2.7 s became 0.3 s for baba* at 100,000)
    seek = "+" if "*" in query else ""
    cursor = conn.execute(f"select {section}_fts.rowid, {SHOWN[section]} from {SHOWN_FROM[section]} "
                          f"where {section}_fts match :query and {seek}{section}_fts.rowid in "
                          "(select value from json_each(:rowids))",
                          {"query": query, "rowids": json.dumps(rowids), "open": marks[0], "close": marks[1]})
    names = [column[0] for column in cursor.description][1:]
    by_rowid = {row[0]: dict(zip(names, row[1:], strict=True)) for row in cursor.fetchall()}
    unmatched = [rowid for rowid in rowids if rowid not in by_rowid]
    if unmatched:  # statements found by meaning alone: their opening stands for a snippet
        cursor = conn.execute(f"select s.rowid, {OPENING} from statements as s where s.rowid in "
                              "(select value from json_each(?))", [json.dumps(unmatched)])
        by_rowid.update({row[0]: dict(zip(names, row[1:], strict=True)) for row in cursor.fetchall()})
    found = [by_rowid[rowid] for rowid in rowids]
    return found if download else [{**row, "snippet": marked(row["snippet"])} for row in found]


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
