"""Datasette plugin: safe search queries, highlighted snippets, the statement page, database download."""

from __future__ import annotations

import importlib
import json
import re
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils import tilde_decode, tilde_encode, to_css_class
from datasette.utils.asgi import AsgiFileDownload, BadRequest, Forbidden, NotFound, Response
from markupsafe import Markup, escape

from . import charts, home, table_heading, words
from .demands import OF_STATEMENTS
from .guard import guard_connection, is_visitor_work, visitor_work
from .headers import SecurityHeaders
from .search import marked_from_text
from .settings import CONNECTION_PRAGMAS, DATABASE_NAME, LISTING_COLUMNS, STATEMENT_FACETS

_TERM = re.compile(r'"[^"]*"?|[^\s"]+')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # a NUL ends an FTS5 string early
_WORD = re.compile(r"\w+")  # about what the index's tokenizer counts as a word

OPERATORS = ("AND", "OR", "NOT")
MAX_SEARCH_WORDS = 12  # every word is read from the index, those of phrases and prefixes too
MIN_PREFIX = 3  # letters before a *: "t*" reads the index of every word that begins with t


@dataclass(frozen=True)
class SafeQuery:
    query: str  # a valid FTS5 query; "" when nothing is left to search for
    notes: tuple[str, ...] = ()  # what was left out, for the person searching


def fts_query(text: str | None) -> str:
    return safe_query(text).query


def safe_query(text: str | None) -> SafeQuery:
    """Any user input as a valid FTS5 query: words and "quoted phrases", a trailing * kept as a prefix,
    and AND, OR, NOT in capitals between terms kept as operators; every other character is only text.
    At most MAX_SEARCH_WORDS words are searched, and a prefix needs MIN_PREFIX letters."""
    parts: list[str] = []
    notes: list[str] = []
    room = MAX_SEARCH_WORDS
    for term in _TERM.findall(_CONTROL.sub(" ", text or "")):
        if term in OPERATORS:
            if parts and parts[-1] not in OPERATORS:  # an operator needs a term before it
                parts.append(term)
            continue
        phrase, prefix = _phrase(term)
        words = _WORD.findall(phrase)
        if not words:
            continue
        if len(words) > room:
            notes.append(f"Only the first {MAX_SEARCH_WORDS} words were searched.")
            if not room:
                break
            phrase, prefix, words = " ".join(words[:room]), False, words[:room]
        if prefix and len(words[-1]) < MIN_PREFIX:
            notes.append(f"{term} was searched as a word: a * needs {MIN_PREFIX} letters before it.")
            prefix = False
        room -= len(words)
        parts.append(f'"{phrase}"' + ("*" if prefix else ""))
    while parts and parts[-1] in OPERATORS:  # an operator needs a term after it
        parts.pop()
    return SafeQuery(" ".join(parts), tuple(notes))


def _phrase(term: str) -> tuple[str, bool]:
    """What a term searches for, without quotes, and whether it is a prefix."""
    if term.startswith('"'):
        return " ".join(term.strip('"').split()), False
    return term.strip("*").replace('"', ""), term.endswith("*")


def table_search_query(text: str | None) -> str:
    """Datasette's table search (?_search=) as it was: every word and "quoted phrase" must match, with no
    operators or prefixes; but at most MAX_SEARCH_WORDS words, and never an FTS5 syntax error (Datasette's
    own escape_fts makes an empty query of a lone quote or a tab)."""
    terms: list[str] = []
    room = MAX_SEARCH_WORDS
    for term in _TERM.findall(_CONTROL.sub(" ", text or "")):
        words = _WORD.findall(term)
        if not words or not room:
            continue
        phrase = " ".join(term.replace('"', " ").split()) if len(words) <= room else " ".join(words[:room])
        room -= min(len(words), room)
        terms.append(f'"{phrase}"')
    return " ".join(terms) or '""'  # an empty phrase: a search with no words finds nothing


@hookimpl(trylast=True)  # after Datasette's own, so that its escape_fts is replaced by ours
def prepare_connection(conn: sqlite3.Connection, database: str) -> None:
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    if database == DATABASE_NAME:
        conn.create_function("escape_fts", 1, table_search_query, deterministic=True)
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma)
        guard_connection(conn)


@hookimpl
def asgi_wrapper(datasette):
    """Each request is marked as visitor-chosen work or not (db.guard), its answer carries the security
    headers (db.headers), and the statements page gets its default columns."""
    headers = SecurityHeaders(datasette)
    _without_rich()

    def wrap(app):
        async def guarded(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            scope = with_bounded_raw_search(with_default_columns(scope))
            arguments = [key for key, _ in parse_qsl(scope.get("query_string", b"").decode("latin-1"),
                                                     keep_blank_values=True)]
            canned = datasette.metadata("queries", database=DATABASE_NAME) or {}
            marked = visitor_work.set(is_visitor_work(scope["path"], arguments, canned, DATABASE_NAME))
            try:
                await app(scope, receive, await headers.sender(send))
            finally:
                visitor_work.reset(marked)
        return guarded
    return wrap


def _without_rich() -> None:
    """Where rich is installed, Datasette prints every error with it, the request's locals and headers
    included; and for an unknown path (a 404 raised outside an except block) rich itself fails, so that
    every unknown path answered 500. Without it, Datasette prints real errors' tracebacks plainly."""
    importlib.import_module("datasette.handle_exception").rich = None


DEFAULT_COLUMNS = {  # a table page's columns, unless the address chooses columns itself
    f"/{DATABASE_NAME}/statements": [("_col", column) for column in LISTING_COLUMNS],
}


def with_bounded_raw_search(scope: dict) -> dict:
    """Datasette's raw table search (?_searchmode=raw) hands FTS5 the text as it comes: a syntax error is a
    400, and a hundred prefixes are searched. Here it takes the syntax of /search, bounded the same way."""
    query_string = scope.get("query_string", b"")
    args = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    if ("_searchmode", "raw") not in args:
        return scope
    args = [(key, (fts_query(value) or '""') if key.startswith("_search") and key != "_searchmode" else value)
            for key, value in args]
    return {**scope, "query_string": urlencode(args).encode("latin-1")}


def with_default_columns(scope: dict) -> dict:
    extra = DEFAULT_COLUMNS.get(scope["path"])
    if not extra:
        return scope
    return {**scope, "query_string": with_columns(scope.get("query_string", b""), extra)}


def with_columns(query_string: bytes, columns: list[tuple[str, str]]) -> bytes:
    args = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    if any(key in ("_col", "_nocol") for key, _ in args):
        return query_string
    return urlencode(args + columns).encode("latin-1")


@hookimpl
def filters_from_request(request, database: str, table: str, datasette):
    """Not a filter: Datasette answers 500 to a sort it cannot do, here it is a 400 that names the sorts."""
    async def inner():
        sort, sort_desc = request.args.get("_sort"), request.args.get("_sort_desc")
        if sort and sort_desc:
            raise BadRequest("Cannot use _sort and _sort_desc at the same time")
        column = sort or sort_desc
        if column:
            sortable = await _sortable_columns(datasette, database, table)
            if column not in sortable:
                raise BadRequest(f"Cannot sort {table} by {column}; it sorts by {', '.join(sorted(sortable))}")
        return None
    return inner


async def _sortable_columns(datasette, database: str, table: str) -> set[str]:
    """As Datasette decides them: the table's sortable_columns in metadata, else every column; rowid too
    where the table has no primary key."""
    db = datasette.get_database(database)
    configured = datasette.table_metadata(database, table).get("sortable_columns")
    columns = set(configured) if configured is not None else set(await db.table_columns(table))
    return columns | ({"rowid"} if not await db.primary_keys(table) else set())


_ORGANISATION_PAGE = re.compile(rf"^/{DATABASE_NAME}/organisations/(?P<key>[^/]+?)(?P<format>\.json|\.csv)?$")


@hookimpl
def handle_exception(datasette, request, exception):
    """An organisation's old id (merged, joined, renamed: organisation_redirects) is a permanent redirect to
    its id now, not a 404."""
    match = _ORGANISATION_PAGE.match(request.path) if isinstance(exception, NotFound) else None
    if match is None:
        return None

    async def inner():
        db = datasette.get_database(DATABASE_NAME)
        found = (await db.execute("select organisation_id from organisation_redirects where old_id = ?",
                                  [tilde_decode(match["key"])])).first()
        if found is None:
            return None
        target = _organisation_url(datasette, DATABASE_NAME, found[0]) + (match["format"] or "")
        return Response.redirect(target + (f"?{request.query_string}" if request.query_string else ""), status=301)
    return inner


@hookimpl
def menu_links():
    return [{"href": "/search", "label": "Search everything"}, {"href": "/explore", "label": "Explore"}]


@hookimpl
def prepare_jinja2_environment(env) -> None:
    env.filters["table_rows"] = table_rows
    env.filters["country_name"] = words.country_name
    env.filters["action_category_name"] = words.action_category_name
    env.filters["language_name"] = words.language_name
    env.filters["warning_sentences"] = words.warning_sentences
    env.filters["facet_label"] = words.facet_label
    env.filters["in_reading_order"] = home.in_reading_order


def table_rows(rows) -> Markup:
    """The <tr>s of a rows table. Each cell's value is escaped unless it is already markup, as in a template."""
    return Markup("\n".join(
        "<tr>" + "".join(f'<td class="col-{to_css_class(cell["column"])} type-{cell["value_type"]}">'
                         f'{escape(cell["value"])}</td>' for cell in row) + "</tr>" for row in rows))


@hookimpl
def render_cell(value, column: str, database: str):
    """Snippets carry their matches in guillemets: <mark>ed on the page, everything else escaped, so scraped
    markup stays text. Countries, languages, action categories and warnings are shown in words (db.words)."""
    if column == "snippet" and isinstance(value, str):
        return marked_from_text(value)
    return words.cell(value, column) if database == DATABASE_NAME else None


@hookimpl
def extra_template_vars(view_name: str, table: str | None, database: str | None, request, datasette):
    if view_name == "database" and database:
        return {"allow_download": datasette.setting("allow_download") and _has_file(datasette, database)}
    if view_name == "table" and database == DATABASE_NAME and request is not None:
        return _table_page(datasette, database, table, request)
    if view_name == "row" and table == "statements" and request is not None:
        return _statement_page(datasette, database, tilde_decode(request.url_vars["pks"]))
    if view_name == "row" and table == "organisations" and request is not None:
        return _organisation_page(datasette, database, tilde_decode(request.url_vars["pks"]))
    return None


def _table_page(datasette, database: str, table: str, request):
    """A table page's heading in words where it filters codes (db.table_heading); the statements page's links."""
    async def inner():
        found = {}
        if table_heading.filters_codes(request):
            found["human_description_en"] = await table_heading.heading_in_words(datasette, database, table, request)
        if table == "statements":
            found.update(await _listing_links(datasette, database, request))
        return found
    return inner


async def _listing_links(datasette, database: str, request) -> dict:
    """Links for the statements page: every column, and each facet not yet shown."""
    columns = await datasette.get_database(database).table_columns("statements")
    args = parse_qsl(request.query_string, keep_blank_values=True)
    if [value for key, value in args if key == "_col"] == list(LISTING_COLUMNS):  # ours: left implicit
        args = [(key, value) for key, value in args if key != "_col"]
    kept = [(key, value) for key, value in args if key not in ("_col", "_nocol", "_next")]
    every = kept + [("_col", column) for column in columns if column != "id"]
    shown = {value for key, value in args if key == "_facet"}
    return {"every_column_url": request.path + "?" + urlencode(every),
            "facet_links": [(column, request.path + "?" + urlencode(args + [("_facet", column)]))
                            for column in STATEMENT_FACETS if column not in shown]}


SIGNED_ON_PAGE = 50  # the newest; a prolific group signs thousands, all listed by a canned query
PEOPLE_ON_PAGE = 50  # people who signed on its behalf, the newest; a canned query lists them all

CO_SIGNERS = """
with recent as (select statement as statement_id from signature_rows
                where organisation = (select rowid from organisations where id = :organisation)
                order by dated desc limit :window)
select organisations.id, organisations.name, organisations.country, count(*) as together
from recent join signature_rows as theirs on theirs.statement = recent.statement_id
join organisations on organisations.rowid = theirs.organisation and organisations.id != :organisation
group by organisations.id order by together desc, organisations.name limit :limit
"""
CO_SIGNING_WINDOW = 500  # statements: the newest, so that the page costs the same for a group in 50,000


class _Parts:
    """The parts of a row page, each read by one query. A part whose query the site's time limit stops is left
    out and named in `stopped`, and the page is drawn without it: on a loaded server one slow part made the
    whole page an error 500 (an organisation's page at 1,000,000 statements, under the bench's load test)."""

    def __init__(self, db):
        self.db = db
        self.stopped: list[str] = []

    async def rows(self, part: str, sql: str, params) -> list:
        try:
            return (await self.db.execute(sql, params)).rows
        except QueryInterrupted:
            self.stopped.append(part)
            return []


def _organisation_page(datasette, database: str, organisation_id: str):
    async def inner():
        db = datasette.get_database(database)
        organisation = (await db.execute("select * from organisations where id = ?", [organisation_id])).first()
        parts = _Parts(db)
        names = await parts.rows("the names it was written as",
                                 "select name_as_written, n_signatures from organisation_names "
                                 "where organisation_id = ? order by n_signatures desc, name_as_written",
                                 [organisation_id])
        signed = await parts.rows(
            "the statements it signed",
            "select statements.id, statements.date, statements.title, statements.publisher, "
            "coalesce(statements.copy_of, statements.id) as family from statements "
            "where rowid in (select statement from signature_rows where organisation = "
            "(select rowid from organisations where id = ?) order by dated desc limit ?) "
            "order by statements.date desc, statements.id", [organisation_id, SIGNED_ON_PAGE])
        signed_once = _once_a_family(signed)
        demands = await parts.rows("their demands", OF_STATEMENTS.format(ids="select value from json_each(?)"),
                                   [json.dumps([row["id"] for row in signed_once])])
        co_signers = await parts.rows("who it signs with most often", CO_SIGNERS,
                                      {"organisation": organisation_id, "limit": 20, "window": CO_SIGNING_WINDOW})
        people = await parts.rows(
            "the people who signed on its behalf",
            "select signatures.name, signatures.name_as_written, signatures.role, signatures.date, "
            "signatures.statement_id, statements.title, statements.publisher from signatures "
            "join statements on statements.id = signatures.statement_id where signatures.affiliation_id = ? "
            "order by signatures.date desc, signatures.statement_id, signatures.position limit ?",
            [organisation_id, PEOPLE_ON_PAGE + 1])
        return {
            "organisation": dict(organisation) if organisation else None,
            "names": [dict(row) for row in names],
            "signed": [{**row, "url": datasette.urls.row(database, "statements", tilde_encode(row["id"]))}
                       for row in signed_once],
            "every_statement_url": datasette.urls.database(database) + "/statements_signed_by?"
            + urlencode({"organisation": organisation_id}),
            "demands_by_statement": _grouped_demands(demands),
            "co_signing_window": CO_SIGNING_WINDOW,
            "co_signers": [{**row, "url": _organisation_url(datasette, database, row["id"])}
                           for row in map(dict, co_signers)],
            "people": [{**row, "url": datasette.urls.row(database, "statements", tilde_encode(row["statement_id"]))}
                       for row in map(dict, people[:PEOPLE_ON_PAGE])],
            "more_people": len(people) > PEOPLE_ON_PAGE,
            "every_person_url": datasette.urls.database(database) + "/people_signing_for?"
            + urlencode({"organisation": organisation_id}),
            "parts_stopped": parts.stopped,
        }

    return inner


def _once_a_family(rows) -> list[dict]:
    """A statement and its copies (db/families.py) listed once, where the first of them stands: by the canonical
    statement if it is among them."""
    kept: dict[str, dict] = {}
    for row in map(dict, rows):
        if row["family"] not in kept or row["id"] == row["family"]:
            kept[row["family"]] = row
    return list(kept.values())


def _grouped_demands(rows) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in map(dict, rows):
        grouped.setdefault(row["statement_id"], []).append(row)
    return grouped


def _has_file(datasette, database: str) -> bool:
    db = datasette.databases.get(database)
    return db is not None and bool(db.path)


def _statement_page(datasette, database: str, statement_id: str):
    async def inner():
        db = datasette.get_database(database)
        parts = _Parts(db)
        demands = await parts.rows("its demands", OF_STATEMENTS.format(ids="?"), [statement_id])
        signatures = await parts.rows(
            "its signatories",
            "select signatures.position, signatures.kind, signatures.name_as_written, signatures.organisation_id, "
            "signatures.name as person, signatures.role, signatures.affiliation, signatures.affiliation_id, "
            "organisations.name, organisations.country from signatures "
            "left join organisations on organisations.id = signatures.organisation_id "
            "where signatures.statement_id = ? order by signatures.position", [statement_id])
        statement = (await db.execute("select * from statements where id = ?", [statement_id])).first()
        family = await _family(datasette, database, db, dict(statement)) if statement else {}
        signed = [{**row, "url": _organisation_url(datasette, database, row["organisation_id"])}
                  for row in map(dict, signatures) if row["organisation_id"] is not None]
        people = [_person(datasette, database, row) for row in map(dict, signatures)
                  if row["organisation_id"] is None]
        return {
            "statement": dict(statement) if statement else None,
            "paragraphs": _paragraphs(statement["text"]) if statement else [],
            "demands": [dict(row) for row in demands],
            "signatures": signed,
            "signatures_by_country": _by_country(signed),
            "individuals": people,
            "people_shown_open": PEOPLE_SHOWN_OPEN,
            **family,
            "parts_stopped": parts.stopped,
        }

    return inner


RELATED = "select id, title, url, date, publisher, language from statements"


async def _family(datasette, database: str, db, statement: dict) -> dict:
    """Where else the statement is published (its family's canonical statement and the other copies), its
    translations, and the statements most like it (db/similar.py)."""
    canonical_id = statement.get("copy_of")
    canonical = (await db.execute(f"{RELATED} where id = ?", [canonical_id])).first() if canonical_id else None
    copies = await db.execute(f"{RELATED} where copy_of = ? and id != ? order by date, id",
                              [canonical_id or statement["id"], statement["id"]])
    translations = await db.execute(
        f"select statement_links.score, statements.* from statement_links join ({RELATED}) as statements "
        "on statements.id = statement_links.other_id where statement_links.statement_id = ? "
        "and statement_links.kind = 'translation' order by statements.language, statements.date",
        [statement["id"]])

    # statements like this: the copies and translations above are not listed again
    alike = await db.execute(
        f"select statement_similar.score, statements.* from statement_similar join ({RELATED}) as statements "
        "on statements.id = statement_similar.other_id where statement_similar.statement_id = :id "
        "and statement_similar.other_id not in (select other_id from statement_links where statement_id = :id) "
        "order by statement_similar.rank", {"id": statement["id"]})

    def page(row) -> dict:
        return {**dict(row), "page": datasette.urls.row(database, "statements", tilde_encode(row["id"]))}

    return {"canonical": page(canonical) if canonical else None,
            "copies": [page(row) for row in copies.rows],
            "translations": [page(row) for row in translations.rows],
            "alike": [page(row) for row in alike.rows]}


def _person(datasette, database: str, row: dict) -> dict:
    """A person as printed: name, then role, with the affiliation inside it linked where it resolved
    ("presidenta do <a>Conselho Mundial da Paz</a>")."""
    role, affiliation = row["role"] or "", row["affiliation"] or ""
    before, found, after = role.partition(affiliation) if affiliation else (role, "", "")
    if affiliation and not found:
        before, found, after = (f"{role}, " if role else ""), affiliation, ""
    url = _organisation_url(datasette, database, row["affiliation_id"]) if row["affiliation_id"] else None
    return {**row, "role_parts": (before, found, after), "affiliation_url": url}


PEOPLE_SHOWN_OPEN = 30  # a longer list of people is folded away under its heading, a click from view


def _by_country(signatures: list[dict]) -> list[tuple[str, list[dict]]]:
    """Signatories grouped by country, countries by name, the unplaced last; printed order within each."""
    groups: dict[str | None, list[dict]] = {}
    for signature in signatures:
        groups.setdefault(signature["country"], []).append(signature)
    named = sorted(((words.country_name(code), rows) for code, rows in groups.items() if code), key=lambda g: g[0])
    return named + ([(words.NO_COUNTRY, groups[None])] if None in groups else [])


def _organisation_url(datasette, database: str, organisation_id: str) -> str:
    return datasette.urls.row(database, "organisations", tilde_encode(organisation_id))


def _paragraphs(text: str) -> list[list[str]]:
    """The stored text split into paragraphs, each a list of its lines."""
    return [paragraph.split("\n") for paragraph in text.split("\n\n") if paragraph.strip()]


@hookimpl
def register_routes():
    from .search_page import search_download, search_page  # it imports this module's helpers

    return [
        (r"^/(?P<database>[^/]+)\.db$", download_database),
        (r"^/robots\.txt$", robots_txt),
        (r"^/$", home_page),
        (r"^/search$", search_page),
        (r"^/search\.(?P<format>json|csv)$", search_download),
        (r"^/explore$", explore_page),
        (r"^/sitemap\.xml$", sitemap_index),
        (r"^/sitemap-(?P<part>[1-9]\d{0,5})\.xml$", sitemap_part),  # a million parts is 50 billion pages
    ]


SITEMAP_LIMIT = 50_000  # URLs per sitemap file, as the sitemaps protocol allows
SITEMAP_PAGES = "select 'statements', id from statements union all select 'organisations', id from organisations"


async def home_page(datasette, request):
    """The home page (db.home), in place of Datasette's list of databases: that page asked for every table's
    columns, keys and count, and cost several times what the home page's own queries cost."""
    name, db = statements_database(datasette)
    context = await home.page_context(datasette, name, db)
    page = await datasette.render_template("home.html", context, request=request, view_name="home")
    return Response.html(page)


CHARTS = {
    "Statements per year": charts.statements_per_year,
    "Organisations per country (the 25 with most)": charts.organisations_per_country,
    "Signatures per country (the 25 with most)": charts.signatures_per_country,
}


async def explore_page(datasette, request):
    """Charts drawn as SVG on the server, so the site needs nothing from elsewhere to show them; each bar
    links to the listing it counts."""
    name, db = statements_database(datasette)
    drawn = {title: charts.layout(await db.execute_fn(count), charts.linker(datasette, name))
             for title, count in CHARTS.items()}
    queries = datasette.metadata("queries", database=name) or {}
    page = await datasette.render_template("explore.html", {
        "charts": drawn, "database": name,
        "queries": [(datasette.urls.query(name, key), query.get("title", key)) for key, query in queries.items()],
    }, request=request)
    return Response.html(page)


async def robots_txt(datasette, request):
    """Crawlers may read every statement and organisation page, not query strings, searches or SQL."""
    base = base_url(request)
    lines = ["User-agent: *", "Disallow: /*?", "Disallow: /*.db$", "Disallow: /-/", "Disallow: /*.csv",
             "Disallow: /*.json", "Allow: /", "", f"Sitemap: {base}/sitemap.xml", ""]
    return Response.text("\n".join(lines))


def statements_database(datasette):
    """(name, database) of the statements database: the one file Datasette serves (see db.publish)."""
    return next((name, db) for name, db in datasette.databases.items() if not db.is_memory and name != "_internal")


async def sitemap_index(datasette, request):
    _, db = statements_database(datasette)
    count = (await db.execute(f"select count(*) from ({SITEMAP_PAGES})")).first()[0]
    parts = max(1, -(-count // SITEMAP_LIMIT))
    base = base_url(request)
    entries = "".join(f"<sitemap><loc>{escape(base)}/sitemap-{n}.xml</loc></sitemap>" for n in range(1, parts + 1))
    return _xml(f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>')


async def sitemap_part(datasette, request):
    part = int(request.url_vars["part"])
    name, db = statements_database(datasette)
    rows = await db.execute(f"{SITEMAP_PAGES} limit {SITEMAP_LIMIT} offset {(part - 1) * SITEMAP_LIMIT}")
    if part > 1 and not rows.rows:
        raise NotFound("No such sitemap")
    base = base_url(request)
    urls = "".join(f"<url><loc>{escape(base + datasette.urls.row(name, table, tilde_encode(key)))}</loc></url>"
                   for table, key in rows.rows)
    return _xml(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')


_HOST = re.compile(r"(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?")


def base_url(request) -> str:
    """The site's address as the request names it; a Host header that is not a host name is refused, or it
    would be written into robots.txt and the sitemaps as it came."""
    if request.scheme not in ("http", "https") or not _HOST.fullmatch(request.host):
        raise BadRequest("The Host header is not a host name")
    return f"{request.scheme}://{request.host}"


def _xml(body: str) -> Response:
    return Response(f'<?xml version="1.0" encoding="UTF-8"?>\n{body}', content_type="application/xml; charset=utf-8")


_snapshots: dict[str, tuple[tuple, Path]] = {}
_snapshot_dir = tempfile.TemporaryDirectory(prefix="undersigned-download-")
_snapshot_lock = threading.Lock()


async def download_database(datasette, request):
    """The whole database as one file; a live (mutable) one is copied first with SQLite's backup API,
    so the download is consistent even while statements are being added."""
    name = tilde_decode(request.url_vars["database"])
    db = datasette.databases.get(name)
    if db is None or not db.path:
        raise NotFound("No such database")
    if not datasette.setting("allow_download") or not await datasette.permission_allowed(
            request.actor, "view-database-download", resource=name, default=True):
        raise Forbidden("Database download is forbidden")
    path = Path(db.path) if not db.is_mutable else await db.execute_fn(lambda conn: _snapshot(conn, name, db.path))
    return AsgiFileDownload(path, filename=f"{name}.db", content_type="application/vnd.sqlite3")


def _snapshot(conn: sqlite3.Connection, name: str, source: str) -> Path:
    version = tuple((stat.st_mtime_ns, stat.st_size) for stat in _file_stats(source))
    with _snapshot_lock:
        cached = _snapshots.get(name)
        if cached and cached[0] == version and cached[1].exists():
            return cached[1]
        target = Path(_snapshot_dir.name) / f"{name}.db"
        partial = target.with_suffix(".partial")
        copy = sqlite3.connect(partial)
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            copy.close()
        partial.replace(target)
        _snapshots[name] = (version, target)
        return target


def _file_stats(source: str):
    for path in (Path(source), Path(source + "-wal")):
        if path.exists():
            yield path.stat()
