"""Publication: one configured Datasette over a statements database."""

from __future__ import annotations

import hashlib
import json
import socket
import sqlite3
from pathlib import Path
from typing import Callable

from datasette.app import Datasette

from undersigned import PROJECT_ROOT

from .guard import GuardedDatabase
from .published import PublishedDatabase, PublishedDatasette
from .schema import FULL_TEXT_INDEXES
from .settings import DATABASE_NAME, SETTINGS

METADATA_PATH = PROJECT_ROOT / "metadata.json"
TEMPLATES_DIR = PROJECT_ROOT / "templates"


def make_self_contained(db_path: str | Path) -> None:
    """Fold the write-ahead log into the file: SQLite opened with immutable=1 never reads a -wal file."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


# A statement's row (its text about 5.8 KB) spills onto overflow pages, and the part kept in the table's own page
# is what the rest of that page cannot take: 2,048-byte pages leave about half as much empty beside it as 4,096
# (6,512 bytes a statement against 6,805, at 20,000 statements), and the rest no bigger.
PUBLISHED_PAGE_SIZE = 2048


def compact(db_path: str | Path) -> None:
    """A finished knowledge base made as small as it gets before it is published: each full-text index merged
    into one segment (FTS5 'optimize'; loading leaves many, each repeating the words it shares with the
    others), then every table and index rewritten into full pages of PUBLISHED_PAGE_SIZE bytes (VACUUM)."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        for index in FULL_TEXT_INDEXES:
            conn.execute(f"insert into [{index}] ([{index}]) values ('optimize')")
        conn.execute("PRAGMA journal_mode = DELETE")  # SQLite changes a file's page size only outside WAL
        conn.execute(f"PRAGMA page_size = {PUBLISHED_PAGE_SIZE}")
        conn.execute("vacuum")
    finally:
        conn.close()


def inspect(db_path: str | Path) -> dict:
    """What Datasette would otherwise read of a published file before serving it: its size, and a hash that names
    this version of it (the download's ETag). Nothing here grows with the file: the hash is of the file's
    size, modification time and SQLite header (whose change counter moves with each commit), not of its
    bytes, which took 3 s at 100,000 statements; the tables are counted as pages ask (PublishedDatabase)."""
    path = Path(db_path)
    stat = path.stat()
    with path.open("rb") as file:
        header = file.read(100)
    version = hashlib.sha256(f"{stat.st_size}:{stat.st_mtime_ns}:".encode() + header).hexdigest()
    return {"hash": version, "size": stat.st_size, "file": path.name, "tables": {}}


def make_datasette(db_path: str | Path, immutable: bool = False) -> Datasette:
    """Datasette with the project's metadata, templates and settings over one database file.

    An immutable database is made self-contained first: it is published as a finished file.
    """
    inspect_data = None
    if immutable:
        make_self_contained(db_path)
        inspect_data = {DATABASE_NAME: inspect(db_path)}
    metadata = json.loads(METADATA_PATH.read_text(encoding="utf-8"))
    kind = PublishedDatasette if immutable else Datasette
    datasette = kind(metadata=metadata, template_dir=str(TEMPLATES_DIR), settings=SETTINGS, inspect_data=inspect_data)
    datasette.remove_database("_memory")  # Datasette adds it when given no files
    path = str(db_path)
    database = PublishedDatabase(datasette, path) if immutable else GuardedDatabase(datasette, path=path)
    datasette.add_database(database, name=DATABASE_NAME)
    return datasette


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to the address, before anything is built to serve on it: a port already in use
    (OSError with errno EADDRINUSE) or a host that is no address here fails at once."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                         flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: a port in TIME_WAIT is free
    try:
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    return sock


def serve(db_path: str | Path, sock: socket.socket, immutable: bool = False,
          ready: Callable[[], None] | None = None) -> None:
    """Serve the database on the bound socket until interrupted; ready() is called once requests are answered."""
    import uvicorn

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            if self.started and ready:
                ready()

    datasette = make_datasette(db_path, immutable)
    Server(uvicorn.Config(datasette.app(), log_level="info", lifespan="on")).run(sockets=[sock])
