"""The search page: statements, demands and organisations together, ranked, filtered, never failing."""

from __future__ import annotations

import asyncio
import re
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.plugin import MAX_SEARCH_WORDS, OPERATORS, fts_query
from db.publish import make_datasette

from .conftest import FIXTURES


@pytest.fixture
def datasette(sample_db, runner):
    from undersigned.cli import cli

    result = runner.invoke(cli, ["add", str(FIXTURES / "wordpress-statement.html"), "--db", str(sample_db)])
    assert result.exit_code == 0, result.output
    return make_datasette(sample_db)


async def page(datasette, **params) -> str:
    response = await datasette.client.get("/search", params=params)
    assert response.status_code == 200
    return response.text


async def test_one_search_finds_statements_demands_and_organisations(datasette):
    html = await page(datasette, q="release")
    assert html.count('class="result statement"') == 2
    assert html.count('class="result demand"') == 2  # "Immediately release ..." and "Release the three ..."
    assert "<mark>release</mark>" in html.lower()
    organisations = await page(datasette, q="alaskans")
    assert 'class="result organisation"' in organisations and "<mark>Alaskans</mark> for Tibet" in organisations


async def test_stemming_diacritics_phrases_and_operators(datasette):
    assert 'class="result statement"' in await page(datasette, q="Urumchi")
    assert 'class="result statement"' in await page(datasette, q="released")
    assert (await page(datasette, q='"national security law"')).count('class="result statement"') == 1
    assert (await page(datasette, q="Lhasa OR Tiananmen")).count('class="result statement"') == 2
    assert (await page(datasette, q="release NOT Lhasa")).count('class="result statement"') == 1


async def test_filters_beside_the_results_narrow_them(datasette):
    html = await page(datasette, q="tibet")
    assert 'data-filter="country"' in html and 'data-filter="year"' in html
    united_states = await page(datasette, q="tibet", country="US")
    assert 0 < united_states.count('class="result organisation"') < html.count('class="result organisation"')
    in_2024 = await page(datasette, q="release", year="2024")
    assert in_2024.count('class="result statement"') == 1


async def test_a_chosen_filter_is_shown_chosen_with_a_way_to_clear_it(datasette):
    html = await page(datasette, q="tibet", country="US")
    assert "<strong>United States</strong>" in html  # the name; the address keeps the code
    assert 'href="?q=tibet">clear</a>' in html


async def test_two_filters_narrow_together(datasette):
    assert (await page(datasette, q="release", year="2024", language="en")).count('class="result statement"') == 1
    assert (await page(datasette, q="release", year="2024", language="de")).count('class="result statement"') == 0


def test_a_query_sqlite_refuses_is_reported_not_raised(sample_db):
    from db.search import Asked, marked, search

    found = search(sqlite3.connect(sample_db), Asked('"unbalanced'), '"unbalanced', time_limit_ms=1000)
    assert found.error is not None and found.error.startswith("the search could not run: ")
    assert marked(None) == ""


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(a b)", "a OR", "NOT", "*", "-", "((", ")", "col:text",
                                   "'; drop table statements; --", "AND OR NOT", '"""', "^", "a NEAR b"])
async def test_no_query_makes_the_page_fail(datasette, query):
    html = await page(datasette, q=query)
    assert "the search could not run" not in html


async def test_snippets_show_scraped_markup_as_text(sample_db, runner):
    from undersigned.cli import cli

    runner.invoke(cli, ["add", str(FIXTURES / "hostile-statement.txt"), "--db", str(sample_db)])
    html = await page(make_datasette(sample_db), q="raid")
    assert "&lt;script&gt;" in html and "<script>alert" not in html


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_fts_query_turns_any_text_into_a_query_fts5_accepts(text):
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(x, tokenize='porter unicode61 remove_diacritics 2')")
    conn.execute("insert into t values ('tibet china uyghur release')")
    query = fts_query(text)
    if query:
        conn.execute("select count(*) from t where t match ?", [query]).fetchone()


@pytest.mark.parametrize("text, query", [
    ("OR tibet", '"tibet"'), ("AND NOT tibet", '"tibet"'), ("tibet OR OR china", '"tibet" OR "china"'),
    ("tibet NOT", '"tibet"'), ("OR", ""), ("NOT AND OR", ""), ("tibet AND AND china", '"tibet" AND "china"'),
    ("NOT tibet OR", '"tibet"'), ('OR "free tibet" OR', '"free tibet"'),
])
def test_an_operator_first_doubled_or_alone_is_left_out(text, query):
    assert fts_query(text) == query


@pytest.mark.parametrize("text", ["OR Urumchi", "Urumchi OR", "NOT Urumchi", "Urumchi AND AND released", "AND"])
async def test_the_search_page_takes_operators_anywhere(datasette, text):
    html = await page(datasette, q=text)
    assert "the search could not run" not in html
    words = [word for word in text.split() if word not in OPERATORS]
    assert html.count('class="result statement"') == (1 if words else 0)


# What a person might type, and what they might paste: words, operators in any case, quotes, stars,
# FTS5's own syntax, punctuation, control characters and any other text.
SEARCH_PIECES = st.one_of(
    st.sampled_from(["AND", "OR", "NOT", "and", "or", "NEAR", "NEAR(", "(", ")", '"', '""', "*", "**", "-", "^",
                     ":", "+", "title:", "{title}", "\t", "\x00", "\n", ",", "'"]),
    st.from_regex(r"[A-Za-zÜüéß0-9]{1,10}\*?", fullmatch=True),
    st.text(max_size=6),
)
SEARCHES = st.tuples(st.lists(SEARCH_PIECES, max_size=40), st.sampled_from([" ", "", "  "])).map(
    lambda drawn: drawn[1].join(drawn[0]))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=SEARCHES)
def test_any_search_becomes_a_bounded_query_fts5_accepts_and_the_page_answers(datasette, text):
    query = fts_query(text)
    terms = re.findall(r'"[^"]*"\*?|AND|OR|NOT', query)
    assert " ".join(terms) == query  # nothing but quoted terms and operators
    assert not terms or (terms[0] not in OPERATORS and terms[-1] not in OPERATORS)
    assert all(not (a in OPERATORS and b in OPERATORS) for a, b in zip(terms, terms[1:], strict=False))
    assert sum(len(re.findall(r"\w+", term)) for term in terms if term not in OPERATORS) <= MAX_SEARCH_WORDS
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(x, tokenize='porter unicode61 remove_diacritics 2')")
    if query:
        conn.execute("select count(*) from t where t match ?", [query]).fetchone()
    response = asyncio.run(datasette.client.get("/search", params={"q": text}))
    assert response.status_code == 200 and "the search could not run" not in response.text


def results(html: str, section: str) -> list[str]:
    """The links of one section's results, in order: each statement, demand's statement or organisation."""
    kind = {"statements": "statement", "demands": "demand", "organisations": "organisation"}[section]
    blocks = [block for block in re.split(r'(?=<div class="result |<h2 |<nav |<aside )', html)
              if block.startswith(f'<div class="result {kind}">')]
    return [re.findall(r'href="/undersigned/[a-z]+/([^"#]+)"', block)[0] for block in blocks]


def signed(sample_db, year: int) -> set[str]:
    return {row[0] for row in sqlite3.connect(sample_db).execute(
        "select organisation_id from signatures join statements on statements.id = statement_id "
        "where statements.year = ?", [year])}


async def test_a_year_narrows_every_section_through_its_statements(datasette, sample_db):
    every = await page(datasette, q="tibet OR release")
    in_2024 = await page(datasette, q="tibet OR release", year="2024")
    assert len(results(every, "statements")) == 2 and results(in_2024, "statements") == ["69a9db9924d2942d"]
    assert len(results(every, "demands")) == 3 and results(in_2024, "demands") == ["69a9db9924d2942d"]
    organisations = set(results(in_2024, "organisations"))
    assert len(organisations) == 3 and organisations <= signed(sample_db, 2024)
    in_2023 = set(results(await page(datasette, q="tibet", year="2023", organisations_page="4"), "organisations"))
    assert in_2023 and in_2023 <= signed(sample_db, 2023) and not in_2023 & organisations


async def test_a_country_narrows_statements_and_demands_to_those_its_organisations_signed(datasette):
    html = await page(datasette, q="tibet OR release", country="JP")  # only the 2023 statement has one
    assert results(html, "statements") == ["857d10024f3cd20e"]
    assert results(html, "demands") == ["857d10024f3cd20e", "857d10024f3cd20e"]
    assert len(results(html, "organisations")) == 3 and "<strong>Japan</strong>" in html


async def test_each_section_pages_on_its_own_and_keeps_the_other_pages(datasette):
    first = await page(datasette, q="tibet", organisations_page="1")
    second = await page(datasette, q="tibet", organisations_page="2")
    assert len(results(first, "organisations")) == 20 == len(results(second, "organisations"))
    assert not set(results(first, "organisations")) & set(results(second, "organisations"))
    assert "74 organisations: 21–40" in second
    assert 'href="?q=tibet&amp;organisations_page=3#organisations">next</a>' in second
    assert results(second, "statements") == results(first, "statements")  # the other sections stay on page 1
    assert 'href="?q=tibet&amp;year=2023">' in second  # a filter chosen starts every section at page 1 again
    last = await page(datasette, q="tibet", organisations_page="4")
    assert len(results(last, "organisations")) == 14 and "74 organisations: 61–74" in last
    every = (await datasette.client.get("/search.json", params={"q": "tibet"})).json()["rows"]
    shown = [row["organisation_id"] for row in every if row["section"] == "organisations"]
    assert shown[20:40] == results(second, "organisations")  # the download's order is the page's
    past = await page(datasette, q="tibet", organisations_page="9")
    assert "Page 9 is past the last of organisations (4)" in past


@pytest.mark.parametrize("params, message", [
    ({"q": "tibet", "sort": "newest"}, "sort=newest: a search sorts by relevance or date"),
    ({"q": "tibet", "demands_page": "0"}, "demands_page=0: a page is a number from 1 to 50"),
    ({"q": "tibet", "statements_page": "two"}, "statements_page=two: a page is a number from 1 to 50"),
    ({"q": "tibet", "organisations_page": "51"}, "organisations_page=51: a page is a number from 1 to 50"),
    ({"q": "tibet", "year": "20x4"}, "year=20x4: a year is a number of at most four digits"),
])
@pytest.mark.parametrize("path", ["/search", "/search.json", "/search.csv"])
async def test_a_sort_or_page_it_does_not_offer_is_a_bad_request_that_says_why(datasette, path, params, message):
    response = await datasette.client.get(path, params=params)
    assert response.status_code == 400 and message in response.text


async def test_sorted_by_date_the_newest_come_first(datasette):
    by_date = await page(datasette, q="release", sort="date")
    assert results(by_date, "statements") == ["69a9db9924d2942d", "857d10024f3cd20e"]  # 2024, then 2023
    assert results(by_date, "demands") == ["69a9db9924d2942d", "857d10024f3cd20e"]
    assert '<option value="date" selected>' in by_date
    rows = (await datasette.client.get("/search.json", params={"q": "release", "sort": "date"})).json()["rows"]
    assert [row["date"] for row in rows if row["section"] == "statements"] == ["2024-03-10", "2023-06-04"]
    organisations = await page(datasette, q="tibet", sort="date")
    newest = results(organisations, "organisations")[:5]
    assert set(newest) <= {"tibet-advocacy-group-de", "friends-of-tibet-ch", "tibet-justice-circle"} | set(newest[3:])
    assert set(newest[:3]) == {"tibet-advocacy-group-de", "friends-of-tibet-ch", "tibet-justice-circle"}


async def test_the_json_has_the_pages_rows_with_their_statements_and_addresses(datasette):
    html = await page(datasette, q="release", year="2024")
    found = (await datasette.client.get("/search.json", params={"q": "release", "year": "2024"})).json()
    assert found["query"] == "release" and found["filters"] == {"year": "2024"} and found["sort"] == "relevance"
    assert found["sections"] == {"statements": {"total": 1, "rows": 1}, "demands": {"total": 1, "rows": 1},
                                 "organisations": {"total": 0, "rows": 0}}
    statement, demand = found["rows"]
    assert [statement["section"], demand["section"]] == ["statements", "demands"]
    assert statement["statement_id"] == demand["statement_id"] == results(html, "statements")[0]
    assert statement["site_url"] == "http://localhost/undersigned/statements/69a9db9924d2942d"
    assert demand["match"] == "«Release» the three teachers immediately and unconditionally;"
    assert demand["action"] == "specific action" and demand["addressee"].startswith("Government of the People")
    assert found["facets"]["year"] == [{"value": 2024, "count": 1}]


async def test_the_csv_has_every_result_of_every_page_as_plain_text(datasette, sample_db):
    import csv
    import io

    response = await datasette.client.get("/search.csv", params={"q": "tibet OR release"})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    sections = [row["section"] for row in rows]
    assert sections.count("statements") == 2 and sections.count("demands") == 3
    assert sections.count("organisations") == 74  # all four pages of them
    assert "<mark>" not in response.text and "&lt;" not in response.text
    assert all("«" in row["match"] and "»" in row["match"] for row in rows)
    sources = dict(sqlite3.connect(sample_db).execute("select id, url from statements"))
    assert all(row["source_url"] == (sources[row["statement_id"]] or "") for row in rows if row["statement_id"])
    organisation = next(row for row in rows if row["organisation_id"] == "friends-of-tibet-ch")
    assert organisation["country"] == "Switzerland" and organisation["statement_id"] == ""
    assert organisation["site_url"] == "http://localhost/undersigned/organisations/friends-of-tibet-ch"
    download = await datasette.client.get("/search.csv", params={"q": "tibet", "_dl": "1"})
    assert download.headers["content-disposition"] == 'attachment; filename="search.csv"'


async def test_one_is_counted_in_the_singular(datasette):
    html = await page(datasette, q="release", year="2024")
    assert "<small>1 statement</small>" in html and "<small>1 demand</small>" in html
    assert "1 statement, 1 demand and 0 organisations" in html
    assert "1 statements" not in html and "1 demands" not in html
    assert "Germany · 1 statement</span>" in await page(datasette, q="advocacy")


async def test_no_filters_heading_when_nothing_matches(datasette):
    html = await page(datasette, q="nothingmatchesthisword")
    assert "No statement matches." in html and "<h3>Filters</h3>" not in html
    assert "<h3>Filters</h3>" in await page(datasette, q="tibet")


async def test_the_ranked_search_query_marks_the_match_with_guillemets_in_its_csv(datasette):
    csv_text = (await datasette.client.get("/undersigned/search_statements.csv", params={"q": "Urumchi"})).text
    assert "«Ürümchi»" in csv_text and "<mark>" not in csv_text


async def test_the_language_facet_names_languages(datasette):
    html = await page(datasette, q="tibet")
    assert re.search(r'data-filter="language">\s*<li><a href="[^"]*language=en">English</a>', html)


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory):
    """200 synthetic statements (bench/synthetic.py): dozens of publishers, addressees and countries, so that
    facets are cut to their largest counts."""
    from bench.build import build_with_loader
    from bench.synthetic import Corpus

    path = tmp_path_factory.mktemp("synthetic") / "synthetic.db"
    build_with_loader(path, Corpus(200, seed=3))
    return path


EXPECTED_FACETS = {  # each facet as counted by plain SQL over every match of the query
    "statements": ("select s.{column}, count(*) from statements_fts join statements as s on s.rowid = "
                   "statements_fts.rowid where statements_fts match ? and s.{column} is not null group by 1"),
    "demands": ("select d.{column}, count(*) from demands_fts join demand_rows as d on d.id = demands_fts.rowid "
                "where demands_fts match ? and d.{column} is not null group by 1"),
    "organisations": ("select o.{column}, count(*) from organisations_fts join organisations as o on o.rowid = "
                      "organisations_fts.rowid where organisations_fts match ? and o.{column} is not null group by 1"),
}
FACET_COLUMNS = {"year": "year", "publisher": "publisher", "language": "language", "kind": "kind",
                 "needs_review": "needs_review", "addressee": "addressee", "category": "action_category",
                 "country": "country"}


@pytest.mark.parametrize("rows_read_up_to", [3000, 0])  # the statements' facets from their rows, or their index
@pytest.mark.parametrize("text", ["rights", "chin*", "kakabriba OR uyghur"])
def test_counts_facets_and_the_first_page_are_those_plain_sql_finds(synthetic_db, monkeypatch, text,
                                                                    rows_read_up_to):
    from db import search as search_module

    monkeypatch.setattr(search_module, "ROWS_READ_UP_TO", rows_read_up_to)
    conn = sqlite3.connect(synthetic_db)
    query = fts_query(text)
    found = search_module.search(conn, search_module.Asked(text), query, time_limit_ms=10_000)
    for section, sql in EXPECTED_FACETS.items():
        total = conn.execute(f"select count(*) from {section}_fts where {section}_fts match ?", [query]).fetchone()[0]
        assert found.sections[section].total == total, section
        for key in search_module.FACETS[section]:
            counted = conn.execute(sql.format(column=FACET_COLUMNS[key]), [query]).fetchall()
            expected = sorted(counted, key=lambda item: (-item[1], str(item[0])))[:search_module.FACET_LIMIT]
            assert found.facets.get(key, []) == expected if total else key not in found.facets, key
    assert len(found.facets["publisher"]) == search_module.FACET_LIMIT  # more publishers than a facet shows
    ranked = [row[0] for row in conn.execute(
        "select s.id from statements_fts join statements as s on s.rowid = statements_fts.rowid where "
        "statements_fts match ? order by bm25(statements_fts, 5.0, 1.0), s.rowid limit 20", [query])]
    assert [row["statement_id"] for row in found.sections["statements"].rows] == ranked
