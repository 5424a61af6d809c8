"""Loading: stable keys, changed documents replace only their own rows, failures roll back."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from sqlite_utils import Database

from db.load import (
    Outcome,
    canonical_url,
    document_from_row,
    document_id,
    save,
    save_many,
    statement_id,
    version_signatories,
)
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
    assert {(fk.column, fk.other_table) for fk in db["signature_rows"].foreign_keys} == {("written", "written_names")}
    assert {(fk.column, fk.other_table) for fk in db["signature_people"].foreign_keys} == {
        ("affiliation_id", "organisations")}
    indexed = {column for table in ("statements", "demand_rows", "organisations", "signature_rows")
               for index in db[table].indexes for column in index.columns}
    assert db["statements"].foreign_keys == []  # its documents are in the archive, another file
    assert {"year", "publisher", "language", "addressee", "verb", "country", "organisation"} <= indexed
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
    before = {table: rows(db, f"select * from [{table}] order by 1, 2")
              for table in ("documents", "statements", "demands", "organisations", "signature_rows", "written_names")}
    db.execute("create temp trigger fail_midway before insert on signature_rows when new.organisation = (select rowid "
               "from organisations where name = 'Swedish Tibet Committee') "
               "begin select raise(abort, 'disk trouble'); end")
    with pytest.raises(sqlite3.IntegrityError, match="disk trouble"):
        load(db, changed_sample())
    after = {table: rows(db, f"select * from [{table}] order by 1, 2") for table in before}
    assert after == before


def test_reparsing_needs_only_the_archived_document(db):
    stored = next(db.query("select documents.* from documents join statements on statements.document_id = documents.id"
                           " where statements.url = ?", [URL]))
    reparsed = parse(document_from_row(db, stored))
    assert reparsed == parse(read_file(SAMPLE))


def test_new_metadata_for_the_same_bytes_updates_the_statement(db):
    document = read_file(SAMPLE, overrides={"date": "2023-06-03"})
    assert load(db, document) is Outcome.UPDATED
    assert db["statements"].get(statement_id(document))["date"] == "2023-06-03"


def test_a_database_from_an_earlier_version_gains_new_columns_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    old["statements"].insert({"id": "s", "title": "A statement", "text": "We ask."}, pk="id")
    old["demands"].create({"id": str, "statement_id": str, "position": int, "text": str}, pk="id")
    old["demands"].insert({"id": "s-1", "statement_id": "s", "position": 1, "text": "Release them."})
    db = open_database(str(path))
    assert "action_category" in db["demands"].columns_dict
    assert rows(db, "select text, action_category from demands where id = 's-1'") == [("Release them.", None)]


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
    db.execute("create temp trigger fail_one before insert on signature_rows when new.written = (select id from "
               f"written_names where name_as_written = '{doomed}') begin select raise(abort, 'disk trouble'); end")
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
    from db.publish import METADATA_PATH

    tables = json.loads(METADATA_PATH.read_text("utf-8"))["databases"]["undersigned"]["tables"]
    for table, settings in tables.items():
        wanted = set(settings.get("sortable_columns", [])) | set(settings.get("facets", []))
        wanted |= {settings[key] for key in ("sort", "sort_desc") if key in settings}
        if table == "signatures":  # a sort of it reads every row: only one meant with a filter by key
            assert wanted <= {"position"}, table  # (a statement's signatures in printed order)
            continue
        if not wanted:
            continue
        table = {"demands": "demand_rows"}.get(table, table)  # the view's columns are its table's (or computed)
        leading = {index.columns[0] for index in db[table].indexes}
        keyed = set(db[table].pks) if len(db[table].pks) > 1 else set()
        assert wanted <= leading | keyed, (table, wanted - leading)


def test_a_title_far_too_long_is_cut_with_a_warning(runner, db_path, tmp_path, monkeypatch):
    from undersigned.cli import cli

    title = "A title " * 250_000  # 2 MB, in the page itself (a title given on the command line is refused)
    page = tmp_path / "long-title.html"
    paragraphs = "".join(f"<p>{line}</p>" for line in SAMPLE.read_text("utf-8").splitlines() if line.strip())
    page.write_text(f"<html><body><h1>{title.strip()}</h1>{paragraphs}</body></html>", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["add", page.name, "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "warning: title was 1,999,999 characters long; its first 500 were kept" in result.output
    row = Database(db_path).execute("select title, warnings, needs_review from statements").fetchone()
    assert row[0] == title.strip()[:500] and row[2] == 1
    assert "title was 1,999,999 characters long" in row[1]
    again = runner.invoke(cli, ["add", page.name, "--db", str(db_path)])
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


def test_keys_stay_what_earlier_versions_made_them():
    """A key that moved would make every stored statement new again: these are the sample's, as the README
    quotes them."""
    document = read_file(SAMPLE)
    assert (statement_id(document), document_id(document)) == ("857d10024f3cd20e", "ad7835b5d7b80af1")
    without_url = replace(document, url=None)
    assert (statement_id(without_url), document_id(without_url)) == ("28f3738c95652a0b", "b3233481090cac5c")


def test_the_same_metadata_in_another_order_is_the_same_document_and_is_stored_as_written(db):
    document = read_file(SAMPLE, overrides={"title": "Déclaration", "publisher": "Réseau"})
    reordered = replace(document, metadata=dict(reversed(document.metadata.items())))
    assert list(reordered.metadata) != list(document.metadata)
    assert document_id(reordered) == document_id(document)
    load(db, document)
    assert '"title": "Déclaration"' in db["documents"].get(document_id(document))["metadata"]


@pytest.mark.parametrize("url, canonical", [
    ("http://Example.org:80/a/", "http://example.org/a"),
    ("https://example.org:443/a", "https://example.org/a"),
    ("https://example.org:8443/a", "https://example.org:8443/a"),
    ("http://example.org:443/a", "http://example.org:443/a"),
    ("https://example.org", "https://example.org/"),
    ("https://example.org/?p=42&empty=&utm_campaign=x#comments", "https://example.org/?p=42&empty="),
    ("https://example.org/statements/TAX/", "https://example.org/statements/TAX"),
])
def test_canonical_urls_keep_what_names_a_page_and_drop_the_rest(url, canonical):
    assert canonical_url(url) == canonical


def test_an_archived_document_reads_back_as_it_was_saved(db_path):
    from ingest.records import Document

    db = open_database(str(db_path))

    fetched = Document("https://example.org/?p=7", b"<p>We call on governments to act.</p>", "text/html", "utf-8",
                       datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc), url="https://example.org/statement-7",
                       status=200, etag='"abc"', last_modified="Wed, 01 May 2024 12:00:00 GMT",
                       path="https://example.org/?p=7")
    crawled = replace(fetched, source=fetched.url, path=None, body=fetched.body + b" ")
    for document in (fetched, crawled, read_file(FIXTURES / "markdown-letter.md"), read_file(SAMPLE)):
        load(db, document)
        row = db["documents"].get(document_id(document))
        archived = document_from_row(db, row)
        assert archived == replace(document, source=document.path or document.url,
                                   fetched_at=document.fetched_at.replace(microsecond=0))
    assert document_from_row(db, {**row, "metadata": None}).metadata == {}  # a row from before metadata was kept


def test_a_forced_save_rewrites_an_unchanged_statement_and_an_ordinary_one_does_not(db):
    document = read_file(SAMPLE)
    retitled = replace(parse(document), title="Remembering Tiananmen")
    assert save(db, document, retitled, PARSER_VERSION) is Outcome.UNCHANGED
    assert save_many(db, [(document, retitled)], PARSER_VERSION) == [Outcome.UNCHANGED]
    assert db["statements"].get(statement_id(document))["title"] is None
    assert save(db, document, retitled, PARSER_VERSION, force=True) is Outcome.UNCHANGED
    assert db["statements"].get(statement_id(document))["title"] == "Remembering Tiananmen"


def test_each_version_of_a_statement_keeps_who_had_signed(db):
    load(db, changed_sample())
    key = statement_id(read_file(SAMPLE))
    versions = rows(db, "select n_signatories, parsed_at, document_id from statement_versions "
                        "where statement_id = ? order by rowid", [key])
    assert [n for n, *_ in versions] == [121, 120]
    names = [version_signatories(db, version[2]) for version in versions]
    assert "Alaskans for Tibet" in names[0] and "Alaskans for Tibet" not in names[1]
    statement = db["statements"].get(key)
    assert [version[2] for version in versions] == [document_id(read_file(SAMPLE)), statement["document_id"]]
    assert all(stamp.endswith("+00:00") for stamp in (statement["parsed_at"], versions[0][1], versions[1][1]))


def test_stored_json_keeps_names_as_written(db):
    statement = replace(parse(read_file(SAMPLE)), warnings=["unreadable date 'été'"])
    statement.signatories[0].name_as_written = "Société Tibet"
    save(db, replace(read_file(SAMPLE), body=read_file(SAMPLE).body + b"\n"), statement, PARSER_VERSION)
    key = statement_id(read_file(SAMPLE))
    assert db["statements"].get(key)["warnings"] == '["unreadable date \'été\'"]'
    first = db.execute("select name_as_written from signatures where statement_id = ? and position = 1", [key])
    assert first.fetchone()[0] == "Société Tibet"
    assert rows(db, "select count(*) from written_names where name_as_written = 'Société Tibet'") == [(1,)]


def test_the_latest_document_of_a_page_is_its_newest_version(db):
    from db.load import latest_document

    changed = changed_sample()
    load(db, replace(changed, etag='"v2"', last_modified="Mon, 05 Jun 2023 10:00:00 GMT"))
    latest = latest_document(db, URL)
    assert latest == {"id": document_id(changed), "sha256": changed.sha256, "etag": '"v2"',
                      "last_modified": "Mon, 05 Jun 2023 10:00:00 GMT",
                      "metadata": json.dumps(changed.metadata, sort_keys=True, ensure_ascii=False)}
    assert latest_document(db, URL + "/elsewhere") is None
