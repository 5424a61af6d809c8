"""The statement's language: from its own prose, not from the site's markup or its signatory list."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from ingest.parse import parse
from ingest.parse.blocks import Block
from ingest.parse.language import is_prose
from ingest.records import Document


def parsed(body: str, content_type: str = "text/html", **metadata):
    return parse(Document("fixture", body.encode("utf-8"), content_type, "utf-8", datetime.now(timezone.utc),
                          metadata=metadata))


SENTENCES = {
    "en": "We call on the government to release the detained journalists and to end the harassment of their families.",
    "fr": "Nous appelons le gouvernement à libérer les journalistes détenus et cesse de harceler leurs familles.",
    "es": "Pedimos al gobierno que libere a los periodistas detenidos y que ponga fin al acoso de sus familias.",
    "pt": "Pedimos ao governo que liberte os jornalistas detidos e que ponha fim ao assédio das suas famílias.",
    "de": "Wir fordern die Regierung auf, die inhaftierten Journalisten freizulassen und ihre Familien zu schützen.",
    "it": "Chiediamo al governo di liberare i giornalisti detenuti e di proteggere le loro famiglie.",
    "nl": "Wij roepen de regering op om de gevangen journalisten vrij te laten en hun families te beschermen.",
}


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_one_sentence_of_prose_tells_each_language_whatever_the_site_declares(language):
    other = "de" if language == "en" else "en"
    page = f"<html lang='{other}'><body><h1>Title</h1><p>{SENTENCES[language]}</p></body></html>"
    assert parsed(page).language == language


def test_a_signatory_list_in_another_language_does_not_outweigh_the_statement():
    names = "".join(f"<li>Friends of the Earth {town}</li><li>Campaign for Nuclear Disarmament {town}</li>"
                    for town in ("Leeds", "York", "Bath", "Hull", "Derby", "Wells", "Ripon", "Truro") * 5)
    page = (f"<html lang='en'><body><p>{SENTENCES['de']}</p><p>Unterzeichnende Organisationen:</p>"
            f"<ul>{names}</ul></body></html>")
    assert parsed(page).language == "de"


def test_names_in_a_list_full_of_small_words_are_no_prose():
    names = "".join(f"<li>{name}</li>" for name in (
        "Association pour la taxation des transactions financières", "Ligue des droits de l'Homme et du citoyen",
        "Fédération des associations de solidarité avec les immigrés") * 8)
    page = (f"<html><body><p>We call on the Commission to withdraw the proposal and to protect encryption.</p>"
            f"<p>Signed:</p><ul>{names}</ul></body></html>")
    assert parsed(page).language == "en"


def test_a_bilingual_page_is_in_the_language_it_opens_with():
    english = " ".join([SENTENCES["en"]] * 10)  # as long as the sample the language is told from
    french = " ".join([SENTENCES["fr"]] * 12)
    page = f"<html><body><h1>Open letter</h1><p>{english}</p><h2>Lettre ouverte</h2><p>{french}</p></body></html>"
    assert parsed(page).language == "en"


def test_the_markup_decides_where_the_text_is_too_short_to_tell():
    assert parsed("<html lang='fr-FR'><body><h1>Appel</h1><p>Signez ici.</p></body></html>").language == "fr"
    statement = parsed("Signez ici.\n", "text/plain")
    assert statement.language is None
    assert "language not recognised; English word lists were used" in statement.warnings


def test_the_users_language_wins_over_the_text():
    assert parsed(f"<html><body><p>{SENTENCES['de']}</p></body></html>", language="nl").language == "nl"


def test_a_language_without_word_lists_is_named_and_said():
    polish = ("Wzywamy rząd do natychmiastowego uwolnienia zatrzymanych dziennikarzy oraz do zaprzestania "
              "nękania ich rodzin, które od miesięcy żyją w strachu przed kolejnymi represjami.")
    statement = parsed(f"<html><body><p>{polish}</p></body></html>")
    assert statement.language == "pl"
    assert "no word lists for language 'pl'; English ones were used" in statement.warnings


SWEDISH = ("Vi samlas på torget i morgon för att tillsammans visa att vi står upp för människorna i staden. Det är "
           "inte bara regeringens ansvar att agera, utan vårt gemensamma ansvar som medborgare och grannar.")


def test_running_text_in_a_language_without_word_lists_outweighs_a_stray_line_in_one_with_them():
    # is_prose counts the function words of the languages read here: of this page it finds only the English line
    page = (f"<html><body><h1>Manifestation för staden</h1><p>{SWEDISH}</p><p>{SWEDISH}</p><p>{SWEDISH}</p>"
            "<p>See more information and the route of the march here: https://example.org/route</p></body></html>")
    assert parsed(page).language == "sv"


def test_a_first_line_over_running_text_in_a_language_without_word_lists_is_its_title():
    page = f"<html><body><p><b>Manifestation för staden</b></p><p>{SWEDISH}</p><p>{SWEDISH}</p></body></html>"
    assert parsed(page).title == "Manifestation för staden"


@pytest.mark.parametrize("block, prose", [
    (Block("paragraph", SENTENCES["en"]), True),
    (Block("item", SENTENCES["nl"]), True),
    (Block("paragraph", "Amnesty International, Greenpeace, Oxfam, Brot für die Welt, Campact, LobbyControl"), False),
    (Block("line", SENTENCES["en"]), False),
    (Block("heading", SENTENCES["en"]), False),
    (Block("row", SENTENCES["en"]), False),
    (Block("paragraph", "Signed by the following"), False),
])
def test_prose_is_running_text_with_function_words(block, prose):
    assert is_prose(block) is prose
