"""Demands keyed by integers behind the demands view; a database of the table of text moves to them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from bench.synthetic import Corpus
from db import demands
from db.load import save_many, statement_id
from db.schema import FTS_TOKENIZER, open_database
from ingest.parse import PARSER_VERSION
from ingest.records import Demand
from undersigned.cli import cli

EVERY_DEMAND = ("select id, statement_id, position, addressee, target, verb, action_category, text from demands "
                "order by statement_id, position")
# The demands table as the previous version created it, with its indexes (its full-text index: sqlite-utils').
TABLE_OF_TEXT = {"id": str, "statement_id": str, "position": int, "addressee": str, "target": str, "verb": str,
                 "action_category": int, "text": str}
INDEXES_OF_TEXT = [["statement_id"], ["addressee"], ["target"], ["verb"], ["action_category"]]



def rows(path: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(path)  # closed here: compact changes the journal mode, which no other connection may hold
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def phrase_of(path: Path) -> str:
    """Two words that follow each other in a demand, as an FTS5 phrase."""
    text = rows(path, "select text from demands order by statement_id, position limit 1")[0][0]
    return '"' + " ".join(text.replace('"', " ").split()[:2]) + '"'


def found(path: Path, query: str) -> list[tuple]:
    """The demands a full-text query finds, by statement and position, as /search reads them."""
    return rows(path, "select s.id, d.id % 1024 from demands_fts join demand_rows as d on d.id = demands_fts.rowid "
                      "join statements as s on s.rowid = d.id / 1024 where demands_fts match ? order by 1, 2", [query])


def test_a_demand_is_keyed_by_its_statement_and_position_and_the_view_shows_it_as_before(loaded):
    shown = rows(loaded, EVERY_DEMAND)
    assert len(shown) > 30
    assert all(row[0] == f"{row[1]}-{row[2]}" for row in shown)  # id, statement_id, position
    assert rows(loaded, "select count(*) from demands as d join statements as s on s.id = d.statement_id") == [
        (len(shown),)]
    assert rows(loaded, "select typeof(id), count(*) from demand_rows group by 1") == [("integer", len(shown))]
    statement = shown[0][1]
    assert rows(loaded, demands.OF_STATEMENTS.format(ids="?"), [statement]) == [
        row for row in shown if row[1] == statement]
    assert found(loaded, phrase_of(loaded))  # phrases: the full-text index keeps every position


def test_a_view_made_before_it_showed_each_demands_key_is_made_again_on_open(loaded):
    with sqlite3.connect(loaded) as conn:
        conn.execute("drop view demands")
        conn.execute("create view demands as select id, text from demand_rows")
    open_database(str(loaded)).close()
    assert rows(loaded, "select count(*) from demands join demand_rows as r on r.id = demands.row_key "
                        "where demands.text != ''") == rows(loaded, "select count(*) from demand_rows")


def test_a_statement_keeps_its_first_1023_demands_and_says_so(db_path):
    document, statement = next(Corpus(1, seed=4).pairs())
    statement.demands = [Demand(position, "governments", None, "end", f"End practice {position}.", 5)
                         for position in range(1, 1101)]
    db = open_database(str(db_path))
    assert save_many(db, [(document, statement)], PARSER_VERSION) == ["added"]
    db.close()
    assert rows(db_path, "select count(*), max(position) from demands") == [(1023, 1023)]
    assert "1,100 demands found; the first 1,023 are kept" in rows(db_path, "select warnings from statements")[0][0]


@pytest.mark.parametrize("change", [{"position": demands.POSITIONS + 1}, {"position": 0},
                                    {"statement_id": "not-stored"}])
def test_a_demand_without_its_statement_or_beyond_the_keys_of_its_statement_is_refused(loaded, change):
    db = open_database(str(loaded))
    row = dict(next(db.query("select * from demands")))
    with pytest.raises(ValueError, match="1 of 1 demands were not stored"):
        demands.insert(db, [{**row, **change}])
    assert db.execute("select count(*) from demand_rows").fetchone()[0] == len(rows(loaded, EVERY_DEMAND))


def test_a_database_with_the_demands_table_of_text_moves_to_integers_on_open_and_keeps_every_row(loaded):
    before = rows(loaded, EVERY_DEMAND)
    phrase = phrase_of(loaded)
    hits = found(loaded, phrase)
    with sqlite3.connect(loaded) as conn:  # back to the table of text, as the previous version stored it
        conn.execute("create temp table kept as " + EVERY_DEMAND)
        for name in ("view demands", "table demands_fts", "table demand_rows"):
            conn.execute(f"drop {name}")
        old = Database(conn)
        old["demands"].create(TABLE_OF_TEXT, pk="id", foreign_keys=[("statement_id", "statements", "id")],
                              not_null={"statement_id", "position", "text"})
        for columns in INDEXES_OF_TEXT:
            old["demands"].create_index(columns)
        old["demands"].enable_fts(["text"], tokenize=FTS_TOKENIZER, create_triggers=True)
        conn.execute("insert into demands select * from temp.kept")
    assert rows(loaded, "select type from sqlite_master where name = 'demands'") == [("table",)]

    open_database(str(loaded)).close()
    assert rows(loaded, "select type from sqlite_master where name = 'demands'") == [("view",)]
    assert rows(loaded, EVERY_DEMAND) == before
    assert found(loaded, phrase) == hits
    assert rows(loaded, "select count(*) from sqlite_master where name like 'idx_demands_%'") == [(0,)]


def test_compact_keeps_every_demand_on_its_statement_when_statements_have_gone(runner, loaded):
    """A demand's key holds its statement's rowid, which VACUUM must keep."""
    with sqlite3.connect(loaded) as conn:
        gone = [row[0] for row in conn.execute("select rowid from statements order by rowid")][1::3]
        for rowid in gone:
            conn.execute("delete from demand_rows where id / 1024 = ?", [rowid])
            conn.execute("delete from signature_rows where statement = ?", [rowid])
            conn.execute("delete from statements where rowid = ?", [rowid])
    conn.close()
    before = rows(loaded, EVERY_DEMAND)
    phrase = phrase_of(loaded)
    hits = found(loaded, phrase)
    assert before and runner.invoke(cli, ["compact", "--db", str(loaded)]).exit_code == 0
    assert rows(loaded, EVERY_DEMAND) == before
    assert found(loaded, phrase) == hits


# demand_rows as the previous version created it: every demand's text in its row, the full-text index over them.
ROWS_OF_TEXT = [
    """create table demand_rows (id integer primary key, addressee text, target text, verb text,
        action_category integer, text text not null, check (id % 1024 > 0))""",
    "create virtual table demands_fts using fts5 (text, content=demand_rows, tokenize='porter unicode61 "
    "remove_diacritics 2')",
    """create trigger demand_rows_ai after insert on demand_rows begin
        insert into demands_fts (rowid, text) values (new.id, new.text); end""",
    """create trigger demand_rows_ad after delete on demand_rows begin
        insert into demands_fts (demands_fts, rowid, text) values ('delete', old.id, old.text); end""",
    "create index idx_demand_rows_addressee on demand_rows (addressee)",
    "create view demands as select (select id from statements where rowid = r.id / 1024) || '-' || (r.id % 1024) "
    "as id, (select id from statements where rowid = r.id / 1024) as statement_id, r.id % 1024 as position, "
    "r.addressee, r.target, r.verb, r.action_category, r.text, r.id as row_key from demand_rows as r",
]


def test_a_demand_is_stored_as_the_stretch_of_its_statements_text_it_is_and_as_text_where_it_is_not(db_path):
    document, statement = next(Corpus(1, seed=4).pairs())
    quoted = statement.text[40:95]
    statement.demands = [Demand(1, "governments", None, "end", quoted, 5),
                         Demand(2, "the council", None, "adopt", "Adopt the zebra quokka resolution.", 3)]
    db = open_database(str(db_path))
    assert save_many(db, [(document, statement)], PARSER_VERSION) == ["added"]
    db.close()
    assert rows(db_path, "select start, length, text from demand_rows order by id") == [
        (41, 55, None), (None, None, "Adopt the zebra quokka resolution.")]
    assert rows(db_path, "select text from demands order by position") == [(quoted,),
                                                                           ("Adopt the zebra quokka resolution.",)]
    assert rows(db_path, demands.OF_STATEMENTS.format(ids="?"), [statement_id(document)])[0][7] == quoted
    phrase = '"' + " ".join(quoted.split()[1:3]) + '"'
    assert [hit[1] for hit in found(db_path, phrase)] == [1]
    assert [hit[1] for hit in found(db_path, '"zebra quokka"')] == [2]
    assert rows(db_path, "select snippet(demands_fts, -1, '[', ']', '…', 8) from demands_fts "
                         "where demands_fts match 'quokka'") == [("Adopt the zebra [quokka] resolution.",)]


def test_a_statements_text_that_its_demands_read_cannot_change_nor_the_statement_go_before_them(loaded):
    before = rows(loaded, EVERY_DEMAND)
    first = "(select min(id) / 1024 from demand_rows)"
    with sqlite3.connect(loaded) as conn:
        for sql in (f"update statements set text = 'other words' where rowid = {first}",
                    f"update statements set text = '.' || text where rowid = {first}",
                    f"delete from statements where rowid = {first}"):
            with pytest.raises(sqlite3.IntegrityError, match="demands read their text from it"):
                conn.execute(sql)
        conn.execute(f"update statements set text = text || ' And more.' where rowid = {first}")  # the stretches stay
    assert rows(loaded, EVERY_DEMAND) == before


def test_a_database_whose_demand_rows_hold_their_text_moves_to_stretches_on_open_and_keeps_every_demand(loaded):
    before = rows(loaded, EVERY_DEMAND)
    phrase = phrase_of(loaded)
    hits = found(loaded, phrase)
    with sqlite3.connect(loaded) as conn:  # back to the rows of text, as the previous version stored them
        conn.execute("create temp table kept as select row_key, addressee, target, verb, action_category, text "
                     "from demands")
        for name in ("view demands", "table demands_fts", "table demand_rows", *(f"trigger {trigger}" for trigger
                                                                              in demands.GUARD_NAMES)):
            conn.execute(f"drop {name}")
        for sql in ROWS_OF_TEXT:
            conn.execute(sql)
        conn.execute("insert into demand_rows select * from temp.kept")
    assert rows(loaded, "select count(*) from demand_rows where text is null") == [(0,)]

    open_database(str(loaded)).close()
    assert rows(loaded, EVERY_DEMAND) == before
    assert rows(loaded, "select count(*) from demand_rows where text is null") == [(len(before),)]
    assert found(loaded, phrase) == hits
    with sqlite3.connect(loaded) as conn:
        conn.execute("insert into demands_fts (demands_fts, rank) values ('integrity-check', 1)")
