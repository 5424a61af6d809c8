"""Every signatory kept: people are rows of signatures beside the organisations, in printed order, with
their role and affiliation as written, counted apart, shown on the statement and organisation pages,
and in the canned queries and the data package."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.load import Outcome, save
from db.publish import make_datasette
from db.schema import open_database
from ingest.parse import PARSER_VERSION, parse
from ingest.sources import read_file
from undersigned.cli import cli

from .conftest import REAL, archived
from .test_identity import statement

IFF = REAL / "iff-frt-vaccination.md"
UNCTAD = REAL / "owinfs-unctad-cso-letter.html"
GOLD = sorted(REAL.glob("*.gold.json"))


def document_of(gold: Path) -> Path:
    return next(path for path in gold.parent.glob(gold.name.replace(".gold.json", ".*")) if path.suffix != ".json")


@pytest.fixture
def real_db(tmp_path_factory) -> Path:
    """Every real statement of ../shared/corpus/real, added with `undersigned add`."""
    from click.testing import CliRunner

    path = tmp_path_factory.mktemp("real") / "real.db"
    result = CliRunner().invoke(cli, ["add", *map(str, map(document_of, GOLD)), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def stored_statement(db: Database, document: Path) -> dict:
    from db.load import statement_id

    return db["statements"].get(statement_id(read_file(document)))


def test_every_signatory_is_a_row_in_printed_order_with_its_kind(real_db):
    db = Database(real_db)
    for gold in GOLD:
        parsed = parse(read_file(document_of(gold)))
        row = stored_statement(db, document_of(gold))
        stored = db.execute("select position, kind, name_as_written from signatures where statement_id = ? "
                            "order by position", [row["id"]]).fetchall()
        assert stored == [(s.position, s.kind, s.name_as_written) for s in parsed.signatories], gold.name
        assert (row["n_signatories"], row["n_organisations"], row["n_individuals"]) == (
            len(parsed.signatories), len(parsed.organisations), len(parsed.individuals)), gold.name


@pytest.mark.parametrize("gold", GOLD, ids=lambda gold: gold.name.split(".")[0])
def test_people_stored_per_statement_are_within_two_percent_of_the_labels(real_db, gold):
    labelled = json.loads(gold.read_text("utf-8"))["signatories"]["individuals_count"] or 0
    stored = stored_statement(Database(real_db), document_of(gold))["n_individuals"]
    assert abs(stored - labelled) <= 0.02 * labelled, (stored, labelled)


def test_a_person_keeps_name_role_and_affiliation_and_the_affiliation_links_its_organisation(real_db):
    db = Database(real_db)
    key = stored_statement(db, UNCTAD)["id"]
    people = db.execute("select name, role, affiliation, affiliation_id from signatures where statement_id = ? and "
                        "kind = 'individual' order by position", [key]).fetchall()
    assert people[1] == ("Stefano Prato", "on behalf of the Civil Society Financing for Development (FfD) Group",
                         "Civil Society Financing for Development (FfD) Group",
                         "civil-society-financing-for-development-ffd-group")
    # "Third World Network (TWN)" is cut short by the parser; its organisation is found all the same
    assert people[0][3] == "third-world-network" and people[2][3] == "third-world-network-africa"
    assert db.execute("select count(*) from signatures where kind = 'individual' and organisation_id is not null"
                      ).fetchone() == (0,)


def test_an_affiliation_resolves_to_the_one_organisation_of_that_name_elsewhere(db_path):
    db = open_database(str(db_path))
    first = statement("https://a.example/1", ["Tibet Action Institute", "Free Tibet"])
    second = statement("https://a.example/2", ["Tibet Justice Center", "Canada Tibet Committee"],
                       people=["Tenzin Norbu, Tibet Action Institute", "Pema Yangchen, CTC", "Maria Lopez, lawyer"])
    for document in (first, second):
        save(db, document, parse(document), PARSER_VERSION)
    linked = db.execute("select name, affiliation_id from signatures where kind = 'individual' order by position")
    assert linked.fetchall() == [("Tenzin Norbu", "tibet-action-institute"), ("Pema Yangchen", None),
                                 ("Maria Lopez", None)]


def test_the_stated_count_is_checked_against_what_it_counts(db_path):
    db = open_database(str(db_path))
    html = ("<html><body><p>We call on governments to act for Tibet now.</p>"
            "<p>Signed by the following 3 organisations:</p><ul><li>Free Tibet</li><li>Tibet Justice Center</li>"
            "<li>Canada Tibet Committee</li></ul><p>Individual signatories:</p><ul><li>Tenzin Norbu, writer</li>"
            "<li>Maria Lopez, lawyer</li></ul></body></html>")
    document = read_file_like(html, "https://a.example/counted")
    parsed = parse(document)
    assert not [warning for warning in parsed.warnings if "signatories but" in warning]
    save(db, document, parsed, PARSER_VERSION)
    row = next(db.query("select stated_signatory_count, n_organisations, needs_review, warnings from statements"))
    assert (row["stated_signatory_count"], row["n_organisations"], row["needs_review"], row["warnings"]) == (
        3, 3, 0, "[]")
    wrong = read_file_like(html.replace("following 3", "following 4"), "https://a.example/miscounted")
    save(db, wrong, parse(wrong), PARSER_VERSION)
    assert db["statements"].get(statement_id_of(wrong))["needs_review"] == 1


def read_file_like(html: str, url: str):
    from datetime import datetime, timezone

    from ingest.records import Document

    return Document(url, html.encode(), "text/html", "utf-8", datetime.now(timezone.utc), url=url)


def statement_id_of(document) -> str:
    from db.load import statement_id

    return statement_id(document)


def test_adding_a_statement_with_people_twice_changes_nothing(db_path, runner):
    assert runner.invoke(cli, ["add", str(IFF), "--db", str(db_path)]).exit_code == 0
    before = {table: archived(db_path).execute(f"select * from [{table}] order by rowid").fetchall()
              for table in ("statements", "signatures", "organisations", "organisation_names", "statement_versions")}
    result = runner.invoke(cli, ["add", str(IFF), "--db", str(db_path)])
    assert result.exit_code == 0 and result.output.startswith("unchanged:")
    assert "520 signatories: 15 organisations, 505 individuals" in result.output
    after = {table: archived(db_path).execute(f"select * from [{table}] order by rowid").fetchall() for table in before}
    assert after == before
    assert save(open_database(str(db_path)), read_file(IFF), parse(read_file(IFF)), PARSER_VERSION) is Outcome.UNCHANGED


async def test_the_statement_page_lists_organisations_then_people_folded_when_many(real_db):
    datasette = make_datasette(real_db)
    many = stored_statement(Database(real_db), IFF)["id"]
    html = (await datasette.client.get(f"/undersigned/statements/{many}")).text
    assert "Signatories (520: 15 organisations and 505 individuals)" in html
    assert html.index('id="organisations"') < html.index('id="individuals"')
    assert '<details class="individuals" id="individuals">' in html  # folded: 505 is long
    assert html.count('<span class="person">') == 505
    few = stored_statement(Database(real_db), UNCTAD)["id"]
    html = (await datasette.client.get(f"/undersigned/statements/{few}")).text
    assert '<details class="individuals" id="individuals" open>' in html
    assert ('<span class="person">Stefano Prato</span><span class="role">, on behalf of the <a class="affiliation" '
            'href="/undersigned/organisations/civil-society-financing-for-development-ffd-group">Civil Society '
            'Financing for Development (FfD) Group</a></span>') in html


async def test_an_organisation_page_shows_the_people_who_signed_on_its_behalf(real_db):
    datasette = make_datasette(real_db)
    html = (await datasette.client.get("/undersigned/organisations/third-world-network")).text
    assert "Signed on its behalf" in html
    assert '<span class="person">Chee Yoke Ling</span>, on behalf of the Third World Network (TWN' in html
    listed = (await datasette.client.get("/undersigned/people_signing_for.json?organisation=third-world-network"
                                         "&_shape=array")).json()
    assert [row["name"] for row in listed] == ["Chee Yoke Ling"]


async def test_the_signatories_query_lists_people_too(real_db):
    datasette = make_datasette(real_db)
    key = stored_statement(Database(real_db), UNCTAD)["id"]
    rows = (await datasette.client.get(f"/undersigned/signatories_of_statement.json?statement_id={key}"
                                       "&_shape=array")).json()
    assert [row["kind"] for row in rows] == ["individual", "organisation"] * 4  # each person above their group
    assert [row["name"] for row in rows[:4]] == ["Chee Yoke Ling", "Third World Network", "Stefano Prato",
                                                 "Civil Society Financing for Development (FfD) Group"]
    assert rows[2]["affiliation_id"] == rows[3]["organisation_id"]


def test_the_data_package_carries_the_people(real_db, runner, tmp_path):
    out = tmp_path / "package"
    assert runner.invoke(cli, ["export", str(out), "--db", str(real_db)]).exit_code == 0
    rows = list(csv.DictReader((out / "signatures.csv").open(encoding="utf-8")))
    people = [row for row in rows if row["kind"] == "individual"]
    assert len(people) == Database(real_db).execute("select sum(n_individuals) from statements").fetchone()[0] > 500
    prato = next(row for row in people if row["name"] == "Stefano Prato")
    assert prato["organisation_id"] == prato["organisation_site_url"] == ""
    assert prato["affiliation_site_url"].endswith("/organisations/civil-society-financing-for-development-ffd-group")
