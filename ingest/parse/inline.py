"""Lists written inline: "a, b, c and d"."""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .names import legal_forms, name_likeness
from .sentences import is_abbreviation, sentences

MAX_ITEM_WORDS = 8
_BRACKETED = re.compile(r"\([^()]*\)")
# Commas, semicolons, spaced middle dots, bullets or bars ("A · B"), not inside brackets: "X (Publizistin, Autorin)"
_SEPARATOR = re.compile(r"(?:\s*[,;]|\s+[·•|])\s+(?![^()]*\))")
_SEPARATOR_UNBRACKETED = re.compile(r"(?:\s*[,;]|\s+[·•|])\s+")  # the same where no ")" stands in the text
# "Catherine Achin, sociologue ; Armelle Andro, démographe": semicolons part entries that have commas
_SEMICOLON = re.compile(r"\s*;\s+(?![^()]*\))")
_SEMICOLON_UNBRACKETED = re.compile(r"\s*;\s+")
_ELLIPSIS_END = re.compile(r"\s*(?:…|\.\.\.)$")
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_NUMBERED = re.compile(r"\s\d{1,4}$")


def _without_full_stop(text: str) -> str:
    """ "... und Hannover." loses its full stop; "... and Gamma e.V." keeps the one it is written with; "..., Gamma…"
    loses the ellipsis that says the list goes on."""
    text = _ELLIPSIS_END.sub("", text)
    last_word = text.split()[-1] if text.split() else ""
    return text if text.endswith(".") and is_abbreviation(last_word) else text.rstrip(".;")


def _with_legal_forms(parts: list[str]) -> list[str]:
    """ "Restore The Fourth, Inc." is one name: a legal form after a comma stays with it; so do the numbers after a
    numbered name ("Local 17, 62, 92": one union's branches)."""
    joined: list[str] = []
    for part in parts:
        numbered = joined and _BARE_NUMBER.match(part) and _NUMBERED.search(joined[-1])
        if joined and (part.rstrip(".").casefold() in legal_forms() or numbered):
            joined[-1] = f"{joined[-1]}, {part}"
        else:
            joined.append(part)
    return joined


def split_inline_list(text: str, words: Lexicon, minimum: int = 3, longest: int = MAX_ITEM_WORDS,
                      dashes: bool = False) -> list[str] | None:
    """The items of "a, b, c and d" (commas or semicolons, the last joined by a conjunction), or with dashes, of
    "a – b – c", "a / b / c" and "A. B. C.", or None when the text is not such a list."""
    text = _without_full_stop(text.strip())
    described = _entries_with_commas(text)
    parts = _with_legal_forms([part.strip() for part in _separator(text, described).split(text)
                               if part.strip()])
    if dashes and len(parts) == 1:
        parts = _dashed(text)
    if dashes and len(parts) == 1:
        parts = _dotted(text)
    if len(parts) >= MIN_DASHED_ITEMS and text not in parts and not _separator(text, described).search(text):
        longest = max(longest, MAX_MARKED_ITEM_WORDS)  # a mark no prose uses so says where each name ends
    if not parts:
        return None
    # The space lets an Oxford comma's conjunction (", and Gamma") be split off like any other.
    last = words.last_conjunction.split(" " + parts[-1], maxsplit=1)
    parts[-1:] = [part.strip() for part in last if part.strip()]
    names = [part.split(", ")[0] for part in parts] if described else parts  # the description may be long
    if len(parts) < (2 if described else minimum) or any(
            not part or _words_outside_brackets(part) > longest for part in names[1:]):
        return None
    return parts


def _dashed(text: str) -> list[str]:
    """ "A – B – C", "A / B / C": names parted by a spaced dash or slash, used at least twice (one dash sets a name
    beside its place or its website: "Attac – Paris")."""
    splits = [[part.strip() for part in separator.split(text)] for mark, separator in _DASHES if mark in text]
    parts = max(splits, key=len, default=[text])  # "Roma - Italia / ARCI Milano / ...": the mark used most
    return parts if len(parts) >= MIN_DASHED_ITEMS and all(parts) else [text]


_DASHES = [(mark, re.compile(rf"\s{mark}\s")) for mark in ("-", "–", "—", "/")]
MIN_DASHED_ITEMS = 3
MAX_MARKED_ITEM_WORDS = 15  # "Associazione ... per la ... di ...": a long name between dashes or slashes


def _dotted(text: str) -> list[str]:
    """ "A. B. C. D.": names each closed by a full stop, as short sentences are (an abbreviation's stop, "e.V.",
    "Inc.", ends none)."""
    parts = [_without_full_stop(sentence) for sentence in sentences(text)]
    slogans = all(len(part.split()) == 1 for part in parts)  # "Housing. Work. Education. Health."
    return parts if len(parts) >= MIN_DASHED_ITEMS and all(parts) and not slogans else [text]


def _separator(text: str, semicolons_only: bool) -> re.Pattern[str]:
    """What parts the items: the test that a separator stands outside brackets looks ahead to the text's end at each
    one, so it is left out where no closing bracket stands (a long paragraph of commas cost the square of its
    length)."""
    if ")" in text:
        return _SEMICOLON if semicolons_only else _SEPARATOR
    return _SEMICOLON_UNBRACKETED if semicolons_only else _SEPARATOR_UNBRACKETED


def _entries_with_commas(text: str) -> bool:
    """ "Catherine Achin, sociologue ; Armelle Andro, démographe": semicolons between entries that have
    commas of their own (two are enough: a semicolon says there are several)."""
    parts = [part for part in _separator(text, True).split(text) if part.strip()]
    return len(parts) >= 2 and sum(", " in part for part in parts) * 2 > len(parts) \
        and all(part.strip()[:1].isupper() for part in parts)


def _words_outside_brackets(part: str) -> int:
    """ "Dennis Visioli (assessore alla pace della provincia di Trieste)" is a two-word name and a note."""
    return len(_BRACKETED.sub(" ", part).split())


def names_listed(text: str, words: Lexicon) -> list[str]:
    """ "Solidaires Informatique, STJV", "Alpha Network and Beta Rights Watch": a line that is nothing but two or more
    names; empty for anything else."""
    items = split_inline_list(text, words, minimum=2, longest=MAX_LISTED_NAME_WORDS) or []
    return items if all(name_likeness(item) >= MIN_LISTED_LIKENESS for item in items) else []


MAX_LISTED_NAME_WORDS = 6
MIN_LISTED_LIKENESS = 0.8
