"""What one request may cost: values, columns, answers, functions, time, and threads (db/guard.py)."""

from __future__ import annotations

import asyncio
import csv
import io
import sqlite3
import threading
import time

import pytest

from db import guard, publish
from db.guard import GuardedDatabase, is_visitor_work, visitor_work
from db.publish import make_datasette
from db.settings import SETTINGS, VALUE_LIMIT_BYTES


def doubled(times: int) -> str:
    """SQL for a string of 2**times x's, made without printf or zeroblob."""
    sql = "'x'"
    for _ in range(times):
        sql = f"replace({sql}, 'x', 'xx')"
    return sql


@pytest.fixture(params=[False, True], ids=["live", "published"])
def datasette(request, sample_db):
    return make_datasette(sample_db, immutable=request.param)


async def sql(datasette, query: str, **params):
    return await datasette.client.get("/undersigned.json", params={"sql": query, **params})


async def test_no_value_may_be_longer_than_the_value_limit(datasette):
    assert 2**22 > VALUE_LIMIT_BYTES >= 2**21
    fits = await sql(datasette, f"select length({doubled(20)}) as n")
    assert fits.status_code == 200 and fits.json()["rows"] == [[2**20]]
    for too_long in (f"select {doubled(22)}", "with recursive r(n) as (select 1 union all select n + 1 from r "
                     "limit 200) select length(group_concat(text || text || text)) from statements, r"):
        response = await sql(datasette, too_long)
        assert response.status_code == 400, response.text[:300]
        assert "a value would be longer than 2 MiB" in response.json()["error"]


async def test_a_table_page_answers_a_value_too_long_with_400_not_500(datasette):
    response = await datasette.client.get("/undersigned/statements.json",
                                          params={"_where": f"length({doubled(22)}) > 0"})
    assert response.status_code == 400
    assert "longer than 2 MiB" in response.json()["error"]


async def test_an_answer_stops_at_its_byte_bound(sample_db, monkeypatch):
    monkeypatch.setattr(guard, "ANSWER_LIMIT_BYTES", 100_000)
    datasette = make_datasette(sample_db)
    rows = "with recursive r(n) as (select 1 union all select n + 1 from r limit 1000) "
    small = await sql(datasette, rows + f"select n, {doubled(6)} from r")  # 64 bytes a row
    assert small.status_code == 200 and len(small.json()["rows"]) == 1000
    large = await sql(datasette, rows + f"select n, {doubled(10)} from r")  # 1 KB a row: 1 MB in all
    assert large.status_code == 400
    assert "more than 100,000 bytes" in large.json()["error"] and "download the whole database" in large.json()["error"]
    table = await datasette.client.get("/undersigned/signatures.json", params={
        "_size": "max", "_col": "name_as_written", "_where": f"length({doubled(12)})"})
    assert table.status_code == 200  # the bound counts what is answered, not what is computed on the way


async def test_a_stream_is_bounded_page_by_page_and_still_streams_every_row(sample_db, monkeypatch):
    with sqlite3.connect(sample_db) as conn:
        whole = sum(guard._cost(value) for row in conn.execute("select * from signatures") for value in row)
    monkeypatch.setattr(guard, "ANSWER_LIMIT_BYTES", int(whole * 0.6))  # 50 of the 121 rows fit, not all
    monkeypatch.setattr(publish, "SETTINGS", {**SETTINGS, "max_returned_rows": 50})
    datasette = make_datasette(sample_db)
    streamed = await datasette.client.get("/undersigned/signatures.csv?_stream=on&_size=max")
    assert streamed.status_code == 200
    assert len(list(csv.reader(io.StringIO(streamed.text)))) == 1 + 121
    assert (await datasette.client.get("/undersigned/signatures.json?_size=max")).status_code == 200
    monkeypatch.setattr(publish, "SETTINGS", {**SETTINGS, "max_returned_rows": 200})
    in_one_page = await make_datasette(sample_db).client.get("/undersigned/signatures.csv?_stream=on&_size=max")
    assert in_one_page.status_code == 400 and "more than" in in_one_page.text


async def test_results_have_at_most_32_columns_and_sql_at_most_100_kb(datasette):
    assert (await sql(datasette, "select " + ", ".join(["1"] * 32))).status_code == 200
    wide = await sql(datasette, "select " + ", ".join(["1"] * 33))
    assert wide.status_code == 400 and "too many columns" in wide.json()["error"]
    database = datasette.get_database("undersigned")
    assert (await database.execute("select 1" + " " * 99_000)).single_value() == 1
    with pytest.raises(guard.TooLarge, match="too large"):  # a URL cannot be this long, a POST body can
        await database.execute("select 1" + " " * 100_000)


@pytest.mark.parametrize("query", [
    "select fts3_tokenizer('simple')", "select zeroblob(10)", "select randomblob(10)",
    "select printf('%.*c', 2147483647, 'x')", "select format('%d', 1)", "select load_extension('x')",
    "select sql from sqlite_stmt", "select * from dbstat", "select sqlite_log(1, 'x')",
])
async def test_functions_and_tables_no_visitor_needs_are_refused(datasette, query):
    response = await sql(datasette, query)
    assert response.status_code == 400
    assert "not authorized" in response.json()["error"] or "prohibited" in response.json()["error"]


async def test_what_visitors_use_still_answers(datasette):
    for query in ["select count(*), max(length(text)), group_concat(id) from statements",
                  "select json_group_array(name) from organisations", "select upper(substr(title, 1, 5)), "
                  "round(avg(n_signatories), 1), strftime('%Y', date) from statements",
                  "with recursive r(n) as (select 1 union all select n + 1 from r limit 100) select sum(n) from r"]:
        response = await sql(datasette, query)
        assert response.status_code == 200, (query, response.text[:300])


async def test_the_search_page_has_the_time_limit_of_any_query(sample_db, monkeypatch):
    monkeypatch.setattr(publish, "SETTINGS", {**SETTINGS, "sql_time_limit_ms": 0})
    page = (await make_datasette(sample_db).client.get("/search", params={"q": "tibet"})).text
    assert "the search took longer than 0 s and was stopped" in page
    assert 'class="result' not in page


async def test_a_long_search_searches_its_first_twelve_words(sample_db):
    datasette = make_datasette(sample_db)
    words = " OR ".join(["Urumchi"] + [f"nothing{number}" for number in range(100)])
    page = (await datasette.client.get("/search", params={"q": words})).text
    assert page.count('class="result statement"') == 1
    assert "Only the first 12 words were searched." in page
    short = (await datasette.client.get("/search", params={"q": "ti*"})).text
    assert "ti* was searched as a word: a * needs 3 letters before it." in short


@pytest.mark.parametrize("path, query, expected", [
    ("/undersigned/statements/857d10024f3cd20e", "", False),
    ("/undersigned/organisations/tibetmichigan", "", False),
    ("/undersigned/statements", "_col=title&_sort=date&_next=10&_size=100", False),
    ("/undersigned/signatures.csv", "_dl=1&_size=max", False),
    ("/sitemap-1.xml", "", False),
    ("/undersigned", "sql=select+1", True),
    ("/undersigned.json", "sql=select+1", True),
    ("/search", "q=tibet", True),
    ("/search.json", "q=tibet", True),
    ("/search.csv", "q=tibet&year=2024", True),
    ("/explore", "", True),
    ("/undersigned/statements", "_search=tibet", True),
    ("/undersigned/statements", "publisher__contains=x", True),
    ("/undersigned/statements", "_facet=year", True),
    ("/undersigned/statements.csv", "_stream=on", True),
    ("/undersigned/search_statements", "q=tibet", True),
    ("/undersigned/organisations_by_country.json", "", True),
    ("/undersigned.db", "", True),
])
def test_visitor_chosen_work_is_told_from_pages(path, query, expected):
    arguments = [pair.split("=")[0] for pair in query.split("&") if pair]
    canned = {"search_statements": {}, "organisations_by_country": {}}
    assert is_visitor_work(path, arguments, canned, "undersigned") is expected


async def test_visitor_work_runs_on_threads_of_its_own(sample_db):
    database = make_datasette(sample_db).get_database("undersigned")
    assert isinstance(database, GuardedDatabase)
    page_thread = await database.execute_fn(lambda conn: threading.current_thread().name)
    marked = visitor_work.set(True)
    try:
        visitor_thread = await database.execute_fn(lambda conn: threading.current_thread().name)
        columns = await database.execute_fn(lambda conn: conn.getlimit(sqlite3.SQLITE_LIMIT_COLUMN))
    finally:
        visitor_work.reset(marked)
    assert visitor_thread.startswith("undersigned-visitor") and not page_thread.startswith("undersigned-visitor")
    assert columns == 32  # the connection was prepared as Datasette's own are


async def test_visitor_work_beyond_the_waiting_bound_is_turned_away(sample_db, monkeypatch):
    from db import settings

    monkeypatch.setattr(settings, "HEAVY_THREADS", 1)
    monkeypatch.setattr(settings, "HEAVY_WAITING", 1)
    database = make_datasette(sample_db).get_database("undersigned")
    release = threading.Event()
    marked = visitor_work.set(True)
    try:
        running = [asyncio.ensure_future(database.execute_fn(lambda conn: release.wait(10))) for _ in range(2)]
        await asyncio.sleep(0.1)
        with pytest.raises(Exception, match="busy") as refused:
            await database.execute_fn(lambda conn: None)
        assert refused.value.status == 503
        release.set()
        assert await asyncio.gather(*running) == [True, True]
        assert await database.execute_fn(lambda conn: "answered") == "answered"
    finally:
        visitor_work.reset(marked)


async def test_a_statement_page_answers_while_visitor_queries_run(sample_db, monkeypatch):
    """Three queries that run to the time limit, the statement page asked for while they run: it answers
    before any of them ends. Before, they held all three of Datasette's threads."""
    monkeypatch.setattr(publish, "SETTINGS", {**SETTINGS, "sql_time_limit_ms": 3000})  # the page takes ~0.1 s
    datasette = make_datasette(sample_db, immutable=True)
    statement = (await datasette.client.get("/undersigned/statements.json?_shape=array&_col=id")).json()[0]["id"]
    endless = "with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r"
    finished: list[str] = []

    async def get(name: str, path: str, **params):
        response = await datasette.client.get(path, params=params)
        finished.append(name)
        return response

    began = time.monotonic()
    heavy = [asyncio.ensure_future(get("query", "/undersigned.json", sql=endless)) for _ in range(3)]
    await asyncio.sleep(0.3)
    page = await get("statement page", f"/undersigned/statements/{statement}")
    responses = await asyncio.gather(*heavy)
    assert page.status_code == 200 and [r.status_code for r in responses] == [400, 400, 400]
    assert finished[0] == "statement page", finished
    assert time.monotonic() - began >= 3  # the queries did run to their limit
