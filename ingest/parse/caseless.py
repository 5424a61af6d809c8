"""Case-insensitive patterns searched the fast way.

Python's re.I compares every character through its case tables, which makes a long alternation tried at every word
(every ask pattern of a language) two to three times slower than the same pattern in lower case searched in
lower-cased text. The two agree wherever lower() gives each character its one lower-case form; they
differ only on the few characters re.I also equates with another letter (the long s "ſ" with "s", the dotless "ı"
with "i"), which no word of ours is written with.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
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

    __slots__ = ("pattern", "_exact", "_lower", "match", "fullmatch")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._exact = re.compile(pattern, re.I)
        self._lower = re.compile(in_lower_case(pattern))
        # match and fullmatch try one place, where lower-casing the whole text would cost more than re.I's comparison:
        # they are re.I's own methods, with no call of ours around them.
        self.match = self._exact.match
        self.fullmatch = self._exact.fullmatch

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        lowered = text.lower()
        if len(lowered) != len(text):
            return self._exact.search(text, pos, endpos)
        found = self._lower.search(lowered, pos, endpos)
        return found and (self._exact.match(text, found.start(), endpos) or self._exact.search(text, pos, endpos))

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        lowered = text.lower()
        if len(lowered) != len(text):
            return self._exact.finditer(text, pos, endpos)
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
        return self._lower.search(lowered) is not None

    def found_at_start(self, text: str) -> bool:
        return self._exact.match(text) is not None
