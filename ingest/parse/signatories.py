"""Signatories: the runs of names that sign a statement, found by their structure and scored.

Every run of short blocks (list items, lines, table rows, one-name paragraphs, inline enumerations,
group labels) is a candidate. A candidate is scored on how name-like its entries are, how many
there are, where it stands in the page, and what stands before it: a lead-in such as "Signed by"
counts for it, an ask such as "We call on X to:" counts against it. The best candidate is the
signatory block, with the candidates next to it that continue it ("Individuals:" and a second list).
Where no list signs, the signers named in a heading or the opening sentence are taken.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..places import is_place
from ..records import Signatory, SignatoryKind
from .blocks import Block, names_people
from .countries import country_code
from .demands import last_sentence, read_lead_in
from .inline import split_inline_list
from .lexicon import Lexicon
from .names import (
    ends_section,
    has_organisation_word,
    has_role_word,
    is_given_name,
    legal_forms,
    name_likeness,
    on_behalf_of,
    person_evidence,
    read_person,
    says_organisations,
    says_people,
    signing_for,
    split_head,
    starts_with_given_name,
)
from .prose_signers import named_by_statement, prose_signers, without_article
from .tables import Columns, cell, columns_by_content, filled, header_columns, is_header_row, kind_from_type

MAX_LEADIN_CHARS = 400
MAX_LABEL_CHARS = 60  # "Signatories", "List of signatories": a lead-in that needs no colon
MAX_ENTRY_CHARS = 200  # a longer paragraph is prose, not one entry
MAX_GROUP_CHARS = 60  # "Global", "Europe", "Deutschland": a label that groups the entries under it
MAX_VALEDICTION_CHARS = 40  # "Signed,", "Yours sincerely,", "Cordiali saluti,"
MAX_LOOKBACK = 3  # blocks between a lead-in and its list ("(in alphabetical order)", a note)
MAX_GAP = 4  # blocks between two lists of one signatory block ("Individuals:")
MAX_BARE_LABEL_WORDS = 4
MAX_PLACES = 0.25  # the share of an inline list's items that may be places
MAX_NAME_WORDS = 12  # "CIDAC – Centro de Intervenção para o Desenvolvimento Amílcar Cabral"
MAX_STRAY = 2  # entries in another form that may stand inside a long list
MAX_NOTE_CHARS = 600
MAX_NOTES = 2  # "The logos above are the organisations that joined": a note between two lists
MAX_CLOSING_BLOCKS = 8
MIN_CLOSING_ITEMS = 5
ACCEPT = 0.9  # the score a candidate needs to be the signatory block
CONTINUE = 0.5  # the score a neighbouring candidate needs to continue it
DROP_ENTRY = 0.4  # an entry this little like a name is left out ("For questions, contact ...")
DROP_LENIENT = 0.2  # the same, where names may be written in lower case (a logo's alt text)
MIN_MEAN_LIKENESS = 0.6
MIN_MEAN_LIKENESS_AFTER_LEAD_IN = 0.45  # "Atentamente: grupo de trabajo del Segundo Foro y ..."
_SENTENCE_END = re.compile(r"\b[a-zà-ÿ]{4,}[.!?]$")
_SEPARATED_SUFFIX = re.compile(r"^(?P<name>.+?)(?:\s*,\s*|\s+[–—-]\s+)(?P<suffix>[^,–—()]+)$")
_BRACKETED_SUFFIX = re.compile(r"^(?P<name>.+?)\s*\((?P<inside>[^()]+)\)$")
_LABELLED_LIST = re.compile(r"^(?P<label>[^:,]{2,60}):\s+(?P<items>.+)$")
_ORGANISATION_SHAPE = re.compile(r"[a-z][A-Z]|[A-Z]{2}|\d")  # "YASunidos", "BIJ1", "MiGreat"
_WEBSITE_AFTER = re.compile(r"(?:\s+(?:[–—-]\s+|\()(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?\)?"
                            r"|,\s*(?:site|website|web|site web|sitio|sito|webseite))$", re.I)
_QUOTED = re.compile(r"^[\"“”«»„](.+?)[\"“”«»]$")  # “Zacatecanos por la paz”
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]{2}")
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


@dataclass
class SignatoryBlock:
    lead_in_index: int  # where the block starts among the document's blocks, lead-in included
    stated_count: int | None
    entries: list[Entry] = field(default_factory=list)
    columns: Columns | None = None  # where the entries are table rows
    stated_minimum: int | None = None
    end_index: int | None = None  # the first block after it
    score: float = 0.0


@dataclass
class _Run:
    start: int
    end: int
    blocks: list[Block]
    lead_in: int | None = None  # index of the lead-in block before it
    asked: bool = False  # what stands before it asks for something: a list of demands
    score: float = 0.0
    entries: list[Entry] = field(default_factory=list)
    labels: int = 0  # how many of its first blocks are labels ("Europe:", a heading) rather than entries
    labelled: bool = False  # it opens with a label and its names on one line ("Prime adesioni: A, B")


def find_signatory_block(blocks: list[Block], words: Lexicon, title: str | None = None) -> SignatoryBlock | None:
    """The best-scoring run of names and the runs that continue it; else the groups a closing
    sentence names; else the signers a heading or the opening names; None when there are none."""
    roles = [_role(blocks, i, words) for i in range(len(blocks))]
    runs = [_scored(run, blocks, words) for run in _runs(blocks, roles, words)]
    accepted = [run for run in runs if run.score >= ACCEPT]
    if accepted:
        best = max(accepted, key=lambda run: run.score)
        return _block_from(_with_neighbours(best, runs, roles, blocks), blocks, words)
    closing = _closing_inline_list(blocks, words)
    if closing:
        return closing
    named = prose_signers(title, blocks, words)
    return SignatoryBlock(len(blocks), None, [Entry(name) for name in named], end_index=len(blocks)) if named \
        else None


# --- candidates -----------------------------------------------------------------------------------

def _role(blocks: list[Block], index: int, words: Lexicon) -> str:
    """entry, label, leadin, ask, end or prose: what a block can be in a signatory block."""
    block = blocks[index]
    text = block.text
    if block.kind in ("row", "image"):
        return "entry"
    if not any(c.isalnum() for c in text):
        return "mark"  # a rule, "**", "* * *": decoration between lists
    if len(text) <= MAX_ENTRY_CHARS and (words.block_end.search(text) or ends_section(text)):
        return "end"
    if _is_ask(blocks, index, words):
        return "ask"
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    previous = blocks[index - 1] if index else None
    if is_lead_in(block, words) or _is_valediction(block, previous, following):
        return "leadin"
    if block.kind == "heading":
        if _among_name_headings(blocks, index):
            return "entry"
        return "label" if len(text) <= MAX_GROUP_CHARS else "prose"
    if _is_group_label(block, following):
        return "label"
    if block.kind in ("paragraph", "line") and _signed_list(text, words):
        return "signed"  # "Atentamente: X y Y", "Unterzeichnet von A, B, C": a lead-in and its names
    if block.kind in ("item", "line"):
        return "entry"
    if text.endswith((":", "：")) and not _labelled_items(text, words):
        return "prose"  # a long line that leads into something
    if len(text) <= MAX_ENTRY_CHARS and not looks_like_sentence(text):
        return "entry"
    if _labelled_items(text, words) or _inline_items(text, words):
        return "entry"
    return "prose"


def _among_name_headings(blocks: list[Block], index: int) -> bool:
    """ "Jonathan Kocher, IFPTE Local 21" as one heading after another: headings that label nothing are names."""
    block = blocks[index]
    if name_likeness(block.text) < 0.6:
        return False
    return any(0 <= i < len(blocks) and blocks[i].kind == "heading" and blocks[i].level == block.level
               and name_likeness(blocks[i].text) >= 0.6 for i in (index - 1, index + 1))


def _signed_list(text: str, words: Lexicon) -> bool:
    labelled = _labelled_items(text, words)
    return labelled is not None and words.signatory_leadin.search(labelled[0]) is not None


def _is_valediction(block: Block, previous: Block | None, following: Block | None) -> bool:
    """ "Signed,", "Atentamente,", "In fede,": a short line ending in a comma after the letter's prose,
    with a name after it."""
    after_prose = previous is None or previous.kind != block.kind or len(previous.text) > MAX_ENTRY_CHARS \
        or name_likeness(previous.text) < 0.6
    shaped = block.kind in ("paragraph", "line") and len(block.text) <= MAX_VALEDICTION_CHARS \
        and block.text.endswith(",") and "," not in block.text[:-1]
    named_after = following is not None and name_likeness(following.text) >= 0.5
    return after_prose and shaped and named_after and person_evidence(block.text.rstrip(",")) <= 0 \
        and not has_organisation_word(block.text)


def _is_ask(blocks: list[Block], index: int, words: Lexicon) -> bool:
    """ "We call on X to:" followed by a list, or ending in a colon: it leads into demands."""
    block = blocks[index]
    if block.kind in ("item", "row") or len(block.text) > MAX_LEADIN_CHARS * 2:
        return False
    if read_lead_in(last_sentence(block.text), words) is None:
        return False
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return block.text.rstrip().endswith((":", "：")) or (following is not None and following.kind == "item")


def is_lead_in(block: Block, words: Lexicon) -> bool:
    """A heading, a line ending in a colon, or a short label that names the signatories;
    not a sentence that asks ("we who sign this manifesto declare that:" leads into demands)."""
    if block.kind in ("item", "row") or len(block.text) > MAX_LEADIN_CHARS:
        return False
    if read_lead_in(last_sentence(block.text), words) is not None:
        return False
    introduces = (block.kind == "heading" or block.text.rstrip().endswith((":", ",", "："))
                  or len(block.text) <= MAX_LABEL_CHARS)
    return introduces and (words.signatory_leadin.search(block.text) is not None or
                           _counts_signers(block.text, words))


def _counts_signers(text: str, words: Lexicon) -> bool:
    """ "The following 121 groups:", "87 Organisationen haben unterzeichnet:"."""
    return text.rstrip().endswith((":", "：")) and words.signatory_count.search(text) is not None


def _runs(blocks: list[Block], roles: list[str], words: Lexicon) -> list[_Run]:
    """Runs of entries of one form (items, lines and paragraphs, rows, images), each with the labels
    before it: "Europe:" starts a run, and so does a list after a paragraph."""
    runs: list[_Run] = []
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and roles[end] in ("label", "mark"):
            end += 1
        form = None
        while end < len(blocks) and roles[end] in ("entry", "signed") and form in (None, _form(blocks[end])):
            form = _form(blocks[end])
            end += 1
            if roles[end - 1] == "signed" or (end < len(blocks) and roles[end] == "signed"):
                break  # a line with its own lead-in is a list of its own
        if form is not None:
            runs.append(_run(blocks, roles, index, end))
        index = max(end, index + 1)
    return runs


def _form(block: Block) -> str:
    return block.kind if block.kind in ("item", "row", "image") else "text"  # headings that are names: text


def _run(blocks: list[Block], roles: list[str], start: int, end: int) -> _Run:
    run = _Run(start, end, blocks[start:end])
    while run.labels < len(run.blocks) and roles[start + run.labels] in ("label", "mark"):
        run.labels += 1
    if roles[start + run.labels] == "signed":
        run.lead_in = start + run.labels  # its first line leads in with its own words
        return run
    run.labelled = run.labels < len(run.blocks) and _LABELLED_LIST.match(run.blocks[run.labels].text) is not None
    for back in range(start - 1, max(start - 1 - MAX_LOOKBACK, -1), -1):
        role = roles[back]
        if role == "leadin":
            run.lead_in = back
            break
        if role == "ask":
            run.asked = back == start - 1 or blocks[start].kind == "item"
            break
        if role not in ("prose", "label", "mark") or len(blocks[back].text) > MAX_LEADIN_CHARS:
            break
    return run


def _scored(run: _Run, blocks: list[Block], words: Lexicon) -> _Run:
    entries = run.entries = _entries(run, words)
    if not entries:
        run.score = -math.inf
        return run
    likeness = [name_likeness(entry.text) for entry in entries]
    mean = sum(likeness) / len(likeness)
    if mean < (MIN_MEAN_LIKENESS_AFTER_LEAD_IN if run.lead_in is not None else MIN_MEAN_LIKENESS):
        run.score = -math.inf  # whatever introduces them, these are not names
        return run
    score = 2 * mean - 1 + 0.15 * min(math.log2(len(entries)), 5)
    if len(entries) == 1:
        score -= 0.5
    if run.lead_in is None and len(entries) <= 3:
        score -= 0.6  # two or three names with nothing to say they sign: a menu, a list of parties
    score += _introduction(run, blocks, words)
    if run.asked:
        score -= 1.2 * (1 - _identified(entries))
    score += 0.3 * run.start / max(len(blocks), 1)
    run.score = score
    return run


def _introduction(run: _Run, blocks: list[Block], words: Lexicon) -> float:
    """What the block before the run says of it: a lead-in counts for it; a sentence ending in a colon
    that names no signers ("Die Umweltverbände fordern unter anderem:") counts against it."""
    if run.lead_in is not None:
        return 0.8
    before = blocks[run.start - 1] if run.start else None
    first = run.blocks[0]
    if first.text.endswith((":", "：")):
        return 0.2
    if before is None or not before.text.endswith((":", "：")):
        return 0.0
    if words.group_noun.search(before.text):
        return 0.5
    return -0.4 if len(before.text) > MAX_LABEL_CHARS else 0.2


def _identified(entries: list[Entry]) -> float:
    """The share of entries that surely name someone: a person by their name's shape, an organisation by
    its words; an ask's items ("Ensure that ...") name no one."""
    short = [entry for entry in entries if len(entry.text.split()) <= 12]
    return sum(1 for entry in short if abs(person_evidence(entry.text)) >= 0.5) / len(entries)


def _continues(near: _Run, far: _Run, roles: list[str], blocks: list[Block]) -> bool:
    """Whether the later of two runs continues the earlier: after a label, or with only lead-ins, labels
    and marks between them; two runs that are each a signatory list may have a short note between."""
    gap = range(near.end, far.start)
    if not gap:
        return roles[far.start] in ("label", "mark") or far.labelled
    notes = [i for i in gap if roles[i] == "prose" and len(blocks[i].text) <= MAX_NOTE_CHARS]
    both = near.score >= ACCEPT and far.score >= ACCEPT
    allowed = [i for i in gap if roles[i] in ("leadin", "label", "mark")]
    return len(gap) <= MAX_GAP and len(allowed) + (len(notes[:1]) if both else 0) == len(gap)


def _with_neighbours(best: _Run, runs: list[_Run], roles: list[str], blocks: list[Block]) -> list[_Run]:
    """The best run, with the runs before and after it that continue the same signatory block: after a
    label ("Individuals"), or with nothing but lead-ins and labels between. One stray entry in another
    form ("Mahdy, Independent Consultant" as the only list item in a wall of names), or a note between two
    lists ("(affiliations for identification only)"), does not end it."""
    chosen = [best]
    position = runs.index(best)
    for step in (-1, 1):
        index = position + step
        while 0 <= index < len(runs):
            edge = chosen[0] if step < 0 else chosen[-1]
            taken, consumed = _continuation(edge, runs, index, step, roles, blocks)
            if not consumed:
                break
            for run in taken:
                chosen.insert(0, run) if step < 0 else chosen.append(run)
            index += step * consumed
    return chosen


def _continuation(edge: _Run, runs: list[_Run], index: int, step: int, roles: list[str],
                  blocks: list[Block]) -> tuple[list[_Run], int]:
    """The runs from index on that continue the edge run, and how many runs that passes: the next one; a
    stray run and the one after it; or, past a one-block note, the list after it."""
    def joins(run: _Run, other: _Run) -> bool:
        near, far = (run, other) if step < 0 else (other, run)
        return _continues(near, far, roles, blocks) and run.score >= CONTINUE and not run.asked

    candidate = runs[index]
    if joins(candidate, edge):
        return [candidate], 1
    beyond = index + step
    if 0 <= beyond < len(runs) and _stray(candidate, edge, runs[beyond], step):
        return [candidate, runs[beyond]], 2
    return _past_notes(edge, runs, index, step, roles, blocks)


def _stray(candidate: _Run, edge: _Run, after: _Run, step: int) -> bool:
    """One or two entries in another form between two runs of the same form, touching both."""
    return len(candidate.entries) <= MAX_STRAY and _adjacent(edge, candidate, step) and \
        _adjacent(candidate, after, step) and after.score >= CONTINUE and \
        _form(after.blocks[-1]) == _form(edge.blocks[-1])


def _past_notes(edge: _Run, runs: list[_Run], index: int, step: int, roles: list[str],
                blocks: list[Block]) -> tuple[list[_Run], int]:
    """The next signatory list past a few short notes and labels ("Some organisations have published their
    own statements.", "### Individuals", "(affiliations for identification only)"), and how many runs
    that passes; none where anything longer stands between."""
    beyond = index
    while 0 <= beyond < len(runs) and runs[beyond].score < CONTINUE:
        beyond += step
    if not 0 <= beyond < len(runs) or runs[beyond].score < ACCEPT or runs[beyond].asked:
        return [], 0
    near, far = (edge, runs[beyond]) if step > 0 else (runs[beyond], edge)
    between = range(near.end, far.start + far.labels)
    notes = [i for i in between if roles[i] not in ("label", "leadin", "mark")]
    if len(between) > MAX_GAP + 2 or len(notes) > MAX_NOTES or \
            any(len(blocks[i].text) > MAX_NOTE_CHARS for i in notes):
        return [], 0
    return [runs[beyond]], abs(beyond - index) + 1


def _adjacent(run: _Run, other: _Run, step: int) -> bool:
    return (other.start == run.end) if step > 0 else (other.end == run.start)


# --- entries --------------------------------------------------------------------------------------

def _entries(run: _Run, words: Lexicon, group: str | None = None) -> list[Entry]:
    entries: list[Entry] = []
    rows = [block for block in run.blocks if block.kind == "row"]
    if rows and len(rows) >= len(run.blocks) / 2:
        return _table_entries(run.blocks, group)
    for label in run.blocks[:run.labels]:
        if any(c.isalnum() for c in label.text):
            group = label.text.rstrip(":： ").strip()
            entries.extend(_label_entries(group))
    blocks = [block for block in _unwrapped(run.blocks[run.labels:]) if any(c.isalnum() for c in block.text)]
    typical = _typical_length(blocks)
    for block in blocks:
        entries.extend(_block_entries(block, words, group, split=len(blocks) <= 2 or len(block.text) > 3 * typical))
    entries = [entry for entry in _strip_leading_lead_in(entries, words) if not _is_label_word(entry.text)]
    return _without_translations(_without_list_full_stops(_without_websites(entries)))


def _typical_length(blocks: list[Block]) -> int:
    lengths = sorted(len(block.text) for block in blocks)
    return lengths[len(lengths) // 2] if lengths else 0


def _without_websites(entries: list[Entry]) -> list[Entry]:
    """ "Bits of Freedom - bof.nl": the website after a name is not part of it, nor a comma left after it."""
    for entry in entries:
        entry.text = _QUOTED.sub(r"\1", _WEBSITE_AFTER.sub("", entry.text).rstrip(" ,■"))
    return entries


def _without_list_full_stops(entries: list[Entry]) -> list[Entry]:
    """ "Fundación Corona." one per paragraph: when most entries end in a full stop, it is the list's."""
    stopped = [entry for entry in entries if entry.text.endswith(".") and not _abbreviated(entry.text)]
    if len(entries) >= 2 and len(stopped) >= 0.6 * len(entries):
        for entry in stopped:
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
    """ "Organizations", "Individuals": the tabs or headings of a list, not its entries."""
    return len(text.split()) <= 3 and (says_people(text) or says_organisations(text)) and \
        not has_organisation_word(text.replace("organi", ""))


def _unwrapped(blocks: list[Block]) -> list[Block]:
    """ "Gießen, Göttingen, Karlsruhe," wrapped over lines that end in commas: one paragraph again."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if previous is not None and previous.kind == "line" and block.kind == "line" and previous.text.endswith(","):
            joined[-1] = Block("paragraph", f"{previous.text} {block.text}", people=previous.people)
        else:
            joined.append(block)
    return joined


def _is_group_label(block: Block, following: Block | None) -> bool:
    if len(block.text) > MAX_GROUP_CHARS or following is None or block.kind == "row" or block.text.endswith(","):
        return False
    if block.kind == "heading" or block.text.endswith((":", "：")):
        return True
    # "Global" or "Kenya" above a list: a short word or two, not a name with its affiliation
    short = len(block.text.split()) <= MAX_BARE_LABEL_WORDS and "," not in block.text
    return short and block.kind in ("paragraph", "line") and following.kind in ("item", "row") \
        and block.kind != following.kind


def _block_entries(block: Block, words: Lexicon, group: str | None, split: bool = True) -> list[Entry]:
    """One block's entries: a name, a person and the organisation they sign for, or an inline list
    (split only where the block is longer than the list's other entries)."""
    text = named_by_statement(block.text.rstrip("*").strip())
    labelled = _labelled_items(text, words)
    if labelled:
        label, items = labelled
        led = words.signatory_leadin.search(label) is not None
        return [Entry(without_article(item), label, block.people, lenient=led) for item in items]
    items = _inline_items(text, words) if split and (block.kind == "paragraph" or len(text) > MAX_ENTRY_CHARS) \
        else None
    if items:
        if words.group_noun.search(items[0]):  # "Die Fridays For Future Ortsgruppen Gießen, Göttingen, ..."
            items[0] = _trailing_words(items[0], items[1:])
        return [Entry(item, group, block.people) for item in items]
    couple = _couple(text, words)
    if couple:
        return [Entry(person, group, True) for person in couple]
    behalf = on_behalf_of(text)
    if behalf:
        person, organisation = behalf
        return [Entry(text, group, True), Entry(organisation, group)]
    return [Entry(text, group, block.people, lenient=block.kind == "image")]


def _couple(text: str, words: Lexicon) -> list[str] | None:
    """ "Sophie Binet et Marie José Kotlicki, cosecrétaires générales": two people, one role."""
    head, tail = split_head(text)
    parts = words.last_conjunction.split(head, maxsplit=1)
    if len(parts) != 2 or not all(starts_with_given_name(part) and len(part.split()) <= 4 for part in parts):
        return None
    return [part.strip() + (f", {tail}" if tail else "") for part in parts]


def _labelled_items(text: str, words: Lexicon) -> tuple[str, list[str]] | None:
    """ "Prime adesioni: A, B and C", "Europe: A, B" or "Unterzeichnet von A, B, C" on one line:
    a label and its entries."""
    match = _LABELLED_LIST.match(text) or _led_list(text, words)
    if not match:
        return None
    items = split_inline_list(match.group("items"), words, minimum=2, longest=MAX_NAME_WORDS)
    # After "Signed:" or "Atentamente:" the names may be written as prose writes them ("grupo de trabajo ...").
    enough = 0.4 if words.signatory_leadin.search(match.group("label")) else 0.6
    if not items or sum(name_likeness(item) for item in items) / len(items) < enough or \
            any(country_code(item) for item in items):
        return None
    return match.group("label").strip(), items


def _led_list(text: str, words: Lexicon) -> re.Match[str] | None:
    lead_in = words.signatory_leadin.match(text)
    if lead_in is None:
        return None
    return re.match(rf"^(?P<label>.{{{lead_in.end()}}}(?:\s+(?:by|von|par|por|da|door|de))?)\s*[:,]?\s+"
                    rf"(?P<items>[A-ZÀ-Þ0-9].+)$", text)


def _inline_items(text: str, words: Lexicon) -> list[str] | None:
    """ "Alpha Group, Beta Network and Gamma e.V." as one paragraph: one entry per name."""
    items = split_inline_list(text, words, longest=MAX_NAME_WORDS)
    if not items or any(": " in item for item in items):
        return None  # "Date: Wed, 01/29/2020, Source: ..., coal": a line of fields, not of names
    if sum(1 for item in items if is_place(item)) >= MAX_PLACES * len(items):
        return None  # "Steve Willett, UPTE-CWA Local 9119, Oakland, California, US ...": addresses run together
    likeness = [name_likeness(item) for item in items]
    doubtful = sum(1 for value in likeness if value < 0.6)
    if likeness[0] < 0.6 or doubtful > (0.15 * len(items) if len(items) >= 8 else 0):
        return None  # "Activities are planned for Auckland University, ...": a sentence, not a list
    return [without_article(item) for item in items]


def _strip_leading_lead_in(entries: list[Entry], words: Lexicon) -> list[Entry]:
    """ "By Department of Journalism, ..." or "Signed: Alpha Group": the lead-in glued to the first name."""
    if entries:
        stripped = _LEADING_BY.sub("", entries[0].text, count=1)
        if stripped != entries[0].text and stripped[:1].isupper():
            entries[0].text = stripped
    return entries


def _table_entries(blocks: list[Block], group: str | None) -> list[Entry]:
    rows = [block for block in blocks if block.kind == "row"]
    width = max(len(row.cells) for row in rows)
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
                name = cell(block, index)
                if name:
                    entries.append(Entry(name, group, block.people, block, columns))
    return entries


# --- the block ------------------------------------------------------------------------------------

def _block_from(runs: list[_Run], blocks: list[Block], words: Lexicon) -> SignatoryBlock:
    entries: list[Entry] = []
    for number, run in enumerate(runs):
        label = _gap_label(run, blocks, words) if run is not runs[0] else None
        for entry in _entries(run, words, label) if label else run.entries:
            entry.run = number
            entries.append(entry)
    first = runs[0]
    lead_in = first.lead_in
    found = SignatoryBlock(lead_in if lead_in is not None else first.start, None, _kept(entries),
                           end_index=runs[-1].end, score=max(run.score for run in runs))
    counted = [blocks[i].text for i in ([lead_in] if lead_in is not None else [])]
    counted += [blocks[run.lead_in].text for run in runs[1:] if run.lead_in is not None]
    for text in counted:
        found.stated_count, found.stated_minimum = stated_count(text, words)
        if found.stated_count or found.stated_minimum:
            break
    return found


def _gap_label(run: _Run, blocks: list[Block], words: Lexicon) -> str | None:
    """ "Individual signatories:" between two lists: the label of the second."""
    previous = blocks[run.start - 1] if run.start else None
    if previous is None or len(previous.text) > MAX_LEADIN_CHARS:
        return None
    return previous.text.rstrip(":： ").strip()


def _kept(entries: list[Entry]) -> list[Entry]:
    """Entries that read as names; the notes, contacts and footnotes a list ends with are left out. A logo's
    alt text is a name however it is written ("cittadini reattivi")."""
    return [entry for entry in entries if entry.row is not None
            or name_likeness(entry.text) >= (DROP_LENIENT if entry.lenient else DROP_ENTRY)]


def _closing_inline_list(blocks: list[Block], words: Lexicon) -> SignatoryBlock | None:
    """ "Die Fridays For Future Ortsgruppen Gießen, Göttingen, ... und Hannover.": the groups named
    in a statement's last sentence, when its opening words say they are groups."""
    for start in range(len(blocks) - 1, max(len(blocks) - MAX_CLOSING_BLOCKS, 0) - 1, -1):
        if blocks[start].kind not in ("paragraph", "line"):
            break
        items = split_inline_list(" ".join(b.text for b in blocks[start:]), words, minimum=MIN_CLOSING_ITEMS)
        if items and words.group_noun.search(items[0]):
            items[0] = _trailing_words(items[0], items[1:])
            return SignatoryBlock(start, None, [Entry(item) for item in items], end_index=len(blocks))
    return None


def _trailing_words(first: str, others: list[str]) -> str:
    """The first item without the words that introduce the list: as many words as the others have."""
    typical = sorted(len(item.split()) for item in others)[len(others) // 2]
    return " ".join(first.split()[-typical:])


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


# --- reading each entry ---------------------------------------------------------------------------

def read_signatories(block: SignatoryBlock, words: Lexicon) -> list[Signatory]:
    contexts = {run: _context([e for e in block.entries if e.run == run]) for run in {e.run for e in block.entries}}
    signatories = []
    for entry in block.entries:
        signatory = _signatory(entry, contexts[entry.run])
        if signatory is None:
            continue
        if signatory.country is None and entry.group:
            signatory.country = country_code(entry.group)
        signatory.position = len(signatories) + 1
        signatories.append(signatory)
    return signatories


PERSON_THRESHOLD = {"people": -0.05, "mixed": 0.45, "organisations": 0.65}


def _context(entries: list[Entry]) -> str:
    """A list whose entries mostly name people makes its doubtful entries people too; one that mostly
    names organisations asks more of an entry before it is a person."""
    evidence = [person_evidence(entry.text) for entry in entries]
    named = sum(1 for entry in entries if starts_with_given_name(entry.text))
    # Given names are a sure sign only in number: a short list needs more of them.
    named_enough = named >= (0.5 if len(entries) >= 6 else 0.75) * len(entries)
    if evidence and (sum(1 for value in evidence if value > 0.3) >= 0.6 * len(evidence) or named_enough):
        return "people"
    if evidence and sum(1 for value in evidence if value <= 0.3) >= 0.6 * len(evidence):
        return "organisations"
    return "mixed"


def _signatory(entry: Entry, context: str) -> Signatory | None:
    written = entry.text
    if not written:
        return None
    name, country = split_country(written)
    signatory = Signatory(position=0, name=name, name_as_written=written, country=country,
                          kind=_kind(entry, context))
    row, columns = entry.row, entry.columns
    if row is not None and columns is not None:
        country_cell = cell(row, columns.country)
        if country_cell and signatory.country is None:
            signatory.country = country_code(country_cell)
        kind = kind_from_type(cell(row, columns.kind))
        if kind is not None:
            signatory.kind = kind
    if signatory.kind == "individual":
        person = read_person(written)
        signatory.name, signatory.role, signatory.affiliation = person.name, person.role, person.affiliation
        signatory.country = None if person.role else signatory.country
    return signatory


def _kind(entry: Entry, context: str) -> SignatoryKind:
    evidence = person_evidence(entry.text)
    if entry.people or (entry.group and (says_people(entry.group) or names_people(entry.group))):
        return "organisation" if evidence <= -0.8 and has_organisation_word(entry.text) else "individual"
    if entry.group and says_organisations(entry.group):
        return "individual" if evidence >= 0.55 else "organisation"
    if context == "people":  # in a list of people, only an organisation's own words make an organisation
        return "organisation" if _organisation_among_people(entry.text) else "individual"
    return "individual" if evidence > PERSON_THRESHOLD[context] else "organisation"


def _organisation_among_people(text: str) -> bool:
    """ "YASunidos" or "Amnesty International, Belgium" in a list of people; not "Beatriu Masià Masià
    Feminista Associació Tamaia" or "Daniel BORIS IGLESIA, Expert Back-End" (a person, then where they
    work), nor "BohwaZ, Free software engineer" (a person known by a nickname, and their trade)."""
    head, tail = split_head(text)
    words = head.split()
    if not words or person_evidence(text) >= 0.9 or is_given_name(words[0]) or (tail and has_role_word(tail)):
        return False
    if len(words) > 1 and is_given_name(words[1]) and words[0].isupper():
        return False  # "BEAUFILS Bruno"
    shaped = len(words) == 1 and _ORGANISATION_SHAPE.search(head) is not None
    return has_organisation_word(" ".join(words[:3])) or shaped


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
