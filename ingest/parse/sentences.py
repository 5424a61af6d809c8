"""Splitting prose into sentences without breaking at initials and common abbreviations."""

from __future__ import annotations

import re

from .memory import kept

# French sets "!" and "?" apart with a space ("Nous ne nous laisserons plus faire ! Nous nous révoltons")
# A footnote's mark may follow the full stop: "... cultural empowerment.[xv] A commitment ...", Markdown's "[^1]" (or
# "^1", the link text it renders as where the note is defined)
_CANDIDATE = re.compile(r"(?:\.|[ \u00a0\u202f]?[!?])[)\"'”’]*(?:\[\^?\w{1,6}\]|\^\w{1,6})?"
                        r"\s+(?=[\"'“‘(]?[A-ZÀ-ÖØ-Þ0-9])")
ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "prof", "st", "no", "nos", "shri", "smt", "sri", "mt", "ft", "jr", "sr", "rev", "hon",
    "e.g", "i.e", "vs", "etc", "inc", "ltd", "co", "corp", "art", "para", "sec", "p", "pp", "vol", "fig", "u.s",
    "u.k", "h.h", "dept", "gov", "govt", "approx", "ca", "cf", "nr", "abs", "bzw", "z.b", "d.h", "s", "av", "sra",
}


def sentences(text: str) -> list[str]:
    return list(_sentences(text))


@kept(maxsize=8192)
def _sentences(text: str) -> tuple[str, ...]:
    """Kept: the same block is split by the readings of its asks, its lead-ins, its kind and its signers."""
    parts: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        if ends_in_abbreviation(text[start:match.start() + 1]):
            continue
        parts.append(text[start:match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return tuple(parts)


def ends_in_abbreviation(text: str) -> bool:
    """Whether the word the text ends with (none where it ends in a space) is an abbreviation."""
    return bool(text) and not text[-1].isspace() and is_abbreviation(text.rsplit(None, 1)[-1])


def is_abbreviation(word: str) -> bool:
    """ "R.S.", "H.", "Dr." and the like end with a period that does not end a sentence."""
    bare = word.lstrip("(\"'“‘").rstrip(".").casefold()
    ordinal = bare.isdigit() and len(bare) <= 2  # "Am 26. September", "le 1. mai": a day, not a sentence's end
    return len(bare) == 1 or ordinal or bare in ABBREVIATIONS or bool(re.fullmatch(r"(?:\w\.)+\w", bare))
