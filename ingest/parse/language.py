"""Which language a statement is written in, from its own prose.

The text is judged by py3langid (a naive Bayes model over byte n-grams that ships inside its
wheel), on the prose blocks only: a signatory list, a table or a menu says little about the
language of the statement and can outweigh it. What the markup declares (<html lang>, a front
matter key) is a site's setting, often the same on every page, so it decides only where the
page has too little prose to tell.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from importlib import resources

from .blocks import Block
from .memory import kept

PROSE_BUDGET_CHARS = 600  # the first prose of a page: enough to tell, and a bilingual page's first language
MIN_PROSE_CHARS = 60  # under this, what the markup declares wins over a guess from the text
MIN_PROSE_WORDS = 6
MIN_ITEM_PROSE_WORDS = 12  # a list item shorter than this, with no full stop, may be a name
MIN_FUNCTION_WORD_SHARE = 0.2  # running prose is a third to a half function words; lists of names far less
MIN_WORDS_PER_CLAUSE = 4  # "Oxfam, Brot für die Welt, Campact, ...": a comma every word or two is a list
FOREIGN_CONFIDENCE = 0.9  # a language without word lists is named only when the model is this sure of it
_WORD = re.compile(r"[^\W\d_]+")


@cache
def function_words() -> frozenset[str]:
    data = json.loads(resources.files("ingest").joinpath("lexicon/stopwords.json").read_text("utf-8"))
    return frozenset(word for code, words in data.items() if not code.startswith("_") for word in words)


@cache
def _identifier():  # noqa: ANN202 - py3langid has no type hints
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def load_model() -> None:
    """Load the language model now rather than on the first document."""
    _identifier()


def is_prose(block: Block) -> bool:
    """A sentence or more of running text: not a heading, a table row, or a short name-like line."""
    return block.kind in ("paragraph", "item") and _reads_as_prose(block.kind, block.text)


@kept(maxsize=16384)
def _reads_as_prose(kind: str, text: str) -> bool:
    words = _WORD.findall(text.casefold())
    if len(words) < MIN_PROSE_WORDS:
        return False
    if _a_comma_every_word_or_two(len(words), text):
        return False
    if kind == "item" and len(words) < MIN_ITEM_PROSE_WORDS and not text.rstrip().endswith((".", "!", "?")):
        return False  # "Association pour la taxation des transactions financières": a name in a list, not prose
    known = function_words()
    return sum(word in known for word in words) >= MIN_FUNCTION_WORD_SHARE * len(words)


def prose_sample(blocks: list[Block], budget: int = PROSE_BUDGET_CHARS,
                 is_text: Callable[[Block], bool] = is_prose) -> str:
    """The page's first prose blocks (or the first blocks is_text takes), up to budget characters."""
    parts: list[str] = []
    size = 0
    for block in blocks:
        if size >= budget:
            break
        if is_text(block):
            parts.append(block.text)
            size += len(block.text) + 1
    return " ".join(parts)[:budget]


def _with_running_text(sample: str, blocks: list[Block]) -> str:
    """The prose sample, or where the page has more running text than it holds, that text: paragraphs and items of
    sentences in a language with no word lists here ("Vi kräver handling från Sveriges regering ...") have none of
    the function words is_prose counts, and the sample is then a stray line."""
    running = prose_sample(blocks, is_text=runs_on)
    return running if len(running) > 2 * len(sample) else sample


def runs_on(block: Block) -> bool:
    """A paragraph or list item of words enough, and not a comma every word or two: running text in any language,
    not a list of names (is_prose asks for the function words of the languages read here)."""
    if block.kind not in ("paragraph", "item"):
        return False
    text = block.text[:PROSE_BUDGET_CHARS]
    count = len(_WORD.findall(text))
    return count >= MIN_ITEM_PROSE_WORDS and not _a_comma_every_word_or_two(count, text)


def _a_comma_every_word_or_two(count: int, text: str) -> bool:
    """ "Oxfam, Brot für die Welt, Campact, ...": fewer words than clauses need, a list of names."""
    return count < MIN_WORDS_PER_CLAUSE * (text.count(",") + 1)


def identify(text: str, supported: tuple[str, ...]) -> str | None:
    """The language of text: the likeliest of the supported languages, unless the model is sure
    of another one (a page in Polish is said to be Polish, not the nearest language with word lists)."""
    if not _WORD.search(text):
        return None
    ranking = _identifier().rank(text)
    best, probability = ranking[0]
    if best in supported or probability >= FOREIGN_CONFIDENCE:
        return best
    return next((code for code, _ in ranking if code in supported), best)


def choose_language(declared: str | None, blocks: list[Block], supported: tuple[str, ...]) -> str | None:
    """The language of the statement's prose; what the markup declares where there is too little
    prose; the language of whatever text there is where the markup declares none; None for a text
    too short to tell."""
    sample = prose_sample(blocks)
    if len(sample) < PROSE_BUDGET_CHARS:
        sample = _with_running_text(sample, blocks)
    if len(sample) < MIN_PROSE_CHARS:
        if declared:
            return declared
        sample = " ".join(block.text for block in blocks)[:PROSE_BUDGET_CHARS]
    return identify(sample, supported) if len(sample) >= MIN_PROSE_CHARS else None
