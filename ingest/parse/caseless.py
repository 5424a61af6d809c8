"""Case-insensitive patterns searched the fast way.

Python's re.I compares every character through its case tables, which makes a long alternation tried at every word
(every ask pattern of a language) two to three times slower than the same pattern in lower case searched in
lower-cased text. The two agree wherever lower() gives each character its one lower-case form; they
differ only on the few characters re.I also equates with another letter (the long s "ſ" with "s", the dotless "ı"
with "i"), which no word of ours is written with.

Before either search, a text is tested for the words every match must hold, read from the pattern's parse tree
("call", "urg", "demand", ... for the ask patterns): most texts a pattern is tried on (a signer's name, a line of a
list) hold none of them, and one search for them (written as their prefix tree) costs far less than the alternation
tried at every word. The tree is the standard library's own parse (`re._parser`): where it cannot be read, the pattern
is searched as before.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from re import _constants as _codes  # the parse tree's codes: what a match of a pattern must hold
from re import _parser
from typing import Any

# An escape ("\\S", "\\W", "\\B") or a group's name ("(?P<Name>", "(?P=Name)"), kept as written; or other text.
_KEPT_OR_TEXT = re.compile(r"(?P<kept>\\.|\(\?P[<=]\w+[>)])|[^\\(]+|\(", re.S)
# What lower-casing a pattern would change the meaning of: a class with a capital in it ("[A-Z]" is not "[a-z]" on
# every character between), a flag set inside the pattern, or a character written by its number.
_UNSAFE = re.compile(r"\[(?:\\.|[^\]\\])*[A-ZÀ-Þ](?:\\.|[^\]\\])*\]|\(\?[aiLmsux-]+[:)]|\\[xuUN0-9]")


def in_lower_case(pattern: str) -> str:
    """The pattern with its letters in lower case, its escapes and group names as written."""
    unsafe = _UNSAFE.search(pattern)
    if unsafe:
        raise ValueError(f"pattern cannot be read in lower case: {unsafe.group()!r} in {pattern[:80]!r}")
    return "".join(part.group() if part["kept"] else part.group().lower() for part in _KEPT_OR_TEXT.finditer(pattern))


class Caseless:
    """A case-insensitive pattern (re.I) whose search and finditer give re.I's matches of the text as written, found
    first in lower case: where the lower-case pattern matches the lower-cased text, re.I's pattern matches the text
    at the same place with the same groups, and only that one place is tried with re.I. A text that lower()
    lengthens ("İ") has no such places and is read with re.I alone. match and fullmatch, with one place to try,
    are re.I's."""

    __slots__ = ("pattern", "_exact", "_lower", "_any_needed_word", "match", "fullmatch")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._exact = re.compile(pattern, re.I)
        lower = in_lower_case(pattern)
        self._lower = re.compile(lower)
        needed = needed_words(lower)
        self._any_needed_word = re.compile(prefix_tree(dict.fromkeys(needed, ""))) if needed else None
        # match and fullmatch try one place, where lower-casing the whole text would cost more than re.I's comparison:
        # they are re.I's own methods, with no call of ours around them.
        self.match = self._exact.match
        self.fullmatch = self._exact.fullmatch

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        lowered = text.lower()
        if len(lowered) != len(text):
            return self._exact.search(text, pos, endpos)
        if not self._holds_a_needed_word(lowered):
            return None
        found = self._lower.search(lowered, pos, endpos)
        return found and (self._exact.match(text, found.start(), endpos) or self._exact.search(text, pos, endpos))

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        lowered = text.lower()
        if len(lowered) != len(text):
            return self._exact.finditer(text, pos, endpos)
        if not self._holds_a_needed_word(lowered):
            return iter(())
        found = [self._exact.match(text, match.start(), endpos) for match in self._lower.finditer(lowered, pos, endpos)]
        return iter(found) if None not in found else self._exact.finditer(text, pos, endpos)

    def findall(self, text: str) -> list[Any]:
        return self._exact.findall(text)  # the statement model's features count the ask trigger's matches

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self._exact.sub(replacement, text, count)

    def found(self, text: str) -> bool:
        lowered = text.lower()
        if len(lowered) != len(text):
            return self._exact.search(text) is not None
        return self._holds_a_needed_word(lowered) and self._lower.search(lowered) is not None

    def _holds_a_needed_word(self, lowered: str) -> bool:
        """The cheap test first: a text with none of the words every match holds has no match."""
        return self._any_needed_word is None or self._any_needed_word.search(lowered) is not None

    def found_at_start(self, text: str) -> bool:
        return self._exact.match(text) is not None


MIN_NEEDED_CHARS = 3  # a shorter string stands in too many texts to tell them apart
MAX_NEEDED_WORDS = 200  # the ask triggers need up to 144: their trees are searched in a twentieth of the trigger's time


def needed_words(pattern: str) -> tuple[str, ...]:
    """Strings one of which every match of the pattern holds ("call", "urg", "ask" for the ask patterns), read from
    the pattern's parse tree; none where that cannot be told, and the pattern is then always searched."""
    try:
        needed = _needed(_parser.parse(pattern).data)
    except (re.error, RecursionError):
        return ()
    return tuple(sorted(needed)) if needed and len(needed) <= MAX_NEEDED_WORDS else ()


def _needed(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """What a sequence of the tree must hold: a run of literal characters, or what a group, an alternation (every
    branch of it) or a repetition at least once must hold; of those, the set whose shortest string is longest."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for code, value in items:
        if code is _codes.LITERAL:
            run.append(chr(value))
            continue
        candidates += _literal(run)
        run = []
        inner = _inner(code, value)
        if inner:
            candidates.append(inner)
    candidates += _literal(run)
    return min(candidates, key=lambda words: (-min(map(len, words)), len(words)), default=None)


def _inner(code: Any, value: Any) -> frozenset[str] | None:
    if code is _codes.SUBPATTERN:
        return _needed(value[-1].data)
    if code is _codes.BRANCH:
        branches = [_needed(branch.data) for branch in value[1]]
        return frozenset().union(*branches) if branches and all(branches) else None
    if code in (_codes.MAX_REPEAT, _codes.MIN_REPEAT, _codes.POSSESSIVE_REPEAT) and value[0] >= 1:
        return _needed(value[2].data)
    return None  # a class, an anchor, a lookaround, a back-reference: nothing it must hold that we read


def _literal(run: list[str]) -> list[frozenset[str]]:
    return [frozenset({"".join(run)})] if len(run) >= MIN_NEEDED_CHARS else []


def prefix_tree(endings: dict[str, str]) -> str:
    """The alternation of each word followed by its ending, with the words' shared beginnings written once
    ("alliance" and "allianz" as "allian(?:ce|z)"): at each position the regex engine tries a few letters,
    not every word (a search of a sentence took 150 µs with the words side by side). It matches where
    they would."""
    branches = sorted({ending for word, ending in endings.items() if not word})
    by_letter: dict[str, dict[str, str]] = {}
    for word, ending in endings.items():
        if word:
            by_letter.setdefault(word[0], {})[word[1:]] = ending
    branches += [re.escape(letter) + prefix_tree(rest) for letter, rest in sorted(by_letter.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
