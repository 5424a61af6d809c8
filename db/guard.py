"""What one request may cost: SQLite's own limits and an authorizer on every connection to the statements
database, a bound on the bytes of each answer, and threads of their own for visitor-chosen work."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from typing import Any, Callable, Container, Iterable

from datasette.database import Database

from . import settings
from .settings import ANSWER_LIMIT_BYTES, COLUMN_LIMIT, SQL_LIMIT_BYTES, VALUE_LIMIT_BYTES

REFUSED_FUNCTIONS = frozenset({
    "fts3_tokenizer",  # answers with a pointer: the address of code in the SQLite library
    "load_extension",
    "zeroblob", "randomblob",  # make any size of value from nothing
    # printf('%.*c', 2147483647, 'x') appends one character at a time in SQLite 3.40: a minute of a
    # thread that no time limit can stop, since it is all one step of the query
    "printf", "format",
    "sqlite_log",  # writes to the server's log
    "rtreenode", "rtreedepth", "rtreecheck",  # read r-tree blobs; there are no r-trees here
    "optimize",  # FTS3's: a write
})
REFUSED_TABLES = frozenset({
    "sqlite_stmt",  # the SQL of every statement prepared on the connection, other visitors' too
    "dbstat",  # every page of the file
})


class TooLarge(sqlite3.OperationalError):
    """An OperationalError, so that Datasette answers 400 with the message, as for any bad SQL."""


def guard_connection(conn: sqlite3.Connection) -> None:
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, VALUE_LIMIT_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_COLUMN, COLUMN_LIMIT)
    conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, SQL_LIMIT_BYTES)
    conn.set_authorizer(authorize)
    conn.row_factory = bounded_rows(ANSWER_LIMIT_BYTES)


def authorize(action: int, first: str | None, second: str | None, database: str | None, inner: str | None) -> int:
    """Called by SQLite as it prepares each statement, for each function it calls and table it reads."""
    if action == sqlite3.SQLITE_FUNCTION and (second or "").lower() in REFUSED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_READ and (first or "").lower() in REFUSED_TABLES:
        return sqlite3.SQLITE_DENY
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def bounded_rows(limit: int) -> Callable[[sqlite3.Cursor, tuple], sqlite3.Row]:
    """A row factory (rows stay sqlite3.Row, as Datasette makes them) that counts the bytes each cursor has
    handed over and stops the answer once they pass `limit`: before Datasette holds them all."""
    counted: weakref.WeakKeyDictionary[sqlite3.Cursor, int] = weakref.WeakKeyDictionary()

    def row(cursor: sqlite3.Cursor, values: tuple) -> sqlite3.Row:
        total = counted.get(cursor, 0) + sum(map(_cost, values))
        if total > limit:
            raise TooLarge(f"this answer would hold more than {_size(limit)}; ask for fewer rows (_size=) or "
                           "columns (_col=, _nocol=), or download the whole database (the .db link on the "
                           "database page)")
        counted[cursor] = total
        return sqlite3.Row(cursor, values)

    return row


def _cost(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes)) else 8


def _size(limit: int) -> str:
    return f"{limit / 2**20:g} MiB" if limit >= 2**20 else f"{limit:,} bytes"


# Set for each request by the plugin's ASGI wrapper, from is_visitor_work.
visitor_work: ContextVar[bool] = ContextVar("visitor_work", default=False)
# What only shapes a page of stored rows, read by key or in an indexed order.
PAGE_ARGUMENTS = frozenset({"_next", "_size", "_sort", "_sort_desc", "_col", "_nocol", "_labels", "_nolabels",
                            "_shape", "_nl", "_dl", "_header", "_json", "_nofacet", "_nocount"})
VISITOR_PATHS = ("/search", "/search.json", "/search.csv", "/explore")


def is_visitor_work(path: str, arguments: Iterable[str], canned_queries: Container[str], database: str) -> bool:
    """Whether a request runs what a visitor chose: SQL, a search, a filter, facets, a stream, a canned query,
    the explore page's charts (each reads a whole table) or a database copy. Statement, organisation and
    table pages asked for only by key, size, order or columns are not."""
    if path in VISITOR_PATHS or path.endswith(".db"):
        return True
    parts = path.strip("/").split("/")
    if len(parts) == 2 and parts[0] == database and parts[1].split(".")[0] in canned_queries:
        return True
    return not set(arguments) <= PAGE_ARGUMENTS


class GuardedDatabase(Database):
    """The statements database: visitor-chosen work runs on HEAVY_THREADS threads of its own, at most
    HEAVY_WAITING more wait, and what SQLite refuses as too big is answered as a bad query (400)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._visitor_pool: ThreadPoolExecutor | None = None
        self._visitor_connections = threading.local()
        self._visitor_calls = 0  # running and waiting; changed only on the event loop

    async def execute_fn(self, fn):
        if not visitor_work.get() or self.ds.executor is None:
            return await super().execute_fn(fn)
        if self._visitor_calls >= settings.HEAVY_THREADS + settings.HEAVY_WAITING:
            from datasette.views.base import DatasetteError  # importing Datasette's views loads every plugin

            raise DatasetteError("The site is busy with other searches and queries; try again in a few seconds.",
                                 status=503, title="Busy")
        self._visitor_calls += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool(), self._on_visitor_thread, fn)
        finally:
            self._visitor_calls -= 1

    async def execute(self, *args, **kwargs):
        try:
            return await super().execute(*args, **kwargs)
        except sqlite3.DataError as error:  # Datasette's table pages answer 500 to a DataError
            message = str(error)
            if message == "string or blob too big":
                message = f"a value would be longer than {_size(VALUE_LIMIT_BYTES)}, the most one value may hold here"
            raise TooLarge(message) from error

    def _pool(self) -> ThreadPoolExecutor:
        if self._visitor_pool is None:
            self._visitor_pool = ThreadPoolExecutor(settings.HEAVY_THREADS, thread_name_prefix=f"{self.name}-visitor")
        return self._visitor_pool

    def _on_visitor_thread(self, fn):
        conn = getattr(self._visitor_connections, "conn", None)
        if conn is None:
            conn = self.connect()
            self.ds._prepare_connection(conn, self.name)  # as Datasette prepares its own threads' connections
            self._visitor_connections.conn = conn
        return fn(conn)
