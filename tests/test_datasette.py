"""The published site through Datasette's own client: search, pages, CSV/JSON, download."""

from __future__ import annotations

import csv
import html
import io
import re
import sqlite3

import pytest
from bs4 import BeautifulSoup
from datasette.tracer import capture_traces

from db.archive import archive_path
from db.guard import GuardedDatabase
from db.load import statement_id
from db.publish import make_datasette
from db.published import TABLE_COUNT_LIMIT_MS
from ingest.files import read_file

from .conftest import FIXTURES, SAMPLE, SEED_GOLD

STATEMENT = statement_id(read_file(SAMPLE))


@pytest.fixture
def datasette(sample_db):
    return make_datasette(sample_db)


async def get_json(datasette, path: str):
    response = await datasette.client.get(path)
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()


async def test_tables_hold_one_statement_four_demands_121_signatures(datasette):
    counts = {}
    for table in ("statements", "demands", "signatures", "organisations"):
        data = await get_json(datasette, f"/undersigned/{table}.json?_size=0")
        counts[table] = data["filtered_table_rows_count"]
    assert counts == {"statements": 1, "demands": 4, "signatures": 121, "organisations": 121}


@pytest.mark.parametrize("query", ["Urumchi", "ürümchi", '"national security law"', "released"])
async def test_table_search_folds_diacritics_stems_and_takes_phrases(datasette, query):
    rows = await get_json(datasette, f"/undersigned/statements.json?_search={query}&_shape=array&_col=id")
    assert [row["id"] for row in rows] == [STATEMENT]


async def test_a_phrase_that_is_not_in_the_text_finds_nothing(datasette):
    rows = await get_json(datasette, '/undersigned/statements.json?_search="security national law"&_shape=array')
    assert rows == []


@pytest.mark.parametrize("query, found", [
    ("release", 1), ('"national security legislation"', 1), ('"security national"', 0)])
async def test_the_demands_table_searches_its_text(datasette, query, found):
    data = await get_json(datasette, f"/undersigned/demands.json?_search={query}&_size=0")
    assert data["filtered_table_rows_count"] == found


async def test_ranked_search_query_returns_a_highlighted_snippet(datasette):
    rows = await get_json(datasette, "/undersigned/search_statements.json?q=Urumchi&_shape=array")
    assert [row["id"] for row in rows] == [STATEMENT]
    assert "«Ürümchi»" in rows[0]["snippet"]  # plain text, as in the CSV; the page <mark>s it
    page = await datasette.client.get("/undersigned/search_statements?q=Urumchi")
    assert "<mark>Ürümchi</mark>" in page.text


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(", "a OR", "*", "-hyphen-", "col:text", "((", "'"])
async def test_ranked_search_never_errors_whatever_it_is_given(datasette, query):
    response = await datasette.client.get("/undersigned/search_statements.json", params={"q": query})
    assert response.status_code == 200


async def test_prefix_search_with_a_star(datasette):
    rows = await get_json(datasette, "/undersigned/search_statements.json?q=Ürüm*&_shape=array")
    assert [row["id"] for row in rows] == [STATEMENT]


async def test_csv_of_the_statements_signatures_has_121_rows(datasette):
    response = await datasette.client.get(
        f"/undersigned/signatures.csv?statement_id={STATEMENT}&_size=max&_sort=position")
    assert response.status_code == 200
    reader = list(csv.DictReader(io.StringIO(response.text)))
    assert len(reader) == 121
    assert [row["name_as_written"] for row in reader] == SEED_GOLD["signatories"]["organisations"]


async def test_canned_queries_for_signatories_and_an_organisations_statements(datasette):
    signatories = await get_json(
        datasette, f"/undersigned/signatories_of_statement.json?statement_id={STATEMENT}&_shape=array&_size=max")
    assert len(signatories) == 121
    students = [row for row in signatories if row["organisation_id"].startswith("students-for-a-free-tibet")]
    # Chapters stay apart; "SFT Japan" and "SFT-India" join theirs through db/curation/aliases.json.
    assert [(row["organisation_id"], row["country"]) for row in students] == [
        ("students-for-a-free-tibet-jp", "JP"), ("students-for-a-free-tibet-in", "IN"),
        ("students-for-a-free-tibet", None), ("students-for-a-free-tibet-ca", "CA"),
        ("students-for-a-free-tibet-fr", "FR"), ("students-for-a-free-tibet-gb", "GB"),
        ("students-for-a-free-tibet-dk", "DK")]
    signed = await get_json(datasette, "/undersigned/statements_signed_by.json?organisation=alaskans&_shape=array")
    assert [(row["statement_id"], row["name_as_written"]) for row in signed] == [(STATEMENT, "Alaskans for Tibet")]


async def test_statement_page_shows_its_text_demands_and_signatories(datasette):
    response = await datasette.client.get(f"/undersigned/statements/{STATEMENT}")
    assert response.status_code == 200
    html = response.text
    assert html.count('<li>\n      <span class="party">of governments, on China</span>') == 4
    assert "Demands (4)" in html and "Signatories (121; the statement says 121)" in html
    for name in SEED_GOLD["signatories"]["organisations"]:
        escaped = name.replace("&", "&amp;").replace("’", "’")
        assert f">{escaped}</a></li>" in html, name
    assert 'href="https://tibetnetwork.org/remembering-tiananmen-2023"' in html
    assert "Ürümchi, November 2022" in html


async def test_facets_are_computed_where_asked_for_or_configured(datasette):
    assert (await get_json(datasette, "/undersigned/statements.json"))["facet_results"] == {}
    listing = (await datasette.client.get("/undersigned/statements?_facet=kind")).text
    offered = dict(re.findall(r'<a href="([^"]+)">([\w ]+)</a>', listing.split('class="facet-links"')[1][:2000]))
    assert sorted(offered.values()) == ["language", "needs review", "publisher", "year"]  # kind is shown
    path = html.unescape(next(url for url, name in offered.items() if name == "year")).replace("statements?",
                                                                                             "statements.json?")
    facets = (await get_json(datasette, path))["facet_results"]
    assert set(facets) == {"kind", "year"}
    assert [(f["value"], f["count"]) for f in facets["kind"]["results"]] == [("joint_statement", 1)]
    assert [(f["value"], f["count"]) for f in facets["year"]["results"]] == [(2023, 1)]
    demand_facets = (await get_json(datasette, "/undersigned/demands.json"))["facet_results"]
    assert [(f["value"], f["count"]) for f in demand_facets["addressee"]["results"]] == [("governments", 4)]
    every_country = "/undersigned/organisations.json?_facet_size=max"
    organisation_facets = (await get_json(datasette, every_country))["facet_results"]
    assert ("GB", 2) in [(f["value"], f["count"]) for f in organisation_facets["country"]["results"]]


async def test_the_statement_listing_leaves_the_full_text_to_the_statement_page(datasette):
    listing = (await datasette.client.get("/undersigned/statements")).text
    headers = re.findall(r'<th [^>]*data-column="([\w-]+)"', listing)
    assert headers[:3] == ["id", "title", "date"] and "text" not in headers and "document_id" not in headers
    every = html.unescape(re.search(r'<a href="([^"]+)">Show every column', listing).group(1))
    assert "text" in re.findall(r'<th [^>]*data-column="([\w-]+)"', (await datasette.client.get(every)).text)
    chosen = (await datasette.client.get("/undersigned/statements?_col=text")).text
    assert re.findall(r'<th [^>]*data-column="([\w-]+)"', chosen) == ["id", "text"]
    assert "text" in (await get_json(datasette, "/undersigned/statements.json"))["columns"]  # downloads are whole


async def test_the_whole_database_downloads_as_a_consistent_sqlite_file(datasette, tmp_path):
    database_page = await datasette.client.get("/undersigned")
    assert 'href="/undersigned.db"' in database_page.text
    response = await datasette.client.get("/undersigned.db")
    assert response.status_code == 200
    copy = tmp_path / "download.db"
    copy.write_bytes(response.content)
    with sqlite3.connect(copy) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        assert conn.execute("select count(*) from signatures").fetchone() == (121,)


async def test_scraped_markup_stays_text_in_snippets(sample_db):
    from sqlite_utils import Database

    Database(sample_db).execute(
        "update statements set text = text || ' <script>alert(1)</script><img src=x onerror=alert(2)> Ürümchi'")
    datasette = make_datasette(sample_db)
    page = await datasette.client.get("/undersigned/search_statements?q=onerror")
    assert "<script>alert(1)" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;" in page.text


async def test_an_untitled_statement_is_named_by_publisher_and_date(datasette):
    html = (await datasette.client.get(f"/undersigned/statements/{STATEMENT}")).text
    assert "<h1>Statement by International Tibet Network, 2023-06-04</h1>" in html
    assert "<title>Statement by International Tibet Network, 2023-06-04</title>" in html


async def test_an_immutable_database_serves_and_downloads_the_file_itself(sample_db):
    datasette = make_datasette(sample_db, immutable=True)
    rows = await get_json(datasette, "/undersigned/statements.json?_search=Urumchi&_shape=array")
    assert len(rows) == 1
    response = await datasette.client.get("/undersigned.db")
    assert response.status_code == 200
    assert response.content[:16] == b"SQLite format 3\x00"


async def test_statement_page_names_each_demands_action_category(datasette):
    html = (await datasette.client.get(f"/undersigned/statements/{STATEMENT}")).text
    assert html.count("general action</span>") == 1 and html.count("specific action</span>") == 3


@pytest.mark.parametrize("query, params, expected", [
    ("statements_by_year_and_publisher", {}, [{"year": 2023, "publisher": "International Tibet Network",
                                                "statements": 1, "organisations_signing": 121,
                                                "individuals_signing": 0}]),
    ("demands_addressed_to", {"body": "China"}, 4),
    ("demands_addressed_to", {"body": "nobody at all"}, 0),
    ("organisations_signing_most", {}, 121),
    ("term_over_time", {"term": '"national security law"'}, [{"year": 2023, "statements": 1}]),
    ("term_over_time", {"term": "Urumchi"}, [{"year": 2023, "statements": 1}]),
    ("co_signatories", {"organisation": "Free Tibet Fukuoka"}, 120),
    ("organisations_by_country", {}, None),
])
async def test_every_canned_query_answers(datasette, query, params, expected):
    response = await datasette.client.get(f"/undersigned/{query}.json", params={**params, "_shape": "array",
                                                                                "_size": "max"})
    assert response.status_code == 200, response.text[:300]
    rows = response.json()
    if isinstance(expected, int):
        assert len(rows) == expected
    elif expected is not None:
        assert rows == expected
    else:
        assert sum(row["organisations"] for row in rows) == 121


@pytest.mark.parametrize("term", ['"unbalanced', "NEAR(", "a OR", "*", "-", "(", "'; drop table statements; --"])
async def test_the_term_query_takes_hostile_input_too(datasette, term):
    response = await datasette.client.get("/undersigned/term_over_time.json", params={"term": term})
    assert response.status_code == 200


async def test_robots_txt_keeps_crawlers_off_queries_and_points_at_the_sitemap(datasette):
    robots = (await datasette.client.get("/robots.txt")).text
    assert "Disallow: /*?" in robots and "Disallow: /*.db$" in robots
    assert "Sitemap: http://localhost/sitemap.xml" in robots


async def test_the_sitemap_lists_every_statement_and_organisation_page(datasette):
    index = (await datasette.client.get("/sitemap.xml")).text
    assert "<loc>http://localhost/sitemap-1.xml</loc>" in index
    urlset = (await datasette.client.get("/sitemap-1.xml")).text
    assert urlset.count("<url>") == 1 + 121
    assert f"<loc>http://localhost/undersigned/statements/{STATEMENT}</loc>" in urlset
    assert "<loc>http://localhost/undersigned/organisations/tibetmichigan</loc>" in urlset
    assert (await datasette.client.get("/sitemap-2.xml")).status_code == 404


async def test_statement_page_groups_its_signatories_by_country(datasette):
    html = (await datasette.client.get(f"/undersigned/statements/{STATEMENT}")).text
    assert "<dt>United States (8)</dt>" in html and "<dt>Country not known (37)</dt>" in html
    assert html.index("<dt>Australia (") < html.index("<dt>United States (") < html.index("<dt>Country not known")


async def counted(datasette, path: str) -> tuple[dict, list[str]]:
    """A page's JSON, and the counts its SQLite connections were asked."""
    traces: list[dict] = []
    with capture_traces(traces):
        data = await get_json(datasette, path)
    return data, [trace["sql"] for trace in traces if trace["sql"].startswith("select count(*) from")]


async def test_an_immutable_database_starts_without_counting_and_counts_each_view_by_its_table(sample_db):
    conn = sqlite3.connect(sample_db)  # counting it fails: the site must start all the same
    conn.execute("create view uncountable as select * from statements, json_each('not json')")
    conn.close()
    datasette = make_datasette(sample_db, immutable=True)
    assert datasette.inspect_data["undersigned"]["tables"] == {}
    seen = {}
    for table, count in (("statements", 1), ("signatures", 121), ("demands", 4)):
        for _ in range(2):  # counted once
            data, seen[table] = await counted(datasette, f"/undersigned/{table}.json?_size=0")
            assert data["filtered_table_rows_count"] == count
    assert seen == {"statements": [], "signatures": [], "demands": []}  # the second time, from memory
    listed = await get_json(datasette, "/undersigned.json")  # the database page's counts
    assert {table["name"]: table["count"] for table in listed["tables"]}["signature_rows"] == 121


async def test_a_published_file_is_served_without_counting_its_tables_for_longer_than_a_page_may(sample_db,
                                                                                                    monkeypatch):
    """Datasette counts every table of an immutable file before its first page, each within an hour."""
    limits = []
    execute = GuardedDatabase.execute

    async def recorded(self, sql, *args, **options):
        if sql.startswith("select count(*)"):
            limits.append(options.get("custom_time_limit"))
        return await execute(self, sql, *args, **options)

    monkeypatch.setattr(GuardedDatabase, "execute", recorded)
    assert (await make_datasette(sample_db, immutable=True).client.get("/")).status_code == 200
    assert limits and max(limits) <= TABLE_COUNT_LIMIT_MS


async def test_a_published_view_is_counted_by_its_table_not_through_its_joins(sample_db):
    data, sql = await counted(make_datasette(sample_db, immutable=True), "/undersigned/signatures.json?_size=0")
    assert data["filtered_table_rows_count"] == 121 and "select count(*) from [signature_rows]" in sql
    assert not [query for query in sql if "signatures" in query]


async def test_explore_draws_its_charts_as_svg_and_lists_the_questions(datasette):
    html = (await datasette.client.get("/explore")).text
    assert html.count("<svg class=\"chart\"") == 3 and "<title>2023: 1</title>" in html
    assert html.count("<title>United States: 8</title>") == 2  # organisations and their signatures
    assert html.count("<title>Country not known: 37</title>") == 2
    assert '<a href="/undersigned/organisations?country=US" class="bar"' in html
    assert html.count('<li><a href="/undersigned/') == 13  # the canned queries
    home = (await datasette.client.get("/")).text
    assert 'href="/search"' in home and 'href="/explore"' in home


PUBLISHED_PAGES = ("/undersigned/statements?_facet=year&_facet=publisher", f"/undersigned/statements/{STATEMENT}",
                   "/undersigned/organisations/tibetmichigan", "/undersigned/signatures?_facet=organisation_id",
                   "/undersigned/search_statements?q=Tibet", "/search?q=Tibet")
_QUERY_TIME = re.compile(r"Queries took [\d.]+ms")


async def test_a_published_database_serves_the_same_pages_twice_over(sample_db):
    mutable = make_datasette(sample_db)
    published = make_datasette(sample_db, immutable=True)
    for path in PUBLISHED_PAGES:
        expected = _QUERY_TIME.sub("", (await mutable.client.get(path)).text)
        for _ in range(2):  # the second time, its schema comes from memory
            response = await published.client.get(path)
            assert response.status_code == 200, path
            assert _QUERY_TIME.sub("", response.text) == expected, path


async def test_a_published_database_asks_sqlite_about_its_schema_once(sample_db, monkeypatch):
    datasette = make_datasette(sample_db, immutable=True)
    trips = {}
    for name, database in datasette.databases.items():  # the statements and Datasette's _internal
        monkeypatch.setattr(database, "execute_fn", _counted(database.execute_fn, trips.setdefault(name, [])))
    page = "/undersigned/statements?_facet=year&_facet=publisher"
    await datasette.client.get(page)
    first = {name: len(calls) for name, calls in trips.items()}
    for calls in trips.values():
        calls.clear()
    assert (await datasette.client.get(page)).status_code == 200
    assert len(trips["undersigned"]) == 3 < first["undersigned"]  # the rows and two facets; no schema
    assert len(trips["_internal"]) == 0 < first["_internal"]  # no schema versions compared again


def _counted(execute_fn, calls: list):
    def counting(fn):
        calls.append(fn)
        return execute_fn(fn)
    return counting


async def test_a_published_database_hands_out_copies_of_what_it_remembers(sample_db):
    database = make_datasette(sample_db, immutable=True).get_database("undersigned")
    columns = await database.table_columns("statements")
    columns.append("not a column")
    assert await database.table_columns("statements") == columns[:-1]


async def test_a_published_database_still_answers_once_its_memory_is_full(sample_db, monkeypatch):
    from db import published

    monkeypatch.setattr(published, "REMEMBERED_ANSWERS", 0)
    database = make_datasette(sample_db, immutable=True).get_database("undersigned")
    assert "text" in await database.table_columns("statements")
    assert (await database.execute("select count(*) from sqlite_master")).single_value() > 0
    assert database._answers == {}


async def test_listed_rows_escape_scraped_markup_and_keep_their_links(sample_db, runner):
    from undersigned.cli import cli

    result = runner.invoke(cli, ["add", str(FIXTURES / "hostile-statement.txt"), "--db", str(sample_db),
                                 "--title", "<b onmouseover=alert(1)>Raid</b> & more"])
    assert result.exit_code == 0, result.output
    page = (await make_datasette(sample_db).client.get("/undersigned/statements?_sort=title")).text
    assert '<td class="col-title type-str">&lt;b onmouseover=alert(1)&gt;Raid&lt;/b&gt; &amp; more</td>' in page
    assert f'<td class="col-id type-pk"><a href="/undersigned/statements/{STATEMENT}">{STATEMENT}</a></td>' in page


async def test_listing_headers_sort_both_ways_and_describe_their_columns(datasette):
    page = (await datasette.client.get("/undersigned/organisations?_sort=name")).text
    headers = {th["data-column"]: th for th in BeautifulSoup(page, "lxml").select("table.rows-and-columns th")}
    name, country = headers["name"], headers["country"]
    assert "_sort_desc=name" in name.a["href"] and name.a.get_text() == "name\xa0▼"
    assert "_sort=country" in country.a["href"] and "_sort=name" not in country.a["href"]
    assert headers["id"]["data-is-pk"] == "1" and name["data-column-type"] == "text"
    assert name["data-column-description"] and headers["country_source"].a is None  # not sortable


async def test_the_statement_page_shows_scraped_markup_as_text(sample_db, runner):
    """Each part of a hostile statement (its text, a demand, a signatory) is escaped on its own page."""
    from undersigned.cli import cli

    result = runner.invoke(cli, ["add", str(FIXTURES / "hostile-statement.txt"), "--db", str(sample_db),
                                 "--url", "https://example.org/raid"])
    assert result.exit_code == 0, result.output
    raid = statement_id(read_file(FIXTURES / "hostile-statement.txt", {"url": "https://example.org/raid"}))
    page = (await make_datasette(sample_db).client.get(f"/undersigned/statements/{raid}")).text
    demands = page.split('<ol class="demands">')[1].split("</ol>")[0]
    assert "Release &lt;b onmouseover=alert(&#34;item&#34;)&gt;everyone&lt;/b&gt; detained;" in demands
    assert "Read &lt;a href=&#34;javascript:alert(&#39;link&#39;)&#34;&gt;this&lt;/a&gt; report." in demands
    text = page.split('<section class="text">')[1].split("</section>")[0]
    assert "the raid &lt;script&gt;alert(&#34;text&#34;)&lt;/script&gt; and" in text
    assert "&lt;script&gt;alert(&#34;name&#34;)&lt;/script&gt; Network</a>" in page
    for raw in ("<b onmouseover", '<a href="javascript:', "<script>alert(", "<img src=x"):
        assert raw not in page


@pytest.mark.parametrize("immutable", [False, True])
async def test_the_site_and_its_download_are_the_knowledge_base_alone(sample_db, tmp_path, immutable):
    datasette = make_datasette(sample_db, immutable=immutable)
    listed = await get_json(datasette, "/undersigned.json")
    tables = {table["name"] for table in listed["tables"]}
    assert "statements" in tables and "signatures" in {view["name"] for view in listed["views"]}
    assert not tables & {"documents", "statement_versions", "crawl_runs", "crawl_queue", "dictionaries"}
    assert (await datasette.client.get("/undersigned/documents")).status_code == 404
    copy = tmp_path / "download.db"
    copy.write_bytes((await datasette.client.get("/undersigned.db")).content)
    with sqlite3.connect(copy) as conn:
        assert conn.execute("select count(*) from sqlite_master where name = 'documents'").fetchone() == (0,)
        assert conn.execute("select count(*) from statements").fetchone() == (1,)
    with sqlite3.connect(archive_path(sample_db)) as conn:  # the archive is beside it, whole
        assert conn.execute("select count(*) from documents").fetchone() == (1,)


