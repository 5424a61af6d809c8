"""Signatures keyed by integers behind the signatures view; a database of the table of text moves to them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bench.synthetic import Corpus
from db import signatures
from db.load import save_many
from db.schema import open_database
from ingest.parse import PARSER_VERSION
from undersigned.cli import cli

# The signatures table as the previous version created it (sqlite-utils' SQL), with its indexes.
TABLE_OF_TEXT = [
    """CREATE TABLE [signatures] ([statement_id] TEXT REFERENCES [statements]([id]),
       [organisation_id] TEXT REFERENCES [organisations]([id]), [position] INTEGER, [name_as_written] TEXT NOT NULL,
       [date] TEXT, [kind] TEXT, [name] TEXT, [role] TEXT, [affiliation] TEXT,
       [affiliation_id] TEXT REFERENCES [organisations]([id]), [unplaced_id] TEXT,
       PRIMARY KEY ([statement_id], [position]))""",
    "CREATE INDEX [idx_signatures_organisation_id_date] ON [signatures] ([organisation_id], [date])",
    "CREATE INDEX idx_signatures_affiliation_id on signatures (affiliation_id, date) where affiliation_id is not null",
]
EVERY_SIGNATURE = "select * from signatures order by statement_id, position"


@pytest.fixture
def loaded(db_path: Path) -> Path:
    """Twelve synthetic statements: organisations, and people with affiliations among them."""
    db = open_database(str(db_path))
    assert not [r for r in save_many(db, list(Corpus(12, seed=2).pairs()), PARSER_VERSION) if isinstance(r, Exception)]
    db.close()
    return db_path


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_a_signature_is_integers_and_each_spelling_is_stored_once(loaded):
    kinds = dict(rows(loaded, "select kind, count(*) from signatures group by kind"))
    assert kinds["organisation"] > 100 and kinds["individual"] > 0
    assert rows(loaded, "select count(*) from signatures where affiliation_id is not null")[0][0] > 0
    spellings = rows(loaded, "select count(distinct name_as_written) from signatures")[0][0]
    assert rows(loaded, "select count(*) from written_names") == [(spellings,)]
    assert spellings < sum(kinds.values())  # organisations sign again under the same name
    assert rows(loaded, "select typeof(statement), typeof(organisation), typeof(written), typeof(dated) "
                        "from signature_rows where person = 0 group by 1, 2, 3, 4") == [("integer",) * 4]
    assert rows(loaded, "select count(*) from signatures as v join statements as s on s.id = v.statement_id "
                        "where v.date is not s.date") == [(0,)]


def test_an_organisations_signature_whose_organisation_is_not_stored_is_refused(loaded):
    db = open_database(str(loaded))
    row = next(db.query("select * from signatures where kind = 'organisation'"))
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        signatures.insert(db, [{**row, "position": 999, "organisation_id": "nowhere-xx"}])


def test_a_database_with_the_signatures_table_of_text_moves_to_integers_on_open_and_keeps_every_row(loaded):
    before = rows(loaded, EVERY_SIGNATURE)
    organisations = rows(loaded, "select * from organisations order by id")
    with sqlite3.connect(loaded) as conn:  # back to the table of text, as the previous version stored it
        conn.execute("create temp table kept as " + EVERY_SIGNATURE)
        for name in ("view signatures", "table signature_rows", "table written_names"):
            conn.execute(f"drop {name}")
        for sql in TABLE_OF_TEXT:
            conn.execute(sql)
        conn.execute("insert into signatures select * from temp.kept")
        conn.execute("create index idx_statements_url on statements (url)")  # which no page used
    assert rows(loaded, "select type from sqlite_master where name = 'signatures'") == [("table",)]

    open_database(str(loaded)).close()
    assert rows(loaded, "select type from sqlite_master where name = 'signatures'") == [("view",)]
    assert rows(loaded, EVERY_SIGNATURE) == before
    assert rows(loaded, "select * from organisations order by id") == organisations
    assert rows(loaded, "select count(*) from sqlite_master where name like 'idx_signatures_%' "
                        "or name = 'idx_statements_url'") == [(0,)]


def test_compact_merges_each_full_text_index_into_one_segment_and_fills_every_page(runner, loaded):
    db = open_database(str(loaded))  # a second batch: another segment, and pages freed by the rows it replaced
    save_many(db, list(Corpus(12, seed=3).pairs(0, 6)), PARSER_VERSION, force=True)
    db.close()
    found = "select rowid from statements_fts where statements_fts match 'free*' order by rowid"
    hits = rows(loaded, found)
    assert rows(loaded, "select count(distinct segid) from statements_fts_idx")[0][0] > 1

    result = runner.invoke(cli, ["compact", "--db", str(loaded)])
    assert result.exit_code == 0, result.output
    assert rows(loaded, "select count(distinct segid) from statements_fts_idx") == [(1,)]
    assert rows(loaded, "pragma freelist_count") == [(0,)]
    assert hits and rows(loaded, found) == hits


def test_compact_refuses_what_is_not_a_knowledge_base(runner, tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).close()
    result = runner.invoke(cli, ["compact", "--db", str(other)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {other}: not a knowledge base to compact (")
    assert len(result.output.splitlines()) == 1


def test_compact_keeps_every_signature_on_its_statement_and_organisation_when_rows_have_gone(runner, loaded):
    """Signatures point at rowids, which VACUUM must keep: statements and organisations removed before
    compacting leave gaps that renumbering would close."""
    with sqlite3.connect(loaded) as conn:
        gone = [row[0] for row in conn.execute("select rowid from statements order by rowid")][2::4]
        conn.executemany("delete from signature_rows where statement = ?", [(rowid,) for rowid in gone])
        conn.executemany("delete from statements where rowid = ?", [(rowid,) for rowid in gone])
        conn.execute("delete from organisations where rowid not in (select organisation from signature_rows "
                     "where organisation is not null) and rowid % 3 = 0")
    before = rows(loaded, EVERY_SIGNATURE)
    assert before and runner.invoke(cli, ["compact", "--db", str(loaded)]).exit_code == 0
    assert rows(loaded, EVERY_SIGNATURE) == before
