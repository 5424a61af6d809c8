"""The per-language lexicons: every language complete, and the languages the files present."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from importlib import resources

import pytest

from ingest.parse import parse
from ingest.parse.actions import action_category, leading_verb
from ingest.parse.lexicon import LANGUAGES, lexicon
from ingest.records import Document

LEXICON = resources.files("ingest").joinpath("lexicon")
# English's translation headings name every language's ("version française", "traducción"), so no other needs its own.
OPTIONAL = {"translation_headings"}


def _keys(language: str) -> set[str]:
    return set(json.loads(LEXICON.joinpath(f"{language}.json").read_text("utf-8")))


def test_the_languages_are_the_lexicon_files_present():
    assert {"en", "fr", "de", "es", "pt", "it", "nl", "ca"} <= set(LANGUAGES)
    assert "actions" not in LANGUAGES and "stopwords" not in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_lexicon_has_every_key_english_has(language):
    assert _keys("en") - OPTIONAL <= _keys(language)
    assert lexicon(language).language == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_stopwords_and_actions(language):
    for table in ("stopwords", "actions"):
        assert language in json.loads(LEXICON.joinpath(f"{table}.json").read_text("utf-8")), table


def _parse(text: str):
    return parse(Document("fixture.txt", text.encode(), "text/plain", "utf-8", datetime.now(timezone.utc)))


def test_an_italian_statement_is_read_with_italian_words():
    statement = _parse(
        "Roma, 4 giugno 2023\n\n"
        "Le organizzazioni sottoscritte esprimono profonda preoccupazione per la detenzione dei difensori. "
        "Chiediamo al Governo italiano di sospendere la cooperazione di polizia con le autorità.\n\n"
        "Hanno firmato:\n\nAmnesty Italia\nArci\nRete Lilliput\n")
    assert statement.language == "it" and statement.date == "2023-06-04"
    assert [(d.addressee, d.text.split()[0]) for d in statement.demands] == [("Governo italiano", "Chiediamo")]
    assert [s.name for s in statement.signatories] == ["Amnesty Italia", "Arci", "Rete Lilliput"]


def test_a_dutch_statement_is_read_with_dutch_words():
    statement = _parse(
        "Amsterdam, 28 maart 2024\n\n"
        "Wij maken ons grote zorgen over de beperking van het demonstratierecht in Nederland. "
        "Daarom roepen we de Tweede Kamer op de motie in te trekken.\n\n"
        "Ondertekend door:\n\nStichting Vrij Protest\nBreda Solidair\nMokum Tegen Fascisme\n")
    assert statement.language == "nl" and statement.date == "2024-03-28"
    assert [d.addressee for d in statement.demands] == ["Tweede Kamer"]
    assert [s.name for s in statement.signatories] == [
        "Stichting Vrij Protest", "Breda Solidair", "Mokum Tegen Fascisme"]


def test_a_catalan_statement_is_read_with_catalan_words():
    statement = _parse(
        "Barcelona, 4 de juny de 2023\n\n"
        "Les entitats sotasignants expressem la nostra preocupació per la situació de les persones migrades "
        "als centres d'internament. Demanem al Govern que tanqui els centres de manera immediata.\n\n"
        "Entitats signants:\n\nCol·lectiu Ronda\nFundació Ateneu Popular\nXarxa d'Economia Solidària\n")
    assert statement.language == "ca" and statement.date == "2023-06-04"
    assert [(d.addressee, d.text.split()[0]) for d in statement.demands] == [("Govern", "Demanem")]
    assert [s.name for s in statement.signatories] == [
        "Col·lectiu Ronda", "Fundació Ateneu Popular", "Xarxa d'Economia Solidària"]


def test_a_catalan_date_may_elide_the_de_before_a_month():
    match = lexicon("ca").dateline.search("Girona, 12 d’abril de 2021")
    assert match is not None and match.group("day", "month", "year") == ("12", "abril", "2021")


def test_a_catalan_version_of_a_letter_is_a_translation():
    assert lexicon("ca").translation_heading.search("Versió en castellà")
    assert lexicon("en").translation_heading.search("Catalan version")


def test_a_middle_dot_is_inside_a_catalan_word():
    # "l·l" is one letter of Catalan: the verb of "Anul·li la sanció" is "anul·li", not "Anul"
    assert leading_verb("Anul·li la sanció imposada.", lexicon("ca")) == "anul·li"
    assert action_category("Anul·lin les sancions.", "ca") == 5
