"""Entries: the names a run of blocks lists, one per signer.

A run's blocks may be list items, lines, one-name paragraphs, table rows, logos' alt texts or
inline enumerations ("A, B and C", "Label: A, B and C"), under labels that group them ("Europe:",
"Individuals"). Each gives its entries as written, less what is not part of a name: a website after
it, the list's full stops, quotes, the lead-in glued to the first one ("By ..."), a translation of
the list into another alphabet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..places import is_place
from . import memory
from .asks import lead_in
from .blocks import Block
from .countries import country_code, fold
from .headings import cue_pattern
from .inline import split_inline_list
from .lexicon import LANGUAGES, Lexicon, addressed_to_in_any_language, function_words
from .names import (
    governed_organisation,
    has_organisation_word,
    has_role_word,
    is_postal_address,
    legal_forms,
    name_likeness,
    named_then_role,
    names_a_board,
    on_behalf_of,
    people_and_the_rest_of,
    person_evidence,
    says_organisations,
    says_people,
    shaped_as_a_persons_name,
    signing_for,
    split_head,
    starts_with_given_name,
)
from .prose_signers import any_conjunction, named_by_statement, out_of_the_sentence, prepositions, without_article
from .tables import Columns, columns_by_content, filled, header_columns, is_header_row, name_cell

MAX_ENTRY_CHARS = 200  # a longer paragraph is prose, not one entry
MAX_GROUP_CHARS = 60  # "Global", "Europe", "Deutschland": a label that groups the entries under it
MAX_BARE_LABEL_WORDS = 4
MAX_PLACES = 0.25  # the share of an inline list's items that may be places
MAX_NAME_WORDS = 12  # "CIDAC – Centro de Intervenção para o Desenvolvimento Amílcar Cabral"
DROP_ENTRY = 0.4  # an entry this little like a name is left out ("For questions, contact ...")
DROP_LENIENT = 0.2  # the same, where names may be written in lower case (a logo's alt text)
DOCUMENT_LIKENESS = 0.1  # "Carta ao reitor ...": a letter named by its addressee is no signer
MAX_LEADIN_SENTENCE_CHARS = 300
_NEXT_LABEL = re.compile(r"(?<=[^\W\d_]{3}\.)\s+(?=[^\W\d_][^.:,;]{1,40}:\s)")  # "... C. Personas: X"
LABELLED_LIST = re.compile(r"^(?P<label>[^:,]{2,60}+):\s+(?P<items>.+)$")  # possessive: no colon to give back
_WEBSITE_AFTER = re.compile(r"(?:\s+(?:[–—-]\s+|\()(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/[^\s()]*)?\)?"
                            r"|\s+(?:https?://|www\.)[\w./-]+?\.?"
                            r"|,\s*(?:site|website|web|site web|sitio|sito|webseite))$", re.I)
_WEBSITE_BEFORE_NOTE = re.compile(r"\s+[–—-]\s+(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?(?=,\s)", re.I)
_QUOTED = re.compile(r"^[\"“”«»„](.+?)[\"“”«»]$")  # “Zacatecanos por la paz”
_BRACKETED_NOTE = re.compile(r"^\(([^()]+)\)$")
MAX_NOTE_WORDS = 8  # "(Student MSc Physics)"; a longer bracketed line is a note on the list
_CLOSING_ACRONYM = re.compile(r"\(([A-ZÀ-Þ]{2,8})\)\.?$")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]{2}")
MAX_ONE_LINE_SIGNER_WORDS = 12
MIN_ONE_LINE_SIGNER_LIKENESS = 0.5  # looser than a name anywhere: a lead-in says the line names signers
_LIST_COMMA = re.compile(r"\s*[,;]\s+(?![^()]*\))")
_LEADING_BY = re.compile(r"^(?:(?:co-?)?signed\s+by|by|signed|sincerely|signé|firmado|assinado|gez\.?)\s*[:,]?\s+",
                         re.I)


@dataclass


class Entry:
    text: str
    group: str | None = None  # the label it is listed under: a region, a country, "Individuals"
    people: bool = False  # markup labels it a person
    row: Block | None = None  # the table row it was read from
    columns: Columns | None = None  # and the columns chosen for that table
    run: int = 0  # which list of the block it stands in
    lenient: bool = False  # a logo's alt text, or a name after its own lead-in: lower case is no sign of prose
    named: str = ""  # the name before the words that describe the signer, where the entry has such words
    flag: str | None = None  # the country a flag beside the name gives ("🇩🇪 Digitale Gesellschaft")


def entries_of(run: list[Block], labels: int, words: Lexicon, group: str | None = None) -> list[Entry]:
    """The entries a run of blocks lists, its first `labels` blocks being labels over them."""
    entries: list[Entry] = []
    rows = [block for block in run if block.kind == "row"]
    if rows and len(rows) >= len(run) / 2:
        return _table_entries(run, group)
    for label in run[:labels]:
        if any(c.isalnum() for c in label.text):
            group = label.text.rstrip(":： ").strip()
            entries.extend(_label_entries(group))
    blocks = _signature_stanzas([block for block in _unwrapped(run[labels:], words)
                                 if any(c.isalnum() for c in block.text)])
    typical = _typical_length(blocks)
    semicolons = _most_end_in_semicolons(blocks)
    for block in blocks:
        split = len(blocks) <= 2 or len(block.text) > 3 * typical or (semicolons and "; " in block.text)
        entries.extend(_block_entries(block, words, group, split=split))
    entries = [entry for entry in _strip_leading_lead_in(entries, words)
               if not _is_label_word(entry.text) and not _counts_others(entry.text, words)]
    return _without_translations(_without_list_full_stops(_without_websites(_with_bracketed_notes(
        _without_symbols(entries)))))


def without_postal_addresses(entries: list[Entry]) -> list[Entry]:
    """ "Alpha ry", "Mainroad 14 A 18", "02760 Espoo", "Finland": a signer's postal address under its name. The line
    of the postcode and town tells the address; the street with its number above it and the country under it are
    parts of it, not names (they count as a signature's lines when the block is scored, and are left out of its
    signers)."""
    parts: set[int] = set()
    for index, entry in enumerate(entries):
        if entry.row is None and is_postal_address(entry.text):
            parts.add(index)
            if index and any(c.isdigit() for c in entries[index - 1].text):
                parts.add(index - 1)
            following = entries[index + 1].text if index + 1 < len(entries) else ""
            if following and (country_code(following) or is_place(following)):
                parts.add(index + 1)
    return [entry for index, entry in enumerate(entries) if index not in parts] if parts else entries


def _with_bracketed_notes(entries: list[Entry]) -> list[Entry]:
    """ "Dr Hilary Guite" over "(Student MSc Science Communication)": a short line wholly in brackets says
    who the signer above it is; it names no one itself."""
    kept_entries: list[Entry] = []
    for entry in entries:
        note = _BRACKETED_NOTE.match(entry.text)
        if note and kept_entries and entry.row is None and len(note.group(1).split()) <= MAX_NOTE_WORDS:
            kept_entries[-1].text = f"{kept_entries[-1].text} {entry.text}"
        else:
            kept_entries.append(entry)
    return kept_entries


_REGIONAL_INDICATOR = re.compile("[\U0001F1E6-\U0001F1FF]{2}")
# Emoji, pictographs and their joiners and variation selectors, and the regional indicators flags are made of
_SYMBOL = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]")


def _without_symbols(entries: list[Entry]) -> list[Entry]:
    """ "🇩🇪 Digitale Gesellschaft", "✊ Climate Strike": an emoji beside a name is no part of it; a flag gives the
    signer's country. "1- Amnesty International": nor is a running number set off by a dash."""
    for entry in entries:
        entry.text = _DASHED_NUMBER.sub("", entry.text)
        if not _SYMBOL.search(entry.text):
            continue
        flag = _REGIONAL_INDICATOR.search(entry.text)
        if flag:
            entry.flag = "".join(chr(ord(letter) - 0x1F1E6 + ord("A")) for letter in flag.group())
        entry.text = _SYMBOL.sub("", entry.text).strip()
    return entries


_DASHED_NUMBER = re.compile(r"^\d{1,3}\s?[–-]\s+(?=\S)")


def _most_end_in_semicolons(blocks: list[Block]) -> bool:
    """ "Catherine Achin, sociologue ; Armelle Andro, démographe ;" paragraph after paragraph: each holds
    several entries, whatever its length."""
    return sum(block.text.rstrip().endswith(";") for block in blocks) * 2 > len(blocks)


def _typical_length(blocks: list[Block]) -> int:
    lengths = sorted(len(block.text) for block in blocks)
    return lengths[len(lengths) // 2] if lengths else 0


def _without_websites(entries: list[Entry]) -> list[Entry]:
    """ "Bits of Freedom - bof.nl": the website after a name is not part of it, nor a comma left after it; nor is
    one between a name and a note on it ("NJCM - www.njcm.nl, de Nederlandse sectie van ...")."""
    for entry in entries:
        text = entry.text
        if "." in text or "," in text or "://" in text:  # what a website or the word for one after a comma needs
            text = _WEBSITE_AFTER.sub("", _WEBSITE_BEFORE_NOTE.sub("", text) if "," in text else text)
        entry.text = _QUOTED.sub(r"\1", text.rstrip(" ,■"))
    return entries


def _without_list_full_stops(entries: list[Entry]) -> list[Entry]:
    """ "Fundación Corona." one per paragraph: when most entries end in a full stop, it is the list's; so is a
    semicolon ("Alpha Network;", ..., "Delta Union."), which no name ends with."""
    stopped = [entry for entry in entries if entry.text.endswith(".") and not _abbreviated(entry.text)]
    parted = [entry for entry in entries if entry.text.endswith(";")]
    if len(entries) >= 2 and len(stopped) + len(parted) >= 0.6 * len(entries):
        parted += stopped
    for entry in parted:
        entry.text = entry.text[:-1].rstrip()
    return entries


def _abbreviated(text: str) -> bool:
    last = text.split()[-1].rstrip(".").casefold()
    return last in legal_forms() or len(last) <= 2 or "." in last


def _without_translations(entries: list[Entry]) -> list[Entry]:
    """A list that gives each name in English and again in Chinese keeps the names in the Latin alphabet."""
    latin = [entry for entry in entries if _LATIN.search(entry.text)]
    if len(latin) >= 0.3 * len(entries) and len(latin) <= 0.7 * len(entries):
        return latin
    return entries


def _label_entries(label: str) -> list[Entry]:
    """ "Für Health for Future Göttingen:" over the names of people: the organisation signs too."""
    organisation = signing_for(label)
    return [Entry(organisation, label)] if organisation else []


def _is_label_word(text: str) -> bool:
    """ "Organizations", "Individuals", "Comité de pilotage": the tabs or headings of a list, not its entries."""
    return len(text.split()) <= 3 and (says_people(text) or says_organisations(text)) and \
        not has_organisation_word(text.replace("organi", "")) or names_a_board(text)


def _counts_others(text: str, words: Lexicon) -> bool:
    """ "and 200 more organisations", "+ 45 other groups": a count of signers not named, at a list's end."""
    return len(text.split()) <= MAX_COUNT_WORDS and words.signatory_count.search(text) is not None


MAX_COUNT_WORDS = 6


def _unwrapped(blocks: list[Block], words: Lexicon) -> list[Block]:
    """ "Gießen, Göttingen, Karlsruhe," wrapped over lines that end in commas: one paragraph again, however many
    lines it was wrapped over, with the line its last conjunction opens ("und Hannover.")."""
    runs: list[list[Block]] = []
    for block in blocks:
        previous = runs[-1][-1] if runs else None
        wrapped = bool(runs) and len(runs[-1]) > 1  # the last run is lines that go on from one another
        goes_on = previous is not None and block.kind == "line" and previous.kind == "line" and (
            previous.text.endswith(",") or wrapped and _opens_with_conjunction(block.text, words))
        if goes_on:
            runs[-1].append(block)
        else:
            runs.append([block])
    joined: list[Block] = []
    for run in runs:
        if len(run) == 1:
            joined.append(run[0])
        elif _bracketed_lines(run):
            texts = [line.text for line in run]
            texts[0], texts[-1] = texts[0][1:], texts[-1][:-1]  # the brackets around them all, not a name's own
            joined.extend(replace(line, text=text.rstrip(",").strip()) for line, text in zip(run, texts, strict=True))
        else:
            joined.append(Block("paragraph", " ".join(line.text for line in run), people=run[0].people))
    return joined


MIN_BRACKETED_LINES = 3


def _bracketed_lines(lines: list[Block]) -> bool:
    """ "(The Korean Council for Justice ...,", "Masan, Changwon and Jinhae Civil Assembly ...,", "Daegu Citizen’s
    Forum for Halmuni)": a network's members in brackets under its name, one to a line, each line ending in a
    comma; a line each, not one paragraph (a member's name may hold a comma of its own)."""
    return len(lines) >= MIN_BRACKETED_LINES and lines[0].text.startswith("(") and lines[-1].text.endswith(")") \
        and not any("(" in line.text[1:] and ")" not in line.text for line in lines)


def _opens_with_conjunction(text: str, words: Lexicon) -> bool:
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return first.casefold() in words.conjunctions


MAX_STANZA_LINES = 4


def _signature_stanzas(blocks: list[Block]) -> list[Block]:
    """ "Jane Smith" over "Executive Director" over "Open Rights Group", one paragraph or list item per signer: a
    person's signature, their role and where they work on the lines under their name, is one entry."""
    merged: list[Block] = []
    index = 0
    while index < len(blocks):
        signed = _signature(blocks[index].lines) if blocks[index].kind == "item" else None
        if signed:
            merged.append(replace(blocks[index], text=signed, people=True))  # the lines of one item, a card
            index += 1
            continue
        end = index + 1
        while end < len(blocks) and blocks[end].kind == "line" and not blocks[end].opens:
            end += 1
        stanza = blocks[index:end]
        signed = _signature([block.text for block in stanza]) if blocks[index].opens else None
        if signed:
            merged.append(Block("line", signed, people=True, opens=True))
        else:
            merged.extend(stanza)
        index = end
    return merged


def _signature(lines: tuple[str, ...] | list[str]) -> str | None:
    """The lines of one person's signature as one entry, its fields apart ("Jane Smith, Executive Director, Open
    Rights Group"); None where the lines are no signature."""
    if not lines or not _is_signature(lines):
        return None
    return ", ".join([lines[0], *(_ROLE_DASH.sub("", line) for line in lines[1:])])


def _is_signature(stanza: tuple[str, ...] | list[str]) -> bool:
    """A name over the lines of its role and organisation. A role set off by a dash ("-- Executive Director of X")
    says the line above is a person, whether or not our name lists know the name. A line that is a role alone
    ("Professor of Law", which reads as a title before a name) is no second person; "John Doe, journalist" is."""
    first, rest = stanza[0], list(stanza[1:])
    dashed = bool(rest) and _ROLE_DASH.match(rest[0]) is not None and has_role_word(rest[0])
    person = _names_a_person(first) or (dashed or bool(rest) and _only_a_role(rest[0])) and \
        shaped_as_a_persons_name(first)
    return 2 <= len(stanza) <= MAX_STANZA_LINES and person and any(has_role_word(line) for line in rest) and \
        not any(_names_a_person(line) and not (_only_a_role(line) and "," not in line) for line in rest)


def _only_a_role(line: str) -> bool:
    """ "President-Elect", "Executive Director": a line that holds a role and nothing else, as a signature's second
    line does under a name our lists may not know ("Anthea Lafreniere")."""
    words = line.split()
    return len(words) <= MAX_ROLE_ONLY_WORDS and has_role_word(line) and \
        (not has_organisation_word(line) or has_role_word(words[-1]))  # "Associate Professor"


MAX_ROLE_ONLY_WORDS = 3
_ROLE_DASH = re.compile(r"^\s*(?:-{1,2}|[–—])\s+")


def _names_a_person(line: str) -> bool:
    return starts_with_given_name(line) or person_evidence(line) >= 0.5


def is_group_label(block: Block, following: Block | None) -> bool:
    if len(block.text) > MAX_GROUP_CHARS or following is None or block.kind == "row" or block.text.endswith(","):
        return False
    if block.kind == "heading" or block.text.endswith((":", "：")):
        return True
    # "Global" or "Kenya" above a list: a short word or two, not a name with its affiliation
    short = len(block.text.split()) <= MAX_BARE_LABEL_WORDS and "," not in block.text
    if block.kind in ("paragraph", "line") and block.kind == following.kind and short and is_place(block.text) \
            and not is_place(following.text):
        return True  # "Germany" over "Digitalcourage", each a paragraph: a place alone names the group, not a signer
    return (short or _names_kinds_of_signers(block.text)) and block.kind in ("paragraph", "line") \
        and following.kind in ("item", "row", "line") and block.kind != following.kind


def _names_kinds_of_signers(text: str) -> bool:
    """ "Media, bloggers and entrepreneurs", "Académicos y periodistas": kinds of signers, in lower case after the
    first word, where a name, or a name and its affiliation, has capitals (German's capitalised nouns do not tell
    the two apart)."""
    words = text.split()
    return 1 < len(words) <= MAX_KINDS_LABEL_WORDS and words[0][:1].isupper() and \
        all(word[:1].islower() for word in words[1:])


MAX_KINDS_LABEL_WORDS = 6


def _block_entries(block: Block, words: Lexicon, group: str | None, split: bool = True) -> list[Entry]:
    """One block's entries: a name, a person and the organisation they sign for, or an inline list
    (split only where the block is longer than the list's other entries)."""
    text = named_by_statement(block.text.rstrip("*").strip())
    parts = _NEXT_LABEL.split(text) if text.count(":") > 1 else [text]
    lists = [labelled_items(part, words) for part in parts]
    if all(lists):  # "Firman: A, B", or "Organizaciones: A, B, C. Personas: X, Y.": a list under each label
        return [entry for label, items in lists for entry in _labelled_entries(label, items, block, words)]
    rest = people_and_the_rest_of(text)
    if rest:
        people, organisation = rest
        return [*(Entry(person, group, True) for person in people), Entry(organisation, group)]
    items = inline_items(text, words) if split and (block.kind == "paragraph" or len(text) > MAX_ENTRY_CHARS) \
        else None
    if items:
        noun = words.group_noun.search(items[0])  # "Die Fridays For Future Ortsgruppen Gießen, Göttingen, ..."
        if noun and items[0][noun.end():].strip():  # not "Open Rights Group": a name that ends in the noun
            items[0] = trailing_words(items[0], items[1:])
        return [Entry(item, group, block.people) for item in items]
    couple = _couple(text, words)
    if couple:
        return [Entry(person, group, True) for person in couple]
    governed = governed_organisation(text)
    if governed:
        return [Entry(governed, group)]
    behalf = on_behalf_of(text)
    if behalf:
        person, organisation = behalf
        signed = text if text.startswith(person + ",") else person  # "Geert Lovink namens X": the name, then X
        return [Entry(signed, group, True), Entry(organisation, group)]
    return [Entry(text, group, block.people, lenient=block.kind == "image",
                  named=_name_before_description(text, block.lead, words)
                  or _name_before_dashed_description(text, words))]


_DESCRIPTION_AFTER = re.compile(r"^(?:(?P<comma>,)|\s*[:–—]|\s+-)\s+(?P<rest>\S.*)$")
MIN_DESCRIPTION_WORDS = 2
MIN_COMMA_DESCRIPTION_WORDS = 3  # after a comma a name may go on ("Amigos del Tibet, Santiago de Chile")


def _name_before_description(text: str, lead: str, words: Lexicon) -> str:
    """ "Alpha Network – a coalition of tenants' unions", "[42l](https://42l.fr), association étudiante à l'école 42":
    the linked or bold name an entry opens with, where what follows it describes the signer in words of its own
    (an organisation is named without it; a person keeps it as their role). Empty where the entry is its name:
    a country or a place after it is part of it ("Free Tibet, UK")."""
    match = _DESCRIPTION_AFTER.match(text[len(lead):]) if lead and text.startswith(lead) else None
    if match is None or starts_with_given_name(lead) or country_code(match.group("rest")) or \
            is_place(match.group("rest")) or _explains(match.group("rest"), words):
        return ""
    tokens = match.group("rest").split()
    content = sum(1 for word in tokens if word[:1].islower() and word.casefold() not in _any_function_word())
    if match.group("comma"):
        described = len(tokens) >= MIN_COMMA_DESCRIPTION_WORDS and (tokens[0][:1].islower() or content >= 2)
    else:
        described = len(tokens) >= MIN_DESCRIPTION_WORDS and (tokens[0][:1].islower() or content >= 1)
    return lead if described else ""


def _name_before_dashed_description(text: str, words: Lexicon) -> str:
    """ "Alpha Network – a coalition of tenants' unions": a name, a dash, and words in lower case that describe the
    signer (a name goes on in capitals after a dash: "Friends of the Earth – Europe", "Casa del Tibet - Spain").
    A name closed by its acronym is whole before a dash and an enumeration: "Ontario Public Sector Employees Union
    (OPSEU) - College Faculty, Support Staff, and University Sector" (not where it enumerates places)."""
    if not DASHES.intersection(text):
        return ""  # the cheap test first: most names hold no dash
    match = _DASHED_DESCRIPTION.match(text)
    if match is not None and len(match.group("rest").split()) >= MIN_DESCRIPTION_WORDS:
        return "" if _explains(match.group("rest"), words) else match.group("name")
    match = _ACRONYM_BEFORE_DASHED_LIST.match(text)
    if match is not None and not any(is_place(part) or country_code(part)
                                     for part in re.split(r",\s*", match.group("rest"))):
        return match.group("name")
    return ""


def _explains(rest: str, words: Lexicon) -> bool:
    """ "so that the community governs the project ...", "under a well-known license ...": words after a name that
    open on a preposition or a subordinate clause say how or why, as a list of goals does; a signer is described by
    what it is ("a coalition of ...", "association étudiante")."""
    opening = rest.split()[:2]
    if not opening or words.determiners.match(opening[0] + " "):
        return False  # "a coalition": the English article, whatever "a" is in Italian
    return fold(opening[0]) in prepositions() or any(words.subordinator.fullmatch(word) for word in opening)


DASHES = frozenset("–—-")  # the dashes that part a name from what follows it
_DASHED_DESCRIPTION = re.compile(r"^(?P<name>[A-ZÀ-Þ0-9][^–—]*?\S)\s+[–—-]\s+(?P<rest>[a-zß-ÿ]\S*(?:\s+\S+)+)$")
_ACRONYM_BEFORE_DASHED_LIST = re.compile(
    r"^(?P<name>[A-ZÀ-Þ0-9][^–—()]*\([A-Z][\w.&-]*\))\s+[–—-]\s+(?P<rest>\S[^,]*,.*)$")


def _couple(text: str, words: Lexicon) -> list[str] | None:
    """ "Sophie Binet et Marie José Kotlicki, cosecrétaires générales": two people, one role."""
    head, tail = split_head(text)
    parts = words.last_conjunction.split(head, maxsplit=1)
    if len(parts) != 2 or not all(starts_with_given_name(part) and len(part.split()) <= 4 for part in parts):
        return None
    return [part.strip() + (f", {tail}" if tail else "") for part in parts]


def _labelled_entries(label: str, items: list[str], block: Block, words: Lexicon) -> list[Entry]:
    led = words.signatory_leadin.search(label) is not None  # after "Signed:" a name may be written in lower case
    return [Entry(without_article(item), label, block.people, lenient=led) for item in items]


def labelled_items(text: str, words: Lexicon) -> tuple[str, list[str]] | None:
    """ "Prime adesioni: A, B and C", "Europe: A, B" or "Unterzeichnet von A, B, C" on one line:
    a label and its entries; not a label in which the signers ask ("Die unterzeichnenden Organisationen fordern:
    Mietenstopp, Räumungsmoratorium, ..." lists what they ask for)."""
    match = LABELLED_LIST.match(text) or _led_list(text, words) or colon_led_list(text, words)
    if not match or _enumerates_things(match.group("label"), words) or lead_in(match.group("label") + ":", words):
        return None
    items = split_inline_list(match.group("items"), words, minimum=2, longest=MAX_NAME_WORDS, dashes=True)
    if items and has_role_word(items[0]) and person_evidence(match.group("label")) > 0:
        return None  # "Kanagasabai Sarojinidevi: Vice Treasurer, ARED": a person, their role and where
    # After "Signed:" or "Atentamente:" the names may be written as prose writes them ("grupo de trabajo ...").
    enough = 0.4 if words.signatory_leadin.search(match.group("label")) else 0.6
    if not items or sum(name_likeness(item) for item in items) / len(items) < enough or \
            any(country_code(item) for item in items):
        return None
    return match.group("label").strip(), [*items[:-1], _without_full_stop(items[-1])]


def _without_full_stop(name: str) -> str:
    """ "... Human Rights Watch and Article 19.": the sentence's full stop, not the name's ("Oxfam Ltd.", "A.")."""
    last = name.split()[-1] if name.split() else ""
    kept = "." in last[:-1] or len(last) <= 2 or fold(last.rstrip(".")) in legal_forms()
    return name if not name.endswith(".") or kept else name[:-1]


def _enumerates_things(label: str, words: Lexicon) -> bool:
    """ "These five key areas are: Our Ocean, Our Islands, ...": a sentence with its verb before the colon, that says
    neither who signs nor what kind of group is listed, enumerates something else."""
    verbs = any(words.auxiliary.fullmatch(word) for word in label.split())
    return verbs and not (words.signatory_leadin.search(label) or words.group_noun.search(label))


def _led_list(text: str, words: Lexicon) -> re.Match[str] | None:
    lead_in = words.signatory_leadin.match(text)
    if lead_in is None:
        return None
    return re.match(rf"^(?P<label>.{{{lead_in.end()}}}(?:\s+(?:by|von|par|por|da|door|de))?)\s*[:,]?\s+"
                    rf"(?P<items>[A-ZÀ-Þ0-9].+)$", text)


_COLON_LED = re.compile(r"^(?P<label>.{2,%d}?)\s*:\s+(?P<items>[A-ZÀ-Þ0-9].+)$" % MAX_LEADIN_SENTENCE_CHARS)


def colon_led_list(text: str, words: Lexicon) -> re.Match[str] | None:
    """ "Bilan ..., co-signé par les associations et collectifs suivants : April, BLOOM, ...": a sentence that says
    who signs, then a colon and their names."""
    match = _COLON_LED.match(text) if ":" in text else None
    return match if match and words.signatory_leadin.search(match.group("label")) else None


def inline_items(text: str, words: Lexicon) -> list[str] | None:
    """ "Alpha Group, Beta Network and Gamma e.V." as one paragraph: one entry per name."""
    items = split_inline_list(text, words, longest=MAX_NAME_WORDS, dashes=True)
    if not items or any(": " in item for item in items):
        return None  # "Date: Wed, 01/29/2020, Source: ..., coal": a line of fields, not of names
    if _abbreviated_whole(text, items[-1]) or len(items) == 2 and _one_named_body(*items, words):
        return None  # "Bangladesh Occupational Safety, Health and Environmental Foundation (OSHE)": one name
    if named_then_role(text) and ";" not in text:
        return None  # "Klaus Müller, Vorsitzender der Konferenz ... Christen und Juden": a person and their role
    if sum(1 for item in items if is_place(item)) >= MAX_PLACES * len(items):
        return None  # "Steve Willett, UPTE-CWA Local 9119, Oakland, California, US ...": addresses run together
    items = [_after_a_bracketed_label(items[0], words), *items[1:]]
    likeness = [name_likeness(item) for item in items]
    doubtful = sum(1 for value in likeness if value < 0.6)
    if likeness[0] < 0.6 or doubtful > (0.15 * len(items) if len(items) >= 8 else 0):
        return None  # "Activities are planned for Auckland University, ...": a sentence, not a list
    read = out_of_the_sentence([_after_a_sentence(items[0]), *items[1:]], words, closed=text.rstrip()[-1:] in ".!?")
    return [without_article(item) for item in read]


def _after_a_bracketed_label(first: str, words: Lexicon) -> str:
    """ "Primi firmatari (in ordine alfabetico) ARCI Milano": a label that a bracket closes, without a colon, before the
    first name; a label where it names the signers or reads as no name."""
    label, bracket, name = first.rpartition(") ")
    if not bracket or "(" not in label or not name[:1].isupper():
        return first
    names_signers = words.group_noun.search(label) or words.signatory_leadin.search(label)
    return name if names_signers or name_likeness(first) < 0.6 <= name_likeness(name) else first


def _after_a_sentence(first: str) -> str:
    """ "Junta de Personal del Baix Llobregat. Ustec-stes, CCOO, CGT": a sentence that ends before the first name
    (not the dot of "St. Mary's")."""
    head, dot, name = first.rpartition(". ")
    ends_a_sentence = len(head.split()) >= 2 and len(head.split()[-1]) > MAX_ABBREVIATION_CHARS
    return name if dot and ends_a_sentence and name[:1].isupper() else first


MAX_ABBREVIATION_CHARS = 4  # "Str.", "Av.", "St."


def names_on_one_line(entry: Entry, words: Lexicon) -> list[Entry]:
    """ "A y B" alone under "Firman,": the line's names, parted by its commas and by the first conjunction
    (not "&") that a capitalised word follows, so that a name with a conjunction of its own stays whole
    ("Marcha por la Ciencia y el Conocimiento Chile"); the entry as it is unless every part reads as a name and none
    after the first is a place."""
    if named_then_role(entry.text):
        return [entry]  # "Klaus Müller, Vorsitzender der Konferenz ... Christen und Juden": a person and their role
    parts = [part.strip() for part in _LIST_COMMA.split(entry.text.strip().rstrip(".;")) if part.strip()]
    for joint in any_conjunction(words).finditer(parts[-1] if parts else ""):
        if parts[-1][joint.end():][:1].isupper() and joint.group().strip() != "&" \
                and not _one_named_body(parts[-1][:joint.start()], parts[-1][joint.end():], words):  # "Marks & Spencer"
            parts[-1:] = [parts[-1][:joint.start()].strip(), parts[-1][joint.end():].strip()]
            break
    if len(parts) < 2 or not all(_reads_as_signer(part) for part in parts) or \
            any(country_code(part) or is_place(part) for part in parts[1:]):  # "Free Tibet, UK": a name, its country
        return [entry]
    return [Entry(without_article(part), entry.group, entry.people, run=entry.run, lenient=entry.lenient)
            for part in parts]


def _one_named_body(before: str, after: str, words: Lexicon) -> bool:
    """ "The Ontario Universities and Colleges Coalition": an article, words that name no organisation, the
    conjunction, and words that end in one: the conjunction joins what the one body brings together ("Liberty and
    Open Knowledge Foundation", with no article, are two)."""
    joined = after.split()
    return words.determiners.match(before.strip()) is not None and not has_organisation_word(before) \
        and len(joined) > 1 and has_organisation_word(joined[-1])


def _reads_as_signer(text: str) -> bool:
    """Capitalised but for function words ("Marcha por la Ciencia y el Conocimiento"): not a slogan ("Turn around",
    "H&M!") nor a phrase ("the rest of Divest DTU"). The function words of every language: a name may be in another."""
    words = text.split()
    if text.endswith(("!", "?")) or not 0 < len(words) <= MAX_ONE_LINE_SIGNER_WORDS:
        return False
    return (words[0][:1].isupper() or words[0][:1].isdigit()) \
        and all(not word[:1].islower() or word.casefold() in _any_function_word() for word in words[1:]) \
        and name_likeness(text) >= MIN_ONE_LINE_SIGNER_LIKENESS


@cache
def _any_function_word() -> frozenset[str]:
    return frozenset().union(*(function_words(language) for language in LANGUAGES))


def _abbreviated_whole(text: str, last: str) -> bool:
    """Whether the acronym in brackets at the end spells out words before the last item, not the last alone."""
    acronym = _CLOSING_ACRONYM.search(text)
    if acronym is None:
        return False
    letters = acronym.group(1).casefold()
    return _spells(letters, text[:acronym.start()]) and not _within(letters, last[:last.rfind("(")].casefold())


def _within(letters: str, text: str) -> bool:
    """ "dnr" within "deutscher naturschutzring": an acronym may take letters from inside its name's words."""
    rest = iter(text)
    return all(letter in rest for letter in letters)


def _spells(letters: str, text: str) -> bool:
    """ "osh" in "Occupational Safety, Health": the letters are initials of the capitalised words, in order."""
    initials = iter(word[0].casefold() for word in re.findall(r"[^\W\d_][\w'’-]*", text) if word[0].isupper())
    return all(letter in initials for letter in letters)


def _strip_leading_lead_in(entries: list[Entry], words: Lexicon) -> list[Entry]:
    """ "By Department of Journalism, ..." or "Signed: Alpha Group": the lead-in glued to the first name."""
    if entries:
        stripped = _LEADING_BY.sub("", entries[0].text, count=1)
        if stripped != entries[0].text and stripped[:1].isupper():
            entries[0].text = stripped
        elif len(entries) > 1 and words.signatory_leadin.fullmatch(entries[0].text.strip(" :,.")):
            return entries[1:]  # "Signed, A, B and C": the word that signs, parted from the names by its comma
    return entries


def _table_entries(blocks: list[Block], group: str | None) -> list[Entry]:
    rows = [block for block in blocks if block.kind == "row"]
    width = _used_columns(rows)
    if rows[0].header or is_header_row(rows[0]):
        columns = header_columns(rows[0].cells) if is_header_row(rows[0]) else None
        if columns is None and filled(rows[0]) == 1:
            group = rows[0].cells[0] or group
        blocks = blocks[blocks.index(rows[0]) + 1:]
        rows = rows[1:]
    else:
        columns = None
    if not rows:
        return []
    columns = columns or columns_by_content([row for row in rows if filled(row) > 1 or width == 1])
    entries: list[Entry] = []
    for block in blocks:
        if block.kind != "row":
            group = block.text.rstrip(":")
        elif width > 1 and filled(block) == 1 and columns.names == ():
            group = next(c for c in block.cells if c)
        elif block.header and filled(block) == 1:
            group = next(c for c in block.cells if c)
        else:
            for index in columns.names or (columns.name,):
                name = _signed_in_the_cell(block, index) or name_cell(block, columns, index)
                if name:
                    entries.append(Entry(name, group, block.people or columns.affiliation is not None, block, columns))
    return entries


def _signed_in_the_cell(row: Block, index: int) -> str | None:
    """ "Maria Soto<br>Professor of Law<br>Universidad de Chile" in one cell: a signature, its lines one entry's
    fields."""
    return _signature(row.cell_lines[index]) if index < len(row.cell_lines) else None


def _used_columns(rows: list[Block]) -> int:
    """How many columns hold text in some row: a column of logos, all images, is no column of the table's text, and
    a row with one name beside its logo is no group row."""
    width = max(len(row.cells) for row in rows)
    return sum(1 for index in range(width) if any(index < len(row.cells) and row.cells[index] for row in rows))


def kept(entries: list[Entry]) -> list[Entry]:
    """Entries that read as names; the notes, contacts and footnotes a list ends with are left out. A logo's
    alt text is a name however it is written ("cittadini reattivi")."""
    return [entry for entry in entries if entry.row is not None
            or entry_likeness(entry) >= (DROP_LENIENT if entry.lenient else DROP_ENTRY)]


def entry_likeness(entry: Entry) -> float:
    """How much an entry reads as a name; where lower case is no sign of prose (a logo's alt text), a name written
    all in lower case ("cittadini reattivi", "terzo paesaggio") reads as it would capitalised."""
    text = entry.named or entry.text
    if names_a_document(text):
        return DOCUMENT_LIKENESS
    return name_likeness(text.title() if entry.lenient and text.islower() else text)


@memory.kept(maxsize=16384)
def names_a_document(text: str) -> bool:
    """ "Carta ao reitor Vahan Agopyan e gabinete", "Letter to the Board", "Lettre à la ministre": a document named
    by whom it is addressed to, in a list of a campaign's letters; no signer is called so."""
    match = cue_pattern("statement_nouns").match(text)
    return match is not None and addressed_to_in_any_language().match(text[match.end():].lstrip()) is not None


def trailing_words(first: str, others: list[str]) -> str:
    """The first item without the words that introduce the list: as many words as the others have."""
    typical = sorted(len(item.split()) for item in others)[len(others) // 2]
    return " ".join(first.split()[-typical:])

