"""Serving published database files: immutable, so their schemas cannot change while they are served."""

from __future__ import annotations

import copy
import re
import sqlite3

from datasette.app import Datasette
from datasette.database import Database, QueryInterrupted, Results

from .guard import GuardedDatabase
from .schema import VIEW_TABLES

# Datasette asks about the schema two dozen times for one table page (does the table exist, its
# columns, keys, foreign keys, definition...), each question a trip to a worker thread and back.
REMEMBERED_ANSWERS = 512  # bounds what arbitrary SQL over sqlite_master could make it keep


# A whole table's or view's count, as Datasette asks it for a table page without filters.
WHOLE_COUNT = re.compile(r"select count\(\*\) from (\w+|\[\w+\]) ?")
COUNT_DESCRIPTION = (("count(*)", None, None, None, None, None, None),)
# Datasette counts every table of an immutable file before its first page, each within an hour (setup_db): 7 s at
# 100,000 statements, and ten times that at a million. Its index page allows each count 10 ms; so does this, there
# too. A table page counts its own table or view within the page's time limit (count()).
TABLE_COUNT_LIMIT_MS = 10


def reads_only_schema(sql: str) -> bool:
    words = sql.strip().lower()
    return "sqlite_master" in words or words == "pragma schema_version"


def _remembered(method):
    async def answer(self: PublishedDatabase, *args):
        key = (method.__name__, args)
        if key not in self._answers:
            found = await method(self, *args)
            if not self._keep(key, found):
                return found
        return copy.deepcopy(self._answers[key])  # callers may change what they are given
    answer.__name__ = method.__name__
    return answer


class PublishedDatabase(GuardedDatabase):
    """Each question about the schema is asked of SQLite once; the answer is kept for the next page."""

    def __init__(self, datasette, path: str):
        super().__init__(datasette, path=path, is_mutable=False)
        self._answers: dict = {}
        self._counts: dict[str, int] = {}

    def _keep(self, key, answer) -> bool:
        if len(self._answers) >= REMEMBERED_ANSWERS:
            return False
        self._answers[key] = answer
        return True

    async def execute(self, sql, params=None, **options):
        whole = WHOLE_COUNT.fullmatch(sql)
        if whole and not params:
            return Results([(await self.count(whole.group(1).strip("[]"), **options),)], False, COUNT_DESCRIPTION)
        if not reads_only_schema(sql):
            return await super().execute(sql, params, **options)
        key = ("execute", sql, repr(params), repr(sorted(options.items())))
        results = self._answers.get(key)
        if results is None:
            results = await super().execute(sql, params, **options)
            self._keep(key, results)
        return Results(list(results.rows), results.truncated, results.description)

    async def count(self, name: str, **options) -> int:
        """A table's or view's rows, counted the first time a page asks (within that page's time limit: a
        count that takes longer raises QueryInterrupted, as Datasette's own do) and kept: the file is not
        written while it is served. Nothing is counted before the site starts."""
        if name not in self._counts:
            results = await super().execute(f"select count(*) from [{VIEW_TABLES.get(name, name)}]", **options)
            self._counts[name] = results.rows[0][0]
        return self._counts[name]

    async def table_counts(self, limit: int = 10) -> dict[str, int | None]:
        """The tables' counts, as Datasette lists them, each within limit ms, and never more than
        TABLE_COUNT_LIMIT_MS (None beyond it, tried again the next time). Views are not listed among the tables."""
        counts: dict[str, int | None] = {}
        for name in await self.table_names():
            try:
                counts[name] = await self.count(name, custom_time_limit=min(limit, TABLE_COUNT_LIMIT_MS))
            except (QueryInterrupted, sqlite3.OperationalError, sqlite3.DatabaseError):  # as Datasette's own
                counts[name] = None
        return counts

    table_columns = _remembered(Database.table_columns)
    table_column_details = _remembered(Database.table_column_details)
    primary_keys = _remembered(Database.primary_keys)
    fts_table = _remembered(Database.fts_table)
    label_column_for_table = _remembered(Database.label_column_for_table)
    foreign_keys_for_table = _remembered(Database.foreign_keys_for_table)
    get_all_foreign_keys = _remembered(Database.get_all_foreign_keys)
    hidden_table_names = _remembered(Database.hidden_table_names)


class PublishedDatasette(Datasette):
    """Datasette over published files only. It reads their schemas into its internal tables once;
    otherwise it compares each file's schema version again before every page."""

    _schemas_read = False

    async def refresh_schemas(self):
        if not self._schemas_read:
            await super().refresh_schemas()
            self._schemas_read = True
