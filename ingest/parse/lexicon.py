"""Per-language word lists, kept as data in ingest/lexicon/<language>.json.

A language's lexicon is merged with the English one: statements in other languages often
carry English labels ("Signatories:"), and the English patterns rarely misfire elsewhere.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .countries import fold

_LANGUAGE_FILE = re.compile(r"[a-z]{2,3}\.json")


def _languages() -> tuple[str, ...]:
    """Every language with a lexicon file (en.json, it.json, ...): adding a language is adding its file."""
    folder = resources.files("ingest").joinpath("lexicon")
    return tuple(sorted(entry.name.removesuffix(".json") for entry in folder.iterdir()
                        if _LANGUAGE_FILE.fullmatch(entry.name)))


LANGUAGES = _languages()
ADDRESSEE = r"(?P<addressee>[^;:]{1,80}?)"  # capped, so one ask cannot reach across a sentence


@dataclass(frozen=True)
class Lexicon:
    language: str
    ask_with_addressee: tuple[re.Pattern[str], ...]
    ask_without_addressee: re.Pattern[str]
    signatory_leadin: re.Pattern[str]
    signatory_count: re.Pattern[str]
    block_end: re.Pattern[str]
    honorifics: frozenset[str]
    leading_words_to_skip: frozenset[str]
    determiners: re.Pattern[str]
    ask_subject: re.Pattern[str] | None  # who must ask in a sentence for it to be the statement's own demand
    translation_heading: re.Pattern[str]
    anniversary: tuple[re.Pattern[str], ...]
    anniversary_events: dict[str, int]
    months: dict[str, int]  # folded month name -> number, in the language and English
    dateline: re.Pattern[str]
    updated_prefix: re.Pattern[str]  # "List updated on", "Zuletzt aktualisiert am"
    last_conjunction: re.Pattern[str]  # what joins the last item of an inline list: "and", "und", "sowie"
    demand_list: re.Pattern[str]  # "the demands of X: a, b and c"
    group_noun: re.Pattern[str]  # "organisations", "Ortsgruppen": what a list of signers is a list of
    publisher_opening: re.Pattern[str]  # "International Tibet Network Members are today joining"

    def asks(self, text: str) -> list[re.Match[str]]:
        """Every ask with an addressee in the text, in reading order, none overlapping."""
        found = sorted((m for p in self.ask_with_addressee for m in p.finditer(text)), key=lambda m: m.start())
        kept: list[re.Match[str]] = []
        for match in found:
            if not kept or match.start() >= kept[-1].end():
                kept.append(match)
        return kept


def _alternatives(patterns: list[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


def _load(language: str) -> dict[str, Any]:
    return json.loads(resources.files("ingest").joinpath(f"lexicon/{language}.json").read_text("utf-8"))


def _merged(language: str) -> dict[str, Any]:
    data = _load(language)
    if language == "en":
        return data
    english = _load("en")
    merged = {key: value + english[key] if isinstance(value, list) else value for key, value in data.items()}
    return {**english, **merged} | {
        "anniversary_events": {**english["anniversary_events"], **data.get("anniversary_events", {})},
        "anniversary": [data["anniversary"], english["anniversary"]],
        # A language whose verbs carry their subject needs none, in either language's sentences.
        "ask_subject": f"{data['ask_subject']}|{english['ask_subject']}" if data["ask_subject"] else "",
        "publisher_verbs": f"{data['publisher_verbs']}|{english['publisher_verbs']}",
    }


def _subject(pattern: str) -> re.Pattern[str] | None:
    """No pattern where the verb's own ending says who asks (Spanish exigimos, Portuguese pedimos)."""
    return re.compile(pattern, re.I) if pattern else None


@cache
def lexicon(language: str = "en") -> Lexicon:
    data = _merged(language)
    anniversary = data["anniversary"] if isinstance(data["anniversary"], list) else [data["anniversary"]]
    return Lexicon(
        language=language,
        ask_with_addressee=tuple(re.compile(r"\b" + template.replace("{addressee}", ADDRESSEE), re.I)
                                 for template in data["ask_patterns"]),
        ask_without_addressee=re.compile(rf"\b(?:{_alternatives(data['ask_without_addressee'])})", re.I),
        signatory_leadin=re.compile(rf"\b(?:{_alternatives(data['signatory_leadins'])})", re.I),
        signatory_count=re.compile(
            rf"(?P<bound>\b(?:{_alternatives(data['lower_bound_words'])}))?\s*\b(?P<n>\d{{1,3}}(?:[,.]\d{{3}})*|\d+)\s+"
            rf"(?:[\w’'*-]+\s+){{0,5}}?(?:{data['signatory_nouns']})\b", re.I),
        block_end=re.compile(_alternatives(data["block_end_patterns"]), re.I),
        honorifics=frozenset(data["honorifics"]),
        leading_words_to_skip=frozenset(data["leading_words_to_skip"]),
        determiners=re.compile(rf"^(?:{'|'.join(map(re.escape, data['determiners']))})\s+", re.I),
        ask_subject=_subject(data["ask_subject"]),
        translation_heading=re.compile(_alternatives(data["translation_headings"]), re.I),
        anniversary=tuple(re.compile(pattern, re.I) for pattern in anniversary),
        anniversary_events=data["anniversary_events"],
        months=_months(data["months"]),
        dateline=_dateline(data["months"]),
        updated_prefix=re.compile(rf"^(?:{_alternatives(data['updated_prefixes'])})", re.I),
        last_conjunction=_last_conjunction(data["list_conjunctions"]),
        demand_list=re.compile(rf"\b(?:{data['demand_nouns']})\b[^:]{{0,80}}:\s*(?P<items>.+)$", re.I),
        group_noun=re.compile(rf"\b(?:{data['signatory_nouns']})\b", re.I),
        publisher_opening=re.compile(
            rf"^(?:the\s+)?(?P<name>[A-ZÀ-Þ][\w’'&-]*(?:\s+(?:(?:of|for|the|and|de|du|des|für|der)\s+)?[A-ZÀ-Þ][\w’'&-]*)"
            rf"{{1,7}}?)\s+(?i:{_alternatives([data['publisher_verbs']])})\b"),
    )


def _last_conjunction(conjunctions: list[str]) -> re.Pattern[str]:
    """The conjunction no other follows: the one before an inline list's last item."""
    words = "|".join(map(re.escape, conjunctions))
    return re.compile(rf"\s+(?:{words})\s+(?!.*\s(?:{words})\s)", re.I)


def _months(names: list[str]) -> dict[str, int]:
    """Month names listed twelve to a language, January first."""
    return {fold(name): index % 12 + 1 for index, name in enumerate(names)}


def _dateline(names: list[str]) -> re.Pattern[str]:
    month = "|".join(sorted({re.escape(name) for name in names} | {re.escape(fold(name)) for name in names},
                            key=len, reverse=True))
    day = r"\d{1,2}(?:st|nd|rd|th|º|°|er|\.)?"
    weekday = r"(?:[^\W\d]+,?\s+)?"
    return re.compile(
        rf"{weekday}(?:(?P<day>{day})\s+(?:de\s+)?(?P<month>{month})\.?,?\s+(?:de\s+)?(?P<year>\d{{4}})"
        rf"|(?P<month2>{month})\.?\s+(?P<day2>{day}),?\s+(?P<year2>\d{{4}}))", re.I)


@cache
def kind_labels_in_any_language() -> dict[str, re.Pattern[str]]:
    """Labels such as "lettre ouverte" are distinctive enough to trust whatever language a page was taken for."""
    patterns: dict[str, list[str]] = {}
    for language in LANGUAGES:
        for kind, labels in _load(language)["kind_labels"].items():
            patterns.setdefault(kind, []).extend(labels)
    return {kind: re.compile(rf"\b(?:{_alternatives(labels)})", re.I) for kind, labels in patterns.items()}


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("ingest").joinpath("lexicon/stopwords.json").read_text("utf-8"))
    return {code: frozenset(words) for code, words in data.items() if not code.startswith("_")}


def detect_language(text: str) -> str | None:
    """The language whose function words are most frequent in the text, if any stand out."""
    words = re.findall(r"[^\W\d_]+", text.casefold())[:5000]
    if not words:
        return None
    scores = {code: sum(word in stopwords for word in words) for code, stopwords in _stopwords().items()}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= max(3, len(words) // 20) else None
