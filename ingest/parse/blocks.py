"""Any document as one flat sequence of blocks: headings, paragraphs, list items and lines.

HTML, Markdown and plain text all end up here, so that finding demands and signatories
works the same whatever the source format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import islice
from typing import Any, Literal

from bs4 import BeautifulSoup, NavigableString, Tag

from ..places import is_place
from .names import honorifics, name_particles

# A rule is an <hr> or a section break; an image is a standalone image's alt text (a logo, a portrait).
BlockKind = Literal["heading", "paragraph", "item", "line", "row", "rule", "image"]

# A list marker, spaced or glued to what it numbers ("01.Alagaiyah Alageswari", "16.D.B.S. Jeyaraj", "131..Marx
# Prabagar", "a)Uphold")
BULLET = re.compile(r"^\s*(?:(?:[•◦▪●‣∙·*–—-]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}\))\s+"
                    r"|(?-i:\d{1,3}\.\.?(?=[A-ZÀ-Þ][A-Za-zÀ-ÿ.]\D*$)|\(?[a-z]\)(?=[A-ZÀ-Þ][a-zà-ÿ])))", re.I)
# "Logo", "Logo de", "Logo d’", "Bild von": the words an image's alt text puts before the name it shows
_LOGO_WORDS = re.compile(r"\b(?:logo(?:tipo|type)?|image|imagen|imagem|immagine|bild|afbeelding|photo|foto)\b"
                         r"(?:\s+(?:of|de[ls]?|du|von|van|der|di|da|do|dos|das)\b|\s+d['’])?", re.I)
# WordPress shortcodes left in exported posts: [caption id="..."], [/caption], [embed]
_SHORTCODE = re.compile(r"\[/?(?:caption|embed|gallery|video|audio|playlist|wp_\w+|vc_\w+|et_pb_\w+)\b[^\]]{0,300}\]")
_LETTER_DOT = re.compile(r"^\s*[^\W\d_]\.\s")
_DAY_MONTH_YEAR = re.compile(r"^\s*\d{1,2}\.\s+[^\W\d_]+\.?\s+\d{4}\s*$")  # "3. März 2021": a date, not item 3
_TEXT_RULE = re.compile(r"^\s*(?:[-*_=~]\s*){3,}$")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
DROPPED = {"script", "style", "noscript", "template", "iframe", "svg", "form", "button", "select",
           "head", "title", "meta", "link", "object", "embed"}
FURNITURE = {"nav", "header", "footer", "aside"}
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark",
          "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins", "label"}
_INLINE_OR_BREAK = INLINE | {"br"}
WRAPPED_PROSE_CHARS = 55  # mean line length from which short lines may be a wrapped paragraph
_INNER_SENTENCE_END = re.compile(r"\w\w[.!?] +[A-ZÀ-Þ]")  # not after an initial: "Robert B. Allen"
MAX_LINE_CHARS = 160  # a line list's lines are short ...
MAX_LONG_LINES = 0.25  # ... but for a few long entries among them
MAX_ENTRY_LINE_CHARS = 300
_TOKEN_SPLIT = re.compile(r"[-_\s]+")
MAX_CELL_CHARS = 1000  # a table cell holding paragraphs beyond this is a layout's, not a row of data
MAX_DEPTH = 200  # deeper markup is read as plain text rather than walked
LINE_BREAK = "\u2028"  # stands for <br> while inline text is gathered; source newlines are only white space
_HYPHEN_WRAP = re.compile(r"(?<=\w-)\s*\n\s*(?=\w)")
_EMPTY_LINE = re.compile(rf"{LINE_BREAK}\s*{LINE_BREAK}[\s{LINE_BREAK}]*")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")  # a blank line in the markup's own text
# A container whose class, id or data-category says it lists people, not organisations.
_PEOPLE_CONTAINER = re.compile(r"\b(?:individuals?|persons?|people|personnes|einzelpersonen|personas|pessoas)\b", re.I)


@dataclass
class Block:
    kind: BlockKind
    text: str
    level: int = 0  # heading level, or list nesting depth
    cells: tuple[str, ...] = ()  # a table row's cells
    header: bool = False  # a table row of <th> cells
    people: bool = False  # inside markup that labels its contents as individuals
    lines: tuple[str, ...] = ()  # a paragraph's lines, where it was written one sentence per line
    linked: bool = False  # an item or paragraph that is wholly one link's text: a page or a document pointed at
    anchored: bool = False  # that link points within the page ("#topic1"): an entry of a table of contents
    cell_lines: tuple[tuple[str, ...], ...] = ()  # a table row's cells' lines, where <br>s part any of them
    lead: str = ""  # the link or bold text an item or paragraph opens with, where more text follows it
    bold: bool = False  # a paragraph wholly in bold, set as a heading is: "<p><strong>What we ask</strong></p>"
    opens: bool = False  # a line that opens its paragraph: the lines after it, to the next such, are one stanza
    marker: str = ""  # how a text item was marked: "letter" (a), b)), "number" (1., 2.) or "symbol" (-, •)

    @property
    def heads(self) -> tuple[str, ...]:
        """A table row's cells up to their first <br>: a name above its description; none where no cell is parted."""
        if not self.cell_lines:
            return ()
        return tuple(lines[0] if lines else cell for lines, cell in zip(self.cell_lines, self.cells, strict=True))


@dataclass
class Page:
    """The blocks of a document plus whatever metadata its markup carried."""

    blocks: list[Block]
    metadata: dict[str, Any] = field(default_factory=dict)


_FOOTNOTE_MARK = re.compile(r"^\s*(?:\[?\d{1,3}\]?|[*†‡§]+)\s*$")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")  # zero-width space, word joiner, BOM, soft hyphen


def clean(text: str) -> str:
    return " ".join(_INVISIBLE.sub("", text).split())


def looks_like_line_list(lines: list[str]) -> bool:
    """Several short lines that each start a new entry, rather than one wrapped paragraph. A few long lines
    among them ("Laurence Shoup, National Writers Union, UAW 1981 (retired) former member of executive, ...")
    are long entries where no line ends a sentence."""
    if len(lines) < 2 or not _mostly_short(lines):
        return False
    lowercase_starts = sum(1 for line in lines[1:] if line[:1].islower() and not _ADDRESS_LINE.fullmatch(line.strip())
                           and not _titled(line))
    return lowercase_starts <= len(lines) // 5 and not _wrapped_prose(lines)


def _titled(line: str) -> bool:
    """ "dr. C. J. van Lissa", "prof. dr. P. Groeneboom", "mr. L.J.H. Kortz": a name under its title, which Dutch
    and others write in lower case."""
    first = line.split(maxsplit=1)[0]
    return first.endswith(".") and first.casefold() in honorifics()


# "vorstand@cccs.de", "www.example.org": a contact line under a signature starts in lower case, but no sentence does
_ADDRESS_LINE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+")


def _mostly_short(lines: list[str]) -> bool:
    long = sum(1 for line in lines if len(line) > MAX_LINE_CHARS)
    if not long:
        return True
    ends_sentences = any(line.endswith((".", "!", "?", ":")) for line in lines)
    return not ends_sentences and long <= MAX_LONG_LINES * len(lines) and \
        max(len(line) for line in lines) <= MAX_ENTRY_LINE_CHARS


def _wrapped_prose(lines: list[str]) -> bool:
    """Long lines broken mid-sentence: one ends on a function word ("und", "the") or a sentence ends
    inside one. German capitalises its nouns, so capitals alone do not tell a list from prose."""
    if sum(len(line) for line in lines) / len(lines) < WRAPPED_PROSE_CHARS:
        return False
    function_words = _function_words()
    return any(line.split()[-1].casefold() in function_words or _INNER_SENTENCE_END.search(line) for line in lines)


@cache
def _function_words() -> frozenset[str]:
    data = json.loads(resources.files("ingest").joinpath("lexicon/stopwords.json").read_text("utf-8"))
    return frozenset(word for code, words in data.items() if not code.startswith("_") for word in words)


def blocks_from_lines(lines: list[str]) -> list[Block]:
    """One paragraph of text lines: bullet items, a list of short lines, or prose."""
    lines = [clean(line) for line in lines if line.strip()]
    if not lines:
        return []
    if not any(_bullet(line, lines) for line in lines):
        if _a_place_under_a_name(lines):
            return [Block("paragraph", f"{lines[0]}, {lines[1]}")]
        if looks_like_line_list(lines):
            return [Block("line", line, opens=index == 0) for index, line in enumerate(lines)]
        return [Block("paragraph", " ".join(lines), lines=tuple(lines) if len(lines) > 1 else ())]
    return _bullets_and_prose(lines)


def _a_place_under_a_name(lines: list[str]) -> bool:
    """ "Leeds Tenants Union", then "Leeds" on the next line of the same paragraph: a signer's card, one entry with
    its place (not "Germany" over "Digitalcourage", a place that heads a group)."""
    return len(lines) == 2 and is_place(lines[1]) and not is_place(lines[0]) and lines[0][-1:].isalnum()


def _bullet(line: str, lines: list[str]) -> re.Match[str] | None:
    """A list marker; "F. S. Hussain" and "M. van Vugt" open with an initial, not with an item of a list lettered
    from A, and "3. März 2021" is a date."""
    marker = BULLET.match(line)
    if marker and ((_LETTER_DOT.match(line) and not _lettered_from_a(lines)) or _DAY_MONTH_YEAR.match(line)):
        return None
    return marker


def _lettered_from_a(lines: list[str]) -> bool:
    """ "A. Stop the war", "B. Free ...": the lines that open with a letter and a dot open with "A." and "B."; among
    people's names "B. Gützkow" comes long before "A. M. Reitsema", and "A. García", "J. Müller" are initials. A
    lone "A." opens an item unless a surname follows it."""
    lettered = [line.lstrip() for line in lines if _LETTER_DOT.match(line)]
    if not lettered or not lettered[0].startswith(("A. ", "a. ")):
        return False
    if len(lettered) > 1:
        return lettered[1].startswith(("B. ", "b. "))
    return not _a_surname(lettered[0][3:])


def _a_surname(text: str) -> bool:
    """ "García", "de Vries", "O'Brien": a word or two of a name, each capitalised but the particles."""
    words = text.split()
    return 0 < len(words) <= MAX_SURNAME_WORDS and words[-1][:1].isupper() and \
        all(word[:1].isupper() or word in name_particles() for word in words)


MAX_SURNAME_WORDS = 3


def _marker_style(marker: str) -> str:
    bare = marker.strip(" \t().")
    if bare.isdigit():
        return "number"
    return "letter" if bare.isalpha() else "symbol"


def _bullets_and_prose(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    prose: list[str] = []
    for line in lines:
        marker = _bullet(line, lines)
        if marker:
            if prose:
                blocks.append(Block("paragraph", " ".join(prose)))
                prose = []
            blocks.append(Block("item", line[marker.end():].strip(), marker=_marker_style(marker.group())))
        elif blocks and blocks[-1].kind == "item":
            blocks[-1].text += " " + line  # a wrapped bullet continues on the next line
        else:
            prose.append(line)
    if prose:
        blocks.append(Block("paragraph", " ".join(prose)))
    return blocks


def blocks_from_text(text: str) -> list[Block]:
    blocks: list[Block] = []
    for paragraph in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        paragraph = _SHORTCODE.sub("", paragraph)
        if _TEXT_RULE.match(paragraph):
            blocks.append(Block("rule", ""))
        else:
            blocks.extend(_underlined_headings(paragraph.split("\n")))
    return blocks


def _underlined_headings(lines: list[str]) -> list[Block]:
    """ "Stop the evictions" over a line of "=" or "-" (and under one too, as reStructuredText allows): a plain text's
    heading, set apart as Markdown's are; the lines around it are read as they would be without it."""
    lines = [line for line in lines if line.strip()]
    for index, line in enumerate(lines[1:], start=1):
        title = lines[index - 1].strip()
        if _TEXT_UNDERLINE.match(line) and _underlines(line, title):
            overlined = index >= 2 and _TEXT_UNDERLINE.match(lines[index - 2]) is not None
            level = 1 if line.strip()[0] in "=#" else 2
            return [*blocks_from_lines(lines[:index - 1 - overlined]), Block("heading", clean(title), level=level),
                    *_underlined_headings(lines[index + 1:])]
    return blocks_from_lines(lines)


def _underlines(rule: str, title: str) -> bool:
    """A rule under a line of text that reaches half its length at least: not a separator under a paragraph's last
    line."""
    return any(character.isalpha() for character in title) and not _TEXT_UNDERLINE.match(title) \
        and len(title) <= MAX_UNDERLINED_CHARS and len(rule.strip()) * 2 >= len(title)


_TEXT_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|~{3,}|\*{3,}|#{3,})\s*$")  # one character repeated, as rst's
MAX_UNDERLINED_CHARS = 200


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def blocks_from_soup(root: Tag, furniture: bool = False) -> list[Block]:
    """The blocks of the markup under root; with furniture, those of its menus, headers, footers and sidebars too."""
    walker = _Walker(furniture=furniture)
    walker.walk(root, 0)
    walker.flush()
    return _without_captioned_logos(walker.blocks)


def _without_captioned_logos(blocks: list[Block]) -> list[Block]:
    """ "<figure><img alt="Acorn Sheffield"><figcaption>Acorn Sheffield</figcaption></figure>": a logo beside the
    name it shows is that name once."""
    return [block for index, block in enumerate(blocks)
            if block.kind != "image" or not any(_shows(block, other) for other in blocks[max(index - 1, 0):index + 2])]


def _shows(image: Block, other: Block) -> bool:
    return other.kind != "image" and other.text.casefold() == image.text.casefold()


class _Walker:
    """Walks block-level markup, gathering inline text between block boundaries."""

    def __init__(self, people: bool = False, furniture: bool = False) -> None:
        self.blocks: list[Block] = []
        self.inline: list[str] = []
        self.people = people
        self.furniture = furniture
        self.in_paragraph = False  # inside a <p>, whose writer has said where its paragraph ends

    def add(self, block: Block) -> None:
        block.people = self.people
        self.blocks.append(block)

    def flush(self) -> None:
        if self.inline:
            text = _HYPHEN_WRAP.sub("", _SHORTCODE.sub("", "".join(self.inline)))  # "MROD-\nBF" was wrapped
            # "<br><br>" in text set straight in a container: an empty line between its paragraphs
            for part in [text] if self.in_paragraph else _EMPTY_LINE.split(text):
                for block in blocks_from_lines(part.split(LINE_BREAK)):
                    self.add(block)
            self.inline = []

    def walk(self, element: Tag, depth: int) -> None:
        field: str | None = None  # the class of the last inline element, while only space follows it
        for child in element.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not a comment, CDATA or doctype
                    self.text(str(child))
                    field = field if not str(child).strip() else None
            elif isinstance(child, Tag):
                classes = " ".join(child.get("class") or []) if child.name in INLINE else ""
                if classes and field and classes != field and not self._after_a_line_break():
                    while self.inline and not self.inline[-1].strip():
                        self.inline.pop()
                    self.inline.append(", ")  # <span class="name">…</span> <span class="org">…</span>: two fields
                self.visit(child, depth + 1)
                field = classes or None

    def _after_a_line_break(self) -> bool:
        """The text gathered so far ends in a <br> (white space after it aside): what follows starts a line."""
        for part in reversed(self.inline):
            if part.strip():
                return part.rstrip(" \t\r\n\f\v").endswith(LINE_BREAK)
            if LINE_BREAK in part:
                return True
        return False

    def text(self, text: str) -> None:
        """Text set straight in a container, paragraphs apart by blank lines as its writer typed them: a browser
        runs them together, but each is a paragraph of its own ("<article>We ...\n\nWe demand ...</article>");
        inside a <p> its writer has said where the paragraph ends."""
        parts = [text] if self.in_paragraph else _BLANK_LINE.split(text)
        for number, part in enumerate(parts):
            if number:
                self.flush()
            self.inline.append(part)

    def visit(self, tag: Tag, depth: int) -> None:
        name = tag.name
        if name in DROPPED or not self.furniture and (name in FURNITURE or is_furniture(tag)) \
                and not _heads_an_article(tag) and not _holds_an_introduction(tag):
            return
        if depth > MAX_DEPTH:
            self.inline.append(tag.get_text(" "))
        elif name == "br":
            self.inline.append(LINE_BREAK)
        elif name == "hr":
            self.flush()
            self.add(Block("rule", ""))
        elif name == "img":
            self.image(tag)
        elif name == "sup" and _FOOTNOTE_MARK.match(tag.get_text()):
            return  # "Access Now<sup>1</sup>": a footnote's mark, no part of the text
        elif name in INLINE and not _has_block_descendant(tag):
            self.walk(tag, depth)
        elif name == "pre":  # preformatted text keeps its lines: a list of names one per line stays a list
            self.flush()
            for block in blocks_from_text(tag.get_text()):
                self.add(block)
        elif name in HEADINGS:
            self.flush()
            text = clean(tag.get_text(" "))
            if text:
                self.add(Block("heading", text, level=int(name[1])))
        elif name == "ol" and (numbered := _numbered_line(tag)):
            self.flush()
            self.add(Block("paragraph", numbered))
        elif name in ("ul", "ol"):
            self.flush()
            self.list_items(tag, depth, level=1)
        elif name == "dl" and _plain_definitions(tag):
            self.flush()
            self.definitions(tag)
        elif name == "tr" or name in _ROW_GROUPS and _children(tag, ("td", "th")) and not _children(tag, ("tr",)):
            self.flush()  # "<thead><td>Name</td><td>Firma</td></thead>": cells with no <tr> around them are a row
            # (a <tbody> of rows with a stray cell or two among them is rows: its stray cells are no row of all)
            self.table_row(tag, depth)
        elif (shape := _card_shape(tag)) is not None:
            self.flush()
            self.cards(tag, shape, depth)
        else:  # p, div, blockquote, section, table and anything unknown: a block boundary
            self.flush()
            outer, before, in_paragraph = self.people, len(self.blocks), self.in_paragraph
            self.people = outer or _labels_people(tag)
            self.in_paragraph = in_paragraph or name == "p"
            self.walk(tag, depth)
            self.flush()
            self.people, self.in_paragraph = outer, in_paragraph
            if name == "p" and len(self.blocks) == before + 1 and self.blocks[-1].kind == "paragraph":
                self.blocks[-1].lead = _leading_name(tag, self.blocks[-1].text)
                self.blocks[-1].linked = _the_link(tag, self.blocks[-1].text) is not None
                self.blocks[-1].bold = _wholly_bold(tag)

    def cards(self, grid: Tag, shape: tuple[str, tuple[str, ...]], depth: int) -> None:
        """A grid of cards, each a logo, its heading and a line or two: each card is one entry, named by its
        heading (the lines under it describe it); what else stands in the grid is read as ever."""
        for child in grid.children:
            if isinstance(child, Tag) and _shape(child) == shape:
                name = _card_name(child)
                if name:
                    self.add(Block("item", name, level=1))
            elif isinstance(child, Tag):
                self.visit(child, depth + 1)
                self.flush()

    def image(self, tag: Tag) -> None:
        """An image with a name for alt text, standing alone: a logo in a wall of signers' logos. Without alt text,
        the title of the image or of the link around it names it."""
        link = tag.parent if tag.parent is not None and tag.parent.name == "a" else None
        alt = clean(str(tag.get("alt") or tag.get("title") or (link.get("title") if link is not None else "") or ""))
        if alt and not "".join(self.inline).strip() and _LOGO_WORDS.sub("", alt).strip():
            self.flush()
            self.add(Block("image", _LOGO_WORDS.sub("", alt).strip(" -–:")))

    def table_row(self, row: Tag, depth: int) -> None:
        cells = _children(row, ("td", "th"))
        texts = tuple(clean(cell.get_text(" ")) for cell in cells)
        if any(len(text) > MAX_CELL_CHARS and _has_block_descendant(cell, inline_only=True)
               for text, cell in zip(texts, cells, strict=True)):
            for cell in cells:  # a page laid out in a table: its cells hold the page's own blocks, or lines
                self.walk(cell, depth)
                self.flush()
        elif any(texts):
            header = all(cell.name == "th" for cell in cells) or "thead" in (row.name, row.parent and row.parent.name)
            lines = tuple(_cell_lines(cell) for cell in cells) if _has_line_break(row) else ()
            self.add(Block("row", " | ".join(t for t in texts if t), cells=texts, header=header,
                           cell_lines=lines if any(lines) else ()))

    def definitions(self, listing: Tag) -> None:
        """A <dl> of plain terms: one description per term is a table's row ("Access Now" | "Chile"); a term over
        several descriptions heads them, as an item over its nested list ("Germany": its signers)."""
        groups = _definition_groups(listing)
        rows = all(len(descriptions) == 1 for _, descriptions in groups)
        for term, descriptions in groups:
            if rows:
                self.add(Block("row", " | ".join(t for t in (term, *descriptions) if t), cells=(term, *descriptions)))
                continue
            if term:
                self.add(Block("item", term, level=1))
            for description in descriptions:
                self.add(Block("item", description, level=2 if term else 1))

    @staticmethod
    def item_text(item: Tag, depth: int) -> tuple[str, tuple[str, ...]]:
        """The item's text, and its lines where <br>s part it into lines and nothing else."""
        if not _has_block_descendant(item, inline_only=True):  # the common case: text and links
            return clean(_without_footnote_marks(item).get_text()), ()
        inner = _Walker()
        inner.walk(item, depth + 1)
        inner.flush()
        texts = [block.text for block in inner.blocks if block.kind != "image"]  # a logo beside the name it shows
        lines = tuple(texts) if len(texts) > 1 and all(block.kind == "line" for block in inner.blocks) else ()
        return clean(" ".join(texts or [block.text for block in inner.blocks])).strip(" ,"), lines

    def list_items(self, listing: Tag, depth: int, level: int) -> None:
        if depth > MAX_DEPTH:
            self.add(Block("item", clean(listing.get_text(" ")), level=level))
            return
        outer = self.people
        self.people = outer or _labels_people(listing)
        for item in _children(listing, ("li",)):
            if _holds_a_page(item):
                self.walk(item, depth)  # a page laid out in a list: each item holds an article's own blocks
                self.flush()
                continue
            nested = _children(item, ("ul", "ol"))
            for sublist in nested:
                sublist.extract()
            text, lines = self.item_text(item, depth)
            if text:
                link = _the_link(item, text)
                self.add(Block("item", text, level=level, lines=lines, linked=link is not None,
                               anchored=link is not None and str(link.get("href") or "").startswith("#"),
                               lead=_leading_name(item, text), marker="number" if listing.name == "ol" else "symbol"))
            for sublist in nested:
                self.list_items(sublist, depth + 1, level + 1)
        self.people = outer


def _without_footnote_marks(tag: Tag) -> Tag:
    """The tag with its footnote marks taken out ("Access Now<sup>1</sup>")."""
    for sup in _tags_below(tag, "sup"):
        if _FOOTNOTE_MARK.match(sup.get_text()):
            sup.decompose()
    return tag


def _tags_under(tag: Tag) -> Iterator[Tag]:
    """The tags below tag, in the page's order: the tree's lists walked as a stack, where bs4's descendants and
    find_all cost more per node on the many small list items and cells asked about."""
    below = list(reversed(tag.contents))
    while below:
        node = below.pop()
        if isinstance(node, Tag):
            yield node
            below.extend(reversed(node.contents))


def _tags_below(tag: Tag, name: str) -> list[Tag]:
    return [node for node in _tags_under(tag) if node.name == name]


def _has_line_break(tag: Tag) -> bool:
    return any(node.name == "br" for node in _tags_under(tag))


def _cell_lines(cell: Tag) -> tuple[str, ...]:
    """A cell's lines, where <br>s part it: "Maria Soto", "Professor of Law", "Universidad de Chile"."""
    lines: list[list[str]] = [[]]
    for node in cell.descendants:
        if isinstance(node, Tag) and node.name == "br":
            lines.append([])
        elif type(node) is NavigableString:
            lines[-1].append(str(node))
    found = tuple(line for line in (clean(" ".join(parts)) for parts in lines) if line)
    return found if len(found) > 1 else ()


_LEAD_TAGS = ("a", "strong", "b")


def _leading_name(tag: Tag, text: str) -> str:
    """ "<strong>Alpha Network</strong> – a coalition of ...", "[Alpha](https://alpha.org), association ...": the
    link or bold text the block opens with, where more follows it; the rest may describe what it names."""
    opening = _first_child(tag)
    while isinstance(opening, Tag) and opening.name in _LEAD_TAGS:
        inner = clean(opening.get_text())
        if inner and inner != text and text.startswith(inner):
            return inner
        opening = _first_child(opening)
    return ""


def _wholly_bold(tag: Tag) -> bool:
    opening = _first_child(tag)
    return isinstance(opening, Tag) and opening.name in ("strong", "b") and \
        clean(opening.get_text()) == clean(tag.get_text())


def _first_child(tag: Tag) -> Tag | NavigableString | None:
    """The first child that is not white space."""
    return next((child for child in tag.children
                 if not (isinstance(child, NavigableString) and not str(child).strip())), None)


def _the_link(item: Tag, text: str) -> Tag | None:
    """The one link an item is wholly the text of."""
    links = list(islice((node for node in item.descendants if node.name == "a"), 2))  # find_all's filters cost more
    return links[0] if len(links) == 1 and clean(links[0].get_text()) == text else None


@cache
def _furniture_tokens() -> frozenset[str]:
    data = json.loads(resources.files("ingest").joinpath("lexicon/page_furniture.json").read_text("utf-8"))
    return frozenset(data["tokens"])


def is_furniture(tag: Tag) -> bool:
    """A theme's menu, sidebar, share buttons, related posts or comments, known by its class or id."""
    tokens = _furniture_tokens()
    return any(label in tokens or any(part in tokens for part in _TOKEN_SPLIT.split(label)) for label in _labels(tag))


def _labels(tag: Tag) -> list[str]:
    """The tag's classes and its id."""
    return [label for label in [*(tag.get("class") or []), tag.get("id") or ""] if isinstance(label, str) and label]


def _heads_an_article(tag: Tag) -> bool:
    """ "<article><header><h2>Erklärung</h2></header>", "<main><div class="artikel-header"><h1>...": a header inside an
    article or the main content is the article's own heading, not the site's; one known by its class holds the
    article's title."""
    if tag.name != "header" and not (_labelled_header(tag) and tag.find(_TITLE_HEADINGS) is not None):
        return False
    return tag.find_parent(("article", "main")) is not None


def _holds_an_introduction(tag: Tag) -> bool:
    """ "<div class="header"><img alt="Marea Palestina"><div class="intro-text"><p>Organizaciones de docentes ...": a
    header that holds paragraphs of sentences holds the page's own introduction; a site's header holds a logo, a menu
    and a tagline."""
    if tag.name != "header" and not _labelled_header(tag):
        return False
    paragraphs = (clean(paragraph.get_text(" ")) for paragraph in tag.find_all("p", limit=MAX_HEADER_PARAGRAPHS))
    return sum(len(text) >= MIN_INTRODUCTION_CHARS and text.endswith((".", "!", "?")) for text in paragraphs) \
        >= MIN_INTRODUCTION_PARAGRAPHS


MAX_HEADER_PARAGRAPHS = 20  # read of a header: an introduction's paragraphs come first
MIN_INTRODUCTION_CHARS = 100
MIN_INTRODUCTION_PARAGRAPHS = 2


def _labelled_header(tag: Tag) -> bool:
    return any(part == "header" for label in _labels(tag) for part in _TOKEN_SPLIT.split(label))


_TITLE_HEADINGS = ("h1", "h2")


def names_people(label: str) -> bool:
    """ "Individuals", "individual-signatories", "Einzelpersonen": a label for a list of people."""
    return _PEOPLE_CONTAINER.search(label) is not None


def _labels_people(tag: Tag) -> bool:
    labels = [tag.get("data-category"), tag.get("id"), *(tag.get("class") or [])]
    return any(isinstance(label, str) and names_people(label) for label in labels)


def _has_block_descendant(tag: Tag, inline_only: bool = False) -> bool:
    """Whether markup below tag breaks blocks (with inline_only, a <br> counts too)."""
    allowed = INLINE if inline_only else _INLINE_OR_BREAK
    below = list(tag.contents)
    while below:  # _tags_under's walk, inline: asked of every inline tag, item and cell, where a generator costs more
        node = below.pop()
        if isinstance(node, Tag):
            if node.name not in allowed:
                return True
            below.extend(node.contents)
    return False


_ROW_GROUPS = ("thead", "tbody", "tfoot")


def _numbered_line(listing: Tag) -> str:
    """ "12. März 2024" alone on a line of Markdown is a list of one item numbered 12, "März 2024": a one-item list
    that starts at a number other than 1 is that line, its number included. Empty for any other list."""
    start = str(listing.get("start") or "").strip()
    items = _children(listing, ("li",))
    if not start.isdigit() or start == "1" or len(items) != 1 or _children(items[0], ("ul", "ol")) \
            or _last_number_before(listing) == int(start) - 1:
        return ""
    text = clean(items[0].get_text(" "))
    return f"{start}. {text}" if text else ""


def _last_number_before(listing: Tag) -> int | None:
    """The number of the last item of the numbered list before this one beside it: "1. Divest from:", a bulleted
    list, then "2. Reinvest in:" goes on with the list that a sub-list written without indenting broke."""
    earlier = listing.find_previous_sibling("ol")
    if earlier is None:
        return None
    start = str(earlier.get("start") or "1").strip()
    return int(start) + len(_children(earlier, ("li",))) - 1 if start.isdigit() else None


def _holds_a_page(item: Tag) -> bool:
    """A list item that is a page's article, not an entry: it holds an <article>, or paragraphs longer than any
    entry (a card of a heading and its paragraph is still one entry)."""
    if not _has_block_descendant(item, inline_only=True):
        return False  # the common case, text and links, decided without reading the item's text
    return item.find("article") is not None or \
        len(item.get_text()) > MAX_CELL_CHARS and _has_block_descendant(item)


def _plain_definitions(listing: Tag) -> bool:
    """A <dl> whose terms and descriptions hold only inline text; one holding paragraphs is walked as blocks."""
    terms = _children(listing, ("dt", "dd"))
    return bool(terms) and not any(_has_block_descendant(term, inline_only=True) for term in terms)


def _definition_groups(listing: Tag) -> list[tuple[str, list[str]]]:
    """Each term with the descriptions after it; descriptions before any term stand under an empty one."""
    groups: list[tuple[str, list[str]]] = []
    for child in _children(listing, ("dt", "dd")):
        text = clean(_without_footnote_marks(child).get_text(" "))
        if child.name == "dt":
            groups.append((text, []))
        elif text:
            if not groups:
                groups.append(("", []))
            groups[-1][1].append(text)
    return groups


MIN_CARDS = 3
MAX_OTHER_GRID_CHILDREN = 2  # a heading over the cards, a rule
MAX_CARD_CHARS = 400  # a card names and describes; a teaser's excerpt or a paragraph of prose is longer
MAX_CARD_NAME_CHARS = 150
MIN_NAMED_CARDS = 0.8  # a card or two may leave its heading empty


def _card_shape(grid: Tag) -> tuple[str, tuple[str, ...]] | None:
    """The shape of the cards a container lays out: at least three boxes alike ("<div class='col'>" each holding a
    logo, an <h4> with the name, a line with the full name and country, a date), with little else beside them."""
    if grid.name in ("ul", "ol", "dl", "table", "p"):
        return None
    children = [child for child in grid.children if isinstance(child, Tag)]
    if len(children) < MIN_CARDS:
        return None
    shapes = [_shape(child) for child in children]
    common = max(set(shapes), key=shapes.count)
    cards = [child for child, shape in zip(children, shapes, strict=True) if shape == common]
    if len(cards) < MIN_CARDS or len(children) - len(cards) > MAX_OTHER_GRID_CHILDREN \
            or not all(_is_card(card) for card in cards):
        return None
    named = sum(1 for card in cards if _is_named_card(card))
    return common if named >= MIN_NAMED_CARDS * len(cards) else None


def _shape(tag: Tag) -> tuple[str, tuple[str, ...]]:
    classes = tag.get("class") or []
    return tag.name, tuple(sorted(classes)) if isinstance(classes, list) else (str(classes),)


def _is_card(card: Tag) -> bool:
    """A box of a heading at most and a few short lines."""
    if card.name in HEADINGS or card.name in INLINE or card.name in ("li", "p", "tr", "img"):
        return False
    return len(card.find_all(tuple(HEADINGS))) <= 1 and card.find(("p", "div", "span")) is not None \
        and len(clean(card.get_text(" "))) <= MAX_CARD_CHARS


def _is_named_card(card: Tag) -> bool:
    heading = card.find(tuple(HEADINGS))
    return heading is not None and 0 < len(clean(heading.get_text(" "))) <= MAX_CARD_NAME_CHARS


def _card_name(card: Tag) -> str:
    """The card's heading; where it is left empty, its first line."""
    heading = card.find(tuple(HEADINGS))
    name = clean(heading.get_text(" ")) if heading is not None else ""
    if name:
        return name
    line = next((clean(tag.get_text(" ")) for tag in card.find_all(True)
                 if any(type(child) is NavigableString and child.strip() for child in tag.children)), "")
    return line if len(line) <= MAX_CARD_NAME_CHARS else ""


def _children(tag: Tag, names: tuple[str, ...]) -> list[Tag]:
    """Direct children with these names (bs4's find_all(recursive=False) costs far more per call)."""
    return [child for child in tag.children if isinstance(child, Tag) and child.name in names]

