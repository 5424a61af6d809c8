"""The verb of a demand and its action category, from the per-language word list in lexicon/actions.json."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from .countries import fold
from .lexicon import Lexicon
from .sentences import sentences

# a middle dot between letters is inside a word: Catalan "anul·li", "sol·licitar"
_WORD = re.compile(r"[^\W\d_](?:[\w’'-]|·(?=[^\W\d_]))*")
_ENGLISH_ENDINGS = (("ing", ""), ("ing", "e"), ("ies", "y"), ("es", ""), ("ed", ""), ("ed", "e"), ("s", ""), ("d", ""))


@cache
def _data() -> dict:
    return json.loads(resources.files("ingest").joinpath("lexicon/actions.json").read_text("utf-8"))


@cache
def _categories(language: str) -> dict[str, tuple[int, str]]:
    """Folded entry -> (level, the entry as the lexicon spells it)."""
    table = _data().get(language, {})
    return {fold(word): (int(level), word) for level, words in table.items() for word in words}


def _known(word: str, language: str) -> str | None:
    """The lexicon entry a folded word stands for: itself, an English inflection of it, or a stem it begins with."""
    entries = _categories(language)
    if word in entries:
        return word
    if language == "en":
        for ending, replacement in _ENGLISH_ENDINGS:
            if word.endswith(ending) and word[: -len(ending)] + replacement in entries:
                return word[: -len(ending)] + replacement
        return None
    stem = next((entry for entry in _stems(language).get(word[:STEM_KEY], ()) if word.startswith(entry)), None)
    return stem or _nominalised(word, entries, language)


def _nominalised(word: str, entries: dict[str, tuple[int, str]], language: str) -> str | None:
    """The listed verb a noun is made from: "untersuchung" from "untersuchen"."""
    for ending, verb_ending in _data()["_nominalisations"].get(language, ()):
        if word.endswith(ending) and word[: -len(ending)] + verb_ending in entries:
            return word[: -len(ending)] + verb_ending
    return None


STEM_KEY = 5  # a stem is this long at least, so the words it begins share their first STEM_KEY letters with it


@cache
def _stems(language: str) -> dict[str, list[str]]:
    """The entries a word may begin with, by their first STEM_KEY letters, in the lexicon's order."""
    stems: dict[str, list[str]] = {}
    for entry in _categories(language):
        if len(entry) >= STEM_KEY:
            stems.setdefault(entry[:STEM_KEY], []).append(entry)
    return stems


def is_action_word(word: str, language: str) -> bool:
    """Whether the word is, or inflects, a verb or action noun the lexicon lists ("Ensuring", "release")."""
    return word_level(word, language) is not None


def word_level(word: str, language: str) -> int | None:
    """The action level of the word, or of the lexicon entry it inflects ("calling": 1, "released": 5)."""
    folded = fold(word)
    for candidate in dict.fromkeys((language, "en")):
        entry = _known(folded, candidate)
        if entry is not None:
            return _categories(candidate)[entry][0]
    return None


def base_form(word: str, language: str) -> bool:
    """Whether the word is a verb of the lexicon as listed, not inflected: "refuse", not "refused"."""
    folded = fold(word)
    return any(folded in _categories(candidate) for candidate in dict.fromkeys((language, "en")))


def leading_verb(text: str, words: Lexicon) -> str | None:
    """The lemma of the demand's first word, past adverbs and fillers; None for a noun phrase."""
    for match in _WORD.finditer(text[:200]):
        written = match.group().casefold()
        word = fold(written)
        if written in words.leading_words_to_skip or (word.endswith(words.adverb_suffixes) and len(word) > 4):
            continue
        if words.determiners.match(written + " "):
            return None
        for language in dict.fromkeys((words.language, "en")):
            entry = _known(word, language)
            if entry is not None:  # the lexicon's spelling, unless it is only a stem of a longer word
                return _categories(language)[entry][1] if len(entry) >= len(word) - 3 else written
        return written
    return None


def action_category(text: str, language: str) -> int | None:
    """The level of the first known action word in the demand's first sentence."""
    first = (sentences(text) or [text])[0]
    folded = fold(first)
    for phrase, level in _phrases(language):
        if folded.startswith(phrase):
            return level
    for match in _WORD.finditer(folded):
        for candidate_language in dict.fromkeys((language, "en")):
            entry = _known(match.group(), candidate_language)
            if entry is not None:
                return _categories(candidate_language)[entry][0]
    return None


@cache
def _phrases(language: str) -> list[tuple[str, int]]:
    """The entries of more than one word ("call for"), with their levels, in the lexicon's order."""
    return [(phrase, level) for phrase, (level, _) in _categories(language).items() if " " in phrase]


MIN_IMPERATIVE_STEM = 4  # "uit" (from "uiten") is also a preposition, "pas" an adverb: too short to tell
SEPARABLE_PREFIXES = ("om", "op", "uit", "aan", "af", "in", "door", "terug", "mee", "toe", "vrij", "stop")  # Dutch
_LONG_VOWEL = re.compile(r"(?<=[^aeiou])([aeou])([^aeiouy])$")


def is_imperative_stem(word: str, language: str) -> bool:
    """ "Gebruik", "Draai ... om", "Cultiveer", "Stop": the imperative of a verb of the lexicon, in a language whose
    imperative is the infinitive's stem (Dutch)."""
    return fold(word) in _imperative_stems(language)


@cache
def _imperative_stems(language: str) -> frozenset[str]:
    """Each infinitive's stem as Dutch spells it: "stoppen" "stop", "geven" "geef", "cultiveren" "cultiveer" (a
    vowel doubled where the syllable is open; both spellings kept, as stress decides: "bevorder", "garandeer"), and
    a separable verb's stem without its prefix ("omdraaien": "draai")."""
    stems: set[str] = set()
    for entry in _categories(language):
        if " " in entry or not entry.endswith("en") or len(entry) < 5:
            continue
        bases = [entry[:-2]] + [entry[len(prefix):-2] for prefix in SEPARABLE_PREFIXES
                                 if entry.startswith(prefix) and len(entry) - len(prefix) >= 5]
        for base in bases:
            if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "aeiou":
                base = base[:-1]  # "stopp" -> "stop"
            base = base[:-1] + {"v": "f", "z": "s"}.get(base[-1], base[-1])
            stems.add(base)
            stems.add(_LONG_VOWEL.sub(r"\1\1\2", base))
    return frozenset(stem for stem in stems if len(stem) >= MIN_IMPERATIVE_STEM)
