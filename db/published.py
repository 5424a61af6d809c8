"""Serving published database files: immutable, so their schemas cannot change while they are served."""

from __future__ import annotations

import copy

from datasette.app import Datasette
from datasette.database import Database, Results

from .guard import GuardedDatabase

# Datasette asks about the schema two dozen times for one table page (does the table exist, its
# columns, keys, foreign keys, definition...), each question a trip to a worker thread and back.
REMEMBERED_ANSWERS = 512  # bounds what arbitrary SQL over sqlite_master could make it keep


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

    def _keep(self, key, answer) -> bool:
        if len(self._answers) >= REMEMBERED_ANSWERS:
            return False
        self._answers[key] = answer
        return True

    async def execute(self, sql, params=None, **options):
        if not reads_only_schema(sql):
            return await super().execute(sql, params, **options)
        key = ("execute", sql, repr(params), repr(sorted(options.items())))
        results = self._answers.get(key)
        if results is None:
            results = await super().execute(sql, params, **options)
            self._keep(key, results)
        return Results(list(results.rows), results.truncated, results.description)

    async def table_counts(self, limit: int = 10) -> dict[str, int]:
        """The tables' counts. A view's is in the inspected counts too, for its own page (the signatures
        view, counted through its joins, took seconds), but a view is not listed among the tables."""
        views = set(await self.view_names())
        return {name: count for name, count in (await super().table_counts(limit)).items() if name not in views}

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
