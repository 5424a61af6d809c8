"""The charts of /explore and the home page: each bar a count, and the table listing that shows that count.

A bar is (label, value, table, filters): its link is the table's page with those filters, where Datasette
shows "N rows where ...", N being the bar's value."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from .words import country_name

COUNTRIES_SHOWN = 25
ONCE = (("copy_of__isnull", "1"),)  # a family of copies counted once: its canonical statement (db/families.py)


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    table: str
    filters: tuple[tuple[str, str], ...]


def statements_per_year(conn: sqlite3.Connection) -> list[Bar]:
    """Every year from the first to the last, a year without statements as 0, then the undated ones."""
    counted = dict(conn.execute("select year, count(*) from statements where copy_of is null and year is not null "
                                "group by year"))
    undated = conn.execute("select count(*) from statements where copy_of is null and year is null").fetchone()[0]
    years = range(min(counted), max(counted) + 1) if counted else range(0)
    bars = [Bar(str(year), counted.get(year, 0), "statements", (("year", str(year)), *ONCE)) for year in years]
    if undated:
        bars.append(Bar("undated", undated, "statements", (("year__isnull", "1"), *ONCE)))
    return bars


def organisations_per_country(conn: sqlite3.Connection, limit: int = COUNTRIES_SHOWN) -> list[Bar]:
    """The countries with most organisations, by name; organisations placed nowhere as one bar of their own."""
    rows = conn.execute("select country, count(*) from organisations group by country "
                        "order by count(*) desc, country limit ?", [limit]).fetchall()
    return [Bar(country_name(code), count, "organisations",
                (("country", code),) if code else (("country__isnull", "1"),)) for code, count in rows]


def signatures_per_country(conn: sqlite3.Connection, limit: int = COUNTRIES_SHOWN) -> list[Bar]:
    """Organisations' signatures by the organisation's country (people's signatures have no country)."""
    every = Counter(dict(conn.execute(f"{_BY_COUNTRY} group by organisations.country")))
    # the copies' signatures are few: read from the copies and taken off
    every.subtract(dict(conn.execute(f"{_BY_COUNTRY} where signature_rows.statement in "
                                     "(select rowid from statements where copy_of is not null) "
                                     "group by organisations.country")))
    rows = sorted(((code, count) for code, count in every.items() if count > 0),
                  key=lambda row: (-row[1], row[0] is not None, row[0] or ""))[:limit]
    return [Bar(country_name(code), count, "signatures", (("_where", _signed_from(code)),)) for code, count in rows]


_BY_COUNTRY = """select organisations.country, count(*) from signature_rows
    join organisations on organisations.rowid = signature_rows.organisation"""


def _signed_from(code: str | None) -> str:
    once = " and statement_id in (select id from statements where copy_of is null)"
    if code is None:
        return "organisation_id in (select id from organisations where country is null)" + once
    quoted = "'" + code.replace("'", "''") + "'"
    return f"organisation_id in (select id from organisations where country = {quoted})" + once


def layout(bars: list[Bar], link, width: int = 640, bar: int = 18) -> dict:
    """Horizontal bars laid out for an SVG; link(bar) is the address of the listing a bar counts."""
    largest = max((item.value for item in bars), default=0) or 1
    room = width - 240  # the label column and the value after each bar
    items = [{"label": item.label, "value": item.value, "url": link(item), "y": index * (bar + 6),
              "length": round(item.value / largest * room) if item.value else 0} for index, item in enumerate(bars)]
    return {"items": items, "height": len(items) * (bar + 6), "width": width, "bar": bar}


def linker(datasette, database: str):
    """A bar's link: its table's page with its filters."""
    return lambda bar: datasette.urls.table(database, bar.table) + "?" + urlencode(bar.filters)
