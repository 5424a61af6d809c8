"""parse(document) -> Statement: a pure function, with no network and no database."""

from __future__ import annotations

import gc
from dataclasses import dataclass

from ..encoding import without_mojibake
from ..records import LISTED_KINDS, Demand, Document, Signatory, Statement
from .blocks import Block, Page
from .countries import fold
from .dates import (
    CLOSING_BLOCKS,
    address_date,
    dateline_date,
    footer_datelines,
    infer_anniversary_date,
    is_dateline,
    iso_date,
    lone_date,
    numeric_date,
    read_date,
    updated_date,
)
from .demands import find_demands
from .formats import is_valediction, read_page
from .headings import (
    first_heading_title,
    first_line_title,
    is_heading_like,
    labelled_heading,
    names_a_statement,
    page_title,
    statement_heading,
)
from .kinds import PageEvidence, page_kind
from .language import choose_language
from .lexicon import LANGUAGES, Lexicon, lexicon
from .metadata import choose_publisher, is_release_marker
from .names import addresses, name_likeness
from .signatories import SignatoryBlock, find_signatory_block, read_signatories

PARSER_VERSION = "29"
TITLE_REACH = 3  # the blocks a page's title may stand among, under a line or two
MAX_ADDRESS_LINES = 4  # "TO THE VENICE BIENNALE" and those addressed with it, between a label and the heading
MAX_LEADING_DATELINES = 2  # "PRESS RELEASE", "Berlin, 3 March 2021" above a title


@dataclass
class Reading:
    """What the parser has read of a document before it decides whether the page is a statement."""

    page: Page
    language: str | None
    warnings: list[str]
    block: SignatoryBlock | None
    body: list[Block]
    demands: list[Demand]
    signatories: list[Signatory]
    date: str | None
    title: str | None
    statement_start: int
    evidence: PageEvidence


def parse(document: Document) -> Statement:
    reading = read(document)
    kind = page_kind(reading.evidence)
    warnings, signatories, demands, block = reading.warnings, reading.signatories, reading.demands, reading.block
    if kind not in LISTED_KINDS and signatories:
        warnings.append(f"not a statement, so its {len(signatories)} names are not kept as signatories")
        signatories = []
    if kind not in LISTED_KINDS and demands:  # a report of others' asks, or one organisation's own
        warnings.append(f"not a statement, so its {len(demands)} asks are not kept as demands")
        demands = []
    page, body = reading.page, reading.body
    return Statement(
        kind=kind,
        date_updated=updated_date(page.blocks, reading.evidence.words),
        stated_signatory_minimum=block.stated_minimum if block else None,
        title=reading.title,
        date=reading.date,
        publisher=document.metadata.get("publisher") or choose_publisher(page.metadata, body, reading.evidence.words,
                                                                         reading.statement_start, page.blocks),
        language=reading.language,
        url=document.url,
        text=render_text(body),
        demands=demands,
        signatories=signatories,
        stated_signatory_count=block.stated_count if block else None,
        warnings=warnings,
    )


def read(document: Document) -> Reading:
    """The document read up to the question of what kind of page it is: its signatories, demands, title and date,
    and the evidence page_kind weighs."""
    page = read_page(without_mojibake(document.text), document.content_type)
    known = {**page.metadata, **document.metadata}  # what the user says wins over the markup
    warnings: list[str] = []
    language = _language(document.metadata.get("language"), page.metadata.get("language"), page.blocks)
    words = lexicon(language if language in LANGUAGES else "en")
    if language is None:
        warnings.append("language not recognised; English word lists were used")
    elif language not in LANGUAGES:
        warnings.append(f"no word lists for language {language!r}; English ones were used")

    block = find_signatory_block(page.blocks, words, known.get("title"), known.get("subtitle"))
    body = _body(page.blocks, block)
    demands = find_demands(body, words, known.get("title"))
    signatories = read_signatories(block, words) if block else []
    markup_title = page.metadata.get("title")
    # a reprinted statement's heading stands before its signers: not a heading past them ("Declaració de
    # Rebel·lió" over another post's teaser after a letter's list of signatures)
    titles = [markup_title or "", *(page.metadata.get(key, "") for key in ("post_title", "subtitle"))]
    reprint = statement_heading(body[:block.lead_in_index] if block else body, titles)
    statement_start = reprint + 1 if reprint is not None else 0
    date = _date(document.metadata.get("date"), page, body,
                 _index_of(body[reprint], page.blocks) + 1 if reprint is not None else 0, words, warnings,
                 _addresses(document), _signing_blocks(page.blocks, block))
    warnings.extend(_count_warnings(block, signatories))
    if not demands:
        warnings.append("no demands found")
    title = document.metadata.get("title") or _title(markup_title, page.metadata.get("subtitle"), body, reprint,
                                                     words)
    evidence = PageEvidence(title, body, signatories, len(demands),
                            body[reprint].text if reprint is not None else None,
                            [page.metadata[key] for key in ("summary", "section") if key in page.metadata],
                            page.blocks, words, block.lead_in_index if block else None,
                            page.metadata.get("subtitle"), page.metadata.get("section"),
                            page.metadata.get("site_title"), page.metadata.get("author"), language in LANGUAGES)
    return Reading(page, language, warnings, block, body, demands, signatories, date, title, statement_start, evidence)


def warm_up() -> None:
    """Load what the parser loads once (the language model, the name lists, every language's words), so that the
    first document parsed is not the slow one; then set it all apart from the garbage collector, whose full passes
    would otherwise walk its hundred thousand and more objects again and again in a long run (bench.warm_heap)."""
    from ..places import is_place
    from .language import load_model
    from .names import family_names, given_names

    load_model()
    given_names()
    family_names()
    is_place("Paris")
    for language in LANGUAGES:
        lexicon(language)
    gc.freeze()  # what is loaded lives as long as the process; only cycles among it could not be collected


def _body(blocks: list[Block], block: SignatoryBlock | None) -> list[Block]:
    """The statement without its signatories: what comes before them, and what comes after them too
    where they stand in the first half (a list of signers above the letter)."""
    if block is None:
        return blocks
    before, after = blocks[:block.lead_in_index], blocks[block.end_index or len(blocks):]
    return before + after if block.lead_in_index < len(blocks) // 2 else before


def _title(markup: str | None, subtitle: str | None, body: list[Block], reprint: int | None,
           words: Lexicon) -> str | None:
    """A reprinted statement's own heading, else the page's title, else a title-like first line."""
    if reprint is not None:
        return body[reprint].text
    if markup:
        heading = _statement_heading_under_a_name(markup, body) or _heading_under_a_release_marker(markup, body)
        if heading is not None:
            return page_title(heading, None, body, words)
        return page_title(markup, subtitle or _heading_below(markup, body), body, words)
    opening = _past_datelines(body, words)
    first = first_line_title(opening)
    if first is None or read_date(first, words) is not None:
        first = first_heading_title(opening)
    if first:
        return page_title(first, _next_line(opening, first), opening, words)
    return labelled_heading(body)


def _statement_heading_under_a_name(title: str, body: list[Block]) -> str | None:
    """ "OpenTF Foundation" in <title> over a page whose first heading is "The OpenTF Manifesto": a title that is a
    name (the site's, its publisher's) and names no statement gives way to the heading that names the statement."""
    if names_a_statement(title) or len(title.split()) > MAX_SITE_NAME_WORDS or \
            name_likeness(title) < SITE_NAME_LIKENESS:
        return None
    first = next((block for block in body[:TITLE_REACH] if block.kind == "heading"), None)
    return first.text if first is not None and names_a_statement(first.text) else None


def _heading_under_a_release_marker(title: str, body: list[Block]) -> str | None:
    """ "# COMUNICATO STAMPA", a line for its distribution, then "## Nasce il Comitato ...": a title that only says the
    page is a press release gives way to the heading a few lines under it."""
    under = _under_the_title(title, body) if is_release_marker(title) else None
    if under is None:
        return None
    return next((block.text for block in body[under:under + MARKER_REACH] if block.kind == "heading"), None)


MARKER_REACH = 5  # blocks under a release marker: its date, its embargo, a rule, then the release's own heading
MAX_SITE_NAME_WORDS = 4
SITE_NAME_LIKENESS = 0.8


def _under_the_title(title: str, body: list[Block]) -> int | None:
    """Where the blocks under the page's title begin, where the title stands among the first blocks too."""
    key = fold(title).strip(" .!:")
    return next((index + 1 for index, block in enumerate(body[:TITLE_REACH]) if fold(block.text).strip(" .!:") == key),
                None)


def _heading_below(title: str, body: list[Block]) -> str | None:
    """The heading right under the page's title ("Open letter" over "Stop the surveillance bill"), or that the
    statement opens with where its title stands apart from it (in front matter): a subtitle, where the markup gives
    none."""
    index = _under_the_title(title, body) or 0
    below = next((block for block in body[index:index + 1 + MAX_ADDRESS_LINES] if block.kind != "line"), None)
    return below.text if below is not None and below.kind == "heading" else None


def _past_datelines(blocks: list[Block], words: Lexicon) -> list[Block]:
    """The blocks from the first that is not a dateline, a line that only says what kind of page follows or whom the
    letter is to: "Berlin, 3 March 2021", "PRESS RELEASE", "For immediate release", "To: the Minister" above a title."""
    start = next((index for index, block in enumerate(blocks[:MAX_LEADING_DATELINES + 1])
                  if not is_dateline(block, words) and not is_release_marker(block.text)
                  and not addresses(block.text)), 0)
    return blocks[start:]


def _next_line(blocks: list[Block], first: str) -> str | None:
    """The heading-like line after a first-line title: its subtitle, where the title is a bare label."""
    index = next(index for index, block in enumerate(blocks) if block.text == first)
    following = blocks[index + 1:index + 2]
    return following[0].text if following and is_heading_like(following[0]) else None


def _count_warnings(block: SignatoryBlock | None, signatories: list[Signatory]) -> list[str]:
    """A stated count the list does not match is said, never corrected. It may count the organisations or
    the people alone ("16 organisations and 504 individuals")."""
    if block is None:
        return ["no signatory block found"]
    parsed = len(signatories)
    people = sum(signatory.kind == "individual" for signatory in signatories)
    if block.stated_count is not None and block.stated_count not in (parsed, people, parsed - people):
        return [f"the statement says {block.stated_count} signatories but {parsed} were parsed"]
    if block.stated_minimum is not None and parsed < block.stated_minimum:
        return [f"the statement says more than {block.stated_minimum} signatories but {parsed} were parsed"]
    return []


def _language(given: str | None, markup: str | None, blocks: list[Block]) -> str | None:
    """The user's language, else the one the statement's prose is written in."""
    if given:
        return _language_code(given)
    return choose_language(_language_code(markup) if markup else None, blocks, LANGUAGES)


def _language_code(tag: str) -> str | None:
    """ "en-US", "pt_BR", "DE" -> "en", "pt", "de"."""
    return tag.split("-")[0].split("_")[0].strip().lower() or None


def _index_of(block: Block, blocks: list[Block]) -> int:
    return next(index for index, other in enumerate(blocks) if other is block)


def _addresses(document: Document) -> list[str]:
    """Where the document was found: its URL ("/2019/10/07/open-letter/") and a file's path as stored
    ("_posts/2010-02-18-carta.md", the name a static site gives a post)."""
    return [address for address in (document.url, f"/{document.path}" if document.path else None) if address]


def _signing_blocks(blocks: list[Block], block: SignatoryBlock | None) -> list[Block]:
    """Where a signature's date stands: the signatories' lead-in ("Signed on 3 March 2021 by:") and the lines right
    after the list ("Brussels, 3 March 2021" above the contacts and notes that end a page)."""
    if block is None or block.end_index is None:
        return []
    lead_in, end = block.lead_in_index, block.end_index
    return blocks[lead_in:lead_in + 1] + blocks[end:end + CLOSING_BLOCKS]


def _under_the_sign_off(blocks: list[Block]) -> list[Block]:
    """ "Respectfully," then who signs and "July 31, 2025": the lines under the statement's last closing formula,
    where its date stands though a call to sign and a form come after it."""
    last = max((index for index, block in enumerate(blocks) if is_valediction(block.text)), default=None)
    return [] if last is None else blocks[last + 1:last + 1 + SIGN_OFF_LINES]


SIGN_OFF_LINES = 3


def _date(given: str | None, page: Page, body: list[Block], statement_start: int, words: Lexicon,
          warnings: list[str], addresses: list[str], signing: list[Block]) -> str | None:
    """The user's date, then the statement's own dateline (a reprint's post date comes later; a date at its end
    only where it is not later than the page's markup date), then the page's markup, then a dateline elsewhere on
    the page, then the date in the page's address (its front matter's permalink, else where it was found), and last
    an anniversary the text marks; a date given to the month only takes its day from an address in that month. The
    page's opening is read signatories included (a header line that names the signers may carry the date), and so are
    the statement's end, the page's, and a footer line that dates the statement ("Letter written ...")."""
    if given:
        date = iso_date(given)
        if date is None:
            warnings.append(f"unreadable date {given!r}")
        return date
    blocks, markup = page.blocks, page.metadata.get("date")
    permalinks = [found for found in map(address_date, [page.metadata.get("address"), *addresses]) if found]
    published = (iso_date(markup) or read_date(markup, words) or numeric_date(markup, words)) if markup else None
    closing = (body[-CLOSING_BLOCKS:] + signing + _under_the_sign_off(body) + blocks[-CLOSING_BLOCKS:]
               + footer_datelines(page.metadata.get("footer")))
    dateline = dateline_date(blocks[statement_start:], words, closing=closing, published=published)
    if dateline or published:
        return _to_the_day(dateline or published, permalinks)
    if markup:
        warnings.append(f"unreadable date {markup!r}")  # and the page's other dates are read on
    dateline = dateline_date(blocks[:statement_start], words, closing=[]) if statement_start else None
    if dateline:
        return dateline
    if permalinks:
        return permalinks[0]
    lone = lone_date(blocks, words)
    if lone:
        return lone
    inferred = infer_anniversary_date(" ".join(block.text for block in body), words)
    if inferred:
        warnings.append(f"date {inferred} inferred from an anniversary the text marks")
    return inferred


def _to_the_day(date: str, permalinks: list[str]) -> str:
    """ "2025-03" from "March 2025" in the text, under ".../Communications_2025_03_26_LegalCommunity.asp": the day an
    address gives in that month. A date given to the day stays as it is."""
    if len(date) != len("2025-03"):
        return date
    return next((found for found in permalinks if found.startswith(date) and len(found) > len(date)), date)


def render_text(blocks: list[Block]) -> str:
    """Plain text of the statement: paragraphs apart, list items and lines one per line."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if block.kind in ("rule", "image"):
            continue
        if previous is not None:
            same_run = block.kind in ("item", "line") and block.kind == previous.kind
            parts.append("\n" if same_run else "\n\n")
        parts.append(f"• {block.text}" if block.kind == "item" else block.text)
        previous = block
    return "".join(parts)
