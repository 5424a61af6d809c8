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
    assert "<strong>US</strong>" in html
    assert 'href="?q=tibet">clear</a>' in html


async def test_two_filters_narrow_together(datasette):
    assert (await page(datasette, q="release", year="2024", language="en")).count('class="result statement"') == 1
    assert (await page(datasette, q="release", year="2024", language="de")).count('class="result statement"') == 0


def test_a_query_sqlite_refuses_is_reported_not_raised(sample_db):
    from db.search import marked, search

    found = search(sqlite3.connect(sample_db), '"unbalanced', '"unbalanced', {}, time_limit_ms=1000)
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
