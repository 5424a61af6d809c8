"""The asks inside one sentence: which clauses ask, of whom, and where each thing asked begins.

A clause is one of the statement's own asks when the evidence says the signers ask in it: a
first-person subject or verb ("we urge", "exigimos"), the signers or the text named as the subject
("The undersigned organisations urge", "el manifiesto urge"), a verb coordinated with one ("We ...
believe that ... and demand that"), an obligation put on a named party ("The United States should
repudiate ..."), or an ask in the text's own voice ("It is time for X to"). Asks in questions, inside
quotation marks, or made by someone else ("UN resolutions have called on ...", "the petition calling on ...")
are not the statement's. Several asks in one sentence are several demands: coordinated asks ("urge
the police to rescind ... and call on the Government to halt ...") and coordinated things asked
("to cancel ..., and to pass ...").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from .actions import base_form, is_action_word, is_imperative_stem
from .countries import fold, is_country_name
from .inline import split_inline_list
from .lexicon import Lexicon, function_words, function_words_and_english, lexicon
from .memory import kept
from .names import MIN_PERSON_EVIDENCE, given_names, indefinite_articles, is_acronym, person_evidence
from .prose_signers import prepositions

MAX_SUBJECT_GAP_WORDS = 4  # "we strongly and urgently urge": a subject this close starts the demand
MAX_SHARED_SUBJECT_WORDS = 3  # "Members and supporters", "FSF": the opening a coordinated modal shares
MAX_APPOSITION_WORDS = 10  # "We, members of the UK's University and College Union (UCU), are calling on"
MAX_SUBJECT_VERB_WORDS = 3  # "We would therefore like to urge": words other than fillers between subject and verb
MAX_ADDRESSEE_ONLY_WORDS = 6  # "aux autorités de la République": a party named, nothing asked of it yet
MAX_TITLE_WORDS = 1  # "Minister Jane Doe must resign": a word before a person's name
MIN_ACT_WORDS = 3  # a coordinated part shorter than this ("protect and promote") is not asked on its own
_OPENING_WORD = re.compile(r"\s*(\w+)")
_CLAUSE_END = re.compile(r"[,;.:]")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_QUOTED = re.compile(r"“[^“”]{0,3000}”|„[^“”]{0,3000}[“”]|«[^«»]{0,3000}»|\"[^\"]{0,3000}\"")
_CLAUSE_MARK = re.compile(r"[;:]")
_ACRONYM = re.compile(r"[A-Z]{2,}\b")  # "FSF", "WTO": a name even where it opens a sentence
# What counts a paragraph: "8.-", "b)", "(iv)", "•"
_ENUMERATOR = re.compile(r"\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})[.)\]]\s*[-–—.:]?|[-–—•·*]")
_LEADING_ENUMERATOR = re.compile(rf"(?:{_ENUMERATOR.pattern})\s+")
_ELIDED_ARTICLE = re.compile(r"[^\W\d_]{1,4}['’](?=[^\W\d_])")  # "l'abandon", "dell’accesso"
_TRAILING = re.compile(r"[\s,;:–—-]+$")
# Words that make the next one a noun in every language read here: "our demands", "la demande", "die Forderung".
_DETERMINER_BEFORE_NOUN = re.compile(
    r"the|a|an|our|their|its|this|these|those|la|le|les|une|un|nos|notre|leurs|leur|cette|ces|die|der|den|das|"
    r"eine|unsere|unserer|ihre|el|los|las|una|nuestra|nuestras|sus|su|o|os|as|uma|nossa|nossas|il|lo|gli|"
    r"nostre|nostra|de|het|een|onze|hun")


@dataclass(frozen=True)
class Ask:
    start: int  # where the demand's text begins in the sentence
    act: int  # where what is asked begins ("release ..." after "We urge X to")
    end: int  # where the demand's text ends: the next ask, or the end of the sentence
    addressee: str | None
    target: str | None
    voice: str = "text"  # who asks (_voice): "own", "signers", "named"; "text" for an obligation or "it is time"


@dataclass(frozen=True)
class _Anchor:
    """An ask verb found in a sentence, with its addressee where it names one."""

    start: int
    end: int
    addressee: str | None = None
    addressee_start: int | None = None


def sentence_asks(sentence: str, words: Lexicon) -> list[Ask]:
    """The statement's own asks in one sentence, in reading order."""
    spoken_to = _spoken_to(sentence, words.language)
    if not spoken_to:
        return _asks_in(sentence, words)
    cut = _Cut(spoken_to)  # "Nous vous invitons à ..."
    asks = _asks_in(cut.apply(sentence), words)
    if asks:
        return [replace(ask, start=cut.original(ask.start), act=cut.original(ask.act), end=cut.original(ask.end))
                for ask in asks]
    # as written: German keeps its comma before the infinitive ("Wir bitten Sie, Herr Minister, die ... zu ..."), and
    # what looked like a vocative may be none ("Jane Doe, president of the union, ...")
    return _asks_in(sentence, words)


def _asks_in(sentence: str, words: Lexicon) -> list[Ask]:
    if _is_question(sentence) or not may_ask(sentence, words.language):
        return []
    written = sentence
    sentence = _blank(sentence, [m.span() for m in _QUOTED.finditer(sentence)])  # no one here asks in quotes
    anchors = [replace(a, addressee=written[a.addressee_start:a.addressee_start + len(a.addressee)])
               if a.addressee is not None and a.addressee_start is not None else a
               for a in _anchors(sentence, words)]
    asks = _verb_asks(sentence, anchors, words)
    asks += _obligations(sentence, anchors, words)
    asks += _impersonal(sentence, anchors, words)
    asks = [ask for ask in asks if not words.reader_call.search(sentence[ask.start:ask.act + 120])]
    if words.said_by_signers_named.search(sentence):  # "X should ..., 31 organizations said today."
        asks = [replace(ask, voice="named") if ask.voice == "text" else ask for ask in asks]
    parts = [part for ask in sorted(asks, key=lambda a: a.start) for part in _coordinated_parts(sentence, ask, words)]
    return [replace(part, end=_without_joint(sentence, part.start, part.end, words)) for part in parts
            if not _left_open(sentence[part.act:part.end], words)]


@kept(maxsize=8192)
def _spoken_to(sentence: str, language: str) -> list[tuple[int, int]]:
    """Where the sentence sets aside the one a letter speaks to; kept, as may_ask is: a sentence is read several
    times."""
    vocative = lexicon(language).vocative
    return [match.span() for match in vocative.finditer(sentence)] if vocative else []


class _Cut:
    """A sentence without the one a letter speaks to, set between commas (", Monsieur le Ministre,", ", señor
    Ministro,"), so that the verb meets what it asks; positions in it are taken back to the sentence as written."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans

    def apply(self, text: str) -> str:
        kept, cursor = [], 0
        for start, end in self.spans:
            kept += [text[cursor:start], " "]  # each span stands as one space
            cursor = end
        return "".join([*kept, text[cursor:]])

    def original(self, position: int) -> int:
        cut = 0  # how much shorter the cut sentence is before the position
        for start, end in self.spans:
            if position <= start - cut:
                break
            cut += end - start - 1
        return position + cut


def _left_open(act: str, words: Lexicon) -> bool:
    """ "We call on X to:", "the State must take on:", "Nous demandons au gouvernement :", "that X announce plans
    to:": an ask left open asks nothing by itself; what it asks is the list after it, read as one where it is one."""
    count = _word_count(act)
    if count == 0:
        return True
    if not act.rstrip().endswith(":"):
        return False
    return count == 1 or addressed_only(act, words) is not None or _completed_by_its_list(act, words) \
        or says_only_when_or_how(act, words)


def _completed_by_its_list(act: str, words: Lexicon) -> bool:
    """ "announce plans to:": the infinitive's marker last, what is to be done the list's to say; not "that" opening
    a clause after an ask of its own ("retire a bandeira do navio e que:")."""
    last = _WORD.findall(act)[-1]
    return words.complement_marker is not None and words.complement_marker.fullmatch(last) is not None \
        and words.that_clause.match(last + " ") is None


def says_only_when_or_how(text: str, words: Lexicon) -> bool:
    """ "dans les plus brefs délais :", "without delay:": a phrase that says when or how, after the verb that asks,
    and nothing of what is asked."""
    tokens = _WORD.findall(text)
    return bool(tokens) and fold(tokens[0]) in prepositions() and \
        not any(is_action_word(token, words.language) for token in tokens)


def addressed_only(text: str, words: Lexicon) -> str | None:
    """Whom a text that names only the party asked gives: "au gouvernement", "al Gobierno", "a las
    autoridades" after "Nous demandons", "Exigimos"; None where it says anything else."""
    tokens = _WORD.findall(text)
    if not tokens or len(tokens) > MAX_ADDRESSEE_ONLY_WORDS or not _names_party(text, words):
        return None
    while tokens and _small_word(tokens[0], words) and not words.determiners.match(tokens[0] + " "):
        tokens.pop(0)  # "au", "a", "al": the preposition before the party
    if not tokens or any(is_action_word(token, words.language) for token in tokens):
        return None
    return _party(" ".join(tokens), words)


def lead_in(sentence: str, words: Lexicon) -> tuple[str | None, str | None, str] | None:
    """Addressee, target and what is left to ask of a sentence that asks, even with nothing after it
    ("We call on governments to join together to call on China to:" gives governments, China and "";
    "the local government should ensure ... as follows:" gives local government). None when the
    sentence does not ask."""
    if _is_question(sentence) or not may_ask(sentence, words.language):
        return None
    sentence = _blank(sentence, [m.span() for m in _QUOTED.finditer(sentence)])
    anchors = _anchors(sentence, words)
    ours = [index for index, anchor in enumerate(anchors) if _ours(sentence, anchor, words)]
    if ours:
        chain = _chain(sentence, anchors[ours[0]], anchors[ours[0]:], words)
        parties = [_party(a.addressee, words) for a in chain if a.addressee]
        target = parties[-1] if len(parties) > 1 and parties[-1] != parties[0] else None
        return parties[0] if parties else None, target, _rest(sentence, chain[-1].end)
    for ask in _obligations(sentence, anchors, words) + _impersonal(sentence, anchors, words):
        return ask.addressee, None, _rest(sentence, ask.act)
    return None


def _rest(sentence: str, end: int) -> str:
    return _TRAILING.sub("", sentence[end:]).strip(" .")


def imperative_asks(sentence: str, words: Lexicon) -> list[Ask]:
    """ "Refuse to contribute to projects related to the FSF.", "Do not speak at FSF events.", "Please join
    us in rejecting ... and insisting that ...", "While doing these things, tell them why.": a sentence that
    opens with a verb in the imperative asks the letter's reader. Voice "please" where a polite word opens
    it, else "imperative"; whether it is a demand depends on the asks around it (demands.py)."""
    if _is_question(sentence) or words.reader_call.search(sentence):
        return []
    start = _after_opening_clause(sentence, words)
    polite = words.imperative_opener.match(sentence, start)
    verb_at = polite.end() if polite else start
    negative = words.negative_imperative.match(sentence, verb_at) if words.negative_imperative else None
    verb = _WORD.match(sentence, negative.end() if negative else verb_at)
    after_clause = start > len(sentence) - len(sentence.lstrip())
    if verb is None or not (polite or negative or after_clause or verb.group()[:1].isupper()):
        return []
    if not _base_verb(verb.group(), words):
        return []
    following = _WORD.match(sentence[verb.end():].lstrip())
    if following is None or words.auxiliary.fullmatch(following.group()) or words.party_of.match(
            " " + following.group() + " "):
        return []  # "Support for the bill is growing", "Release of the report": a noun
    ask = Ask(start=start, act=verb.end(), end=len(sentence), addressee=None, target=None,
              voice="please" if polite else "imperative")
    return [replace(part, end=_without_joint(sentence, part.start, part.end, words))
            for part in _coordinated_parts(sentence, ask, words)]


def _after_opening_clause(sentence: str, words: Lexicon) -> int:
    """Where the main clause begins past an opening subordinate one: "While doing these things, | tell ..."."""
    first = _WORD.match(sentence.lstrip())
    comma = sentence.find(",")
    if first is not None and words.subordinator.fullmatch(first.group()) and comma > 0:
        return comma + 1 + len(sentence[comma + 1:]) - len(sentence[comma + 1:].lstrip())
    return len(sentence) - len(sentence.lstrip())


def _base_verb(word: str, words: Lexicon) -> bool:
    """ "Refuse", "tell", "Retirer": a verb of the action lexicon in the form an imperative takes: the bare
    lemma, or in languages whose verbs end in a mark, the infinitive ("Veuillez retirer")."""
    if words.imperative_is_stem:
        return is_imperative_stem(word, words.language)
    if words.infinitive is not None:
        return words.infinitive.fullmatch(word) is not None and is_action_word(word, words.language)
    return base_form(word, words.language)


def opening_ask(text: str, words: Lexicon) -> Ask | None:
    """The ask a text opens with in the imperative, with its addressee: "Call on the FCDO to ...",
    "Urge the Chinese authorities to ...", "Call for continued attention ..."."""
    anchors = _anchors(text, words) if words.ask_trigger.found_at_start(text) else []
    if not anchors or anchors[0].start != 0:
        return None
    first = anchors[0]
    return Ask(0, first.end, len(text), _party(first.addressee, words) if first.addressee else None, None, "own")


def asks_anything(sentence: str, words: Lexicon) -> bool:
    """Whether any ask verb stands in the sentence, whoever asks."""
    return may_ask(sentence, words.language) and bool(_anchors(sentence, words))


@kept(maxsize=8192)
def may_ask(sentence: str, language: str) -> bool:
    """Whether anything that may start an ask stands in the sentence. One search, kept: the same sentence is read
    as a possible lead-in of signers, as a lead-in of demands and for its own demands, and the search is long."""
    return lexicon(language).ask_trigger.found(sentence)


def _without_joint(sentence: str, start: int, end: int, words: Lexicon) -> int:
    """Where a part ends without the conjunction or comma that joins it to the next: "... the proposal"."""
    if end >= len(sentence.rstrip()):
        return end
    text = sentence[start:end]
    while True:
        trimmed = _TRAILING.sub("", text)
        last = trimmed.rsplit(None, 1)
        if len(last) == 2 and last[1].casefold() in words.conjunctions:
            trimmed = last[0]
        if trimmed == text:
            return start + len(text)
        text = trimmed


def _blank(sentence: str, spans: list[tuple[int, int]]) -> str:
    """The sentence with quoted words blanked out, every position kept."""
    for start, end in spans:
        sentence = sentence[:start] + re.sub(r"\w", "_", sentence[start:end]) + sentence[end:]
    return sentence


def _is_question(sentence: str) -> bool:
    """ "Will the Council act?" asks nothing of anyone; "It is time for the unions to ask, “Which side are you
    on?”" does: the question is the quotation it closes with, not the sentence."""
    if not sentence.rstrip(" \"'”’»)").endswith("?"):
        return False
    unquoted = _QUOTED.sub("", sentence).strip()
    return not unquoted or unquoted.rstrip(" )").endswith("?")


def _anchors(sentence: str, words: Lexicon) -> list[_Anchor]:
    found = [_Anchor(a.start, a.end, sentence[a.addressee_start:a.addressee_end], a.addressee_start)
             for a in words.asks(sentence)
             if _names_actor(sentence[a.addressee_start:a.addressee_end], words, a.wish)]
    for match in words.ask_without_addressee.finditer(sentence):
        if not any(match.start() < a.end and a.start < match.end() for a in found) and not _a_noun(sentence, match):
            found.append(_Anchor(match.start(), match.end()))
    return sorted((a for a in found if not _in_a_name(sentence, a.start)), key=lambda a: a.start)


def _names_actor(addressee: str, words: Lexicon, wish: bool) -> bool:
    """Whether an ask's addressee names who is to act: never what is asked ("apelamos a que o governo").
    After a wish, a party or a definite noun phrase ("the College", "issues"), not what is wished ("we
    would like to address that ... to", "need to stop ... to", "a new way to look at", "it", "what we
    need is")."""
    first = _WORD.match(addressee.strip())
    if first is None:
        return False
    word = first.group().casefold()
    if words.complement_marker is not None and words.complement_marker.fullmatch(word):
        return False  # "apelamos a que o governo ...": what is asked begins, no one is named
    if not wish or word in words.definite_determiners or _names_party(addressee, words):
        return True
    small = function_words_and_english(words.language)
    return word not in small and not words.determiners.match(word + " ")


def _a_noun(sentence: str, match: re.Match[str]) -> bool:
    """ "our demands", "the residents' demands", "la demande de la Préfecture": an ask word after a
    determiner or a possessive names, it does not ask."""
    before = _WORD.findall(sentence[max(0, match.start() - 30):match.start()])
    if not before:
        return False
    previous = before[-1].casefold()
    if _DETERMINER_BEFORE_NOUN.fullmatch(previous) is not None or previous.endswith(("'s", "’s", "'", "’")):
        return True
    # "the aforementioned requests", "our many demands": a determiner and an adjective before the ask word (not "the
    # organisations demand", "the undersigned ask": the subject)
    return len(before) >= 2 and _DETERMINER_BEFORE_NOUN.fullmatch(before[-2].casefold()) is not None \
        and (previous.endswith(_ADJECTIVE_ENDINGS) or previous in _ADJECTIVES) and previous != "undersigned"


_ADJECTIVE_ENDINGS = ("ed", "al", "ous", "ive", "ent", "ant", "ic", "ful", "ble")
_ADJECTIVES = frozenset({"many", "other", "several", "key", "main", "new", "same", "various", "few", "previous"})


def _in_a_name(sentence: str, position: int) -> bool:
    """ "..., Demand Progress, ...": an ask verb written with a capital inside a sentence is a name (not
    after a number or letter that counts it: "8.- Exigimos que ...", "b) We demand ...")."""
    before = sentence[:position].rstrip()
    return sentence[position].isupper() and bool(before) and before[-1] not in ".:;!?\"“„«(*_" \
        and not _ENUMERATOR.fullmatch(before)


def _clause_start(sentence: str, position: int, words: Lexicon) -> int:
    """Where the clause holding the position begins: after the last ";", ":" or subordinating word."""
    starts = [m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, position)]
    # one character past the position: "qu'" ends on a word boundary only where a letter follows it
    starts += [m.end() for m in words.subordinator.finditer(sentence, 0, position + 1) if m.end() <= position]
    return max(starts, default=0)


def _ours(sentence: str, anchor: _Anchor, words: Lexicon) -> bool:
    return _voice(sentence, anchor, words) is not None


def _voice(sentence: str, anchor: _Anchor, words: Lexicon) -> str | None:
    """Who asks: "own" when the signers ask in the first person (their pronoun as the subject, in the
    clause or in the ask: "we urge", "fordern wir"; a verb whose ending says "we"; a verb coordinated
    with the opening clause they are the subject of), "signers" when they are described as the subject
    ("The undersigned organisations urge", "Las organizaciones firmantes ... reclaman"), "named" when
    groups or the text are ("the organisations call on", "el manifiesto urge"), None when someone else
    asks or the subject belongs to another verb ("the unrest we see ... encourages")."""
    clause = _clause_start(sentence, anchor.start, words)
    before = sentence[clause:anchor.start]
    verb_part = sentence[anchor.start:anchor.addressee_start or anchor.end]
    verb = _WORD.match(sentence, anchor.start)
    participle = verb is not None and verb.group().casefold().endswith(words.participle_suffix)
    head = _head(sentence, before)
    subject = _subject(before, words.ask_subject, words, participle) or _subject(head, words.ask_subject, words)
    if subject is not None:
        return "own" if len(subject.group().split()) == 1 else "signers"
    if words.ask_subject.search(verb_part):
        return "own"
    if anchor.addressee and words.ask_subject.match(anchor.addressee.strip()):
        return "own"
    if not anchor.addressee and _signers_follow(sentence, anchor.end, words):
        return "signers"
    if words.first_person_verb and any(  # "exigimos", or "aprovechamos ... para exhortar a"
            words.first_person_verb.fullmatch(w) for w in _WORD.findall(before + " " + verb_part)):
        return "own"
    opening = sentence[:min(_clause_end(sentence, words), anchor.start)]
    if _ends_with_conjunction(before, words, comma=False) and words.ask_subject.search(opening):
        return "own"
    named = _subject(before, words.signers_named, words, participle) or _subject(head, words.signers_named, words)
    return "named" if named is not None else None


def _signers_follow(sentence: str, position: int, words: Lexicon) -> bool:
    """ "Daher fordern die unterzeichnenden Verbände den Stopp ...": the signers, described, as the subject right
    after the verb that comes before it."""
    after = sentence[position:]
    subject = words.ask_subject.match(after, len(after) - len(after.lstrip()))
    return subject is not None and len(subject.group().split()) > 1


def _said_by_signers(sentence: str, clause: int, words: Lexicon) -> bool:
    """Whether the clause beginning at `clause` is one the signers say in the first person ("We believe
    that the Government must ..."), not someone else's ("The court ruled that ...") nor a clause inside
    another ("Creemos que en momentos donde los gobiernos tienen que ...")."""
    marks = [m.start() for m in _CLAUSE_MARK.finditer(sentence, 0, clause) if m.end() == clause]
    # searched one character past the clause's start: "qu'" ends on a word boundary only where a letter follows
    marks += [m.start() for m in words.subordinator.finditer(sentence, 0, clause + 1) if m.end() == clause]
    mark = min(marks, default=clause)
    saying = sentence[_clause_start(sentence, mark, words):mark]
    return _first_person(saying, words) or _organisations_say(saying, words)


def _organisations_say(text: str, words: Lexicon) -> bool:
    """ "Global Witness et PPLAAF affirment", "Access Now and EFF said": two or more organisations, named as the
    subject of a verb of saying, speak together: a joint release puts its signers' words so."""
    match = words.named_speakers.fullmatch(text.strip())
    names = split_inline_list(match["names"], words, minimum=2) if match else None
    return bool(names) and all(name[:1].isupper() and person_evidence(name) < MIN_PERSON_EVIDENCE for name in names)


def _first_person(text: str, words: Lexicon) -> bool:
    """ "We believe that", "Consideramos que": the signers speak in the first person."""
    if any(len(match.group().split()) == 1 for match in words.ask_subject.finditer(text)):
        return True
    return words.first_person_verb is not None and any(words.first_person_verb.fullmatch(word)
                                                       for word in _WORD.findall(text))


def _subject(before: str, pattern: re.Pattern[str], words: Lexicon, participle: bool = False) -> re.Match[str] | None:
    """The subject the pattern finds in the text before a verb, where it is that verb's subject: close to
    it ("we strongly urge", "We would therefore like to urge") or set off by an apposition between
    commas ("We, members of the UCU, are calling on"); the earliest such, so that "We, the undersigned
    organisations, urge" is "We". A participle right after a noun describes it ("the open letter calling
    for his removal")."""
    for match in pattern.finditer(before):
        gap = before[match.end():]
        if participle and not _WORD.search(gap):
            continue
        if gap.lstrip().startswith(","):
            gap = gap[gap.rfind(",") + 1:]
        between = _WORD.findall(gap)
        if between and words.complement_marker is not None and all(
                words.complement_marker.fullmatch(word) for word in between):
            continue  # "this open letter to urge you": a purpose, not the letter urging
        if _content_words(gap, words) <= MAX_SUBJECT_VERB_WORDS:
            return match
    return None


def _content_words(text: str, words: Lexicon) -> int:
    """Words that are not function words, adverbs or the fillers a demand's verb may come after."""
    small = function_words_and_english(words.language)
    return sum(1 for word in _WORD.findall(text) if word.casefold() not in small
               and word.casefold() not in words.leading_words_to_skip
               and not (word.casefold().endswith(words.adverb_suffixes) and len(word) > 4))


def _head(sentence: str, before: str) -> str:
    """The sentence up to its first comma, where the verb follows a comma directly: the subject before a
    clause set off between commas ("Las organizaciones firmantes del manifiesto, que nace ..., reclaman")."""
    if before.strip() and not before.rstrip().endswith(","):
        return ""
    comma = sentence.find(",")
    return sentence[:comma] if 0 < comma < len(sentence) - len(before) else ""


def _clause_end(sentence: str, words: Lexicon) -> int:
    ends = [m.start() for m in _CLAUSE_MARK.finditer(sentence)]
    ends += [m.start() for m in words.subordinator.finditer(sentence)]
    return min(ends, default=len(sentence))


def _ends_with_conjunction(text: str, words: Lexicon, comma: bool = True) -> bool:
    """ "... rescind the proposal and", "..., and we further": what comes next is a coordinated clause."""
    tail = _TRAILING.sub("", text)
    subject = words.ask_subject.search(tail[-40:])
    if subject and subject.end() == len(tail[-40:]):
        tail = tail[: len(tail) - len(subject.group())].rstrip()
    tokens = tail.casefold().split()
    while tokens and tokens[-1] in words.leading_words_to_skip and tokens[-1] not in words.conjunctions:
        tokens.pop()
    if not tokens:
        return False
    joined = " ".join(tokens[-3:])
    return (comma and text.rstrip().endswith((",", ";"))) or any(
        joined == c or joined.endswith(" " + c) for c in words.conjunctions)


def _chain(sentence: str, first: _Anchor, anchors: list[_Anchor], words: Lexicon) -> list[_Anchor]:
    """The ask and the asks nested in what it asks: "call on governments to join together to call on China to"."""
    chain = [first]
    for anchor in anchors:
        if anchor.start < chain[-1].end:
            continue
        between = sentence[chain[-1].end:anchor.start]
        if _CLAUSE_MARK.search(between) or _ends_with_conjunction(between, words):
            break
        chain.append(anchor)
    return chain


def _verb_asks(sentence: str, anchors: list[_Anchor], words: Lexicon) -> list[Ask]:
    asks: list[Ask] = []
    index = 0
    while index < len(anchors):
        anchor = anchors[index]
        chain = _chain(sentence, anchor, anchors[index:], words)
        index += len(chain)
        voice = _voice(sentence, anchor, words)
        if voice is None or _negated(sentence, anchor, words):
            continue
        parties = [_party(a.addressee, words) for a in chain if a.addressee]
        following = anchors[index].start if index < len(anchors) else len(sentence)
        asks.append(Ask(start=_demand_start(sentence, anchor, words), act=chain[-1].end, end=following,
                        addressee=parties[0] if parties else None,
                        target=parties[-1] if len(parties) > 1 and parties[-1] != parties[0] else None,
                        voice=voice))
    return asks


def _negated(sentence: str, anchor: _Anchor, words: Lexicon) -> bool:
    """ "We are not asking for open borders", "Nous ne demandons pas de privilèges", "No pedimos privilegios": the
    verb that would ask is negated, a word or two before it; "We are not only asking for ..." asks all the same."""
    before = sentence[max(0, anchor.start - NEGATION_REACH):anchor.start]
    return words.ask_negation.search(before) is not None and \
        words.only_word.search(sentence, anchor.start, anchor.end + NEGATION_REACH) is None and \
        words.only_word.search(before) is None


NEGATION_REACH = 30  # characters: "are not", "do not", "ne", a word between them and the verb at most


def _demand_start(sentence: str, anchor: _Anchor, words: Lexicon) -> int:
    """The subject when it stands just before the verb ("we strongly urge") or a short apposition sets it
    off ("We, members of the UCU, are calling on"), without what leads up to it ("To that end, "); the
    clause's start when the subject follows the verb ("Daarom roepen we"); else the verb itself ("We, the
    undersigned, representing a diverse group of ..., urge" starts at "urge", and "Las organizaciones
    ... solicitamos" at "solicitamos")."""
    clause = _clause_start(sentence, anchor.start, words)
    before = sentence[clause:anchor.start]
    # "We join ... trade associations and others in asking": the signers' "we" is the subject, not the groups
    subjects = list(words.ask_subject.finditer(before)) or list(words.signers_named.finditer(before))
    close = [m for m in subjects if _close_to_verb(before[m.end():])]
    if close:  # the earliest: "The undersigned organizations urge", not "organizations urge"
        return clause + _with_determiner(before, min(m.start() for m in close))
    if subjects:
        return anchor.start
    inverted = words.ask_subject.search(sentence[anchor.start:anchor.addressee_start or anchor.end])
    if inverted and before.strip() and not before.rstrip().endswith(","):
        if not _ends_with_conjunction(before, words):
            return clause + len(before) - len(before.lstrip())
    return anchor.start


def _close_to_verb(gap: str) -> bool:
    """ "strongly", or ", members of the UCU, are": few words between a subject and its verb."""
    if gap.lstrip().startswith(","):
        apposition, _, gap = gap.rpartition(",")
        if len(apposition.split()) > MAX_APPOSITION_WORDS:
            return False
    return "," not in gap and len(gap.split()) <= MAX_SUBJECT_GAP_WORDS


def _with_determiner(text: str, start: int) -> int:
    """ "las organizaciones firmantes llaman": the subject with the article before it."""
    previous = re.search(r"(\w+)\s+$", text[:start])
    if previous and _DETERMINER_BEFORE_NOUN.fullmatch(previous.group(1).casefold()):
        return previous.start(1)
    return start


def _party(text: str, words: Lexicon) -> str:
    """ "the Government of India, specifically Mr X" gives "Government of India"."""
    text = text.strip()
    subject = words.ask_subject.match(text)
    if subject:  # "fordern wir die Regierung auf": the subject stands before the addressee
        text = text[subject.end():].strip()
    return words.determiners.sub("", text.split(",")[0].strip())


def _obligations(sentence: str, anchors: list[_Anchor], words: Lexicon) -> list[Ask]:
    """ "The United States should repudiate ...", "Daher sollte auch der Rat ... ausschöpfen": an
    obligation put on a named party, in the active voice. One the signers put on themselves ("we
    must") is a commitment, and "it must be clear" or "... should be established" names no one."""
    asks: list[Ask] = []
    for modal in words.obligation.finditer(sentence):
        if any(a.start <= modal.start() < a.end for a in anchors):
            continue
        what = _what_a_party_must_do(sentence, modal, words)
        if what is not None:
            asks.append(what)
            continue
        shared = _shared_subject(sentence, modal.start(), words)
        if shared is not None:  # "FSF is a body that ..., and should not give in to ..."
            complement = re.split(r"[,;:]", sentence[modal.end():], maxsplit=1)[0]
            if not words.obligation_passive.search(complement):
                asks.append(Ask(start=modal.start(), act=modal.end(), end=len(sentence), addressee=shared,
                                target=None))
            continue
        clause = _clause_start(sentence, modal.start(), words)
        main = _past_an_opening_clause(sentence, clause, modal.start(), words) if clause else None
        if main is not None:
            clause = main
        elif clause and not _said_by_signers(sentence, clause, words):
            continue  # "The court ruled that the government must ...": someone else's words
        complement = re.split(r"[,;:]", sentence[modal.end():], maxsplit=1)[0]
        if words.obligation_passive.search(complement):
            continue
        party = _obliged_party(sentence[clause:modal.start()], complement, words)
        if party is None:
            continue
        start = clause + _subject_offset(sentence[clause:modal.start()], words)
        asks.append(Ask(start=start, act=modal.end(), end=len(sentence), addressee=party, target=None))
    return asks


def _what_a_party_must_do(sentence: str, modal: re.Match[str], words: Lexicon) -> Ask | None:
    """ "What the city council must do:", "Ce que la mairie doit faire :", "Was der Stadtrat jetzt tun muss:": a
    line that puts on a party what the list after it says; all of it is left to the list."""
    what = words.what_is_to_be_done.match(sentence)
    bare = _TRAILING.sub("", sentence.rstrip(" *_"))
    if what is None or not sentence.rstrip(" *_").endswith(":") or modal.start() < what.end():
        return None
    subject = sentence[what.end():modal.start()].strip()
    if not subject:  # "Cosa deve fare il comune:": the subject after the modal and its verb
        subject = " ".join(bare[modal.end():].split()[1:])
    ends = [match.end() for match in words.party.finditer(subject)] + \
        [match.end() for match in _WORD.finditer(subject) if match.group()[:1].isupper()]
    subject = subject[:max(ends, default=len(subject))]  # "der Stadtrat jetzt tun", "de gemeenteraad nu"
    party = _obliged_party(subject, "", words)
    if party is None:
        return None
    return Ask(start=what.end(), act=len(bare), end=len(sentence), addressee=party, target=None)


def _past_an_opening_clause(sentence: str, clause: int, position: int, words: Lexicon) -> int | None:
    """ "If he wants to live up to the vision of DuBois, Holloway must settle ...": where the clause holding the modal
    is a subordinate one that opens the sentence and a comma closes, the main clause after that comma, the signers'
    own, where a subject alone stands before the modal; None elsewhere ("The court ruled that the government
    must ...")."""
    opening = words.subordinator.search(sentence)
    if opening is None or opening.end() != clause or sentence[:opening.start()].strip(" \"'“‘«"):
        return None
    comma = sentence.rfind(",", clause, position)
    if comma < 0 or any(words.auxiliary.fullmatch(word) for word in _WORD.findall(sentence[comma:position])):
        return None  # "While ..., now is a time the W3C should ...": no subject of the modal's own
    return comma + 1


def _shared_subject(sentence: str, position: int, words: Lexicon) -> str | None:
    """The party a modal after ", and" or ", but" shares the sentence's opening subject with: "Members and
    supporters do not have to agree with his opinions, but should respect ...". None where the modal has
    a subject of its own."""
    head, comma, tail = sentence[:position].rpartition(",")
    joint = _WORD.findall(tail)
    if not comma or len(joint) != 1 or not (joint[0].casefold() in words.conjunctions
                                            or joint[0].casefold() in words.contrast_words):
        return None
    opening = []
    for word in head.split()[:MAX_SHARED_SUBJECT_WORDS]:
        bare = word.strip(",;:").casefold()
        if opening and _small_word(bare, words) and bare not in words.conjunctions:
            break  # "FSF is ...": the subject ends at its verb
        opening.append(word.strip(",;:"))
    subject = " ".join(opening)
    if words.ask_subject.match(subject) or not (_names_party(subject, words) or _ACRONYM.match(subject)):
        return None
    return _party(words.party_of.split(subject, maxsplit=1)[0], words)


def _obliged_party(before: str, after: str, words: Lexicon) -> str | None:
    """Who the obligation is put on: the subject before the modal, or after it where the verb comes
    second ("Daher sollte auch der Rat der Stadt ...")."""
    subject = before[_last_subject_start(before, words):].strip()
    numbered = _LEADING_ENUMERATOR.match(subject)
    if numbered:  # "2.- La suspensión de derechos ... debe": the number counts the paragraph, "La" opens it
        subject = subject[numbered.end():]
    if words.ask_subject.fullmatch(subject) and not words.ask_trigger.match(after.lstrip()):
        return None  # "We must entertain the possibility that GitHub will ...": the signers' own commitment
    if _in_a_contact_clause(subject, words):
        return None  # "you demanded the information you need to know": what "you" need, not what they must do
    if len(subject.split()) <= 1 and not _names_party(subject, words) and before.strip():
        subject = " ".join(after.split()[:12])
    if not _names_party(subject, words) or words.ask_subject.search(subject):
        return None
    return _party(subject, words)


def _in_a_contact_clause(subject: str, words: Lexicon) -> bool:
    """ "the information you": a pronoun right after an article and its noun opens a clause that says what the noun
    is (English leaves out its "that"); the modal after it obliges no one ("As ministers you must" does)."""
    tokens = _WORD.findall(subject)
    return len(tokens) >= 3 and tokens[-1].casefold() in _CONTACT_PRONOUNS and tokens[-2][:1].islower() \
        and not _small_word(tokens[-2], words) and words.determiners.match(tokens[-3] + " ") is not None


_CONTACT_PRONOUNS = frozenset({"you"})


def _names_party(text: str, words: Lexicon) -> bool:
    """A government, an authority, "you", or (where capitals mark names) a name: "The United States"; named
    before any "of" ("the Government of India", not "la agenda de gobierno abierto")."""
    text = words.party_of.split(text, maxsplit=1)[0]
    if words.party.search(text):
        return True
    tokens = text.split()
    if any(is_acronym(token.strip(".,;:()")) for token in tokens) or _a_persons_name(tokens[:MAX_TITLE_WORDS + 2]):
        return True  # "Der ICOM muss", "Burkhard Ihme muss": where every noun is capitalised, a name by its shape
    if len(tokens) == 1 and is_country_name(tokens[0].strip(".,;:()")):
        return True  # "China must", "China muss": a state, named alone
    return not words.nouns_capitalised and any(token[:1].isupper() for token in tokens[1:])


def _a_persons_name(tokens: list[str]) -> bool:
    """A given name we know and a capitalised word after it, opening the subject: "Burkhard Ihme", "Minister
    Jane Doe"."""
    return any(fold(first) in given_names() and second[:1].isupper()
               for first, second in zip(tokens, tokens[1:], strict=False))


def _last_subject_start(before: str, words: Lexicon) -> int:
    """Where the subject before a modal begins: after the last comma, or where a list of parties with a comma before
    its "and" begins ("To meet this challenge, however, businesses, policymakers, and individuals must")."""
    parts = before.split(",")
    last = parts[-1].split(None, 1)
    if len(parts) < 2 or not last or last[0].casefold() not in words.conjunctions:
        return len(before) - len(parts[-1])
    start = len(before) - len(parts[-1])
    for part in reversed(parts[:-1]):
        if not part.strip() or len(part.split()) > MAX_LISTED_PARTY_WORDS or not _names_party(part.strip(), words):
            break
        start -= len(part) + 1
    return start


MAX_LISTED_PARTY_WORDS = 4  # "the European Commission": a party in a list; a longer part is a clause of its own


def _subject_offset(before: str, words: Lexicon) -> int:
    """Where the clause's own words begin: after a lead such as "Therefore, ", kept when the verb comes second."""
    start = _last_subject_start(before, words)
    head, subject = before[:start], before[start:]
    if head and _names_party(subject, words):
        return start + len(subject) - len(subject.lstrip())
    opening = len(before) - len(before.lstrip())
    numbered = _LEADING_ENUMERATOR.match(before, opening)  # "2. The Government must": past the paragraph's number
    return numbered.end() if numbered else opening


def _impersonal(sentence: str, anchors: list[_Anchor], words: Lexicon) -> list[Ask]:
    """ "It is time for RMS to step back", "Es ist höchste Zeit, ...": an ask the text makes in its own voice."""
    asks: list[Ask] = []
    for match in words.impersonal_ask.finditer(sentence):
        if any(a.start <= match.start() < a.end for a in anchors):
            continue
        clause = _clause_start(sentence, match.start(), words)
        if clause and not _said_by_signers(sentence, clause, words):
            continue
        if words.ask_subject.match(sentence[match.end():].lstrip()):
            continue  # "It is imperative that we denounce ...": what the signers put on themselves is a commitment
        start = clause + len(sentence[clause:match.start()]) - len(sentence[clause:match.start()].lstrip())
        asks.append(Ask(start=start, act=match.end(), end=len(sentence), addressee=None, target=None))
    return asks


def _coordinated_parts(sentence: str, ask: Ask, words: Lexicon) -> list[Ask]:
    """ "to require ... to cancel ..., and to pass ..." asks for two things: one demand each."""
    marker = _WORD.findall(sentence[max(ask.start, ask.act - 30):ask.act])[-1:]
    opening = _OPENING_WORD.match(sentence, ask.act)  # "roepen X op om ...": the act opens with its marker
    if opening and words.complement_marker is not None and words.complement_marker.fullmatch(opening.group(1)):
        marker = [opening.group(1)]
    if not marker:
        return [ask]
    starts = [ask.act] + _coordinations(sentence, ask, marker[-1], words)
    if len(starts) == 1 and words.subordinator.fullmatch(marker[-1]):  # "affinché richieda ... di A, di B e di C"
        inner = _inner_marker(sentence[ask.act:ask.end], words)
        if inner is not None and inner.casefold() != marker[-1].casefold():  # each part opens with the marker again
            starts = [ask.act] + [cut for cut in _coordinations(sentence, ask, inner, words)
                                  if _opens_with(sentence[cut:ask.end], inner, words)]
    return [Ask(start=ask.start if index == 0 else begin, act=begin,
                end=starts[index + 1] if index + 1 < len(starts) else ask.end,
                addressee=ask.addressee, target=ask.target, voice=ask.voice)
            for index, begin in enumerate(starts)]


def _inner_marker(act: str, words: Lexicon) -> str | None:
    """ "affinché richieda ai negoziatori di stabilire ..., di pubblicare ... e di non accettare ...": the infinitive
    marker inside a clause the ask opens, where the things asked are coordinated."""
    if words.complement_marker is None:
        return None
    tokens = _WORD.findall(act[:MAX_INNER_MARKER_REACH])
    return next((word for word, following in itertools.pairwise(tokens)
                 if words.complement_marker.fullmatch(word) and _verb_shaped(following, words)), None)


MAX_INNER_MARKER_REACH = 200  # characters into the act: the clause's own verb and its first infinitive


def _coordinations(sentence: str, ask: Ask, marker: str, words: Lexicon) -> list[int]:
    """Where a second thing asked begins: the conjunction, then the word the ask ended with (", and to
    pass" after "call on X to", "and for RMS" after "call for", "y que" after "exigimos que")."""
    conjunctions = "|".join(re.escape(c) for c in sorted(words.conjunctions, key=len, reverse=True))
    cuts: list[int] = []
    series: list[int] = []  # cuts at a comma alone, kept when a conjunction closes the series
    last = ask.act
    first_verb = _first_verb(sentence[ask.act:ask.end], words)
    for match in re.finditer(rf"(?:[,;]\s*|\s+)(?:{conjunctions})\s+|[,;]\s+", sentence[ask.act:ask.end]):
        cut = ask.act + match.end()
        rest = sentence[cut:ask.end]
        if (_word_count(sentence[last:ask.act + match.start()]) >= MIN_ACT_WORDS
                and _word_count(rest) >= MIN_ACT_WORDS
                and (_starts_an_act(rest, marker, words) or _a_verb_again(rest, first_verb, words)
                     and not words.subordinator.search(sentence, ask.act, ask.act + match.start())
                     or _an_action_noun_again(sentence[ask.act:ask.end], rest, words)
                     or _a_that_clause_after_a_noun(sentence[ask.act:ask.end], rest, match.group(), words))):
            if match.group().strip() in (",", ";"):
                before = sentence[ask.act:ask.act + match.start()]
                if before.count("(") > before.count(")") or not (
                        _opens_with(rest, marker, words) or _a_verb_again(rest, first_verb, words)):
                    continue  # "(acte 12 ..., actes 13, 14)": a comma in brackets parts no series
                series.append(cut)
            else:
                cuts.extend(series + [cut])
                series = []
            last = cut
    return cuts


def _a_that_clause_after_a_noun(act: str, rest: str, joint: str, words: Lexicon) -> bool:
    """ "wir fordern eine Informationsfreiheitssatzung, die ..., und dass ... bereitgestellt werden": what is asked
    is a thing, then ", and that" asks a second one in a clause of its own."""
    return joint.strip(" ,;") != "" and _action_noun_head(act, words) is None and _first_verb(act, words) is None \
        and words.that_clause.match(rest) is not None and not words.that_clause.match(act.lstrip())


def _opens_with(text: str, marker: str, words: Lexicon) -> bool:
    """ "to respect ..." after "to withdraw ...,", "d'ouvrir ..." after "de retirer ...,": the ask's own last word
    again, first."""
    return re.match(_marker_again(marker, words), text, re.I) is not None


def _content_tokens(text: str, words: Lexicon) -> list[str]:
    """The words of a text past the adverbs and fillers it opens with ("properly", "immediately", "also")."""
    tokens = _WORD.findall(text[:160])
    while tokens and (tokens[0].casefold() in words.leading_words_to_skip
                      or tokens[0].casefold().endswith(words.adverb_suffixes) and len(tokens[0]) > 4):
        tokens.pop(0)
    return tokens


def _small_word(word: str, words: Lexicon) -> bool:
    """A function word, an article or the complement marker: never the verb of an ask."""
    folded = word.casefold()
    return (folded in function_words(words.language) or folded in function_words("en")
            or words.determiners.match(folded + " ") is not None
            or words.complement_marker is not None and words.complement_marker.fullmatch(folded) is not None)


def _first_verb(act: str, words: Lexicon) -> str | None:
    """The verb what is asked opens with ("properly tax rich individuals", "embrace the transition"); None
    where it opens with a subject ("WTO Members honour ... and adopt ..." is one ask of the Members)."""
    tokens = _content_tokens(act, words)
    return tokens[0] if tokens and tokens[0][:1].islower() and not _small_word(tokens[0], words) else None


def _a_verb_again(rest: str, first_verb: str | None, words: Lexicon) -> bool:
    """ "and invest in a Global Green New Deal" after "to properly tax ...": a second verb of the first
    one's form, known to the action lexicon and taking an object,
    where the ask opens with a verb; "and giant corporations", "and open internet" go on with the same
    demand, and so does a verb inside a clause of the first ("so that we can fight ... and protect ...")."""
    tokens = _content_tokens(rest, words)
    if first_verb is None or len(tokens) < 2 or not tokens[0][:1].islower():
        return False
    if not _small_word(tokens[1], words) and not _a_plain_verb(tokens[0], words):
        return False  # "and open internet": an adjective before its noun
    if not is_action_word(tokens[0], words.language) and not _a_verb_before_its_object(tokens, words):
        return False
    participle = words.participle_suffix
    return tokens[0].casefold().endswith(participle) == first_verb.casefold().endswith(participle)


def _a_plain_verb(word: str, words: Lexicon) -> bool:
    """ "stop weaponising the law", "pay increased attention": a verb of the lexicon as listed, and not one that
    stands as often as an adjective before a noun ("open", "free")."""
    return base_form(word, words.language) and word.casefold() not in words.adjective_verbs


def _an_action_noun_again(act: str, rest: str, words: Lexicon) -> bool:
    """ "le retrait immédiat de la plainte et l'abandon de toutes procédures": what is asked is a noun phrase
    ("the release of ...") and another of the same build follows the conjunction, its noun an action the
    lexicon knows; "the release of the journalists and the members of the union" asks one thing."""
    noun = _action_noun_head(rest, words)
    return noun is not None and _action_noun_head(act, words) is not None and is_action_word(noun, words.language)


def opens_with_action_noun(text: str, words: Lexicon) -> bool:
    """ "La liberación inmediata de ...", "The repeal of ...": a noun phrase naming an action the lexicon knows."""
    noun = _action_noun_head(text, words)
    return noun is not None and is_action_word(noun, words.language)


def names_a_thing(text: str, words: Lexicon) -> bool:
    """ "Un'inchiesta indipendente sulle violenze", "Il ritiro del piano", "An end to ...": an article, a noun in lower
    case (not "La Rete dei Numeri Pari", a name), at most one word more, then a preposition (not "La policía detuvo
    ...", a clause)."""
    text = text.lstrip(" ,")
    article = words.determiners.match(text) or _ELIDED_ARTICLE.match(text)
    if article is None:
        first = _WORD.match(text)
        if first is None or first.group().casefold() not in indefinite_articles():
            return False
        article = first
    following = _WORD.findall(text[article.end():article.end() + MAX_NOUN_PHRASE_CHARS])[:3]
    return len(following) >= 2 and following[0][:1].islower() and \
        any(fold(word) in prepositions() for word in following[1:])


def names_an_action(text: str, words: Lexicon) -> bool:
    """ "The repeal of ...", or with an adjective before the noun: "an independent investigation into ..."."""
    if opens_with_action_noun(text, words):
        return True
    article, *nouns = _WORD.findall(text[:MAX_NOUN_PHRASE_CHARS])[:3] or [""]
    return article[:1].islower() and any(noun[:1].islower() and is_action_word(noun, words.language)
                                         for noun in nouns)


MAX_NOUN_PHRASE_CHARS = 80


def heads_an_action(text: str, words: Lexicon) -> bool:
    """ "The immediate release of ...", "An end to ...", "Die sofortige Freilassung ...", "Une enquête indépendante
    sur ...": an article, and among the next few words a noun naming an action, whatever its case and whatever
    follows it (a paragraph a lead-in such as "We demand:" opens, where an action named is what is demanded)."""
    text = text.lstrip(" ,*")
    determiner = words.determiners.match(text) or _ELIDED_ARTICLE.match(text)
    if determiner is not None:
        head = _WORD.findall(text[determiner.end():determiner.end() + MAX_NOUN_PHRASE_CHARS])
    else:
        article, *head = _WORD.findall(text[:MAX_NOUN_PHRASE_CHARS]) or [""]
        if article.casefold() not in indefinite_articles():
            return False
    return any(is_action_word(word, words.language) for word in head[:ACTION_HEAD_WORDS])


ACTION_HEAD_WORDS = 3  # the noun, after up to two adjectives: "an immediate and unconditional release"


def opens_with_noun_of(text: str, words: Lexicon) -> bool:
    """ "Le retrait immédiat du projet de loi", "La reparación integral de las víctimas": a determiner, a noun and
    what it is of, the build of a thing asked for where a list after an ask left open names it."""
    return _action_noun_head(text, words) is not None or _capitalised_noun_of(text, words)


def _capitalised_noun_of(text: str, words: Lexicon) -> bool:
    """ "Ein Ende der Repression", "Eine unabhängige Untersuchung der Morde": where nouns are capitalised, an
    article, adjectives in lower case, the noun, then whose or of what it is."""
    if not words.nouns_capitalised or words.genitive_article is None:
        return False
    tokens = _WORD.findall(text[:MAX_NOUN_PHRASE_CHARS])
    if not tokens or not (words.determiners.match(text) or tokens[0].casefold() in indefinite_articles()):
        return False
    rest = list(itertools.dropwhile(lambda token: token[:1].islower(), tokens[1:]))
    return len(rest) >= 2 and rest[0][:1].isupper() and (
        words.genitive_article.fullmatch(rest[1]) is not None or words.party_of.match(f" {rest[1]} ") is not None)


def _action_noun_head(text: str, words: Lexicon) -> str | None:
    """The noun of "the release of", "le retrait immédiat de", "l'abandon de": a determiner, a noun in lower
    case, at most one adjective, then "of"; None for anything else."""
    text = text.lstrip(" ,")
    determiner = words.determiners.match(text) or _ELIDED_ARTICLE.match(text)
    if determiner is None:
        return None
    after = text[determiner.end():]
    noun = _WORD.match(after)
    if noun is None or not noun.group()[:1].islower():
        return None
    following = after[noun.end():]
    adjective = re.match(r"\s+[^\W\d_][\w’'-]*", following)
    if words.party_of.match(following) or adjective and words.party_of.match(following[adjective.end():]):
        return noun.group()
    return None


def _a_verb_before_its_object(tokens: list[str], words: Lexicon) -> bool:
    """ "e cumpra as suas obrigações", "et respecte les droits": where nouns take an article and are not
    written with a capital, a bare word followed by an article is a verb with its object."""
    if words.language == "en" or words.nouns_capitalised or words.infinitive is None:
        return False
    return words.determiners.match(tokens[1] + " ") is not None


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _starts_an_act(text: str, marker: str, words: Lexicon) -> bool:
    """ "to pass ...", "and not to dismiss ...", "et de garantir ...": the ask's own last word again, and
    after an infinitive marker a verb."""
    opening = re.match(rf"(?:([^\W\d_]+)\s+)?(?:{_marker_again(marker, words)})", text, re.I)  # "and not to dismiss"
    if not opening or opening.group(1) and not _may_precede_the_marker(opening.group(1), words):
        return False
    after = text[opening.end():].lstrip(" ,")
    following = _WORD.match(after)
    if following is None:
        return False
    if words.subordinator.fullmatch(marker):  # "e que, até lá, retire ...": a clause of its own
        return True
    if words.complement_marker is not None and words.complement_marker.fullmatch(marker):
        negation = words.infinitive_negation.match(after)  # "e di non accettare", "et de ne pas céder"
        verb = _WORD.match(after, negation.end()) if negation else following
        return verb is not None and (_verb_shaped(verb.group(), words)
                                     or _infinitive_at_clause_end(after, marker, words))
    return True


def _marker_again(marker: str, words: Lexicon) -> str:
    """ "to" after "to"; "d'ouvrir" after "de retirer" and "de retirer" after "d'ouvrir": the ask's own marker, in
    a pattern that takes it elided and glued to the verb too, where the language elides it."""
    stem = marker.rstrip("'’").removesuffix("e")
    if words.complement_marker is None or not words.complement_marker.fullmatch(f"{stem}'") \
            or not words.complement_marker.fullmatch(f"{stem}e"):
        return rf"{re.escape(marker)}[\s,]"
    return rf"{re.escape(stem)}e[\s,]|{re.escape(stem)}['’]"


def _may_precede_the_marker(word: str, words: Lexicon) -> bool:
    """ "and not to", "and also to", "and GitHub to": a negation, an adverb or a name; "uncensored and available to
    everyone" goes on with the same ask."""
    return not word[:1].islower() or words.infinitive_negation.match(word + " ") is not None \
        or word.casefold() in words.leading_words_to_skip or word.casefold().endswith(words.adverb_suffixes)


def _infinitive_at_clause_end(clause: str, marker: str, words: Lexicon) -> bool:
    """ "en om de Kamer te informeren": where the infinitive stands last, a second marker comes before it."""
    assert words.complement_marker is not None
    tokens = _WORD.findall(_CLAUSE_END.split(clause[:120], maxsplit=1)[0])
    return any(word.casefold() != marker.casefold() and words.complement_marker.fullmatch(word)
               and _verb_shaped(following, words) for word, following in itertools.pairwise(tokens))


def _verb_shaped(word: str, words: Lexicon) -> bool:
    """ "garantir" after "et de", "pass" after "and to"; not "réunion" nor "the"."""
    if words.infinitive is not None:
        return words.infinitive.fullmatch(word) is not None
    return word.casefold() not in function_words(words.language) and not words.determiners.match(word + " ")
