"""One row per real organisation: spellings resolve together, chapters and namesakes stay apart."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from sqlite_utils import Database

from db.load import save
from db.schema import open_database
from ingest.orgnames import Curation, identify
from ingest.parse import PARSER_VERSION, parse
from ingest.records import Document
from undersigned.cli import cli


@pytest.mark.parametrize("spellings", [
    ["Students for a Free Tibet – UK", "Students for a Free Tibet-UK", "Students for a Free Tibet, UK",
     "Students for a Free Tibet UK", "Students for a Free Tibet (United Kingdom)"],
    ["Tibet Initiative Deutschland e.V.", "Tibet Initiative Deutschland e. V.", "Tibet Initiative Deutschland"],
    ["Restore The Fourth, Inc.", "Restore The Fourth Inc", "Restore the Fourth"],
    ["Tibetan Women’s Association (Central)", "Tibetan Women's Association (Central)"],
    ["TIBETmichigan", "TibetMichigan", "Tibetmichigan"],
    ["Canada Tibet COMMITTEE", "Canada Tibet Committee"],
    ["The Norwegian Tibet Committee", "Norwegian Tibet Committee"],
    ["Tíbet Patria Libre, Uruguay", "Tibet Patria Libre, Uruguay"],
    ["Bharat Tibbat Sahyog Manch (BTSM)", "Bharat Tibbat Sahyog Manch"],
    ["Human Rights Network for Tibet & Taiwan", "Human Rights Network for Tibet and Taiwan"],
    ["Tibetan Community in Britain", "Tibetan Community Britain", "Tibetan Community of Britain"],
])
def test_spellings_of_one_organisation_resolve_to_one_key(spellings):
    assert len({identify(spelling, None).key for spelling in spellings}) == 1


@pytest.mark.parametrize("first, second", [
    ("Students for a Free Tibet", "Students for a Free Tibet – Canada"),  # a chapter is not its parent
    ("Friends of Tibet (India)", "Friends of Tibet, New Zealand"),  # namesakes in two countries
    ("Tibet Support Group – Netherlands", "Tibet Support Group Adelaide – Australia"),
    ("Free Tibet", "Free Tibet Fukuoka"),
    ("Amigos de Tibet, Colombia", "Amigos del Tibet, El Salvador"),
])
def test_different_organisations_stay_different(first, second):
    assert identify(first, None).key != identify(second, None).key


def test_the_statement_places_first_and_a_cause_never_places():
    assert identify("Le Club Français, Paraguay", None).country == "PY"
    club = identify("Le Club Français", "PY")
    assert (club.country, club.country_source) == ("PY", "statement")
    taiwan = identify("Taiwan Friends of Tibet", None)
    assert (taiwan.country, taiwan.country_source) == (None, "unknown")


def test_curated_aliases_not_same_and_countries_win():
    curation = Curation.from_json({"aliases": {"SFT-India": "students-for-a-free-tibet-in"},
                                   "not_same": [["Friends of Tibet", "Friends of Tibet (FOT)"]],
                                   "countries": {"free-tibet": "GB"}})
    assert identify("SFT-India", None, curation).key == "students-for-a-free-tibet-in"
    assert identify("Friends of Tibet", None).key == identify("Friends of Tibet (FOT)", None).key  # alike by the rules
    assert identify("Friends of Tibet", None, curation).key != identify("Friends of Tibet (FOT)", None, curation).key
    free_tibet = identify("Free Tibet", None, curation)
    assert (free_tibet.country, free_tibet.country_source) == ("GB", "curated")


def statement(url: str, date: str, names: list[str]) -> Document:
    items = "".join(f"<li>{name}</li>" for name in names)
    html = f"<html><body><p>We call on governments to act.</p><p>Signed by:</p><ul>{items}</ul></body></html>"
    return Document(url, html.encode(), "text/html", "utf-8", datetime.now(timezone.utc), url=url,
                    metadata={"date": date})


def test_several_statements_make_one_row_per_organisation_with_its_record(db_path):
    db = open_database(str(db_path))
    for document in (
        statement("https://a.example/1", "2021-03-10", ["Students for a Free Tibet – UK", "Free Tibet",
                                                        "Tibet Initiative Deutschland e.V."]),
        statement("https://a.example/2", "2023-06-04", ["Students for a Free Tibet UK", "Free Tibet",
                                                        "Students for a Free Tibet"]),
        statement("https://a.example/3", "2022-01-01", ["Students for a Free Tibet, UK",
                                                        "Tibet Initiative Deutschland e. V."]),
    ):
        save(db, document, parse(document), PARSER_VERSION)
    rows = {row["id"]: row for row in db.query("select * from organisations")}
    assert set(rows) == {"students-for-a-free-tibet-gb", "students-for-a-free-tibet", "free-tibet",
                         "tibet-initiative-de"}
    uk = rows["students-for-a-free-tibet-gb"]
    assert (uk["n_statements"], uk["first_signed"], uk["last_signed"], uk["country"]) == (
        3, "2021-03-10", "2023-06-04", "GB")
    names = db.execute("select name_as_written, n_signatures from organisation_names where organisation_id = ? "
                       "order by name_as_written", ["students-for-a-free-tibet-gb"]).fetchall()
    assert names == [("Students for a Free Tibet UK", 1), ("Students for a Free Tibet – UK", 1),
                     ("Students for a Free Tibet, UK", 1)]
    germany = rows["tibet-initiative-de"]
    assert (germany["name"], germany["country"], germany["country_source"]) == (
        "Tibet Initiative Deutschland e.V.", "DE", "name")


def test_a_statement_that_loses_a_signatory_updates_that_organisations_record(db_path):
    db = open_database(str(db_path))
    first = statement("https://a.example/1", "2021-03-10", ["Free Tibet", "Tibet Justice Center"])
    save(db, first, parse(first), PARSER_VERSION)
    edited = statement("https://a.example/1", "2021-03-10", ["Free Tibet", "Tibet Action Institute"])
    save(db, edited, parse(edited), PARSER_VERSION)
    record = db["organisations"].get("tibet-justice-center")
    assert (record["n_statements"], record["last_signed"]) == (0, None)  # kept, with its record recounted
    assert db["organisation_names"].count_where("organisation_id = ?", ["tibet-justice-center"]) == 0


def test_the_organisations_command_lists_alike_names_with_what_the_rules_decide(runner, sample_db):
    result = runner.invoke(cli, ["organisations", "--db", str(sample_db), "--all"])
    assert result.exit_code == 0, result.output
    assert "students-for-a-free-tibet-ca (Students for a Free Tibet)  ~  students-for-a-free-tibet-fr " \
           "(Students for a Free Tibet)  kept apart: different countries (CA, FR)" in result.output
    assert "kept apart: a national chapter and its parent" in result.output
    assert Database(sample_db)["organisations"].count_where("country is not null") == 84


def test_on_the_sample_each_group_is_one_row_placed_right_where_placed_and_mostly_placed(sample_db):
    """Against hand labels of where the statement says each group is (tests/fixtures/sample-countries.json)."""
    from .conftest import FIXTURES

    labels = json.loads((FIXTURES / "sample-countries.json").read_text("utf-8"))["countries"]
    rows = Database(sample_db).execute("select name_as_written, organisation_id, country from signatures "
                                       "join organisations on organisations.id = organisation_id").fetchall()
    assert len(rows) == len({organisation for _, organisation, _ in rows}) == len(labels) == 121
    placed = [(written, country) for written, _, country in rows if country]
    right = [written for written, country in placed if labels[written] == country]
    precision, recall = len(right) / len(placed), len(right) / sum(1 for code in labels.values() if code)
    assert precision == 1.0, [(written, country) for written, country in placed if labels[written] != country]
    assert recall >= 0.9


async def test_an_organisations_page_shows_its_names_statements_demands_and_co_signers(sample_db):
    from db.publish import make_datasette

    html = (await make_datasette(sample_db).client.get("/undersigned/organisations/tibetmichigan")).text
    assert "<h1>TIBETmichigan</h1>" in html
    assert "from the state" in html and "TIBETmichigan</span> (1×)" in html
    assert "Statements signed (1)" in html and "Immediately release all individuals" in html
    assert html.count('<li><a href="/undersigned/organisations/') == 20  # the twenty it signs with most


def test_apply_curation_resolves_stored_signatures_with_the_curation_as_it_is_now(runner, sample_db, tmp_path,
                                                                                    monkeypatch):
    from db import organisations

    curation_file = tmp_path / "aliases.json"
    curation_file.write_text(json.dumps({"aliases": {"Free Tibet Fukuoka": "free-tibet"}}))
    monkeypatch.setattr(organisations, "CURATION_PATH", curation_file)
    organisations.curation.cache_clear()
    organisations._identity.cache_clear()
    try:
        result = runner.invoke(cli, ["organisations", "--db", str(sample_db), "--apply-curation"])
        assert result.exit_code == 0, result.output
        assert "applied the curation to 1 archived documents: 1 statements changed" in result.output
        free_tibet = Database(sample_db)["organisations"].get("free-tibet")
        assert free_tibet["n_statements"] == 1
        names = Database(sample_db).execute("select name_as_written from organisation_names "
                                            "where organisation_id = 'free-tibet' order by 1").fetchall()
        assert names == [("Free Tibet",), ("Free Tibet Fukuoka",)]
    finally:
        organisations.curation.cache_clear()
        organisations._identity.cache_clear()


async def test_a_prolific_organisations_page_lists_its_newest_statements_and_links_to_all(tmp_path):
    import re

    from bench.synthetic import Corpus
    from db.load import save_many
    from db.publish import make_datasette

    path = tmp_path / "many.db"
    db = open_database(str(path))
    save_many(db, list(Corpus(150, seed=5).pairs()), PARSER_VERSION)
    busiest, signed = db.execute("select id, n_statements from organisations order by n_statements desc").fetchone()
    newest = [row[0] for row in db.execute(
        "select distinct statements.date from signatures join statements on statements.id = statement_id "
        "where organisation_id = ? order by statements.date desc limit 50", [busiest])]
    assert signed > 50
    html = (await make_datasette(path).client.get(f"/undersigned/organisations/{busiest}")).text
    listed = re.findall(r'<time datetime="([\d-]+)">', html.split('id="statements"')[1].split('id="co-signers"')[0])
    assert len(listed) == 50 and listed == sorted(listed, reverse=True) and set(listed) == set(newest)
    assert f"Statements signed ({signed})" in html
    assert f'href="/undersigned/statements_signed_by?organisation={busiest}">every statement it signed' in html


def test_signatures_of_an_earlier_version_gain_their_statements_date(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    old["statements"].insert({"id": "s", "date": "2020-05-01", "text": "t"}, pk="id")
    old["signatures"].insert({"statement_id": "s", "organisation_id": "o", "position": 1, "name_as_written": "O"},
                             pk=("statement_id", "position"))
    db = open_database(str(path))
    assert db.execute("select organisation_id, date from signatures").fetchall() == [("o", "2020-05-01")]
    assert db.execute("select dated from signature_rows").fetchall() == [((2020 - 2000) * 512 + 5 * 32 + 1,)]
