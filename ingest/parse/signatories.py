"""Signatories: the block of names after a lead-in such as "Supported by the following 121 groups"."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..records import Signatory, SignatoryKind
from .blocks import Block, names_people
from .countries import country_code, fold
from .demands import last_sentence, read_lead_in
from .inline import split_inline_list
from .lexicon import Lexicon

MAX_LEADIN_CHARS = 400
MAX_LABEL_CHARS = 60  # "Signatories", "List of signatories": a lead-in that needs no colon
MAX_ENTRY_CHARS = 200
MAX_CLOSING_BLOCKS = 8  # a closing inline list wrapped over this many lines at most
MIN_CLOSING_ITEMS = 5
MAX_GROUP_CHARS = 40  # "Global", "Europe", "Deutschland": a heading that groups the entries under it
_SENTENCE_END = re.compile(r"\b[a-zà-ÿ]{4,}[.!?]$")
_SEPARATED_SUFFIX = re.compile(r"^(?P<name>.+?)(?:\s*,\s*|\s+[–—-]\s+)(?P<suffix>[^,–—()]+)$")
_BRACKETED_SUFFIX = re.compile(r"^(?P<name>.+?)\s*\((?P<inside>[^()]+)\)$")


@dataclass
class Entry:
    block: Block
    group: str | None = None  # the region or country heading it is listed under


@dataclass
class SignatoryBlock:
    lead_in_index: int  # position of the lead-in among the document's blocks
    stated_count: int | None
    entries: list[Entry] = field(default_factory=list)
    columns: Columns | None = None  # where the entries are table rows
    stated_minimum: int | None = None


@dataclass(frozen=True)
class Columns:
    """Which cell of a signatory table's rows holds the name, the country and the kind of signer."""

    name: int = 0
    country: int | None = None
    kind: int | None = None


def find_signatory_block(blocks: list[Block], words: Lexicon) -> SignatoryBlock | None:
    """The first lead-in followed by at least one entry, else a closing sentence that lists the
    signing groups inline; None when the document has neither."""
    for index, block in enumerate(blocks):
        if not _is_lead_in(block, words):
            continue
        end = _entries_end(blocks, index + 1, words, block)
        if end > index + 1:
            found = _signatory_block(index, _inline_entries(blocks[index + 1:end], words))
            found.stated_count, found.stated_minimum = stated_count(block.text, words)
            return found
    return _closing_inline_list(blocks, words)


def _inline_entries(blocks: list[Block], words: Lexicon) -> list[Block]:
    """ "Alpha Group, Beta Network and Gamma e.V." as one paragraph (or wrapped over lines ending in
    commas) gives one entry per name."""
    wrapped = all(b.text.endswith(",") for b in blocks[:-1]) and all(b.kind in ("paragraph", "line") for b in blocks)
    if not wrapped:
        return blocks
    items = split_inline_list(" ".join(b.text for b in blocks), words)
    return [Block("line", item) for item in items] if items else blocks


def _closing_inline_list(blocks: list[Block], words: Lexicon) -> SignatoryBlock | None:
    """ "Die Fridays For Future Ortsgruppen Gießen, Göttingen, ... und Hannover.": the groups named
    in a statement's last sentence, when its opening words say they are groups."""
    for start in range(len(blocks) - 1, max(len(blocks) - MAX_CLOSING_BLOCKS, 0) - 1, -1):
        if blocks[start].kind not in ("paragraph", "line"):
            break
        items = split_inline_list(" ".join(b.text for b in blocks[start:]), words, minimum=MIN_CLOSING_ITEMS)
        if items and words.group_noun.search(items[0]):
            items[0] = _trailing_words(items[0], items[1:])
            return SignatoryBlock(start, None, [Entry(Block("line", item)) for item in items])
    return None


def _trailing_words(first: str, others: list[str]) -> str:
    """The first item without the words that introduce the list: as many words as the others have."""
    typical = sorted(len(item.split()) for item in others)[len(others) // 2]
    return " ".join(first.split()[-typical:])


def _signatory_block(lead_in_index: int, blocks: list[Block]) -> SignatoryBlock:
    columns = None
    if blocks[0].kind == "row":
        columns = Columns()
        first = blocks[0]
        if _filled(first) > 1 and (first.header or is_header_row(first.cells)):
            columns = table_columns(first.cells)
            blocks = blocks[1:]
    return SignatoryBlock(lead_in_index, None, _grouped(blocks), columns)


def _filled(row: Block) -> int:
    return sum(1 for cell in row.cells if cell)


def _grouped(blocks: list[Block]) -> list[Entry]:
    """Entries with the group heading each stands under; the headings themselves are not entries."""
    entries: list[Entry] = []
    group = None
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if _is_group_heading(block, following):
            group = block.text.rstrip(":")
        else:
            entries.append(Entry(block, group))
    return entries


def _is_group_heading(block: Block, following: Block | None) -> bool:
    if len(block.text) > MAX_GROUP_CHARS or following is None:
        return False
    if block.kind == "row":  # a one-cell header row over a table: "Organisations", "Individuals"
        return block.header and _filled(block) == 1
    return block.kind == "heading" or (block.kind in ("paragraph", "line") and following.kind in ("item", "row"))


def _is_lead_in(block: Block, words: Lexicon) -> bool:
    """A heading, a line ending in a colon, or a short label that names the signatories;
    not a sentence that asks ("we who sign this manifesto declare that:" leads into demands)."""
    if block.kind == "item" or len(block.text) > MAX_LEADIN_CHARS:
        return False
    if read_lead_in(last_sentence(block.text), words) is not None:
        return False
    introduces = block.kind == "heading" or block.text.endswith(":") or len(block.text) <= MAX_LABEL_CHARS
    return introduces and words.signatory_leadin.search(block.text) is not None


def _entries_end(blocks: list[Block], start: int, words: Lexicon, lead_in: Block) -> int:
    end = start
    while end < len(blocks) and _continues(blocks, end, words, lead_in):
        end += 1
    return end


def _continues(blocks: list[Block], index: int, words: Lexicon, lead_in: Block) -> bool:
    """Whether the block at index still belongs to the signatory block."""
    block = blocks[index]
    if block.kind == "heading":
        deeper = lead_in.kind != "heading" or block.level > lead_in.level
        followed = index + 1 < len(blocks) and _is_entry(blocks[index + 1], words)
        return deeper and followed and len(block.text) <= MAX_GROUP_CHARS and not words.block_end.search(block.text)
    return _is_entry(block, words)


def _is_entry(block: Block, words: Lexicon) -> bool:
    if block.kind == "row":
        return True
    if block.kind == "heading" or len(block.text) > MAX_ENTRY_CHARS or block.text.endswith(":"):
        return False
    return not words.block_end.search(block.text) and not looks_like_sentence(block.text)


def looks_like_sentence(text: str) -> bool:
    """Prose such as "Thanks to X for providing the domain name." rather than a name."""
    words = text.split()
    if len(words) < 5 or not _SENTENCE_END.search(text):
        return False
    return sum(1 for word in words[1:] if word[:1].islower()) >= len(words) // 2


def stated_count(lead_in: str, words: Lexicon) -> tuple[int | None, int | None]:
    """(exact count, lower bound) the lead-in states: "the following 121 groups" gives (121, None),
    "over 85 organisations" gives (None, 85)."""
    match = words.signatory_count.search(lead_in)
    if match is None:
        return None, None
    number = int(re.sub(r"[,.]", "", match.group("n")))
    return (None, number) if match.group("bound") else (number, None)


def read_signatories(block: SignatoryBlock, words: Lexicon) -> list[Signatory]:
    signatories = []
    for entry in block.entries:
        if block.columns:
            signatory = _row_signatory(entry.block, block.columns, words)
        else:
            signatory = _signatory(entry.block.text, words)
        if signatory is None:
            continue
        if entry.block.people or (entry.group and names_people(entry.group)):
            signatory.kind = "individual"
        if signatory.country is None and entry.group:
            signatory.country = country_code(entry.group)
        signatory.position = len(signatories) + 1
        signatories.append(signatory)
    return signatories


def _signatory(written: str, words: Lexicon) -> Signatory:
    name, country = split_country(written)
    return Signatory(position=0, name=name, name_as_written=written, country=country,
                     kind=signatory_kind(written, words))


def _row_signatory(row: Block, columns: Columns, words: Lexicon) -> Signatory | None:
    written = _cell(row, columns.name)
    if not written:
        return None
    signatory = _signatory(written, words)
    country_cell = _cell(row, columns.country)
    if country_cell and signatory.country is None:
        signatory.country = country_code(country_cell)
    kind = kind_from_type(_cell(row, columns.kind))
    if kind is not None:
        signatory.kind = kind
    return signatory


def _cell(row: Block, index: int | None) -> str:
    return row.cells[index] if index is not None and index < len(row.cells) else ""


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
    if first_word in words.honorifics or looks_like_person(written):
        return "individual"
    return "organisation"


def looks_like_person(written: str) -> bool:
    """ "Celso Amorim, diplomata e ex-chanceler" or "Lúcia Rodrigues, jornalista": a personal name,
    then a role or affiliation in running text. "Friends of Tibet, in Bulgaria" (a name with "of")
    or "Iuridicum Remedium, z.s." (a legal form) stay organisations."""
    name, comma, rest = written.partition(",")
    rest = rest.strip()
    if not comma or not rest[:1].islower() or rest.casefold().rstrip(".") in _legal_forms():
        return False
    parts = name.split()
    particles = set(_signatory_columns()["name_particles"])
    return 2 <= len(parts) <= 5 and all(
        (part[:1].isupper() and not (part.isupper() and len(part) > 1)) or part in particles for part in parts)


@cache
def _legal_forms() -> frozenset[str]:
    return frozenset(form.rstrip(".") for form in _signatory_columns()["legal_forms"])


@cache
def _column_words(key: str) -> re.Pattern[str]:
    words = _signatory_columns()[key]
    return re.compile(r"\b(?:" + "|".join(re.escape(fold(word)) for word in words) + ")", re.I)


@cache
def _signatory_columns() -> dict[str, list[str]]:
    return json.loads(resources.files("ingest").joinpath("lexicon/signatory_columns.json").read_text("utf-8"))


def is_header_row(cells: tuple[str, ...]) -> bool:
    """A first row whose cells name columns: "Name | Country", "Nom / Name | Pays / Country"."""
    named = [cell for cell in cells if _column_words("name").search(fold(cell)) and len(cell) <= 40]
    return bool(named) and sum(1 for cell in cells if _header_kind(cell)) >= min(2, len(cells))


def _header_kind(cell: str) -> str | None:
    folded = fold(cell)
    if len(folded) > 60:
        return None
    return next((key for key in ("country", "type", "name") if _column_words(key).search(folded)), None)


def table_columns(header: tuple[str, ...]) -> Columns:
    kinds = [_header_kind(cell) for cell in header]
    return Columns(
        name=kinds.index("name") if "name" in kinds else 0,
        country=kinds.index("country") if "country" in kinds else None,
        kind=kinds.index("type") if "type" in kinds else None,
    )


def kind_from_type(type_text: str) -> SignatoryKind | None:
    """What a table's type column says: a kind of organisation wins over a person's role."""
    folded = fold(type_text)
    if not folded:
        return None
    if _column_words("organisation_types").search(folded):
        return "organisation"
    if _column_words("person_types").search(folded):
        return "individual"
    return None
