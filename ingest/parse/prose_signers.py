"""Signers named in running text, for statements that list none: in a heading or the title ("Joint
Statement of Grüne Jugend and Jusos"), in brackets after the word for them ("the signing
organisations (A, B, C)"), or as the subject of an opening sentence ("As A, B and C, we ...",
"..., l'April, Framasoft et le CNLL s'étonnent ...")."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from importlib import resources

from ..places import is_place
from .blocks import Block
from .caseless import Caseless
from .countries import fold
from .inline import split_inline_list
from .lexicon import Lexicon
from .names import ORGANISATION_SHAPE, has_organisation_word, indefinite_articles, is_legal_form, name_likeness
from .sentences import sentences

OPENING_PARAGRAPHS = 4  # where a statement names who issues it
OPENING_SENTENCES = 2
MAX_TEXT = 2000  # characters of a heading or sentence read for names: enough for any real one
MIN_LIKENESS = 0.75
MAX_APPOSED_WORDS = 12
MIN_APPOSED_LIKENESS = 0.5
_ENDS_IN_VERB = re.compile(r"^(?P<names>.+?)\s+[^\W\d_A-ZÀ-Þ][^\W\d_]*\s*[:：]$")  # "... y C informan:"
_TRAILING_LOWER_CASE = re.compile(r"(?:\s+[^\W\d_A-ZÀ-Þ][\w'’]*)+\s*$")  # "... und C geschrieben"
_ELIDED_CAPITAL = re.compile(r"[^\W\d_]{1,2}['’][A-ZÀ-Þ]")  # "d’Alerte", "l'Europe": elided, then capitalised
_DATE_AFTER = re.compile(r",?\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.?\s+\w+\s+\d{4}|\d{4}-\d\d-\d\d).*$")


@cache
def _data() -> dict:
    return json.loads(resources.files("ingest").joinpath("lexicon/names.json").read_text("utf-8"))


def _alternatives(key: str) -> str:
    return "|".join(re.escape(word) for word in sorted(_data()[key], key=len, reverse=True))


@cache
def _statement_of() -> Caseless:
    return Caseless(rf"(?:\w+\s+){{0,2}}?\b(?:{_alternatives('statement_words')})\b[^.:;,]{{0,40}}?\s"
                    rf"(?:{_alternatives('by_words')})\s+(?P<names>{_NAMES_TO_A_FULL_STOP})")


# the names run to the first full stop but those of "e.V." and "e. V."
_NAMES_TO_A_FULL_STOP = r"(?:[^.;:]|\.(?=\w|\s\w\.)|(?<=\s\w)\.)+"


@cache
def _endorsed_by() -> Caseless:
    """ "This action is supported by A, B and C", "Die Aktion wird unterstützt von A, B und C": a subject of a few
    words, then a passive that says the names after it sign or back what it names."""
    passive = "|".join(_data()["endorsed_by"])
    return Caseless(rf"(?:[\w'’]+\s+){{1,4}}?(?:{passive})\s+(?P<names>{_NAMES_TO_A_FULL_STOP})")


@cache
def _agent_passive() -> Caseless:
    """ "Der Aufruf wird von A, B und C unterstützt": where the verb comes last, the passive before its agents."""
    return Caseless(rf"\b(?:{'|'.join(_data()['agent_passive'])})\b")


@cache
def _backed_by_agents() -> Caseless:
    """ "Der Aufruf wird von A, B und C unterstützt", "Deze oproep wordt door A, B en C gesteund": where the verb comes
    last, a subject of a few words, the passive, its agents, then the participle that ends the sentence."""
    return Caseless(rf"(?P<subject>(?:[\w'’]+\s+){{1,4}}?){_agent_passive().pattern}\s+"
                    rf"(?P<names>{_NAMES_TO_A_FULL_STOP}?)\s+(?P<participle>[^\W\d_]+)\s*[.!]?\s*$")


MAX_SUBJECT_AND_PASSIVE_CHARS = 100  # "Die gemeinsame Erklärung der Initiative wird von": four words, then the passive


def _backs(subject: str, participle: str) -> bool:
    """The agents sign: the participle says they back it, and the subject is a statement or what a coalition does."""
    return _backing_participle().match(participle) is not None and _backed().search(subject) is not None


@cache
def _backed() -> Caseless:
    """ "Der Aufruf", "Die Aktion": a subject whose backers sign it."""
    return Caseless(rf"\b(?:{_alternatives('statement_words')}|{_alternatives('backed_nouns')})\b")


@cache
def _backing_participle() -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(_data()['backing_participles'])})\b", re.I)


@cache
def _article() -> re.Pattern[str]:
    articles = "|".join(re.escape(a) for a in sorted(_data()["articles"], key=len, reverse=True) if a != "the")
    return re.compile(rf"^(?:{articles})(?:\s+|(?<=['’]))(?=[A-ZÀ-Þ0-9])")


@cache
def _opener() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_alternatives('subject_openers')})\s*,?\s+", re.I)


def prose_signers(titles: list[str | None], blocks: list[Block], words: Lexicon) -> list[str]:
    """The signers the title or subtitle, a heading or the opening names, or none; a signer a title names
    short ("Hermes Center") is taken in the fuller form the opening gives it."""
    for text in _places_to_look(titles, blocks):
        for finder in (_named_by_heading, _bracketed, _announced, _subject, _after_the_verb, _apposition, _members,
                       _said_by):
            names = finder(text[:MAX_TEXT], words)
            if names:
                return [_in_full(name, names, blocks) for name in names] if text in titles else names
    for paragraph in _opening_paragraphs(blocks):
        for sentence in sentences(paragraph[:MAX_TEXT]):
            names = _co_authors(sentence, words)
            if names:
                return names
    return []


@cache
def _written_with() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternatives('statement_words')})\b[^.:;]{{0,40}}?\s"
                      rf"(?:{_alternatives('co_author_words')})\s+(?P<names>(?:[^.;:]|\.(?=\w))+)"
                      rf"|\b(?:{_alternatives('co_signed_words')})\s+(?P<cosigners>(?:[^.;:]|\.(?=\w))+)", re.I)


def _co_authors(sentence: str, words: Lexicon) -> list[str]:
    """ "In the present position paper written in coalition with A, B, C, D, and E, we ...", "la nostra lettera
    aperta intitolata ... e co-firmata da A, B, C": the organisations a statement says it was written or signed
    with, wherever the opening paragraphs say so."""
    match = _written_with().search(sentence)
    if match is None:
        return []
    if match.group("cosigners"):  # the word says they sign: a name written partly in lower case may be among them
        return _names(_before_a_clause(match.group("cosigners")), words, tolerant=True)
    return _names(_before_a_clause(match.group("names")), words)


def _before_a_clause(names: str) -> str:
    """ "A, B, and C, we aim to ...", "A, B und C geschrieben": an enumeration ends where the sentence goes on in
    lower case."""
    for match in re.finditer(r",\s+([^\W\d_A-ZÀ-Þ][\w'’]*)", names):
        if fold(match.group(1)) not in _conjunctions():
            names = names[:match.start()]
            break
    return _TRAILING_LOWER_CASE.sub("", names)


def _places_to_look(titles: list[str | None], blocks: list[Block]) -> list[str]:
    texts = [title for title in titles if title]
    paragraphs = 0
    for block in blocks:
        if block.kind == "heading":
            texts.append(block.text)
        elif block.kind == "paragraph":
            texts.extend(sentences(block.text)[:OPENING_SENTENCES])
            paragraphs += 1
            if paragraphs >= OPENING_PARAGRAPHS:
                break
    return texts


def _in_full(name: str, names: list[str], blocks: list[Block]) -> str:
    """ "Hermes Center" as "Hermes Center for Transparency and Digital Human Rights", where the opening paragraphs
    write it so: the name, then words joined to it by a preposition or capitalised, up to a punctuation mark."""
    longer = re.compile(re.escape(name) + r"(?P<rest>(?:\s+(?:[A-ZÀ-Þ][\w'’&.-]*|[a-zà-ÿ]{1,4}))+?)(?=\s*[,;:.()]|$)")
    for text in _opening_paragraphs(blocks):
        match = longer.search(text[:MAX_TEXT])
        rest = match.group("rest").split() if match else []
        if rest and rest[-1][:1].isupper() and rest[0] not in _conjunctions() and \
                (rest[0][:1].isupper() or fold(rest[0]) in prepositions()) and \
                not any(other in match.group("rest") for other in names if other != name):
            return f"{name} {' '.join(rest)}"
    return name


def _opening_paragraphs(blocks: list[Block]) -> list[str]:
    return [block.text for block in blocks if block.kind == "paragraph"][:OPENING_PARAGRAPHS]


@cache
def _conjunctions() -> frozenset[str]:
    return frozenset({"and", "und", "et", "y", "e", "en", "ed", "or", "oder", "ou", "o"})


def named_by_statement(text: str) -> str:
    """ "Gemeinsame Pressemitteilung von A, B und dem C, 16.08.2019" gives "A, B und dem C": the names a
    line that calls itself a statement gives, without the date after them; other text as it is, but nothing for a
    sentence that names who did something else to it ("Der Aufruf wird von A und B kritisiert")."""
    passive = _agent_passive().search(text[:MAX_SUBJECT_AND_PASSIVE_CHARS])  # cheap first: most lines have none
    backed = _backed_by_agents().match(text[:MAX_TEXT]) if passive else None
    if backed is not None:
        return backed["names"] if _backs(backed["subject"], backed["participle"]) else ""
    match = _statement_of().match(text[:MAX_TEXT]) or _endorsed_by().match(text[:MAX_TEXT])
    if match is None or text[match.end():match.end() + 1] == ":":  # "signed by 8 organisations: A, B": after the colon
        return text
    return _DATE_AFTER.sub("", match.group("names")).strip()


def _named_by_heading(text: str, words: Lexicon) -> list[str]:
    """ "Joint Statement of A and B", "Gemeinsame Pressemitteilung von A, B und dem C, 16.08.2019", "Joint statement
    by A and B on the bill", "Joint Statement from the Leaders of A, B and C on Gaza" (states sign as countries)."""
    match = _statement_of().search(text)
    if not match or _organisers().search(text, 0, match.start("names")):
        return []
    named = _DATE_AFTER.sub("", match.group("names"))
    if _one_name_with_a_conjunction(named):
        return []  # "Statement from Public Laboratory for Open Technology and Science": one issuer
    states = _government_signers().match(named)
    if states:
        named = named[states.end():]
    named = _after_group_noun(named, words)
    return _names(_without_topic(named), words, places=bool(states)) or _names(named, words, places=bool(states))


def _one_name_with_a_conjunction(named: str) -> bool:
    """ "Public Laboratory for Open Technology and Science", "Center for Democracy and Technology": no comma, and the
    one conjunction joins two capitalised words after a preposition inside the name."""
    match = re.fullmatch(r"(?P<head>[^,;]+?)\s+\S+\s+(?P<tail>[A-ZÀ-Þ][\w'’-]*)\W*", named.strip())
    if match is None or fold(named.split()[-2]) not in _conjunctions():
        return False
    before = match["head"].split()
    at = max((index for index, word in enumerate(before) if fold(word) in prepositions()), default=0)
    after = before[at + 1:]
    return 0 < at and 0 < len(after) <= MAX_APPOSED_WORDS and all(word[:1].isupper() for word in after)


@cache
def _organisers() -> re.Pattern[str]:
    """ "This letter is jointly organized by A and B": the names are who organised a letter others sign."""
    return re.compile(rf"\b(?:{_alternatives('organised_by')})\b", re.I)


@cache
def _government_signers() -> re.Pattern[str]:
    articles, governments, by = (_alternatives(key) for key in ("articles", "government_signers", "by_words"))
    return re.compile(rf"(?:(?:{articles})\s+)?(?:{governments})\s+(?:{by})\s+", re.I)


@cache
def _topic() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{_alternatives('topic_words')})\s+(?P<next>\S)")


def _without_topic(names: str) -> str:
    """The names without the phrase after the last one that says what the statement is about or whom it is to: a
    topic word, then lower case ("on the bill", "to the Prime Minister"), or any topic after a country ("the United
    Kingdom on Gaza"); not "Council on Foreign Relations"."""
    last = max(names.rfind(","), names.rfind(" and "), 0)
    for topic in _topic().finditer(names, last):
        name = names[last:topic.start()].strip(" ,").split(maxsplit=1)
        if name and fold(name[0]) in _conjunctions():
            name = name[1:]
        if topic.group("next").islower() or name and is_place(_without_the(name[0])):
            return names[:topic.start()]
    return names


def _without_the(name: str) -> str:
    """ "the Electronic Frontier Foundation", "the United States": English keeps "the" in a name as written, but
    the name starts after it."""
    return re.sub(r"^the\s+", "", without_article(name), flags=re.I)


def _bracketed(text: str, words: Lexicon) -> list[str]:
    """ "die unterzeichnenden Organisationen (A, B, C, ...)": here a few names may be written in lower case."""
    for match in re.finditer(rf"(?:{words.group_noun.pattern})\s*\((?P<names>[^()]{{8,}})\)", text, re.I):
        names = _names(match.group("names"), words, tolerant=True)
        if names:
            return names
    return []


def _subject(sentence: str, words: Lexicon) -> list[str]:
    """The names that a sentence's enumeration opens or makes its subject, the verb after them."""
    parts = [part.strip() for part in re.split(r",\s+", _opener().sub("", sentence.strip()))]
    described = _described_as_group(parts, words)
    if described:
        return described
    conjunction = any_conjunction(words)
    for end, part in enumerate(parts):
        for joint in conjunction.finditer(" " + part):
            left, right = (" " + part)[:joint.start()].strip(), (" " + part)[joint.end():].strip()
            last, verb = _leading_name(without_article(right))
            linked, asking = _leading_name(without_article(right), linked=True)
            if linked != last and (_links_on(verb) or _asks_or_says_we(asking, words)):
                last, verb = linked, asking  # "... and Friends of the Earth Scotland call on the council to ..."
            if not asking and end + 1 < len(parts) and _asks_or_says_we(parts[end + 1], words):
                last, verb = linked, parts[end + 1]  # "Las organizaciones abajo firmantes, A, B y C, exigimos ..."
            if not last or not verb[:1].islower() or _opens_phrase(verb) or last.endswith((":", "：")) \
                    or conjunction.match(" " + verb):
                continue  # the names are the subject only where a verb follows them, not across a headline's colon
                # nor where the enumeration goes on ("A und B e.V. und C ...")
            items = [without_article(_after_group_noun(p, words)) for p in [*parts[:end], left]]
            agents = _agent_passive().search(items[0])
            if agents and not _backs(items[0][:agents.start()], verb):
                continue  # "Das Gesetz wird von der Koalition und der Regierung unterstützt": what a report says
            items[0] = without_article(items[0][agents.end():].strip()) if agents \
                else _past_who_it_names(_past_a_preposition(items[0]))
            run = _trailing_names(items, _is_name)
            found = [*run, last]
            before = items[:-len(run) or None]
            began_before = _after_a_prepositions_object(before) if words.nouns_capitalised \
                else _after_a_prepositions_common_noun(before)
            if len(found) >= 2 and _plausible(found) and not began_before:
                return found
    return []


def _after_the_verb(sentence: str, words: Lexicon) -> list[str]:
    """ "Gemeinsam fordern A, B und C die Rücknahme ...", "Vandaag roepen A, B en C de gemeente op ...": where the verb
    stands second, the names right after the verb that asks are its subject, up to the lower-case word after the
    last of them."""
    rest = _past_the_verb(sentence, words)
    if rest is None:
        return []
    parts = [part.strip() for part in re.split(r",\s+", rest)]
    found = [without_article(part) for part in _ending_before_the_object(parts, words)]
    return found if len(found) >= 2 and all(_is_name(name) for name in found) and _plausible(found) else []


def _past_the_verb(text: str, words: Lexicon) -> str | None:
    """What follows a sentence's opening verb that asks, where the verb stands second ("Gemeinsam fordern A, B ..."
    gives "A, B ..."); None elsewhere."""
    if words.language not in VERB_SECOND_LANGUAGES:
        return None
    text = _opener().sub("", text.strip())
    verb, _, rest = text.partition(" ")
    if not verb[:1].islower() or not rest[:1].isupper() or not words.ask_trigger.found_at_start(text):
        return None
    return rest


def _ending_before_the_object(items: list[str], words: Lexicon) -> list[str]:
    """The enumeration up to its last name, without the verb's object after it ("... und C die Rücknahme des Plans",
    "... und C die Stadt auf, den Plan zurückzunehmen"), its conjunction split off already or not."""
    for end, item in enumerate(items):
        for joint in any_conjunction(words).finditer(" " + item):
            last = _name_before_its_object(without_article((" " + item)[joint.end():]), words)
            if last:
                return [*items[:end], (" " + item)[:joint.start()].strip(), last]
    last = _name_before_its_object(without_article(items[-1]), words)
    return [*items[:-1], last] if last else items


def _name_before_its_object(text: str, words: Lexicon) -> str:
    """ "Seebrücke Hamburg die Rücknahme des Plans" gives "Seebrücke Hamburg", "Bund der Steuerzahler die ..." gives
    "Bund der Steuerzahler": the name up to the article that opens the verb's object (not a genitive's), or up to a
    word in lower case that joins no name's parts; empty where nothing follows it."""
    name, after = _leading_name(text, linked=True)
    tokens = name.split()
    for index, token in enumerate(tokens[1:], start=1):
        if words.determiners.match(token + " ") and not (words.genitive_article
                                                         and words.genitive_article.fullmatch(token)):
            return " ".join(tokens[:index])
    return name if after[:1].islower() else ""


VERB_SECOND_LANGUAGES = ("de", "nl")  # where an adverb opens a sentence, its verb comes next and its subject after


def out_of_the_sentence(items: list[str], words: Lexicon, closed: bool) -> list[str]:
    """An enumeration read out of the sentence it stands in: "Desde A" and "Die Initiativen A" open on the name, and
    "..., G und H fordern die Stadt auf, den Plan zurückzunehmen." ends where the ask after its last name begins."""
    inverted = _past_the_verb(items[0], words)
    if inverted is not None:  # "Gemeinsam fordern A, B und C die Rücknahme ..."
        return _ending_before_the_object([inverted, *items[1:]], words)
    items = [_past_who_it_names(_past_a_preposition(_after_group_noun(items[0], words))), *items[1:]]
    if not closed:
        return items
    conjunction = any_conjunction(words)
    for index, item in enumerate(items[1:], start=1):
        name, rest = _leading_name(without_article(item), linked=True)
        joined = conjunction.match(" " + rest)
        if joined:
            other, after = _leading_name(without_article((" " + rest)[joined.end():]), linked=True)
            if other and _asks_or_says_we(after, words):
                return [*items[:index], name, other]
        elif _asks_or_says_we(rest, words):
            return [*items[:index], name]
    return items


def _past_who_it_names(text: str) -> str:
    """ "À l'appel de Collectif Vélo Lyon", "The coalition of Leeds Tenants Union", "Das Bündnis aus Attac": the first
    name after the words that say the names called for what follows, or name the coalition they make up."""
    match = _words_before_the_names().match(text)
    return text[match.end():] if match and text[match.end():][:1].isupper() else text


@cache
def _words_before_the_names() -> re.Pattern[str]:
    articles = "|".join(re.escape(word) for word in _data()["articles"] + sorted(indefinite_articles()))
    links = "|".join(re.escape(word) for word in [*_data()["by_words"], "aus"])
    coalition = rf"(?:(?:{articles})\s*)?(?:{_alternatives('coalition_nouns')})\s+(?:{links})\s*"
    return re.compile(rf"(?:{_alternatives('called_by')})\s+|{coalition}", re.I)


def _past_a_preposition(text: str) -> str:
    """ "Desde Sindicato de Inquilinas de Madrid, ... exigimos": the name after the preposition that opens the
    sentence."""
    opening = text.split(maxsplit=1)
    if len(opening) == 2 and fold(opening[0]) in prepositions() and opening[1][:1].isupper() \
            and not is_place(opening[1]):
        return opening[1]
    return text


def _after_a_prepositions_object(before: list[str]) -> bool:
    """ "der Organisation von Vorträgen, Wissenssammlungen und Veranstaltungen bereitzustellen": the enumeration
    began as a preposition's object, in the text before its first name here; what follows it is no subject. Only
    where nouns are capitalised: "... au siège de Microsoft, l'April, Framasoft et l'Aful s'étonnent" ends a clause
    on a name."""
    tail = before[-1].split()[-2:] if before else []
    return len(tail) == 2 and fold(tail[0]) in prepositions() and tail[1][:1].isupper()


def _after_a_prepositions_common_noun(before: list[str]) -> bool:
    """ "une coopération entre l'industrie, la Commission et les États membres": the enumeration began as a
    preposition's object, a common noun in lower case, before its first name here ("au siège de Microsoft, l'April,
    Framasoft et l'Aful s'étonnent" ends a clause on a name, whose enumeration follows as the subject)."""
    tail = before[-1].split()[-2:] if before else []
    return len(tail) == 2 and fold(tail[0]) in prepositions() and without_article(tail[1])[:1].islower()


def _apposition(sentence: str, words: Lexicon) -> list[str]:
    """ "We, Red Hat EU unions lend our support ...", "Nous, Attac France, la LDH et Greenpeace France, dénonçons
    ...": the signers set beside the sentence's first-person subject, the verb after them (not "We, the
    undersigned organisations, call ...")."""
    match = _first_person_apposition().match(sentence.strip())
    if not match:
        return []
    named = _apposed_names(match.group("rest").split())
    if not named:
        return []
    if _says_what_the_signers_are(named, words):
        return []
    names = [without_article(item) for item in split_inline_list(named, words, minimum=2) or [named]]
    return names if all(_is_apposed_name(name) for name in names) and _plausible(names) else []


def _described_as_group(parts: list[str], words: Lexicon) -> list[str]:
    """ "Poble Lliure, Som Alternativa i Pirates de Catalunya, com a organitzacions republicanes, ... hem decidit":
    an enumeration that opens the sentence, set beside what the names are ("as organisations ...")."""
    for end, part in enumerate(parts[1:], start=1):
        if _as_words().match(part) and words.group_noun.search(part):
            return _names(", ".join(parts[:end]), words)
    return []


@cache
def _as_words() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternatives('as_words')})(?:\s|(?<=['’]))", re.I)


def _says_what_the_signers_are(text: str, words: Lexicon) -> bool:
    """ "the undersigned organisations", "Civil Society Organisations of Kenya": a word for what the signers are, in
    lower case or plural; a name may end in one ("Open Rights Group", "International Tibet Network")."""
    return any(noun.group().islower() or noun.group().casefold().endswith("s")
               for noun in words.group_noun.finditer(text))


def _announced(text: str, words: Lexicon) -> list[str]:
    """ "A, el B (PMU), la Comunidad de desarrolladores de software y C informan:": a line whose enumeration is the
    subject of the one verb that ends it, before a colon. That place says they are names, so a name may have
    lower-case words in it; each is kept as written, its article too."""
    match = _ENDS_IN_VERB.match(text.strip())
    if not match:
        return []
    items = split_inline_list(match.group("names"), words, minimum=2, longest=MAX_APPOSED_WORDS)
    if not items or not all(_reads_as_announced_name(without_article(item)) for item in items):
        return []
    return items if _plausible(items) else []


def _members(sentence: str, words: Lexicon) -> list[str]:
    """ "Somos un grupo de organizaciones compuesto por la A, la B y C, que trabajamos ...", "The coalition, made up
    of A, B and C, ...": the names a sentence says a group of organisations, or a coalition just before, is made up
    of, up to the clause after them."""
    made = next((match for match in _composed_of().finditer(sentence)
                 if _a_group_before(sentence[:match.start()], words)), None)
    if made is None:
        return []
    items = split_inline_list(_up_to_clause(sentence[made.end():]), words, minimum=2, longest=MAX_APPOSED_WORDS)
    names = [without_article(item) for item in items or []]
    return names if names and all(_is_apposed_name(name) for name in names) and _plausible(names) else []


def _a_group_before(text: str, words: Lexicon) -> bool:
    """ "un grupo de organizaciones", or "La Coalición por la Vivienda," a few words before."""
    return words.group_noun.search(text) is not None or has_organisation_word(" ".join(text.split()[-GROUP_REACH:]))


GROUP_REACH = 5  # words: "La Coalición por la Vivienda,"


def _said_by(sentence: str, words: Lexicon) -> list[str]:
    """ "..., ont déclaré aujourd'hui Global Witness et la Plateforme ... (PPLAAF).", "..., A and B said today.": the
    organisations the opening says are speaking, named in the clause that ends its sentence."""
    match = words.said_by_names.search(sentence)
    if match is None:
        return []
    named = match["after"] or match["before"]
    items = split_inline_list(named, words, minimum=2, longest=MAX_APPOSED_WORDS) or []
    names = _trailing_names([without_article(item) for item in items], _is_apposed_name)
    return names if len(names) >= 2 and _plausible(names) else []


def _up_to_clause(text: str) -> str:
    """The enumeration at the start of text, up to a full stop or a comma that a lower-case word other than an
    article follows (", que trabajamos ...", not ", la Fundación ...")."""
    text = re.split(r"[.;:](?:\s|$)", text, maxsplit=1)[0]
    for comma in re.finditer(r",\s+(\S+)", text):
        following = comma.group(1)
        if following[:1].islower() and fold(following).rstrip("'’") not in _data()["articles"]:
            return text[:comma.start()]
    return text


@cache
def _composed_of() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternatives('composed_of')})\s+", re.I)


def _reads_as_announced_name(text: str) -> bool:
    return (text[:1].isupper() or text[:1].isdigit()) and name_likeness(text) >= MIN_APPOSED_LIKENESS


def _is_apposed_name(text: str) -> bool:
    """Looser than a name found anywhere in running text: set beside "we", it may be long and end in a word for
    what it is ("Red de Intelectuales en Defensa de la Humanidad", "Red Hat EU unions")."""
    words = text.split()
    if len(words) == 1 and not ORGANISATION_SHAPE.search(text):
        return False  # "Studierende", "Docenti": a word for who speaks, capitalised
    return 0 < len(words) <= MAX_APPOSED_WORDS and (words[0][:1].isupper() or words[0][:1].isdigit()) \
        and name_likeness(text) >= MIN_APPOSED_LIKENESS \
        and all(word[:1].isupper() or not word[:1].isalpha() or len(word) <= 4 or has_organisation_word(word)
                or _ELIDED_CAPITAL.match(word) for word in words[1:])


@cache
def _first_person_apposition() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_alternatives('first_person_subjects')})\s*,\s+(?P<rest>.+)$", re.I)


def _apposed_names(words: list[str]) -> str | None:
    """The words of the names before the verb: up to a comma that a lower-case word other than an article or a
    conjunction follows, or, without such a comma, the capitalised words and a word for what they are
    ("unions")."""
    for end, word in enumerate(words[:-1]):
        following = words[end + 1]
        if word.endswith(",") and following[:1].islower() and not _small_word(following):
            return " ".join(words[:end + 1]).rstrip(",")
    name, verb = _leading_name(" ".join(words))
    if not name:
        return None
    described, _, verb = verb.partition(" ")
    return f"{name} {described}" if has_organisation_word(described) and verb[:1].islower() else None


def _small_word(word: str) -> bool:
    folded = fold(word)
    return folded in _conjunctions() or folded in _data()["articles"] or folded in prepositions()


def _opens_phrase(text: str) -> bool:
    """ "to End the Cost ...", "für eine wehrhafte ...", "in einem ...": what follows the capitalised words is a
    phrase of a title or of the sentence's subject, not the verb that would make them its subject ("Bringt
    Transparente, Freundinnen und Familie mit.": the particle of the verb before them). "were indicted",
    "wurden festgenommen", "have been on the front lines": a verb that tells of them makes them no speakers."""
    first = text.split(maxsplit=2)
    return bool(first) and (fold(first[0]).rstrip(".,;:!?") in prepositions() or fold(first[0]) in _told_of()
                            or fold(" ".join(first[:2])) in _told_of())


@cache
def _told_of() -> frozenset[str]:
    return frozenset(fold(words) for words in _data()["told_of"])


@cache
def _possessives() -> frozenset[str]:
    return frozenset(_data()["first_person_possessives"])


@cache
def prepositions() -> frozenset[str]:
    return frozenset(fold(word) for word in _data()["prepositions"])


def any_conjunction(words: Lexicon) -> re.Pattern[str]:
    """Every conjunction that may join a list's last item, not only the last one in the text."""
    return re.compile(words.last_conjunction.pattern.split("(?!")[0], re.I)


def _after_group_noun(part: str, words: Lexicon) -> str:
    """ "Les associations La Quadrature du Net", "els grups municipals de Crida Premià de Dalt": the name after the
    words that say what the signers are."""
    noun = words.group_noun.search(part)
    rest = _LOWER_CASE_WORDS.sub("", part[noun.end():].strip(), count=1) if noun else ""
    return rest if rest[:1].isupper() else part


_LOWER_CASE_WORDS = re.compile(r"^(?:[a-zà-ÿ][\w'’·-]*\s+){1,3}(?=[A-ZÀ-Þ])")


def _trailing_names(parts: list[str], is_name: Callable[[str], bool]) -> list[str]:
    """The names at the end of an enumeration, back to the clause that introduces it."""
    run: list[str] = []
    for part in reversed(parts):
        if not is_name(part):
            break
        run.insert(0, part)
    return run


def _leading_name(text: str, linked: bool = False) -> tuple[str, str]:
    """ "Aful s'étonnent d'une ..." gives ("Aful", "s'étonnent d'une ..."): the capitalised words first; linked, with
    the words that join them inside one name too ("Friends of the Earth Scotland")."""
    taken: list[str] = []
    rest = text.split()
    while rest:
        if rest[0][:1].isupper() or rest[0][:1].isdigit() or (taken and rest[0] in ("&", "-", "–")) \
                or (taken and is_legal_form(rest[0])):
            taken.append(rest.pop(0))
            continue
        links = _links_inside(rest) if taken and linked else 0
        if not links:
            break
        taken.extend(rest[:links])
        del rest[:links]
    return " ".join(taken), " ".join(rest)


def _asks_or_says_we(text: str, words: Lexicon) -> bool:
    """ "call on ...", "are calling on ...", "exigimos ...": the verb whose subject the names before it are."""
    auxiliary = words.auxiliary.match(text)
    after = text[auxiliary.end():].lstrip() if auxiliary and text[auxiliary.end():auxiliary.end() + 1] == " " else text
    return words.ask_trigger.found_at_start(after) or _says_we(text, words)


def _says_we(text: str, words: Lexicon) -> bool:
    """ "manifestamos nuestro rechazo ...": a verb in the first person plural, whose subject the names before it are."""
    first = text.split(maxsplit=1)
    return words.we_verb is not None and bool(first) and words.we_verb.fullmatch(first[0]) is not None


def _links_on(rest: str) -> bool:
    """ "el Cabanyal exigimos ...": what follows the capitalised words goes on with the name, so it is no verb."""
    words = rest.split()
    return _links_inside(words) > 0 and fold(words[0]) not in prepositions()


def _links_inside(words: list[str]) -> int:
    """How many of the first words join a name to its next capitalised word ("of the" in "of the Earth"); 0 where
    no capitalised word follows them."""
    links = 0
    while links < min(len(words) - 1, MAX_NAME_LINKS) and fold(words[links]) in _name_links():
        links += 1
    return links if links and words[links][:1].isupper() else 0


MAX_NAME_LINKS = 2  # "Friends of the Earth", "Comité contre l'esclavage": never more in a row


@cache
def _name_links() -> frozenset[str]:
    return frozenset(fold(word) for word in _data()["name_links"])


def without_article(text: str) -> str:
    """ "l'April", "le CNLL", "dem DNR": the name without the article running text puts before it (English
    "the" stays: it is often part of the name)."""
    return _article().sub("", text.strip(), count=1)


def _names(text: str, words: Lexicon, tolerant: bool = False, places: bool = False) -> list[str]:
    """The names of an enumeration; with places, states that sign as countries ("the United States")."""
    items = split_inline_list(text.strip(), words, minimum=2)
    if not items:
        return []
    names = [without_article(item) for item in items]
    odd = sum(1 for name in names if not (_is_name(_without_the(name)) or places and is_place(_without_the(name))))
    allowed = len(names) // 5 if tolerant and len(names) >= 6 else 0
    return names if odd <= allowed and (places or _plausible(names)) else []


def _is_name(text: str) -> bool:
    """A name in running text: every word capitalised but the small words inside it ("Reporter ohne Grenzen") and
    the words that join its parts ("Omas gegen Rechts Berlin", "Coordinadora contra la Represión")."""
    words = text.split()
    if not words or len(words) > 8:
        return False
    if not (words[0][:1].isupper() or words[0][:1].isdigit() or "." in words[0]):
        return False
    if fold(words[0]) in _possessives():
        return False  # "Unsere Solidarität und Empathie gehört ...": what the signers have, not who they are
    likeness = name_likeness(text)
    if likeness >= MIN_LIKENESS and all(_name_word(word) for word in words[1:]):
        return True
    # its lower-case words lower its likeness, and an organisation word at its head answers for them
    return likeness >= MIN_APPOSED_LIKENESS and _lower_case_after_a_link(words)


def _name_word(word: str) -> bool:
    return word[:1].isupper() or not word[:1].isalpha() or len(word) <= 4 or fold(word) in _name_links()


def _lower_case_after_a_link(words: list[str]) -> bool:
    """ "Réseau Sortir du nucléaire": a name that opens with an organisation word may go on in lower case after a word
    that joins its parts."""
    return has_organisation_word(words[0]) and all(_name_word(word) or fold(before) in _name_links()
                                                   for before, word in zip(words, words[1:], strict=False))


def _plausible(names: list[str]) -> bool:
    """Signers, not places nor the bodies addressed: "Paris, London and Berlin" and "the Parliament, the
    Commission and the Council" name no signer; nor do the parts of one compound word, its end given once
    ("einen Lern-, Begegnungs- und Aktionsraum")."""
    return not any(is_place(name) or name.endswith(("-", "‐")) for name in names) \
        and not all(_institution(name) for name in names)


def _institution(name: str) -> bool:
    """ "EU Commission", "Council", "the Government": bodies addressed, not signers."""
    return any(fold(word) in _institutions() for word in name.split())


@cache
def _institutions() -> frozenset[str]:
    return frozenset(_data()["institutions"])


