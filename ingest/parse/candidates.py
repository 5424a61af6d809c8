"""Candidate signatory lists: every run of short blocks, scored, and the runs that continue the best.

Each block is given a role (an entry, a label over entries, a lead-in, an ask, a section's end,
a mark, prose). Runs of entries of one form (items, lines and paragraphs, rows, images), with the
labels before them, are the candidates. A candidate is scored on how name-like its entries are, how
many there are, where it stands in the page, and what stands before it: a lead-in such as "Signed
by" counts for it, an ask such as "We call on X to:" counts against it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..places import is_place
from .asks import opens_with_noun_of
from .blocks import Block
from .countries import fold
from .dates import opens_with_date
from .demands import MAX_DEMAND_HEADING_WORDS, last_sentence, names_demands, read_lead_in
from .entries import (
    LABELLED_LIST,
    MAX_ENTRY_CHARS,
    MAX_GROUP_CHARS,
    Entry,
    entries_of,
    entry_likeness,
    inline_items,
    is_group_label,
    kept,
    labelled_items,
    names_on_one_line,
)
from .headings import salutes
from .lexicon import Lexicon, in_another_script
from .names import (
    ends_section,
    has_organisation_word,
    labels_addressees,
    name_likeness,
    person_evidence,
    says_organisations,
    says_people,
)
from .sentences import ends_in_abbreviation, is_abbreviation

MAX_LEADIN_CHARS = 400
MAX_LABEL_CHARS = 60  # "Signatories", "List of signatories": a lead-in that needs no colon
MAX_VALEDICTION_CHARS = 40  # "Signed,", "Yours sincerely,", "Cordiali saluti,"
MAX_LOOKBACK = 3  # blocks between a lead-in and its list ("(in alphabetical order)", a note)
MAX_GAP = 4  # blocks between two lists of one signatory block ("Individuals:")
MAX_STRAY = 2  # entries in another form that may stand inside a long list
MAX_NOTE_CHARS = 600
MAX_NOTES = 2  # "(affiliations for identification only)": notes between two lists
MAX_NOTE_BLOCKS = 4  # the paragraphs of one note between two lists
ACCEPT = 0.9  # the score a candidate needs to be the signatory block
CONTINUE = 0.5  # the score a neighbouring candidate needs to continue it
MAX_ACRONYM_WORDS = 2  # "ISOC BoT"
_CAPITALISED_WORD = re.compile(r"\b[A-ZÀ-Þ][\w’'-]*")
MAX_PLACES = 0.5  # the share of a candidate's entries that may be places
MIN_ENTRIES_TO_REPEAT = 6
MIN_REPEATED_ROUND = 3  # names given again in the same order, three at least: the list shown twice
MIN_DISTINCT_SHARE = 0.6  # of its entries, that a list of signers names differently
MIN_MEAN_LIKENESS = 0.6
MIN_MEAN_LIKENESS_AFTER_LEAD_IN = 0.45  # "Atentamente: grupo de trabajo del Segundo Foro y ..."
_SENTENCE_END = re.compile(r"\b[a-zà-ÿ]{4,}[.!?]$")
_NOUN_SENTENCE_END = re.compile(r"\b[A-ZÀ-Þ][a-zß-ÿ]{3,}[.!?]$")
_SHORT_WORD_END = re.compile(r"[a-zß-ÿ]{2,3}[.!?]")


def _ends_on_a_short_word(word: str) -> bool:
    """ "... setzen uns für ihre Freilassung ein.", "... roepen de regering op.": a particle ends the sentence; "etc.",
    "bzw." are no end."""
    return _SHORT_WORD_END.fullmatch(word) is not None and not is_abbreviation(word)


@dataclass


class Run:
    start: int
    end: int
    blocks: list[Block]
    lead_in: int | None = None  # index of the lead-in block before it
    asked: bool = False  # what stands before it asks for something: a list of demands
    score: float = 0.0
    entries: list[Entry] = field(default_factory=list)
    labels: int = 0  # how many of its first blocks are labels ("Europe:", a heading) rather than entries
    labelled: bool = False  # it opens with a label and its names on one line ("Prime adesioni: A, B")
    under_an_end: bool = False  # it stands right under a line that ends a statement ("Notes for editors", "Sources")


def roles_of(blocks: list[Block], words: Lexicon) -> list[str]:
    return [_role(blocks, index, words) for index in range(len(blocks))]


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
    if _lists_sources(text, words):
        return "end"
    asks = _asks(block, words)
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if asks and _leads_into_demands(block, following, words):
        return "ask"
    previous = blocks[index - 1] if index else None
    if block.kind in ("paragraph", "line") and _signed_list(text, words):
        return "signed"  # "Supported by: A, B and C", or "... co-signed by the following: A, B," wrapped on
    if is_lead_in(block, words, asks) or _is_valediction(block, previous, following):
        return "leadin"
    if block.kind == "heading":
        if _among_name_headings(blocks, index):
            return "entry"
        return "label" if len(text) <= MAX_GROUP_CHARS else "prose"
    if is_group_label(block, following) or _heads_sub_items(block, following) or \
            (following is not None and says_what_its_entries_are(block, words)):
        return "label"
    if block.kind in ("item", "line"):
        return "entry"
    if text.endswith((":", "：")) and not labelled_items(text, words):
        return "prose"  # a long line that leads into something
    if _names_a_thing_of(text, words):
        return "prose"
    if len(text) <= MAX_ENTRY_CHARS and not looks_like_sentence(text, words.nouns_capitalised):
        return "entry"
    if labelled_items(text, words) or inline_items(text, words):
        return "entry"
    return "prose"


def says_what_its_entries_are(block: Block, words: Lexicon) -> bool:
    """ "Organisations", "Signataires individuels", "Organizaciones firmantes" alone on a line (in bold, say) or as a
    heading: the label of the entries under it, whatever they are, where it says nothing but what they are and that
    they sign."""
    tokens = block.text.rstrip(":： ").split()
    if block.kind not in ("paragraph", "line", "heading") or not tokens or len(tokens) > MAX_KINDS_LABEL_WORDS:
        return False
    kinds = [token for token in tokens if says_people(token) or says_organisations(token)]
    return bool(kinds) and all(token in kinds or words.signatory_leadin.search(token) for token in tokens)


MAX_KINDS_LABEL_WORDS = 3


def _names_a_thing_of(text: str, words: Lexicon) -> bool:
    """ "Die Rücknahme des Räumungsplans.", "The release of all prisoners.": a thing and what it is of, closed by a full
    stop, as what a lead-in asks for is written one to a paragraph; a name ends on no full stop of its own."""
    return text.endswith(".") and not ends_in_abbreviation(text) and opens_with_noun_of(text, words)


def _heads_sub_items(block: Block, following: Block | None) -> bool:
    """ "Chile" as a list item with the signers from Chile in a list under it: the group, not a signer."""
    return block.kind == "item" and following is not None and following.kind == "item" \
        and following.level > block.level and len(block.text) <= MAX_GROUP_CHARS


def _lists_sources(text: str, words: Lexicon) -> bool:
    """ "Quellen: A, B, C", "Photo: X, pixabay", "References: ...": a line under a label that ends a statement's
    text lists its sources or credits, not its signers."""
    labelled = LABELLED_LIST.match(text)
    return labelled is not None and ends_section(labelled["label"] + ":") and \
        words.signatory_leadin.search(labelled["label"]) is None


def _among_name_headings(blocks: list[Block], index: int) -> bool:
    """ "Jonathan Kocher, IFPTE Local 21" as one heading after another: headings that label nothing are names."""
    block = blocks[index]
    if name_likeness(block.text) < 0.6:
        return False
    return any(0 <= i < len(blocks) and blocks[i].kind == "heading" and blocks[i].level == block.level
               and name_likeness(blocks[i].text) >= 0.6 for i in (index - 1, index + 1))


def _signed_list(text: str, words: Lexicon) -> bool:
    labelled = labelled_items(text, words)
    return labelled is not None and words.signatory_leadin.search(labelled[0]) is not None


def _is_valediction(block: Block, previous: Block | None, following: Block | None) -> bool:
    """ "Signed,", "Atentamente,", "In fede,": a short line ending in a comma after the letter's prose,
    with a name after it."""
    shaped = block.kind in ("paragraph", "line") and len(block.text) <= MAX_VALEDICTION_CHARS \
        and block.text.endswith(",") and "," not in block.text[:-1]
    if not shaped:
        return False  # the cheap test first: most blocks are not short lines ending in a comma
    after_prose = previous is None or previous.kind != block.kind or len(previous.text) > MAX_ENTRY_CHARS \
        or name_likeness(previous.text) < 0.6
    named_after = following is not None and name_likeness(following.text) >= 0.5
    return after_prose and named_after and person_evidence(block.text.rstrip(",")) <= 0 \
        and not has_organisation_word(block.text)


def _asks(block: Block, words: Lexicon) -> bool:
    """Whether a block that is no list item ends in a sentence that asks ("We call on X to"); read once per
    block, for both whether it leads into demands and whether it leads into signatories."""
    return block.kind not in ("item", "row") and len(block.text) <= MAX_LEADIN_CHARS * 2 and \
        read_lead_in(last_sentence(block.text), words) is not None


def _leads_into_demands(block: Block, following: Block | None, words: Lexicon) -> bool:
    """ "We call on X to:" followed by a list, or ending in a colon; not an ask that ends its sentence before a list
    unless it points to it ("... to take the following steps.")."""
    text = block.text.rstrip()
    if text.endswith((":", "：")):
        return True
    if following is None or following.kind != "item":
        return False
    return not text.endswith((".", "!")) or words.list_pointer.search(text) is not None


def is_lead_in(block: Block, words: Lexicon, asks: bool) -> bool:
    """A heading, a line ending in a colon, or a short label that names the signatories;
    not a sentence that asks ("we who sign this manifesto declare that:" leads into demands)."""
    if block.kind in ("item", "row") or len(block.text) > MAX_LEADIN_CHARS or asks:
        return False
    introduces = (block.kind == "heading" or block.text.rstrip().endswith((":", ",", "："))
                  or len(block.text) <= MAX_LABEL_CHARS)
    return introduces and (words.signatory_leadin.search(block.text) is not None or
                           _counts_signers(block.text, words))


def _counts_signers(text: str, words: Lexicon) -> bool:
    """ "The following 121 groups:", "87 Organisationen haben unterzeichnet:"."""
    return text.rstrip().endswith((":", "：")) and words.signatory_count.search(text) is not None


def candidate_runs(blocks: list[Block], roles: list[str], words: Lexicon) -> list[Run]:
    """Runs of entries of one form (items, lines and paragraphs, rows, images), each with the labels
    before it: "Europe:" starts a run, and so does a list after a paragraph."""
    runs: list[Run] = []
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and roles[end] in ("label", "mark"):
            end += 1
        form = None
        while end < len(blocks) and roles[end] in ("entry", "signed") and form in (None, _form(blocks[end])):
            form = _form(blocks[end])
            end += 1
            if (roles[end - 1] == "signed" and not _wraps_on(blocks, end - 1)) or \
                    (end < len(blocks) and roles[end] == "signed"):
                break  # a line with its own lead-in is a list of its own, but for the lines it wraps onto
        if form is not None:
            runs.append(_run(blocks, roles, index, end))
        index = max(end, index + 1)
    return runs


def _wraps_on(blocks: list[Block], index: int) -> bool:
    """ "co-signed by the following associations: April, BLOOM," over "DemocracyOS France, Framasoft": one list."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return blocks[index].kind == "line" and blocks[index].text.endswith(",") and following is not None \
        and following.kind == "line" and not following.opens


def _form(block: Block) -> str:
    """Items marked another way ("a)" after "3.") are another list; headings that are names are text."""
    return block.kind + block.marker if block.kind in ("item", "row", "image") else "text"


def _run(blocks: list[Block], roles: list[str], start: int, end: int) -> Run:
    run = Run(start, end, blocks[start:end])
    while run.labels < len(run.blocks) and roles[start + run.labels] in ("label", "mark"):
        run.labels += 1
    if roles[start + run.labels] == "signed":
        run.lead_in = start + run.labels  # its first line leads in with its own words
        return run
    run.labelled = run.labels < len(run.blocks) and LABELLED_LIST.match(run.blocks[run.labels].text) is not None
    for back in range(start - 1, max(start - 1 - MAX_LOOKBACK, -1), -1):
        role = roles[back]
        if role == "end":
            run.under_an_end = True
            break
        if role == "leadin":
            run.lead_in = back
            break
        if role == "ask":
            run.asked = back == start - 1 or blocks[start].kind == "item"
            break
        if role not in ("prose", "label", "mark") or len(blocks[back].text) > MAX_LEADIN_CHARS:
            break
    return run


def scored(run: Run, blocks: list[Block], words: Lexicon) -> Run:
    entries = run.entries = _once(entries_of(run.blocks, run.labels, words))
    named = kept(entries)
    if run.lead_in is not None and len(named) == 1 and named[0].row is None:  # "Firman," over "A y B"
        at = entries.index(named[0])
        entries[at:at + 1] = names_on_one_line(named[0], words)
    if not entries or run.under_an_end:
        run.score = -math.inf  # "Notes for editors", "References" over a list: its sources, not its signers
        return run
    likeness = [entry_likeness(entry) for entry in entries]
    mean = sum(likeness) / len(likeness)
    if mean < (MIN_MEAN_LIKENESS_AFTER_LEAD_IN if run.lead_in is not None else MIN_MEAN_LIKENESS):
        run.score = -math.inf  # whatever introduces them, these are not names
        return run
    labels = [*blocks[max(run.start - 1, 0):run.start], *run.blocks[:run.labels]]
    if any(labels_addressees(block.text) for block in labels):
        run.score = -math.inf  # "Para:" over "O Primeiro-Ministro", "O Povo de Portugal": whom the letter is to
        return run
    if salutes(run.blocks[run.labels].text if run.labels < len(run.blocks) else ""):
        run.score = -math.inf  # "Dear President Trump, Honorable Senators, Members of Congress, ...,": whom it is to
        return run
    if any(_labels_demands(block.text, words) for block in labels):
        run.score = -math.inf  # "Unsere Forderungen" over "Die sofortige Freilassung ...": capitals, but asks
        return run
    if sum(1 for entry in entries if opens_with_date(entry.text, words)) * 2 > len(entries):
        run.score = -math.inf  # "Juni 2014 Im Innenministerium ...", "07. Januar 2015 ...": a timeline
        return run
    if sum(1 for entry in entries if is_place(entry.text)) > MAX_PLACES * len(entries):
        run.score = -math.inf  # "Kenya, Uganda, Tanzania": where a group works, not who signs
        return run
    if sum(1 for block in run.blocks if block.anchored) * 2 > len(run.blocks):
        run.score = -math.inf  # "- [Precarious platform-based work](#topic2)": the page's table of contents
        return run
    if _most_spelled_out(entries):
        run.score = -math.inf  # "IAB: Internet Architecture Board", ...: a key to the acronyms used above
        return run
    if _repeats(entries) and not _under_a_name_header(entries):
        run.score = -math.inf  # "Sim", "Não", "Sim", "Não": a column of values, not of signers
        return run
    score = 2 * mean - 1 + length_score(len(entries))
    if len(entries) == 1:
        score -= 0.5
    if run.lead_in is None and len(entries) <= 3 and not _labelled_by_kind(run, blocks):
        score -= 0.6  # two or three names with nothing to say they sign: a menu, a list of parties
    score += _introduction(run, blocks, words)
    if run.asked:
        score -= 1.2 * (1 - _identified(entries))
    score += 0.3 * run.start / max(len(blocks), 1)
    if _in_another_script(entries):
        score -= OTHER_SCRIPT_PENALTY
    run.score = score
    return run


OTHER_SCRIPT_PENALTY = 1.0


def length_score(entries: int) -> float:
    """What a run's length adds to its score: a long list of names is a signatory list more surely than a short one."""
    return 0.15 * min(math.log2(entries), 5)


MIN_GROUPS = 3


def accepted_as_groups(runs: list[Run], roles: list[str], blocks: list[Block]) -> list[Run]:
    """ "UK" over three names, "USA" over three, "France" over one: lists under labels of one kind, each too short
    to be taken for the signatory block alone, that are taken for it together, as one list of their length."""
    found = []
    for run in runs:
        if run.score < CONTINUE or not run.labels:
            continue
        groups = with_neighbours(run, runs, roles, blocks)
        listed = sum(len(group.entries) for group in groups)
        if len(groups) >= MIN_GROUPS and \
                run.score - length_score(len(run.entries)) + length_score(listed) >= ACCEPT:
            found.append(run)
    return found


def _in_another_script(entries: list[Entry]) -> bool:
    """Names mostly written in another alphabet: the list of a translation further down the page
    ("감리교여성지도력개발원, 경기여성단체연합"), which the statement's own list comes before; alone, such a list is
    still read."""
    return sum(1 for entry in entries if in_another_script(entry.text)) * 2 > len(entries)


def _labels_demands(label: str, words: Lexicon) -> bool:
    """ "Unsere Forderungen", "Our demands:", "Sustain The Game! Principles:": a heading over what is asked or
    stood for, not over who asks it."""
    return (names_demands(label, words) or len(label.split()) <= MAX_DEMAND_HEADING_WORDS
            and words.aim_noun.search(label) is not None) and words.signatory_leadin.search(label) is None


def _labelled_by_kind(run: Run, blocks: list[Block]) -> bool:
    """ "Organisations" over a short list, "Individuals" over another, after a statement's text: a label that says
    what kind of signers the entries are (a page that is only a list to sign, "add your name below", has none)."""
    labelled = any(says_organisations(block.text) or says_people(block.text) for block in run.blocks[:run.labels]
                   if len(block.text) <= MAX_LABEL_CHARS)
    return labelled and sum(len(block.text) for block in blocks[:run.start]) >= MIN_STATEMENT_CHARS


MIN_STATEMENT_CHARS = 400


def _once(entries: list[Entry]) -> list[Entry]:
    """A list that ends by giving its names again in the same order, as a scrolling strip of logos repeats itself:
    the names once."""
    texts = [fold(entry.text) for entry in entries]
    for period in range(len(texts) // 2, MIN_REPEATED_ROUND - 1, -1):
        if texts[-period:] == texts[-2 * period:-period]:
            return _once(entries[:-period])
    return entries


def _most_spelled_out(entries: list[Entry]) -> bool:
    return sum(1 for entry in entries if _spells_out(entry.text)) * 2 > len(entries)


def _spells_out(text: str) -> bool:
    """ "IAB: Internet Architecture Board", "W3C: World Wide Web Consortium": an acronym, then the words whose initials
    make it."""
    acronym, colon, expansion = text.partition(":")
    if not colon:
        return False  # the cheap test first: few entries have a colon
    letters = [character for character in acronym if character.isupper()]
    initials = [word[0] for word in _CAPITALISED_WORD.findall(expansion)]
    return len(acronym.split()) <= MAX_ACRONYM_WORDS and len(letters) >= 2 \
        and initials[:2] == letters[:2]


def _repeats(entries: list[Entry]) -> bool:
    """Signers are named once each (a list may repeat a name or two by mistake); cells of a data table repeat."""
    distinct = len({fold(entry.text) for entry in entries})
    return len(entries) >= MIN_ENTRIES_TO_REPEAT and distinct < MIN_DISTINCT_SHARE * len(entries)


def _under_a_name_header(entries: list[Entry]) -> bool:
    """A table whose header names its name column: "Anonym", "Anonym", ... are names however often they repeat."""
    return entries[0].columns is not None and entries[0].columns.headed


def _introduction(run: Run, blocks: list[Block], words: Lexicon) -> float:
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


def _continues(near: Run, far: Run, roles: list[str], blocks: list[Block]) -> bool:
    """Whether the later of two runs continues the earlier: after a label, or with only lead-ins, labels
    and marks between them; two runs that are each a signatory list may have a short note between."""
    gap = range(near.end, far.start)
    if not gap:
        return roles[far.start] in ("label", "mark") or far.labelled
    notes = [i for i in gap if roles[i] not in ("leadin", "label", "mark")]
    if not notes:
        return len(gap) <= MAX_GAP
    both = near.score >= ACCEPT and far.score >= ACCEPT
    return both and all(roles[i] in ("prose", "entry") for i in notes) and _one_note(notes, blocks) \
        and len(gap) - len(notes) + 1 <= MAX_GAP


def _one_note(notes: list[int], blocks: list[Block]) -> bool:
    """Blocks that stand together as one short note: "The logos above are the organisations that joined. To join,
    write to us. Thank you!", set as a paragraph or as a few."""
    return notes == list(range(notes[0], notes[-1] + 1)) and len(notes) <= MAX_NOTE_BLOCKS and \
        sum(len(blocks[i].text) for i in notes) <= MAX_NOTE_CHARS


def with_neighbours(best: Run, runs: list[Run], roles: list[str], blocks: list[Block]) -> list[Run]:
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


def _continuation(edge: Run, runs: list[Run], index: int, step: int, roles: list[str],
                  blocks: list[Block]) -> tuple[list[Run], int]:
    """The runs from index on that continue the edge run, and how many runs that passes: the next one; a
    stray run and the one after it; or, past a one-block note, the list after it."""
    def joins(run: Run, other: Run) -> bool:
        near, far = (run, other) if step < 0 else (other, run)
        scored_enough = run.score >= CONTINUE or (run.score > -math.inf and _sibling_groups(run, other))
        return _continues(near, far, roles, blocks) and scored_enough and not run.asked and \
            (step > 0 or _opens_a_list(run) or _form(run.blocks[-1]) == _form(other.blocks[-1]))

    candidate = runs[index]
    if joins(candidate, edge):
        return [candidate], 1
    beyond = index + step
    if candidate.score == -math.inf and len(candidate.blocks) == 1 and 0 <= beyond < len(runs) \
            and joins(runs[beyond], edge):
        return [runs[beyond]], 2  # "Thank you!" closing a note between two lists is no list of its own
    if 0 <= beyond < len(runs) and _stray(candidate, edge, runs[beyond], step):
        return [candidate, runs[beyond]], 2
    return _past_notes(edge, runs, index, step, roles, blocks)


def _sibling_groups(run: Run, other: Run) -> bool:
    """ "### Germany" over one name, after "### UK" over three: lists under labels of one kind, in one form, are
    groups of one signatory block, however few names each holds."""
    if not run.labels or not other.labels:
        return False
    label, other_label = run.blocks[0], other.blocks[0]
    return label.kind == other_label.kind and label.level == other_label.level and \
        _form(run.blocks[-1]) == _form(other.blocks[-1])


def _opens_a_list(run: Run) -> bool:
    """A run before the signatory list joins it in another form only under a label or a lead-in of its own
    ("Organisations:" over paragraphs, then a table of people); links such as "English Press Release" just above
    a table of signers do not."""
    return run.labels > 0 or run.lead_in is not None


def _stray(candidate: Run, edge: Run, after: Run, step: int) -> bool:
    """One or two entries in another form between two runs of the same form, touching both."""
    return len(candidate.entries) <= MAX_STRAY and _adjacent(edge, candidate, step) and \
        _adjacent(candidate, after, step) and after.score >= CONTINUE and \
        _form(after.blocks[-1]) == _form(edge.blocks[-1])


def _past_notes(edge: Run, runs: list[Run], index: int, step: int, roles: list[str],
                blocks: list[Block]) -> tuple[list[Run], int]:
    """The next signatory list past a few short notes and labels ("Some organisations have published their
    own statements.", "### Individuals", "(affiliations for identification only)"), and how many runs
    that passes; none where anything longer stands between."""
    if step < 0 and edge.lead_in is not None and roles[edge.lead_in] == "leadin":
        return [], 0  # past notes, a list above the block's own lead-in ("Erstunterzeichnende") is another list
    beyond = index
    while 0 <= beyond < len(runs) and runs[beyond].score < CONTINUE:
        beyond += step
    if not 0 <= beyond < len(runs) or runs[beyond].score < ACCEPT or runs[beyond].asked:
        return [], 0
    near, far = (edge, runs[beyond]) if step > 0 else (runs[beyond], edge)
    between = range(near.end, far.start + far.labels)
    notes = [i for i in between if roles[i] not in ("label", "leadin", "mark")]
    if len(between) > MAX_GAP + 2 or len(notes) > MAX_NOTES or \
            any(len(blocks[i].text) > MAX_NOTE_CHARS or roles[i] == "end" for i in notes):
        return [], 0  # nor past a line that ends the signers' section ("References", "Quellen")
    return [runs[beyond]], abs(beyond - index) + 1


def _adjacent(run: Run, other: Run, step: int) -> bool:
    return (other.start == run.end) if step > 0 else (other.end == run.start)


def looks_like_sentence(text: str, nouns_capitalised: bool = False) -> bool:
    """Prose such as "Thanks to X for providing the domain name." rather than a name; where nouns are capitalised, one
    that ends on a noun too ("Wir verlangen eine unabhängige Untersuchung der Vorfälle.")."""
    words = text.split()
    if len(words) >= MIN_CJK_SENTENCE_WORDS and _CJK_SENTENCE_END.search(text):
        return True  # "... 재판부를 규탄한다!": Korean, Chinese and Japanese have no lower case to tell prose by
    ends = _SENTENCE_END.search(text) or _ends_on_a_short_word(words[-1]) or (
        nouns_capitalised and _NOUN_SENTENCE_END.search(text))
    if len(words) < 5 or not ends:
        return False
    return sum(1 for word in words[1:] if word[:1].islower()) >= len(words) // 2


MIN_CJK_SENTENCE_WORDS = 3
_CJK_SENTENCE_END = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3][.!?。！？]['’”」』)]*$")
