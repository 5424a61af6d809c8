"""Signatories: the block of names after a lead-in such as "Supported by the following 121 groups"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Signatory, SignatoryKind
from .blocks import Block
from .countries import country_code
from .lexicon import Lexicon

MAX_LEADIN_CHARS = 400
MAX_LABEL_CHARS = 60  # "Signatories", "List of signatories": a lead-in that needs no colon
MAX_ENTRY_CHARS = 200
_SEPARATED_SUFFIX = re.compile(r"^(?P<name>.+?)(?:\s*,\s*|\s+[–—-]\s+)(?P<suffix>[^,–—()]+)$")
_BRACKETED_SUFFIX = re.compile(r"^(?P<name>.+?)\s*\((?P<inside>[^()]+)\)$")


@dataclass
class SignatoryBlock:
    lead_in_index: int  # position of the lead-in among the document's blocks
    stated_count: int | None
    entries: list[str] = field(default_factory=list)


def find_signatory_block(blocks: list[Block], words: Lexicon) -> SignatoryBlock | None:
    """The first lead-in followed by at least one entry; None when the document has none."""
    for index, block in enumerate(blocks):
        if not _is_lead_in(block, words):
            continue
        end = _entries_end(blocks, index + 1, words)
        if end > index + 1:
            entries = [blocks[i].text for i in range(index + 1, end)]
            return SignatoryBlock(index, stated_count(block.text, words), entries)
    return None


def _is_lead_in(block: Block, words: Lexicon) -> bool:
    """A heading, a line ending in a colon, or a short label that names the signatories."""
    if block.kind == "item" or len(block.text) > MAX_LEADIN_CHARS:
        return False
    introduces = block.kind == "heading" or block.text.endswith(":") or len(block.text) <= MAX_LABEL_CHARS
    return introduces and words.signatory_leadin.search(block.text) is not None


def _entries_end(blocks: list[Block], start: int, words: Lexicon) -> int:
    end = start
    while end < len(blocks) and _is_entry(blocks[end], words):
        end += 1
    return end


def _is_entry(block: Block, words: Lexicon) -> bool:
    if block.kind == "heading" or len(block.text) > MAX_ENTRY_CHARS or block.text.endswith(":"):
        return False
    return not words.block_end.search(block.text)


def stated_count(lead_in: str, words: Lexicon) -> int | None:
    """The exact number of signatories the lead-in states; None for none or a lower bound."""
    match = words.signatory_count.search(lead_in)
    if match is None or match.group("bound"):
        return None
    return int(match.group("n").replace(",", ""))


def read_signatories(entries: list[str], words: Lexicon) -> list[Signatory]:
    return [_signatory(position, entry, words) for position, entry in enumerate(entries, start=1)]


def _signatory(position: int, written: str, words: Lexicon) -> Signatory:
    name, country = split_country(written)
    return Signatory(position=position, name=name, name_as_written=written, country=country,
                     kind=signatory_kind(written, words))


def split_country(written: str) -> tuple[str, str | None]:
    """ "Casa del Tibet – Spain" gives ("Casa del Tibet", "ES"); only a real country is split off."""
    bracketed = _BRACKETED_SUFFIX.match(written)
    if bracketed:
        place = bracketed.group("inside").split(",")[-1]
        code = country_code(place)
        if code:
            return bracketed.group("name").strip(), code
    separated = _SEPARATED_SUFFIX.match(written)
    if separated:
        code = country_code(separated.group("suffix"))
        if code:
            return separated.group("name").strip(), code
    return written, None


def signatory_kind(written: str, words: Lexicon) -> SignatoryKind:
    first_word = written.split(maxsplit=1)[0].casefold() if written.split() else ""
    return "individual" if first_word in words.honorifics else "organisation"
