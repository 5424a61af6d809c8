"""A table page's heading ("3 rows where country is Mexico sorted by name") in words where it filters a column
of codes. Datasette writes it from the address as `country = "MX"`; the address and the data keep the code."""

from __future__ import annotations

from datasette.filters import Filters, InFilter
from datasette.utils import await_me_maybe

from .words import WORDED_COLUMNS, filter_in_words


def filter_pairs(request) -> list[tuple[str, str]]:
    """The address's column filters, as Datasette reads them: every argument but _search, _sort and the like."""
    return sorted((key, value) for key in request.args if not (key.startswith("_") and "__" not in key)
                  for value in request.args.getlist(key))


def filters_codes(request) -> bool:
    return any(column in WORDED_COLUMNS for column, _, _ in Filters(filter_pairs(request)).selections())


async def heading_in_words(datasette, database: str, table: str, request) -> str:
    """What follows the row count in the heading: the same parts as Datasette's, in its order (the search
    and other plugins' descriptions, then each filter, then the order), each filter on codes in words."""
    parts = []
    # Imported here: importing datasette.plugins loads every plugin, this module's own plugin (db.plugin, which
    # imports this module) among them, and a plugin loaded while half imported has no routes.
    from datasette.plugins import pm

    for hook in pm.hook.filters_from_request(request=request, table=table, database=database, datasette=datasette):
        arguments = await await_me_maybe(hook)
        if arguments:
            parts.extend(arguments.human_descriptions)
    for column, lookup, value in Filters(filter_pairs(request)).selections():
        values = InFilter().split_value(value) if lookup in ("in", "notin") else [value]
        parts.append(filter_in_words(column, lookup, values) or _datasettes_words(column, lookup, value))
    described = _joined([part for part in parts if part])
    return " ".join(part for part in (described, _sorted_by(datasette, database, table, request)) if part)


def _joined(parts: list[str]) -> str:
    """'where a, b and c', as Datasette joins them."""
    if len(parts) > 1:
        return f"where {', '.join(parts[:-1])} and {parts[-1]}"
    return f"where {parts[0]}" if parts else ""


def _datasettes_words(column: str, lookup: str, value: str) -> str:
    return Filters([(column if lookup == "exact" else f"{column}__{lookup}", value)]).human_description_en() \
        .removeprefix("where ")


def _sorted_by(datasette, database: str, table: str, request) -> str:
    sort, sort_desc = request.args.get("_sort"), request.args.get("_sort_desc")
    if not sort and not sort_desc:
        metadata = datasette.table_metadata(database, table)
        sort, sort_desc = metadata.get("sort"), metadata.get("sort_desc")
    return f"sorted by {sort or sort_desc}{' descending' if sort_desc else ''}" if sort or sort_desc else ""
