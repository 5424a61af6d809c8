"""Demands: the asks of a statement, with who is called on (addressee) and who must act (target)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Demand
from .actions import action_category, leading_verb
from .blocks import Block
from .inline import split_inline_list
from .lexicon import Lexicon
from .sentences import sentences

MAX_INTRO_WORDS = 8
_CLAUSE_START = re.compile(r"(?:[;:]|,\s+(?:and|but|so|while)\b|\s(?:and|but)\s+(?=we\b))\s*", re.I)


@dataclass(frozen=True)
class LeadIn:
    addressee: str | None
    target: str | None


def last_sentence(text: str) -> str:
    split = sentences(text)
    return split[-1] if split else ""


def read_lead_in(sentence: str, words: Lexicon) -> LeadIn | None:
    """Addressee and target of an ask sentence; None when the sentence asks nothing.

    "We call on governments to join together to call on China to" gives addressee
    governments and target China: the first party called on, and the last.
    """
    parties = [_party(match.group("addressee"), words) for match in words.asks(sentence)]
    if parties:
        target = parties[-1] if len(parties) > 1 and parties[-1] != parties[0] else None
        return LeadIn(addressee=parties[0], target=target)
    if words.ask_without_addressee.search(sentence):
        return LeadIn(addressee=None, target=None)
    return None


def _party(text: str, words: Lexicon) -> str:
    """ "the Government of India, specifically Mr X" gives "Government of India"."""
    return words.determiners.sub("", text.split(",")[0].strip())


def find_demands(blocks: list[Block], words: Lexicon) -> list[Demand]:
    """Items listed after an ask lead-in; failing any list, each of our own ask sentences is one demand."""
    blocks = _before_translation(blocks, words)
    demands = _listed_demands(blocks, words)
    return demands if demands else _sentence_demands(blocks, words)


def _before_translation(blocks: list[Block], words: Lexicon) -> list[Block]:
    """A bilingual page repeats its demands after a heading such as "FR : ..."; count them once."""
    for index, block in enumerate(blocks):
        if index and block.kind == "heading" and words.translation_heading.search(block.text):
            return blocks[:index]
    return blocks


def _listed_demands(blocks: list[Block], words: Lexicon) -> list[Demand]:
    demands: list[Demand] = []
    for index, block in enumerate(blocks[:-1]):
        if block.kind == "item":
            continue
        items = _items_after(blocks, index)
        lead_in = read_lead_in(last_sentence(block.text), words) if items else None
        if lead_in is None:
            continue
        for item in items:
            demands.append(_demand(len(demands) + 1, lead_in, item, words))
    return demands


def _items_after(blocks: list[Block], index: int) -> list[str]:
    """What a lead-in introduces: list items, or after a colon lines that each state one thing."""
    following = blocks[index + 1]
    if following.kind == "item":
        return [b.text for b in _run(blocks, index + 1, "item") if b.level <= 1]
    if not blocks[index].text.rstrip().endswith((":", ";")):
        return []
    if following.kind == "line":
        return [b.text for b in _run(blocks, index + 1, "line")]
    if following.kind == "paragraph" and all(line.endswith((".", ";", "!")) for line in following.lines):
        return list(following.lines)
    return []


def _run(blocks: list[Block], start: int, kind: str) -> list[Block]:
    run = []
    for block in blocks[start:]:
        if block.kind != kind:
            break
        run.append(block)
    return run


def _sentence_demands(blocks: list[Block], words: Lexicon) -> list[Demand]:
    demands: list[Demand] = []
    for block in blocks:
        if block.kind not in ("paragraph", "item", "line"):
            continue
        for sentence in sentences(block.text):
            for lead_in, text, ask in _sentence_asks(sentence, words):
                demands.append(_demand(len(demands) + 1, lead_in, text, words, ask=ask))
    return demands


def _sentence_asks(sentence: str, words: Lexicon) -> list[tuple[LeadIn, str, bool]]:
    """The demands one sentence makes: each item of "we support the demands of X: a, b and c",
    or the sentence's asking clause."""
    listed = words.demand_list.search(sentence)
    if listed and _ours(sentence, listed.start(), words):
        items = split_inline_list(listed.group("items"), words, minimum=2)
        if items:
            return [(LeadIn(None, None), item, False) for item in items]
    lead_in = read_lead_in(sentence, words)
    if lead_in is not None and _asked_by_us(sentence, words):
        return [(lead_in, asking_clause(sentence, words), True)]
    return []


def _ours(sentence: str, end: int, words: Lexicon) -> bool:
    return words.ask_subject is None or words.ask_subject.search(sentence[:end]) is not None


def _first_ask(sentence: str, words: Lexicon) -> re.Match[str] | None:
    asks = words.asks(sentence)
    return asks[0] if asks else words.ask_without_addressee.search(sentence)


def _asked_by_us(sentence: str, words: Lexicon) -> bool:
    """ "We urge ..." is the statement's demand; "UN resolutions have called on ..." reports another's."""
    if words.ask_subject is None:
        return True
    ask = _first_ask(sentence, words)
    # The subject may stand inside the ask itself: "Wir fordern, dass ...".
    return ask is not None and words.ask_subject.search(sentence[max(0, ask.start() - 100):ask.end()]) is not None


def asking_clause(sentence: str, words: Lexicon) -> str:
    """The sentence from the clause that asks: "Given X, and we urge you to Y" gives "we urge you to Y",
    and a long preamble before ", we call on" is dropped; a short one ("In this perspective,") stays."""
    ask = _first_ask(sentence, words)
    if ask is None:
        return sentence
    starts = [match.end() for match in _CLAUSE_START.finditer(sentence, 0, ask.start())]
    if words.ask_subject is not None:
        for subject in words.ask_subject.finditer(sentence, 0, ask.start()):
            before = sentence[:subject.start()].rstrip()
            if before.endswith(",") and len(before.split()) > MAX_INTRO_WORDS:
                starts.append(subject.start())
    return sentence[max(starts):] if starts else sentence


def _demand(position: int, lead_in: LeadIn, text: str, words: Lexicon, ask: bool = False) -> Demand:
    """ "We urge X to release Y" asks for release: a sentence's act follows its ask."""
    act = _after_ask(text, words) if ask else text
    return Demand(position=position, addressee=lead_in.addressee, target=lead_in.target,
                  verb=leading_verb(act, words), text=text, action_category=action_category(act, words.language))


def _after_ask(sentence: str, words: Lexicon) -> str:
    matches = words.asks(sentence)
    if matches:
        return sentence[matches[-1].end():]
    match = words.ask_without_addressee.search(sentence)
    return sentence[match.end():] if match else sentence
