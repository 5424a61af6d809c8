"""Headings in the body that name the statement: a reprinted statement's own heading, or a first line
that is a title where the markup has none."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from .blocks import Block
from .countries import fold
from .language import function_words, is_prose

MAX_HEADING_CHARS = 200
MAX_HEADING_WORDS = 30
MAX_REPRINT_SEARCH_BLOCKS = 40  # a post's introduction is short; the statement follows it
_INNER_SENTENCE = re.compile(r"\w[.!?]\s+[A-ZÀ-Þ]")
_LABEL_SEPARATOR = re.compile(r"\s*(?::|\s[–—-]\s)\s*")
_WORDS = re.compile(r"[^\W\d_]{2,}")
MAX_LABEL_WORDS = 4


@cache
def page_kind_words() -> dict[str, dict[str, list[str]]]:
    data = json.loads(resources.files("ingest").joinpath("lexicon/page_kinds.json").read_text("utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


@cache
def cue_pattern(*keys: str) -> re.Pattern[str]:
    """One pattern for keys of page_kinds.json, in every language."""
    patterns = [pattern for key in keys for by_language in page_kind_words()[key].values() for pattern in by_language]
    return re.compile(r"\b(?:" + "|".join(f"(?:{pattern})" for pattern in patterns) + ")", re.I)


def is_heading_like(block: Block) -> bool:
    """A heading, or a short line that stands alone without ending a sentence:
    "MANIFESTO DE REPÚDIO À OEA", "Open Letter and Sign-on Statement: No to restrictions!"."""
    if block.kind == "heading":
        return True
    text = block.text
    return (block.kind in ("paragraph", "line") and len(text) <= MAX_HEADING_CHARS
            and len(text.split()) <= MAX_HEADING_WORDS and not text.endswith((".", ",", ";", ":"))
            and not _INNER_SENTENCE.search(text))


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
    for index, block in enumerate(blocks[:MAX_REPRINT_SEARCH_BLOCKS]):
        if is_heading_like(block) and _names_a_statement_by_name(block.text) and _prose_follows(blocks, index) \
                and any(is_prose(before) and names_a_statement(before.text) for before in blocks[:index]):
            # the first heading that names the statement: the page's own title means the page is the statement
            return None if fold(block.text).strip(" .!:") in titles else index
    return None


def _labels_itself(title: str) -> bool:
    """ "Joint Statement: Say no to ...", "Offener Brief – ...": a label, then the statement's name."""
    label, separator, _ = _split_label(title)
    return bool(separator) and len(label.split()) <= MAX_LABEL_WORDS and names_a_statement(label)


def _split_label(title: str) -> tuple[str, str, str]:
    match = _LABEL_SEPARATOR.search(title)
    return (title[:match.start()], match.group(), title[match.end():]) if match else (title, "", "")


def _names_a_statement_by_name(text: str) -> bool:
    """ "Joint Statement of Grüne Jugend and Jusos", not "Der offene Brief": a label and words of its own."""
    text = text[:MAX_HEADING_TEXT]
    label = cue_pattern("statement_nouns").search(text)
    if label is None:
        return False
    rest = _WORDS.findall((text[:label.start()] + " " + text[label.end():]).casefold())
    known = function_words()
    return any(word not in known for word in rest)


def _prose_follows(blocks: list[Block], index: int) -> bool:
    for block in blocks[index + 1:index + 4]:
        if is_prose(block):
            return True
        if block.kind == "heading":
            return False
    return False


def first_line_title(blocks: list[Block]) -> str | None:
    """ "Joint statement on the closure of Radio Free Asia" as a document's first line, prose after it."""
    if len(blocks) < 2:
        return None
    first = blocks[0]
    words = first.text.split()
    if not is_heading_like(first) or len(words) < 2 or not any(character.isalpha() for character in first.text):
        return None
    return first.text if _prose_follows(blocks, 0) else None
