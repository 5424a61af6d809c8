"""Signatories: the lists of names that sign a statement, found by their structure, and who each is.

The best-scoring candidate list (candidates.py) is the signatory block, with the lists that continue
it ("Individuals:" and a second list). Where no list signs, the groups a closing sentence names are
taken, else the signers a heading or the opening sentence names (prose_signers.py). Each entry is
then read as a person or an organisation, from its own evidence and the rest of its list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..places import is_place
from ..records import Signatory, SignatoryKind
from .blocks import Block, names_people
from .candidates import (
    ACCEPT,
    MAX_LEADIN_CHARS,
    Run,
    accepted_as_groups,
    candidate_runs,
    roles_of,
    says_what_its_entries_are,
    scored,
    with_neighbours,
)
from .countries import country_code
from .dates import before_closing_date, is_dateline
from .entries import DASHES, Entry, colon_led_list, entries_of, kept, trailing_words, without_postal_addresses
from .headings import is_bare_label
from .inline import names_listed, split_inline_list
from .lexicon import Lexicon
from .names import (
    ORGANISATION_SHAPE,
    ends_in_legal_form,
    governed_organisation,
    has_organisation_word,
    has_role_word,
    is_given_name,
    name_likeness,
    named_on_a_signing_line,
    person_evidence,
    read_person,
    says_organisations,
    says_people,
    split_head,
    starts_with_given_name,
)
from .prose_signers import prose_signers
from .tables import Columns, cell, kind_from_type

MAX_CLOSING_BLOCKS = 8
MAX_SIGNER_WORDS = 8
MIN_SIGNER_LIKENESS = 0.8
SIGNED_ABOVE = -1  # the run of a letter's own signature above its list, read on its own
MIN_CLOSING_ITEMS = 5
MIN_BRACKETED_MEMBERS = 2
MIN_PEOPLE_STRETCH = 5
MIN_PERSON_LIKE = 0.15  # person evidence of a name that may be a person's ("Nomsa Mlambo": names we lack)
MIN_PERSONAL_NAME_WORDS, MAX_PERSONAL_NAME_WORDS = 2, 4
_SEPARATED_SUFFIX = re.compile(r"^(?P<name>.+?)(?:\s*,\s*|\s+[–—-]\s+)(?P<suffix>[^,–—()]+)$")
_BRACKETED_SUFFIX = re.compile(r"^(?P<name>.+?)\s*\((?P<inside>[^()]+)\)$")
MAX_ACRONYM_LETTERS = 6


@dataclass


class SignatoryBlock:
    lead_in_index: int  # where the block starts among the document's blocks, lead-in included
    stated_count: int | None
    entries: list[Entry] = field(default_factory=list)
    columns: Columns | None = None  # where the entries are table rows
    stated_minimum: int | None = None
    end_index: int | None = None  # the first block after it
    score: float = 0.0


def find_signatory_block(blocks: list[Block], words: Lexicon, title: str | None = None,
                         subtitle: str | None = None) -> SignatoryBlock | None:
    """The best-scoring run of names and the runs that continue it; else the groups a closing
    sentence names; else the signers the title, the subtitle, a heading or the opening names; None when there
    are none."""
    roles = roles_of(blocks, words)
    runs = [scored(run, blocks, words) for run in candidate_runs(blocks, roles, words)]
    accepted = [run for run in runs if run.score >= ACCEPT] or accepted_as_groups(runs, roles, blocks)
    if accepted:
        best = max(accepted, key=lambda run: run.score)
        return _block_from(with_neighbours(best, runs, roles, blocks), blocks, words)
    closing = _closing_inline_list(blocks, words) or _signed_at_end(blocks, words)
    if closing:
        return closing
    listed = names_listed(subtitle, words) if title and subtitle and is_bare_label(title) else []
    named = listed or prose_signers([title, subtitle], blocks, words)  # "Communiqué commun" over "A, B"
    return SignatoryBlock(len(blocks), None, [Entry(name) for name in named], end_index=len(blocks)) if named \
        else None


def _block_from(runs: list[Run], blocks: list[Block], words: Lexicon) -> SignatoryBlock:
    entries: list[Entry] = []
    for number, run in enumerate(runs):
        label = _gap_label(run, blocks, words) if run is not runs[0] else _kinds_lead_in(run, blocks, words)
        for entry in entries_of(run.blocks, run.labels, words, label) if label else run.entries:
            entry.run = number
            entries.append(entry)
    first = runs[0]
    lead_in = first.lead_in
    start = lead_in if lead_in is not None else first.start
    signer = _signed_above(start, blocks, words) if lead_in is not None or first.labels else None
    named = _named_after_its_label(blocks[lead_in].text, words) if lead_in is not None and lead_in < first.start \
        else []
    entries[:0] = [Entry(name, run=entries[0].run if entries else 0) for name in named]
    if signer is not None:
        entries.insert(0, Entry(blocks[signer].text, run=SIGNED_ABOVE))
        start = signer
    elif lead_in is not None and lead_in > 0 and (named := _signed_on_its_line(blocks[lead_in - 1].text, words)):
        entries[:0] = [Entry(name, run=SIGNED_ABOVE) for name in named]  # "Getekend X", then "Mede-ondertekend door:"
        start = lead_in - 1
    found = SignatoryBlock(start, None, kept(without_postal_addresses(entries)), end_index=runs[-1].end,
                           score=max(run.score for run in runs))
    counted = [blocks[i].text for i in ([lead_in] if lead_in is not None else [])]
    counted += [blocks[run.lead_in].text for run in runs[1:] if run.lead_in is not None]
    for text in counted:
        found.stated_count, found.stated_minimum = stated_count(text, words)
        if found.stated_count or found.stated_minimum:
            break
    return found


def _kinds_lead_in(run: Run, blocks: list[Block], words: Lexicon) -> str | None:
    """ "Organizaciones firmantes" over the first list: a lead-in that says what its entries are labels them, as the
    label between two lists ("Personas firmantes") labels the second."""
    lead_in = blocks[run.lead_in] if run.lead_in is not None and run.lead_in < run.start else None
    return lead_in.text.rstrip(":： ").strip() if lead_in and says_what_its_entries_are(lead_in, words) else None


def _named_after_its_label(text: str, words: Lexicon) -> list[str]:
    """ "Signatories: Alpha Network" over a run of names, one to a line: the first names share the label's line."""
    match = colon_led_list(text, words)
    if match is None:
        return []
    named = match.group("items").strip()
    return names_listed(named, words) or ([named] if _is_signer_line(Block("line", named), words) else [])


def _signed_on_its_line(text: str, words: Lexicon) -> list[str]:
    """The signers a line that signs names on itself ("Signed by A and B"), a board's organisation for its board
    ("Getekend het bestuur van X"); whether each is a name, the list's own test of its entries tells."""
    named = named_on_a_signing_line(text)
    if named is None:
        return []
    governed = governed_organisation(named)
    return [governed] if governed else names_listed(named, words) or [named]


def _signed_above(start: int, blocks: list[Block], words: Lexicon) -> int | None:
    """Where the letter is signed just above its list of supporters: a name and a dateline after the letter's
    last paragraph ("Barcelona Rebellion or Extinction", "Barcelona March 21st 2019", then "Signatures: ...")."""
    dateline, signer = start - 1, start - 2
    if signer < 1 or not is_dateline(blocks[dateline], words) or not _is_signer_line(blocks[signer], words):
        return None
    return signer if _is_letter_paragraph(blocks[signer - 1]) else None


def _signed_at_end(blocks: list[Block], words: Lexicon) -> SignatoryBlock | None:
    """A letter signed under its last paragraph by one name and a dateline, either way round and with
    nothing after them ("Students for Palestine Heidelberg", "Heidelberg, den 28.06.2024"), or by one line that
    holds both."""
    if len(blocks) < 2:
        return None
    last, signer = len(blocks) - 1, None
    if len(blocks) >= 3 and is_dateline(blocks[last], words):
        signer = last - 1
    elif len(blocks) >= 3 and is_dateline(blocks[last - 1], words):
        signer = last
    if signer is None or not _is_signer_line(blocks[signer], words) or not _is_letter_paragraph(blocks[last - 2]):
        return _signed_and_dated_at_end(blocks, words)
    return SignatoryBlock(signer, None, [Entry(blocks[signer].text)], end_index=len(blocks))


def _signed_and_dated_at_end(blocks: list[Block], words: Lexicon) -> SignatoryBlock | None:
    """ "Fanszenen Deutschlands im März 2020" closing a letter: one line that signs and dates it (not a place and a
    date: "Heidelberg, im Juni 2024", a place of one word or a known one), under the letter's last paragraph or a
    short line after it."""
    last = blocks[-1]
    name = before_closing_date(last.text, words) if last.kind in ("paragraph", "line") else None
    if not name or len(name.split()) < 2 or is_place(name) or not _is_signer_line(Block("line", name), words) or \
            not any(_is_letter_paragraph(block) for block in blocks[-3:-1]):
        return None
    return SignatoryBlock(len(blocks) - 1, None, [Entry(name)], end_index=len(blocks))


def _is_signer_line(block: Block, words: Lexicon) -> bool:
    return block.kind in ("paragraph", "line") and len(block.text.split()) <= MAX_SIGNER_WORDS \
        and name_likeness(block.text) >= MIN_SIGNER_LIKENESS and words.dateline.search(block.text) is None


def _is_letter_paragraph(block: Block) -> bool:
    return block.kind == "paragraph" and len(block.text) > MAX_LEADIN_CHARS / 2


def _gap_label(run: Run, blocks: list[Block], words: Lexicon) -> str | None:
    """ "Individual signatories:" between two lists: the label of the second."""
    previous = blocks[run.start - 1] if run.start else None
    if previous is None or len(previous.text) > MAX_LEADIN_CHARS:
        return None
    return previous.text.rstrip(":： ").strip()


def _closing_inline_list(blocks: list[Block], words: Lexicon) -> SignatoryBlock | None:
    """ "Die Fridays For Future Ortsgruppen Gießen, Göttingen, ... und Hannover.": the groups named
    in a statement's last sentence, when its opening words say they are groups."""
    for start in range(len(blocks) - 1, max(len(blocks) - MAX_CLOSING_BLOCKS, 0) - 1, -1):
        if blocks[start].kind not in ("paragraph", "line"):
            break
        items = split_inline_list(" ".join(b.text for b in blocks[start:]), words, minimum=MIN_CLOSING_ITEMS)
        if items and words.group_noun.search(items[0]):
            items[0] = trailing_words(items[0], items[1:])
            return SignatoryBlock(start, None, [Entry(item) for item in items], end_index=len(blocks))
    return None


def stated_count(lead_in: str, words: Lexicon) -> tuple[int | None, int | None]:
    """(exact count, lower bound) the lead-in states: "the following 121 groups" gives (121, None),
    "over 85 organisations" gives (None, 85)."""
    match = words.signatory_count.search(lead_in)
    if match is None:
        return None, None
    number = int(re.sub(r"[,.]", "", match.group("n")))
    return (None, number) if match.group("bound") else (number, None)


def read_signatories(block: SignatoryBlock, words: Lexicon) -> list[Signatory]:
    contexts = _contexts(block.entries)
    among_people = _people_stretches(block.entries)
    among_organisations = _organisation_stretches(block.entries, contexts)
    signatories = []
    for index, entry in enumerate(block.entries):
        group = _group_with_members(entry.text, words)
        # a name at the seam of people and the organisations after them ("PauseAI Global") goes with the organisations
        context = "organisations" if index in among_organisations else \
            "people" if index in among_people else contexts[entry.run]
        signatory = group[0] if group else _signatory(entry, context)
        if signatory is None:
            continue
        if signatory.country is None:
            signatory.country = entry.flag or (country_code(entry.group) if entry.group else None)
        signatory.position = len(signatories) + 1
        signatories.append(signatory)
        signatories.extend(_member(name, signatory.name, len(signatories) + 1) for name in (group[1] if group else []))
    return signatories


def _people_stretches(entries: list[Entry]) -> set[int]:
    """The entries of a stretch of people inside a list of organisations ("Raisa Urribarri", "Andrés Cañizález -
    Profesor universitario", "Antonio Pasquali", ...): entries in a row of one list that may each name a person,
    most of them surely; where a list runs on from organisations to people with nothing between, its doubtful
    names are people."""
    people: set[int] = set()
    stretch: list[int] = []
    for index, entry in enumerate(entries):
        if stretch and (not _may_be_a_person(entry) or entry.run != entries[stretch[-1]].run):
            people.update(_surely_people(stretch, entries))
            stretch = []
        if _may_be_a_person(entry):
            stretch.append(index)
    return people | _surely_people(stretch, entries)


def _organisation_stretches(entries: list[Entry], contexts: dict[int, str]) -> set[int]:
    """The entries of a stretch of organisations at the end of, or inside, a list of people ("Giorgia Villa -
    montatrice (Italia)", then "#siamoaititolidicoda", "Agorà", "Amleta", "BDS Italia", ...): entries in a row that
    none names a person by its shape or a given name, many of them surely not a person."""
    found: set[int] = set()
    stretch: list[int] = []
    for index, entry in enumerate([*entries, None]):
        doubtful = entry is not None and contexts.get(entry.run) == "people" and _may_be_an_organisation(entry)
        if doubtful and (not stretch or entries[stretch[-1]].run == entry.run):
            stretch.append(index)
            continue
        sure = sum(1 for i in stretch if person_evidence(entries[i].text) <= -MIN_PERSON_LIKE * 2)
        closing = entry is None  # organisations after the people, where lists put them: fewer need to be sure
        if len(stretch) >= MIN_PEOPLE_STRETCH and sure * (3 if closing else 2) >= len(stretch):
            found.update(stretch)
        stretch = [index] if doubtful else []
    return found


def _may_be_an_organisation(entry: Entry) -> bool:
    return person_evidence(entry.text) <= MIN_PERSON_LIKE and not starts_with_given_name(entry.text) and \
        not (_opens_with_two_names(entry.text) and has_role_word(entry.text))


def _opens_with_two_names(text: str) -> bool:
    """ "Miquel Carrillo Ponce President de la Federació ...": a name we do not know, then the person's role."""
    words = text.split()[:2]
    return len(words) == 2 and all(word[:1].isupper() and word.isalpha() for word in words)


def _may_be_a_person(entry: Entry) -> bool:
    return person_evidence(entry.text) >= MIN_PERSON_LIKE and not has_organisation_word(split_head(entry.text)[0])


def _surely_people(stretch: list[int], entries: list[Entry]) -> set[int]:
    sure = sum(1 for i in stretch if person_evidence(entries[i].text) > PERSON_THRESHOLD["organisations"])
    return set(stretch) if len(stretch) >= MIN_PEOPLE_STRETCH and sure * 2 >= len(stretch) else set()


def _group_with_members(text: str, words: Lexicon) -> tuple[Signatory, list[str]] | None:
    """ "Le Cercle des enseignants laïques (Anaïs Flores, Paul Guillibert, ..., Jérôme Martin)": a group that signs
    with the people who sign for it, where the brackets hold nothing but people's names (most of them opening with
    a given name we know); the group, and its members' names."""
    bracketed = _BRACKETED_SUFFIX.match(text) if text.endswith(")") else None
    if bracketed is None or country_code(bracketed.group("inside")) is not None:
        return None
    members = split_inline_list(bracketed.group("inside"), words, minimum=MIN_BRACKETED_MEMBERS)
    if not members or not all(_reads_as_personal_name(name) for name in members) \
            or sum(starts_with_given_name(name) for name in members) * 3 < len(members) * 2:
        return None
    name = bracketed.group("name").strip()
    return Signatory(position=0, name=name, name_as_written=name, country=None, kind="organisation"), members


def _reads_as_personal_name(text: str) -> bool:
    words = text.split()
    return MIN_PERSONAL_NAME_WORDS <= len(words) <= MAX_PERSONAL_NAME_WORDS and all(w[:1].isupper() for w in words)


def _member(written: str, group: str, position: int) -> Signatory:
    person = read_person(written)
    return Signatory(position=position, name=person.name, name_as_written=written, country=None, kind="individual",
                     role=person.role, affiliation=person.affiliation or group)


def _people_and_their_handles(entries: list[Entry]) -> bool:
    """ "Nettrice Gaskins", "Dadabots", "illustrata", "0xCrumpet", "Tim Boucher": a long list where a fair share
    are people by their given names, and no entry says it is an organisation, is of people, some of them known by
    a handle or a project's name; a list of organisations names some by what they are."""
    if len(entries) < MIN_HANDLE_LIST or any(has_organisation_word(entry.text) or ends_in_legal_form(entry.text)
                                             for entry in entries):
        return False
    return sum(1 for entry in entries if starts_with_given_name(entry.text)) >= MIN_NAMED_SHARE * len(entries)


MIN_HANDLE_LIST = 20
MIN_NAMED_SHARE = 0.2
PERSON_THRESHOLD = {"people": -0.05, "mixed": 0.45, "organisations": 0.65}
SHORT_LIST = 6  # fewer entries than this say little of themselves


def _contexts(entries: list[Entry]) -> dict[int, str]:
    """Each list's context. A short list that no label calls people or organisations is read in the context of the
    whole block ("Mahdy, Independent Consultant" as the one list item in a wall of people's cards; four people
    under a stray heading among hundreds). The letter's own signature above the list is read on its own."""
    whole = _context(entries)
    contexts: dict[int, str] = {}
    for run in sorted({entry.run for entry in entries}):
        own = [entry for entry in entries if entry.run == run]
        short = run != SIGNED_ABOVE and len(own) < SHORT_LIST and whole != "mixed" and \
            not any(entry.group and (says_people(entry.group) or says_organisations(entry.group)) for entry in own)
        contexts[run] = whole if short or len(own) == len(entries) else _context(own)
    return contexts


def _context(entries: list[Entry]) -> str:
    """A list whose entries mostly name people makes its doubtful entries people too; one that mostly
    names organisations asks more of an entry before it is a person."""
    evidence = [person_evidence(entry.text) for entry in entries]
    named = sum(1 for entry in entries if starts_with_given_name(entry.text))
    # Given names are a sure sign only in number: a short list needs more of them.
    named_enough = named >= (0.5 if len(entries) >= 6 else 0.75) * len(entries)
    if evidence and (sum(1 for value in evidence if value > 0.3) >= 0.6 * len(evidence) or named_enough):
        return "people"
    if _people_and_their_handles(entries):
        return "handles"
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
    if entry.named and signatory.kind == "organisation":
        signatory.name = signatory.name_as_written = entry.named
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
    if entry.group and says_organisations(entry.group) and context != "people":
        return "individual" if evidence >= 0.55 else "organisation"
    if context == "handles":
        return "individual"  # a list of people and their handles, where no entry says it is an organisation
    if context == "people":  # in a list of people, only an organisation's own words make an organisation
        return "organisation" if _organisation_among_people(entry.text) else "individual"
    return "individual" if evidence > PERSON_THRESHOLD[context] else "organisation"


def _organisation_among_people(text: str) -> bool:
    """ "YASunidos" or "Amnesty International, Belgium" in a list of people; not "Beatriu Masià Masià
    Feminista Associació Tamaia" or "Daniel BORIS IGLESIA, Expert Back-End" (a person, then where they
    work), nor "BohwaZ, Free software engineer" (a person known by a nickname, and their trade), nor "FJK, Joy
    Technologies" (initials, and an employer)."""
    head, tail = split_head(text)
    words = head.split()
    if not words or person_evidence(text) >= 0.9 or is_given_name(words[0]) or (tail and has_role_word(tail)):
        return False
    if len(words) > 1 and is_given_name(words[1]) and words[0].isupper():
        return False  # "BEAUFILS Bruno"
    if has_organisation_word(" ".join(words[:3])) or ends_in_legal_form(head):
        return True  # "AG Klima und Mobilität der Bürgerrunde Heuweiler e.V.": a legal form is an organisation's
    shaped = len(words) == 1 and ORGANISATION_SHAPE.search(head) is not None and not _shouted_name(head)
    return shaped and (not tail or _abbreviates(head, tail) or country_code(tail) is not None or is_place(tail))


def _shouted_name(word: str) -> bool:
    """ "ABDULWASAI": a name in capitals, longer than the acronyms organisations go by ("ACLU", "ATTAC")."""
    return word.isupper() and word.isalpha() and len(word) > MAX_ACRONYM_LETTERS


def _abbreviates(acronym: str, tail: str) -> bool:
    """ "CCC, Chaos Computer Club": the words after the acronym spell it out; in "FJK, Joy Technologies" a
    person's initials stand before where they work."""
    initials = "".join(word[0] for word in tail.split() if word[:1].isupper())
    return initials.casefold() == acronym.casefold()


def split_country(written: str) -> tuple[str, str | None]:
    """ "Casa del Tibet – Spain" gives ("Casa del Tibet", "ES"); only a real country is split off."""
    bracketed = _BRACKETED_SUFFIX.match(written) if written.endswith(")") else None
    if bracketed:
        place = bracketed.group("inside").split(",")[-1]
        code = country_code(place)
        if code:
            return bracketed.group("name").strip(), code
    separated = _SEPARATED_SUFFIX.match(written) if "," in written or DASHES.intersection(written) else None
    if separated:
        code = country_code(separated.group("suffix"))
        if code:
            return separated.group("name").strip(), code
    return written, None
