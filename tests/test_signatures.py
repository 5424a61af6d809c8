"""Signatures keyed by integers behind the signatures view; a database of the table of text moves to them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bench.synthetic import Corpus
from db import signatures
from db.load import save_many, statement_id
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
# written as the previous versions stored it: the id of the name as written, the organisation's own name too.
WRITTEN = ("coalesce(r.written, (select w.id from written_names as w join organisations as o "
           "on w.name_as_written = o.name where o.rowid = r.organisation))")
# For an organisation's signatures: whether written is empty, and where it is not, whether it names the organisation's
# own name (it should not: empty says so).
OWN_NAMES = ("select r.written is null, w.name_as_written = o.name from signature_rows as r "
             "join organisations as o on o.rowid = r.organisation left join written_names as w on w.id = r.written "
             "group by 1, 2 order by 1")
NAMED = ("select statement_id, position, name_as_written from signatures where kind = 'organisation' "
         "order by statement_id, position")
# signature_rows as the previous version created it: a person's columns in every row, dated as yyyymmdd.
ROWS_WITH_PEOPLE = [
    """create table signature_rows (statement integer not null, position integer not null, organisation integer,
       written integer not null references written_names(id), dated integer, person integer not null, name text,
       role text, affiliation text, affiliation_id text references organisations(id), unplaced_id text,
       primary key (statement, position), check (person = 1 or organisation is not null)) without rowid""",
    "create index idx_signature_rows_organisation_dated on signature_rows (organisation, dated)",
    "create index idx_signature_rows_affiliation_id on signature_rows (affiliation_id, dated) "
    "where affiliation_id is not null",
    "create index idx_signature_rows_unplaced_id on signature_rows (unplaced_id) where unplaced_id is not null",
]



def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)  # closed here: compact changes the journal mode, which no other connection may hold
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_signature_is_integers_and_each_spelling_is_stored_once(loaded):
    kinds = dict(rows(loaded, "select kind, count(*) from signatures group by kind"))
    assert kinds["organisation"] > 100 and kinds["individual"] > 0
    assert rows(loaded, "select count(*) from signatures where affiliation_id is not null")[0][0] > 0
    spellings = rows(loaded, "select count(distinct name_as_written) from signatures")[0][0]
    assert rows(loaded, "select count(*) from written_names") == [(spellings,)]
    assert spellings < sum(kinds.values())  # organisations sign again under the same name
    assert rows(loaded, "select typeof(statement), typeof(organisation), typeof(dated) "
                        "from signature_rows where person = 0 group by 1, 2, 3") == [("integer",) * 3]
    assert rows(loaded, OWN_NAMES) == [(0, 0), (1, None)]
    printed = {(statement_id(document), signatory.position): signatory.name_as_written
               for document, statement in Corpus(12, seed=2).pairs() for signatory in statement.signatories}
    assert dict(((row[0], row[1]), row[2]) for row in rows(loaded, "select statement_id, position, name_as_written "
                                                                   "from signatures")) == printed

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
        for name in ("view signatures", "table signature_rows", "table signature_people", "table written_names"):
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


def test_signature_rows_with_a_persons_columns_in_each_move_them_to_signature_people_on_open(loaded):
    before = rows(loaded, EVERY_SIGNATURE)
    people = rows(loaded, "select count(*) from signatures where kind = 'individual'")[0][0]
    with sqlite3.connect(loaded) as conn:  # back to the previous layout
        conn.execute(f"""create temp table kept as select r.statement, r.position, r.organisation, {WRITTEN},
            cast(substr(replace(s.date, '-', '') || '0000', 1, 8) as integer), r.person, p.name, p.role,
            p.affiliation, p.affiliation_id, r.unplaced_id from signature_rows as r
            join statements as s on s.rowid = r.statement
            left join signature_people as p using (statement, position)""")
        for name in ("view signatures", "table signature_rows", "table signature_people"):
            conn.execute(f"drop {name}")
        for sql in ROWS_WITH_PEOPLE:
            conn.execute(sql)
        conn.execute("insert into signature_rows select * from temp.kept")
    assert rows(loaded, "select count(*) from signature_rows where dated > 20000000") == [(len(before),)]

    open_database(str(loaded)).close()
    assert rows(loaded, EVERY_SIGNATURE) == before
    assert "name" not in {row[1] for row in rows(loaded, "pragma table_info(signature_rows)")}
    assert rows(loaded, "select count(*) from signature_people") == [(people,)] and people > 0
    assert rows(loaded, "select count(*) from signature_rows as r join statements as s on s.rowid = r.statement "
                        f"where r.dated is not {signatures.dated('s.date')} or r.dated > 32767") == [(0,)]
    assert rows(loaded, "select count(*) from sqlite_master where name = 'idx_signature_rows_affiliation_id'") == [(0,)]


def test_signature_rows_that_wrote_their_organisations_own_name_leave_it_empty_on_open(loaded):
    before = rows(loaded, EVERY_SIGNATURE)
    with sqlite3.connect(loaded) as conn:  # back to the previous layout: every row names its spelling
        conn.execute(f"create temp table kept as select statement, position, organisation, {WRITTEN}, dated, person, "
                     "unplaced_id from signature_rows as r")
        conn.execute("drop view signatures")
        conn.execute("drop table signature_rows")
        conn.execute(ROWS_WITH_PEOPLE[0].replace("name text,\n       role text, affiliation text, affiliation_id text "
                                                 "references organisations(id), ", ""))
        conn.execute("insert into signature_rows select * from temp.kept")
    assert rows(loaded, "select count(*) from signature_rows where written is null") == [(0,)]

    open_database(str(loaded)).close()
    assert rows(loaded, EVERY_SIGNATURE) == before
    assert rows(loaded, OWN_NAMES) == [(0, 0), (1, None)]


def test_a_signature_keeps_its_name_as_written_when_its_organisation_is_renamed_merged_or_removed(loaded):
    from db.resolve import merge_into

    before = rows(loaded, NAMED)
    db = open_database(str(loaded))
    by_name = db.execute("select o.id, o.rowid from organisations as o join signature_rows as r "
                         "on r.organisation = o.rowid where r.written is null group by o.rowid "
                         "order by count(*) desc limit 3").fetchall()
    renamed, merged, removed = by_name
    with db.atomic():
        db.execute("update organisations set name = 'Another Name' where id = ?", [renamed[0]])
        merge_into(db, merged[0], renamed[0], "test")
        for sql in ("delete from organisation_names where organisation_id = ?",  # what else names it, first
                    "update signature_people set affiliation_id = null where affiliation_id = ?",
                    "delete from organisation_redirects where organisation_id = ?",
                    "delete from organisations where id = ?"):
            db.execute(sql, [removed[0]])
    db.close()
    assert rows(loaded, "select count(*) from signature_rows where written is null and organisation in "
                        f"({renamed[1]}, {merged[1]}, {removed[1]})") == [(0,)]
    assert rows(loaded, NAMED) == before


def test_dated_keeps_the_order_of_dates_and_a_year_holds_its_dates():
    dates = ["1999-12-31", "2000", "2000-01", "2000-01-01", "2000-02-29", "2024-05-01", "2024-12-31", "2063-12-31"]
    with sqlite3.connect(":memory:") as conn:
        numbers = [conn.execute(f"select {signatures.dated(':date')}", {"date": date}).fetchone()[0] for date in dates]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers) and max(map(abs, numbers)) <= 32767
    bounds = signatures.year_range("2024")
    within = [date for date, number in zip(dates, numbers, strict=True) if
              bounds["year_from"] <= number < bounds["year_to"]]
    assert within == ["2024-05-01", "2024-12-31"]


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
    assert rows(loaded, "pragma page_size") == [(2048,)]
    assert hits and rows(loaded, found) == hits
    open_database(str(loaded)).close()  # and it is written to again as before
    assert rows(loaded, "pragma journal_mode") == [("wal",)] and rows(loaded, "pragma page_size") == [(2048,)]


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
        conn.executemany("delete from demand_rows where id / 1024 = ?", [(rowid,) for rowid in gone])
        conn.executemany("delete from signature_rows where statement = ?", [(rowid,) for rowid in gone])
        conn.executemany("delete from statements where rowid = ?", [(rowid,) for rowid in gone])
        conn.execute("delete from organisations where rowid not in (select organisation from signature_rows "
                     "where organisation is not null) and rowid % 3 = 0")
    conn.close()
    before = rows(loaded, EVERY_SIGNATURE)
    assert before and runner.invoke(cli, ["compact", "--db", str(loaded)]).exit_code == 0
    assert rows(loaded, EVERY_SIGNATURE) == before


def test_compact_of_a_file_another_program_holds_open_says_so(runner, loaded):
    other = sqlite3.connect(loaded)
    other.execute("select count(*) from statements").fetchall()
    try:
        result = runner.invoke(cli, ["compact", "--db", str(loaded)])
    finally:
        other.close()
    assert result.exit_code == 1
    assert result.output == f"Error: {loaded}: open in another program; close it, then compact\n"
