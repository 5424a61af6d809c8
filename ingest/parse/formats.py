"""Reading each source format into a Page: blocks plus the metadata the markup carries."""

from __future__ import annotations

import html
import json
import re
import tomllib
import unicodedata
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from typing import Any

import yaml
from bs4 import BeautifulSoup, Tag
from markdown_it import MarkdownIt

from .asks import lead_in
from .blocks import Block, Page, blocks_from_lines, blocks_from_soup, blocks_from_text, clean, is_furniture, soup_of
from .countries import fold
from .dates import iso_date
from .headings import cue_pattern
from .language import is_prose
from .lexicon import LANGUAGES, lexicon
from .names import name_likeness
from .pandoc_tables import dashed_tables_as_html, grid_tables_as_html
from .sentences import ends_in_abbreviation, is_abbreviation, sentences
from .tables import header_kind

_YAML_FRONT_MATTER = re.compile(r"\A\ufeff?---\s*\n(.*?)\n(?:---|\.\.\.)\s*(?:\n|\Z)", re.S)
_TOML_FRONT_MATTER = re.compile(r"\A\ufeff?\+\+\+\s*\n(.*?)\n\+\+\+\s*(?:\n|\Z)", re.S)
# Nikola's metadata in a Markdown post: "<!--", lines of ".. date: 2021-03-04 10:00:00 UTC", "-->"
_COMMENT_FRONT_MATTER = re.compile(r"\A\ufeff?\s*<!--[ \t]*\n((?:[ \t]*\.\.[ \t]+[A-Za-z_][\w-]*:[^\n]*\n)+)"
                                   r"[ \t]*-->[ \t]*(?:\n|\Z)")
_COMMENT_FIELD = re.compile(r"^[ \t]*\.\.[ \t]+(?P<key>[A-Za-z_][\w-]*):[ \t]*(?P<value>.*?)\s*$", re.M)
# "Aktivist*innen ... Bürger*innenrates": a star between letters is German's gender star, not emphasis.
_GENDER_STAR = re.compile(r"(?<=[^\W\d_])\*(?=[^\W\d_])")
# "#Declaración Pública" on a line of its own: kramdown, Jekyll's Markdown, reads a heading without the space
# CommonMark wants after the hashes.
_UNSPACED_HEADING = re.compile(r"(?:\A|(?<=\n\n))(#{1,6})([^\W\d_][^\n#]{0,120})(?=\n\n|\n?\Z)")
# No indented code blocks: a page's indented HTML ("        <p>À Paris, le 9 août 2024</p>") is its text,
# and statements hold no code.
_MARKDOWN = MarkdownIt("commonmark", {"html": True, "breaks": True}).enable("table").disable("code")
# A Markdown file may open with bare "title: ..." / "date: ..." lines and no fences: a run of such lines
# up to the first blank line, among them one naming the title or date.
_BARE_FRONT_MATTER = re.compile(r"\A\ufeff?((?:[A-Za-z_][\w-]*:[^\n]*\n)+)\s*\n")
_BARE_KEY = re.compile(r"^(?:title|date|datum)\s*:", re.M | re.I)
_TOP_LEVEL_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*(?:\s#.*)?$", re.M)
# "**On Behalf of: **": strong emphasis whose closing mark follows a space is no emphasis to CommonMark, and its
# marks are left in the text; around a whole line they are what the writer meant as bold, never part of a name
_LITERAL_STRONG = re.compile(r"\*\*\s*(?P<text>[^\s*](?:(?!\*\*).)*?)\s*\*\*")
# Kramdown's attribute lists and extensions ("{: #signon }", "{:.siglist}", "{:target="_blank"}", "{::options ... /}"):
# markup for the site's generator, never text
_KRAMDOWN_ATTRIBUTES = re.compile(r"\{:[^{}\n]*\}")
# "{#open_letter_on_the_task_force}": the anchor Pandoc writes after a heading, never part of its text
_HEADING_ANCHOR = re.compile(r"\s*\{#[^{}\s]*\}\s*$")
# For each field, the keys static-site generators and exporters use, best first, compared without case, "_" or
# "-" (publishDate, published_date, post_date, createdAt): Hugo, Jekyll, Eleventy, Hexo, Pelican, Zola, Astro,
# Nuxt Content, Netlify CMS, Ghost and WordPress exports.
FRONT_MATTER_KEYS = {
    "title": ("title", "posttitle", "headline", "titel", "titre", "titulo", "título", "titolo", "titol", "títol"),
    "subtitle": ("subtitle", "untertitel", "soustitre", "subtitulo", "sottotitolo"),
    "date": ("date", "publishdate", "publisheddate", "published", "publishedat", "publishedon", "datepublished",
             "pubdate", "postdate", "postedon", "posted", "dateposted", "releasedate", "issued", "createdat", "created",
             "datecreated", "creationdate", "publication", "publicationdate", "datepublication", "publicatiedatum",
             "datum", "fecha", "data"),
    "language": ("language", "lang", "languagecode", "locale"),
    "publisher": ("publisher", "sitename", "publishedby", "issuer", "issuedby", "organisation", "organization",
                  "organiser", "organizer", "herausgeber", "editeur", "éditeur"),
    "author": ("author", "authors", "autor", "autorin", "auteur"),
    "summary": ("summary", "description", "einleitung", "excerpt", "postexcerpt", "lead", "teaser"),
    "section": ("type", "categories", "category"),
    "address": ("permalink", "url", "canonical", "canonicalurl"),
    "original": ("originalurl", "sourceurl", "source", "externallink", "externelink", "externalurl", "via"),
}
_KEY_SPELLING = re.compile(r"[_\s-]")
_TITLE_BY_ANOTHER_NAME = re.compile(r"(?:t[ií]t(?:le|ol|olo|ulo)[_\s-]\w+|\w+[_\s-](?:title|titol|titolo|titulo))")
_NOT_A_TITLE = re.compile(r"[/\\]|^#|\.\w{2,4}$")  # "title_image: img/a.png", "title_colour: #333"
_LOCALISED_KEY = re.compile(r"(?P<key>title|subtitle|summary|description)(?:en|fr|de|es|pt|it|nl|ca)")
# A link to the repository a GitHub Pages site is built from ("sign by opening an issue on our repository")
# names the site: github.com/onestlatech/onestlatech.github.io -> onestlatech.github.io.
_PAGES_REPOSITORY = re.compile(r"github\.com/(?P<owner>[\w-]+)/(?P=owner)\.github\.io\b", re.I)


# Template markup left in a page's source (Django, Jinja, Liquid, Hugo): a translated string is its text; a loop
# (over data kept elsewhere: "{% for s in site.data.signatories %}- **{{ s.name }}**"), a tag, an expression or a
# comment is none.
_LOOP = re.compile(r"\{%-?\s*for\b.{0,5000}?\{%-?\s*endfor\s*-?%\}", re.S)
_TRANSLATED = re.compile(r"""\{%-?\s*trans(?:late)?\s+(["'])(?P<text>.{0,2000}?)\1[^%]{0,200}-?%\}""", re.S)
_SHEBANG = re.compile(r"\A\s*#![^\n]{0,200}\n")  # "#!/usr/bin/php" atop a PHP template: how it runs, no text
_TEMPLATE_MARKUP = re.compile(r"\{%.{0,1000}?%\}|\{\{.{0,1000}?\}\}|\{#.{0,1000}?#\}", re.S)


def without_template_markup(text: str) -> str:
    if "{%" not in text and "{{" not in text and "{#" not in text:
        return text
    return _TEMPLATE_MARKUP.sub("", _TRANSLATED.sub(lambda match: match["text"], _LOOP.sub("", text)))


def read_page(text: str, content_type: str) -> Page:
    # accents written as a letter and a combining mark ("de\u0301clare\u0301", as some editors save) read as the one
    # character every pattern and word list here is written with
    text = unicodedata.normalize("NFC", text)
    text = _SHEBANG.sub("", without_template_markup(text))
    if content_type == "text/html":
        metadata, body = front_matter(text)  # a Jekyll post written in HTML: what its front matter says wins
        html = page_from_html(body)
        page = Page(html.blocks, {**html.metadata, **metadata})
    elif content_type == "text/markdown":
        page = page_from_markdown(text)
    else:
        page = Page(blocks_from_text(text))
    page.blocks = _name_runs_apart(_valedictions_apart(page.blocks))
    pages_repository = _PAGES_REPOSITORY.search(text)
    if pages_repository and "address" not in page.metadata:
        page.metadata["address"] = f"https://{pages_repository['owner'].casefold()}.github.io/"
    return page


MAX_VALEDICTION_WORDS = 4


def _valedictions_apart(blocks: list[Block]) -> list[Block]:
    """ "Mit freundlichen Grüßen" with the signer on the next line of one paragraph ("die AG Klima und Mobilität
    ..."): the closing formula, then the lines it closes with, each a block of its own, as they would be where the
    writer had left an empty line between them."""
    parted: list[Block] = []
    for block in blocks:
        closing = block.lines[0] if block.kind == "paragraph" and len(block.lines) > 1 else ""
        if closing and is_valediction(closing):
            parted.append(Block("paragraph", closing))
            parted.extend(blocks_from_lines(list(block.lines[1:])))
        else:
            parted.append(block)
    return parted


def _name_runs_apart(blocks: list[Block]) -> list[Block]:
    """A wall of text that lists its signers as sentences ("... firman: A, Madrid. B, Tijuana, México. C. ...") or
    parts them by semicolons: each run of names, one line each, between the text before and after it."""
    parted: list[Block] = []
    for block in blocks:
        marks = [stop for mark, stop in _ENTRY_STOPS if block.text.count(mark) >= MIN_NAME_RUN - 1]
        apart = next((found for stop in marks if (found := _run_of_names_apart(block.text, stop))), None) \
            if block.kind == "paragraph" else None
        parted.extend(apart or [block])
    return parted


MIN_NAME_RUN = 8  # short sentences in prose rarely come eight in a row; names a wall of text lists come by dozens
MAX_RUN_ENTRY_WORDS = 30  # "Name, what it is, the town, the country": one entry of such a run
_SENTENCE_STOP = re.compile(r"\.\s+(?=[A-ZÀ-Þ0-9])")
_ENTRY_STOPS = ((". ", _SENTENCE_STOP), ("; ", re.compile(r";\s+(?=[A-ZÀ-Þ0-9])")))
_INITIALS_END = re.compile(r"\b(?:\w\.)+\w$")
_INITIALS = re.compile(r"(?:\w\.)+\w?\.?(?:\s|$)")


def _run_of_names_apart(text: str, stop: re.Pattern[str]) -> list[Block]:
    """The paragraph as blocks, each run of names in it as lines (organisations, then people, may each have one);
    none where it has no run."""
    spans = _entry_spans(text, stop)
    semicolons = stop is not _SENTENCE_STOP
    # where semicolons part the names, the first and last share their parts with the sentences around them
    minimum = MIN_NAME_RUN - 2 if semicolons else MIN_NAME_RUN
    shaped = _bridged([_entry_start(text[begin:end], likeness=False) for begin, end in spans], spans, text)
    if not _runs(shaped, minimum):
        return []  # the runs' shape is looked for first: most long paragraphs have none, and likeness costs more
    starts = _bridged([_entry_start(text[begin:end]) if shape is not None else None
                       for (begin, end), shape in zip(spans, shaped, strict=True)], spans, text)
    blocks: list[Block] = []
    read_to = 0
    for first, last in _runs(starts, minimum):
        opening = spans[first][0] + (starts[first] or 0)
        names = [text[opening:spans[first][1]]] + [text[begin:end] for begin, end in spans[first + 1:last + 1]]
        closing = spans[last][1]
        if semicolons:  # "... with the neighbours. A, Madrid; B; ...; Z. For contact, ..."
            if first and spans[first - 1][0] >= read_to:  # the part before, unless the last run took from it
                opening, names = _sentence_before(text, spans[first - 1], opening, names)
            if last + 1 < len(spans):
                closing, names = _sentence_after(text, spans[last + 1], closing, names)
            cue = text[max(0, opening - SIGNERS_CUE_REACH):opening]
            if len(names) < MIN_NAME_RUN or not _signers_named_before(cue) or _asks_before(cue):
                continue  # "Si esibiranno: A; B; C; ...": semicolons part any names a report lists, not only signers
        blocks += [Block("paragraph", part) for part in _lead_in_apart(text[read_to:opening].lstrip(".; ").strip())]
        blocks += [Block("line", _closed(name.strip()), opens=index == 0) for index, name in enumerate(names)]
        read_to = closing
    if not blocks:
        return []
    after = text[read_to:].lstrip(".; ").strip()
    return blocks + ([Block("paragraph", after)] if after else [])


SIGNERS_CUE_REACH = 400  # characters before the first name: the sentence that leads in to them


def _signers_named_before(text: str) -> bool:
    return cue_pattern("signing", "undersigned", "supporting", "supporters").search(text) is not None


def _asks_before(text: str) -> bool:
    """ "We, the undersigned organisations, demand:" just before the run: what the signers ask for, in any language
    (the page's is not known yet)."""
    last = sentences(text)[-1:] if text.rstrip().endswith(":") else []
    return bool(last) and any(lead_in(last[0], lexicon(language)) for language in LANGUAGES)


def _sentence_before(text: str, span: tuple[int, int], opening: int, names: list[str]) -> tuple[int, list[str]]:
    """The name that ends the part before the run, after the sentence that opens that part."""
    stops = [found for found in _SENTENCE_STOP.finditer(text, span[0], span[1]) if _sentence_ends(text, found)]
    if stops and _entry_start(text[stops[-1].end():span[1]]) == 0:
        return stops[-1].end(), [text[stops[-1].end():span[1]], *names]
    return opening, names


def _sentence_after(text: str, span: tuple[int, int], closing: int, names: list[str]) -> tuple[int, list[str]]:
    """The name that opens the part after the run, before the sentence that closes that part."""
    stops = [found for found in _SENTENCE_STOP.finditer(text, span[0], span[1]) if _sentence_ends(text, found)]
    if stops and _entry_start(text[span[0]:stops[0].start()]) == 0:
        return stops[0].start(), [*names, text[span[0]:stops[0].start()]]
    return closing, names


def _sentence_ends(text: str, stop: re.Match[str]) -> bool:
    """A full stop that ends a sentence, not an abbreviation's ("St. Peter", "O.P. A.C.")."""
    return not ends_in_abbreviation(text[max(0, stop.start() - WORD_REACH):stop.start() + 1])


def _initials_around(text: str, stop: re.Match[str]) -> bool:
    """Initials before the stop and after it: "O.P. A.C."."""
    return _INITIALS_END.search(text, max(0, stop.start() - WORD_REACH), stop.start()) is not None \
        and _INITIALS.match(text, stop.end()) is not None


WORD_REACH = 40  # characters back from a stop that hold the word it closes: a long paragraph is not read again


def _entry_spans(text: str, stop: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where each sentence (or each part between semicolons) of the text begins and ends, its mark left out."""
    spans, start = [], 0
    for found in stop.finditer(text):
        if _initials_around(text, found):
            continue  # "Fray Francisco de Vitoria O.P. A.C.": one name's abbreviations
        spans.append((start, found.start()))
        start = found.end()
    spans.append((start, len(text)))
    return spans


def _bridged(starts: list[int | None], spans: list[tuple[int, int]], text: str) -> list[int | None]:
    """One long or odd name among many ("Centro de Derechos Humanos Miguel Agustín Pro Juárez de ..."): a capitalised
    sentence of an entry's length between two entries is one too."""
    bridged = list(starts)
    for index in range(1, len(spans) - 1):
        sentence = text[spans[index][0]:spans[index][1]]
        if starts[index] is None and starts[index - 1] is not None and starts[index + 1] == 0 \
                and sentence[:1].isupper() and len(sentence.split()) <= MAX_RUN_ENTRY_WORDS:
            bridged[index] = 0
    return bridged


def _lead_in_apart(text: str) -> list[str]:
    """The text before the names, its last sentence apart where it introduces them ("... Firman:")."""
    if not text.endswith(":"):
        return [text] if text else []
    stops = list(_SENTENCE_STOP.finditer(text))
    if not stops:
        return [text]
    return [text[:stops[-1].start() + 1], text[stops[-1].end():]]


def _entry_start(sentence: str, likeness: bool = True) -> int | None:
    """Where a sentence that is a signer's entry begins: 0, or past a lead-in's colon ("Firman: A, Madrid"); None
    where it is no entry (by its shape alone, without likeness)."""
    colon = sentence.rfind(": ")
    start = colon + 2 if colon >= 0 else 0
    entry = sentence[start:]
    head = entry.split(", ")[0]
    if not entry[:1].isupper() and not entry[:1].isdigit() or len(entry.split()) > MAX_RUN_ENTRY_WORDS \
            or len(head.split()) > MAX_RUN_NAME_WORDS or likeness and name_likeness(entry) < MIN_RUN_LIKENESS:
        return None
    return start


MAX_RUN_NAME_WORDS = 12
MIN_RUN_LIKENESS = 0.6


def _runs(starts: list[int | None], minimum: int) -> list[tuple[int, int]]:
    """The first and last index of each run of entries long enough; only a run's first may open past a lead-in's
    colon."""
    runs, begin = [], None
    for index, start in enumerate([*starts, None]):
        ends = start is None or (start > 0 and begin is not None)
        if ends and begin is not None and index - begin >= minimum:
            runs.append((begin, index - 1))
        if ends:
            begin = None if start is None else index
        elif begin is None:
            begin = index
    return runs


def _closed(name: str) -> str:
    """ "Asociación Civil Ejemplo A.C" gets back the full stop its abbreviation ends with; no other name keeps one."""
    name = name.rstrip(" .;")
    last = name.split()[-1] if name.split() else ""
    return f"{name}." if is_abbreviation(f"{last}.") and len(last) > 1 else name


def is_valediction(line: str) -> bool:
    """ "Sincerely,", "Mit freundlichen Grüßen", "Atentamente,": a closing formula alone on its line."""
    return len(line.split()) <= MAX_VALEDICTION_WORDS and ":" not in line and \
        cue_pattern("signing").match(line) is not None


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The metadata a YAML or TOML front matter (or bare "key: value" lines) carries, and the text after it."""
    data, rest = _front_matter_data(text)
    return _front_matter(data), rest


def _front_matter_data(text: str) -> tuple[Any, str]:
    data, rest = _fenced_front_matter(text)
    if data is None:
        bare = _BARE_FRONT_MATTER.match(text)
        if bare and _BARE_KEY.search(bare.group(1)):
            return _load_yaml(bare.group(1)), text[bare.end():]
        return None, text
    following, after = _fenced_front_matter(rest.lstrip())
    if isinstance(data, dict) and isinstance(following, dict):
        return {**data, **following}, after  # "---\n_template: x\n---" over the "+++" block a CMS left it beside
    return data, rest


def _fenced_front_matter(text: str) -> tuple[Any, str]:
    for pattern, load in ((_YAML_FRONT_MATTER, _load_yaml), (_TOML_FRONT_MATTER, _load_toml),
                          (_COMMENT_FRONT_MATTER, _load_comment_fields)):
        match = pattern.match(text)
        if match:
            return load(match.group(1)), text[match.end():]
    return None, text


def page_from_markdown(text: str) -> Page:
    data, text = _front_matter_data(text)
    metadata = _front_matter(data)
    text = _with_front_matter_content(data, text)
    text = _KRAMDOWN_ATTRIBUTES.sub("", text)
    text = _GENDER_STAR.sub(r"\\*", text)
    text = _UNSPACED_HEADING.sub(r"\1 \2", text)
    text = dashed_tables_as_html(grid_tables_as_html(text, _MARKDOWN.renderInline), _MARKDOWN.renderInline)
    soup = soup_of(_MARKDOWN.render(text))
    blocks = blocks_from_soup(soup.body or soup)
    for block in blocks:
        if block.kind == "heading":
            block.text = _HEADING_ANCHOR.sub("", block.text)
        literal = _LITERAL_STRONG.fullmatch(block.text)
        if literal:
            block.text = literal["text"]
    heading = _opening_h1(blocks) or _heading_the_title_runs_on_from(metadata.get("title"), blocks)
    if heading is not None and not ("title" in metadata and (_wholly_a_link(soup) or _PLACEHOLDER.match(heading.text)
                                                            or _NUMBERED_SECTION.match(heading.text)
                                                            or heading.text.endswith(":"))):
        if "title" in metadata:
            metadata["post_title"] = metadata["title"]
        metadata["title"] = heading.text  # an author's own H1 names the statement, whatever the post is called
    return Page(blocks, metadata)


# "1. The federal open data strategy": the first of a post's numbered sections, not its title (nor is "Context:",
# a section's label)
_NUMBERED_SECTION = re.compile(r"(?:\d{1,2}|[IVX]{1,4})[.)]\s+\S")
# "Politic3", "post_12": a template's name for a page, a word run into a number, where the front matter names it
_PLACEHOLDER = re.compile(r"[^\W\d_]+[_-]?\d+$")
MAX_BLOCKS_BEFORE_H1 = 2  # "**[Versión en Castellano](#...)**", a badge: a line or two may stand above the title


def _opening_h1(blocks: list[Block]) -> Block | None:
    """The page's first H1, where nothing but a short line or two stands before it (no prose)."""
    for block in blocks[:MAX_BLOCKS_BEFORE_H1 + 1]:
        if block.kind == "heading" and block.level == 1:
            return block
        if is_prose(block) or block.kind == "heading":
            return None
    return None


def _heading_the_title_runs_on_from(title: Any, blocks: list[Block]) -> Block | None:
    """ "La survie de l'Arménie est en jeu, monsieur le président ! TRIBUNE. Élisabeth Badinter, ... en appellent à
    ...": a front matter's title that is the post's H1 with its standfirst run on after it. The H1 names the post,
    wherever a caption or two stands above it."""
    if not isinstance(title, str):
        return None
    key = fold(title)
    for index, block in enumerate(blocks[:MAX_OPENING_BLOCKS]):
        if block.kind == "heading" and block.level == 1:
            standfirst = blocks[index + 1].text if index + 1 < len(blocks) else ""
            return block if fold(f"{block.text} {standfirst}").startswith(key) else None
    return None


def _wholly_a_link(soup: BeautifulSoup) -> bool:
    """ "# [Voglio firmare la lettera](firmare)": an H1 that is one link points elsewhere (a call to sign, a
    site's name); the front matter's title names the page."""
    h1 = soup.find("h1")
    links = h1.find_all("a") if h1 else []
    return len(links) == 1 and links[0].get_text(" ", strip=True) == h1.get_text(" ", strip=True).rstrip(" .")


MIN_FRONT_MATTER_LETTER = 400  # characters: a value this long is prose, not a summary line
MAX_BODY_BESIDE_LETTER = 200  # a body this short (a shortcode, an include) leaves the text to the front matter
MIN_RECORDS = 3
_NAME_KEYS = ("name", "nom", "nombre", "nome", "naam", "fullname")  # not "title": menus and resources have one


def _with_front_matter_content(data: Any, body: str) -> str:
    """A site that keeps its letter in the front matter (a static site's template draws it): the letter's text,
    where the body is all but empty, and each list of records with names (the signatories, drawn by the
    template as a list), as Markdown under a heading of the list's key."""
    if not isinstance(data, dict):
        return body
    parts = [body]
    letters = [value for value in data.values() if isinstance(value, str) and len(value) >= MIN_FRONT_MATTER_LETTER]
    if letters and len(re.sub(r"\s", "", body)) < MAX_BODY_BESIDE_LETTER:
        parts.insert(0, max(letters, key=len))
    for key, value in data.items():
        records = _records_as_markdown(value) or _signers_as_markdown(str(key), value)
        if records:
            parts.append(f"## {str(key).replace('_', ' ').capitalize()}\n\n{records}")
    return "\n\n".join(part for part in parts if part.strip())


def _records_as_markdown(value: Any) -> str:
    """A list of mappings that give a name: one line each, its name then its other short values; as a table headed
    by their keys, the name first, where a key says what kind each signer is ("type: organization"), so that the
    kind is read from its column and not run into the name."""
    if not isinstance(value, list) or len(value) < MIN_RECORDS or not all(isinstance(item, dict) for item in value):
        return ""
    rows: list[dict[str, str]] = []
    for record in value:
        fields = {_KEY_SPELLING.sub("", str(key)).casefold(): item for key, item in record.items()}
        name_key = next((key for key in _NAME_KEYS if isinstance(fields.get(key), str)), None)
        if name_key is None or not fields[name_key].strip():
            continue
        rows.append({"name": fields[name_key].strip(), **{
            key: str(item).strip() for key, item in fields.items()
            if isinstance(item, (str, int)) and str(item).strip() and key not in _NAME_KEYS
            and not str(item).startswith(("http://", "https://", "/"))}})
    if len(rows) < MIN_RECORDS:
        return ""
    keys = list(dict.fromkeys(key for row in rows for key in row))
    if not any(header_kind(key) == "type" for key in keys):
        return "\n".join("- " + ", ".join(row.values()) for row in rows)
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(_CELL_BAR.sub("/", row.get(key, "")) for key in keys) + " |" for row in rows]
    return "\n".join(lines)


def _signers_as_markdown(key: str, value: Any) -> str:
    """ "signatories: [Alpha Network, Beta Coalition, ...]": a list of names under a key that says they sign or
    support, one line each (other lists of words, tags and categories, name no one)."""
    if cue_pattern("signing", "supporters").search(key.replace("_", " ")) is None:
        return ""
    return _names_as_markdown(value)


def _names_as_markdown(value: Any) -> str:
    if not isinstance(value, list) or len(value) < MIN_RECORDS or not all(isinstance(item, str) for item in value):
        return ""
    return "\n".join(f"- {item.strip()}" for item in value if item.strip())


def _with_signers_a_script_draws(scripts: list[str], blocks: list[Block]) -> list[Block]:
    """ "var organisations = ["Alpha Network", ...]" or "signers: [{"name": ...}, ...]" in a script that draws the
    list into the page, where the markup does not list them already: the names, under the page's heading for its
    signers where nothing stands under it, else at the end under a heading of the name they are kept under."""
    shown = None
    for script in scripts:
        for key, value in _signer_arrays(script[:MAX_SCRIPT_CHARS]):
            listed = _records_as_markdown(value) or _names_as_markdown(value)
            names = [line.removeprefix("- ") for line in listed.splitlines()]
            shown = shown or fold(" ".join(block.text for block in blocks))
            if not names or sum(fold(name) in shown for name in names) * 2 >= len(names):
                continue
            under = _empty_signers_heading(blocks)
            if under is None:
                blocks = blocks + page_from_markdown(f"## {' '.join(_KEY_WORDS.findall(key)).capitalize()}\n\n"
                                                     f"{listed}").blocks
            else:
                blocks = blocks[:under + 1] + page_from_markdown(listed).blocks + blocks[under + 1:]
            shown += fold(" ".join(names))
    return blocks


def _empty_signers_heading(blocks: list[Block]) -> int | None:
    """ "<h2>Signatories</h2><ul id="list"></ul>": a heading for the signers with nothing under it, which a script
    fills."""
    return next((index for index, block in enumerate(blocks) if block.kind == "heading"
                 and _SIGNERS_HEADING.match(block.text)
                 and (index + 1 == len(blocks) or blocks[index + 1].kind == "heading"
                      and blocks[index + 1].level <= block.level)), None)


def _signer_arrays(source: str) -> Iterator[tuple[str, Any]]:
    """The arrays a script assigns or keys by a name that says they hold signers or organisations; a few only, as a
    hostile page may name a thousand."""
    keyed = (match for match in _SCRIPT_ARRAY.finditer(source) if _names_signers(match["key"]))
    for match in islice(keyed, MAX_SCRIPT_ARRAYS):
        try:
            yield match["key"], _JSON_DECODER.raw_decode(source, match.end())[0]
        except json.JSONDecodeError:
            continue


def _names_signers(key: str) -> bool:
    words = [word.casefold() for word in _KEY_WORDS.findall(key)]
    return bool(_SIGNERS_HEADING.search(" ".join(words))
                or any(_ORGANISATIONS.fullmatch(word) for word in words))


MAX_SCRIPT_CHARS = 2_000_000  # an inline bundle larger than this holds no list a person wrote
MAX_SCRIPT_ARRAYS = 10
# "var orgList = [", "const signatories=[", "\"supporters\": [": where a script keeps an array, and under what name
_SCRIPT_ARRAY = re.compile(r"""(?<![\w$])["']?(?P<key>[A-Za-z_$][\w$]{0,40})["']?\s*[:=]\s*(?=\[)""")
_KEY_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # "orgList" -> org, List; "SIGNERS_DATA" -> SIGNERS, DATA
_ORGANISATIONS = re.compile(r"orgs?|organi[sz]ations?|organisaties|organisationen|organizaciones|organizzazioni"
                            r"|organizações")
_JSON_DECODER = json.JSONDecoder()


_CELL_BAR = re.compile(r"\|")  # a bar inside a value would open a cell of its own


# LibYAML's loader where PyYAML was built with it: the same documents, read several times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(source: str) -> Any:
    """YAML, or where a theme's comments make it invalid (tabs before a "#"), its top-level "key: value" lines."""
    try:
        return yaml.load(source, Loader=_YAML_LOADER)
    except yaml.YAMLError:
        return {match["key"]: match["value"].strip("\"'") for match in _TOP_LEVEL_KEY.finditer(source)}


def _load_comment_fields(source: str) -> dict[str, str]:
    """Nikola's ".. key: value" lines, each value a string as written ("Stop it: now" keeps its colon)."""
    return {match["key"]: match["value"] for match in _COMMENT_FIELD.finditer(source)}


def _load_toml(source: str) -> Any:
    """TOML, or where a line break inside a quoted value makes it invalid, its top-level string values."""
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError:
        return {match["key"]: match["value"] for match in _TOML_STRING_LINE.finditer(source)} or None


_TOML_STRING_LINE = re.compile(r'^(?P<key>[A-Za-z_][\w-]*)\s*=\s*"(?P<value>[^"]*)"\s*$', re.M)


def _front_matter(data: Any) -> dict[str, Any]:
    """Title, date, language, publisher, author, summary and address from a Hugo or Jekyll front matter."""
    if not isinstance(data, dict):
        return {}
    keys = {_KEY_SPELLING.sub("", str(key)).casefold(): value for key, value in reversed(data.items())}
    for key, value in data.items():  # "title_es", then "title_en": the field in the page's first language
        localised = _LOCALISED_KEY.fullmatch(_KEY_SPELLING.sub("", str(key)).casefold())
        if localised:
            keys.setdefault(localised["key"], value)
    if not any(spelling in keys for spelling in FRONT_MATTER_KEYS["title"]):
        keys["title"] = _title_by_another_name(data)
    found: dict[str, Any] = {}
    for name, spellings in FRONT_MATTER_KEYS.items():
        for key in spellings:
            value = keys.get(key)
            if isinstance(value, list) and value and isinstance(value[0], str):
                value = value[0]  # authors: [drw]
            if isinstance(value, (datetime, date)):
                value = value.isoformat()
            if isinstance(value, str) and value.strip():
                found[name] = clean(html.unescape(value))  # "Ato contra a Lei Azeredo (&#8220;AI-5 digital&#8221;)"
                break
    return found


def _title_by_another_name(data: dict[Any, Any]) -> str | None:
    """ "titol_seccio", "page_title": a title under a key of another name, where none is "title"; not an image's or
    a colour's ("title_image: img/a.png")."""
    return next((value for key, value in data.items() if _TITLE_BY_ANOTHER_NAME.fullmatch(str(key).casefold())
                 and isinstance(value, str) and not _NOT_A_TITLE.search(value)), None)


def page_from_html(html: str) -> Page:
    soup = soup_of(without_server_code(markup_of_a_component(html)))
    index = MarkupIndex.of(soup)
    root = index.content_root() or soup.body or soup
    blocks = blocks_from_soup(root)
    for section in _signers_after(root):
        blocks += blocks_from_soup(section)
    blocks = _with_signers_a_script_draws(index.scripts, blocks)
    if _chars(blocks) < MIN_CONTENT_CHARS:  # a <nav> never closed holds the whole page: read it, furniture and all
        whole = blocks_from_soup(root, furniture=True)
        blocks = whole if _chars(whole) >= WHOLE_PAGE_FACTOR * max(_chars(blocks), 1) else blocks
    return Page(blocks, html_metadata(soup, index, opening_heading(blocks) or _heading_over(index.content_root())))


def _heading_over(root: Tag | None) -> str | None:
    """ "<section><h2>OpenTF Announces Fork of Terraform</h2><article class="blog-post">...": the heading that stands
    right before the statement's container, outside it, names what it holds."""
    previous = root.find_previous_sibling(True) if root is not None else None
    if previous is None or previous.name not in _TITLE_HEADINGS[:MAX_TITLE_LEVEL]:
        return None
    return clean(previous.get_text(" ")) or None


def without_server_code(html: str) -> str:
    """The page without the server's code a template file holds ("<%@ Page Language="C#" ... %>", "<%= title %>"):
    a page kept as its ASP or JSP source, not as served, would read that code as its first paragraph. Found by
    plain search, not a pattern, so that a thousand "<%" never closed cost one pass."""
    return _without_spans(html, "<%", "%>")


def _without_spans(text: str, opening: str, closing: str) -> str:
    """The text without what stands from each `opening` to the `closing` after it; an opening never closed, and
    what follows it, stay."""
    if opening not in text:
        return text
    parts: list[str] = []
    start = 0
    while (begin := text.find(opening, start)) >= 0 and (end := text.find(closing, begin + len(opening))) >= 0:
        parts.append(text[start:begin])
        start = end + len(closing)
    parts.append(text[start:])
    return "".join(parts)


# a module's opening ("import React from 'react'", "export const query = ...", "'use client'"), past its comments
# (possessive: a line of a thousand "// " must not be split every way before the match fails)
_MODULE_OPENING = re.compile(r"\A\s*+(?:(?://[^\n]*+|/\*.*?\*/)\s*+)*+(?:import\s|export\s|['\"]use \w+['\"])",
                             re.S)
_RETURNED_MARKUP = re.compile(r"\breturn\s*\(\s*(?=<)")


def markup_of_a_component(source: str) -> str:
    """A page kept as the source of its React component ("import React from 'react' ... return (<Layout> ...
    </Layout>)"): the markup it returns (the longest, where it returns early on an error), without the module's
    code and the markup's comments; code read as the page's text would be its opening. A Vue component: the
    markup of its template."""
    if not _MODULE_OPENING.match(source):
        return _template_of_a_single_file_component(source)
    starts = [match.end() for match in _RETURNED_MARKUP.finditer(source)]
    segments = [source[start:end] for start, end in zip(starts, [*starts[1:], len(source)], strict=True)]
    markup = [segment[:segment.rfind(">") + 1] for segment in segments]
    return _without_spans(max(markup, key=len), "{/*", "*/}") if markup else source


# a single-file component's template: "<template>" first on a line, in a file with no page around it
_COMPONENT_TEMPLATE = re.compile(r"^<template\b[^>]*>(?P<markup>.*)^</template>", re.S | re.M)
_PAGE_OPENING = re.compile(r"<(?:html|body)\b", re.I)
_TEMPLATE_TAG = re.compile(r"<(/?)template\b", re.I)


def _template_of_a_single_file_component(source: str) -> str:
    """ "<script setup></script><template><div>...</div></template><style>": a page kept as its Vue component, whose
    template is what the page shows, its inner templates ("<template v-if>") drawn as the containers they render.
    A page's own <template> is inert until a script clones it, and stands inside the page's body."""
    if "<template" not in source or _PAGE_OPENING.search(source):
        return source
    match = _COMPONENT_TEMPLATE.search(source)
    return _TEMPLATE_TAG.sub(r"<\1div", match["markup"]) if match else source


def _signers_after(root: Tag) -> list[Tag]:
    """The sections after the content's container that a heading says hold its signers ("<main>the letter</main>
    <div><h2>Signataires</h2>...</div>"), and the one right after it where that is a list of names: the rest of what
    stands outside it is the site's."""
    found: list[Tag] = []
    node: Tag | None = root
    while node is not None and node.name not in ("body", "html", "[document]"):
        siblings = [sibling for sibling in node.next_siblings if isinstance(sibling, Tag)]
        found += [sibling for position, sibling in enumerate(siblings)
                  if _headed_by_signers(sibling) or _opens_on_supporters(sibling)
                  or position == 0 and _a_list_of_names(sibling)]
        node = node.parent
    return found


def _a_list_of_names(tag: Tag) -> bool:
    """ "<article>the letter</article><div><ul><li>Acorn Sheffield</li>...": a list of names right after the
    statement's container, whatever heads it; the signature finder weighs it with the rest."""
    if is_furniture(tag):
        return False
    items = [clean(item.get_text(" ")) for item in tag.find_all("li")]
    names = sum(1 for item in items if name_likeness(item) >= NAME_LIKENESS)
    return len(items) >= MIN_LISTED_NAMES and names * 2 > len(items)


MIN_LISTED_NAMES = 4
NAME_LIKENESS = 0.6


def _headed_by_signers(tag: Tag) -> bool:
    heading = tag if tag.name in ("h1", "h2", "h3", "h4") else tag.find(("h1", "h2", "h3", "h4"))
    text = clean(heading.get_text(" ")) if heading is not None else ""
    return 0 < len(text) <= MAX_SIGNERS_HEADING_CHARS and _SIGNERS_HEADING.search(text) is not None \
        and not is_furniture(tag)


# "Signatories", "Organisations signataires", "Our supporters", "Endorsed by", "Who has signed", "Adhesiones"
_SIGNERS_HEADING = cue_pattern("signing", "supporters", "supporting", "adhesion")


def _opens_on_supporters(tag: Tag) -> bool:
    """A footer that opens on a line ending in who backs the campaign ("Diese Kampagne wird unterstützt von",
    then their logos): the line leads in to names, where "Supported by the X Foundation" names one funder."""
    if tag.name != "footer":
        return False
    opening = next((clean(text) for text in tag.stripped_strings if clean(text)), "")
    ending = _SUPPORTERS_CUE_AT_END.search(opening[:MAX_SIGNERS_HEADING_CHARS])
    return ending is not None and ending.end() == len(opening)


_SUPPORTERS_CUE_AT_END = re.compile(cue_pattern("supporting").pattern + r"\s*:?$", re.I)
MAX_SIGNERS_HEADING_CHARS = 60
MIN_CONTENT_CHARS = 200
WHOLE_PAGE_FACTOR = 4


def _chars(blocks: list[Block]) -> int:
    return sum(len(block.text) for block in blocks)


def opening_heading(blocks: list[Block]) -> str | None:
    """The heading the content opens with, before any prose: a label ("PRESS STATEMENT") or a template's
    leftovers may stand above it."""
    for block in blocks[:MAX_OPENING_BLOCKS]:
        if is_prose(block):
            return None
        if block.kind == "heading" and block.level <= MAX_TITLE_LEVEL:
            return block.text
    return None


_TITLE_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TITLE_CLASSES = ("entry-title", "post-title")


@dataclass
class MarkupIndex:
    """What the metadata and the content root are read from, gathered in one walk of the tree."""

    meta: dict[str, str] = field(default_factory=dict)  # property or name -> content, first wins
    json_ld: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # the others' code: "var organisations = [...]"
    time_datetime: str | None = None
    time_text: str | None = None  # the first <time> without a datetime: "March 3, 2021"
    item_published: str | None = None  # microdata's datePublished
    title: str | None = None
    h1: list[Tag] = field(default_factory=list)
    classed_headings: list[Tag] = field(default_factory=list)  # headings of any level a theme marks as the title
    content: dict[str, Tag] = field(default_factory=dict)  # the first of each CONTENT_ROOTS kind
    footer: Tag | None = None  # the page's footer, left out of the blocks as furniture

    @classmethod
    def of(cls, soup: BeautifulSoup) -> MarkupIndex:
        index = cls()
        for tag in soup.descendants:
            if isinstance(tag, Tag):
                index._note(tag)
        return index

    def _note(self, tag: Tag) -> None:
        name = tag.name
        if name == "meta":
            key, content = tag.get("property") or tag.get("name") or tag.get("itemprop"), tag.get("content")
            if isinstance(key, str) and isinstance(content, str):
                self.meta.setdefault(key, content)
        elif tag.get("itemprop") == "datePublished" and self.item_published is None:
            self.item_published = _date_text(tag)
        elif name == "script" and tag.get("type") == "application/ld+json":
            self.json_ld.append(tag.string or "")
        elif name == "script" and tag.string:
            self.scripts.append(str(tag.string))
        elif name == "time" and self.time_datetime is None and isinstance(tag.get("datetime"), str):
            self.time_datetime = tag["datetime"]
        elif name == "time" and self.time_text is None:
            self.time_text = _date_text(tag)
        elif name == "title" and self.title is None:
            self.title = tag.get_text()
        elif name == "h1":
            self.h1.append(tag)
        classes = tag.get("class") or []
        if name in _TITLE_HEADINGS and any(title_class in classes for title_class in _TITLE_CLASSES):
            self.classed_headings.append(tag)  # "<h4 class="entry-title">": the theme's title, whatever its level
        if self.footer is None and (name == "footer" or tag.get("id") == "footer" or "footer" in classes):
            self.footer = tag
        for kind in CONTENT_ROOTS:
            if kind not in self.content and _is_root_kind(tag, name, classes, kind):
                self.content[kind] = tag

    def content_root(self) -> Tag | None:
        """The statement's container: the post body a theme wraps it in, else the article or main. Where the
        article has sibling articles (a page laid out in several), their parent holds the statement."""
        root = next((self.content[kind] for kind in CONTENT_ROOTS if kind in self.content), None)
        if root is None or root.name != "article":
            return root
        main = self.content.get("main")
        if main is not None and main in root.parents and _sole_article(main):
            return main  # "<main><article>the letter</article><section>its signers</section></main>"
        item = _wrapped(root)  # "<section><article>...</article></section>", one section per article
        if item.parent is not None and sum(1 for child in item.parent.children if _holds_an_article(child)) > 1:
            root = item.parent
        if main is not None and main in root.parents and _teasers(root, main):
            return main  # a campaign's page with its news as articles in a corner
        return root

    def h1_text(self, css_class: str | None = None) -> str | None:
        for tag in self.h1 if css_class is None else self.classed_headings:
            if css_class is None or css_class in (tag.get("class") or []):
                text = clean(tag.get_text(" "))
                if text:
                    return text
        return None


def _teasers(root: Tag, main: Tag) -> bool:
    """Articles that hold a small part of the main content's text: teasers of the site's news, not the statement."""
    return len(root.get_text()) * TEASERS_SHARE < len(main.get_text())


TEASERS_SHARE = 3


def _sole_article(main: Tag) -> bool:
    return len(main.find_all("article", limit=2)) == 1


def _wrapped(tag: Tag) -> Tag:
    """The outermost element that holds tag alone: the section or div a theme wraps each article in."""
    while tag.parent is not None and tag.parent.name not in ("body", "[document]") and \
            sum(1 for child in tag.parent.children if isinstance(child, Tag)) == 1:
        tag = tag.parent
    return tag


def _holds_an_article(node: object) -> bool:
    return isinstance(node, Tag) and (node.name == "article" or _wrapped_article(node))


def _wrapped_article(tag: Tag) -> bool:
    children = [child for child in tag.children if isinstance(child, Tag)]
    return len(children) == 1 and (children[0].name == "article" or _wrapped_article(children[0]))


def _date_text(tag: Tag) -> str | None:
    """The date an element gives: its datetime or content attribute, else its text where it is short enough to be
    a date ("March 3, 2021")."""
    value = tag.get("datetime") or tag.get("content") or clean(tag.get_text(" "))
    return value if isinstance(value, str) and 0 < len(value.strip()) <= MAX_DATE_TEXT_CHARS else None


MAX_DATE_TEXT_CHARS = 60
MAX_FOOTER_CHARS = 2000
MAX_FOOTER_LINE_CHARS = 120
TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ", " • ", " // ")
# "Post « Site", "Site » Post" (WordPress's old default), where the title quotes nothing: « Non à la loi »
GUILLEMETS = (" « ", " » ")
MAX_OPENING_BLOCKS = 8
MAX_TITLE_LEVEL = 3
_DOMAIN_PARTS = re.compile(r"^(?:https?://)?(?:www\.)?|\.[a-z]{2,6}/?$")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
_INNER_SENTENCE = re.compile(r"[^\W\d_]{2}[.!?]\s+[A-ZÀ-Þ]")

_COPYRIGHT = re.compile(r"(?:©|&copy;|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{2,4})?\s*[,.]?\s*)?"
                        r"(?P<holder>[^\W\d_][^|©\n]{1,60}?)\s*(?:\d{4}\s*)?(?:[.|,·]|\ball rights\b|$)", re.I | re.M)

CONTENT_ROOTS = ("entry-content", "post-content", "article", "main", "role=main")


def _is_root_kind(tag: Tag, name: str, classes: list[str], kind: str) -> bool:
    if kind in ("entry-content", "post-content"):
        return kind in classes
    if kind == "role=main":
        return tag.get("role") == "main"
    return name == kind


def html_metadata(soup: BeautifulSoup, index: MarkupIndex, top_heading: str | None = None) -> dict[str, Any]:
    """What the page's markup says of itself. The title a reader sees (the post's title, else the heading the
    content opens with) comes before the <head>'s, which is often the campaign's name or a tagline."""
    metadata: dict[str, Any] = {}
    json_ld = _json_ld(index.json_ld)
    site = index.meta.get("og:site_name")
    head_title, site_part = _title_and_site(index.title, site)
    heading = top_heading or index.h1_text()
    if site is None and site_part and heading and _site_key(heading) == _site_key(site_part):
        head_title, site_part = site_part, head_title  # "De Coalitie — Een Oproep" over the heading "Een Oproep"
    h1 = None if _names_the_site(index, head_title, site_part, top_heading) else index.h1_text()
    shared = index.meta.get("og:title") or index.meta.get("twitter:title") or _json_ld_value(index.json_ld, "headline")
    candidates = [index.h1_text("entry-title") or index.h1_text("post-title"), top_heading, shared, head_title, h1]
    if len(index.h1) >= MIN_SECTION_H1S and top_heading in (h1, index.h1_text()):
        candidates = [candidates[0], shared, head_title, top_heading]  # a one-page site's sections
    title = _agreed_title([candidate for candidate in candidates if candidate and not _is_tagline(candidate)
                           and (site_part is None or _site_key(candidate) != _site_key(site_part))])
    published = _first_date([_json_ld_value(index.json_ld, "datePublished"), _meta_date(index.meta),
                             index.item_published, index.time_datetime, index.time_text,
                             _json_ld_created(index.json_ld)])
    nodes = _json_ld_nodes(index.json_ld)
    publisher = _json_ld_name(json_ld.get("publisher"), nodes) or site or _json_ld_site(nodes)
    language = soup.html.get("lang") if soup.html else None
    author = _json_ld_name(json_ld.get("author"), nodes) or index.meta.get("author")
    address = index.meta.get("og:url")
    for key, value in (("title", title), ("date", published), ("publisher", publisher), ("language", language),
                       ("author", author), ("address", address), ("site_title", site_part)):
        if isinstance(value, str) and value.strip():
            metadata[key] = clean(value)
    if index.footer is not None:
        metadata["footer"] = _footer_lines(index.footer)
        holder = copyright_holder(metadata["footer"])
        if holder:
            metadata["copyright"] = holder
    return metadata


# The <meta> names and properties that carry a page's publication date, best first: Open Graph's, then Dublin
# Core's, Google Scholar's and the bare names news sites and CMSs write.
PUBLISHED_META = ("article:published_time", "og:article:published_time", "og:published_time", "datepublished",
                  "dcterms.issued", "dc.date.issued", "dcterms.date", "dc.date", "dcterms.created", "dc.date.created",
                  "citation_publication_date", "citation_date", "pubdate", "publishdate", "publish-date",
                  "publish_date", "date")


MIN_SECTION_H1S = 3  # "Neuigkeiten", "Worum geht es?", "Unsere Forderung": h1s that head a one-page site's sections


def _first_date(candidates: list[Any]) -> str | None:
    """The first date the markup gives that reads as one, else the first it gives at all (written in words, for
    the statement's language to read)."""
    given = [value for value in candidates if isinstance(value, str) and value.strip()]
    return next((value for value in given if iso_date(value)), given[0] if given else None)


def _meta_date(meta: dict[str, str]) -> str | None:
    by_name = {key.casefold(): value for key, value in reversed(meta.items())}  # first wins, case aside
    return next((by_name[name] for name in PUBLISHED_META if by_name.get(name, "").strip()), None)


def _json_ld_created(scripts: list[str]) -> str | None:
    """A JSON-LD item's dateCreated, where no item gives its datePublished."""
    return _json_ld_value(scripts, "dateCreated")


def _json_ld_value(scripts: list[str], key: str) -> str | None:
    """The first JSON-LD item's that gives it: in a @graph, the WebSite node may come before the Article's date."""
    return next((item[key] for item in _json_ld_all(scripts) if isinstance(item.get(key), str)), None)


def _agreed_title(candidates: list[str | None]) -> str | None:
    """The best-placed title that another source confirms (an og:title can be a tagline), else the first."""
    present = [clean(c) for c in candidates if c and clean(c)]
    keys = [fold(c).strip(" .!:").replace(" ", "") for c in present]  # "Monitora PA" is "MonitoraPA"
    for key in keys:
        if keys.count(key) > 1:  # of the spellings that agree, the one without a closing full stop or a space
            return min((title for title, other in zip(present, keys, strict=True) if other == key), key=len)
    return present[0] if present else None


def _footer_lines(footer: Tag) -> str:
    """The short lines of a page's footer ("Letter written August 6th, 2021."), one a line."""
    text = footer.get_text("\n")[:MAX_FOOTER_CHARS]
    return "\n".join(line for line in map(clean, text.split("\n")) if 0 < len(line) <= MAX_FOOTER_LINE_CHARS)


def copyright_holder(footer: str) -> str | None:
    """Who a footer's copyright line names: "© 2021 COP26 Coalition", "Copyright © 2015-2019 Fight for the Future.
    All rights reserved."."""
    match = _COPYRIGHT.search(footer)
    return match["holder"].strip() if match else None


def _names_the_site(index: MarkupIndex, head_title: str | None, site_part: str | None,
                    top_heading: str | None) -> bool:
    """ "<title>Coalition for Rights</title>", '<h1><a href="/">Coalition for Rights</a></h1>' above the article,
    and the article's own heading: the h1 outside the statement's container that links home is the site's banner,
    and the <title> that repeats it is the site's name alone, so the two agreeing say nothing of the statement."""
    root = index.content_root()
    first = index.h1[0] if index.h1 else None
    if site_part is not None or not head_title or not top_heading or first is None:
        return False
    links = first.find_all("a")
    path = urllib.parse.urlsplit(str(links[0].get("href") or "")).path.strip("/") if len(links) == 1 else None
    home = path in ("", "index.html")
    # where the page has no container for the statement, an h1 that the text does not open with is outside it
    outside = root is None or first is not root and root not in first.parents
    return home and outside and fold(clean(first.get_text(" "))) == fold(head_title) != fold(top_heading)


def _title_and_site(title: str | None, site: str | None) -> tuple[str | None, str | None]:
    """A <title>'s page part and site part: "Post | Site" or "Site | Post". The site part is the one og:site_name
    names ("datibenecomune.it" names "#datibenecomune"), else the shorter one (a campaign's name, a hashtag)."""
    if title is None:
        return None, None
    title = clean(title)
    separators = TITLE_SEPARATORS if "«" in title and "»" in title else TITLE_SEPARATORS + GUILLEMETS
    splits = [(clean(head), clean(tail)) for head, found, tail in map(title.partition, separators) if found]
    if site is not None:
        for head, tail in splits:
            if _site_key(site) in (_site_key(head), _site_key(tail)):
                return (tail, head) if _site_key(head) == _site_key(site) else (head, tail)
    if splits:
        head, tail = splits[0]
        return (head, tail) if len(head.split()) >= len(tail.split()) else (tail, head)
    return title or None, None


def _site_key(name: str) -> str:
    """ "datibenecomune.it", "#datiBeneComune", "www.datibenecomune.it" -> "datibenecomune"."""
    return _NOT_ALPHANUMERIC.sub("", _DOMAIN_PARTS.sub("", fold(clean(name))))


def _is_tagline(text: str) -> bool:
    """ "Chiediamo al Governo dati aperti ... al meglio. Siamo firmatari e organizzazioni promotrici.": sentences
    set as a heading, not a title."""
    text = clean(text)
    return text.endswith(".") and _INNER_SENTENCE.search(text) is not None


def _json_ld(scripts: list[str]) -> dict[str, Any]:
    return next((item for item in _json_ld_all(scripts) if "datePublished" in item or "publisher" in item), {})


def _json_ld_all(scripts: list[str]) -> Iterator[dict[str, Any]]:
    """Every JSON-LD item of the page's scripts, those in a @graph included; a script that is not JSON is none."""
    for script in scripts:
        try:
            data = json.loads(script)
        except json.JSONDecodeError:
            continue
        yield from _json_ld_items(data)


def _json_ld_items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [item for entry in data for item in _json_ld_items(entry)]
    if isinstance(data, dict):
        return [data] + _json_ld_items(data.get("@graph", []))
    return []


def _json_ld_nodes(scripts: list[str]) -> dict[str, dict[str, Any]]:
    """The page's JSON-LD nodes by their "@id", which a node's "publisher": {"@id": ...} refers to (Yoast's @graph),
    and those without one."""
    nodes: dict[str, dict[str, Any]] = {}
    for item in _json_ld_all(scripts):
        key = item.get("@id")
        nodes.setdefault(key if isinstance(key, str) else f"_:{len(nodes)}", item)  # a node no one refers to
    return nodes


def _json_ld_name(value: Any, nodes: dict[str, dict[str, Any]] | None = None) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str) and nodes:
            value = nodes.get(value["@id"], value)
        value = value.get("name")
    return value if isinstance(value, str) else None


def _json_ld_site(nodes: dict[str, dict[str, Any]]) -> str | None:
    """The name of the organisation or web site the page's JSON-LD describes, where no article names its publisher."""
    for kind in ("Organization", "WebSite"):
        for node in nodes.values():
            types = node.get("@type")
            if kind == types or (isinstance(types, list) and kind in types):
                name = _json_ld_name(node)
                if name:
                    return name
    return None
