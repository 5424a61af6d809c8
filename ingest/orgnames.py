"""Which organisation a signatory is: a stable key from its name as written, and where it is.

The same organisation is written many ways ("Students for a Free Tibet – UK", "... UK",
"..., UK"; "e.V." and "e. V."; "TIBETmichigan"; a leading "The"; an acronym in brackets). The key
folds these; the country joins it, so that a chapter is not its parent and two namesakes in two
countries stay two. Curated aliases and not_same pairs (db/curation/aliases.json) win.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .parse.countries import country_code, fold
from .parse.signatories import split_country
from .places import locate

_ACRONYM = re.compile(r"\s*\((?:[A-Z0-9][A-Z0-9&.+-]{1,11})\)")
_APOSTROPHES = re.compile(r"['’`´]")
_NON_WORD = re.compile(r"[\W_]+")
_LEGAL_FORMS = re.compile(r"\b(?:e\s?v|z\s?s|inc|ltd|llc|gmbh|ggmbh|asbl|aisbl|sarl|vzw|cic|plc|s\s?a|ag)\.?$")
# A legal form after the name ("Tibet Initiative Deutschland e. V.") hides the country said before it.
_WRITTEN_LEGAL_FORM = re.compile(
    r"[,\s]+(?:e\.\s?V\.?|z\.\s?s\.?|Inc\.?|Ltd\.?|LLC|g?GmbH|a?isbl|ASBL|SARL|vzw|CIC|plc)$", re.I)


@dataclass(frozen=True)
class Identity:
    key: str
    name: str  # the name as written, less a trailing country
    country: str | None
    country_source: str  # statement, name, state, city, curated or unknown
    city: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Curation:
    aliases: dict[str, str] = field(default_factory=dict)  # folded name as written -> organisation id
    not_same: set[str] = field(default_factory=set)  # folded names as written that keep their own id
    countries: dict[str, str] = field(default_factory=dict)  # organisation id -> alpha-2

    @classmethod
    def from_json(cls, data: dict) -> Curation:
        return cls(aliases={fold(name): key for name, key in data.get("aliases", {}).items()},
                   not_same={fold(name) for pair in data.get("not_same", []) for name in pair[1:]},
                   countries=dict(data.get("countries", {})))


def identify(written: str, statement_country: str | None, curation: Curation | None = None) -> Identity:
    """The organisation a name as written stands for, located as surely as the evidence allows."""
    curation = curation or Curation()
    name, suffix_country = split_country(written)
    # For the key only: "Tibet Initiative Deutschland e.V." keeps its whole name on display, but shares
    # its key with "Tibet Initiative – Germany".
    base, trailing_country = _without_trailing_country(_WRITTEN_LEGAL_FORM.sub("", name))
    country = statement_country or suffix_country or trailing_country
    key = _slug(normal_form(base)) + (f"-{country.lower()}" if country else "")
    if fold(written) in curation.not_same:
        key = f"{key}--{_slug(fold(written))}"
    key = curation.aliases.get(fold(written), key)
    if key in curation.countries:
        return Identity(key, name, curation.countries[key], "curated")
    if statement_country or suffix_country:
        return Identity(key, name, statement_country or suffix_country, "statement")
    if trailing_country:
        return Identity(key, name, trailing_country, "name", *_coordinates(trailing_country, written))
    place = locate(written)
    if place is None:
        return Identity(key, name, None, "unknown")
    return Identity(key, name, place.country, place.source, place.city, place.lat, place.lon)


def normal_form(name: str) -> str:
    """Folded for comparison: case, diacritics, apostrophes, dashes, '&', legal forms, an acronym in
    brackets and a leading 'the' make no difference."""
    text = _ACRONYM.sub("", name)
    text = fold(_APOSTROPHES.sub("", text)).replace("&", " and ")
    text = _NON_WORD.sub(" ", text).strip()
    text = _LEGAL_FORMS.sub("", text.replace(".", "")).strip()
    return re.sub(r"^the\s+", "", text)


def _without_trailing_country(name: str) -> tuple[str, str | None]:
    """ "Students for a Free Tibet UK", "...-UK" or "Tibetan Community in Britain": the country said last."""
    head, hyphen, tail = name.rpartition("-")
    if hyphen and head.strip() and " " not in tail.strip() and country_code(tail):
        return head.strip(), country_code(tail)
    for size in (3, 2, 1):
        words = name.split()
        if len(words) <= size:
            continue
        tail = " ".join(words[-size:])
        code = country_code(tail)
        if code:
            head = words[:-size]
            if head and head[-1].lower() in ("in", "of", "de", "du", "en"):
                head = head[:-1]
            if head:
                return " ".join(head), code
    return name, None


def _coordinates(country: str, written: str) -> tuple[str | None, float | None, float | None]:
    place = locate(written)
    if place is not None and place.country == country:
        return place.city, place.lat, place.lon
    return None, None, None


def _slug(text: str) -> str:
    return _NON_WORD.sub("-", text).strip("-") or "unnamed"
