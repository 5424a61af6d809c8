"""What kind of page a document is, and whether it is listed as a statement.

A page is listed (joint_statement, open_letter) on evidence: it has signatories or demands of its own, it
presents itself as a statement (a label such as "open letter", a line that signs, the text speaking of
itself as "this letter", a statement it reprints under its own heading), and it is not an event, a job
offer, a newsletter, a report about a statement published elsewhere, or a press release of one
organisation (press_release). A page that asks three things or more in its own voice ("exigimos", "we urge") is a
statement without a list of signers. Everything else is archived but not listed (other): a member list, an
endorsement tally, a blog post with an ask in it, a group's page of its own demands ("Our demands") that no one
signs. A label on its own lists nothing. A page with neither signatories nor demands is listed only where its title
names it a statement and its signers speak in it ("We, the undersigned ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..records import PageKind, Signatory
from .blocks import Block
from .caseless import Caseless
from .countries import fold
from .demands import names_demands
from .headings import cue_pattern, names_a_statement, opens_with_a_statement_noun
from .language import is_prose, runs_on
from .lexicon import Lexicon, kind_labels_in_any_language, lexicon
from .metadata import issuer_is_named, press_release_label
from .names import articles, first_person_words, indefinite_articles, signs_for_a_board
from .prose_signers import prepositions
from .sentences import sentences

OPENING_CHARS = 600  # the title and the opening: where a page says what it is
MAX_TITLE_CHARS = 1000  # of a title read for what it says the page is (a hostile page may give 2 MB)
OPENING_BLOCKS = 8
OPENING_BLOCK_CHARS = 200  # of each block: a long archive line does not hide the cues under it
MAX_LABEL_BLOCK_CHARS = 1000  # labels are distinctive: they are looked for in the whole of the first blocks
LABEL_ORDER: tuple[PageKind, ...] = ("open_letter", "joint_statement", "press_release")
OTHER_PAGE_CUES = ("event", "job", "newsletter")
MIN_OTHER_PAGE_CUES = 2  # one "took place" or "salary" in a statement's opening proves nothing
MIN_OWN_ASKS = 3  # a desplegado's "exigimos ..., pedimos ..., reclamamos ...": a blog post asks once or twice
MIN_REPRINTED_SIGNATORIES = 5  # a report names a signer or two; a reprinted statement lists them
ADHESION_REACH_WORDS = 5  # "signs" ... "the open letter", "se joignent" ... "aux signataires du communiqué"
MAX_SIGNING_LINE_CHARS = 120  # "Signed,", "Cette lettre est également signée par :", "Atentamente: grupo de ..."
MAX_VOICE_BLOCK_CHARS = 5000  # of each block read for the page's own voice
REPORTED_LABEL_WORDS = 4  # "in a joint statement", "in einer am Montag veröffentlichten gemeinsamen Erklärung"
# a quotation in a block: in marks, or opening the block and never closed ("## "Wir dürfen ..." as a heading)
_QUOTATION = re.compile(r"“[^“”]*”|„[^“”]*[“”]|«[^«»]*»|\"[^\"]*\"|^\s*[\"“„«].*", re.S)
# each way a plural may end ("statements", "lettres", "Erklärungen", "Stellungnahmen"), taken off in turn
_PLURAL_ENDING = {ending: re.compile(rf"(?<=\w\w){ending}\b") for ending in ("s", "es", "en", "n")}


@dataclass
class PageEvidence:
    title: str | None
    body: list[Block]
    signatories: list[Signatory] = field(default_factory=list)
    demands: int = 0
    statement_heading: str | None = None  # the heading of a statement the page reprints
    described_as: list[str] = field(default_factory=list)  # a front matter's summary, type or categories
    blocks: list[Block] = field(default_factory=list)  # the whole page, signatory lines included
    words: Lexicon = field(default_factory=lexicon)
    signatories_at: int | None = None  # where the signatories stand among the page's blocks
    subtitle: str | None = None  # the markup's subtitle, which names the page as its title does
    filed_under: str | None = None  # the front matter's type or categories: where the site files the page
    site_title: str | None = None  # the other side of the <title>'s dash ("Signataires — Journée Sans Nous")
    author: str | None = None  # who the markup says wrote the page
    words_read: bool = True  # the page's language has word lists here: its words can tell what the page is

    def opening(self, block_chars: int = OPENING_BLOCK_CHARS, chars: int | None = OPENING_CHARS) -> str:
        parts = [(self.title or "")[:MAX_TITLE_CHARS], (self.statement_heading or "")[:MAX_TITLE_CHARS],
                 *self.described_as,
                 *(block.text[:block_chars] for block in (self.blocks or self.body)[:OPENING_BLOCKS])]
        return " ".join(parts)[:chars]


def page_kind(evidence: PageEvidence) -> PageKind:
    if not evidence.signatories and not evidence.demands and not _declared_by_its_undersigned(evidence):
        return "other"
    if (not evidence.demands or _titled_as_its_signers(evidence)) and _only_lists_signers(evidence):
        return "other"
    if _titled_as_members(evidence) or _titled_as_its_own_demands(evidence):
        return "other"
    if _signed_by_its_author_alone(evidence) or _signed_for_its_board(evidence):
        return "other"
    opening = evidence.opening()
    # a title that labels the page a statement, or asks that a line signs with names under it, outweigh what its
    # opening tells ("the raid took place at 6 am"): an event's page neither makes asks nor signs them
    titled = _label(evidence.title or "") in ("open_letter", "joint_statement")
    signed = bool(evidence.signatories) and evidence.demands > 0 and _has_signing_line(evidence)
    if evidence.statement_heading is None and (_names_another_kind(evidence.title) or _filed_elsewhere(evidence)
                                               or (not titled and not signed
                                                   and _other_page_cues(opening) >= MIN_OTHER_PAGE_CUES)
                                               or _reports_a_statement(evidence) or _tells_of_sign_ups(evidence)):
        return "other"
    label = _label(evidence.opening(MAX_LABEL_BLOCK_CHARS, None))
    if label in ("open_letter", "joint_statement"):
        return label
    if label == "press_release" or issuer_is_named(evidence.body):
        # one organisation's release, unless several speak in it or it reprints a statement
        joint = _joint(evidence, opening) or evidence.statement_heading is not None
        return "joint_statement" if joint else "press_release"
    signed_demands = bool(evidence.signatories) and evidence.demands > 0  # asks, and names that close them
    listed = signed_demands or _presents_itself_as_a_statement(evidence) or _joint_by_its_words(evidence, opening) \
        or _announced_together(evidence) or _asks_in_its_own_voice(evidence) or _signed_under_its_text(evidence)
    return "joint_statement" if listed else "other"


def _signed_under_its_text(evidence: PageEvidence) -> bool:
    """Many organisations listed under a page of running text, in a language without word lists here: a
    statement and its signers, as far as its shape tells (where its words can be read, they decide)."""
    if evidence.words_read:
        return False
    organisations = sum(1 for signatory in evidence.signatories if signatory.kind == "organisation")
    at = evidence.signatories_at
    if (organisations < MIN_LISTED_SIGNERS and len(evidence.signatories) < MIN_LISTED_PEOPLE) or at is None:
        return False
    blocks = evidence.blocks or evidence.body
    running = sum(len(block.text) for block in blocks[:at] if is_prose(block) or runs_on(block))
    return running >= MIN_STATEMENT_PROSE_CHARS


MIN_LISTED_SIGNERS = 10
MIN_LISTED_PEOPLE = 20  # people, or people and organisations: more of them, as a team or a member list names a few


def _signed_by_its_author_alone(evidence: PageEvidence) -> bool:
    """ "In Solidarity, Omaha DSA Steering Committee" under a post by the Omaha DSA Steering Committee that asks no
    one anything: one organisation speaking to its own members, not a statement that others sign."""
    return not evidence.demands and len(evidence.signatories) == 1 and evidence.author is not None \
        and fold(evidence.signatories[0].name) == fold(evidence.author)


def _signed_for_its_board(evidence: PageEvidence) -> bool:
    """ "Für das Präsidium: Rabbiner Andreas Nachama, Margaretha Hackermeier, Pfarrer Friedhelm Pieper" under a page
    that asks no one anything: an organisation's own statement, its board's members signing for it."""
    blocks = evidence.blocks or evidence.body
    at = evidence.signatories_at
    return not evidence.demands and at is not None and at < len(blocks) and signs_for_a_board(blocks[at].text) \
        and all(signatory.kind == "individual" for signatory in evidence.signatories)


def _joint_by_its_words(evidence: PageEvidence, opening: str) -> bool:
    """ "joint", "undersigned", "together with" in the opening, where signers or more than one ask bear it out: a
    report that "X, together with other groups, presented their commitment, calling on them to ..." is no statement."""
    return cue_pattern("joint").search(opening) is not None and (bool(evidence.signatories) or evidence.demands > 1)


def _only_lists_signers(evidence: PageEvidence) -> bool:
    """ "This is a list of the current organisational signatories which have signed on to The People's Manifesto",
    or a page titled "Apoiadores": a page that says it lists a statement's signers, with no more prose than that
    (the statement is elsewhere)."""
    prose = sum(len(block.text) for block in evidence.body if is_prose(block))
    says_so = _titled_as_its_signers(evidence) or \
        cue_pattern("signatory_list").search(evidence.opening(MAX_LABEL_BLOCK_CHARS, None)) is not None
    return says_so and prose < MIN_STATEMENT_PROSE_CHARS


def _titled_as_its_signers(evidence: PageEvidence) -> bool:
    """ "Apoiadores", "Signatories", "Unterstützer:innen": a title, or a side of the <title>, that is the word for
    those who sign or support."""
    return _titled_by(evidence, "signing", "supporters")


def _titled_as_members(evidence: PageEvidence) -> bool:
    """ "Our members", "Mitglieder", "Membres du réseau": a page titled by the word for a group's members lists its
    membership, whatever it says its members stand for."""
    return _titled_by(evidence, "members")


def _titled_as_its_own_demands(evidence: PageEvidence) -> bool:
    """ "Our Demands", "Nos revendications", "Unsere Forderungen" over asks that no one signs: a group's page of what
    it wants (a site's section, kept up to date), not a statement that others sign."""
    title = (evidence.title or "").split()
    return not evidence.signatories and len(title) == OWN_DEMANDS_TITLE_WORDS \
        and title[0].casefold() in first_person_words() \
        and evidence.words.demand_noun.fullmatch(title[1].strip(".:!")) is not None


OWN_DEMANDS_TITLE_WORDS = 2


def _titled_by(evidence: PageEvidence, *cues: str) -> bool:
    """A title, or a side of the <title>, of a few words that opens with one of these cues' words."""
    return any(title is not None and len(title.split()) <= MAX_SIGNERS_TITLE_WORDS
               and re.match(rf"\W*(?:{cue_pattern(*cues).pattern})", title, re.I) is not None
               for title in (evidence.title, evidence.site_title))


MAX_SIGNERS_TITLE_WORDS = 4


MIN_STATEMENT_PROSE_CHARS = 600


def _label(opening: str) -> PageKind | None:
    labels = kind_labels_in_any_language()
    found = next((kind for kind in LABEL_ORDER if labels[kind].search(opening)), None)
    return found or ("press_release" if press_release_label().search(opening) else None)


def _other_page_cues(opening: str) -> int:
    return len({match.group().casefold() for match in cue_pattern(*OTHER_PAGE_CUES).finditer(opening)})


def _names_another_kind(title: str | None) -> bool:
    """ "FSM Newsletter 10 March 2008", "October Newsletter": a title that says the page is something else."""
    title = (title or "")[:MAX_TITLE_CHARS]
    return bool(title) and cue_pattern(*OTHER_PAGE_CUES).search(title) is not None and not names_a_statement(title)


def _filed_elsewhere(evidence: PageEvidence) -> bool:
    """ "section: events", "category: Veranstaltung": the site files the page among its events, jobs or newsletters,
    and its title names no statement."""
    section = (evidence.filed_under or "")[:MAX_TITLE_CHARS].strip()
    return bool(section) and cue_pattern("other_sections").fullmatch(section) is not None \
        and not names_a_statement((evidence.title or "")[:MAX_TITLE_CHARS])


def _reports_a_statement(evidence: PageEvidence) -> bool:
    """ "Über 50 NGOs unterzeichnen offenen Brief an die EU", "Das Netzwerk unterzeichnet den Aufruf", "X se
    joignent aux signataires du communiqué": a headline that counts a statement's signers, or an opening that tells
    of a party joining a statement, on a page with neither a line that signs nor a list of signers (the statement
    is elsewhere; a reprint would carry them)."""
    return ((_counts_signers(evidence) or _tells_of_joining(evidence))
            and not _has_signing_line(evidence) and len(evidence.signatories) < MIN_REPRINTED_SIGNATORIES) \
        or _tells_of_a_statement_from_outside(evidence) or _tells_of_one_it_sent(evidence)


def _tells_of_one_it_sent(evidence: PageEvidence) -> bool:
    """ "On Monday we sent an open letter to the minister. In the letter, we ask ... It was signed by twelve groups.":
    a post telling of a statement its writers sent, without its signers (a reprint would carry them)."""
    return _sent_statement().search(evidence.opening(MAX_LABEL_BLOCK_CHARS, None)) is not None \
        and not evidence.signatories


@cache
def _sent_statement() -> Caseless:
    """ "we sent an open letter", "nous avons envoyé une lettre ouverte", "haben wir einen offenen Brief"."""
    return _before_a_label(cue_pattern("sent_by_us"), _statement_labels())


def _statement_labels() -> str:
    labels = kind_labels_in_any_language()
    return "|".join(f"(?:{labels[kind].pattern})" for kind in ("open_letter", "joint_statement"))


def _before_a_label(cue: Caseless, label: str) -> Caseless:
    """The cue's words, up to a few words between them and the label: "in an open letter", "in a joint statement"."""
    return Caseless(rf"{cue.pattern}(?:\w+\s+){{0,{REPORTED_LABEL_WORDS}}}(?:{label})")


def _counts_signers(evidence: PageEvidence) -> bool:
    """A headline that counts signers ("Über 50 NGOs unterzeichnen ..."); where the page has no title, a post's body
    alone, its opening sentence, where the count is of a common noun ("61 associazioni ...", not "Article 19 and
    Open Rights Group")."""
    if evidence.title:
        return evidence.words.signatory_count.search(evidence.title) is not None
    opening = next((sentence for block in evidence.body for sentence in sentences(block.text)[:1]), "")
    count = evidence.words.signatory_count.search(opening)
    return count is not None and _TITLE_CASE_WORD.search(count.group()) is None


_TITLE_CASE_WORD = re.compile(r"\b[A-ZÀ-Þ][a-zß-ÿ]")


def _tells_of_a_statement_from_outside(evidence: PageEvidence) -> bool:
    """ "In einem offenen Brief haben über 300 Expert*innen ...", "In a letter sent on Monday, A, B and C urge ...":
    an opening that tells of a statement (by its label or a statement noun) as someone else's, on a page whose own
    words never speak as "we" (only its quotations do) and that no line signs. A statement may open so too ("In an
    open letter to the Commission, we ..."), and then it speaks for itself."""
    return _reported_statement().search(evidence.opening(MAX_LABEL_BLOCK_CHARS, None)) is not None \
        and not _speaks_for_itself(evidence) and not _has_signing_line(evidence)


@cache
def _reported_statement() -> Caseless:
    """ "in an open letter", "in einer gemeinsamen Erklärung", "dans leur lettre": the words before a label or a
    statement noun, an adjective at most between them."""
    return _before_a_label(cue_pattern("reported"), _statement_labels() + "|" + cue_pattern("statement_nouns").pattern)


def _speaks_for_itself(evidence: PageEvidence) -> bool:
    """Words of the page's own, outside quotations, in the first person plural: "we call on", "exigimos", "unsere
    Forderungen". ("I" is one writer's voice, and the Italian article "i"; "betonen die Unterzeichnenden" is a
    report's third person.)"""
    return any(_in_own_words(_QUOTATION.sub(" ", block.text[:MAX_VOICE_BLOCK_CHARS]), evidence.words)
               for block in evidence.body)


def _in_own_words(text: str, words: Lexicon) -> bool:
    """A first-person word, or a verb whose ending says "we" ("exigimos", "demandons"), not a noun of that ending
    after its article or preposition ("des expulsions", "d'expulsions", "los mismos derechos")."""
    tokens = re.findall(r"[\w'’]+", text.casefold())
    verb = words.first_person_verb
    return any(token in first_person_words() for token in tokens) or (
        verb is not None and any(verb.fullmatch(token) and not (index and _opens_a_noun(tokens[index - 1], words))
                                 for index, token in enumerate(tokens)))


def _opens_a_noun(word: str, words: Lexicon) -> bool:
    """An article, a preposition or a number: "des expulsions", "cinq associations", "300 organisations"."""
    return words.determiners.fullmatch(word + " ") is not None or fold(word) in _noun_openers() \
        or word.isdigit() or fold(word) in words.count_words


@cache
def _noun_openers() -> frozenset[str]:
    """Articles and prepositions in every language: the word after one is a noun, not a verb."""
    return frozenset(article.rstrip("'’") for article in articles()) | indefinite_articles() | prepositions()


def _tells_of_sign_ups(evidence: PageEvidence) -> bool:
    """ "A, B, C and many others have joined the campaign": signers read from a sentence that goes on to tell that
    they joined, on a page that asks nothing and has no line that signs, are news of who signed up."""
    blocks = evidence.blocks or evidence.body
    at = evidence.signatories_at
    if evidence.demands or not evidence.signatories or at is None or at >= len(blocks) \
            or blocks[at].kind != "paragraph":
        return False
    text = blocks[at].text[:MAX_LABEL_BLOCK_CHARS]
    last = text.rfind(evidence.signatories[-1].name_as_written)
    if last < 0:
        return False
    joined = cue_pattern("adhesion").search(text, last)
    return joined is not None and not _self_reference(_joined(text, joined)) and not _has_signing_line(evidence)


def _tells_of_joining(evidence: PageEvidence) -> bool:
    texts = [evidence.title or "", *(block.text for block in evidence.body[:OPENING_BLOCKS] if block.kind != "row")]
    return any(_joins_a_statement(text[:MAX_LABEL_BLOCK_CHARS]) for text in texts)


def _joins_a_statement(text: str) -> bool:
    """ "signs the open letter", "proud to be co-signers of the letter", "se joignent aux signataires": a verb of
    joining, then within a few words a statement or its signers, not the page's own ("signed our petition",
    "unterzeichnen wir diesen Brief" are the statement speaking of itself)."""
    for verb in cue_pattern("adhesion").finditer(text):
        joined = _joined(text, verb)
        if cue_pattern("statement_nouns", "signing").search(joined) and not _self_reference(joined):
            return True
    return False


def _joined(text: str, verb: re.Match[str]) -> str:
    """What a verb of joining is followed by: the few words that say what was joined."""
    return " ".join(text[verb.end():].split()[:ADHESION_REACH_WORDS])


def _self_reference(text: str) -> bool:
    return cue_pattern("self_reference").search(text) is not None


def _presents_itself_as_a_statement(evidence: PageEvidence) -> bool:
    """A line that signs ("Signed,", "Subscritores:", "Atentamente:"), the text speaking of itself ("this
    statement was put together by ...", "mit dem vorliegenden Papier"), a title or subtitle that opens by naming
    it a statement ("Final statement by A, B and C"), or a statement it reprints. (Words that
    several speak together, "die unterzeichnenden Organisationen", count in the opening too.)"""
    return (evidence.statement_heading is not None or _has_signing_line(evidence)
            or opens_with_a_statement_noun(evidence.title) or opens_with_a_statement_noun(evidence.subtitle)
            or (evidence.demands > 0 and names_demands(evidence.title or "", evidence.words))
            or _files_as_statement(evidence.filed_under or "")
            or any(_speaks_of_itself(block.text) for block in evidence.body))


def _speaks_of_itself(text: str) -> bool:
    """ "this letter", "our petition", unless the words after it put its text on another page ("our petition, which
    can be found on our website"): a campaign's page about its petition is not the petition."""
    for match in cue_pattern("self_reference").finditer(text):
        rest = text[match.end():match.end() + MAX_ELSEWHERE_REACH]
        if not cue_pattern("kept_elsewhere").search(rest):
            return True
    return False


MAX_ELSEWHERE_REACH = 60  # characters after the statement's name: its own clause


def _asks_in_its_own_voice(evidence: PageEvidence) -> bool:
    """A page that asks several things as "we", with no list of who signs (kept elsewhere, or a "sign here" link): the
    statement speaks for its signers all the same."""
    return evidence.demands >= MIN_OWN_ASKS and _speaks_for_itself(evidence)


def _declared_by_its_undersigned(evidence: PageEvidence) -> bool:
    """ "Declaration of ..." that opens "We, the undersigned cities, ...": a statement whose signers and demands are
    not on the page (a declaration of commitments, its list kept elsewhere) still says what it is, by its title
    and by the voice of its opening."""
    voice = cue_pattern("undersigned")
    named = opens_with_a_statement_noun(evidence.title) or opens_with_a_statement_noun(evidence.subtitle)
    return named and any(voice.search(block.text[:MAX_LABEL_BLOCK_CHARS]) for block in evidence.body[:OPENING_BLOCKS])


def _files_as_statement(section: str) -> bool:
    """ "type: statements", "categories: [Open letters, Klima]", "Erklärungen": the site files the page among
    its statements (a section's name is plural). A summary's plural is no section: "Register of our letters" is a
    page about many letters."""
    section = section[:MAX_TITLE_CHARS]
    return any(names_a_statement(_PLURAL_ENDING[ending].sub("", section)) for ending in _PLURAL_ENDING)


def _has_signing_line(evidence: PageEvidence) -> bool:
    """A short line with a word that signs, not one that tells of someone joining a statement ("X signs the open
    letter.")."""
    signing = cue_pattern("signing")
    return any((signing.search(block.text) or evidence.words.signatory_leadin.search(block.text))
               and not _joins_a_statement(block.text)
               for block in evidence.blocks or evidence.body
               if block.kind != "row" and len(block.text) <= MAX_SIGNING_LINE_CHARS)


def _joint(evidence: PageEvidence, opening: str) -> bool:
    """Several speak together: a word such as "joint", "gemeinsame", "signataires", or two organisations that sign
    under a line that signs or that the opening sentence names as its subject (not the names of a photo's
    caption further down)."""
    organisations = sum(1 for signatory in evidence.signatories if signatory.kind == "organisation")
    return cue_pattern("joint").search(opening) is not None or (
        organisations >= 2 and (_has_signing_line(evidence) or _named_in_the_opening(evidence)))


def _announced_together(evidence: PageEvidence) -> bool:
    """ "A, B y C informan:": two organisations or more that the title, a heading or the opening names as who speaks
    (no list of signers on the page: find_signatory_block read them from the prose)."""
    organisations = sum(1 for signatory in evidence.signatories if signatory.kind == "organisation")
    at = evidence.signatories_at
    return organisations >= 2 and at is not None and at >= len(evidence.blocks or evidence.body)


def _named_in_the_opening(evidence: PageEvidence) -> bool:
    """The signatories stand before the first prose, or were read from the title or the opening sentence (a
    block that stands at the page's end, as find_signatory_block gives them)."""
    blocks = evidence.blocks or evidence.body
    first_prose = next((index for index, block in enumerate(blocks) if is_prose(block)), len(blocks))
    at = evidence.signatories_at
    return at is not None and (at <= first_prose or at >= len(blocks))
