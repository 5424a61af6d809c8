"""Headings in the body that name the statement: a reprinted statement's own heading, or a first line
that is a title where the markup has none."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources

from .blocks import Block
from .caseless import Caseless
from .countries import fold
from .inline import names_listed
from .language import function_words, is_prose, runs_on
from .lexicon import Lexicon, accents_optional

MAX_HEADING_CHARS = 200
MAX_HEADING_WORDS = 30
MAX_TITLE_CHARS = 1000  # a longer "title" (a hostile page may give 2 MB) is left as it is, for the loader to cut
MAX_REPRINT_SEARCH_BLOCKS = 40  # a post's introduction is short; the statement follows it
FIRST_LINE_REACH = 3  # a first line is a title when prose follows it at once
MAX_RULE_LINES = 2  # "=====" above a plain text's title
HEADING_TITLE_REACH = 6  # an e-mail's four header lines, a contact line, then the title
LABELLED_HEADING_REACH = 6  # a dateline, the addressees, a salutation, then the letter's heading
MAX_WORDS_BEFORE_LABEL = 1  # "Lettera aperta ...", "La lettre ouverte ...", "Nuovo appello ..."
ADDRESS_REACH = 25  # a letter's heading may stand above its addressees, a translation, a date, then its prose
_INNER_SENTENCE = re.compile(r"\w[.!?]\s+[A-ZÀ-Þ]")
_LABEL_SEPARATOR = re.compile(r"\s*(?::|\s[–—-]\s)\s*")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_LANGUAGE_TAG = re.compile(r"[(\[]\s*[A-Za-z]{2,3}\s*[)\]]")  # "Appeal (ENG)", "Lettre ouverte [FR]": which version
MAX_LABEL_WORDS = 4
MIN_LATIN_TITLE_WORDS = 3
SPELLING_SEARCH_BLOCKS = 3
_TOKEN = re.compile(r"\w+")
_PUNCTUATION = re.compile(r"[^\w\s'’-]")


@cache
def page_kind_words() -> dict[str, dict[str, list[str]]]:
    data = json.loads(resources.files("ingest").joinpath("lexicon/page_kinds.json").read_text("utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


@cache
def cue_pattern(*keys: str) -> Caseless:
    """One pattern for keys of page_kinds.json, in every language."""
    patterns = [pattern for key in keys for by_language in page_kind_words()[key].values() for pattern in by_language]
    return Caseless(accents_optional(r"\b(?:" + "|".join(f"(?:{pattern})" for pattern in patterns) + ")"))


def is_heading_like(block: Block) -> bool:
    """A heading, or a short line that stands alone without ending a sentence:
    "MANIFESTO DE REPÚDIO À OEA", "Open Letter and Sign-on Statement: No to restrictions!"."""
    if block.kind == "heading":
        return True
    text = block.text
    return (block.kind in ("paragraph", "line") and len(text) <= MAX_HEADING_CHARS
            and len(text.split()) <= MAX_HEADING_WORDS
            and not text.rstrip(_CLOSING_QUOTES).endswith((".", ",", ";", ":"))
            and not _INNER_SENTENCE.search(text) and not _BRACKETED.fullmatch(text))


_CLOSING_QUOTES = "\"'”’»"  # '... to ourselves as Pacific peoples.”' ends a sentence all the same
_BRACKETED = re.compile(r"\(.*\)|\[.*\]", re.S)  # "(download news release & letter; ...)": an aside


def names_a_statement(text: str) -> bool:
    return cue_pattern("statement_nouns").search(text) is not None


MAX_HEADING_TEXT = 2000  # characters of a heading read for what it names: enough for any real one


def statement_heading(blocks: list[Block], page_titles: list[str]) -> int | None:
    """Where a post reprints a statement under the statement's own heading ("Below is the open letter ...",
    then "Open Letter and Sign-on Statement: ..."): a heading-like block that names a statement by more than
    its label, after introductory prose that speaks of it and before the statement's own prose. A page whose
    own title labels it a statement ("Joint Statement: Say no to ...") is that statement, not a reprint."""
    if any(_labels_itself(title) for title in page_titles if title):
        return None
    titles = {fold(title).strip(" .!:") for title in page_titles if title}
    prose: list[int] = []  # each block's characters of prose, read once where a heading comes to need them
    for index, block in enumerate(blocks[:MAX_REPRINT_SEARCH_BLOCKS]):
        if is_heading_like(block) and not block.linked and not block.text.rstrip(_CLOSING_QUOTES).endswith("?") \
                and _names_a_statement_by_name(block.text) \
                and _prose_follows(blocks, index, ADDRESS_REACH) \
                and any(is_prose(before) and names_a_statement(before.text) for before in blocks[:index]) \
                and _text_stands_under(index, blocks, prose):
            # the first heading that names the statement: the page's own title (or its first line, where the
            # heading is broken over lines) means the page is the statement
            heading = fold(block.text).strip(" .!:")
            return None if any(title.startswith(heading) for title in titles) else index
    return None


MIN_REPRINT_SHARE = 0.5  # of the prose before it: a reprint's text stands under its heading, not a counter's line


def _text_stands_under(index: int, blocks: list[Block], prose: list[int]) -> bool:
    """At least MIN_REPRINT_SHARE as much prose under the heading as before it."""
    if not prose:
        prose.extend(len(block.text) if is_prose(block) else 0 for block in blocks)
    return sum(prose[index + 1:]) >= MIN_REPRINT_SHARE * sum(prose[:index])


def _labels_itself(title: str) -> bool:
    """ "Joint Statement: Say no to ...", "Offener Brief – ...": a label, then the statement's name."""
    label, separator, _ = _split_label(title)
    return bool(separator) and len(label.split()) <= MAX_LABEL_WORDS and names_a_statement(label)


def _split_label(title: str) -> tuple[str, str, str]:
    match = _LABEL_SEPARATOR.search(title)
    return (title[:match.start()], match.group(), title[match.end():]) if match else (title, "", "")


def _names_a_statement_by_name(text: str) -> bool:
    """ "Joint Statement of Grüne Jugend and Jusos", not "Der offene Brief", "Lettre ouverte" or "Read the letter": a
    label and words of its own."""
    text = text[:MAX_HEADING_TEXT]
    label = cue_pattern("statement_nouns").search(text)
    if label is None:
        return False
    rest = text[:label.start()] + " " + text[label.end():]
    rest = cue_pattern("statement_qualifiers", "reader_actions").sub(" ", rest)
    rest = _LANGUAGE_TAG.sub(" ", rest)
    known = function_words()
    return any(word not in known for word in _WORDS.findall(rest.casefold()))


def _prose_follows(blocks: list[Block], index: int, reach: int = FIRST_LINE_REACH) -> bool:
    """Prose comes after the block, within reach and before another heading."""
    for block in blocks[index + 1:index + 1 + reach]:
        if is_prose(block) or runs_on(block):
            return True
        if block.kind == "heading":
            return False
    return False


def first_line_title(blocks: list[Block]) -> str | None:
    """ "Joint statement on the closure of Radio Free Asia" as a document's first line, prose after it; a plain
    text's title between the lines of "=" that set it apart (reStructuredText, e-mails) is one too."""
    index = next((i for i, block in enumerate(blocks[:MAX_RULE_LINES + 1]) if _has_letters(block.text)), None)
    if index is None or index + 1 >= len(blocks):
        return None
    first = blocks[index]
    if not is_heading_like(first) or len(first.text.split()) < 2:
        return None
    return first.text if _prose_follows(blocks, index) else None


def first_heading_title(blocks: list[Block]) -> str | None:
    """ "Contact: press@example.org" or a sender's lines, then "Stop the evictions" underlined, then the text: where
    the first line is no title, the first heading of the opening, where prose follows it."""
    index = next((i for i, block in enumerate(blocks[:HEADING_TITLE_REACH]) if block.kind == "heading"), None)
    if index is None or len(blocks[index].text.split()) < 2 or not _prose_follows(blocks, index):
        return None
    letter_begun = any(salutes(block.text) for block in blocks[:index])  # then the heading is a section's
    return None if letter_begun else blocks[index].text


def salutes(text: str) -> bool:
    """A letter's salutation: a word that greets its addressees first, a comma or a colon last."""
    return text.rstrip().endswith((",", ":", "!")) and cue_pattern("salutation").match(text.strip()) is not None


def labelled_heading(blocks: list[Block]) -> str | None:
    """ "## Lettera aperta in risposta alla consultazione ..." under a dateline and the addressee, with no title in
    the markup: the first heading of the opening that opens by naming the page a statement."""
    return next((block.text for block in blocks[:LABELLED_HEADING_REACH]
                 if block.kind == "heading" and opens_with_a_statement_noun(block.text)), None)


def opens_with_a_statement_noun(title: str | None) -> bool:
    """ "Appello per la pace", "Aufruf zum Klimastreik", "La lettera dei medici": a title that opens by naming
    the page a statement (not "Why the appeal matters")."""
    title = (title or "")[:MAX_HEADING_TEXT]
    match = cue_pattern("statement_nouns").search(title)
    return match is not None and len(title[:match.start()].split()) <= MAX_WORDS_BEFORE_LABEL


def _has_letters(text: str) -> bool:
    return any(character.isalpha() for character in text)


def page_title(title: str, subtitle: str | None, blocks: list[Block], words: Lexicon) -> str:
    """The page's title as the statement is named: a bare label ("L'appel", "Open letter") continued by the
    subtitle (replaced by it where the label only names a version, "Appeal (ENG)"), in the script the statement is
    written in where a translation follows it, and spelled as the text spells it where the title lost its
    punctuation to a slug. A title too long to be one is left as it is."""
    if len(title) > MAX_TITLE_CHARS:
        return title
    if subtitle and is_bare_label(title) and not names_listed(subtitle, words):  # not the line of who signs
        own_name = _names_a_statement_by_name(subtitle) or _LANGUAGE_TAG.search(title)
        joint = " " if subtitle[:1].islower() else ": "  # "Open Letter" over "to the President ...": one phrase
        title = subtitle if own_name else f"{title.rstrip(' :–—-')}{joint}{subtitle}"
    return _respelled(as_written(_part_the_text_opens_with(latin_part(_without_label_after(title)), blocks), blocks),
                      blocks)


def _part_the_text_opens_with(title: str, blocks: list[Block]) -> str:
    """ "CCAF Conseil de Coordination ... : Appel au Président de la République - CCAF" over a post whose first line
    is "Appel au Président de la République": of a title that joins the publisher's name, the statement's and the
    site's, the part the text itself opens with."""
    parts = [part.strip() for part in _TITLE_PARTS.split(title) if part.strip()]
    first = next((block for block in blocks[:OPENING_LINE_BLOCKS] if _has_letters(block.text)), None)
    if len(parts) < 2 or first is None:
        return title
    opened = [part for part in parts if len(part.split()) >= MIN_LATIN_TITLE_WORDS and _opens_with(first.text, part)]
    return opened[0] if len(opened) == 1 else title


def _opens_with(text: str, part: str) -> bool:
    """The text is the part, or opens with it as a line of its own before its first sentence ("Appel au Président
    de la République **En lançant ...": a Markdown line run on into the paragraph under it)."""
    if not text.casefold().startswith(part.casefold()):
        return False
    rest = text[len(part):].lstrip(" *_")
    return not rest or rest[:1].isupper()


_TITLE_PARTS = re.compile(r"\s(?::|[|–—-])\s")
OPENING_LINE_BLOCKS = 2


def _without_label_after(title: str) -> str:
    """ "ACTA: Una minaccia globale alla Libertà (Open Letter)": the site's tag for what kind of text it is, in
    brackets after the statement's own title, is not part of that title."""
    tagged = _BRACKETED_AT_END.match(title)
    return tagged["title"] if tagged and is_bare_label(tagged["label"]) else title


_BRACKETED_AT_END = re.compile(r"(?P<title>.{8,}?)\s*[(\[](?P<label>[^()\[\]]{3,40})[)\]]\s*$")


def is_bare_label(title: str) -> bool:
    """ "L'appel", "Offener Brief", "Open letter:": a label and nothing of its own."""
    return names_a_statement(title) and not _names_a_statement_by_name(title)


def latin_part(title: str) -> str:
    """ "A Joint Statement in Support of ... Wang Jianbing 全球聯合聲明：..." -> its Latin-script part: the languages
    read here are written in Latin script, and a title followed by its translation is named by the first."""
    runs: list[list[str]] = [[]]
    latin = True
    for character in title:
        if character.isalpha() and _is_latin(character) != latin:
            latin = not latin
            runs.append([])
        runs[-1].append(character)
    if len(runs) == 1:
        return title
    parts = ["".join(run).strip(" :：,，-–—|") for run in runs[::2] if run] if _is_latin_run(runs[0]) \
        else ["".join(run).strip(" :：,，-–—|") for run in runs[1::2]]
    best = max(parts, key=lambda part: len(_WORDS.findall(part)), default="")
    return best if len(_WORDS.findall(best)) >= MIN_LATIN_TITLE_WORDS else title


def _is_latin(character: str) -> bool:
    return character < "\u0250" or "LATIN" in unicodedata.name(character, "")


def _is_latin_run(run: list[str]) -> bool:
    return next((_is_latin(character) for character in run if character.isalpha()), True)


def _respelled(title: str, blocks: list[Block]) -> str:
    """ "Positionspapier der DGP zur Tabakentwoehnung" (a title written in ASCII) as the text spells its words:
    "... zur Tabakentwöhnung". A word of the title is respelled only where it is not in the text as it stands and the
    text writes it one way only."""
    if not title.isascii() or len(title) > MAX_TITLE_CHARS:
        return title
    text = "\n".join(block.text[:RESPELLING_BLOCK_CHARS] for block in blocks[:RESPELLING_SEARCH_BLOCKS])
    spellings: dict[str, set[str]] = {}
    # the only words the title may have lost letters of; not found by a pattern that backtracks through every word
    for word in (word for word in _TOKEN.findall(text) if not word.isascii()):
        for form in _ascii_forms(word.casefold()):
            spellings.setdefault(form, set()).add(word.casefold())
    return _TOKEN.sub(lambda m: _one_spelling(m.group(), spellings, text), title) if spellings else title


def _one_spelling(word: str, spellings: dict[str, set[str]], text: str) -> str:
    found = spellings.get(word.casefold(), set())
    if len(found) != 1 or len(word) < MIN_RESPELLED_CHARS:
        return word  # "e" is not "è", nor "a" "à", wherever the text lacks the one and has the other
    if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I):
        return word  # the text writes it as the title does too
    spelling = next(iter(found))
    if word.isupper() and len(word) > 1:
        return spelling.upper()
    return spelling[:1].upper() + spelling[1:] if word[:1].isupper() else spelling


def _ascii_forms(word: str) -> set[str]:
    """How a word is written where its letters are confined to ASCII: without its accents ("Declaration"), or with
    the digraphs that stand for umlauts ("Tabakentwoehnung"; casefolding has already made "ß" "ss")."""
    digraphs = "".join(_DIGRAPHS.get(character, character) for character in word)
    return {fold(word), fold(digraphs)}


_DIGRAPHS = {"ä": "ae", "ö": "oe", "ü": "ue"}  # of casefolded words
MIN_RESPELLED_CHARS = 4
RESPELLING_SEARCH_BLOCKS = 40
RESPELLING_BLOCK_CHARS = 2000


_QUOTE_CLOSED_BY = {'"': '"', "“": "”", "„": "“", "«": "»", "‘": "’", "'": "'"}


def _without_unclosed_quote(text: str) -> str:
    """ '"Draft Principles' of '"Draft Principles" is a post by ...': the title the text quotes, without the mark
    that opens the quotation the title does not close."""
    closing = _QUOTE_CLOSED_BY.get(text[:1])
    return text[1:] if closing and closing not in text[1:] else text


def as_written(title: str, blocks: list[Block]) -> str:
    """ "An Open Letter To the Labor Movement Stand in Solidarity With Nodapl" (a slug's title) as the text opens:
    "An Open Letter to the Labor Movement: Stand in Solidarity With #NoDAPL"."""
    wanted = [word.casefold() for word in _TOKEN.findall(title)]
    if len(wanted) < MIN_LATIN_TITLE_WORDS or _PUNCTUATION.search(title):
        return title  # only a title with no punctuation left may have lost some
    for block in blocks[:SPELLING_SEARCH_BLOCKS]:
        tokens = list(_TOKEN.finditer(block.text))
        if [token.group().casefold() for token in tokens[:len(wanted)]] == wanted:
            written = _without_unclosed_quote(block.text[:tokens[len(wanted) - 1].end()])
            if written != title:
                return written
    return title
