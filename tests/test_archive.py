"""The archive in a file of its own: compressed bodies, a database of before the split taken apart on open
with nothing lost, and re-parsing from the archive giving the same knowledge base."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from bench.synthetic import Corpus
from db import archive
from db.archive import archive_path, raw_body
from db.load import save_many
from db.schema import TABLES, open_database
from ingest.parse import PARSER_VERSION
from undersigned.cli import cli

from .conftest import FIXTURES, SAMPLE, archived

MOVED = ("documents", "statement_versions", "crawl_runs", "crawl_queue")


def knowledge_base(path: Path) -> dict[str, list[tuple]]:
    """Every row of the knowledge base, less the times things were parsed (a re-parse renews them)."""
    db = Database(path)
    found = {}
    for name in (*TABLES, "demands", "signatures", "written_names"):
        columns = [c for c in db[name].columns_dict if c != "parsed_at"]
        found[name] = db.execute(f"select {', '.join(columns)} from [{name}] order by 1, 2").fetchall()
    return found


def archive_rows(db: Database) -> dict[str, list[tuple]]:
    """Every row of the archive, each body as it came in."""
    found = {name: db.execute(f"select * from [{name}] order by 1, 2").fetchall() for name in MOVED[2:]}
    found["statement_versions"] = db.execute("select * from statement_versions order by 1, 2").fetchall()
    found["documents"] = sorted(tuple({**row, "body": raw_body(db, row), "dictionary_id": None}.items())
                                for row in db.query("select * from documents"))
    return found


def test_the_archive_is_a_file_of_its_own_with_the_bodies_compressed(runner, sample_db):
    assert archive_path(sample_db) == sample_db.with_name("statements.archive.db")
    tables = Database(sample_db).table_names()
    assert "statements" in tables and not set(tables) & {*MOVED, "dictionaries"}
    db = archived(sample_db)
    row = next(db.query("select * from documents"))
    assert raw_body(db, row) == SAMPLE.read_bytes()
    assert len(row["body"]) < len(SAMPLE.read_bytes()) / 2 and archive.raw_size(row["body"]) == len(SAMPLE.read_bytes())
    assert db.execute(f"PRAGMA {archive.SCHEMA}.page_size").fetchone()[0] == archive.PAGE_SIZE


def test_a_dictionary_is_trained_once_enough_pages_are_archived_and_every_body_reads_back(db_path, monkeypatch):
    monkeypatch.setattr(archive, "TRAIN_AFTER", 20)
    pairs = list(Corpus(60).pairs())
    db = open_database(str(db_path))
    for start in range(0, 60, 30):  # a dictionary is taken up between batches
        assert not [r for r in save_many(db, pairs[start:start + 30], PARSER_VERSION) if isinstance(r, Exception)]
    rows = list(db.query("select * from documents order by rowid"))
    assert [row["dictionary_id"] for row in rows] == [None] * 30 + [1] * 30
    assert [raw_body(db, row) for row in rows] == [document.body for document, _ in pairs]
    by_dictionary = {key: sum(len(row["body"]) for row in rows if row["dictionary_id"] == key) /
                     sum(archive.raw_size(row["body"]) for row in rows if row["dictionary_id"] == key)
                     for key in (None, 1)}
    assert by_dictionary[1] < 0.85 * by_dictionary[None]  # the point of the dictionary
    db.close()
    reopened = open_database(str(db_path))  # a new connection reads the dictionary from the file
    assert raw_body(reopened, rows[-1]) == pairs[-1][0].body


def one_file(db_path: Path) -> None:
    """Fold the archive back into the knowledge base, as a database was before the split: the archive's
    tables in the same file, bodies raw, statements' documents a foreign key. The archive file goes."""
    old = Database(db_path)
    old.attach("kept", archive_path(db_path))
    kept = archived(db_path)
    for name in MOVED:
        spec = archive.TABLES[name]
        columns = {c: t for c, t in spec["columns"].items() if c != "dictionary_id"}
        keys = [key for key in spec.get("foreign_keys", []) if key[1] != "dictionaries"]
        old[name].create(columns, pk=spec["pk"], foreign_keys=keys)
        rows = (dict(row, body=raw_body(kept, row)) if name == "documents" else row
                for row in kept.query(f"select * from {archive.SCHEMA}.[{name}]"))
        old[name].insert_all(({c: row[c] for c in columns} for row in rows), pk=spec["pk"])
    kept.close()
    triggers = [sql for sql, in old.execute("select sql from sqlite_master where type = 'trigger' "
                                            "and tbl_name = 'statements'")]
    old.execute("PRAGMA foreign_keys = OFF")
    with old.conn:
        for sql in old["statements"].transform_sql(add_foreign_keys=[("document_id", "documents", "id")]):
            old.execute(sql)
        for sql in triggers:
            old.execute(sql)
    old.execute("detach database kept")
    old.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{archive_path(db_path)}{suffix}").unlink(missing_ok=True)


def test_a_database_of_before_the_split_is_taken_apart_on_open_and_reparses_the_same(runner, db_path):
    sources = [str(SAMPLE), str(FIXTURES / "markdown-letter.md"), str(FIXTURES / "wordpress-statement.html")]
    assert runner.invoke(cli, ["add", *sources, "--db", str(db_path)]).exit_code == 0
    db = archived(db_path)
    with db.conn:
        run = db["crawl_runs"].insert({"site": "https://example.org", "started_at": "2024-01-01T00:00:00+00:00",
                                       "source": "sitemap", "discovered": 1}).last_pk
        db["crawl_queue"].insert({"run_id": run, "url": "https://example.org/1", "state": "pending"})
    before, stored = knowledge_base(db_path), archive_rows(db)
    db.close()
    one_file(db_path)
    assert set(MOVED) <= set(Database(db_path).table_names()) and not archive_path(db_path).exists()
    assert Database(db_path)["statements"].foreign_keys  # as before the split

    db = open_database(str(db_path))
    assert not set(MOVED) & set(Database(db_path).table_names())  # the knowledge base alone...
    assert archive_rows(db) == stored  # ...and nothing lost
    assert db["statements"].foreign_keys == []
    assert knowledge_base(db_path) == before
    db.close()
    result = runner.invoke(cli, ["reparse", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"re-parsed 3 documents with parser {PARSER_VERSION}: 3 unchanged")
    assert knowledge_base(db_path) == before
    with sqlite3.connect(db_path) as conn:  # the full-text index still follows the statements
        conn.execute("update statements set title = 'Zanzibarian words'")
        assert conn.execute("select count(*) from statements_fts where statements_fts match 'zanzibarian'"
                            ).fetchone() == (3,)
