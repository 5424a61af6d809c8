"""Demands keyed by integers, behind a view with the columns pages, queries and exports read.

A demand wrote its text id ("<statement id>-<position>") and its statement's id in each row, and again in a
unique index and an index by statement. Here its key is one integer, the statement's rowid times 1,024 plus the
demand's position: a statement's demands lie together under their statement, found by a range of keys, and
the key is the rowid that the full-text index `demands_fts` reads each demand's text by (FTS5 finds the text
of a match by its rowid: a key of two columns could not serve it). The view `demands` gives back the text
columns, and the key as `row_key`, which Datasette's table search matches; writing goes to `demand_rows`.
"""

from __future__ import annotations

from sqlite_utils import Database

from .moving import refuse_orphans

TABLE = "demand_rows"
VIEW = "demands"
FTS = "demands_fts"
TOKENIZER = "porter unicode61 remove_diacritics 2"  # db/schema.py's FTS_TOKENIZER (which imports this module)
POSITIONS = 1024  # keys per statement: a statement keeps its first 1,023 demands (positions count from 1)
MOST = POSITIONS - 1
# The view as the demands table was: its columns, key and references (the data package describes it so).
SPEC = {
    "columns": {"id": str, "statement_id": str, "position": int, "addressee": str, "target": str, "verb": str,
                "action_category": int, "text": str},
    "pk": "id",
    "foreign_keys": [("statement_id", "statements", "id")],
}
COLUMNS = tuple(SPEC["columns"])
SHOWN = ", ".join(COLUMNS)  # what a demand says, without row_key: a storage key, which rowids decide

TABLE_SQL = f"""create table if not exists {TABLE} (
    id integer primary key,
    addressee text,
    target text,
    verb text,
    action_category integer,
    text text not null,
    check (id % {POSITIONS} > 0)
)"""
# A facet or sort of the demands page, and the home page's addressees, read these rather than the rows.
INDEXES = [f"create index if not exists idx_{TABLE}_{column} on {TABLE} ({column})"
           for column in ("addressee", "target", "verb", "action_category")]
# The statement's id is read by a subquery for the rows shown, not by a join: SQLite 3.40 keeps a join that
# an aggregate does not read, so each facet of the demands page would look up every demand's statement (2 to 4 s
# at 100,000 statements, 60 ms by the index alone). A filter by statement_id reads every row, so the site's pages
# find a statement's demands by their keys (OF_STATEMENTS), as the canned query demands_of_statement does.
STATEMENT_OF = f"(select id from statements where rowid = r.id / {POSITIONS})"
VIEW_SQL = f"""create view if not exists {VIEW} as select
    {STATEMENT_OF} || '-' || (r.id % {POSITIONS}) as id, {STATEMENT_OF} as statement_id,
    r.id % {POSITIONS} as position, r.addressee, r.target, r.verb, r.action_category, r.text, r.id as row_key
from {TABLE} as r"""
FTS_SQL = [
    f"create virtual table if not exists {FTS} using fts5 (text, content={TABLE}, tokenize='{TOKENIZER}')",
    f"""create trigger if not exists {TABLE}_ai after insert on {TABLE} begin
        insert into {FTS} (rowid, text) values (new.id, new.text);
    end""",
    f"""create trigger if not exists {TABLE}_ad after delete on {TABLE} begin
        insert into {FTS} ({FTS}, rowid, text) values ('delete', old.id, old.text);
    end""",
    f"""create trigger if not exists {TABLE}_au after update on {TABLE} begin
        insert into {FTS} ({FTS}, rowid, text) values ('delete', old.id, old.text);
        insert into {FTS} (rowid, text) values (new.id, new.text);
    end""",
]
STATEMENT = "(select rowid from statements where id = ?)"
# The demands of the statements whose ids {ids} lists (SQL: a parameter, or a subquery), as the view shows them.
OF_STATEMENTS = (f"select s.id || '-' || (r.id % {POSITIONS}) as id, s.id as statement_id, "
                 f"r.id % {POSITIONS} as position, r.addressee, r.target, r.verb, r.action_category, r.text "
                 f"from statements as s join {TABLE} as r on r.id >= s.rowid * {POSITIONS} "
                 f"and r.id < (s.rowid + 1) * {POSITIONS} where s.id in ({{ids}}) order by s.id, r.id")
KEYS_OF = f"id >= {{statement}} * {POSITIONS} and id < ({{statement}} + 1) * {POSITIONS}"  # a statement's demands


def _values(source: str) -> str:
    """The demand_rows values of a row as the view shows it, its columns named source + column."""
    return (f"(select rowid from statements where id = {source}statement_id) * {POSITIONS} + {source}position, "
            f"{source}addressee, {source}target, {source}verb, {source}action_category, {source}text")


STORED = "id, addressee, target, verb, action_category, text"
# Nothing is written for a demand whose statement is not stored, or whose position is outside 1 to MOST (it would
# take a key of another statement's): insert() counts what was written.
INSERT = (f"insert into {TABLE} ({STORED}) select {_values(':')} "
          f"where :position between 1 and {MOST} and exists (select 1 from statements where id = :statement_id)")


def ensure(db: Database) -> None:
    """The table, its indexes, the view and the full-text index; a database whose demands were a table of text
    has them moved."""
    kind = db.execute("select type from main.sqlite_master where name = ?", [VIEW]).fetchone()
    if kind == ("table",):
        _migrate(db)
    elif kind == ("view",) and "row_key" not in db[VIEW].columns_dict:
        db.execute(f"drop view main.{VIEW}")  # made before it showed the key its full-text index finds a demand by
    _create(db)


def _create(db: Database) -> None:
    for sql in [TABLE_SQL, *INDEXES, VIEW_SQL]:
        db.execute(sql)
    if not db.execute("select 1 from main.sqlite_master where name = ?", [FTS]).fetchone():
        for sql in FTS_SQL:
            db.execute(sql)
        db.execute(f"insert into {FTS} ({FTS}) values ('rebuild')")  # rows stored before the index was made


def insert(db: Database, rows: list[dict]) -> None:
    """Demand rows as the view shows them (statement_id, position, ...): their statement must be stored
    already, and each position be from 1 to MOST."""
    written = db.conn.executemany(INSERT, rows).rowcount if rows else 0
    if written != len(rows):
        raise ValueError(f"{len(rows) - written} of {len(rows)} demands were not stored: each needs its statement "
                         f"stored first and a position from 1 to {MOST}")


def delete_statement(db: Database, statement_id: str) -> None:
    db.execute(f"delete from {TABLE} where {KEYS_OF.format(statement=STATEMENT)}", [statement_id, statement_id])


def _migrate(db: Database) -> None:
    """The demands table of text becomes rows keyed by integers, in one transaction: every row moves, or the
    error says which cannot."""
    present = set(db[VIEW].columns_dict)
    taken = {column: f"old.[{column}]" if column in present else "null" for column in COLUMNS}
    refuse_orphans(db, "demands")
    beyond = db.execute(f"select count(*) from demands where not position between 1 and {MOST}").fetchone()[0]
    if beyond:
        raise ValueError(f"{beyond} demands have a position outside 1 to {MOST}: the demands table is kept as it "
                         "is until they are renumbered")
    rows = ", ".join(f"{taken[column]} as {column}" for column in COLUMNS)
    with db.atomic():
        db.execute("create temp table old_demands as select " + rows + " from main.demands as old")
        db.execute(f"drop table if exists main.{FTS}")  # its triggers go with the table they are on
        db.execute("drop table main.demands")
        db.execute(TABLE_SQL)
        db.execute(f"insert into {TABLE} ({STORED}) select {_values('old.')} from old_demands as old")
        db.execute("drop table temp.old_demands")
        _create(db)
