"""/search, /search.json and /search.csv: one search, shown as a page or downloaded as rows."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

from datasette.utils import tilde_encode
from datasette.utils.asgi import BadRequest, Response

from .plugin import base_url, safe_query, statements_database
from .search import (
    ACTIONS,
    FACETS,
    MAX_ROWS,
    MERGED_DEPTH,
    PAGE_SIZE,
    SECTIONS,
    BadSearch,
    SearchResults,
    asked,
    search,
)
from .words import country_name

# The columns of a downloaded search, for every section; a cell a section has nothing for is left empty.
# An organisation's row names no statement: it is in the search through its name.
DOWNLOAD_COLUMNS = ("section", "statement_id", "site_url", "source_url", "title", "date", "publisher", "match",
                    "addressee", "target", "action", "organisation_id", "organisation", "country")


async def search_page(datasette, request):
    """/search?q=...: statements, demands and organisations together, each section paged, filters beside."""
    name, found = await _run(datasette, request, download=False)
    page = await datasette.render_template("search.html", {
        "found": found, "database": name, "urls": datasette.urls, "facet_sections": FACETS,
        "page_size": PAGE_SIZE, "max_rows": MAX_ROWS, "actions": ACTIONS, "merged_depth": MERGED_DEPTH,
        "plural": plural,
        "row_url": lambda table, key: datasette.urls.row(name, table, tilde_encode(str(key))),
        "link": lambda **changes: "?" + urlencode(found.asked.arguments(**changes)),
        "download_url": lambda extension: f"/search.{extension}?" + urlencode(found.asked.arguments(
            **{f"{section}_page": None for section in SECTIONS})),
    }, request=request)
    return Response.html(page)


async def search_download(datasette, request):
    """/search.json and /search.csv: what /search shows for the same address, every page of each section (up
    to MAX_ROWS each), one row per result with its section, statement and addresses."""
    name, found = await _run(datasette, request, download=True)
    if found.error:
        raise BadRequest(found.error[:1].upper() + found.error[1:])
    rows = download_rows(found, lambda table, key: base_url(request) + datasette.urls.row(
        name, table, tilde_encode(str(key))))
    if request.url_vars["format"] == "json":
        return Response.json(_as_json(found, rows))
    headers = {"content-disposition": 'attachment; filename="search.csv"'} if request.args.get("_dl") else {}
    return Response(_as_csv(rows), content_type="text/csv; charset=utf-8", headers=headers)


async def _run(datasette, request, download: bool) -> tuple[str, SearchResults]:
    try:
        wanted = asked(request.args)
    except BadSearch as error:
        raise BadRequest(str(error)) from error
    name, db = statements_database(datasette)
    query = safe_query(wanted.text)
    limit_ms = datasette.setting("sql_time_limit_ms")
    found = await db.execute_fn(lambda conn: search(conn, wanted, query.query, limit_ms, query.notes, download))
    return name, found


def download_rows(found: SearchResults, site_url) -> list[dict]:
    rows = []
    for section, results in found.sections.items():
        for row in results.rows:
            statement, organisation = row.get("statement_id"), row.get("organisation_id")
            rows.append({
                "section": section, "statement_id": statement,
                "site_url": site_url(*(("organisations", organisation) if organisation else ("statements", statement))),
                "source_url": row.get("source_url"), "title": row.get("title"), "date": row.get("date"),
                "publisher": row.get("publisher"), "match": row["snippet"], "addressee": row.get("addressee"),
                "target": row.get("target"), "action": ACTIONS.get(row.get("action_category")),
                "organisation_id": organisation, "organisation": row.get("name"),
                "country": country_name(row["country"]) if row.get("country") else None,
            })
    return rows


def _as_json(found: SearchResults, rows: list[dict]) -> dict:
    return {
        "query": found.query, "filters": found.chosen, "sort": found.asked.sort, "notes": list(found.notes),
        # total: how many match; rows: how many are here (at most MAX_ROWS of each section)
        "sections": {section: {"total": results.total, "rows": len(results.rows)}
                     for section, results in found.sections.items()},
        "facets": {key: [{"value": value, "count": count} for value, count in counts]
                   for key, counts in found.facets.items()},
        "rows": rows,
    }


def _as_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, DOWNLOAD_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def plural(count: int, noun: str) -> str:
    """'1 statement', '2 statements', '1,200 signatories'."""
    if count == 1:
        return f"1 {noun}"
    return f"{count:,} " + (noun[:-1] + "ies" if noun.endswith("y") else noun + "s")
