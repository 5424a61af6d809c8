"""One statement wherever it is published: copies make one family counted once, translations are linked."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from bench import links
from db import charts, families, home
from db.schema import open_database
from ingest.files import read_file
from ingest.parse import parse
from tests.conftest import CORPUS, SAMPLE
from undersigned.cli import cli

PAIRS = CORPUS / "pairs"
FRENCH = PAIRS / "remembering-tiananmen-2023.fr.txt"


def _member_copy(folder, change="html"):
    """The bundled sample as a member's site posts it, at another URL."""
    suffix, body = links.changed(parse(read_file(SAMPLE)), change)
    path = folder / f"member-copy{suffix}"
    path.write_text(body, "utf-8")
    (folder / f"{path.name}.meta.json").write_text(json.dumps({"url": "https://member.example.org/tiananmen-2023"}))
    return path


def _add(runner, db_path, *paths):
    result = runner.invoke(cli, ["add", *map(str, paths), "--db", str(db_path)])
    assert result.exit_code == 0, result.output


def _rows(db_path, sql, params=()):
    db = open_database(str(db_path))
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def test_the_sample_as_text_and_as_another_sites_page_is_one_family_counted_once(runner, db_path, tmp_path):
    _add(runner, db_path, SAMPLE, _member_copy(tmp_path))
    (original, _), (copy, copy_of) = _rows(db_path, "select id, copy_of from statements order by rowid")
    assert copy_of == original  # the first published is canonical (both name the same publisher at their opening)
    assert _rows(db_path, "select statement_id, other_id, kind from statement_links order by statement_id") == sorted(
        [(original, copy, "copy"), (copy, original, "copy")])
    assert _rows(db_path, "select family_id, statement_id, canonical from statement_families order by canonical") == [
        (original, copy, 0), (original, original, 1)]
    db = open_database(str(db_path))
    try:
        assert [(bar.label, bar.value) for bar in charts.statements_per_year(db.conn)] == [("2023", 1)]
        figures = {figure.key: figure.value for figure in home.home(db.conn)["figures"]}
        assert (figures["statements"], figures["demands"]) == ("1", "4")
        assert sum(bar.value for bar in charts.signatures_per_country(db.conn, limit=300)) == 121
        assert db.execute("select max(n_statements), min(n_statements) from organisations").fetchone() == (1, 1)
    finally:
        db.close()


@pytest.mark.asyncio
async def test_pages_say_where_else_a_statement_is_published(runner, tmp_path):
    from db.publish import make_datasette

    db_path = tmp_path / "undersigned.db"
    _add(runner, db_path, SAMPLE, _member_copy(tmp_path))
    (original,), (copy,) = _rows(db_path, "select id from statements order by rowid")
    datasette = make_datasette(db_path)
    canonical_page = (await datasette.client.get(f"/undersigned/statements/{original}")).text
    assert "Also published at (1)" in canonical_page and f'href="/undersigned/statements/{copy}"' in canonical_page
    copy_page = (await datasette.client.get(f"/undersigned/statements/{copy}")).text
    assert re.search(rf'A copy of <a href="/undersigned/statements/{original}"', copy_page)
    assert "Also published at" not in copy_page  # no copy but itself
    organisation = (await datasette.client.get("/undersigned/organisations/alaskans-for-tibet")).text
    assert "Statements signed (1)" in organisation


def test_the_same_words_a_year_on_are_next_years_statement(runner, db_path, tmp_path):
    anniversary = _member_copy(tmp_path)
    (tmp_path / f"{anniversary.name}.meta.json").write_text(json.dumps(
        {"url": "https://tibetnetwork.org/remembering-tiananmen-2024", "date": "2024-06-04"}))
    _add(runner, db_path, SAMPLE, anniversary)
    assert _rows(db_path, "select count(*) from statements where copy_of is null") == [(2,)]
    assert _rows(db_path, "select count(*) from statement_links") == [(0,)]


def test_a_form_letter_sent_by_other_groups_under_their_names_is_another_statement(runner, db_path, tmp_path):
    statement = parse(read_file(SAMPLE))
    letter = tmp_path / "form-letter.html"
    others = [f"Climate Action Group {number}" for number in range(1, 11)]
    letter.write_text(links._page("Remembering Tiananmen", statement.text.split("\n\n"), others), "utf-8")
    (tmp_path / "form-letter.html.meta.json").write_text(json.dumps(
        {"url": "https://climate.example.org/letter", "date": statement.date}))
    _add(runner, db_path, SAMPLE, letter)
    assert _rows(db_path, "select count(*), sum(n_organisations) from statements where copy_of is null") == [(2, 131)]


def test_a_translation_signed_by_the_same_groups_days_later_is_linked(runner, db_path):
    _add(runner, db_path, SAMPLE, FRENCH)
    (english, _), (french, _) = _rows(db_path, "select id, language from statements order by rowid")
    assert _rows(db_path, "select statement_id, other_id, kind, score from statement_links order by statement_id") == \
        sorted([(english, french, "translation", 1.0), (french, english, "translation", 1.0)])
    assert _rows(db_path, "select count(*) from statements where copy_of is null") == [(2,)]  # linked, not merged


def test_the_same_groups_signing_in_another_language_months_later_is_another_statement(runner, db_path, tmp_path):
    later = tmp_path / FRENCH.name
    shutil.copy(FRENCH, later)
    meta = json.loads(FRENCH.with_name(FRENCH.name + ".meta.json").read_text("utf-8"))
    (tmp_path / f"{later.name}.meta.json").write_text(json.dumps({**meta, "date": "2023-08-04"}))
    _add(runner, db_path, SAMPLE, later)
    assert _rows(db_path, "select count(*) from statement_links") == [(0,)]


def test_another_statement_of_the_same_groups_in_the_same_language_is_no_translation(runner, db_path, tmp_path):
    signers = SAMPLE.read_text("utf-8").split("Supported by", 1)[1]
    other = tmp_path / "vigil.txt"
    other.write_text("International Tibet Network Members will hold candlelight vigils in front of Chinese embassies "
                     "on 5 June, and invite everyone to join them.\n\nWe call on governments to raise the fate of "
                     "the Tiananmen Mothers with China at every meeting.\n\nSupported by" + signers, "utf-8")
    (tmp_path / "vigil.txt.meta.json").write_text(json.dumps({"date": "2023-06-05", "language": "en"}))
    _add(runner, db_path, SAMPLE, other)
    assert _rows(db_path, "select count(*), count(distinct language) from statements") == [(2, 1)]
    assert _rows(db_path, "select count(*) from statement_links") == [(0,)]


@pytest.mark.asyncio
async def test_the_translations_are_shown_on_each_others_page(runner, tmp_path):
    from db.publish import make_datasette

    db_path = tmp_path / "undersigned.db"
    _add(runner, db_path, SAMPLE, FRENCH)
    (english,), (french,) = _rows(db_path, "select id from statements order by rowid")
    page = (await make_datasette(db_path).client.get(f"/undersigned/statements/{english}")).text
    assert "Translations (1)" in page and f'href="/undersigned/statements/{french}" hreflang="fr"' in page


def test_a_family_whose_canonical_statement_goes_keeps_its_copy_as_canonical(runner, db_path, tmp_path):
    _add(runner, db_path, SAMPLE, _member_copy(tmp_path))
    gone = tmp_path / "gone.txt"
    gone.write_text("This page has moved.\n", "utf-8")
    sample_url = json.loads(SAMPLE.with_name(SAMPLE.name + ".meta.json").read_text("utf-8"))["url"]
    (tmp_path / "gone.txt.meta.json").write_text(json.dumps({"url": sample_url}))
    _add(runner, db_path, gone)  # the same URL, now a page that is no statement: the statement is withdrawn
    member_page = "https://member.example.org/tiananmen-2023"
    assert _rows(db_path, "select url, copy_of from statements") == [(member_page, None)]
    assert _rows(db_path, "select count(*) from statement_links") == [(0,)]
    assert _rows(db_path, "select max(n_statements), min(n_statements) from organisations where n_statements > 0") \
        == [(1, 1)]


def test_the_bulk_way_links_the_same_copies_as_the_loader(runner, db_path, tmp_path):
    _add(runner, db_path, SAMPLE, _member_copy(tmp_path, "footer"))
    linked = _rows(db_path, "select * from statement_links order by statement_id")
    families_now = _rows(db_path, "select id, copy_of from statements order by id")
    db = open_database(str(db_path))
    try:
        with db.atomic():
            db.execute("delete from statement_links")
            db.execute("update statements set copy_of = null")
            families.link_all(db)
    finally:
        db.close()
    assert len(linked) == 2
    assert _rows(db_path, "select * from statement_links order by statement_id") == linked
    assert _rows(db_path, "select id, copy_of from statements order by id") == families_now


def test_a_statement_that_cannot_be_related_is_saved_with_a_warning_and_the_batch_goes_on(runner, db_path, tmp_path,
                                                                                          monkeypatch):
    place = families.place

    def failing(db, key):
        if db.execute("select url from statements where id = ?", [key]).fetchone()[0].startswith("https://member"):
            raise ValueError("no room")
        place(db, key)

    monkeypatch.setattr(families, "place", failing)
    _add(runner, db_path, SAMPLE, _member_copy(tmp_path), FRENCH)
    warnings = dict(_rows(db_path, "select url, warnings from statements"))
    assert json.loads(warnings["https://member.example.org/tiananmen-2023"])[-1] == \
        "its copies and translations could not be looked for: no room"
    assert not any("could not be looked for" in found for found in warnings.values() if "no room" not in found)
    # the next statement was related all the same: the French text to both English ones, which are not copies now
    assert _rows(db_path, "select kind, count(*) from statement_links group by kind") == [("translation", 4)]


def test_a_trimmed_copy_holds_most_of_the_shorter_text_where_jaccard_would_not_say_so():
    text = parse(read_file(SAMPLE)).text
    paragraphs = text.split("\n\n")
    trimmed = "\n\n".join(paragraphs[:len(paragraphs) // 2])
    whole, half = families.Fingerprint.of(text), families.Fingerprint.of(trimmed)
    assert half.shingles < 0.3 * whole.shingles
    assert (whole.hashes == half.hashes).mean() < 0.4  # their estimated Jaccard similarity
    assert whole.containment(half) >= 0.8 and families.is_copy(text, trimmed)[0]  # 1.0 exactly, estimated
    assert not families.is_copy(text, parse(read_file(FRENCH)).text)[0]


def test_shingles_read_words_folded():
    assert families.shingles("Ürümchi, the CAPITAL — of East Turkistan!") == {"urumchi the capital of east",
                                                                             "the capital of east turkistan"}
    assert families.shingles("Two words") == {"two words"}
    assert families.shingles("  ") == set()


def test_a_hostile_megabytes_long_text_is_summarised_from_its_opening():
    opening = " ".join(f"word{number}" for number in range(families.MAX_SHINGLED_CHARS // 8))
    assert families.shingles(opening + " tail" * 1_000_000) == families.shingles(opening)


def test_copies_and_translations_on_the_labelled_pairs():
    figures, rows = links.measure(links.read_pairs(PAIRS / "pairs.json"))
    copies, translations = figures["copy"], figures["translation"]
    assert copies.labelled >= 30 and sum(pair.label == "different" for pair, _, _ in rows) >= 20
    assert copies.precision == 1.0 and copies.recall >= 0.95, [(p.name, found) for p, found, _ in rows
                                                                if found != p.label]
    assert translations.precision == translations.recall == 1.0
