"""Case-insensitive patterns searched the fast way.

Python's re.I compares every character through its case tables, which makes a long alternation tried at every word
(every ask pattern of a language, every organisation word) two to three times slower than the same pattern in lower
case searched in lower-cased text. The two agree wherever lower() gives each character its one lower-case form; they
differ only on the few characters re.I also equates with another letter (the long s "ſ" with "s", the dotless "ı"
with "i"), which no word of ours is written with.
"""

from __future__ import annotations

import re

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
    """A case-insensitive pattern that tells whether it occurs: found(text), found_at_start(text)."""

    __slots__ = ("pattern", "_lower")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._lower = re.compile(in_lower_case(pattern))

    def found(self, text: str) -> bool:
        return self._lower.search(text.lower()) is not None

    def found_at_start(self, text: str) -> bool:
        return self._lower.match(text.lower()) is not None
