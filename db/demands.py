"""Demands keyed by integers, behind a view with the columns pages, queries and exports read.

A demand wrote its text id ("<statement id>-<position>") and its statement's id in each row, and again in a
unique index and an index by statement. Here its key is one integer, the statement's rowid times 1,024 plus the
demand's position: a statement's demands lie together under their statement, found by a range of keys, and
the key is the rowid that the full-text index `demands_fts` reads each demand's text by (FTS5 finds the text
of a match by its rowid: a key of two columns could not serve it). The view `demands` gives back the text
columns, and the key as `row_key`, which Datasette's table search matches; writing goes to `demand_rows`.

A demand's text is nearly always a stretch of its statement's text, word for word: it is stored as where that
stretch starts and how long it is (`start`, `length`, as substr() takes them), and as text only where it is not
(116 bytes a demand in the synthetic corpus, 5 instead). The view and the full-text index read it from wherever
it is; a statement's text cannot change, nor the statement go, while demands read from it (triggers refuse).
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
    start integer,
    length integer,
    text text,
    check (id % {POSITIONS} > 0),
    check (text is not null or (start > 0 and length >= 0))
)"""
# A facet or sort of the demands page, and the home page's addressees, read these rather than the rows.
INDEXES = [f"create index if not exists idx_{TABLE}_{column} on {TABLE} ({column})"
           for column in ("addressee", "target", "verb", "action_category")]
# The statement's id is read by a subquery for the rows shown, not by a join: SQLite 3.40 keeps a join that
# an aggregate does not read, so each facet of the demands page would look up every demand's statement (2 to 4 s
# at 100,000 statements, 60 ms by the index alone). A filter by statement_id reads every row, so the site's pages
# find a statement's demands by their keys (OF_STATEMENTS), as the canned query demands_of_statement does.
STATEMENT_OF = f"(select id from statements where rowid = r.id / {POSITIONS})"


def text_of(row: str, statement_text: str | None = None) -> str:
    """SQL for a demand's text, its row named row: its own, or the stretch of its statement's text it names."""
    whole = statement_text or f"(select text from statements where rowid = {row}.id / {POSITIONS})"
    return f"coalesce({row}.text, substr({whole}, {row}.start, {row}.length))"


VIEW_SQL = f"""create view if not exists {VIEW} as select
    {STATEMENT_OF} || '-' || (r.id % {POSITIONS}) as id, {STATEMENT_OF} as statement_id,
    r.id % {POSITIONS} as position, r.addressee, r.target, r.verb, r.action_category, {text_of('r')} as text,
    r.id as row_key
from {TABLE} as r"""
# The full-text index reads a demand's text through the view (by row_key, the table's key), the triggers
# from the row and its statement.
FTS_SQL = [
    f"create virtual table if not exists {FTS} using fts5 (text, content={VIEW}, content_rowid=row_key, "
    f"tokenize='{TOKENIZER}')",
    f"""create trigger if not exists {TABLE}_ai after insert on {TABLE} begin
        insert into {FTS} (rowid, text) values (new.id, {text_of('new')});
    end""",
    f"""create trigger if not exists {TABLE}_ad after delete on {TABLE} begin
        insert into {FTS} ({FTS}, rowid, text) values ('delete', old.id, {text_of('old')});
    end""",
    f"""create trigger if not exists {TABLE}_au after update on {TABLE} begin
        insert into {FTS} ({FTS}, rowid, text) values ('delete', old.id, {text_of('old')});
        insert into {FTS} (rowid, text) values (new.id, {text_of('new')});
    end""",
]
READ_FROM = (f"{TABLE} where id >= old.rowid * {POSITIONS} and id < (old.rowid + 1) * {POSITIONS} "
             "and text is null")
REFUSED = "a statement''s demands read their text from it: delete its demands first"
# A demand's stretch would name other words, and its full-text entry could no longer be deleted. A change that
# keeps every stretch its demands read (text added at the end, say) goes through.
GUARD_NAMES = ("statements_text_read_by_demands", "statements_deleted_before_demands")
GUARDS = [
    f"""create trigger if not exists statements_text_read_by_demands before update of text on statements
    when exists (select 1 from {READ_FROM} and substr(new.text, start, length) is not substr(old.text, start, length))
    begin select raise(abort, '{REFUSED}, or keep the words they read'); end""",
    f"""create trigger if not exists statements_deleted_before_demands before delete on statements
    when exists (select 1 from {READ_FROM}) begin select raise(abort, '{REFUSED}'); end""",
]
STATEMENT = "(select rowid from statements where id = ?)"
# The demands of the statements whose ids {ids} lists (SQL: a parameter, or a subquery), as the view shows them.
OF_STATEMENTS = (f"select s.id || '-' || (r.id % {POSITIONS}) as id, s.id as statement_id, "
                 f"r.id % {POSITIONS} as position, r.addressee, r.target, r.verb, r.action_category, "
                 f"{text_of('r', 's.text')} as text "
                 f"from statements as s join {TABLE} as r on r.id >= s.rowid * {POSITIONS} "
                 f"and r.id < (s.rowid + 1) * {POSITIONS} where s.id in ({{ids}}) order by s.id, r.id")
KEYS_OF = f"id >= {{statement}} * {POSITIONS} and id < ({{statement}} + 1) * {POSITIONS}"  # a statement's demands


def _stored(rows: str) -> str:
    """SQL for the demand_rows values of rows (key, addressee, target, verb, action_category, said, whole), said
    being the demand's text and whole its statement's: a stretch of the whole where said is one, else said."""
    return (f"select key, addressee, target, verb, action_category, iif(found, at, null), "
            f"iif(found, length(said), null), iif(found, null, said) from ("
            f"select *, at > 0 and substr(whole, at, length(said)) = said as found from ("
            f"select *, instr(whole, said) as at from ({rows})))")


def _values(source: str) -> str:
    """The (key, addressee, target, verb, action_category, said, whole) of rows as the view shows them, their
    columns named source + column, joined to their statements as s."""
    return (f"select s.rowid * {POSITIONS} + {source}position as key, {source}addressee as addressee, "
            f"{source}target as target, {source}verb as verb, {source}action_category as action_category, "
            f"{source}text as said, s.text as whole")


STORED = "id, addressee, target, verb, action_category, start, length, text"
# Nothing is written for a demand whose statement is not stored, or whose position is outside 1 to MOST (it would
# take a key of another statement's): insert() counts what was written.
INSERT = (f"insert into {TABLE} ({STORED}) " + _stored(
    f"{_values(':')} from statements as s where s.id = :statement_id and :position between 1 and {MOST}"))


def ensure(db: Database) -> None:
    """The table, its indexes, the view and the full-text index; a database whose demands were a table of text
    has them moved."""
    kind = db.execute("select type from main.sqlite_master where name = ?", [VIEW]).fetchone()
    if kind == ("table",):
        _migrate(db)
    elif db[TABLE].exists() and "start" not in db[TABLE].columns_dict:
        _text_once(db)
    elif kind == ("view",) and "row_key" not in db[VIEW].columns_dict:
        db.execute(f"drop view main.{VIEW}")  # made before it showed the key its full-text index finds a demand by
    _create(db)


def _create(db: Database) -> None:
    for sql in [TABLE_SQL, *INDEXES, VIEW_SQL, *GUARDS]:
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
        db.execute(f"insert into {TABLE} ({STORED}) " + _stored(
            f"{_values('old.')} from old_demands as old join statements as s on s.id = old.statement_id"))
        db.execute("drop table temp.old_demands")
        _create(db)


def _text_once(db: Database) -> None:
    """Demand rows that each held their text move to rows that name the stretch of their statement's text it is,
    in one transaction; the full-text index, which read the rows' text, is made again over the view."""
    with db.atomic():
        db.execute(f"drop view if exists main.{VIEW}")
        db.execute(f"drop table if exists main.{FTS}")
        for trigger in [f"{TABLE}_ai", f"{TABLE}_ad", f"{TABLE}_au", *GUARD_NAMES]:
            db.execute(f"drop trigger if exists main.{trigger}")
        db.execute(f"alter table main.{TABLE} rename to old_demand_rows")
        for sql in INDEXES:  # the old table's indexes keep their names: they go with it
            db.execute(f"drop index if exists main.{sql.split()[5]}")
        db.execute(TABLE_SQL)
        db.execute(f"insert into {TABLE} ({STORED}) " + _stored(
            "select r.id as key, r.addressee, r.target, r.verb, r.action_category, r.text as said, s.text as whole "
            f"from old_demand_rows as r left join statements as s on s.rowid = r.id / {POSITIONS}"))
        db.execute("drop table old_demand_rows")
        _create(db)
