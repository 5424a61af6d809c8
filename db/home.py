"""The home page: what the knowledge base holds, its newest statements, the organisations that sign most,
the bodies most often called on, and two charts.

Every query here reads an index or a small table, never a big table itself: the counts come from indexes
(people from statements.n_individuals, summed over its index, not from the signatures table), the lists
from sorted indexes. Some still read a whole index (the addressees' counts read every demand's), about
0.4 s at 100,000 statements, so what they find is kept until the database file changes: a published file
is counted once, a live one once after each change."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from datasette.utils import tilde_encode

from . import charts

LISTED = 8  # newest statements, organisations signing most, bodies called on most

# A family of copies counts once (db/families.py): what its copies hold is taken off, read from the few copies.
FIGURES = """select
    (select count(*) from statements where copy_of is null) as statements,
    (select count(*) from organisations) as organisations,
    (select total(n_individuals) from statements)
        - (select total(n_individuals) from statements where copy_of is not null) as people,
    (select count(*) from demands) - (select total(n_demands) from statements where copy_of is not null) as demands,
    (select min(year) from statements) as first_year,
    (select max(year) from statements) as last_year,
    (select count(distinct language) from statements) as languages,
    (select count(distinct publisher) from statements) as publishers"""
NEWEST = ("select id, title, date, publisher, n_organisations, n_individuals from statements "
          "order by date desc limit ?")
SIGNING_MOST = ("select id, name, country, n_statements from organisations where n_statements > 0 "
                "order by n_statements desc, name limit ?")
CALLED_ON = ("select addressee, count(*) as demands from demands where addressee is not null and addressee != '' "
             "group by addressee order by demands desc, addressee limit ?")

# The tables a visitor reads, in the order they are listed; the rest follow by name.
READING_ORDER = ("statements", "demands", "organisations", "signatures", "organisation_names", "statement_versions",
                 "documents")


ONCE = (("copy_of__isnull", "1"),)  # a family's canonical statement, not its copies


@dataclass(frozen=True)
class Figure:
    key: str  # what it counts, also its element's data-figure
    value: str  # as shown: "1,234", "2008–2026"
    words: str  # what follows the number
    table: str  # the listing it links to
    args: tuple[tuple[str, str], ...] = ()


def home(conn: sqlite3.Connection) -> dict:
    """Everything the home page shows, from one connection."""
    return {
        "figures": figures(_rows(conn, FIGURES)[0]),
        "newest": _rows(conn, NEWEST),
        "signing_most": _rows(conn, SIGNING_MOST),
        "called_on": _rows(conn, CALLED_ON),
        "charts": {"Statements per year": charts.statements_per_year(conn),
                   "Organisations per country (the 25 with most)": charts.organisations_per_country(conn)},
    }


def figures(held: dict) -> list[Figure]:
    years = (f"{held['first_year']}–{held['last_year']}" if held["first_year"] != held["last_year"]
             else str(held["first_year"])) if held["first_year"] is not None else "no dated"
    return [
        Figure("statements", f"{held['statements']:,}", _plural(held["statements"], "statement"), "statements",
               ONCE),
        Figure("organisations", f"{held['organisations']:,}", _plural(held["organisations"], "organisation"),
               "organisations"),
        Figure("people", f"{int(held['people']):,}", "signatures by people" if held["people"] != 1
               else "signature by a person", "signatures", (("kind", "individual"),)),
        Figure("demands", f"{int(held['demands']):,}", _plural(held["demands"], "demand"), "demands"),
        Figure("years", years, "years of statements" if held["first_year"] != held["last_year"] else "statements",
               "statements", (("_facet", "year"),)),
        Figure("languages", f"{held['languages']:,}", _plural(held["languages"], "language"), "statements",
               (("_facet", "language"),)),
        Figure("publishers", f"{held['publishers']:,}", _plural(held["publishers"], "publisher"), "statements",
               (("_facet", "publisher"),)),
    ]


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _rows(conn: sqlite3.Connection, sql: str) -> list[dict]:
    cursor = conn.execute(sql, [LISTED] if "?" in sql else [])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def in_reading_order(tables: list[dict], views: list[dict] = (), metadata: dict | None = None) -> list[dict]:
    """The database page's tables: the statements first, then what a reader uses most, the rest by name. A
    view in the reading order (signatures) is listed as the table it shows, with its described columns."""
    rank = {name: index for index, name in enumerate(READING_ORDER)}
    described = (metadata or {}).get("tables") or {}
    shown = [{"name": view["name"], "columns": list((described.get(view["name"]) or {}).get("columns") or {}),
              "hidden": False, "private": view.get("private", False)} for view in views if view["name"] in rank]
    return sorted([*tables, *shown], key=lambda table: (rank.get(table["name"], len(rank)), table["name"]))


_held: dict[str, tuple[tuple, dict]] = {}  # database file -> (its version, what the home page shows)
_held_lock = threading.Lock()


def file_version(path: str) -> tuple:
    """Changes whenever the database changes: a commit writes the -wal file, a checkpoint the file itself.
    An empty -wal file (a reader opens one) holds nothing, as a missing one."""
    files = [Path(path).stat()] + [stat for stat in [_stat(path + "-wal")] if stat and stat.st_size]
    return tuple((stat.st_mtime_ns, stat.st_size) for stat in files)


def _stat(path: str):
    try:
        return Path(path).stat()
    except FileNotFoundError:
        return None


def held_in(conn: sqlite3.Connection, path: str | None) -> dict:
    """home(conn), counted again only when the file has changed since it was last counted."""
    if not path:
        return home(conn)
    version = file_version(path)  # before counting: a change while counting is counted next time
    with _held_lock:
        kept = _held.get(path)
    if kept and kept[0] == version:
        return kept[1]
    found = home(conn)
    with _held_lock:
        _held[path] = (version, found)
    return found


async def page_context(datasette, name: str, db) -> dict:
    """The home page's figures, lists and charts, with their links."""
    held = await db.execute_fn(lambda conn: held_in(conn, db.path))
    link = charts.linker(datasette, name)
    queries = datasette.metadata("queries", database=name) or {}
    return {
        **held,
        "metadata": datasette.metadata(),
        "database": name,
        "tables": READING_ORDER,
        "figure_url": lambda figure: datasette.urls.table(name, figure.table) + (
            "?" + urlencode(figure.args) if figure.args else ""),
        "row_url": lambda table, key: datasette.urls.row(name, table, tilde_encode(str(key))),
        "called_on_url": lambda addressee: datasette.urls.table(name, "demands") + "?" + urlencode(
            {"addressee": addressee}),
        "charts": {title: charts.layout(bars, link) for title, bars in held["charts"].items()},
        "queries": [(datasette.urls.query(name, key), query.get("title", key)) for key, query in queries.items()],
    }
