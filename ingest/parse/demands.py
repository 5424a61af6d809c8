"""Demands: the asks of a statement, with who is called on (addressee) and who must act (target).

Two kinds, read together: the items of a list that a lead-in introduces as demands ("We call on
X to:", "Wir fordern:", "Our demands:"), and the asks the statement makes in its sentences, read
clause by clause (asks.py). A run of items is a demand list when the block before it introduces it
and the items read as asks, when a colon introduces items that each ask in their own words, or when
each item opens with an ask verb ("- Call on X to ...", "- Urge Y to ..."); never because it follows
an ask.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from ..records import Demand
from .actions import action_category, is_action_word, is_imperative_stem, leading_verb, word_level
from .asks import (
    Ask,
    addressed_only,
    asks_anything,
    heads_an_action,
    imperative_asks,
    lead_in,
    names_a_thing,
    names_an_action,
    opening_ask,
    opens_with_noun_of,
    says_only_when_or_how,
    sentence_asks,
)
from .blocks import Block
from .countries import fold
from .inline import split_inline_list
from .language import MIN_PROSE_CHARS, identify, is_prose
from .lexicon import LANGUAGES, Lexicon, function_words_and_english, in_another_script, in_first_person_plural
from .names import has_organisation_word, is_acronym
from .sentences import sentences

LEAD_UP_BLOCKS = 1  # the paragraph before a list's lead-in leads up to it ("For these reasons, we urge ...")
MAX_NAME_WORDS = 8  # "Chaos Computer Club", "Free Palestine Maastricht": an item this short in title case is a name
MAX_DEMAND_HEADING_WORDS = 6  # "Unsere Forderungen:", "Our demands"
MAX_DEMAND_LEAD_WORDS = 12  # "Les revendications de la coalition pour le logement sont :"
DEMAND_HEAD_REACH = 3  # words before the demand noun that heads such a line: "Our three main demands"
DEMAND_NOUN_REACH = 3  # "... richten wir diese konkreten Forderungen:": the noun among the last words
MIN_SPELLED_OUT_ITEMS = 3  # items that each ask, after a paragraph that asks: fewer may be two asks of its own
MAX_GROUP_LABEL_WORDS = 10  # "Freiheit des akademischen Diskurses über Antisemitismus und (antimuslimischen) Rassismus"
STEM_CHARS = 5  # "release", "released", "releasing": one stem
MIN_SHARED_STEMS = 3
RESTATED_SHARE = 0.6  # of the shorter ask's stems, for a sentence to ask again what another asks
# A heading numbered like the paragraphs around it is one of them ("#### 4. We urge the Security Bureau to ...");
# other headings (a title, a tagline over the letter) restate the asks.
_NUMBERED = re.compile(r"^\(?\d{1,2}(?:[.)]|\s?[-–])\s")
_LEADING_SYMBOLS = re.compile(r"^[^\w(\"“„«'‘]+")
# A quotation that runs over several sentences, in typographic marks (straight ones do not say which way they face)
_QUOTATION = re.compile(r"«[^«»]{0,5000}»|“[^“”]{0,5000}”|„[^„“”]{0,5000}[“”]")
_WORD = re.compile(r"[^\W\d_]+")
MIN_ATTRIBUTION_WORDS = 2  # "déclare Rémi Boulle": words outside a quotation that say whose it is
_SENTENCE_END = (".", "!", "?", ";", ",")
_PHRASE_END = re.compile(r"[:.;,!?]")
T = TypeVar("T")
_IMPERATIVE = ("imperative", "please")  # asks.imperative_asks


@dataclass(frozen=True)
class LeadIn:
    addressee: str | None
    target: str | None


@dataclass(frozen=True)
class DemandList:
    """Items read as demands, and the sentence that introduces them (none for items that each open with
    an ask verb)."""

    lead_index: int | None
    lead_sentence: str
    items: tuple[tuple[int, str], ...]  # (index of the block holding it, text)
    lead_in: LeadIn
    item_leads: tuple[LeadIn, ...] = ()  # each item's own addressee, where it names one ("Urge X to ...")

    @property
    def start(self) -> int:
        """Where its demands stand in reading order: at the lead-in, or at the first item."""
        return self.lead_index if self.lead_index is not None else self.items[0][0]

    def leads(self) -> list[LeadIn]:
        return list(self.item_leads) or [self.lead_in] * len(self.items)


def last_sentence(text: str) -> str:
    split = sentences(text)
    return split[-1] if split else ""


def read_lead_in(sentence: str, words: Lexicon) -> LeadIn | None:
    """Addressee and target of a sentence that asks, whoever asks; None when it asks nothing.

    "We call on governments to join together to call on China to" gives addressee
    governments and target China: the first party called on, and the last.
    """
    found = lead_in(sentence, words)
    if found is not None:
        return LeadIn(found[0], found[1])
    return LeadIn(None, None) if asks_anything(sentence, words) else None


def find_demands(blocks: list[Block], words: Lexicon, title: str | None = None) -> list[Demand]:
    """List demands and sentence demands, in reading order, each counted once. Under a title that names the
    page's demands ("Demands to H&M"), its lists of asks are demands whatever heads each of them."""
    blocks = _with_lead_ins_apart(_before_translation(_readable(blocks), words))
    lists = demand_lists(blocks, words)
    if title and names_demands(title, words):
        claimed = {index for found in lists for index, _ in found.items}
        lists += _lists_that_ask(blocks, claimed, words)
    starts = {found.start: found for found in lists}
    listed = {index for found in lists for index, _ in found.items} | _under_headed_items(blocks, lists)
    spoken = _quoted_speech(blocks, words)
    read: list[_Read] = []
    for index, block in enumerate(blocks):
        found = starts.get(index)
        if found is not None:  # the lead-in's own sentences frame the list ("we urge ... We call on X to:")
            read.extend(_Read(demand, voice, index, listed=True)
                        for demand, voice in _asks_before_the_list(found, words))
            read.extend(_Read(_item_demand(leading, text, words), "own", index, listed=True)
                        for (_, text), leading in zip(found.items, found.leads(), strict=True))
        elif index not in listed and index not in spoken:
            read.extend(_Read(demand, voice, index) for demand, voice in _block_demands(block, words))
    kept = _without_translations(_without_repeated_asks([r for r in read if _kept(r, read, lists, words)], words),
                                 blocks, words)
    demands = _without_restatements([r.demand for r in kept])
    for position, demand in enumerate(demands, start=1):
        demand.position = position
    return demands


def _quoted_speech(blocks: list[Block], words: Lexicon) -> set[int]:
    """ 'Kevin Miles, chief executive of the FSA, said: “Football occupies ...', then paragraphs that each open with
    the quotation mark, up to the one that closes it: one person's words over several paragraphs, set as English
    sets a long quotation. What they ask is the speaker's, not the page's."""
    spoken: set[int] = set()
    speaking = False
    for index, block in enumerate(blocks):
        text = block.text.strip()
        if speaking and block.kind == "paragraph" and text[:1] in _OPENING_QUOTES:
            spoken.add(index)
        else:
            opening = max(text.rfind(mark) for mark in _OPENING_QUOTES)
            speaking = opening > 0 and words.named_speakers.search(text[:opening]) is not None
        speaking = speaking and _unclosed(text)
    return spoken


_OPENING_QUOTES = "“„«"


def _unclosed(text: str) -> bool:
    if "„" in text:  # „...“ or „...”
        return text.count("„") > text.count("“") + text.count("”")
    return text.count("“") > text.count("”") or text.count("«") > text.count("»")


def _under_headed_items(blocks: list[Block], lists: list[DemandList]) -> set[int]:
    """The blocks under a demand list's headed items ("### 2. Leg de feiten bloot", then paragraphs that spell
    it out: "We roepen het Europees Parlement op om ..."): each section tells its item at length, and what it
    asks is that item, not a demand of its own. A section ends at the next heading of its item's level or
    higher."""
    under: set[int] = set()
    for found in lists:
        for index, _ in found.items:
            if blocks[index].kind != "heading":
                continue
            level = blocks[index].level
            for following in range(index + 1, len(blocks)):
                if blocks[following].kind == "heading" and blocks[following].level <= level:
                    break
                under.add(following)
    return under


def _without_translations(read: list[_Read], blocks: list[Block], words: Lexicon) -> list[_Read]:
    """A page that gives its letter in two languages asks each thing twice: where some asks stand in prose of
    the page's own language, those in prose of another language are the translation's ("ci appelliamo al
    Parlamento affinché ...", then "we urge the Parliament to ...")."""
    asking = {r.block for r in read}
    if len(asking) < 2:
        return read  # one block asks: there is no other to be its translation
    languages = {index: _prose_language(blocks[index]) for index in asking}
    if words.language not in languages.values():
        return read
    return [r for r in read if languages[r.block] in (None, words.language)]


def _prose_language(block: Block) -> str | None:
    """The language of a block of prose, where it is long enough to tell."""
    if len(block.text) < MIN_PROSE_CHARS or not is_prose(block):
        return None
    return identify(block.text, LANGUAGES)


@dataclass(frozen=True)
class _Read:
    demand: Demand
    voice: str  # who asks: asks.Ask.voice, "own" for a list's items
    block: int
    listed: bool = False


def _kept(read: _Read, everything: list[_Read], lists: list[DemandList], words: Lexicon) -> bool:
    """A sentence ask beside a demand list restates it ("we call on you to ensure ..." before "we call on
    you to:"), unless it asks someone else and stands apart from the list's lead-in: after the list, or
    further back than the paragraph that leads up to it ("exigimos ao Governo que responda ao apelo ...",
    then two paragraphs of reasons, then "Apelamos a que ... e que:"). "The groups are calling on the
    President to ..." reports the letter that follows in the signers' own voice."""
    if read.listed:
        return True
    if _CLOCK_TIME.search(read.demand.text):
        return False  # "We invite everyone to our panel ... on Tuesday September 8, at 5:30 PM": an event, not an ask
    if read.voice == "named" and any(other.voice in ("own", "text") for other in everything):
        return False
    asking = [other for other in everything if other.voice not in _IMPERATIVE]
    if read.voice == "imperative" and not any(other.block == read.block for other in asking):
        return False  # "Refuse to contribute ..." asks where the paragraph asks: "We urge those ... to stop ..."
    if read.voice == "please" and not asking:
        return False
    if not lists:
        return True
    addressees = [leading.addressee for found in lists for leading in [found.lead_in, *found.leads()]
                  if leading.addressee]
    return (read.demand.addressee is not None
            and not any(_same_party(read.demand.addressee, other, words) for other in addressees)
            and all(found.start < read.block or found.start - read.block > LEAD_UP_BLOCKS for found in lists))


_CLOCK_TIME = re.compile(r"(?<![\d.:])(?:\d{1,2}:\d{2}(?![\d:])|\d{1,2}h\d{2}(?!\w)"
                         r"|\d{1,2}(?:\.\d{2})?\s?(?:h|hs|hrs|uhr|am|pm|a\.m\.|p\.m\.)(?!\w))", re.I)


def _same_party(one: str, other: str, words: Lexicon) -> bool:
    """ "das KIT" and "das KIT-Präsidium, den KIT-Senat und die KIT-Ethikkommission": one party where the
    names share a word of their own, not only function words."""
    small = function_words_and_english(words.language)
    names = [{word for word in _WORD.findall(fold(text)) if word not in small} for text in (one, other)]
    return one.casefold() == other.casefold() or bool(names[0] & names[1])


_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.I)


def _readable(blocks: list[Block]) -> list[Block]:
    """The blocks demands are read from: compatibility characters written plainly (the "ﬁ" ligature of
    a text copied from a PDF), web addresses left out, without the translation in another alphabet
    that some bilingual pages give after each paragraph, so that asking paragraphs stay one run, and a
    paragraph under a number set apart ("01", then "Sponsoriser ...") an item of a numbered list. Every
    language read here is written in the Latin alphabet."""
    readable = []
    numbered = False
    for block in blocks:
        if in_another_script(block.text):
            continue
        if _NUMBER_ALONE.fullmatch(block.text.strip()):  # "01" set apart above the paragraph it numbers
            numbered = True
            continue
        if numbered and block.kind == "paragraph":
            block = replace(block, kind="item", marker="number")
        numbered = False
        if _WEB_ADDRESS.search(block.text):  # ".../activists-urge-Govt-to-withdraw-...": an address asks nothing
            block = replace(block, text=_WEB_ADDRESS.sub("", block.text).strip(),
                            lines=tuple(_WEB_ADDRESS.sub("", line).strip() for line in block.lines))
        if not unicodedata.is_normalized("NFKC", block.text):
            block = replace(block, text=unicodedata.normalize("NFKC", block.text),
                            lines=tuple(unicodedata.normalize("NFKC", line) for line in block.lines))
        readable.append(block)
    return _sub_lists_set_apart(readable)


def _sub_lists_set_apart(blocks: list[Block]) -> list[Block]:
    """Items marked another way right after an item that ends with a colon, at its level: "1. Divest from the
    following:", then "* All fossil fuel industries", "* The arms trade", then "2. Reinvest ...". Written without
    indenting, they are still that item's sub-list, a level deeper."""
    set_apart = []
    opener: Block | None = None  # the item whose colon opened the sub-list we are in
    for block in blocks:
        if block.kind != "item":
            opener = None
        elif opener is not None and block.level == opener.level and block.marker != opener.marker:
            block = replace(block, level=block.level + 1)
        else:
            opener = block if _bare(block.text).endswith(":") and block.marker else None
        set_apart.append(block)
    return set_apart


def _with_lead_ins_apart(blocks: list[Block]) -> list[Block]:
    """ "Wir fordern: Schutzsuchende müssen Zuflucht bekommen. Sie dürfen nicht abgewiesen werden. Keine
    Abschottung.": a paragraph whose opening sentence ends in a colon before several sentences is a lead-in over
    its items, set as prose; read as a lead-in over a paragraph of one sentence per line."""
    apart: list[Block] = []
    for block in blocks:
        colon = _LEAD_COLON.search(block.text) if block.kind == "paragraph" else None
        after = sentences(block.text[colon.end():]) if colon else []
        if colon is None or len(after) < MIN_ITEMS_AFTER_COLON or not all(s.endswith(_SENTENCE_END) for s in after):
            apart.append(block)
            continue
        apart += [Block("paragraph", block.text[:colon.end()].strip()),
                  Block("paragraph", " ".join(after), lines=tuple(after))]
    return apart


_NUMBER_ALONE = re.compile(r"\(?\d{1,2}[.)]?")
_LEAD_COLON = re.compile(r"^[^.!?:;]{1,200}:\s+(?=[A-ZÀ-Þ])")
MIN_ITEMS_AFTER_COLON = 2


def _before_translation(blocks: list[Block], words: Lexicon) -> list[Block]:
    """A bilingual page repeats its demands after a heading such as "FR : ..."; count them once."""
    for index, block in enumerate(blocks):
        if index and block.kind == "heading" and words.translation_heading.search(block.text):
            return blocks[:index]
    return blocks


def demand_lists(blocks: list[Block], words: Lexicon) -> list[DemandList]:
    found: list[DemandList] = []
    for index, block in enumerate(blocks[:-1]):
        if block.kind == "item" and not _leads_sub_items(blocks, index):
            continue
        items = _items_after(blocks, index, words)
        if not items:
            continue
        if _most([blocks[i] for i, _ in items], lambda item: item.linked):
            continue  # "Synthèse des revendications:" over links to documents: what they ask is elsewhere
        texts = [text for _, text in items]
        reading = _lead_in_reading(block, words)
        if reading is None:  # "The problems we have, and our best ideas for them, are:" over items that ask
            if _bare(block.text).endswith(":") and (_most(texts, lambda text: _asks_itself(text, words))
                                                    or _imperatives(items, blocks, words)
                                                    or _we_hold_these_must_be(block, texts, words)):
                found.append(DemandList(index, block.text, tuple(items), LeadIn(None, None)))
            elif _addresses(block, words) and _most(texts, lambda text: reads_as_ask(text, words)):
                addressee = words.determiners.sub("", words.addressed_to.sub("", _bare(block.text)).rstrip(":： "))
                found.append(DemandList(index, block.text, tuple(items), LeadIn(addressee, None)))
            elif _proposes(block, texts, words) or _points_to_demands(block, texts, words):
                found.append(DemandList(index, block.text, tuple(items), LeadIn(None, None)))
            continue
        sentence, leading, rest = reading
        if words.list_pointer.search(rest) and _most(texts, lambda text: not _states(text, words)):
            rest = ""  # "take the following steps:" over what is to be done, not over arguments
        if _introduces(block, rest) and _items_are_demands(texts, rest, words) or \
                _spelled_out(block, items, blocks, words):
            found.append(DemandList(index, sentence, tuple(items), leading))
        elif _points_to_demands(block, texts, words):
            found.append(DemandList(index, block.text, tuple(items), LeadIn(None, None)))
    claimed = {index for each in found for index, _ in each.items}
    return found + _lists_of_asks(blocks, claimed, words)


def _lists_of_asks(blocks: list[Block], claimed: set[int], words: Lexicon) -> list[DemandList]:
    """Items that each open with an ask verb, whatever comes before them: "- Call on the FCDO to ...",
    "- Urge the authorities to ..."."""
    found: list[DemandList] = []
    index = 0
    while index < len(blocks):
        if blocks[index].kind != "item" or index in claimed:
            index += 1
            continue
        run = _run(blocks, index, "item")
        own = _with_grouped_items(blocks, run, words)  # "- Call on X to ...", under it the details of that ask
        opening = [opening_ask(_LEADING_SYMBOLS.sub("", blocks[i].text), words) for i in own]
        if len(own) >= 2 and _most(opening, lambda ask: ask is not None):
            found.append(DemandList(None, "", tuple((i, blocks[i].text) for i in own), LeadIn(None, None),
                                    tuple(LeadIn(ask.addressee if ask else None, None) for ask in opening)))
        index = run[-1] + 1
    return found


def names_demands(title: str, words: Lexicon) -> bool:
    """ "Demands to H&M", "Unsere Forderungen", "Nos revendications :": a short title naming demands."""
    return _word_count(title) <= MAX_DEMAND_HEADING_WORDS and words.demand_noun.search(title) is not None


def _word_count(text: str) -> int:
    """Words as spaces part them, without marks that stand alone (the space French sets before a colon)."""
    return sum(1 for token in text.split() if any(character.isalnum() for character in token))


def _lists_that_ask(blocks: list[Block], claimed: set[int], words: Lexicon) -> list[DemandList]:
    """The page's lists, where at least half their items read as asks ("pay workers a living wage", "ensure
    that ...") and none is a list of names: under a title naming demands, sections split one list of them."""
    runs: list[list[int]] = []
    index = 0
    while index < len(blocks):
        if blocks[index].kind != "item" or index in claimed:
            index += 1
            continue
        run = _run(blocks, index, "item")
        runs.append(_with_grouped_items(blocks, run, words))  # an ask's details under it are part of it
        index = run[-1] + 1
    texts = [blocks[i].text for run in runs for i in run]
    if not texts or sum(reads_as_ask(text, words) or heads_an_action(text, words) for text in texts) * 2 < len(texts) \
            or any(_looks_like_name(text, words) for text in texts):
        return []
    return [DemandList(None, "", tuple((i, blocks[i].text) for i in run), LeadIn(None, None)) for run in runs]


def _most(values: list[T], test: Callable[[T], bool]) -> bool:
    """Whether more than half of the values pass the test."""
    return sum(1 for value in values if test(value)) * 2 > len(values)


def _addresses(block: Block, words: Lexicon) -> bool:
    """ "To the Government of China", "An die Bundesregierung": a heading, or a line of its own ending in a colon
    ("**To the Government of Ruritania:**"), that names whom the items under it ask."""
    text = _bare(block.text)
    labelled = block.kind == "heading" or block.kind == "paragraph" and text.endswith(":")
    return labelled and words.addressed_to.match(text) is not None and \
        words.party.search(text) is not None and len(text.split()) <= MAX_DEMAND_HEADING_WORDS


def _proposes(block: Block, texts: list[str], words: Lexicon) -> bool:
    """ "Por todo ello, PROPONEMOS" over "que las administraciones agoten ...", "que todos los grupos se sumen
    ...": a line that only proposes, over items that each say what is to be done in a clause of their own; or the
    signers' own "We propose:", "Wir empfehlen:" over items most of which open with an action or ask ("The
    withdrawal of the plan", "Release the detainees"), not over a programme ("Un atelier le 3 mai")."""
    if words.proposal_lead.match(_bare(block.text)) is None:
        return False
    bare = [_LEADING_SYMBOLS.sub("", text).lstrip(" ,") for text in texts]
    return all(words.that_clause.match(text) for text in bare) or \
        in_first_person_plural(block.text, words) and _most(bare, lambda text: heads_an_action(text, words)
                                                             or reads_as_ask(text, words))


def _imperatives(items: list[tuple[int, str]], blocks: list[Block], words: Lexicon) -> bool:
    """ "Draai per direct de transitie om ...", "Gebruik uw invloed ...": paragraphs after a colon that each open with
    an imperative, in a language whose imperative has a form of its own (in English "Create a loophole ..." under
    "The bill would:" is what the bill does)."""
    return words.imperative_is_stem and all(blocks[index].kind == "paragraph" and reads_as_ask(text, words)
                                            for index, text in items)


def _we_hold_these_must_be(block: Block, texts: list[str], words: Lexicon) -> bool:
    """ "Nous, acteurs de la publication scientifique, affirmons que :" over items that each say what must be ("L’accès
    ouvert doit s’accompagner ..."): the signers, in the first person, put forward obligations as their own."""
    return in_first_person_plural(block.text, words) and len(texts) >= MIN_SPELLED_OUT_ITEMS and \
        _most(texts, lambda text: words.obligation.search(text) is not None)


def _asks_itself(text: str, words: Lexicon) -> bool:
    """ "Issues are often filed without ... We'd like issues to gain custom fields": an item with an ask of its own."""
    return any(sentence_asks(sentence, words) for sentence in sentences(text))


def _asks_before_the_list(found: DemandList, words: Lexicon) -> list[tuple[Demand, str]]:
    """What an introducing sentence asks before the ask it leaves open to the list: "Apelamos a que o governo
    investigue esta situação e que, até lá, retire a bandeira do navio, e que:" asks two things itself."""
    if found.lead_index is None or not words.open_tail.search(found.lead_sentence):
        return []
    asks = []
    for demand, voice in _sentence_demands(found.lead_sentence, words):
        text = words.open_tail.sub("", demand.text)
        if _PHRASE_END.sub("", text).strip():
            asks.append((replace(demand, text=text), voice))
    return asks


def _lead_in_reading(block: Block, words: Lexicon) -> tuple[str, LeadIn, str] | None:
    """The sentence of a block that asks for what follows, whom it asks, and what it leaves to the list
    ("" after "We call on X to:" or "Wir fordern:"; a short line naming demands, "Our demands" set in
    bold as much as a heading). None when the block asks nothing of its own."""
    if _names_demands_alone(block, words):
        return block.text, LeadIn(None, None), ""
    split = sentences(_as_a_lead_in(block))
    if split and _hands_over_demands(split[-1], words) and lead_in(split[-1], words) is None:
        return split[-1], LeadIn(None, None), ""
    for position, sentence in enumerate(reversed(split)):
        found = lead_in(sentence, words)
        if found is not None:
            rest = found[2] if position == 0 else _bare(split[-1])  # "..., dabei drei Handlungsfelder:"
            addressee = found[0]
            if words.open_tail.search(sentence):  # "Apelamos a que o governo investigue ... e que:"
                rest = ""
            elif position == 0 and addressed_only(rest, words) is not None:
                rest, addressee = "", addressee or addressed_only(rest, words)  # "Nous demandons au gouvernement :"
            elif position == 0 and says_only_when_or_how(rest, words):
                rest = ""  # "Nous exigeons dans les plus brefs délais :"
            elif position == 0 and _points_on_alone(rest, sentence, words):
                rest = ""  # "Demandamos lo siguiente:", "We ask the following:"
            elif position == 0 and words.connectives.fullmatch(rest):
                rest = ""  # "Nous exigeons donc :", "Exigimos, por lo tanto:"
            return sentence, LeadIn(addressee, found[1]), rest
    return None


def _as_a_lead_in(block: Block) -> str:
    """ "What we ask", "Was wir wollen" as a heading, or set in bold as one: it introduces what stands under it as a
    colon does (a short line of its own may end a paragraph of prose without a full stop, and ask nothing of a list
    after it)."""
    text = _bare(block.text)
    if (block.kind == "heading" or block.bold) and text and text[-1].isalnum():
        return text + ":"
    return block.text


def _points_on_alone(rest: str, sentence: str, words: Lexicon) -> bool:
    """ "lo siguiente", "the following" before the colon: what is asked is the list after it."""
    return _bare(sentence).endswith(":") and len(rest.split()) <= MAX_POINTER_WORDS \
        and words.list_pointer.search(rest) is not None


MAX_POINTER_WORDS = 3  # "the following", "lo siguiente", "ce qui suit"


def _hands_over_demands(sentence: str, words: Lexicon) -> bool:
    """ "An die künftige Bundesregierung richten wir ferner diese konkreten Forderungen:", "Presentamos nuestras
    propuestas:", "Wir schließen uns diesem Appell an:": the signers, in the first person, name what follows as their
    demands, or as the appeal they join."""
    bare = _bare(sentence)
    closing = " ".join(bare.split()[-DEMAND_NOUN_REACH:])  # not "the letter we sent included five demands, and ...:"
    named = words.demand_noun.search(closing) or words.appeal_noun.search(closing)
    return bare.endswith(":") and named is not None and in_first_person_plural(sentence, words)


def _points_to_demands(block: Block, texts: list[str], words: Lexicon) -> bool:
    """ "The following demands should be met before resuming in-person learning", "Our demands are as follows": the
    block's last sentence points to what follows as the demands, in whatever voice and with or without a colon,
    over items that name what is to be done or say what must be, rather than what is."""
    sentence = _bare(last_sentence(block.text))
    pointed = any(words.list_pointer.search(sentence[max(0, noun.start() - POINTER_REACH):noun.end() + POINTER_REACH])
                  or _counted(sentence[:noun.start()], words) == len(texts)
                  for noun in words.demand_noun.finditer(sentence))
    return pointed and _most(texts, lambda text: not _states(text, words) or words.obligation.search(text) is not None)


POINTER_REACH = 20  # characters either side of "demands": "the following", "as follows"


def _counted(before_noun: str, words: Lexicon) -> int | None:
    """ "The protestors have three demands:", "unsere 5 zentralen Forderungen": the number the last word or the one
    before it gives the noun that follows; as many items after it are those demands."""
    for word in reversed(before_noun.split()[-2:]):
        if word.isdigit():
            return int(word)
        if fold(word) in words.count_words:
            return words.count_words[fold(word)]
    return None


def _bare(text: str) -> str:
    return text.strip().strip("*_ ").strip()


def _spelled_out(block: Block, items: list[tuple[int, str]], blocks: list[Block], words: Lexicon) -> bool:
    """ "Today we demand immediate, industry-wide change." over items that each ask ("... Companies must pay a hazard
    bonus", "Proper care must be provided"): a paragraph in which the signers ask, then a list of items each of which
    asks or says what must be, is the ask spelled out item by item."""
    return block.kind == "paragraph" and len(items) >= MIN_SPELLED_OUT_ITEMS and all(
        blocks[index].kind == "item" and (_asks_itself(text, words) or words.obligation.search(text))
        for index, text in items)


def _introduces(block: Block, rest: str) -> bool:
    """A lead-in introduces what follows with a colon, or by leaving its ask open ("call on X to")."""
    return _bare(block.text).endswith(":") or not rest


def _items_after(blocks: list[Block], index: int, words: Lexicon) -> list[tuple[int, str]]:
    """What a block may introduce: list items; after a colon, lines that each state one thing, paragraphs
    that each ask ("Release ...", "Ensure ..."), or headings numbered one by one ("1. Fim aos despejos")."""
    following = blocks[index + 1]
    if following.kind == "item":
        items = _own_items(blocks, index)
        run = [i for i in items if blocks[i].level <= max(following.level, 1)]
        return [(i, blocks[i].text) for i in _with_grouped_items(blocks, items, words) + _continued(blocks, run, words)]
    if following.kind == "heading" and blocks[index].kind == "heading" and following.level > blocks[index].level:
        grouped = _items_under_labels(blocks, index, words) if _names_demands_alone(blocks[index], words) else []
        return grouped or _numbered_headings(blocks, index) or _headings_under_demands(blocks, index)
    if following.kind == "paragraph" and _names_demands_alone(blocks[index], words):
        leads = _bold_leads(blocks, index + 1)  # "Our demands", then "**Release ...** The government has ..."
        if len(leads) >= 2:
            return leads
    if not _bare(blocks[index].text).endswith((":", ";")) and not _ask_verb_alone(blocks[index], words):
        return []
    if following.kind == "line":
        run = _run(blocks, index + 1, "line")
        split = sentences(following.text) if len(run) == 1 else []
        if len(split) >= MIN_ITEMS_AFTER_COLON:  # "We demand:", then one line: "Free them. Return their ..."
            return [(index + 1, sentence) for sentence in split]
        return [(i, blocks[i].text) for i in run]
    if following.kind == "row":  # "Our demands:" over a table: the column that asks, else each row's longest cell
        rows = [i for i in _run(blocks, index + 1, "row") if not blocks[i].header]
        if len(rows) < 2:
            return []
        column = _asking_column([blocks[i].cells for i in rows], words)
        return [(i, blocks[i].cells[column] if column is not None else max(blocks[i].cells, key=len)) for i in rows]
    if following.kind == "heading":
        return _numbered_headings(blocks, index)
    if following.kind == "paragraph" and following.lines and all(
            line.endswith((".", ";", "!")) for line in following.lines):
        return [(index + 1, line) for line in following.lines]
    numbered = _numbered_paragraphs(blocks, index + 1)
    if len(numbered) >= MIN_ITEMS_AFTER_COLON:  # "defendem:", then "1- A localização ...", "2- Os projetos ..."
        return [(i, blocks[i].text) for i in numbered]
    open_ask = _leaves_its_ask_open(blocks[index], words)
    asking = [i for i in _run(blocks, index + 1, "paragraph")]
    asking = asking[:next((n for n, i in enumerate(asking) if not (
        reads_as_ask(blocks[i].text, words) or open_ask and _completes_the_ask(blocks[i].text, words))),
        len(asking))]
    if len(asking) == 1 and open_ask and not _only_a_clause(blocks[asking[0]].text, words):
        return [(asking[0], blocks[asking[0]].text)]  # "nous appelons nos représentants à :", then the one demand
    return [(i, blocks[i].text) for i in asking] if len(asking) >= 2 else []


def _names_what_is_asked(text: str, words: Lexicon) -> bool:
    """ "The immediate release of ...", "An end to ..." under "We demand:"; not "The signatories call on the
    Government to:", which leads into a list of its own."""
    return heads_an_action(text, words) and not _bare(text).endswith((":", "："))


def _completes_the_ask(text: str, words: Lexicon) -> bool:
    """What a paragraph after an ask left open ("Nous exigeons :") asks: an action named ("The immediate release
    of ..."), a clause of its own ("Que se garantice la seguridad ..."), or a thing named with what it is of that
    states nothing ("Le retrait du projet de loi"); not a lead-in of its own, nor prose."""
    if _bare(text).endswith((":", "：")) or len(text.split()) > MAX_COMPLETING_WORDS:
        return False
    bare = _LEADING_SYMBOLS.sub("", text).strip()
    return _names_what_is_asked(bare, words) or words.that_clause.match(bare) is not None \
        or (opens_with_noun_of(bare, words) or names_a_thing(bare, words)) and not _states(bare, words)


MAX_COMPLETING_WORDS = 80  # a demand set in a paragraph of its own; an explanation runs longer


def _only_a_clause(text: str, words: Lexicon) -> bool:
    """ "That all children in BC attend safe schools" alone after the lead-in: a principle that heads the
    paragraphs under it, where several such clauses in a row each ask."""
    bare = _LEADING_SYMBOLS.sub("", text).strip()
    return words.that_clause.match(bare) is not None and not reads_as_ask(bare, words)


def _asking_column(rows: list[tuple[str, ...]], words: Lexicon) -> int | None:
    """The one column most of whose cells ask ("Release all political prisoners" beside "Hundreds have been
    detained since January."), or None."""
    width = min(len(cells) for cells in rows)
    asking = [column for column in range(width) if _most([cells[column] for cells in rows],
                                                         lambda cell: reads_as_ask(cell, words))]
    return asking[0] if len(asking) == 1 else None


def _ask_verb_alone(block: Block, words: Lexicon) -> bool:
    """ "EXIGIMOS", "Wir fordern", "We demand" on a line of their own: an ask left open as a colon leaves it."""
    text = _bare(block.text)
    return len(text.split()) <= MAX_ASK_ALONE_WORDS and not text.endswith(_SENTENCE_END) and \
        _leaves_its_ask_open(block, words)


MAX_ASK_ALONE_WORDS = 3


def _leaves_its_ask_open(block: Block, words: Lexicon) -> bool:
    """ "We call on our representatives to:": a lead-in whose ask the next paragraph completes."""
    reading = _lead_in_reading(block, words)
    return reading is not None and reading[2] == ""


def _numbered_paragraphs(blocks: list[Block], start: int) -> list[int]:
    """Paragraphs numbered 1, 2, 3 ... one after another from `start`: a list written as paragraphs."""
    found: list[int] = []
    for i in _run(blocks, start, "paragraph"):
        number = _NUMBERED.match(blocks[i].text)
        if number is None or int(re.sub(r"\D", "", number.group())) != len(found) + 1:
            break
        found.append(i)
    return found


def _numbered_headings(blocks: list[Block], index: int) -> list[tuple[int, str]]:
    """Headings numbered one by one after a lead-in ("1. Fim aos despejos", "2. ..."), at the first one's level."""
    following = blocks[index + 1]
    if not _NUMBERED.match(following.text):
        return _counted_headings(blocks, index)
    return [(i, blocks[i].text) for i in range(index + 1, len(blocks))
            if blocks[i].kind == "heading" and blocks[i].level == following.level
            and _NUMBERED.match(blocks[i].text) and not _later_heading_between(blocks, index + 1, i)]


def _counted_headings(blocks: list[Block], index: int) -> list[tuple[int, str]]:
    """Headings that a bare number counts one by one from 1 ("1 Ensure Users Have Access ...", "2 Protect Our
    Data"), with no dot to say it is a list's: the count itself says so. The number is left out."""
    level = blocks[index + 1].level
    found = []
    for i in range(index + 1, len(blocks)):
        block = blocks[i]
        if block.kind != "heading" or block.level > level:
            continue
        counted = _BARE_COUNT.match(block.text)
        if block.level < level or counted is None or int(counted.group(1)) != len(found) + 1:
            break
        found.append((i, block.text[counted.end():]))
    return found if len(found) >= MIN_COUNTED_HEADINGS else []


_BARE_COUNT = re.compile(r"^(\d{1,2})\s+(?=[^\W\d_])")
MIN_COUNTED_HEADINGS = 3


def _items_under_labels(blocks: list[Block], index: int, words: Lexicon) -> list[tuple[int, str]]:
    """ "## Aanbevelingen", then "### Voor de Publieke Sector" over "1. Veranker ...", "2. Richt ... op", and "### Voor
    Wetgeving" over more: under a heading that names demands, headings that only say whom a group of them concerns
    (none asks), and the items of the groups."""
    level = blocks[index].level
    items: list[tuple[int, str]] = []
    for i in range(index + 1, len(blocks)):
        block = blocks[i]
        if block.kind == "heading" and (block.level <= level or reads_as_ask(block.text, words)):
            break
        if block.kind == "item" and block.level <= 1:
            items.append((i, block.text))
    return items if len(items) >= MIN_GROUPED_ITEMS else []


MIN_GROUPED_ITEMS = 2


def _headings_under_demands(blocks: list[Block], index: int) -> list[tuple[int, str]]:
    """ "## Our demands", then "### Release all political prisoners", "### Repeal the law", each over its reasons:
    the headings of the sections under a heading (demand_lists keeps them where it names demands)."""
    level = blocks[index + 1].level
    found = []
    for i in range(index + 1, len(blocks)):
        if blocks[i].kind == "heading" and blocks[i].level <= blocks[index].level:
            break
        if blocks[i].kind == "heading" and blocks[i].level == level:
            found.append((i, blocks[i].text))
    return found if len(found) >= 2 else []


def _names_demands_alone(block: Block, words: Lexicon) -> bool:
    """A heading, or a line of its own, that names demands and nothing else: "Our demands", "Unsere Forderungen";
    a longer line that a demand noun heads and a colon ends: "Demands of the coalition to the city council:"."""
    text = _bare(block.text)
    if block.kind != "heading" and text.endswith(_SENTENCE_END):
        return False
    return names_demands(text, words) or text.endswith(":") and _headed_by_demands(text, words)


def _headed_by_demands(text: str, words: Lexicon) -> bool:
    noun = words.demand_noun.search(text)
    return noun is not None and _word_count(text) <= MAX_DEMAND_LEAD_WORDS and \
        _word_count(text[:noun.start()]) < DEMAND_HEAD_REACH


def _bold_leads(blocks: list[Block], start: int) -> list[tuple[int, str]]:
    """The bold or linked openings of the paragraphs from start on, while each has one."""
    leads = []
    for i in range(start, len(blocks)):
        if blocks[i].kind != "paragraph" or not blocks[i].lead:
            break
        leads.append((i, blocks[i].lead))
    return leads


def _leads_sub_items(blocks: list[Block], index: int) -> bool:
    """An item that ends with a colon over deeper items: "6. ... recomendamos que el DANE realice una
    evaluación de la siguiente manera:", then "1. Se evalúe ...", "2. Se realicen ..."."""
    following = blocks[index + 1]
    return following.kind == "item" and following.level > blocks[index].level \
        and _bare(blocks[index].text).endswith(":")


def _own_items(blocks: list[Block], index: int) -> list[int]:
    """The items after a block, down to where the list they start ends: a lead-in that is itself an item
    ("6. ... recomendamos que ... de la siguiente manera:") leads its sub-items, not the items after them."""
    items = _run(blocks, index + 1, "item")
    level = blocks[index + 1].level
    end = next((n for n, i in enumerate(items) if blocks[i].level < level), len(items))
    return items[:end]


def _with_grouped_items(blocks: list[Block], items: list[int], words: Lexicon) -> list[int]:
    """The list's own items, where one that only labels a group of sub-items ("2. Maßnahmen gegen
    Mittäterschaft", then "1. die Offenlegung ...", "2. eine Überprüfung ...") gives way to them: a short
    label that neither asks nor opens them with a colon."""
    top = [i for i in items if blocks[i].level <= max(blocks[items[0]].level, 1)]
    chosen = []
    for position, index in enumerate(top):
        end = top[position + 1] if position + 1 < len(top) else items[-1] + 1
        children = [i for i in items if index < i < end and blocks[i].level == blocks[index].level + 1]
        chosen.extend(children if children and _labels_a_group(blocks[index].text, words) else [index])
    return chosen


def _labels_a_group(text: str, words: Lexicon) -> bool:
    bare = _bare(text)
    return len(bare.split()) <= MAX_GROUP_LABEL_WORDS and not bare.endswith((":", ".", ";")) \
        and not reads_as_ask(bare, words)


def _continued(blocks: list[Block], run: list[int], words: Lexicon) -> list[int]:
    """Later items of a list that text, headings and sub-lists interrupt: "A) Lead the implementation of
    these 7 policies", a paragraph and seven headed sections of sub-items, then "B) Introduce ..." and
    "C) Meet with us ...". They stand at the list's own level and ask; an item there that does not ask,
    or a new list at that level after a colon, ends it."""
    if not run:
        return []
    level = blocks[run[0]].level
    found = []
    for index in range(run[-1] + 1, len(blocks)):
        block = blocks[index]
        if block.kind == "item" and block.level == level:
            if not reads_as_ask(block.text, words):
                break
            if blocks[index - 1].kind != "item" and _bare(blocks[index - 1].text).endswith(":"):
                break
            found.append(index)
    return found


def _later_heading_between(blocks: list[Block], start: int, end: int) -> bool:
    """An unnumbered heading of the same or a higher level ends a run of numbered ones."""
    level = blocks[start].level
    return any(b.kind == "heading" and b.level <= level and not _NUMBERED.match(b.text) for b in blocks[start:end])


def _run(blocks: list[Block], start: int, kind: str) -> list[int]:
    """The blocks of a kind from start on; items marked another way ("a)" after "3.") start another list, unless
    they stand deeper, as a bulleted list inside a numbered item does."""
    run = []
    for index in range(start, len(blocks)):
        block = blocks[index]
        if block.kind != kind or block.marker != blocks[start].marker and block.level <= blocks[start].level:
            break
        run.append(index)
    return run


def _items_are_demands(items: list[str], rest: str, words: Lexicon) -> bool:
    """Items are demands when most read as asks; after an ask left open ("to:", "Wir fordern:") noun
    phrases and statements of the wished-for state count too. Names of organisations never do."""
    names = sum(_looks_like_name(item, words) for item in items)
    if names * 2 > len(items):
        return False
    if not rest:
        return True
    return sum(reads_as_ask(item, words) for item in items) * 2 > len(items)


def _states(item: str, words: Lexicon) -> bool:
    """ "The exclusion of the Mainland was a deliberate choice": an item that states, with a verb such as "was",
    not one that names what is to be done ("The release of all political prisoners")."""
    return any(words.auxiliary.fullmatch(token) for token in re.findall(r"[^\W\d_]+", item))


def _looks_like_name(item: str, words: Lexicon) -> bool:
    """ "Amnesty International", "Free Palestine Maastricht": short, in title case, not a sentence."""
    text = _LEADING_SYMBOLS.sub("", item).strip()
    tokens = text.split()
    if not tokens or len(tokens) > MAX_NAME_WORDS or text.endswith((".", ";", "!", ":")):
        return False
    small = function_words_and_english(words.language)
    if words.nouns_capitalised and not (has_organisation_word(text) or any(is_acronym(token) for token in tokens)):
        return False  # "Gute Kinderbetreuung", "Förder- und Sprachunterricht": German capitalises what is needed too
    return all(token[:1].isupper() or not token[:1].isalpha() or token.casefold() in small for token in tokens)



def reads_as_ask(item: str, words: Lexicon) -> bool:
    """ "Issue a public statement", "Ensuring that ...", "Exiger la libération", or in German a phrase
    ending on its infinitive: "Bestehende Regulierung wirkungsvoll umsetzen"."""
    text = _LEADING_SYMBOLS.sub("", item).strip()
    tokens = re.findall(r"[^\W\d_][\w’'-]*", text[:200])
    while tokens and tokens[0].casefold() in words.leading_words_to_skip:
        tokens.pop(0)
    if not tokens:
        return False
    if is_action_word(tokens[0], words.language) and not words.nouns_capitalised:
        return True
    if words.imperative_is_stem and is_imperative_stem(tokens[0], words.language):
        return True  # "Gebruik uw invloed ...", "Draai ... om"
    if words.infinitive is not None and not words.nouns_capitalised:
        return words.infinitive.fullmatch(tokens[0]) is not None or _ends_on_marked_infinitive(text, words)
    if words.nouns_capitalised:
        phrase = _PHRASE_END.split(text, maxsplit=1)[0].split()
        last = phrase[-1] if phrase else ""
        return last[:1].islower() and words.infinitive is not None and words.infinitive.fullmatch(last) is not None
    return False


def _ends_on_marked_infinitive(text: str, words: Lexicon) -> bool:
    """ "Alle gevangenen onmiddellijk vrij te laten": a phrase that ends on its marker and infinitive, where the verb
    of what is asked stands last."""
    phrase = _PHRASE_END.split(text, maxsplit=1)[0].split()
    marker = words.final_infinitive_marker
    return len(phrase) >= 3 and marker is not None and words.infinitive is not None \
        and marker.fullmatch(phrase[-2]) is not None and words.infinitive.fullmatch(phrase[-1]) is not None


def _block_demands(block: Block, words: Lexicon) -> list[tuple[Demand, str]]:
    if block.kind not in ("paragraph", "item", "line", "heading"):
        return []
    if block.kind == "heading" and not _NUMBERED.match(block.text):
        return []
    demands = []
    for sentence in _unquoted_sentences(block.text):
        found = _sentence_demands(sentence, words)
        labelled = _SENTENCE_LABEL.match(sentence)
        if not found and labelled and len(labelled.group(1).split()) <= MAX_SENTENCE_LABEL_WORDS:
            sentence = sentence[labelled.end():]  # "Prisoners: the Government must release ...": the label aside
            found = _sentence_demands(sentence, words)
        if not found and block.kind == "paragraph":
            found = [(_demand(sentence, ask, words), ask.voice) for ask in imperative_asks(sentence, words)]
        demands.extend(found)
    return demands


_SENTENCE_LABEL = re.compile(r"^([^:.!?]{1,60}):\s+(?=\S)")
MAX_SENTENCE_LABEL_WORDS = 4


def _unquoted_sentences(text: str) -> list[str]:
    """The sentences of a paragraph but those of a quotation several sentences long that someone is said
    to speak in it ("Stefane Fermigier rappelle « ... la France doit aussi se doter ... »"): what they ask
    is theirs. A paragraph quoted whole is the text itself, reprinted."""
    split = sentences(text)
    quotes = [match.span() for match in _QUOTATION.finditer(text)
              if len(_WORD.findall(text[:match.start()] + text[match.end():])) >= MIN_ATTRIBUTION_WORDS]
    if not quotes:
        return split
    kept, cursor = [], 0
    for sentence in split:
        start = text.find(sentence, cursor)
        cursor = start + len(sentence) if start >= 0 else cursor
        inner = len(sentence.rstrip(" .!?;:"))  # "... scientifiques »." closes the quotation, then the sentence
        if start < 0 or not any(begin <= start and start + inner <= end for begin, end in quotes):
            kept.append(sentence)
    return kept


def _sentence_demands(sentence: str, words: Lexicon) -> list[tuple[Demand, str]]:
    """Each item of "we support the demands of X: a, b and c", or each ask the sentence makes."""
    listed = words.demand_list.search(sentence)
    if listed and _ours_before(sentence[:listed.start()], words):
        items = split_inline_list(listed.group("items"), words, minimum=2)
        if items:
            return [(_item_demand(LeadIn(None, None), item, words), "own") for item in items]
    return [(demand, ask.voice) for ask in sentence_asks(sentence, words) for demand in _asks_of(sentence, ask, words)]


def _asks_of(sentence: str, ask: Ask, words: Lexicon) -> list[Demand]:
    """ "We demand the release of all detained journalists, the repeal of the security law and an independent
    investigation into the raids", "the immediate release of ..., an end to ...": an ask whose object is a list of
    actions, each named by its noun, asks for each."""
    aside = _ASIDE.match(sentence, ask.act, ask.end)  # "Exigim, per tant, l'aplicació de ..."
    act = sentence[aside.end() if aside else ask.act:ask.end]
    numbered = _numbered_inline(act)
    if numbered:
        return [_item_demand(LeadIn(ask.addressee, ask.target), item, words) for item in numbered]
    purpose = words.purpose.search(act)  # "..., i una revisió dels protocols, per tal de garantir ... i ..."
    items = split_inline_list(act[:purpose.start()] if purpose else act, words, minimum=2,
                              longest=MAX_NOMINAL_ASK_WORDS)
    if not items or not heads_an_action(items[0], words) or \
            not all(names_an_action(item, words) or heads_an_action(item, words) for item in items[1:]):
        return [_demand(sentence, ask, words)]
    if purpose:
        items[-1] += act[purpose.start():].rstrip(" .")
    first_end = sentence.find(items[0], ask.act) + len(items[0])
    return [_demand(sentence, replace(ask, end=first_end), words),
            *(_item_demand(LeadIn(ask.addressee, ask.target), item, words) for item in items[1:])]


MAX_NOMINAL_ASK_WORDS = 40


def _numbered_inline(act: str) -> list[str]:
    """ "1) the release of ...; 2) an inquiry into ...; 3) ...", "a) ... b) ...": what an ask numbers in its own
    sentence, counted from one (or "a") in order, each a demand; none where it numbers nothing."""
    marks = list(_INLINE_NUMBER.finditer(act))
    expected = [str(n) for n in range(1, len(marks) + 1)], [chr(ord("a") + n) for n in range(len(marks))]
    if len(marks) < MIN_ITEMS_AFTER_COLON or [m.group("n") for m in marks] not in expected:
        return []
    ends = [m.start() for m in marks[1:]] + [len(act)]
    return [act[mark.end():end].strip(" ;,.") for mark, end in zip(marks, ends, strict=True)]


_INLINE_NUMBER = re.compile(r"(?:^|(?<=\s))\(?(?P<n>\d{1,2}|[a-z])\)\s+")
_ASIDE = re.compile(r"\s*,[^,]{1,25},\s*")


def _demand(sentence: str, ask: Ask, words: Lexicon) -> Demand:
    act = sentence[ask.act:ask.end]
    return Demand(position=0, addressee=ask.addressee, target=ask.target, verb=leading_verb(act, words),
                  text=sentence[ask.start:ask.end].strip(), action_category=action_category(act, words.language))


def _ours_before(text: str, words: Lexicon) -> bool:
    if words.ask_subject.search(text) or words.signers_named.search(text):
        return True
    return words.first_person_verb is not None and any(
        words.first_person_verb.fullmatch(word) for word in text.split())


def _item_demand(leading: LeadIn, text: str, words: Lexicon) -> Demand:
    text = _NUMBERED.sub("", _LEADING_SYMBOLS.sub("", text).strip(), count=1)
    return Demand(position=0, addressee=leading.addressee, target=leading.target, verb=leading_verb(text, words),
                  text=text, action_category=action_category(text, words.language))


def _without_repeated_asks(read: list[_Read], words: Lexicon) -> list[_Read]:
    """A sentence that asks again what a list item or an earlier ask asks, in other words ("We call for
    Huang Xueqin and Wang Jianbing to be released immediately" after "calling on the authorities to release
    without delay Huang Xueqin and Wang Jianbing"): most of the shorter one's words are the other's, an
    action among them; names alone do not make two asks one. Of two that ask the same, the signers' own
    ask stays rather than a sentence that only says it is time for it ("it is time to discuss X", then
    "we call on you to reconsider X")."""
    contents = [_content(r.demand.text, words) for r in read]
    kept = []
    for index, current in enumerate(read):
        repeated = not current.listed and any(
            _same_ask(contents[index], contents[other])
            for other in range(len(read)) if other != index and _before(read, other, index))
        if not repeated:
            kept.append(current)
    return kept


def _before(read: list[_Read], one: int, other: int) -> bool:
    """Whether `one` is the ask to keep where it and `other` ask the same: a list item, then the signers'
    own words, then the earlier."""
    strength = [2 if r.listed else 0 if r.voice == "text" else 1 for r in (read[one], read[other])]
    return strength[0] > strength[1] or (strength[0] == strength[1] and (one < other or read[one].listed))


def _content(text: str, words: Lexicon) -> _Content:
    """The stems of a demand's words that carry its content: not function words, fillers or the ask verbs
    themselves ("call", "urge")."""
    small = function_words_and_english(words.language)
    stems, actions, common = set(), set(), set()
    for word in re.findall(r"[^\W\d_]{4,}", text):
        folded = word.casefold()
        level = word_level(word, words.language)
        if folded in small or folded in words.leading_words_to_skip or level == 1:
            continue
        stem = fold(word)[:STEM_CHARS]
        stems.add(stem)
        if level is not None:
            actions.add(stem)
        if word[:1].islower():
            common.add(stem)
    return _Content(frozenset(stems), frozenset(actions), frozenset(common))


@dataclass(frozen=True)
class _Content:
    stems: frozenset[str]
    actions: frozenset[str]  # "released": what is to be done
    common: frozenset[str]  # words written in lower case, where names are not


def _same_ask(one: _Content, other: _Content) -> bool:
    """Most of the shorter ask's stems are the other's, and what they share is more than names: an action,
    or two common words ("rechace las objeciones presidenciales" and "rechazar las objeciones del Presidente")."""
    shared = one.stems & other.stems
    if len(shared) < MIN_SHARED_STEMS or len(shared) < RESTATED_SHARE * min(len(one.stems), len(other.stems)):
        return False
    return bool(shared & (one.actions | other.actions)) or len(shared & (one.common | other.common)) >= 2


def _without_restatements(demands: list[Demand]) -> list[Demand]:
    """A summary list that a fuller one repeats ("Regulierung zielgerichtet ergänzen", then
    "Regulierung zielgerichtet ergänzen: Das wichtigste Ziel ..."), or one ask said twice, counts once."""
    keys = [" ".join(re.findall(r"\w+", fold(demand.text))) for demand in demands]
    kept = []
    for index, demand in enumerate(demands):
        key = keys[index]
        repeated = any(other.startswith(key) and (len(other) > len(key) or later < index)
                       for later, other in enumerate(keys) if later != index and key)
        if not repeated:
            kept.append(demand)
    return kept
