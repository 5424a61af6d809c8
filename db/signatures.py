"""Signatures keyed by integers, behind a view with the columns pages, queries and exports read.

A statement signed by fifty organisations wrote, in text, its id fifty times, each organisation's id and
its name as written, and wrote them again in two indexes: 11 KB a statement, more than its text. Here a
signature is a row of integers: the statement's and the organisation's rowids (which VACUUM and
sqlite-utils' transform keep), and the id of its name as written in `written_names`, one row per spelling.
A person's name, role and affiliation are in `signature_people`, beside the few rows that are a person's:
an organisation's row does not carry four empty columns. The view `signatures` gives back the text columns;
writing goes to `signature_rows` and `signature_people`.
"""

from __future__ import annotations

from sqlite_utils import Database

from .moving import refuse_orphans

TABLE = "signature_rows"
PEOPLE = "signature_people"
NAMES = "written_names"
VIEW = "signatures"
# The view as the signatures table was: its columns, key and references (the data package describes it so).
SPEC = {
    "columns": {"statement_id": str, "organisation_id": str, "position": int, "name_as_written": str, "date": str,
                "kind": str, "name": str, "role": str, "affiliation": str, "affiliation_id": str, "unplaced_id": str},
    "pk": ("statement_id", "position"),
    "foreign_keys": [("statement_id", "statements", "id"), ("organisation_id", "organisations", "id"),
                     ("affiliation_id", "organisations", "id")],
}
COLUMNS = tuple(SPEC["columns"])

CREATE = [
    f"""create table if not exists {NAMES} (
        id integer primary key,
        name_as_written text not null unique
    )""",
    # dated: the statement's date as one small number, (year - 2000) * 512 + month * 32 + day (0 for a month or
    # day not given), so that an organisation's newest signatures come from an index: 2 bytes for the years
    # 1936 to 2063, where the date's text took 11 and yyyymmdd 4.
    # person: 1 for an individual, 0 for an organisation (SQLite stores both in the row's header alone).
    # An organisation's signature without an organisation would be one whose id was not found: refused.
    # written: empty where the name as written is the organisation's own name (nine signatures in ten).
    f"""create table if not exists {TABLE} (
        statement integer not null,
        position integer not null,
        organisation integer,
        written integer references {NAMES}(id),
        dated integer,
        person integer not null,
        unplaced_id text,
        primary key (statement, position),
        check (person = 1 or organisation is not null),
        check (written is not null or organisation is not null)
    ) without rowid""",
    f"""create table if not exists {PEOPLE} (
        statement integer not null,
        position integer not null,
        name text,
        role text,
        affiliation text,
        affiliation_id text references organisations(id),
        primary key (statement, position)
    ) without rowid""",
    # An organisation's newest signatures, and whether it signed in a year.
    f"create index if not exists idx_signature_rows_organisation_dated on {TABLE} (organisation, dated)",
    # Over the few rows that have a value: most people give no affiliation, most signatures joined no one.
    f"create index if not exists idx_signature_people_affiliation_id on {PEOPLE} (affiliation_id) "
    "where affiliation_id is not null",
    f"create index if not exists idx_signature_rows_unplaced_id on {TABLE} (unplaced_id) where unplaced_id is not null",
    # Left joins: a query that reads none of a joined table's columns does not join it at all.
    f"""create view if not exists {VIEW} as select
        s.id as statement_id, o.id as organisation_id, r.position, coalesce(w.name_as_written, o.name)
        as name_as_written, s.date,
        case r.person when 1 then 'individual' else 'organisation' end as kind, p.name, p.role, p.affiliation,
        p.affiliation_id, r.unplaced_id
    from {TABLE} as r
    left join statements as s on s.rowid = r.statement
    left join {NAMES} as w on w.id = r.written
    left join organisations as o on o.rowid = r.organisation
    left join {PEOPLE} as p on p.statement = r.statement and p.position = r.position""",
    # A signature that showed its organisation's name keeps it as written when it moves to another organisation,
    # or when its organisation is renamed or removed.
    f"""create trigger if not exists {TABLE}_written_kept after update of organisation on {TABLE}
    when old.written is null and new.organisation is not old.organisation begin
        insert or ignore into {NAMES} (name_as_written) select name from organisations where rowid = old.organisation;
        update {TABLE} set written = (select w.id from {NAMES} as w join organisations as o
            on w.name_as_written = o.name where o.rowid = old.organisation)
        where statement = old.statement and position = old.position;
    end""",
    *(f"""create trigger if not exists organisations_{event}_written_kept before {on} on organisations {when} begin
        insert or ignore into {NAMES} (name_as_written) values (old.name);
        update {TABLE} set written = (select id from {NAMES} where name_as_written = old.name)
            where organisation = old.rowid and written is null;
    end""" for event, on, when in (("renamed", "update of name", "when new.name is not old.name"),
                                  ("deleted", "delete", ""))),
]
# Indexes of earlier versions, dropped from databases that have them.
UNUSED_INDEXES = ("idx_signature_rows_affiliation_id",)
YEAR_ZERO, YEAR, MONTH = 2000, 512, 32


def dated(date: str) -> str:
    """SQL for the dated number of an ISO date (or of its year, or year and month: zeros for what is missing)."""
    return (f"(cast(substr({date}, 1, 4) as integer) - {YEAR_ZERO}) * {YEAR} "
            f"+ cast(substr({date}, 6, 2) as integer) * {MONTH} + cast(substr({date}, 9, 2) as integer)")


def year_range(year: str) -> dict[str, int]:
    """The bounds of a year's dated values: dated >= year_from and dated < year_to."""
    return {"year_from": (int(year) - YEAR_ZERO) * YEAR, "year_to": (int(year) + 1 - YEAR_ZERO) * YEAR}


def _values(source: str) -> str:
    """The signature_rows values of a row as the view shows it, its columns named source + column."""
    return (f"(select rowid from statements where id = {source}statement_id), {source}position, "
            f"(select rowid from organisations where id = {source}organisation_id), "
            f"(select id from {NAMES} where name_as_written = {source}name_as_written and name_as_written is not "
            f"(select name from organisations where id = {source}organisation_id)), {dated(source + 'date')}, "
            f"{source}kind = 'individual', {source}unplaced_id")


def _person(source: str) -> str:
    """The signature_people values of a row as the view shows it."""
    return (f"(select rowid from statements where id = {source}statement_id), {source}position, {source}name, "
            f"{source}role, {source}affiliation, {source}affiliation_id")


STORED = "statement, position, organisation, written, dated, person, unplaced_id"
INSERT = f"insert into {TABLE} ({STORED}) values ({_values(':')})"
PERSON = "statement, position, name, role, affiliation, affiliation_id"
INSERT_PERSON = f"insert into {PEOPLE} ({PERSON}) values ({_person(':')})"

ORGANISATION = "(select rowid from organisations where id = ?)"  # an organisation id as signature_rows hold it
STATEMENT = "(select rowid from statements where id = ?)"


def ensure(db: Database) -> None:
    """The tables, indexes and view; a database whose signatures were a table of text has them moved."""
    kind = db.execute("select type from main.sqlite_master where name = ?", [VIEW]).fetchone()
    if kind == ("table",):
        _migrate(db)
    elif "name" in db[TABLE].columns_dict:
        _slim(db)
    elif db[TABLE].columns_dict and _written_always(db):
        _written_once(db)
    for sql in CREATE:
        db.execute(sql)
    for name in UNUSED_INDEXES:
        db.execute(f"drop index if exists main.[{name}]")


def insert(db: Database, rows: list[dict]) -> None:
    """Signature rows as the view shows them (statement_id, organisation_id, name_as_written, ...): their
    statement and organisation must be stored already."""
    if rows:
        db.conn.executemany(f"insert or ignore into {NAMES} (name_as_written) values (?)",
                            [(row["name_as_written"],) for row in rows])
        db.conn.executemany(INSERT, rows)
        db.conn.executemany(INSERT_PERSON, [row for row in rows if row["kind"] == "individual"])


def delete_statement(db: Database, statement_id: str) -> None:
    db.execute(f"delete from {TABLE} where statement = {STATEMENT}", [statement_id])
    db.execute(f"delete from {PEOPLE} where statement = {STATEMENT}", [statement_id])


def _unrecorded_organisations(db: Database) -> None:
    """An organisation a signature names that has no row (an early database kept no foreign keys) gets one,
    as a name without a country gets one: the signature keeps it."""
    from ingest.orgnames import identify, name_key_of

    missing = db.execute("""select id, min(written) from (
            select organisation_id as id, name_as_written as written from old_signatures
            union all select affiliation_id, affiliation from old_signatures)
        where id is not null and id not in (select id from organisations) group by id""").fetchall()
    for key, written in missing:
        db.execute("insert into organisations (id, name, kind, country_source, name_key) "
                   "values (?, ?, 'organisation', 'unknown', ?)", [key, identify(written or key, None).name,
                                                                   name_key_of(key)])


def _migrate(db: Database) -> None:
    """The signatures table of text becomes rows of integers, in one transaction: every row moves, or the
    error says which cannot (a statement that is not stored; foreign keys made that impossible)."""
    present = set(db["signatures"].columns_dict)
    taken = {column: f"old.[{column}]" if column in present else "null" for column in COLUMNS}
    if "date" not in present:  # from before the date was copied into each signature
        taken["date"] = "(select date from statements where id = old.statement_id)"
    if "kind" not in present:  # from before individuals were kept: every signature was an organisation's
        taken["kind"] = "'organisation'"
    refuse_orphans(db, "signatures")
    rows = ", ".join(f"{taken[column]} as {column}" for column in COLUMNS)
    with db.atomic():
        db.execute("create temp table old_signatures as select " + rows + " from main.signatures as old")
        db.execute("drop table main.signatures")
        for sql in CREATE:
            db.execute(sql)
        _unrecorded_organisations(db)
        db.execute(f"insert or ignore into {NAMES} (name_as_written) select name_as_written from old_signatures")
        db.execute(f"insert into {TABLE} ({STORED}) select {_values('old.')} from old_signatures as old")
        db.execute(f"insert into {PEOPLE} ({PERSON}) select {_person('old.')} from old_signatures as old "
                   "where kind = 'individual'")
        db.execute("drop table temp.old_signatures")


def _slim(db: Database) -> None:
    """Signature rows that carried a person's columns in every row, and dated as yyyymmdd, move to rows without
    them and the smaller dated, the people's columns to signature_people: in one transaction, nothing lost."""
    small = f"(dated / 10000 - {YEAR_ZERO}) * {YEAR} + dated / 100 % 100 * {MONTH} + dated % 100"
    with db.atomic():
        db.execute(f"drop view if exists {VIEW}")
        db.execute(f"alter table {TABLE} rename to old_signature_rows")
        for index in ("idx_signature_rows_organisation_dated", "idx_signature_rows_unplaced_id", *UNUSED_INDEXES):
            db.execute(f"drop index if exists main.[{index}]")
        for sql in CREATE[:3]:
            db.execute(sql)
        db.execute(f"insert into {TABLE} ({STORED}) select statement, position, organisation, written, {small}, "
                   "person, unplaced_id from old_signature_rows")
        db.execute(f"insert into {PEOPLE} ({PERSON}) select {PERSON} from old_signature_rows where person = 1")
        db.execute("drop table old_signature_rows")


def _written_always(db: Database) -> bool:
    sql = f"select \"notnull\" from pragma_table_info('{TABLE}') where name = 'written'"
    return bool(db.execute(sql).fetchone()[0])


def _written_once(db: Database) -> None:
    """Signature rows that named their name as written even where it is their organisation's own name move to rows
    that leave it empty there, in one transaction, nothing lost (the view shows the organisation's name)."""
    with db.atomic():
        db.execute(f"drop view if exists {VIEW}")
        db.execute(f"alter table {TABLE} rename to old_signature_rows")
        for index in ("idx_signature_rows_organisation_dated", "idx_signature_rows_unplaced_id", *UNUSED_INDEXES):
            db.execute(f"drop index if exists main.[{index}]")
        db.execute(CREATE[1])
        db.execute(f"insert into {TABLE} ({STORED}) select r.statement, r.position, r.organisation, "
                   "iif(w.name_as_written is o.name, null, r.written), r.dated, r.person, r.unplaced_id "
                   f"from old_signature_rows as r join {NAMES} as w on w.id = r.written "
                   "left join organisations as o on o.rowid = r.organisation")
        db.execute("drop table old_signature_rows")
