"""One search over statements, demands and organisations, ranked, with filters beside the results."""

from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass, field

from datasette.utils import sqlite_timelimit
from markupsafe import Markup, escape

LIMIT = 50
FACET_LIMIT = 15
# Each filter: the query-string name, the column it narrows, and the search it belongs to.
FILTERS = {
    "statements": {"year": "s.year", "publisher": "s.publisher", "language": "s.language", "kind": "s.kind",
                   "needs_review": "s.needs_review"},
    "demands": {"addressee": "d.addressee", "category": "d.action_category"},
    "organisations": {"country": "o.country"},
}
SOURCES = {  # each search's table joined to its full-text index (named {search}_fts)
    "statements": "statements_fts join statements as s on s.rowid = statements_fts.rowid",
    "demands": "demands_fts join demands as d on d.rowid = demands_fts.rowid",
    "organisations": "organisations_fts join organisations as o on o.rowid = organisations_fts.rowid",
}
SHOWN = {  # what each search shows of a match (and any table that takes), and its order
    "statements": ("s.id, s.title, s.date, s.publisher, s.n_signatories, s.kind, "
                   "snippet(statements_fts, -1, '<mark>', '</mark>', '…', 24) as snippet", "",
                   "bm25(statements_fts, 5.0, 1.0)"),
    "demands": ("d.id, d.statement_id, d.addressee, d.target, d.action_category, s.title, s.date, "
                "snippet(demands_fts, -1, '<mark>', '</mark>', '…', 24) as snippet",
                "join statements as s on s.id = d.statement_id", "bm25(demands_fts)"),
    "organisations": ("o.id, o.name, o.country, o.n_statements, "
                      "snippet(organisations_fts, -1, '<mark>', '</mark>', '…', 12) as snippet", "",
                      "bm25(organisations_fts)"),
}
_MARK = re.compile(r"&lt;(/?)mark&gt;")


@dataclass
class SearchResults:
    query: str
    results: dict[str, list[dict]] = field(default_factory=dict)
    facets: dict[str, dict[str, list[tuple]]] = field(default_factory=dict)
    chosen: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    notes: tuple[str, ...] = ()  # what the query left out of the text


def search(conn: sqlite3.Connection, text: str, query: str, chosen: dict[str, str], time_limit_ms: int,
           notes: tuple[str, ...] = ()) -> SearchResults:
    """Run every search (query is already a valid FTS5 query), all of them within time_limit_ms; a failure
    is reported, never raised."""
    found = SearchResults(text, chosen=chosen, notes=notes)
    if not query:
        return found
    began = time.monotonic()
    try:
        with sqlite_timelimit(conn, time_limit_ms):
            _search_each(conn, query, chosen, found)
    except sqlite3.Error as error:  # when interrupted, SQLite may say so or only that what it was doing failed
        found.error = (f"the search took longer than {time_limit_ms / 1000:g} s and was stopped; fewer words, "
                       "or longer prefixes, make it quicker" if time.monotonic() - began >= time_limit_ms / 1000
                       else f"the search could not run: {error}")
    return found


def _search_each(conn: sqlite3.Connection, query: str, chosen: dict[str, str], found: SearchResults) -> None:
    for name, (columns, joined, order) in SHOWN.items():
        where, params = _filters(name, chosen)
        rows = conn.execute(f"select {columns} from {SOURCES[name]} {joined} where {name}_fts match :query "
                            f"{where} order by {order} limit :limit", {"query": query, "limit": LIMIT, **params})
        names = [column[0] for column in rows.description]
        found.results[name] = [_with_snippet(dict(zip(names, row, strict=True))) for row in rows.fetchall()]
        found.facets[name] = _facets(conn, name, query, where, params)


def _filters(name: str, chosen: dict[str, str]) -> tuple[str, dict[str, str]]:
    clauses, params = [], {}
    for key, column in FILTERS[name].items():
        if chosen.get(key):
            clauses.append(f"and {column} = :{key}")
            params[key] = chosen[key]
    return " ".join(clauses), params


def _facets(conn: sqlite3.Connection, name: str, query: str, where: str,
            params: dict[str, str]) -> dict[str, list[tuple]]:
    facets = {}
    for key, column in FILTERS[name].items():
        rows = conn.execute(f"select {column}, count(*) from {SOURCES[name]} where {name}_fts match :query "
                            f"{where} and {column} is not null group by {column} "
                            f"order by count(*) desc, {column} limit {FACET_LIMIT}",
                            {"query": query, **params}).fetchall()
        facets[key] = rows
    return facets


def marked(snippet: str | None) -> Markup:
    """A snippet with its matches marked and everything else escaped: scraped markup stays text."""
    return Markup(_MARK.sub(r"<\1mark>", str(escape(snippet or ""))))


def _with_snippet(row: dict) -> dict:
    return {**row, "snippet": marked(row["snippet"])}
