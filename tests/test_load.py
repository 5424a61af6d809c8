"""Loading: stable keys, changed documents replace only their own rows, failures roll back."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from sqlite_utils import Database

from db.load import Outcome, canonical_url, document_from_row, save, statement_id
from db.schema import ensure_schema, open_database
from ingest.files import read_file
from ingest.parse import PARSER_VERSION, parse
from ingest.records import bound_short_fields

from .conftest import FIXTURES, SAMPLE

URL = "https://tibetnetwork.org/remembering-tiananmen-2023"


def load(db: Database, document) -> Outcome:
    return save(db, document, parse(document), PARSER_VERSION)


def changed_sample():
    """The sample as its page would read after an edit: one group fewer, one demand reworded."""
    document = read_file(SAMPLE)
    body = document.body.replace("Alaskans for Tibet\n".encode(), b"")
    body = body.replace(b"Immediately release all individuals", b"Immediately and unconditionally free all people")
    return replace(document, body=body, fetched_at=datetime.now(timezone.utc))


@pytest.fixture
def db(db_path) -> Database:
    database = open_database(str(db_path))
    assert load(database, read_file(SAMPLE)) is Outcome.ADDED
    assert load(database, read_file(FIXTURES / "wordpress-statement.html")) is Outcome.ADDED
    return database


def rows(db: Database, sql: str, params=()) -> list[tuple]:
    return db.execute(sql, params).fetchall()


def test_ensure_schema_runs_again_without_change(db):
    schema = rows(db, "select sql from sqlite_master order by name")
    ensure_schema(db)
    assert rows(db, "select sql from sqlite_master order by name") == schema


def test_schema_declares_foreign_keys_indexes_and_the_fts_tokenizer(db):
    assert {(fk.column, fk.other_table) for fk in db["signatures"].foreign_keys} == {
        ("statement_id", "statements"), ("organisation_id", "organisations"), ("affiliation_id", "organisations")}
    assert {fk.column for fk in db["demands"].foreign_keys} == {"statement_id"}
    indexed = {column for table in ("statements", "demands", "organisations", "signatures")
               for index in db[table].indexes for column in index.columns}
    assert {"document_id", "year", "publisher", "language", "statement_id", "addressee", "verb", "country",
            "organisation_id"} <= indexed
    for table in ("statements_fts", "demands_fts", "organisations_fts"):
        assert "porter unicode61 remove_diacritics 2" in db[table].schema
    assert rows(db, "pragma foreign_key_check") == []


def test_statement_id_comes_from_the_canonical_url():
    assert canonical_url("HTTPS://TibetNetwork.org/remembering-tiananmen-2023/?utm_source=x#top") == URL
    document = read_file(SAMPLE)
    assert statement_id(document) == statement_id(replace(document, url=URL + "/?utm_medium=email"))


def test_a_changed_document_replaces_its_own_demands_and_signatures_and_nothing_else(db):
    other_before = rows(db, "select * from signatures where statement_id != ? order by position",
                        [statement_id(read_file(SAMPLE))])
    assert load(db, changed_sample()) is Outcome.UPDATED
    key = statement_id(read_file(SAMPLE))
    statement = db["statements"].get(key)
    assert (statement["n_signatories"], statement["n_demands"]) == (120, 4)
    assert "the statement says 121 signatories but 120 were parsed" in statement["warnings"]
    assert rows(db, "select count(*) from signatures where statement_id = ?", [key]) == [(120,)]
    assert rows(db, "select text from demands where id = ?", [f"{key}-4"])[0][0].startswith(
        "Immediately and unconditionally free all people")
    assert rows(db, "select * from signatures where statement_id != ? order by position", [key]) == other_before
    assert db["documents"].count == 3  # the earlier version of the page is kept
    assert db["organisations"].count == 126  # an organisation that dropped off keeps its row


def test_full_text_search_follows_an_update(db):
    search = "select count(*) from demands_fts where demands_fts match ?"
    assert rows(db, search, ["unconditionally"]) == [(1,)]  # the Lhasa statement's first demand
    load(db, changed_sample())
    assert rows(db, search, ["unconditionally"]) == [(2,)]
    assert rows(db, "select count(*) from statements_fts where statements_fts match 'Urumchi'") == [(1,)]


def test_a_failure_midway_leaves_the_database_as_it_was(db):
    before = {table: rows(db, f"select * from [{table}] order by rowid")
              for table in ("documents", "statements", "demands", "organisations", "signatures")}
    db.execute("create temp trigger fail_midway before insert on signatures "
               "when new.name_as_written = 'Swedish Tibet Committee' begin select raise(abort, 'disk trouble'); end")
    with pytest.raises(sqlite3.IntegrityError, match="disk trouble"):
        load(db, changed_sample())
    after = {table: rows(db, f"select * from [{table}] order by rowid") for table in before}
    assert after == before


def test_reparsing_needs_only_the_archived_document(db):
    stored = next(db.query("select documents.* from documents join statements on statements.document_id = documents.id"
                           " where statements.url = ?", [URL]))
    reparsed = parse(document_from_row(stored))
    assert reparsed == parse(read_file(SAMPLE))


def test_new_metadata_for_the_same_bytes_updates_the_statement(db):
    document = read_file(SAMPLE, overrides={"date": "2023-06-03"})
    assert load(db, document) is Outcome.UPDATED
    assert db["statements"].get(statement_id(document))["date"] == "2023-06-03"


def test_a_database_from_an_earlier_version_gains_new_columns_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    old["demands"].create({"id": str, "statement_id": str, "position": int, "text": str}, pk="id")
    old["demands"].insert({"id": "s-1", "statement_id": "s", "position": 1, "text": "Release them."})
    db = open_database(str(path))
    assert "action_category" in db["demands"].columns_dict
    assert db["demands"].get("s-1")["text"] == "Release them."


def test_demands_are_stored_with_their_action_category(db):
    key = statement_id(read_file(SAMPLE))
    categories = [row[0] for row in rows(db, "select action_category from demands where statement_id = ? "
                                             "order by position", [key])]
    assert categories == [4, 5, 5, 5]


def test_a_page_that_is_not_a_statement_is_kept_as_a_document_only(db, tmp_path):
    from ingest.records import Document

    news = Document("news.html", b"<html><body><h1>Concert on Saturday</h1><p>Music in the park.</p></body></html>",
                    "text/html", "utf-8", datetime.now(timezone.utc), url="https://example.org/news/concert")
    statements_before = db["statements"].count
    assert load(db, news) is Outcome.DOCUMENT_ONLY
    assert db["statements"].count == statements_before
    assert rows(db, "select count(*) from documents where url = ?", ["https://example.org/news/concert"]) == [(1,)]


def test_a_page_that_stops_being_a_statement_leaves_the_listing_but_not_the_archive(db):
    emptied = replace(read_file(SAMPLE), body=b"The International Tibet Network page was replaced by a notice.\n")
    assert load(db, emptied) is Outcome.DOCUMENT_ONLY
    key = statement_id(read_file(SAMPLE))
    assert db["statements"].count_where("id = ?", [key]) == 0
    assert db["signatures"].count_where("statement_id = ?", [key]) == 0
    assert db["documents"].count == 3  # both versions of the page are still archived


ORGANISATION_RECORDS = ("select id, n_statements, first_signed, last_signed from organisations order by id",
                        "select * from organisation_names order by organisation_id, name_as_written")


def edited(pair, index: int):
    """Statement `index` re-published: other signatories, another date."""
    document, statement = pair
    later = replace(statement, date=f"20{index % 30:02d}-01-01", signatories=statement.signatories[index % 7:])
    return replace(document, body=document.body + b" ", fetched_at=datetime.now(timezone.utc)), later


def withdrawn(pair):
    """The page now holds a notice, not a statement."""
    document, statement = pair
    return replace(document, body=b"withdrawn"), replace(statement, kind="other", signatories=[])


def test_a_batch_keeps_organisation_records_as_a_full_recount_would(db_path):
    from bench.synthetic import Corpus
    from db.load import save_many
    from db.organisations import refresh

    pairs = list(Corpus(60, seed=7).pairs())
    db = open_database(str(db_path))
    save_many(db, pairs[:30], PARSER_VERSION)
    # Next batch: new statements, re-published ones (one of them twice), withdrawn ones, an unchanged one.
    batch = pairs[30:] + [edited(pairs[i], i) for i in (1, 2, 3)] + [edited(pairs[2], 9), edited(pairs[40], 4)]
    batch += [withdrawn(pairs[4]), withdrawn(pairs[45]), pairs[5]]
    outcomes = save_many(db, batch, PARSER_VERSION)
    assert outcomes.count(Outcome.ADDED) == 30 and outcomes.count(Outcome.DOCUMENT_ONLY) == 2
    assert outcomes[-1] is Outcome.UNCHANGED
    incremental = [rows(db, sql) for sql in ORGANISATION_RECORDS]
    refresh(db, {row[0] for row in rows(db, "select id from organisations")})
    assert [rows(db, sql) for sql in ORGANISATION_RECORDS] == incremental
    assert rows(db, "select count(*) from statements") == [(58,)]


def test_a_failing_document_in_a_batch_is_rolled_back_alone(db_path):
    from bench.synthetic import Corpus
    from db.load import save_many

    pairs = list(Corpus(5, seed=3).pairs())
    db = open_database(str(db_path))
    doomed = pairs[2][1].signatories[-1].name_as_written
    db.execute("create temp trigger fail_one before insert on signatures when new.name_as_written = "
               f"'{doomed}' begin select raise(abort, 'disk trouble'); end")
    outcomes = save_many(db, pairs, PARSER_VERSION)
    failed = [i for i, outcome in enumerate(outcomes) if isinstance(outcome, Exception)]
    assert failed and all("disk trouble" in str(outcomes[i]) for i in failed)
    assert all(outcomes[i] is Outcome.ADDED for i in range(5) if i not in failed)
    stored = {row[0] for row in rows(db, "select id from statements")}
    assert stored == {statement_id(pairs[i][0]) for i in range(5) if i not in failed}
    assert rows(db, "select count(*) from documents") == [(5 - len(failed),)]
    for statement in (pairs[i][1] for i in failed):  # none of its organisations counts its signature
        names = [s.name_as_written for s in statement.signatories]
        counted = rows(db, "select count(*) from signatures where name_as_written in "
                           f"({', '.join('?' * len(names))})", names)[0][0]
        assert counted == sum(n for (n,) in rows(
            db, f"select n_signatures from organisation_names where name_as_written in "
                f"({', '.join('?' * len(names))})", names))


def test_every_facet_and_sortable_column_leads_an_index(db):
    import json

    from db.publish import METADATA_PATH

    tables = json.loads(METADATA_PATH.read_text("utf-8"))["databases"]["undersigned"]["tables"]
    for table, settings in tables.items():
        wanted = set(settings.get("sortable_columns", [])) | set(settings.get("facets", []))
        wanted |= {settings[key] for key in ("sort", "sort_desc") if key in settings}
        leading = {index.columns[0] for index in db[table].indexes} if wanted else set()
        # signatures' position orders the rows of one statement, through the key (statement_id, position)
        keyed = set(db[table].pks) if len(db[table].pks) > 1 else set()
        assert wanted <= leading | keyed, (table, wanted - leading)


def test_a_title_far_too_long_is_cut_with_a_warning(runner, db_path):
    from undersigned.cli import cli

    title = "A title " * 250_000  # 2 MB
    result = runner.invoke(cli, ["add", str(SAMPLE), "--db", str(db_path), "--title", title])
    assert result.exit_code == 0, result.output
    assert "warning: title was 2,000,000 characters long; its first 500 were kept" in result.output
    row = Database(db_path).execute("select title, warnings, needs_review from statements").fetchone()
    assert row[0] == title[:500] and row[2] == 1
    assert "title was 2,000,000 characters long" in row[1]
    again = runner.invoke(cli, ["add", str(SAMPLE), "--db", str(db_path), "--title", title])
    assert again.exit_code == 0 and again.output.startswith("unchanged")


def test_every_short_field_is_bounded_once():
    statement = parse(read_file(SAMPLE))
    statement.publisher = "P" * 301
    statement.signatories[0].name_as_written = "N" * 1_000_000
    statement.demands[1].addressee = "A" * 400
    bound_short_fields(statement)
    bound_short_fields(statement)
    assert (len(statement.publisher), len(statement.signatories[0].name_as_written),
            len(statement.demands[1].addressee)) == (300, 300, 300)
    assert statement.warnings == ["publisher was 301 characters long; its first 300 were kept",
                                  "signatory 1: name_as_written was 1,000,000 characters long; its first 300 were kept",
                                  "demand 2: addressee was 400 characters long; its first 300 were kept"]
    assert statement.signatories[1].name_as_written == "Alaskans for Tibet"
