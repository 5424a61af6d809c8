"""Signatory tables: which column holds the name, the country and the kind of signer.

A header row names them where there is one ("Nom / Name | Pays / Country"). Without one, each
column is judged by its content: running numbers, country names, a few repeated type words, long
descriptions, and the column whose cells read most like names.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..places import is_place
from ..records import SignatoryKind
from .blocks import Block
from .countries import country_code, fold
from .names import name_likeness, person_evidence

MAX_HEADER_CELL = 40
MAX_NAME_CELL_CHARS = 120  # a longer cell on average describes rather than names
_RUNNING_NUMBER = re.compile(r"^\(?\d{1,5}[.)]?$")


@dataclass(frozen=True)
class Columns:
    """Which cell of a signatory table's rows holds the name, the country and the kind of signer;
    `names` lists every name column of a table that is a grid of names."""

    name: int = 0
    country: int | None = None
    kind: int | None = None
    names: tuple[int, ...] = ()
    first_lines: tuple[int, ...] = ()  # name columns read up to each cell's first line break
    affiliation: int | None = None  # "Firma", "Affiliation", "Role": the rows name people, this where they work
    headed: bool = False  # a header row named the columns


@cache
def _signatory_columns() -> dict[str, list[str]]:
    return json.loads(resources.files("ingest").joinpath("lexicon/signatory_columns.json").read_text("utf-8"))


@cache
def _column_words(key: str) -> re.Pattern[str]:
    words = _signatory_columns()[key]
    return re.compile(r"\b(?:" + "|".join(re.escape(fold(word)) for word in words) + ")", re.I)


def filled(row: Block) -> int:
    return sum(1 for cell in row.cells if cell)


def is_header_row(row: Block) -> bool:
    """A first row whose cells name columns: "Name | Country", "Nom / Name | Pays / Country"."""
    if filled(row) < 2:
        return False
    named = [cell for cell in row.cells if _column_words("name").search(fold(cell)) and len(cell) <= MAX_HEADER_CELL]
    kinds = sum(1 for cell in row.cells if header_kind(cell))
    return bool(named) and kinds >= min(2, len(row.cells))


def header_kind(cell: str) -> str | None:
    folded = fold(cell)
    if len(folded) > 60:
        return None
    return next((key for key in ("country", "type", "name", "affiliation") if _column_words(key).search(folded)),
                None)


def header_columns(header: tuple[str, ...]) -> Columns:
    kinds = [header_kind(cell) for cell in header]
    return Columns(
        name=kinds.index("name") if "name" in kinds else 0,
        country=kinds.index("country") if "country" in kinds else None,
        kind=kinds.index("type") if "type" in kinds else None,
        affiliation=kinds.index("affiliation") if "affiliation" in kinds else None,
        headed=True,
    )


# One column whose cells are this alike marks the rows ("Yes", "✓", "Yes") beside the names; several such columns
# ("Sim", "Não" under three headings) are a table of data, which names no signers whatever column is read.
MAX_MARK_SHARE = 0.3
MIN_MARKED_ROWS = 4


def columns_by_content(rows: list[Block]) -> Columns:
    """The columns of a table without a header, from what their cells hold."""
    if not rows:
        return Columns(name=0)  # no row with two cells filled ("<tr><td><td>0"): the first column, as a list
    width = max(len(row.cells) for row in rows)
    profiles = [_profile([row.cells[i] for row in rows if i < len(row.cells) and row.cells[i]], len(rows))
                for i in range(width)]
    first_lines = tuple(i for i in range(width) if profiles[i].length > MAX_NAME_CELL_CHARS and
                        _headed(rows, i))
    for i in first_lines:
        profiles[i] = _profile([row.heads[i] for row in rows if i < len(row.heads) and row.heads[i]], len(rows))
    country = _best(profiles, "country", minimum=0.5)
    kind = _best(profiles, "kind", minimum=0.5)
    marks = [i for i, p in enumerate(profiles) if p.distinct <= MAX_MARK_SHARE and len(rows) >= MIN_MARKED_ROWS]
    candidates = [i for i, p in enumerate(profiles) if p.fill >= 0.3 and p.number < 0.5 and p.country < 0.5
                  and p.place < 0.5 and p.kind < 0.5 and p.length <= MAX_NAME_CELL_CHARS
                  and not (len(marks) == 1 and i in marks)]
    if not candidates:
        return Columns(name=0, country=country, kind=kind)
    ranked = sorted(candidates, key=lambda i: profiles[i].names * profiles[i].fill, reverse=True)
    name = _person_column(ranked, profiles) or ranked[0]
    grid = tuple(i for i in ranked if profiles[i].names >= 0.7 and profiles[i].person <= 0)
    filled_columns = sum(1 for profile in profiles if profile.fill >= 0.3)
    names = tuple(sorted(grid)) if 1 < len(grid) == filled_columns and country is None and kind is None else ()
    return Columns(name=name, country=country, kind=kind, names=names, first_lines=first_lines)


def _headed(rows: list[Block], index: int) -> bool:
    """Whether most of a column's cells open with a line of their own ("Alpha Network - Germany", a line break,
    then what it does): the column names its entries on those lines."""
    heads = sum(1 for row in rows if index < len(row.heads) and row.heads[index] != row.cells[index])
    return heads * 2 > len(rows)


def _person_column(ranked: list[int], profiles: list[_Profile]) -> int | None:
    """In "Jane Doe | University of X" the person's column is the name, the other the affiliation."""
    people = [i for i in ranked[:2] if profiles[i].person > 0.2 and profiles[i].names >= 0.6]
    return people[0] if people else None


@dataclass(frozen=True)
class _Profile:
    fill: float
    number: float
    country: float
    kind: float
    length: float
    names: float
    person: float
    place: float  # "Berlin", "Bayern": where each signer is, not who
    distinct: float  # the share of its cells that differ: "Yes", "✓", "Yes" mark, they name no one


def _profile(cells: list[str], rows: int) -> _Profile:
    if not cells:
        return _Profile(0, 0, 0, 0, 0, 0, 0, 0, 0)
    count = len(cells)
    different = len(set(map(fold, cells)))
    # a few type words, repeated or short ("NGO", "Trade union", "NGO"); a short column of names each differs
    typed = different <= max(3, count // 3) and (different < count or all(len(c.split()) <= 2 for c in cells))
    return _Profile(
        fill=count / rows,
        number=sum(1 for c in cells if _RUNNING_NUMBER.match(c)) / count,
        country=sum(1 for c in cells if country_code(c)) / count,
        kind=sum(1 for c in cells if kind_from_type(c)) / count if typed else 0.0,
        length=sum(len(c) for c in cells) / count,
        names=sum(name_likeness(c) for c in cells) / count,
        person=sum(person_evidence(c) for c in cells) / count,
        place=sum(1 for c in cells if is_place(c)) / count,
        distinct=different / count,
    )


def _best(profiles: list[_Profile], feature: str, minimum: float) -> int | None:
    scored = [(getattr(p, feature), i) for i, p in enumerate(profiles) if getattr(p, feature) >= minimum]
    return max(scored)[1] if scored else None


def kind_from_type(type_text: str) -> SignatoryKind | None:
    """What a table's type column says: a kind of organisation wins over a person's role."""
    folded = fold(type_text)
    if not folded:
        return None
    if _column_words("organisation_types").search(folded):
        return "organisation"
    if _column_words("person_types").search(folded):
        return "individual"
    return None


def cell(row: Block, index: int | None) -> str:
    return row.cells[index] if index is not None and index < len(row.cells) else ""


def name_cell(row: Block, columns: Columns, index: int) -> str:
    """The name a row's cell gives: the whole cell, or its first line where the column names on first lines."""
    if index in columns.first_lines and index < len(row.heads):
        return row.heads[index]
    return cell(row, index)
