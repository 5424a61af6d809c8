"""Pandoc's grid, simple and multiline tables in Markdown, read as HTML tables.

CommonMark knows only pipe tables; Pandoc writes tables whose cells wrap over several lines
between "+---+" borders, which a Markdown reader otherwise sees as paragraphs of pipes and dashes:

    +----------------------+---------------------+
    | Name                 | Country             |
    +======================+=====================+
    | [Alpha               | Germany             |
    | Network](https://a.o |                     |
    | rg)                  |                     |
    +----------------------+---------------------+

and tables whose columns are set by a line of dashes under the header, one row a line ("simple") or
rows parted by blank lines between two rules ("multiline"):

    -----------------------------------------
      Name                   Country
      ---------------------- ----------------
      Alpha Digital Rights   Germany

      Beta Freedom           The Netherlands
      Network
    -----------------------------------------

Each cell's lines are joined back into its text (a line that fills its cell with no space in it is a
word or a link cut at the border, joined with no space), read as inline Markdown, and the table is
handed to the HTML reader as a <table>, for the table logic to choose its columns.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

_BORDER = re.compile(r"^\+(?:[-=:]+\+)+[ \t]*$")
_COLUMN_RULE = re.compile(r"^ {0,3}-{3,}(?: +-{3,})+ *$")  # "------- ----------": the columns of a table
_FULL_RULE = re.compile(r"^ {0,3}-{3,} *$")
_HARD_BREAK = "\\"  # a line ending in a backslash breaks the cell's line there


def grid_tables_as_html(text: str, render_inline: Callable[[str], str]) -> str:
    """The text with every well-formed grid table replaced by an HTML table; the rest as it was."""
    if "+-" not in text:
        return text  # the cheap test first: most documents hold no grid table
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        end = _table_end(lines, index) if _BORDER.match(lines[index]) else index
        table = _read_table(lines[index:end]) if end > index + 2 else None
        if not table:
            out.append(lines[index])
            index += 1
            continue
        out.extend(["", _html_table(table, render_inline), ""])
        index = end
    return "\n".join(out)


def _table_end(lines: list[str], start: int) -> int:
    """The first line after the table that starts at start: the rows and borders that keep to the columns its
    first border sets, up to the last border. Each line is looked at once, so a page of broken tables costs
    no more than its length."""
    bounds = _bounds(lines[start])
    end = start + 1
    while end < len(lines) and _continues(lines[end], lines[end - 1], bounds):
        end += 1
    while end > start and not _BORDER.match(lines[end - 1]):
        end -= 1
    return end


def _bounds(border: str) -> list[int]:
    return [position for position, char in enumerate(border) if char == "+"]


def _continues(line: str, previous: str, bounds: list[int]) -> bool:
    if _BORDER.match(line):
        return not _BORDER.match(previous)  # two borders in a row: a row with no lines
    return all(position < len(line) and line[position] == "|" for position in (bounds[0], bounds[-1]))


def _read_table(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """The rows of a table _table_end delimited, each (is a header row, its cells' texts)."""
    bounds = _bounds(lines[0])
    rows: list[tuple[bool, list[str]]] = []
    pending: list[str] = []
    for line in lines[1:]:
        if not _BORDER.match(line):
            pending.append(line)
            continue
        rows.append(("=" in line and not rows, _cells(pending, bounds)))  # "+===+" under the first row: a header
        pending = []
    return rows


def _cells(lines: list[str], bounds: list[int]) -> list[str]:
    return [_joined([line[left + 1:right] for line in lines]) for left, right in zip(bounds, bounds[1:], strict=False)]


def _joined(segments: list[str]) -> str:
    """One cell's text from its lines: a soft wrap is a space, a line cut inside a word is no space, and a
    hard break ("\\" at the end) stays a line break."""
    text, previous = "", ""
    for segment in segments:
        content = segment.strip()
        if not content:
            text += "\n" if text and not text.endswith("\n") else ""  # a blank line parts the cell's paragraphs
        elif text and not text.endswith("\n"):
            text += content if _cut(previous) else " " + content
        else:
            text += content
        if content.endswith(_HARD_BREAK):
            text += "\n"
        previous = segment
    return text.strip().removesuffix(_HARD_BREAK).rstrip()


def _cut(segment: str) -> bool:
    """A line whose text runs to the cell's border with no space in it: a word or address longer than the
    column, cut where the column ends."""
    content = segment.strip()
    return bool(content) and " " not in content and len(segment.rstrip()) >= len(segment) - 1


def _html_table(rows: list[tuple[bool, list[str]]], render_inline: Callable[[str], str]) -> str:
    """The rows as one line of HTML (a blank line would end the HTML block a Markdown reader passes it in)."""
    parts = ["<table>"]
    for header, cells in rows:
        tag = "th" if header else "td"
        parts.append("<tr>" + "".join(f"<{tag}>{_inline(cell, render_inline)}</{tag}>" for cell in cells) + "</tr>")
    parts.append("</table>")
    return "".join(parts)


def _inline(cell: str, render_inline: Callable[[str], str]) -> str:
    rendered = render_inline(cell) if cell else ""
    return rendered.replace("\n", " ") if rendered else html.escape(cell)


def dashed_tables_as_html(text: str, render_inline: Callable[[str], str]) -> str:
    """The text with every Pandoc simple or multiline table replaced by an HTML table; the rest as it was."""
    if "--- -" not in text and "---  " not in text:
        return text  # no line of dashes in groups: no such table
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        found = _dashed_table(lines, index)
        if found is None:
            out.append(lines[index])
            index += 1
            continue
        rows, end = found
        out.extend(["", _html_table(rows, render_inline), ""])
        index = end
    return "\n".join(out)


def _dashed_table(lines: list[str], start: int) -> tuple[list[tuple[bool, list[str]]], int] | None:
    """The rows of the simple or multiline table that starts at start (after a blank line), and the line after it."""
    if start and lines[start - 1].strip():
        return None
    top = start + 1 if _FULL_RULE.match(lines[start]) else start  # a multiline table's opening rule
    rule = next((i for i in range(top, min(top + MAX_HEADER_LINES + 1, len(lines))) if _COLUMN_RULE.match(lines[i])),
                None)
    if rule is None or any(not lines[i].strip() for i in range(top, rule)):
        return None
    starts = [match.start() for match in re.finditer(r"-+", lines[rule])]
    end = _body_end(lines, rule + 1, multiline=top > start or rule == top)
    if end is None:
        return None
    header, body = lines[top:rule], lines[rule + 1:end]
    if not body or not all(_keeps_to(line, starts) for line in header + body):
        return None
    rows = [(True, _column_cells(header, starts))] if header else []
    parted = top > start or (rule == top and "" in map(str.strip, body))  # rows parted by blank lines
    rows += [(False, _column_cells(group, starts)) for group in _row_groups(body, parted)]
    closing = end < len(lines) and (_FULL_RULE.match(lines[end]) or _COLUMN_RULE.match(lines[end]))
    return rows, end + 1 if closing else end


MAX_HEADER_LINES = 3
MAX_TABLE_LINES = 2000


def _body_end(lines: list[str], first: int, multiline: bool) -> int | None:
    """Where a table's rows end: at its closing rule (a multiline or headerless table must have one), else at
    the first blank line."""
    for index in range(first, min(first + MAX_TABLE_LINES, len(lines))):
        line = lines[index]
        if _FULL_RULE.match(line) or _COLUMN_RULE.match(line):
            return index
        if not line.strip() and not multiline:
            return index
    return None if multiline else min(first + MAX_TABLE_LINES, len(lines))


def _keeps_to(line: str, starts: list[int]) -> bool:
    """Whether a line's text keeps to the columns: a space (or the line's end) just before each column's start."""
    return all(position > len(line) or line[position - 1] == " " for position in starts[1:])


def _row_groups(body: list[str], blank_parted: bool) -> list[list[str]]:
    if not blank_parted:
        return [[line] for line in body if line.strip()]
    groups: list[list[str]] = [[]]
    for line in body:
        if line.strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [group for group in groups if group]


def _column_cells(lines: list[str], starts: list[int]) -> list[str]:
    bounds = [*starts, None]
    return [" ".join(part for line in lines if (part := line[left:right].strip()))
            for left, right in zip(bounds, bounds[1:], strict=False)]
