"""Case-insensitive patterns searched in lower case: the same answers as re.I, on the corpus's own sentences."""

from __future__ import annotations

import re

import pytest

from ingest.parse.caseless import Caseless, in_lower_case, needed_words
from ingest.parse.lexicon import LANGUAGES, lexicon
from tests.conftest import REAL, SEED

SENTENCES = [sentence for path in [SEED, *sorted(REAL.glob("*.md"))]
             for sentence in re.split(r"(?<=[.!?:])\s+", path.read_text("utf-8")) if sentence.strip()]


def test_a_pattern_in_lower_case_keeps_its_escapes_and_group_names():
    assert in_lower_case(r"(?P<Who>Call)\s+\S\W(?P=Who)\B") == r"(?P<Who>call)\s+\S\W(?P=Who)\B"


@pytest.mark.parametrize("pattern", [r"[A-Z]\w+", r"(?-i:Call)", r"\x41sk"])
def test_a_pattern_lower_case_would_change_is_refused(pattern):
    with pytest.raises(ValueError, match="cannot be read in lower case"):
        in_lower_case(pattern)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_ask_trigger_finds_what_re_ignorecase_finds(language):
    trigger = lexicon(language).ask_trigger
    ignoring_case = re.compile(trigger.pattern, re.I)
    for sentence in SENTENCES:
        for variant in (sentence, sentence.upper(), sentence.swapcase()):
            assert trigger.found(variant) == (ignoring_case.search(variant) is not None), variant[:80]
            assert trigger.found_at_start(variant) == (ignoring_case.match(variant) is not None), variant[:80]


def test_the_trigger_finds_an_ask_in_capitals_and_nothing_in_a_sentence_without_one():
    trigger = Caseless(r"\b(?:call(?:s|ing)?\s+(?:up)?on)\b")
    assert trigger.found("WE CALL ON the Government") and trigger.found_at_start("Calling upon all")
    assert not trigger.found("A recall of the Council") and not trigger.found_at_start("We call on")


def _same(ours: re.Match[str] | None, theirs: re.Match[str] | None) -> bool:
    return (ours is None and theirs is None) or (
        ours is not None and theirs is not None and ours.span() == theirs.span() and ours.groups() == theirs.groups())


@pytest.mark.parametrize("field", ["ask_with_addressee", "ask_without_addressee", "signatory_leadin",
                                   "signatory_count", "reader_call", "demand_list"])
@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_a_caseless_pattern_gives_re_ignorecase_matches(language, field):
    pattern = getattr(lexicon(language), field)
    ignoring_case = re.compile(pattern.pattern, re.I)
    for sentence in SENTENCES:
        for variant in (sentence, sentence.upper(), sentence.swapcase()):
            assert _same(pattern.search(variant), ignoring_case.search(variant)), variant[:80]
            assert _same(pattern.match(variant), ignoring_case.match(variant)), variant[:80]
            assert _same(pattern.fullmatch(variant), ignoring_case.fullmatch(variant)), variant[:80]
            ours, theirs = list(pattern.finditer(variant)), list(ignoring_case.finditer(variant))
            assert len(ours) == len(theirs) and all(map(_same, ours, theirs)), variant[:80]


def test_a_text_lower_case_lengthens_is_read_with_re_ignorecase():
    pattern = Caseless(r"(?P<word>\w+)\s+(?P<verb>calls)")
    text = "Pride in İzmir CALLS on the governor"  # "İ".lower() is two characters: positions would shift
    assert pattern.search(text).group("word", "verb") == ("İzmir", "CALLS")
    assert [match.span() for match in pattern.finditer(text)] == [(9, 20)]
    assert pattern.match(text, 9) is not None and pattern.found(text) and not pattern.found_at_start(text)


@pytest.mark.parametrize("pattern, needed", [
    (r"\b(?:call(?:s|ing)?\s+(?:up)?on)\b", ("call",)),
    (r"(?:nur\s+)?zur\s+(?:identifikation|kenntlichmachung)", ("identifikation", "kenntlichmachung")),  # not "nur"
    (r"(?:urge|ask)s?\s+\w+\s+to\b", ("ask", "urge")),
    (r"(?:urge|to)\s+act", ("act",)),  # "to" is too short to tell texts apart: what every match holds is "act"
    (r"(?:we\s+)?demand(?:s|ing)?", ("demand",)),
    (r"\b(?:a|b)\b", ()),  # nothing of three letters or more
    (r"(?:please|)\s*sign", ("sign",)),
    (r"(?:please|\w+)\s+do", ()),  # a branch that may be any word holds nothing we can name
])
def test_the_words_every_match_holds_are_read_from_the_pattern(pattern, needed):
    assert needed_words(pattern) == needed


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_sentence_without_the_words_every_ask_holds_is_not_searched_and_asks_nothing(language):
    trigger = lexicon(language).ask_trigger
    lower = re.compile(in_lower_case(trigger.pattern))
    needed = needed_words(in_lower_case(trigger.pattern))
    for sentence in SENTENCES:
        if lower.search(sentence.lower()):
            assert not needed or any(word in sentence.lower() for word in needed), sentence[:80]
