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
from typing import Any, NamedTuple

from .caseless import Caseless
from .countries import fold

_LANGUAGE_FILE = re.compile(r"[a-z]{2,3}\.json")


def _languages() -> tuple[str, ...]:
    """Every language with a lexicon file (en.json, it.json, ...): adding a language is adding its file."""
    folder = resources.files("ingest").joinpath("lexicon")
    return tuple(sorted(entry.name.removesuffix(".json") for entry in folder.iterdir()
                        if _LANGUAGE_FILE.fullmatch(entry.name)))


LANGUAGES = _languages()
# Capped, so that one ask cannot reach across a sentence; a bracketed note counts as one character
# ("both the governing bodies of the CCMA (Catalonia Radio and Catalonia television), and ...").
UNNAMED_ADDRESSEE = r"(?:\([^();:]{0,80}\)|[^;:]){1,160}?"


class Ask(NamedTuple):
    """An ask verb with its addressee: "call on [governments] to"."""

    start: int
    end: int
    addressee_start: int
    addressee_end: int
    wish: bool = False  # "we would like [the College] to": asks only where it names who is to act


@dataclass(frozen=True)
class Lexicon:
    language: str
    ask_with_addressee: Caseless  # every ask pattern in one, the addressee of the n-th as group addressee<n>
    # (wish<n> for the n-th wish pattern: "would like X to", "want X to")
    ask_trigger: Caseless  # anything that may start an ask: one search tells a sentence that asks nothing
    ask_without_addressee: Caseless
    signatory_leadin: Caseless
    signatory_count: Caseless
    block_end: re.Pattern[str]
    honorifics: frozenset[str]
    leading_words_to_skip: frozenset[str]
    adverb_suffixes: tuple[str, ...]  # "immediately", "immédiatement", "immediatamente": skipped before a verb
    participle_suffix: str  # "calling", "exigiendo": a verb form that needs an auxiliary to have a subject
    adjective_verbs: frozenset[str]  # "open", "free": verbs that stand as often before a noun as adjectives
    addressed_to: re.Pattern[str]  # "To the Government of China", "An die Bundesregierung": a heading naming whom
    determiners: re.Pattern[str]
    definite_determiners: frozenset[str]  # "the", "our": the words a named actor opens with
    ask_subject: re.Pattern[str]  # who asks when the statement itself asks: "we", "the undersigned", "nous"
    signers_named: re.Pattern[str]  # the signers or the text as a subject: "the organisations", "el manifiesto"
    first_person_verb: re.Pattern[str] | None  # a verb whose ending says "we": exigimos, demandons, chiediamo
    subordinator: re.Pattern[str]  # a word that opens a clause inside a sentence: "that", "dass", "que"
    purpose: re.Pattern[str]  # ", in order to ...", ", per tal de ...": a clause saying what an ask is for
    said_by_signers_named: re.Pattern[str]  # "..., 31 organizations said today.": the sentence is the signers' words
    said_by_names: re.Pattern[str]  # "..., ont déclaré aujourd'hui A et B.", "..., A and B said today.": who speaks
    named_speakers: re.Pattern[str]  # "A et B affirment": names, then a verb of saying
    obligation: re.Pattern[str]  # a modal that puts an obligation on its subject: "should", "müssen", "deben"
    what_is_to_be_done: re.Pattern[str]  # "What the EU must do:", "Ce que la mairie doit faire :": the list says it
    obligation_passive: re.Pattern[str]  # what follows a modal when it states, not obliges: "be", "werden"
    party: re.Pattern[str]  # a noun or pronoun for someone a demand can be put to: "government", "you", "Sie"
    party_of: re.Pattern[str]  # "of", "de": what follows is a complement, not who is named ("the role of governments")
    genitive_article: re.Pattern[str] | None  # "der", "des": whose or of what a noun before it is, in German
    nouns_capitalised: bool  # German: a capital letter does not mark a name
    imperative_is_stem: bool  # Dutch: "Gebruik uw invloed", the infinitive's stem, not the infinitive
    impersonal_ask: re.Pattern[str]  # "it is time for X to", "es ist Zeit": an ask in no one's name but the text's
    reader_call: Caseless  # "sign this letter": a call on readers, not a demand
    imperative_opener: re.Pattern[str]  # "Please", "Veuillez": a request in the imperative follows
    negative_imperative: re.Pattern[str] | None  # "Do not": an imperative that forbids
    infinitive_negation: re.Pattern[str]  # "not", "ne pas", "non": between a complement marker and its verb
    auxiliary: re.Pattern[str]  # "is", "has", "will": after a word that opens a sentence, it was a noun
    infinitive: re.Pattern[str] | None  # a word shaped like an infinitive: exiger, garantizar, umsetzen
    complement_marker: re.Pattern[str] | None  # "to", "à", "om": the word that opens what is asked
    final_infinitive_marker: re.Pattern[str] | None  # "te": marks an infinitive that stands last ("vrij te laten")
    we_verb: re.Pattern[str] | None  # "exigimos", "demandons": a verb in the first person plural, by its ending
    vocative: Caseless | None  # ", Monsieur le Ministre,": the one a letter speaks to, set aside in a sentence
    conjunctions: frozenset[str]  # "and", "und", "et": what joins two asks
    contrast_words: frozenset[str]  # "but", "mais", "aber": what joins two predicates of one subject
    open_tail: re.Pattern[str]  # ", and to:", "e que:": an ask left open to the list after it
    demand_noun: re.Pattern[str]  # "demands", "Forderungen": a heading over a list of demands
    aim_noun: re.Pattern[str]  # "principles", "Ziele": a heading over what a campaign stands for, not who signs
    appeal_noun: re.Pattern[str]  # "appeal", "Appell": what the signers join before listing what it asks
    list_pointer: re.Pattern[str]  # "the following", "folgende": an ask whose content is the list after it
    connectives: re.Pattern[str]  # "donc", "por lo tanto", "daher": words that tie a sentence to the one before, alone
    count_words: dict[str, int]  # "three", "drei": a number written as a word
    ask_negation: re.Pattern[str]  # "We are not asking", "Nous ne demandons pas": a negation just before a verb
    only_word: re.Pattern[str]  # "not only", "pas seulement": what turns a negation into more than one ask
    proposal_lead: re.Pattern[str]  # "Por todo ello, PROPONEMOS": a short line proposing what the list after it says
    that_clause: re.Pattern[str]  # "que", "dass": what opens each proposal of such a list
    translation_heading: re.Pattern[str]
    anniversary: tuple[re.Pattern[str], ...]
    anniversary_events: dict[str, int]
    months: dict[str, int]  # folded month name -> number, in the language and English
    month_pattern: str  # an alternation of the month names as written and folded ("Jänner", "janner", "Jän")
    dateline: re.Pattern[str]
    updated_prefix: re.Pattern[str]  # "List updated on", "Zuletzt aktualisiert am"
    last_conjunction: re.Pattern[str]  # what joins the last item of an inline list: "and", "und", "sowie"
    demand_list: Caseless  # "the demands of X: a, b and c"
    group_noun: re.Pattern[str]  # "organisations", "Ortsgruppen": what a list of signers is a list of
    publisher_opening: re.Pattern[str]  # "International Tibet Network Members are today joining"

    def asks(self, text: str) -> list[Ask]:
        """Every ask with an addressee in the text, in reading order, none overlapping."""
        found = []
        for match in self.ask_with_addressee.finditer(text):
            group = next(name for name, value in match.groupdict().items() if value is not None)
            wish = group.startswith("wish")
            found.append(Ask(match.start(), match.end(), match.start(group), match.end(group), wish))
        return found


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
        "ask_subject": f"{data['ask_subject']}|{english['ask_subject']}",
        "reader_calls": f"{data['reader_calls']}|{english['reader_calls']}",
        "publisher_verbs": f"{data['publisher_verbs']}|{english['publisher_verbs']}",
    }


def _ask_patterns(templates: list[str], wishes: list[str]) -> Caseless:
    named = [template.replace("{addressee}", f"(?P<addressee{index}>{UNNAMED_ADDRESSEE})")
             for index, template in enumerate(templates)]
    named += [template.replace("{addressee}", f"(?P<wish{index}>{UNNAMED_ADDRESSEE})")
              for index, template in enumerate(wishes)]
    return Caseless(rf"\b(?:{_alternatives(named)})")


MAX_VOCATIVE_CHARS = 60  # ", excelentísimo señor Presidente del Gobierno,": the longest one a letter sets aside


def _optional(pattern: str) -> re.Pattern[str] | None:
    """A whole word of the given shape, or None where a language has no such shape."""
    return re.compile(pattern, re.I) if pattern else None


def _complement_marker(markers: str) -> re.Pattern[str] | None:
    return re.compile(rf"(?:{markers})", re.I) if markers else None


def in_first_person_plural(text: str, words: Lexicon) -> bool:
    """ "we call on", "exigimos": the signers' own voice ("I" is one writer's, and the Italian article "i")."""
    return any(match.group().casefold() != "i" for match in words.ask_subject.finditer(text)) or (
        words.first_person_verb is not None
        and any(words.first_person_verb.fullmatch(word) for word in re.findall(r"\w+", text)))


@cache
def lexicon(language: str = "en") -> Lexicon:
    data = _merged(language)
    anniversary = data["anniversary"] if isinstance(data["anniversary"], list) else [data["anniversary"]]
    month = _month_pattern(data["months"] + data["month_spellings"])
    return Lexicon(
        language=language,
        ask_with_addressee=_ask_patterns(data["ask_patterns"], data["wish_patterns"]),
        ask_trigger=Caseless(r"\b(?:" + _alternatives(
            [template.replace("{addressee}", UNNAMED_ADDRESSEE)
             for template in data["ask_patterns"] + data["wish_patterns"]]
            + data["ask_without_addressee"] + data["impersonal_asks"] + [data["obligation"]]) + ")"),
        ask_without_addressee=Caseless(rf"\b(?:{_alternatives(data['ask_without_addressee'])})\b"),
        signatory_leadin=Caseless(rf"\b(?:{_alternatives(data['signatory_leadins'])})"),
        signatory_count=Caseless(
            rf"(?P<bound>\b(?:{_alternatives(data['lower_bound_words'])}))?\s*\b(?P<n>\d{{1,3}}(?:[,.]\d{{3}})*|\d+)\s+"
            rf"(?:[\w’'*-]+\s+){{0,5}}?(?:{data['signatory_nouns']})\b"),
        block_end=re.compile(_alternatives(data["block_end_patterns"]), re.I),
        honorifics=frozenset(data["honorifics"]),
        leading_words_to_skip=frozenset(data["leading_words_to_skip"]),
        adverb_suffixes=tuple(dict.fromkeys(s for s in (data["adverb_suffix"], "ly") if s)),
        participle_suffix=data["participle_suffix"],
        adjective_verbs=frozenset(data["adjective_verbs"]),
        addressed_to=re.compile(rf"^(?:{data['addressed_to']})\s+", re.I),
        determiners=re.compile(rf"^(?:{'|'.join(map(re.escape, data['determiners']))})\s+", re.I),
        definite_determiners=frozenset(word.casefold() for word in data["definite_determiners"]),
        ask_subject=re.compile(data["ask_subject"], re.I),
        signers_named=re.compile(data["signers_named"], re.I),
        first_person_verb=_optional(data["first_person_verb"]),
        subordinator=re.compile(rf"\b(?:{data['subordinators']})\b", re.I),
        purpose=re.compile(rf",\s*(?:{data['purpose']})\b", re.I),
        said_by_signers_named=_attribution(data["signers_named"], data["reporting_verbs"]),
        said_by_names=_attributed_to_names(data["reporting_verbs"]),
        named_speakers=re.compile(rf"(?P<names>[A-ZÀ-Þ].*?)\s+(?i:{data['reporting_verbs']})"),
        obligation=re.compile(rf"\b(?:{data['obligation']})\b", re.I),
        what_is_to_be_done=re.compile(rf"^\W*(?:{data['what_is_to_be_done']})\s+", re.I),
        obligation_passive=re.compile(data["obligation_passive"], re.I),
        party=re.compile(accents_optional(rf"\b(?:{data['party_nouns']})\b"), re.I),  # "L'Etat", "ESTADO"
        party_of=re.compile(rf"\s(?:{data['party_of']})(?:\s|(?<=['’]))", re.I),
        genitive_article=_optional(data["genitive_articles"]),
        nouns_capitalised=data["nouns_capitalised"],
        imperative_is_stem=data["imperative_is_stem"],
        impersonal_ask=re.compile(rf"\b(?:{_alternatives(data['impersonal_asks'])})\b", re.I),
        reader_call=Caseless(rf"\b(?:{data['reader_calls']})"),
        imperative_opener=re.compile(rf"(?:{data['imperative_openers']})\s+", re.I),
        auxiliary=re.compile(rf"(?:{data['auxiliaries']})", re.I),
        negative_imperative=_optional(rf"(?:{data['negative_imperative']})\s+" if data["negative_imperative"] else ""),
        infinitive_negation=re.compile(rf"(?:{data['infinitive_negation']})\s+", re.I),
        infinitive=_optional(data["infinitive"]),
        complement_marker=_complement_marker(data["complement_markers"]),
        final_infinitive_marker=_optional(data["final_infinitive_marker"]),
        we_verb=_optional(data["we_verb"]),
        vocative=Caseless(rf"(?:^|,)\s*(?:{data['vocatives']})(?![\w.])[^,;:.!?]{{0,{MAX_VOCATIVE_CHARS}}},\s*")
        if data["vocatives"] else None,
        conjunctions=frozenset(conjunction.casefold() for conjunction in data["list_conjunctions"]),
        contrast_words=frozenset(word.casefold() for word in data["contrast_words"]),
        open_tail=_open_tail(data),
        demand_noun=re.compile(rf"\b(?:{data['demand_nouns']})\b", re.I),
        aim_noun=re.compile(rf"\b(?:{data['aim_nouns']})\b", re.I),
        appeal_noun=re.compile(rf"\b(?:{data['appeal_nouns']})\b", re.I),
        list_pointer=re.compile(rf"\b(?:{data['list_pointer']})\b", re.I),
        connectives=re.compile(rf"(?:\W*\b(?:{data['connectives']})\b)+\W*", re.I),
        count_words={fold(word): value for word, value in data["count_words"].items()},
        ask_negation=re.compile(rf"(?:\b(?:{_alternatives(data['ask_negations'])})|n['’]t)\s+(?:\w+\s+)?$", re.I),
        only_word=re.compile(rf"\b(?:{_alternatives(data['only_words'])})\b", re.I),
        proposal_lead=re.compile(rf"^(?:[^.:;]{{0,40}}[,\s])?(?:{data['proposal_verbs']})(?:\s+(?:{data['connectives']}))?"
                                 r"\s*[:,]?$", re.I),
        that_clause=re.compile(rf"(?:{data['that_clause']})(?:[\s,]|(?<=['’]))", re.I),
        translation_heading=re.compile(_alternatives(data["translation_headings"]), re.I),
        anniversary=tuple(re.compile(pattern, re.I) for pattern in anniversary),
        anniversary_events=data["anniversary_events"],
        months=_months(data["months"] + data["month_spellings"]),
        month_pattern=month,
        dateline=_dateline(month),
        updated_prefix=re.compile(rf"^(?:{_alternatives(data['updated_prefixes'])})", re.I),
        last_conjunction=_last_conjunction(data["list_conjunctions"]),
        demand_list=Caseless(rf"\b(?:{data['demand_nouns']})\b[^:]{{0,80}}:\s*(?P<items>.+)$"),
        group_noun=re.compile(rf"\b(?:{data['signatory_nouns']})\b", re.I),
        publisher_opening=_publisher_opening(data["publisher_verbs"]),
    )


def _attribution(signers: str, verbs: str) -> re.Pattern[str]:
    """ ", 31 organizations said today." or ", said the groups.": who speaks, named last."""
    return re.compile(rf",\s*(?:[^,;.]{{0,60}}?(?:{signers})\s+(?:{verbs})|(?:{verbs})\s+[^,;.]{{0,40}}?(?:{signers}))"
                      rf"\b[^,;.]{{0,40}}[.!]?\s*$", re.I)


def _attributed_to_names(verbs: str) -> re.Pattern[str]:
    """ ", ont déclaré aujourd'hui A et B." (names after the verb) or ", A and B said today." (before it): the
    clause that ends a sentence by naming who says it. Case matters here: the names open with a capital, the
    words between verb and names ("today", "aujourd'hui") do not."""
    lower = r"[a-zà-ÿß'’]+"
    return re.compile(rf",\s+(?:(?i:{verbs})(?:\s+{lower}){{0,2}}\s+(?P<after>[A-ZÀ-Þ][^;:!?]*?)"
                      rf"|(?P<before>[A-ZÀ-Þ][^;:!?]*?)\s+(?i:{verbs})(?:\s+{lower}){{0,2}})\s*[.!]?\s*$")


def _open_tail(data: dict[str, Any]) -> re.Pattern[str]:
    conjunctions = "|".join(map(re.escape, data["list_conjunctions"]))
    markers = "|".join(marker for marker in (data["complement_markers"], data["subordinators"]) if marker)
    return re.compile(rf"(?:[,;]?\s*\b(?:{conjunctions})\s+)?\b(?:{markers})\s*[:;]\s*$", re.I)


def _publisher_opening(verbs: str) -> re.Pattern[str]:
    """ "O Comitê Brasileiro pela Paz na Venezuela repudia ...": a capitalised name, then a verb of the statement."""
    words = publisher_words()
    article = "|".join(map(re.escape, words["articles"]))
    connector = "|".join(map(re.escape, words["name_connectors"]))
    name = rf"[A-ZÀ-Þ][\w’'&.-]*(?:\s+(?:(?:{connector})\s+){{0,2}}[A-ZÀ-Þ][\w’'&.-]*){{1,7}}?"
    return re.compile(rf"^(?i:(?:{article})\s+)?(?P<name>{name})\s+(?i:{verbs})\b")


@cache
def publisher_words() -> dict[str, Any]:
    return json.loads(resources.files("ingest").joinpath("lexicon/publishers.json").read_text("utf-8"))


def _last_conjunction(conjunctions: list[str]) -> re.Pattern[str]:
    """The conjunction no other follows: the one before an inline list's last item."""
    words = "|".join(map(re.escape, conjunctions))
    return re.compile(rf"\s+(?:{words})\s+(?!.*\s(?:{words})\s)", re.I)


def _months(names: list[str]) -> dict[str, int]:
    """Month names listed twelve to a language, January first (then another spelling of some, the others left
    empty: "setiembre", "Jänner", "mrt"), with the abbreviations that name one month only ("Dec.", "févr.", "Sept")."""
    months = {fold(name): index % 12 + 1 for index, name in enumerate(names) if name}
    abbreviations: dict[str, set[int]] = {}
    for name, number in months.items():
        for length in (3, 4):
            if len(name) > length:
                abbreviations.setdefault(name[:length], set()).add(number)
    return {**{short: numbers.pop() for short, numbers in abbreviations.items() if len(numbers) == 1}, **months}


def _month_pattern(names: list[str]) -> str:
    known = _months(names)
    spellings = {spelling for name in names if name for spelling in (name, fold(name), name[:3], name[:4])
                 if fold(spelling) in known}
    return "|".join(sorted(map(re.escape, spellings), key=len, reverse=True))


def _dateline(month: str) -> re.Pattern[str]:
    """A written date: "4th February 2021", "the 22nd of June, 2020", "6 Dec. 2021", "April 6, 2021",
    "12 de setembro de 2019", "4 de febrero del 2021", "4 d'abril de 2023", a weekday before it or not."""
    day = r"\d{1,2}(?:st|nd|rd|th|º|°|er|\.)?"
    weekday = r"(?:[^\W\d]+,?\s+)?"
    return re.compile(
        rf"{weekday}(?:(?P<day>{day})\s+(?:de\s+|d['’]|of\s+)?(?P<month>{month})\b\.?,?\s+(?:del?\s+)?(?P<year>\d{{4}})"
        rf"|(?P<month2>{month})\b\.?\s+(?P<day2>{day}),?\s+(?P<year2>\d{{4}}))", re.I)


@cache
def kind_labels_in_any_language() -> dict[str, Caseless]:
    """Labels such as "lettre ouverte" are distinctive enough to trust whatever language a page was taken for."""
    patterns: dict[str, list[str]] = {}
    for language in LANGUAGES:
        for kind, labels in _load(language)["kind_labels"].items():
            patterns.setdefault(kind, []).extend(labels)
    return {kind: Caseless(accents_optional(rf"\b(?:{_alternatives(labels)})")) for kind, labels in patterns.items()}


# Titles set in capitals often drop the accents: "COMMUNIQUE COMMUN", "DECLARACION CONJUNTA".
_UNACCENTED = {"é": "e", "è": "e", "ê": "e", "á": "a", "à": "a", "â": "a", "ã": "a", "ó": "o", "ò": "o", "ô": "o",
               "õ": "o", "í": "i", "ì": "i", "î": "i", "ú": "u", "ù": "u", "û": "u", "ç": "c"}


def accents_optional(pattern: str) -> str:
    """The pattern with each accented vowel (outside a character class) matching its bare letter too."""
    written, in_class, escaped = [], False, False
    for c in pattern:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c in _UNACCENTED and not in_class:
            c = f"[{c}{_UNACCENTED[c]}]"
        written.append(c)
    return "".join(written)


_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")


def in_another_script(text: str) -> bool:
    """More letters of another alphabet than Latin ones: every language read here writes in Latin letters, so this
    is a translation's text ("감리교여성지도력개발원", a Chinese paragraph after each English one)."""
    if text.isascii() or not _OTHER_LETTER.search(text):
        return False  # by far the most common case: no letter of another alphabet to count
    return len(_OTHER_LETTER.findall(text)) > len(_LATIN_LETTER.findall(text))


@cache
def addressed_to_in_any_language() -> re.Pattern[str]:
    """ "to", "à", "ao", "an", "aan": what opens the naming of whom a letter or a list of asks is addressed to."""
    words = "|".join(_load(language)["addressed_to"] for language in LANGUAGES)
    return re.compile(rf"(?:{words})\s", re.I)


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("ingest").joinpath("lexicon/stopwords.json").read_text("utf-8"))
    return {code: frozenset(words) for code, words in data.items() if not code.startswith("_")}


def function_words(language: str) -> frozenset[str]:
    """The language's most frequent function words ("the", "of", "der"), from stopwords.json."""
    return _stopwords().get(language, frozenset())


@cache
def function_words_and_english(language: str) -> frozenset[str]:
    """The language's function words with English's, as a statement in another language may use both: one set
    made once, not joined again for every demand read."""
    return function_words(language) | function_words("en")

