"""Saving parsed statements: one transaction per document, stable keys, idempotent upserts."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime, timezone
from enum import Enum
from functools import lru_cache
from typing import Callable, Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlite_utils import Database

from ingest.orgnames import Identity
from ingest.records import Document, Statement, bound_short_fields

from . import archive, demands, families, organisations, signatures, similar

_TRACKING_PARAMS = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid)$")


class Outcome(str, Enum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DOCUMENT_ONLY = "kept as a document, not a statement"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def canonical_url(url: str) -> str:
    """Scheme and host lower case, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme, parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING_PARAMS.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def document_id(document: Document) -> str:
    """The same bytes with other metadata (a corrected date, say) are another document."""
    return _digest(canonical_url(document.url) if document.url else "", document.sha256, _metadata_json(document))


def _metadata_json(document: Document) -> str:
    return json.dumps(document.metadata, sort_keys=True, ensure_ascii=False)


def document_from_row(db: Database, row: dict) -> Document:
    """An archived document, ready to be parsed again without the network."""
    return Document(source=row["path"] or row["url"], body=archive.raw_body(db, row), content_type=row["content_type"],
                    encoding=row["encoding"], fetched_at=datetime.fromisoformat(row["fetched_at"]),
                    url=row["url"], metadata=json.loads(row["metadata"] or "{}"), status=row.get("status"),
                    etag=row.get("etag"), last_modified=row.get("last_modified"), path=row["path"])


def statement_id(document: Document) -> str:
    """From the canonical URL, or the content for a file that has none."""
    return _digest("url", canonical_url(document.url)) if document.url else _digest("sha256", document.sha256)


def save(db: Database, document: Document, statement: Statement, parser_version: str,
         force: bool = False) -> Outcome:
    """Write the document and its statement in one transaction; a failure leaves the database as it was.
    force rewrites the statement even when its document and parser version are unchanged (a re-parse)."""
    outcome = save_many(db, [(document, statement)], parser_version, force)[0]
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def save_many(db: Database, pairs: Iterable[tuple[Document, Statement]], parser_version: str,
              force: bool = False) -> list[Outcome | Exception]:
    """Save a batch in one transaction, each document under its own savepoint: a document that fails is
    rolled back alone and its exception takes its place in the list. Organisation records are brought up
    to date once, at the end of the batch, which is what makes bulk loading cheap."""
    changes = organisations.Changes()
    results: list[Outcome | Exception] = []
    listed: list[str] = []  # the statements saved: related to the others once all are in (_relate)
    unsettled: set[str] = set()  # the other members of families that statements saved again have left
    with db.atomic():
        archive.codec(db).prepare()
        for document, statement in pairs:
            try:
                with db.atomic():
                    outcome, saved = _save_one(db, document, statement, parser_version, force, changes, unsettled)
            except Exception as error:  # one bad document must not cost the rest of the batch
                results.append(error)
                continue
            if saved is not None:
                changes.record(saved)
            if saved is not None and outcome is not Outcome.DOCUMENT_ONLY:  # written anew, forced or not
                listed.append(statement_id(document))
            results.append(outcome)
        changes.apply(db)
        _relate(db, listed, unsettled)
    return results


def _save_one(db: Database, document: Document, statement: Statement, parser_version: str, force: bool,
              changes: organisations.Changes, unsettled: set[str]) -> tuple[Outcome, organisations.Saved | None]:
    """The document's rows; with them, what changed in who signed (for the organisation records)."""
    bound_short_fields(statement)
    _bound_demands(statement)
    doc_id = document_id(document)
    key = statement_id(document)
    if not db.execute("select 1 from documents where id = ?", [doc_id]).fetchone():
        _insert(db, "documents", [archive.stored_document(db, _document_row(doc_id, document))])
    existing = _existing(db, key)
    unchanged = existing and existing["document_id"] == doc_id and existing["parser_version"] == parser_version
    if unchanged and not force:
        return Outcome.UNCHANGED, None
    before = db.execute(
        "select signatures.position, organisation_id, name_as_written, unplaced_id, name_key from signatures "
        "left join organisations on organisations.id = organisation_id "
        "where statement_id = ? and organisation_id is not null", [key]).fetchall()
    saved = organisations.Saved(key, {row[1] for row in before},
                                name_keys={name for row in before for name in row[3:] if name})
    if existing:
        unsettled |= families.forget(db, key)
        similar.forget(db, key)
    demands.delete_statement(db, key)
    signatures.delete_statement(db, key)
    if not statement.is_statement:  # news, notices, releases quoting demands: archived, not listed
        db.execute("delete from statement_versions where statement_id = ?", [key])
        db.execute("delete from statements where id = ?", [key])
        return Outcome.DOCUMENT_ONLY, saved
    _insert(db, "statements", [_statement_row(key, doc_id, statement, parser_version)], upsert_on="id")
    demands.insert(db, _demand_rows(key, statement))
    signed = _signatures(db, key, statement, changes, saved)
    signatures.insert(db, signed)
    _insert(db, "statement_versions", [_version_row(key, doc_id, statement)], upsert_on="statement_id, document_id")
    printed = {row["position"]: row for row in signed}
    saved.moved = [(old, printed[position]["organisation_id"]) for position, old, written, *_ in before
                   if position in printed and printed[position]["name_as_written"] == written
                   and printed[position]["organisation_id"] not in (None, old)]
    outcome = Outcome.ADDED if not existing else Outcome.UNCHANGED if unchanged else Outcome.UPDATED
    return outcome, saved


def _signatures(db: Database, key: str, statement: Statement, changes: organisations.Changes,
                saved: organisations.Saved) -> list[dict]:
    """The statement's signature rows, its new organisations stored first; saved learns who signed."""
    found = organisations.identities(statement.organisations)
    moved_to = changes.redirected(db, {identity.key for identity in found})
    organisations.store_identities(db, [identity for identity in found
                                        if moved_to[identity.key] is None and _news(identity, changes.stored)])
    signed = [(identity, moved_to[identity.key] or identity.key) for identity in found]
    rows = _signature_rows(key, statement, signed, lambda affiliation: organisations.affiliation_id(
        db, affiliation, signed))
    saved.date = statement.date
    saved.signed_now = [(row["organisation_id"], row["name_as_written"]) for row in rows
                        if row["organisation_id"] is not None]
    saved.stored = {identity.key: bool(identity.country) for identity in found if moved_to[identity.key] is None}
    saved.name_keys |= {identity.name_key for identity in found}
    return rows


def _relate(db: Database, listed: list[str], unsettled: set[str]) -> None:
    """Once a batch's statements and organisations are in: their copies and translations (db/families.py),
    the families they joined or left settled, whose organisations count each family once again; and their
    neighbours by meaning (db/similar.py)."""
    for key in listed:
        try:
            with db.atomic():
                families.place(db, key)
        except Exception as error:  # one statement that cannot be related must not cost the batch: saved, unlinked
            db.execute("update statements set warnings = json_insert(coalesce(warnings, '[]'), '$[#]', ?) "
                       "where id = ?", [f"its copies and translations could not be looked for: {error}", key])
    related = families.settle(db, unsettled | set(listed)) | unsettled
    organisations.refresh(db, _signers(db, related))
    similar.store(db, listed)


def _signers(db: Database, statement_ids: set[str]) -> set[str]:
    """The organisations signing any of these statements."""
    if not statement_ids:
        return set()
    return {organisation for (organisation,) in db.execute(
        "select distinct organisations.id from signature_rows join organisations "
        "on organisations.rowid = signature_rows.organisation where signature_rows.statement in "
        "(select rowid from statements where id in (select value from json_each(?)))",
        [json.dumps(sorted(statement_ids))])}


def _news(identity: Identity, stored: dict[str, bool]) -> bool:
    """Whether an organisation's identity tells the database anything this batch has not yet written:
    that it exists, or where it is."""
    return identity.key not in stored or (bool(identity.country) and not stored[identity.key])


def _insert(db: Database, table: str, rows: list[dict], verb: str = "insert", upsert_on: str | None = None) -> None:
    """Plain executemany: the rows' keys are the columns (sqlite-utils would introspect the table each time)."""
    if rows:
        db.conn.executemany(_insert_sql(table, tuple(rows[0]), verb, upsert_on), [tuple(r.values()) for r in rows])


@lru_cache(maxsize=64)
def _insert_sql(table: str, columns: tuple[str, ...], verb: str, upsert_on: str | None) -> str:
    sql = f"{verb} into {table} ({', '.join(columns)}) values ({', '.join('?' * len(columns))})"
    if upsert_on:
        keys = {key.strip() for key in upsert_on.split(",")}
        sql += f" on conflict({upsert_on}) do update set " + ", ".join(
            f"{column} = excluded.{column}" for column in columns if column not in keys)
    return sql


def latest_document(db: Database, url: str) -> dict | None:
    """The newest archived version of a page, for conditional requests and unchanged-hash checks."""
    rows = list(db.query("select id, sha256, etag, last_modified, metadata from documents where url = ? "
                         "order by fetched_at desc, rowid desc limit 1", [url]))
    return rows[0] if rows else None


def _existing(db: Database, key: str) -> dict | None:
    rows = list(db.query("select document_id, parser_version from statements where id = ?", [key]))
    return rows[0] if rows else None


def _document_row(doc_id: str, document: Document) -> dict:
    return {
        "id": doc_id,
        "url": document.url,
        "path": document.path,
        "status": document.status,
        "etag": document.etag,
        "last_modified": document.last_modified,
        "fetched_at": document.fetched_at.isoformat(timespec="seconds"),
        "content_type": document.content_type,
        "encoding": document.encoding,
        "sha256": document.sha256,
        "metadata": _metadata_json(document),
        "body": document.body,
    }


def _statement_row(key: str, doc_id: str, statement: Statement, parser_version: str) -> dict:
    return {
        "id": key,
        "url": statement.url,
        "title": statement.title,
        "kind": statement.kind,
        "date": statement.date,
        "year": int(statement.date[:4]) if statement.date else None,
        "date_updated": statement.date_updated,
        "publisher": statement.publisher,
        "language": statement.language,
        "text": statement.text,
        "stated_signatory_count": statement.stated_signatory_count,
        "stated_signatory_minimum": statement.stated_signatory_minimum,
        "n_demands": len(statement.demands),
        "n_signatories": len(statement.signatories),
        "n_organisations": len(statement.organisations),
        "n_individuals": len(statement.individuals),
        "document_id": doc_id,
        "parser_version": parser_version,
        "parsed_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "warnings": json.dumps(statement.warnings, ensure_ascii=False),
        "needs_review": int(statement.needs_review),
    }


def _version_row(key: str, doc_id: str, statement: Statement) -> dict:
    """Each version of a statement's page: its document, and how many had signed by then."""
    return {"statement_id": key, "document_id": doc_id, "n_signatories": len(statement.signatories),
            "parsed_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "n_organisations": len(statement.organisations), "n_individuals": len(statement.individuals)}


def version_signatories(db: Database, document_id: str) -> list[str]:
    """Who had signed by a version: the names as written that its archived document lists, read again."""
    from ingest.parse import parse

    row = next(db.query("select * from documents where id = ?", [document_id]), None)
    if row is None:
        raise ValueError(f"the archive has no document {document_id}")
    return [signatory.name_as_written for signatory in parse(document_from_row(db, row)).signatories]


def _bound_demands(statement: Statement) -> None:
    """A statement keeps its first demands.MOST demands (their keys hold a position up to that), and says so."""
    if len(statement.demands) > demands.MOST:
        statement.warnings.append(f"{len(statement.demands):,} demands found; the first {demands.MOST:,} are kept")
        statement.demands = statement.demands[:demands.MOST]


def _demand_rows(key: str, statement: Statement) -> list[dict]:
    return [{"statement_id": key, "position": demand.position,
             "addressee": demand.addressee, "target": demand.target, "verb": demand.verb,
             "action_category": demand.action_category, "text": demand.text}
            for demand in statement.demands]


def _signature_rows(key: str, statement: Statement, signed: list[tuple[Identity, str]],
                    affiliation_id: Callable[[str | None], str | None]) -> list[dict]:
    """Every signatory in printed order: an organisation with the organisation it is (and, for a name
    written without a country that joined one, that name's own id), a person with their name, role and
    affiliation as written, and the organisation the affiliation names where it resolves."""
    organisations_signed = iter(signed)
    rows = []
    for signatory in statement.signatories:
        row = {"statement_id": key, "position": signatory.position, "kind": signatory.kind,
               "name_as_written": signatory.name_as_written, "date": statement.date, "organisation_id": None,
               "unplaced_id": None, "name": None, "role": None, "affiliation": None, "affiliation_id": None}
        if signatory.kind == "organisation":
            identity, organisation = next(organisations_signed)
            row["organisation_id"] = organisation
            row["unplaced_id"] = identity.key if identity.unplaced and organisation != identity.key else None
        else:
            row.update(name=signatory.name, role=signatory.role, affiliation=signatory.affiliation,
                       affiliation_id=affiliation_id(signatory.affiliation))
        rows.append(row)
    return rows
