"""What one written entry is: a name or a piece of prose; a person or an organisation.

Each reading is a score from evidence (its length, its capitals, its function words, the words
organisations and people are named with, given names), so that a list is judged by how its entries
look, not by the phrase that introduces it. The word lists are data in ingest/lexicon/names.json;
given names come from Faker's person providers, the widest maintained list that ships in a wheel.
"""

from __future__ import annotations

import importlib
import itertools
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..places import is_place
from .caseless import Caseless, prefix_tree
from .countries import country_code, fold, is_country_name
from .memory import kept

# Locales whose given names are written in the Latin alphabet, across the regions statements come from.
GIVEN_NAME_LOCALES = (
    "en_US", "en_GB", "en_IE", "en_IN", "en_NZ", "de_DE", "de_AT", "fr_FR", "es_ES", "es_MX", "es_AR", "es_CO",
    "pt_BR", "pt_PT", "it_IT", "nl_NL", "nl_BE", "pl_PL", "cs_CZ", "sv_SE", "no_NO", "da_DK", "fi_FI", "tr_TR",
    "id_ID", "hu_HU", "ro_RO", "hr_HR", "sl_SI", "yo_NG", "zu_ZA", "tw_GH",
)
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*|\d+", re.U)
_HEAD_SPLIT = re.compile(r"\s*(?:,|\s[–—-]\s|\s\|\s|\(|:)\s*")
_FIELD_SEPARATOR = re.compile(r",|\s\|\s")  # a role's fields: "Executive Director, Open Rights Group", "... | ..."
_EMAIL_OR_URL = re.compile(r"[\w.+-]@[\w-]+\.\w|https?://|www\.", re.I)  # "(@handle)" is neither
_SENTENCE_INSIDE = re.compile(r"[a-zà-ÿ]{3,}[.!?]\s+[A-ZÀ-Þ]")
_DOMAIN_NAME = re.compile(r"^[\w-]+\.(?:org|net|com|de|fr|eu|info|io|nl|it|es|ch|at|be|uk)\b",
                          re.I)
_FILE_NAME = re.compile(r"\w\.(?:md|markdown|pdf|html?|txt|docx?|odt|rtf|xlsx?|csv|json|php|aspx?)$", re.I)
_DOTTED_NAME = re.compile(r"^[^\W\d_]{2,}\.[^\W\d_]{2,}$")  # "info.nodes", "netzpolitik.org": a name, not prose
_INITIALS = re.compile(r"^(?:[A-ZÀ-Þ]\.){1,5}$")
# A Chinese personal name: two to four characters (compatibility forms included, as some pages write them).
_HAN_NAME = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,4}$")
_FOOTNOTE = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}\s*[)\]]\s|\^)")
# Chinese and Japanese punctuation, or a Korean sentence's end ("... 촉구한다."): prose
_CJK_PROSE = re.compile(r"[。，、；！？：]|[\uac00-\ud7a3][.!?](?:\s|$)")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# "USW 1998", "CUPE Local 3902", "SEIU Local 1199NE": a union's local, named by its number
_UNION_LOCAL = re.compile(r"^(?:[A-Z]{2,}(?:-[A-Z]+)?\s+(?:Local\s+)?|.*\bLocal\s+)\d{1,5}[A-Z]{0,3}$")
# "02760 Espoo", "75011 Paris", "Quai Wilson 47, 1201": a line of a postal address
_POSTCODE_TOWN = re.compile(r"^\d{4,5}\s+(?P<town>[A-ZÀ-Þ][\w'-]+(?:[\s-]+[A-ZÀ-Þ][\w'-]+)?)$")
_STREET_POSTCODE = re.compile(r"\s\d{1,4}[A-Za-z]?,\s+\d{4,5}$")
_FIRST_PERSON = frozenset({"we", "we'll", "we're", "we've", "i", "i'm", "i've", "you", "nous", "wir", "ich",
                           "nosotros", "nosotras", "nós", "noi", "wij", "ik"})
_HANDLE = re.compile(r"\(@\w+\)|^\S+(?:\s+\S+){0,3}\s+@\w+")
_POST_NOMINALS = re.compile(r"(?:,?\s+(?:SC|QC|KC|JP|MP|MEP|MLA|MSP|PhD|Ph\.D\.?|MD|OBE|MBE|CBE|FRS|Esq\.?))+$")
_POST_NOMINAL_ENDINGS = ("SC", "QC", "KC", "JP", "MP", "MEP", "MLA", "MSP", "PhD", "Ph.D", "Ph.D.", "MD", "OBE", "MBE",
                         "CBE", "FRS", "Esq", "Esq.")  # what _POST_NOMINALS must end with: a cheap test before it


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    affiliation: str | None


@cache
def _data() -> dict:
    return json.loads(resources.files("ingest").joinpath("lexicon/names.json").read_text("utf-8"))


@cache
def indefinite_articles() -> frozenset[str]:
    return frozenset(_data()["indefinite_articles"])


@cache
def articles() -> frozenset[str]:
    return frozenset(_data()["articles"])


@cache
def _word_starts(key: str) -> re.Pattern[str]:
    """Words begun by one of the list's longer entries; a short entry ("red", "labor") must be the whole
    word, or its plural ("groups"), so that "Laborde" or "Redford" do not name an organisation."""
    endings = {word: "" if len(word) >= 6 else r"(?:e?s)?(?![\w])" for word in map(fold, _data()[key])}
    return re.compile(r"(?<![\w])" + prefix_tree(endings), re.I)


@cache
def function_words() -> frozenset[str]:
    return frozenset(word for words in _data()["function_words"].values() for word in words)


@cache
def honorifics() -> frozenset[str]:
    return frozenset(_data()["honorifics"])


@cache
def _abbreviated_titles() -> frozenset[str]:
    """ "dr", "prof", "mr", "ir", "dhr": the honorifics written with a dot, without it."""
    return frozenset(title.rstrip(".") for title in honorifics() if title.endswith("."))


@cache
def first_person_words() -> frozenset[str]:
    """ "we", "wir", "nous", "our", "unsere", "nostra": the first person plural's pronouns and possessives, in every
    language read here."""
    return frozenset(word.casefold() for key in ("first_person_subjects", "first_person_possessives")
                     for word in _data()[key])


@cache
def legal_forms() -> frozenset[str]:
    return frozenset(form.rstrip(".") for form in _data()["legal_forms"])


def is_legal_form(word: str) -> bool:
    """ "e.V.", "gGmbH", "eG": a legal form, where a dot or a capital says it is one (it ends the name before it,
    "Beatmungsmedizin e.V."); not the English word "as" (Norwegian "AS") nor "co"."""
    return ("." in word or not word.islower()) and word.rstrip(".,").casefold() in legal_forms()


MAX_ENTRY_TEXT = 1000  # characters of an entry worth reading: names and roles are far shorter
GIVEN = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


@cache
def given_names() -> frozenset[str]:
    """Given names of many countries, folded; loaded once, the first time a person may be named."""
    return frozenset(_faker_names(GIVEN) - function_words() - _common_words())


@cache
def family_names() -> frozenset[str]:
    return frozenset(_faker_names(("last_names",)) - function_words() - _common_words())


def _faker_names(attributes: tuple[str, ...]) -> set[str]:
    names: set[str] = set()
    for locale in GIVEN_NAME_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ModuleNotFoundError:
            continue
        for attribute in attributes:
            value = provider.__dict__.get(attribute)
            if isinstance(value, (list, tuple, set, dict)):
                names.update(fold(name) for name in value)
    return names


def _common_words() -> set[str]:
    """Words that are given names somewhere but name causes or things in organisations' names."""
    return {fold(word) for word in _data()["organisation_words"]} | {
        "media", "justice", "council", "peace", "green", "hope", "grace", "liberty", "unity", "young", "muslim",
        "free", "open", "human", "digital", "art", "tor", "paris", "sydney", "jordan", "georgia", "victoria",
        "india", "china", "israel", "america", "europa", "vida", "luz", "paz", "fe", "esperanza", "mercy",
        "faith", "joy", "summer", "dawn", "rain", "river", "sky", "star", "golden", "sunny", "honey", "angel",
        "christian", "amor", "nova", "rosa", "flor", "terra", "sol", "mar"}


@cache
def _starts(key: str) -> re.Pattern[str]:
    return re.compile(rf"^\W{{0,3}}(?:{_joined(key)})", re.I)


@cache
def _menu_words() -> frozenset[str]:
    return frozenset(fold(word) for word in _data()["menu_words"])


@cache
def _identification_note() -> Caseless:
    return Caseless(_joined("identification_notes"))


@cache
def _copulas() -> frozenset[str]:
    return frozenset(_data()["copulas"])


def labels_addressees(text: str) -> bool:
    """ "To:", "Para:", "An:": the label over whom a letter is addressed to. A one-letter label ("A:", "À:") needs
    its colon: "A" alone heads the names an alphabetical list files under that letter."""
    label = fold(text).rstrip(":： ").strip()
    return label in _addressee_labels() and (len(label) > 1 or text.rstrip().endswith((":", "：")))


def addresses(text: str) -> bool:
    """ "To: the Minister of the Interior", "An: Bundesministerium des Innern": a line that says whom a letter is to."""
    label, colon, _ = text.partition(":")
    return bool(colon) and labels_addressees(label + colon)


@cache
def _addressee_labels() -> frozenset[str]:
    return frozenset(fold(label) for label in _data()["addressee_labels"])


def ends_section(text: str) -> bool:
    """ "Cc:", "About us", "Press contact", "Notes", "ENDS", "©": a block after which no signatory follows."""
    return _starts("section_ends").match(text) is not None


@cache
def _joined(key: str) -> str:
    return "|".join(f"(?:{pattern})" for pattern in _data()[key])


@cache
def _signing_for() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_joined('signing_for')})\s+(?P<name>[A-ZÀ-Þ].+?)[:：]?$", re.I)


@cache
def _on_behalf_of() -> re.Pattern[str]:
    return re.compile(rf"^(?P<person>[^,]+?)(?P<comma>,)?\s+(?:{_joined('on_behalf_of')})\s+(?:the\s+)?"
                      rf"(?P<organisation>.+)$", re.I)


def signing_for(label: str) -> str | None:
    """ "Für Health for Future Göttingen:" names the organisation the people under it sign for."""
    match = _signing_for().match(label.strip())
    return match.group("name").strip() if match and has_organisation_word(match.group("name")) else None


@cache
def _signed_by() -> re.Pattern[str]:
    return re.compile(rf"^\W*(?:{_joined('signed_by')})\s*[:,]?\s+(?P<names>[^\W\d_].*)$", re.I)


def named_on_a_signing_line(text: str) -> str | None:
    """ "Getekend het bestuur van Internet Society Nederland", "Signed: Alpha Network and Beta Watch": what a line
    that signs names on itself; None for anything else."""
    match = _signed_by().match(text) if len(text) <= MAX_SIGNED_LINE_CHARS else None
    return match.group("names").strip().rstrip(".") if match else None


MAX_SIGNED_LINE_CHARS = 200


@cache
def _governed() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_joined('governing_bodies')})\s+(?P<organisation>[^\W\d_].*)$", re.I)


@cache
def _board() -> str:
    """ "das Präsidium", "Comité de pilotage", "the Board": a board or committee, its article before it or not."""
    articles = "|".join(re.escape(article) for article in _data()["articles"])
    return rf"(?:(?:{articles})\s*)?(?:{_joined('boards')})"


@cache
def _for_a_board() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_joined('signing_for')})\s+{_board()}\s*(?:[:,]|$)", re.I)


@cache
def _a_board() -> re.Pattern[str]:
    return re.compile(rf"{_board()}\s*:?", re.I)


def names_a_board(text: str) -> bool:
    """ "Comité de pilotage", "Steering committee", "Der Vorstand": a board or committee named alone, over the
    people or organisations that make it up."""
    return _a_board().fullmatch(text.strip(" *_")) is not None


def signs_for_a_board(text: str) -> bool:
    """ "Für das Präsidium: Rabbiner Andreas Nachama, ...", "For the Board:": people who sign for their own
    organisation's board, which is not named."""
    return _for_a_board().match(text.strip()) is not None


def governed_organisation(text: str) -> str | None:
    """ "het bestuur van Creative Commons Nederland", "the board of X": the organisation whose board or committee
    signs for it."""
    match = _governed().match(text.strip())
    return match.group("organisation").strip() if match and match.group("organisation")[:1].isupper() else None


def on_behalf_of(text: str) -> tuple[str, str] | None:
    """ "Chee Yoke Ling, on behalf of the Third World Network (TWN)", "Geert Lovink namens Institute of Network
    Cultures": the person, and the organisation."""
    match = _on_behalf_of().match(text)
    if match is None or not match.group("organisation")[:1].isupper() or person_evidence(match.group("person")) < 0.1:
        return None
    if not match.group("comma") and not _signs_for_without_a_comma(text, match):
        return None
    return match.group("person").strip(), match.group("organisation").strip()


def _signs_for_without_a_comma(text: str, match: re.Match[str]) -> bool:
    """ "Geert Lovink namens Institute of Network Cultures": a person's name, then a word that can only mean signing
    for ("namens", "on behalf of"); not "Vielen Dank für die Unterstützung"."""
    joiner = text[match.end("person"):].split()[0]
    return shaped_as_a_persons_name(match.group("person")) and fold(joiner) not in _AMBIGUOUS_BEHALF


_AMBIGUOUS_BEHALF = frozenset({"fur", "pour", "representing"})  # folded: "für" is "fur"


@cache
def _rest_of() -> re.Pattern[str]:
    return re.compile(rf"\s(?:{_joined('rest_of')})\s+(?=[^\W\d_])", re.I)


def people_and_the_rest_of(text: str) -> tuple[list[str], str] | None:
    """ "Jane Doe, John Roe and the rest of Alpha Network": the people who sign by name, and the organisation whose
    other members sign with them; None unless each name before it is shaped as a person's (two to four words,
    capitalised but for a particle such as "de" or "van", nothing that names an organisation)."""
    match = _rest_of().search(text)
    if match is None or not text[match.end():][:1].isupper():
        return None
    people = [name.strip() for name in re.split(r",\s+|\s+(?:and|&|und|et|y|e|en)\s+", text[:match.start()])]
    if not all(shaped_as_a_persons_name(name) for name in people):
        return None
    return people, text[match.end():].strip().rstrip(".")


def shaped_as_a_persons_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and words[0][:1].isupper() and words[-1][:1].isupper() and \
        all(word[:1].isupper() or len(word) <= MAX_PARTICLE_CHARS for word in words) and person_evidence(text) > 0


MIN_PERSON_EVIDENCE = 0.5  # "Jane Doe", "Peter Jones" are people; "Global Witness", "Access Now" may be either
MAX_PARTICLE_CHARS = 3  # "de", "van", "von", "da": a particle in a family name


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


@kept(maxsize=16384)
def has_organisation_word(text: str) -> bool:
    return _word_starts("organisation_words").search(fold(text[:MAX_ENTRY_TEXT])) is not None


@kept(maxsize=16384)
def has_role_word(text: str) -> bool:
    return _word_starts("role_words").search(fold(text)) is not None


@kept(maxsize=4096)
def says_people(label: str) -> bool:
    """ "Individuals", "Einzelpersonen", "Academics": a label over a list of people."""
    folded = fold(label)
    return (_word_starts("people_labels").search(folded) is not None
            and _word_starts("organisation_labels").search(folded) is None)


@kept(maxsize=4096)
def says_organisations(label: str) -> bool:
    folded = fold(label)
    return (_word_starts("organisation_labels").search(folded) is not None
            and _word_starts("people_labels").search(folded) is None)


@kept(maxsize=16384)
def name_likeness(text: str) -> float:
    """0 (prose) to 1 (a name): how much an entry reads as the name of a signer, with or without
    the role, place or affiliation written after it."""
    if len(text) > MAX_ENTRY_TEXT:
        return 0.0  # no name is this long; and a hostile page's huge block costs nothing more
    words = text.split()
    if not words:
        return 0.0
    found = tokens(text)
    if not any(token[:1].isalpha() for token in found):
        return 0.0  # a running number, a date, punctuation
    # each pattern is searched only where the characters it needs are in the text: most entries have none of them
    if ("@" in text or "." in text or "://" in text) and _EMAIL_OR_URL.search(text) and not _DOMAIN_NAME.match(text):
        return 0.15
    if _FOOTNOTE.match(text) or (not text.isascii() and _CJK_PROSE.search(text)) or fold(found[0]) in _FIRST_PERSON:
        return 0.2
    if fold(text).strip(" .:»›>") in _menu_words() or ("." in text and _FILE_NAME.search(text)):
        return 0.0  # "Home", "About us", "Impressum", "README.md": a site's menu or a file, not a signer
    if _identification_note().search(split_head(text)[0]):
        return 0.0  # "Institutions for identification only, Country": what the list's columns are
    if len(found) >= 3 and not _copulas().isdisjoint(found[1:]):
        return 0.25  # "Klimaschützen ist kein Verbrechen!": a sentence, however short
    digits = sum(1 for token in found if token.isdigit())
    if ((_YEAR.search(text) and len(found) <= 6) or digits >= 3 or is_postal_address(text)) \
            and not _UNION_LOCAL.match(text):
        return 0.2  # a date, an address, a telephone number
    if text.rstrip().endswith("!") and (sum(word[:1].islower() for word in words) >= 2
                                        or fold(found[0]) in _copulas()):
        return 0.2  # "Vielen Dank für die Unterstützung!", "Fue genocidio!": an exclamation, not a name
    if named_then_role(text):
        return name_likeness(split_head(text)[0])  # the role is running text, however long
    score = 1.0 - _length_penalty(len(words), len(text)) - _prose_penalty(text, words, found)
    if " | " in text:
        score -= 0.3  # "Blog | CitizenNews Op-ed": a byline or a menu
    if ": " in text:
        score -= 0.3  # "Responsable de la publicación: Ricardo Bermeo": a field and its value
    if has_organisation_word(text) or is_acronym(words[0]):
        score += 0.1
    return max(0.0, min(1.0, score))


def is_postal_address(text: str) -> bool:
    """ "02760 Espoo", "Quai Wilson 47, 1201": a line of a postal address."""
    town = _POSTCODE_TOWN.match(text)
    return bool(town and is_place(town.group("town"))) or ("," in text and _STREET_POSTCODE.search(text) is not None)


def named_then_role(text: str) -> bool:
    """ "Mônica Valente, secretária executiva do Foro de São Paulo e ...": a name of a few capitalised words, then
    a role."""
    head, tail = split_head(text)
    words = head.split()
    return bool(tail) and 2 <= len(words) <= 5 and all(_name_part(word) for word in words) and \
        has_role_word(tail.split()[0])


def _length_penalty(count: int, characters: int) -> float:
    penalty = 0.0
    if count > 10:
        penalty += min(0.6, (count - 10) * 0.04)
    if characters > 150:
        penalty += 0.2
    return penalty


def _prose_penalty(text: str, words: list[str], found: list[str]) -> float:
    penalty = 0.0
    first = words[0]
    if first[:1].islower() and not _DOMAIN_NAME.match(first) and not _DOTTED_NAME.match(first) and \
            fold(first) not in name_particles() and not _ends_in_legal_form(words) and \
            not (first.endswith(".") and fold(first).rstrip(".") in _abbreviated_titles()):
        penalty += 0.35
    if ("." in text or "!" in text or "?" in text) and _SENTENCE_INSIDE.search(text):
        penalty += 0.3
    if len(words) >= 5 and text.rstrip()[-1:] in ".!?" and not _ends_in_abbreviation(words[-1]):
        penalty += 0.2
    known = function_words()
    alphabetic = function = content = lower = 0
    opens_with_a_function_word = False
    for token in found:
        if not token[:1].isalpha():
            continue
        if token.casefold() in known:
            function += 1
            opens_with_a_function_word = opens_with_a_function_word or alphabetic == 0
        else:
            content += 1
            lower += token[:1].islower()
        alphabetic += 1
    if alphabetic >= 6:
        penalty += max(0.0, function / alphabetic - 0.2) * 1.2
    if content >= 2:
        penalty += 0.6 * lower / content
    elif content and lower and opens_with_a_function_word:
        penalty += 0.4  # "los desocupados", "the unemployed": an article and a common noun, whoever they are
    if text.rstrip()[-1:] in "!?" and (lower or content < 2):
        penalty += 0.6  # "Thank you!", "Klimaschützen ist kein Verbrechen!"; not "XR Justice Now!"
    return penalty


def ends_in_legal_form(text: str) -> bool:
    return _ends_in_legal_form(text.split())


def _ends_in_legal_form(words: list[str]) -> bool:
    """ "knowledgeatwork UG", "wechange eG", "urgewald e. V.": a legal form written as one (in one word or two) makes
    a name of what comes before it, however that is written."""
    last = words[-1]
    if not any(c.isupper() for c in last):
        return False
    forms = legal_forms()
    return (len(words) >= 2 and last.rstrip(".").casefold() in forms) or \
        (len(words) >= 3 and " ".join(words[-2:]).rstrip(".").casefold() in forms)


def _ends_in_abbreviation(word: str) -> bool:
    bare = word.rstrip(".").casefold()
    return bare in legal_forms() or len(bare) <= 3 or "." in bare


def is_acronym(word: str) -> bool:
    letters = 0
    for character in word:
        if character.isalpha():
            if not character.isupper():
                return False  # most words are not acronyms, and say so at their second letter
            letters += 1
    return letters >= 2


@cache
def name_particles() -> frozenset[str]:
    return frozenset({"de", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "la", "le",
                      "du", "bin", "al", "el", "ten", "ter", "zu", "y", "e", "van der", "van den", "d'", "l'"})


ORGANISATION_SHAPE = re.compile(r"[a-z][A-Z]|[A-Z]{2}|\d")  # "YASunidos", "BIJ1", "BUND": one word that is a name
_AMPERSAND = re.compile(r"\w\s?&\s?\w")  # "Marks & Spencer", "H&M": no person's name joins words so
_EXCLAIMED = re.compile(r"!\W*$")  # "Turn Around, H&M!": nor ends with an exclamation mark (but in brackets)


@kept(maxsize=16384)
def person_evidence(text: str) -> float:
    """Above 0 where the entry names a person, below 0 where it names an organisation, 0 where it
    does not say: "Dr Mira Shiva", "Pieter Hintjens, President of FFII" and "Jane Doe (Amnesty)"
    are people; "Friends of Tibet, in Bulgaria", "Iuridicum Remedium, z.s." and "ACT UP" are not."""
    head, tail = split_head(text[:MAX_ENTRY_TEXT])
    head, post_nominals = _without_post_nominals(without_home(head))
    words = head.split()
    if not words:
        return 0.0
    if fold(words[0]).rstrip(",") in honorifics() or fold(words[0]) in honorifics() or post_nominals:
        return 1.0
    if tail and len(words) == 1 and _INITIALS.match(words[0]):
        return 0.6  # "A. (Paris 1, PfY, CPN)": someone signing with an initial, and where they stand
    if "@" in text and _HANDLE.search(text):  # the cheap test first: both shapes have an "@"
        return 0.9  # "MummyDing (@MummyDing), Android Developer": a person's account
    if tail and fold(tail).rstrip(". ") in legal_forms():
        return -1.0
    if ("&" in head and _AMPERSAND.search(head)) or ("!" in text and _EXCLAIMED.search(text)
                                                      and not text.rstrip().endswith(")")):
        return -0.8  # "Turn Around, H&M!", "Marks & Spencer": a campaign's or a firm's name
    if _inverted_name(words, tail):
        return 0.8
    evidence = _head_evidence(head, words)
    if tail:
        evidence += _tail_evidence(tail)
    return max(-1.0, min(1.0, evidence))


_ACCOUNT = re.compile(r"@?[a-z0-9][a-z0-9_.-]*")  # a user name in lower case, as a code host's accounts are
MIN_NAME_IN_ACCOUNT = 3


def _user_name(tail: str, name: str) -> bool:
    """ "(@gear4s)", "(d-m-u)", "(abougouffa)" after "Abdelhak Bougouffa": an account's name, written in lower case,
    that marks itself as one or spells a part of the person's name; "(journaliste)" is a role."""
    if not _ACCOUNT.fullmatch(tail):
        return False
    if tail.startswith("@") or any(c.isdigit() or c == "_" for c in tail):
        return True
    folded = fold(tail)
    return any(len(part) >= MIN_NAME_IN_ACCOUNT and part in folded for part in fold(name).split())
_FROM_PLACE = re.compile(r"(?<=\s)from\s+(?:the\s+)?(?P<place>[^\W\d_][\w .'’-]*)$")


def without_home(head: str) -> str:
    """ "Ahmad Salimi from Iran", "Aiden Wallis from the United Kingdom": the signer without the country or place
    they sign from, which says nothing of whether they are a person."""
    match = _FROM_PLACE.search(head.rstrip()) if "from" in head else None
    if match is None or not (is_country_name(match["place"]) or is_place(match["place"])):
        return head
    return head[:match.start()].rstrip()


def _inverted_name(head: list[str], tail: str) -> bool:
    """ "Lopez, Maria", "García Ruiz, Tomás": a family name, a comma, then the given names alone."""
    given = tail.split()
    return 1 <= len(head) <= 2 and 1 <= len(given) <= 2 and all(word[:1].isupper() for word in head + given) \
        and all(is_given_name(word) for word in given) and not has_organisation_word(" ".join(head))


def _without_post_nominals(head: str) -> tuple[str, bool]:
    """ "Chan King Sang Edward SC": the letters after a lawyer's or a member's name say it is a person's."""
    bare = _POST_NOMINALS.sub("", head) if head.endswith(_POST_NOMINAL_ENDINGS) else head
    return bare, bare != head and len(bare.split()) >= 2


def _head_evidence(head: str, words: list[str]) -> float:
    if has_organisation_word(head) or any(len(word) > 1 and is_acronym(word) and not _INITIALS.match(word)
                                          and not _capitalised_family_name(word, words) for word in words):
        return -0.8
    if any(word[:1].isdigit() for word in words) or _DOMAIN_NAME.match(head):
        return -0.8
    longest = 7 if _HAN_NAME.match(words[0]) else 5  # "阮陳淑怡 Yuen Chan Suk Yee Helena": a name written twice
    shaped = 2 <= len(words) <= longest and all(_name_part(word) for word in words)
    if not shaped:
        return -0.3 if len(words) > longest or len(words) == 1 else -0.1
    first, last = words[0].strip(",."), words[-1].strip(",.")
    if not is_given_name(first) and is_given_name(last):
        first, last = last, first  # "BEAUFILS Bruno": the family name first
    initials = _INITIALS.match(words[0].strip(",")) is not None  # "D.G.N.U.K. Jayarathna", the last dot kept
    given = is_given_name(first) or initials or _HAN_NAME.match(first) is not None
    middle = words[1:-1]
    family = fold(last) in family_names() and all(_name_word(word) for word in middle)
    if not given and family and len(words) >= 3 and fold(middle[-1].strip(",.")) in family_names():
        return 0.7  # "Anisio Pires Rodríguez": two family names, as Spanish and Portuguese names have
    return 0.5 + 0.3 * family if given else 0.15 + 0.2 * family


def _name_word(word: str) -> bool:
    """A given or family name, an initial or a particle: what stands between a first and a last name."""
    bare = word.strip(",.()")
    folded = fold(bare)
    return folded in given_names() or folded in family_names() or folded in name_particles() or \
        _INITIALS.match(bare) is not None or (len(bare) == 1 and bare.isupper())


def _capitalised_family_name(word: str, words: list[str]) -> bool:
    """ "BEAUFILS Bruno", "MARGHERITA LACHIN": a family name (or a whole name) in capitals beside a given name."""
    letters = sum(1 for c in word if c.isalpha())
    return letters >= 3 and any(is_given_name(other) for other in words)


def is_given_name(word: str) -> bool:
    """ "Bruno", "Marie-Paule", "JEAN-PIERRE": a given name, or one joined of given names."""
    folded = fold(word.strip(",.()"))
    return folded in given_names() or ("-" in folded and all(part in given_names() for part in folded.split("-")))


@kept(maxsize=16384)
def starts_with_given_name(text: str) -> bool:
    """ "Adam Bradley (@adamdbradley), maintainer of Ionic", "BEAUFILS Bruno, ...": a person's name first."""
    words = split_head(text)[0].split()[:3]
    if not words or fold(words[0].rstrip(",.")) in honorifics():
        return bool(words)
    return any(is_given_name(word) for word in words[:2]) and not has_organisation_word(" ".join(words))


def _name_part(word: str) -> bool:
    bare = word.strip(",.()")
    if _INITIALS.match(bare) or _HAN_NAME.match(bare):
        return True
    return bool(bare) and (bare[:1].isupper() or fold(bare) in name_particles())


def _tail_evidence(tail: str) -> float:
    if country_code(tail) or country_code(tail.split(",")[-1]):
        return -0.2  # "Casa del Tibet, Spain": a place after an organisation
    if has_role_word(tail.split()[0]):
        return 0.6  # "Nereide Saviani, diretora de formação da Fundação ...": a role first, then where
    if has_role_word(tail):
        return 0.5
    if tail[:1].islower():
        return 0.35  # "Lúcia Rodrigues, jornalista": a role in running text
    return 0.2  # "Jane Doe, Amnesty International": an affiliation


@kept(maxsize=16384)
def split_head(text: str) -> tuple[str, str]:
    """ "Jane Doe, Professor at X" gives ("Jane Doe", "Professor at X")."""
    parts = _HEAD_SPLIT.split(text.strip(), maxsplit=1)
    head = parts[0].strip()
    tail = parts[1].strip() if len(parts) > 1 else ""
    # "Jane Doe (Amnesty)": the bracket the split opened goes; "... d'Haïti (CCIH)" keeps its own
    while tail.endswith(")") and tail.count(")") > tail.count("("):
        tail = tail[:-1].strip()
    return head, tail


def read_person(text: str) -> Person:
    """The name, and the role and affiliation as written after it."""
    written = text.rstrip("*").strip()
    head, tail = split_head(written)
    head = without_home(head)
    if not tail or (f"({tail})" in written and _user_name(tail, head)):
        return Person(head, None, None)  # "Ahmad Salimi from Iran (ahmadsalimi)": a user name is no role
    if _inverted_name(head.split(), tail):
        return Person(f"{head}, {tail}", None, None)  # "Lopez, Maria": the whole name, family name first
    return Person(head, tail, _affiliation(tail))


_AFFILIATION_LEAD = re.compile(r"^(?:.*?\b(?:of|at|for|from|with|de|du|des|der|von|van|di|del|della|da|do|bei)"
                               r"\s+(?:the\s+|la\s+|l'|le\s+|el\s+|der\s+|die\s+)?|"
                               r"(?:[a-zà-ÿ-]+\s+){1,4})(?=[A-ZÀ-Þ])")


def _affiliation(tail: str) -> str | None:
    """The organisation in a role: "President of FFII" gives "FFII", "chairman Unite Union*" gives "Unite Union",
    "Executive Director, Open Rights Group" gives "Open Rights Group"; a bare role ("jornalista") gives none."""
    parts = [part.strip(" *.;") for part in _FIELD_SEPARATOR.split(tail)] if tail else []
    found = _affiliation_in(parts[0]) if parts else None
    if len(parts) > 1 and _names_the_workplace(parts[1]) and (
            found is None and has_role_word(parts[0])
            or _a_role_alone(parts[0]) and (found is None or has_role_word(found) or _OF_A_FIELD.search(parts[0]))):
        return parts[1]  # "Journalist, Le Monde", "Professor of Law, Universidad de Chile": the field after the role
    return found


_OF_A_FIELD = re.compile(r"\s(?:of|in|de|des|du|der|für|di|del|della|en)\s+[A-ZÀ-Þ]")  # "Professor of Law"


_BRACKETED = re.compile(r"\([^()]*\)")


def _a_role_alone(field: str) -> bool:
    """ "Associate Professor of Sociology", "Software Engineer": a field whose words before any in lower case open or
    end on a role, whatever organisation words its role has in it ("journal" in "Journalist"); not "ILWU Locals 19 and
    98 (retired)"."""
    words = _BRACKETED.sub("", field).split()
    head = list(itertools.takewhile(lambda word: not word[:1].islower(), words)) or words[:1]  # before "of ..."
    return bool(head) and (has_role_word(head[0]) or has_role_word(head[-1]))


def _names_the_workplace(field: str) -> bool:
    """The field after a role names where the person works: capitalised, not a second role, a country or a place."""
    return field[:1].isupper() and (not has_role_word(field) or _named_for_its_members(field)) \
        and country_code(field) is None and not is_place(field)


def _named_for_its_members(name: str) -> bool:
    """ "Students for a Free Tibet", "Lawyers for Human Rights", "Scientists for Future": a group named by the plural
    of its members' trade, and what they stand for (not a second role: "Senior Fellow", "Head of Communications")."""
    words = name.split()
    first = words[0].casefold() if words else ""
    return len(words) >= MIN_MEMBERS_NAME_WORDS and first.endswith("s") and has_role_word(first[:-1]) \
        and words[-1][:1].isupper()


MIN_MEMBERS_NAME_WORDS = 3


def _affiliation_in(role: str) -> str | None:
    candidate = _AFFILIATION_LEAD.sub("", role).strip(" *.;")
    if not candidate or candidate[:1].islower() or candidate[:1] == "@":  # "@_stultus": an account, no organisation
        return None
    if has_role_word(candidate.split()[0]) and not has_organisation_word(candidate):
        return None
    return candidate
