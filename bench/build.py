"""Building the benchmark database twice: through the project's loader, and as a bulk baseline.

Both are timed on their database work only: making the synthetic records (and, for the baseline, turning
them into rows) happens outside the clock, a slice at a time, so memory stays flat at any size.
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlite_utils import Database

from db import archive, demands, families, load, organisations, resolve, signatures, similar
from db.schema import CACHE_KIB, TABLES, VIEW_TABLES, KnowledgeBase, ensure_schema, open_database
from ingest.parse import PARSER_VERSION

from .progress import BULK_STEPS
from .synthetic import Corpus

SLICE = 2000  # statements made, then saved, at a time (also the loader's batch: one transaction each)


def build_with_loader(path: Path, corpus: Corpus, start: int = 0, step: int = SLICE, saved=None,
                      force_first: bool = False) -> float:
    """Save statements start..n-1 through db.load.save_many, `step` in each transaction; returns the seconds
    spent saving. After each transaction, `saved(done, seconds)` is told how many statements are saved and
    what that slice took. force_first saves the first slice again in full, as if it were new: a slice that
    was committed without its seconds being recorded is timed again."""
    db = open_database(str(path))
    seconds = 0.0
    try:
        for first in range(start, corpus.n, step):
            pairs = list(corpus.pairs(first, first + step))
            began = time.perf_counter()
            outcomes = load.save_many(db, pairs, PARSER_VERSION, force=force_first and first == start)
            took = time.perf_counter() - began
            seconds += took
            failures = [r for r in outcomes if isinstance(r, Exception)]
            if failures:
                raise RuntimeError(f"the loader refused a synthetic statement: {failures[0]}")
            if saved:
                saved(first + len(pairs), took)
    finally:
        db.close()
    return seconds


def create_bulk(path: Path) -> None:
    """The bulk baseline's bare tables: sqlite-utils insert_all goes into these, as fast as it can."""
    db = _open_bulk(path)
    try:
        for name, spec in TABLES.items():
            db[name].create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"),
                            not_null=spec.get("not_null"))
        for sql in signatures.CREATE:  # with its indexes: the rows go in by key, no faster without them
            db.execute(sql)
        db.execute(demands.TABLE_SQL)
        families.ensure(db)
        similar.ensure(db)
    finally:
        db.close()


def build_bulk(path: Path, corpus: Corpus) -> float:
    """The bulk baseline in one go: the fastest way we know to the same database. Returns the seconds spent on
    its database work."""
    create_bulk(path)
    return insert_bulk(path, corpus) + sum(finish_bulk(path, step) for step in BULK_STEPS)


def insert_bulk(path: Path, corpus: Corpus, start: int = 0, step: int = SLICE, saved=None) -> float:
    """The same rows with sqlite-utils insert_all into the bare tables, `step` statements in each transaction,
    from statement start on; returns the seconds spent, and tells `saved(done, seconds)` after each
    transaction. Its archive is beside it, as the loader's is, bodies compressed the same way."""
    db = _open_bulk(path)
    seconds = 0.0
    try:
        for first in range(start, corpus.n, step):
            rows = _rows(corpus, first, first + step)
            began = time.perf_counter()
            with db.atomic():
                archive.codec(db).prepare()
                rows["documents"] = [archive.stored_document(db, row) for row in rows["documents"]]
                signed = rows.pop("signatures")
                asked = rows.pop("demands")
                meanings = rows.pop("statement_vectors")
                bands = rows.pop("fingerprint_bands")
                for table, table_rows in rows.items():
                    db[table].insert_all(table_rows, pk={**TABLES, **archive.TABLES}[table]["pk"],
                                         ignore=table == "organisations", batch_size=200)
                demands.insert(db, asked)
                signatures.insert(db, signed)
                db.conn.executemany(f"insert into {similar.VECTORS} (statement, vector) values "
                                    "((select rowid from statements where id = :statement_id), :vector)", meanings)
                db.conn.executemany(f"insert or ignore into {families.BAND_KEYS} (band, statement) values "
                                    "(:band, (select rowid from statements where id = :statement_id))", bands)
            took = time.perf_counter() - began
            seconds += took
            if saved:
                saved(min(first + step, corpus.n), took)
    finally:
        db.close()
    return seconds


def finish_bulk(path: Path, step: str) -> float:
    """One of the steps (BULK_STEPS) that end the bulk baseline, in one transaction (a step that was stopped
    is done again from its start): organisation totals in SQL, then indexes and full-text search built once,
    then the rules about organisations. Returns its seconds."""
    db = _open_bulk(path)
    db.execute("PRAGMA foreign_keys = ON")  # as ensure_schema sets it; a no-op once a transaction is open
    try:
        began = time.perf_counter()
        with db.atomic():
            FINISHING[step](db)
        return time.perf_counter() - began
    finally:
        db.close()


def _open_bulk(path: Path) -> KnowledgeBase:
    db = KnowledgeBase(str(path))
    db.attach_archive(archive.archive_path(path))
    db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")  # as open_database sets them for the loader
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return db


def _rows(corpus: Corpus, start: int, stop: int) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {name: [] for name in
                                   ("documents", "statements", "demands", "organisations", "signatures",
                                    "statement_versions", "fingerprint_bands", "statement_vectors")}
    pairs = list(corpus.pairs(start, stop))
    vectors = similar.embed([similar.statement_text(statement.title, statement.text) for _, statement in pairs])
    for (document, statement), vector in zip(pairs, vectors, strict=True):
        doc_id, key = load.document_id(document), load.statement_id(document)
        found = organisations.identities(statement.organisations)
        signed = [(identity, identity.key) for identity in found]
        by_name = {identity.name: identity.key for identity in found}  # the people's affiliations name these
        rows["documents"].append(load._document_row(doc_id, document))
        rows["statements"].append(load._statement_row(key, doc_id, statement, PARSER_VERSION))
        rows["demands"] += load._demand_rows(key, statement)
        rows["organisations"] += [organisations.organisation_row(identity) for identity in found]
        rows["signatures"] += load._signature_rows(key, statement, signed, by_name.get)
        rows["statement_versions"].append(load._version_row(key, doc_id, statement))
        rows["statement_vectors"].append({"statement_id": key, "vector": vector.tobytes()})
        fingerprint = families.Fingerprint.of(statement.text)
        if fingerprint is not None:
            rows["fingerprint_bands"] += [{"band": band, "statement_id": key} for band in fingerprint.bands()]
    return rows


def _organisation_totals(db: Database) -> None:
    """One pass over the signatures: each organisation's count, first and last signing, and names."""
    db.execute("create temp table totals (organisation integer primary key, n integer, first text, last text)")
    db.execute("""insert into totals select organisation, count(distinct coalesce(statements.copy_of, statements.id)),
        min(statements.date),
        max(statements.date) from signature_rows join statements on statements.rowid = statement
        where organisation is not null group by organisation""")
    db.execute("""update organisations set (n_statements, first_signed, last_signed) =
        (select n, first, last from totals where totals.organisation = organisations.rowid)""")
    db.execute("""insert into organisation_names (organisation_id, name_as_written, n_signatures)
        select organisations.id, coalesce(written_names.name_as_written, organisations.name) as written, count(*)
        from signature_rows join organisations on organisations.rowid = organisation
        left join written_names on written_names.id = signature_rows.written group by organisation, 2""")
    db.execute("drop table totals")


def _resolve_organisations(db: Database) -> None:
    """The rules that need the whole database in view, once over every name (the loader runs them over
    each batch's names)."""
    keys = [row[0] for row in db.execute("select distinct name_key from organisations")]
    organisations.refresh(db, resolve.resolve(db, keys, organisations.curation()))


FINISHING = dict(zip(BULK_STEPS, (families.link_all, _organisation_totals, ensure_schema, _resolve_organisations,
                                  similar.settle_all), strict=True))


def table_counts(path: Path) -> dict[str, int]:
    """Rows of every table of the knowledge base and of its archive."""
    db = KnowledgeBase(str(path))
    try:
        db.attach_archive(archive.archive_path(path))
        related = (families.LINKS, families.BAND_KEYS, similar.VECTORS, similar.ROWS)
        return {name: db[VIEW_TABLES.get(name, name)].count for name in (
            *TABLES, demands.VIEW, signatures.VIEW, signatures.NAMES, *related, *archive.TABLES)}
    finally:
        db.close()
