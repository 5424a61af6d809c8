"""The public SQL interface: tables, keys, indexes and full-text search, applied idempotently."""

from __future__ import annotations

import sqlite3
from pathlib import Path, PurePosixPath

from sqlite_utils import Database

from . import archive, demands, families, signatures, similar

CACHE_KIB = 256 * 1024
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"

TABLES: dict[str, dict] = {
    "statements": {
        "columns": {"id": str, "url": str, "title": str, "kind": str, "date": str, "year": int,
                    "date_updated": str, "publisher": str, "language": str, "text": str,
                    "stated_signatory_count": int, "stated_signatory_minimum": int, "n_demands": int,
                    "n_signatories": int, "n_organisations": int, "n_individuals": int, "document_id": str,
                    "parser_version": str, "parsed_at": str,
                    "warnings": str, "needs_review": int,
                    "copy_of": str},  # the canonical statement of its family (db/families.py), if a copy
        "pk": "id",
        "not_null": {"text", "document_id", "parser_version", "parsed_at", "n_demands", "n_signatories"},
    },
    "organisations": {
        "columns": {"id": str, "name": str, "country": str, "country_source": str, "city": str, "kind": str,
                    "lat": float, "lon": float, "n_statements": int, "first_signed": str, "last_signed": str,
                    "name_key": str},
        "pk": "id",
        "not_null": {"name"},
    },
    "organisation_redirects": {  # ids that were an organisation's, so that old links still resolve
        "columns": {"old_id": str, "organisation_id": str, "reason": str, "recorded_at": str},
        "pk": "old_id",
        "foreign_keys": [("organisation_id", "organisations", "id")],
        "not_null": {"organisation_id"},
    },
    "organisation_names": {
        "columns": {"organisation_id": str, "name_as_written": str, "n_signatures": int},
        "pk": ("organisation_id", "name_as_written"),
        "foreign_keys": [("organisation_id", "organisations", "id")],
    },
}

# Every facet and sortable column of metadata.json leads an index (tests/test_load.py checks):
# a sort or facet on a column without one reads the whole table on every page.
INDEXES: dict[str, list[list[str]]] = {
    "statements": [["year"], ["date"], ["publisher"], ["language"], ["kind"],
                   ["needs_review"], ["title"], ["n_signatories"], ["n_organisations"], ["n_individuals"],
                   ["n_demands"], ["stated_signatory_count"], ["parsed_at"], ["date_updated"],
                   # /search's facets and filters (db/search.py), read without the rows and their text
                   ["year", "publisher", "language", "kind", "needs_review", "date", "id"],
                   # a family counted once: "copy_of is null", by year for the charts
                   ["copy_of", "year"]],
    "organisations": [["country"], ["name"], ["country_source"], ["n_statements"], ["first_signed"],
                      ["last_signed"], ["name_key"]],
    "organisation_names": [["name_as_written"], ["n_signatures"]],
    "organisation_redirects": [["organisation_id"]],
}
# The signatures' and the demands' tables and indexes, and the views that show them as tables: db/signatures.py,
# db/demands.py.
# Indexes of earlier versions that no page, query or lookup uses, dropped from databases that have them.
UNUSED_INDEXES = ("idx_statements_url",)

FULL_TEXT: dict[str, list[str]] = {
    "statements": ["title", "text"],
    "organisations": ["name"],
}
FULL_TEXT_INDEXES = (*(f"{name}_fts" for name in FULL_TEXT), demands.FTS)
# Each view with a row for each row of its table (its joins are left joins on unique keys): counted as that table.
# Counting the signatures view did its joins for each of 5.3 million rows (78.6 s at 100,000 statements).
VIEW_TABLES = {signatures.VIEW: signatures.TABLE, demands.VIEW: demands.TABLE, similar.SIMILAR: similar.ROWS}


def ensure_schema(db: Database) -> None:
    """Create whatever is missing; safe to run on every open. A database built by an earlier version is
    brought up to date, and nothing stored is lost."""
    db.execute("PRAGMA foreign_keys = ON")
    if db.journal_mode != "wal":
        db.enable_wal()
    backfills = []
    for name, spec in TABLES.items():
        if not db[name].exists():
            db[name].create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"),
                            not_null=spec.get("not_null"))
        else:
            backfills += add_missing_columns(db, name, spec["columns"])
    for name, spec in TABLES.items():
        _reshape(db, name, spec)
    for name, indexes in INDEXES.items():
        for columns in indexes:
            db[name].create_index(columns, if_not_exists=True, find_unique_name=False)
    signatures.ensure(db)
    demands.ensure(db)
    families.ensure(db)
    similar.ensure(db)
    for name in UNUSED_INDEXES:
        db.execute(f"drop index if exists main.[{name}]")
    for name, columns in FULL_TEXT.items():
        if not db[f"{name}_fts"].exists():
            db[name].enable_fts(columns, tokenize=FTS_TOKENIZER, create_triggers=True)
    for backfill in backfills:  # with the whole schema in place
        backfill(db)
    if db.execute("PRAGMA user_version").fetchone()[0] < RELATIVE_PATHS:
        with db.atomic():
            _relative_paths(db)
            db.execute(f"PRAGMA user_version = {RELATIVE_PATHS}")


# PRAGMA user_version from which documents.path holds no absolute path (or '..') of the curator's machine.
RELATIVE_PATHS = 1


def _relative_paths(db: Database) -> None:
    """Earlier versions stored a file's path as given, often absolute (/home/someone/...): each keeps only its
    file name. Re-parsing needs no path (the bytes are stored), and two files may share a name."""
    rows = db.execute("select id, path from documents where path is not null").fetchall()
    for doc_id, path in rows:
        stored = PurePosixPath(path)
        if "://" not in path and (stored.is_absolute() or ".." in stored.parts):
            db.execute("update documents set path = ? where id = ?", [stored.name, doc_id])


def add_missing_columns(db: Database, name: str, columns: dict[str, type]) -> list:
    """A database built by an earlier version gains the columns added since; nothing is dropped. Returns
    the backfills to run once the schema is complete."""
    present = db[name].columns_dict
    later = []
    for column, column_type in columns.items():
        if column not in present:
            db[name].add_column(column, column_type)
            backfill = BACKFILLS.get((name, column))
            if isinstance(backfill, str):
                db.execute(backfill)
            elif backfill is not None:
                later.append(backfill)
    return later


def _reshape(db: Database, name: str, spec: dict) -> None:
    """What an added column cannot bring: a foreign key on it, or a column that may now be empty (before
    individuals were kept, every signature named an organisation). The table is rebuilt, rows and all."""
    present = {fk.column for fk in db[name].foreign_keys}
    missing = [key for key in spec.get("foreign_keys", []) if key[0] not in present]
    loosened = {column.name: False for column in db[name].columns
                if column.notnull and not column.is_pk and column.name not in spec.get("not_null", set())}
    if not (missing or loosened):
        return
    # As SQLite's documentation rebuilds a table: foreign keys off, the new table filled from the old one,
    # swapped in. sqlite-utils' transform() would refuse a database whose keys were already broken.
    statements = db[name].transform_sql(add_foreign_keys=missing or None, not_null=loosened or None)
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            for sql in statements:
                db.execute(sql)
    finally:
        db.execute("PRAGMA foreign_keys = ON")


def rebuild_without_foreign_key(db: Database, name: str, column: str) -> None:
    """Drop a foreign key whose table has gone elsewhere (documents, to the archive): the table is rebuilt,
    rows, indexes and triggers (its full-text index's) and all. Run with foreign keys off."""
    if not any(key.column == column for key in db[name].foreign_keys):
        return
    triggers = [row[0] for row in db.execute(
        "select sql from main.sqlite_master where type = 'trigger' and tbl_name = ?", [name])]
    for sql in db[name].transform_sql(drop_foreign_keys=[column]):
        db.execute(sql)
    for sql in triggers:
        db.execute(sql)


def _organisation_identities(db: Database) -> None:
    from .organisations import curation
    from .resolve import bring_up_to_date

    bring_up_to_date(db, curation())


BACKFILLS = {  # values an added column can take from what is already stored
    ("statements", "n_organisations"): "update statements set n_organisations = n_signatories",
    ("statement_versions", "n_organisations"): "update statement_versions set n_organisations = n_signatories",
    # n_individuals stays empty until `undersigned reparse`: people were not stored before.
    # Organisations gain their name keys; the rules of today then merge what they find to be one.
    ("organisations", "name_key"): _organisation_identities,
}


class KnowledgeBase(Database):
    """The knowledge base, with its archive attached when it was opened through open_database: the archive's
    tables (documents, statement_versions, crawl_runs, crawl_queue) answer to their plain names, in SQL as
    through db[name], since the knowledge base has none of them."""

    archived = False

    def table_names(self, fts4: bool = False, fts5: bool = False) -> list[str]:
        names = super().table_names(fts4, fts5)
        if self.archived and not (fts4 or fts5):
            names += [row[0] for row in self.execute(
                f"select name from {archive.SCHEMA}.sqlite_master where type = 'table'")]
        return names

    def attach_archive(self, path: Path) -> None:
        archive.ensure_archive(path)
        self.execute(f"attach database ? as {archive.SCHEMA}", [str(path)])
        self.execute(f"PRAGMA {archive.SCHEMA}.synchronous = NORMAL")
        self.archived = True


def open_database(path: str) -> KnowledgeBase:
    """The knowledge base with its archive beside it, both with their schemas ensured; a database from
    before the archive had its own file is split first. Its connection may be handed to one other thread
    at a time (the crawler keeps every database call on one worker thread, off its event loop)."""
    db = KnowledgeBase(sqlite3.connect(path, check_same_thread=False))
    # In WAL mode NORMAL cannot corrupt the database; a power cut may lose the last commits, which a
    # re-run fetches again. FULL would wait for an fsync at every document saved.
    db.execute("PRAGMA synchronous = NORMAL")
    # The default 2 MB page cache thrashes once the indexes outgrow it (random keys land anywhere);
    # this is a ceiling, taken only as pages are read.
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    db.attach_archive(archive.archive_path(path))
    archive.move_into_archive(db)
    ensure_schema(db)
    return db
