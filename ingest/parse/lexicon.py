"""Per-language word lists, kept as data in ingest/lexicon/<language>.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

LANGUAGES = ("en",)


@dataclass(frozen=True)
class Lexicon:
    language: str
    ask_with_addressee: re.Pattern[str]
    ask_without_addressee: re.Pattern[str]
    signatory_leadin: re.Pattern[str]
    signatory_count: re.Pattern[str]
    block_end: re.Pattern[str]
    honorifics: frozenset[str]
    leading_words_to_skip: frozenset[str]
    anniversary: re.Pattern[str]
    anniversary_events: dict[str, int]


def _alternatives(patterns: list[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


@cache
def lexicon(language: str = "en") -> Lexicon:
    data = json.loads(resources.files("ingest").joinpath(f"lexicon/{language}.json").read_text("utf-8"))
    link = data["addressee_link"]
    return Lexicon(
        language=language,
        ask_with_addressee=re.compile(
            rf"\b(?P<verb>{_alternatives(data['ask_verbs'])})\s+(?P<addressee>[^;:]+?)\s+{link}\b", re.I),
        ask_without_addressee=re.compile(rf"\b(?:{_alternatives(data['ask_without_addressee'])})\b", re.I),
        signatory_leadin=re.compile(rf"\b(?:{_alternatives(data['signatory_leadins'])})\b", re.I),
        signatory_count=re.compile(
            rf"(?P<bound>{_alternatives(data['lower_bound_words'])})?\s*\b(?P<n>\d{{1,3}}(?:,\d{{3}})*|\d+)\s+"
            rf"(?:[\w’'-]+\s+){{0,5}}?(?:{data['signatory_nouns']})\b", re.I),
        block_end=re.compile(_alternatives(data["block_end_patterns"]), re.I),
        honorifics=frozenset(data["honorifics"]),
        leading_words_to_skip=frozenset(data["leading_words_to_skip"]),
        anniversary=re.compile(data["anniversary"], re.I),
        anniversary_events=data["anniversary_events"],
    )


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
