"""Which organisation a signatory is: a stable key from its name as written, and where it is.

The same organisation is written many ways ("Students for a Free Tibet – UK", "... UK",
"..., UK"; "e.V." and "e. V."; "TIBETmichigan"; a leading "The"; an acronym in brackets). The
name key folds these. The country an organisation is placed in is a fact about it, whatever evidence
placed it: the same name key in the same country is one organisation, and its key adds the country
unless the name itself says it ("Canada Tibet Committee" is canada-tibet-committee whether its name
or the statement placed it). Two namesakes in two countries stay two. A name given without a country
is keyed by its name alone; which organisation it joins is decided with the whole database in view
(db/organisations.py). Curated decisions (db/curation/aliases.json) win.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pycountry

from .parse.countries import country_code, fold
from .parse.signatories import split_country
from .places import locate

_ACRONYM = re.compile(r"\s*\((?:[A-Z0-9][A-Z0-9&.+-]{1,11})\)")
# An acronym written with the name: "Centre for Financial Accountability (CFA)", "MST – Movimento ...",
# "Indian Social Action Forum - INSAF".
_ACRONYMS = (re.compile(r"\(([A-Z][\w&.+-]{1,11})\)"), re.compile(r"^([A-Z][\w&.+]{1,11})\s+[–—-]\s+\S"),
             re.compile(r"\S\s+[–—-]\s+([A-Z][\w&.+]{1,11})$"))
_APOSTROPHES = re.compile(r"['’`´]")
_NON_WORD = re.compile(r"[\W_]+")
_LEGAL_FORMS = re.compile(r"\b(?:e\s?v|z\s?s|inc|ltd|llc|gmbh|ggmbh|asbl|aisbl|sarl|vzw|cic|plc|s\s?a|ag)\.?$")
# A legal form after the name ("Tibet Initiative Deutschland e. V.") hides the country said before it.
_WRITTEN_LEGAL_FORM = re.compile(
    r"[,\s]+(?:e\.\s?V\.?|z\.\s?s\.?|Inc\.?|Ltd\.?|LLC|g?GmbH|a?isbl|ASBL|SARL|vzw|CIC|plc)$", re.I)


@dataclass(frozen=True)
class Identity:
    key: str  # the organisation's id, as far as this one name as written can tell
    name: str  # the name as written, less a trailing country
    country: str | None
    country_source: str  # statement, name, state, city, curated or unknown
    city: str | None = None
    lat: float | None = None
    lon: float | None = None
    name_key: str = ""  # the folded name without its country: namesakes share it
    pinned: bool = False  # a curated decision chose the key: no rule moves its signatures

    @property
    def unplaced(self) -> bool:
        """A name given without a country, that no curation decided: it may join its one namesake."""
        return self.country is None and not self.pinned


@dataclass
class Curation:
    aliases: dict[str, str] = field(default_factory=dict)  # folded name as written -> organisation id
    not_same: set[str] = field(default_factory=set)  # folded names as written that keep their own id
    countries: dict[str, str] = field(default_factory=dict)  # organisation id -> alpha-2
    merged: dict[str, str] = field(default_factory=dict)  # organisation id -> the organisation it is
    kept_apart: set[frozenset[str]] = field(default_factory=set)  # pairs of ids that are two organisations

    @classmethod
    def from_json(cls, data: dict) -> Curation:
        return cls(aliases={fold(name): key for name, key in data.get("aliases", {}).items()},
                   not_same={fold(name) for pair in data.get("not_same", []) for name in pair[1:]},
                   countries=dict(data.get("countries", {})), merged=dict(data.get("merge", {})),
                   kept_apart={frozenset(pair) for pair in data.get("keep_apart", []) if len(set(pair)) == 2})

    def apart(self, first: str, second: str) -> bool:
        return frozenset((first, second)) in self.kept_apart


def identify(written: str, statement_country: str | None, curation: Curation | None = None) -> Identity:
    """The organisation a name as written stands for, located as surely as the evidence allows."""
    curation = curation or Curation()
    name, suffix_country = split_country(written)
    # For the key only: "Tibet Initiative Deutschland e.V." keeps its whole name on display, but shares
    # its key with "Tibet Initiative – Germany".
    base, trailing_country = _without_trailing_country(_WRITTEN_LEGAL_FORM.sub("", name))
    name_key = _slug(normal_form(base))
    found = _placed(written, statement_country or suffix_country, trailing_country)
    country, source = found[0], found[1]
    said_by_name = source in ("name", "state", "city") and not trailing_country  # locate() found it in base
    key = name_key if said_by_name else organisation_key(name_key, base, country)
    if key in curation.countries:
        country, source, found = curation.countries[key], "curated", (None, None, None, None, None)
        key = organisation_key(name_key, base, country)
    pinned = False
    if fold(written) in curation.not_same:
        key = name_key = f"{key}--{_slug(fold(written))}"
        pinned = True
    chosen = curation.aliases.get(fold(written)) or curation.merged.get(key)
    if chosen:
        key, name_key, pinned = chosen, name_key_of(chosen), True
    return Identity(key, name, country, source, *found[2:], name_key=name_key, pinned=pinned)


def organisation_key(name_key: str, base: str, country: str | None) -> str:
    """The folded name, and the country unless the name itself places the organisation there: the same
    name in the same country has one key, whichever evidence placed it."""
    if country is None:
        return name_key
    place = locate(base)
    return name_key if place is not None and place.country == country else f"{name_key}-{country.lower()}"


def name_key_of(key: str) -> str:
    """A curated id's name key: the id less a country code at its end."""
    head, _, tail = key.rpartition("-")
    return head if head and len(tail) == 2 and pycountry.countries.get(alpha_2=tail.upper()) else key


def _placed(written: str, stated: str | None,
            trailing: str | None) -> tuple[str | None, str, str | None, float | None, float | None]:
    """(country, how it was found, city, lat, lon): what the statement says, else what the name says."""
    if stated:
        return stated, "statement", None, None, None
    if trailing:
        return (trailing, "name", *_coordinates(trailing, written))
    place = locate(written)
    if place is None:
        return None, "unknown", None, None, None
    return place.country, place.source, place.city, place.lat, place.lon


def acronyms(name: str) -> set[str]:
    """The acronyms a name is written with, case folded: a person's affiliation may give only that."""
    found = {match for pattern in _ACRONYMS for match in pattern.findall(name)}
    return {acronym.casefold() for acronym in found if sum(c.isupper() for c in acronym) >= 2}


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
