"""Statements like this one: neighbours by meaning, found at load time from vectors stored in SQLite."""

from __future__ import annotations

import numpy
import pytest

from db import similar
from db.schema import open_database
from tests.conftest import REAL, SAMPLE
from undersigned import PROJECT_ROOT
from undersigned.cli import cli

OTHERS = sorted(path for path in REAL.glob("*.md") if path.name != "README.md")[:6]


def _add(runner, db_path, *paths):
    result = runner.invoke(cli, ["add", *map(str, paths), "--db", str(db_path)])
    assert result.exit_code == 0, result.output


def _lists(db_path) -> dict[str, list[tuple[str, float]]]:
    db = open_database(str(db_path))
    try:
        lists: dict[str, list[tuple[str, float]]] = {}
        for statement, other, score in db.execute(f"select statement_id, other_id, score from {similar.SIMILAR} "
                                                  "order by statement_id, rank"):
            lists.setdefault(statement, []).append((other, score))
        return lists
    finally:
        db.close()


def test_each_statement_lists_its_most_similar_others_best_first(runner, db_path):
    _add(runner, db_path, SAMPLE, *OTHERS)
    lists = _lists(db_path)
    assert len(lists) == 1 + len(OTHERS)
    for statement, found in lists.items():
        assert len(found) == similar.NEIGHBOURS and statement not in {other for other, _ in found}
        assert [score for _, score in found] == sorted((score for _, score in found), reverse=True)
        assert all(-1.0 <= score <= 1.0 for _, score in found)


def test_statements_added_one_at_a_time_get_the_lists_of_all_at_once(runner, db_path):
    for path in (SAMPLE, *OTHERS):  # each its own batch: earlier statements' lists change as others come
        _add(runner, db_path, path)
    one_by_one = _lists(db_path)
    db = open_database(str(db_path))
    try:
        with db.atomic():
            db.execute(f"delete from {similar.ROWS}")
            similar.settle_all(db)
    finally:
        db.close()
    assert one_by_one == _lists(db_path)


def test_a_withdrawn_statement_leaves_every_list(runner, db_path, tmp_path):
    import json

    _add(runner, db_path, SAMPLE, *OTHERS)
    sample_url = json.loads(SAMPLE.with_name(SAMPLE.name + ".meta.json").read_text("utf-8"))["url"]
    gone = tmp_path / "gone.txt"
    gone.write_text("This page has moved.\n", "utf-8")
    (tmp_path / "gone.txt.meta.json").write_text(json.dumps({"url": sample_url}))
    db = open_database(str(db_path))
    withdrawn, rowid = db.execute("select id, rowid from statements where url = ?", [sample_url]).fetchone()
    db.close()
    _add(runner, db_path, gone)
    lists = _lists(db_path)
    assert withdrawn not in lists and all(withdrawn not in {other for other, _ in found} for found in lists.values())
    db = open_database(str(db_path))  # nor is its rowid left in a list, for a later statement to take
    assert db.execute(f"select count(*) from {similar.ROWS} where statement = :r or other = :r", {"r": rowid}) \
        .fetchone() == (0,)
    db.close()


def test_vectors_come_from_the_packaged_model_without_the_network(monkeypatch):
    import requests

    def refuse(*args, **kwargs):
        raise AssertionError("the model tried to download")

    monkeypatch.setattr(requests, "get", refuse)
    similar._model.cache_clear()
    vectors = similar.embed(["Free Tibet: release the political prisoners.",
                             "Release Tibet's political prisoners now.", "The price of coal rose in March."])
    assert vectors.dtype == numpy.int8 and vectors.shape == (3, 256)
    scores = vectors.astype(numpy.float32) @ vectors.T.astype(numpy.float32) / similar.SCALE ** 2
    assert scores[0, 1] > scores[0, 2]  # two ways of saying one thing are nearer than another thing
    assert abs(scores[0, 0] - 1) < 0.02


def test_loading_the_model_leaves_the_logging_as_it_was():
    """wordllama's import sets the root logger to INFO, which would print every HTTP request a crawl makes."""
    import subprocess
    import sys

    shown = subprocess.run([sys.executable, "-c", "import logging; from db import similar; similar.embed(['x']); "
                            "root = logging.getLogger(); print(logging.getLevelName(root.level), len(root.handlers))"],
                           capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert shown.stdout.split() == ["WARNING", "0"], shown.stderr[-500:]


@pytest.mark.asyncio
async def test_a_statement_page_shows_statements_like_it(runner, tmp_path):
    from db.publish import make_datasette

    db_path = tmp_path / "undersigned.db"
    _add(runner, db_path, SAMPLE, *OTHERS)
    db = open_database(str(db_path))
    (statement,), (first_alike,) = (db.execute("select id from statements where url like '%tibetnetwork%'").fetchone(),
                                    db.execute(f"select other_id from {similar.SIMILAR} where rank = 1 and statement_id"
                                               " = (select id from statements where url like '%tibetnetwork%')")
                                    .fetchone())
    db.close()
    page = (await make_datasette(db_path).client.get(f"/undersigned/statements/{statement}")).text
    assert "Statements like this" in page and f'href="/undersigned/statements/{first_alike}"' in page


@pytest.fixture
def site(runner, tmp_path):
    from db.publish import make_datasette

    db_path = tmp_path / "undersigned.db"
    _add(runner, db_path, SAMPLE, *OTHERS)
    return make_datasette(db_path)


def _statements(answer) -> list[str]:
    return [row["source_url"] for row in answer.json()["rows"] if row["section"] == "statements"]


@pytest.mark.asyncio
async def test_search_by_meaning_finds_a_statement_none_of_whose_words_were_asked(site):
    assert _statements(await site.client.get("/search.json?q=Beijing")) == []
    found = _statements(await site.client.get("/search.json?q=Beijing&mode=meaning"))
    assert found[0] == "https://tibetnetwork.org/remembering-tiananmen-2023"
    assert len(found) < 1 + len(OTHERS)  # what is about something else is left out


@pytest.mark.asyncio
async def test_search_by_meaning_keeps_the_words_matches_and_the_filters(site):
    by_words = _statements(await site.client.get("/search.json?q=encryption"))
    merged = await site.client.get("/search.json?q=encryption&mode=meaning&language=en")
    assert set(by_words) <= set(_statements(merged)) and merged.json()["filters"] == {"language": "en"}
    assert [facet["value"] for facet in merged.json()["facets"]["language"]] == ["en"]
    in_german = await site.client.get("/search.json?q=Beijing&mode=meaning&language=de")
    assert "https://tibetnetwork.org/remembering-tiananmen-2023" not in _statements(in_german)
    page = (await site.client.get("/search?q=encryption&mode=meaning")).text
    assert '<option value="meaning" selected>' in page and "by their meaning" in page


@pytest.mark.asyncio
async def test_search_by_words_never_loads_the_model_and_a_bad_mode_is_refused(site, monkeypatch):
    def refuse():
        raise AssertionError("a search by words embedded its query")

    monkeypatch.setattr(similar, "_model", refuse)
    assert (await site.client.get("/search.json?q=encryption")).status_code == 200
    refused = await site.client.get("/search.json?q=encryption&mode=vibes")
    assert refused.status_code == 400 and refused.json()["error"] == "mode=vibes: a search matches by words or meaning"


@pytest.mark.asyncio
async def test_search_by_meaning_sorted_by_date_lists_the_newest_first_and_the_undated_last(site):
    def dates(answer) -> list[str | None]:
        return [row["date"] for row in answer.json()["rows"] if row["section"] == "statements"]

    by_relevance = dates(await site.client.get("/search.json?q=we&mode=meaning"))
    by_date = dates(await site.client.get("/search.json?q=we&mode=meaning&sort=date"))
    assert None in by_date and by_relevance != by_date and sorted(by_relevance, key=str) == sorted(by_date, key=str)
    assert by_date == sorted(by_date, key=lambda date: date or "", reverse=True)


def test_the_vectors_a_search_compares_are_read_once_until_the_database_changes(runner, tmp_path, monkeypatch):
    import sqlite3

    db_path = tmp_path / "undersigned.db"
    _add(runner, db_path, SAMPLE, OTHERS[0])
    reads, read_all = [], similar._read_all
    monkeypatch.setattr(similar, "_read_all", lambda conn: reads.append(conn) or read_all(conn))
    conn = sqlite3.connect(db_path)
    assert [len(similar.stored(conn)[0]) for _ in range(3)] == [2, 2, 2] and len(reads) == 1
    _add(runner, db_path, OTHERS[1])
    assert len(similar.stored(conn)[0]) == 3 and len(reads) == 2


def test_neighbours_read_chunk_by_chunk_are_those_of_every_vector_at_once(monkeypatch):
    """A batch's lists and offers, with the stored vectors read in several chunks, against a plain reading."""
    import sqlite3

    from sqlite_utils import Database

    rng = numpy.random.default_rng(7)
    units = rng.normal(size=(300, 256))  # ties in int8 are rare at this width (none with this seed)
    vectors = numpy.round(units / numpy.linalg.norm(units, axis=1, keepdims=True) * similar.SCALE).astype(numpy.int8)
    stored = [3 * index + 1 for index in range(len(vectors))]
    db = Database(sqlite3.connect(":memory:"))
    similar.ensure(db)
    db.conn.executemany(f"insert into {similar.VECTORS} values (?, ?)", zip(stored, map(bytes, vectors), strict=True))
    similar._write(db, {rowid: [(0.3, stored[0])] * similar.NEIGHBOURS for rowid in stored[:100]})  # full lists
    batch = stored[-40:]
    monkeypatch.setattr(similar, "CHUNK", 70)
    best, offered = similar._neighbours(db, batch, vectors[-40:])

    scores = vectors[-40:].astype(numpy.float32) @ vectors.T.astype(numpy.float32) / similar.SCALE ** 2
    for row, rowid in enumerate(batch):
        others = sorted(((float(scores[row, c]), other) for c, other in enumerate(stored) if other != rowid),
                        reverse=True)
        assert best[rowid] == others[:similar.NEIGHBOURS]
    bars = {rowid: (0.3 if rowid in stored[:100] else similar.NONE) for rowid in stored[:-40]}
    expected = {}
    for column, other in enumerate(stored[:-40]):
        beating = sorted(((float(scores[row, column]), rowid) for row, rowid in enumerate(batch)
                          if scores[row, column] > bars[other]), reverse=True)[:similar.NEIGHBOURS]
        if beating:
            expected[other] = beating
    assert offered == expected
