"""Country names (ISO 3166 via pycountry, plus a few common short forms) to alpha-2 codes."""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources

import pycountry

from .memory import kept

MAX_REMEMBERED_CHARACTERS = 65536


class _WithoutMarks(dict):
    """Each character as NFKD decomposes it, without its combining marks, looked up once ("é" -> "e", "ﬁ" -> "fi").
    A string decomposes character by character: the canonical reordering NFKD does moves only combining marks,
    and they are dropped."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
        if len(self) < MAX_REMEMBERED_CHARACTERS:  # a hostile page may use every character there is
            self[code] = stripped
        return stripped


_WITHOUT_MARKS = _WithoutMarks()


@kept(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics, with runs of white space made single."""
    if text.isascii():
        return " ".join(text.casefold().split())
    return " ".join(text.translate(_WITHOUT_MARKS).casefold().split())


@cache
def causes() -> frozenset[str]:
    """Places statements name as the cause a group works for, never where it is (lexicon/causes.json)."""
    data = json.loads(resources.files("ingest").joinpath("lexicon/causes.json").read_text("utf-8"))
    return frozenset(data["causes"])


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[fold(value)] = country.alpha_2
    aliases = json.loads(resources.files("ingest").joinpath("lexicon/country_aliases.json").read_text("utf-8"))
    names.update({fold(k): v for k, v in aliases.items() if not k.startswith("_")})
    return names


def is_country_name(name: str) -> bool:
    """A country's name, causes included: "China must ..." names a state, whatever groups work for in it."""
    return fold(name).strip(" .") in _names()


def country_code(name: str) -> str | None:
    """The alpha-2 code of a country name, or None; causes such as Tibet are never a location."""
    whole = fold(name)
    folded = whole.strip(" .")
    if folded in causes():
        return None
    names = _names()
    return names.get(folded) or (names.get(whole) if whole != folded else None)
