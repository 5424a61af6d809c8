"""The archive: every page and file as it came in, each statement's versions and the crawler's state, in a
SQLite file of its own beside the knowledge base (statements.db keeps its archive in statements.archive.db).

The knowledge base is what the site shows and a researcher downloads; the archive is what re-parsing and
crawling need. The loader sees both through one connection: the archive is attached as `archive`, and its
tables answer to their plain names, since the knowledge base has none of them.

Bodies are stored compressed with zstd. Once the archive holds TRAIN_AFTER documents, a dictionary is
trained on them and every later body is compressed with it: a page shares most of its markup and many
words with the others, which a small page alone cannot exploit.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import zstandard
from sqlite_utils import Database

SCHEMA = "archive"
TABLES: dict[str, dict] = {
    "dictionaries": {
        "columns": {"id": int, "trained_at": str, "documents": int, "dictionary": bytes},
        "pk": "id",
    },
    "documents": {
        # body: the raw bytes as a zstd frame, compressed with the dictionary dictionary_id (or none).
        # An archive from before keeps its final_url column (always the url, or empty for a file).
        "columns": {"id": str, "url": str, "path": str, "status": int, "etag": str,
                    "last_modified": str, "fetched_at": str, "content_type": str, "encoding": str, "sha256": str,
                    "metadata": str, "body": bytes, "dictionary_id": int},
        "pk": "id",
        "foreign_keys": [("dictionary_id", "dictionaries", "id")],
    },
    "statement_versions": {
        # Which documents a statement was read from, and how many signed each. Its hash, fetch time and
        # signatories are its document's (load.version_signatories reads them from it): an archive from
        # before keeps the columns it had for them, and what they hold.
        "columns": {"statement_id": str, "document_id": str, "n_signatories": int, "parsed_at": str,
                    "n_organisations": int, "n_individuals": int},
        "pk": ("statement_id", "document_id"),
        "foreign_keys": [("document_id", "documents", "id")],
    },
    "crawl_runs": {
        "columns": {"id": int, "site": str, "started_at": str, "finished_at": str, "source": str,
                    "discovered": int, "options": str},
        "pk": "id",
    },
    "crawl_queue": {
        "columns": {"run_id": int, "url": str, "lastmod": str, "state": str, "outcome": str, "reason": str,
                    "done_at": str},
        "pk": ("run_id", "url"),
        "foreign_keys": [("run_id", "crawl_runs", "id")],
    },
}
# Only what the crawler and re-parsing look up: a page's newest version by URL, a site's unfinished run
# and its pending posts. No page of the site reads the archive.
INDEXES: dict[str, list[list[str]]] = {
    "documents": [["url"]],
    "crawl_runs": [["site"]],
    "crawl_queue": [["state"]],
}

LEVEL = 9  # zstd's level: with the dictionary, 3.9x on the synthetic pages at about 1.3 ms each
TRAIN_AFTER = 200  # documents stored before a dictionary is trained on them
TRAINING_SAMPLES = 2_000
# Zstd's default is 110 KB: on the synthetic pages at level 7, bodies came to 0.28 of their raw bytes with it,
# 0.26 with 256 KB, 0.257 with 512 KB at level 9 (0.234 at level 19, but 25 ms a page).
DICTIONARY_BYTES = 524_288


# A compressed page with its row is about 2.7 KB: a 4 KB page held one, the rest of it empty (4.0 KB a
# document at 24,000 synthetic statements); 64 KB pages hold about 23 (2.8 KB a document).
PAGE_SIZE = 65_536


def archive_path(db_path: str | Path) -> Path:
    """statements.db -> statements.archive.db, in the same folder."""
    path = Path(db_path)
    return path.with_name(f"{path.stem}.archive{path.suffix}")


def ensure_archive(path: Path) -> None:
    """Create the archive file and whatever of its schema is missing; safe to run on every open."""
    from .schema import add_missing_columns

    archive = Database(str(path))
    try:
        if not archive.table_names():  # a new file: its page size can only be chosen before anything is in it
            archive.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        if archive.journal_mode != "wal":
            archive.enable_wal()
        for name, spec in TABLES.items():
            if not archive[name].exists():
                archive[name].create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"))
            else:
                add_missing_columns(archive, name, spec["columns"])
        for name, indexes in INDEXES.items():
            for columns in indexes:
                archive[name].create_index(columns, if_not_exists=True, find_unique_name=False)
    finally:
        archive.close()


class Codec:
    """Compression of the bodies of one archive; remembers its dictionaries (they never change)."""

    def __init__(self, db: Database):
        self.db = db
        self._dictionaries: dict[int, zstandard.ZstdCompressionDict] = {}
        self._newest: int | None = None
        self._compressor = zstandard.ZstdCompressor(level=LEVEL)

    def prepare(self) -> None:
        """Take up the newest dictionary, training one first if the archive is ready for it. Called before a
        batch, outside its documents' savepoints: a document rolled back never takes the dictionary with it."""
        newest = self._newest_dictionary() or self._train()
        if newest != self._newest:
            self._newest = newest
            dictionary = None if newest is None else self._dictionary(newest)
            self._compressor = zstandard.ZstdCompressor(level=LEVEL, dict_data=dictionary)

    def pack(self, body: bytes) -> tuple[bytes, int | None]:
        """The body compressed, and the id of the dictionary it was compressed with."""
        return self._compressor.compress(body), self._newest

    def unpack(self, body: bytes, dictionary_id: int | None) -> bytes:
        if dictionary_id is None:
            return zstandard.ZstdDecompressor().decompress(body)
        return zstandard.ZstdDecompressor(dict_data=self._dictionary(dictionary_id)).decompress(body)

    def _dictionary(self, dictionary_id: int) -> zstandard.ZstdCompressionDict:
        if dictionary_id not in self._dictionaries:
            row = self.db.execute(f"select dictionary from {SCHEMA}.dictionaries where id = ?",
                                  [dictionary_id]).fetchone()
            if row is None:
                raise ValueError(f"the archive has no compression dictionary {dictionary_id}")
            self._dictionaries[dictionary_id] = zstandard.ZstdCompressionDict(row[0])
        return self._dictionaries[dictionary_id]

    def _newest_dictionary(self) -> int | None:
        row = self.db.execute(f"select max(id) from {SCHEMA}.dictionaries").fetchone()
        return row[0]

    def _train(self) -> int | None:
        """A dictionary from the documents stored so far, once there are enough of them."""
        rows = self.db.execute(f"select body, dictionary_id from {SCHEMA}.documents order by rowid limit ?",
                               [TRAINING_SAMPLES]).fetchall()
        return self.train_on([self.unpack(body, dictionary_id) for body, dictionary_id in rows])

    def train_on(self, samples: list[bytes]) -> int | None:
        """Store a dictionary trained on these bodies, if there are enough of them; its id."""
        if len(samples) < TRAIN_AFTER:
            return None
        try:
            trained = zstandard.train_dictionary(DICTIONARY_BYTES, samples)
        except zstandard.ZstdError:  # too little in the samples to learn from: keep compressing without
            return None
        cursor = self.db.execute(f"insert into {SCHEMA}.dictionaries (trained_at, documents, dictionary) "
                                 "values (?, ?, ?)", [datetime.now(timezone.utc).isoformat(timespec="seconds"),
                                                      len(samples), trained.as_bytes()])
        return cursor.lastrowid


def codec(db: Database) -> Codec:
    """The database's codec, made on first use."""
    found = getattr(db, "_codec", None)
    if found is None:
        found = db._codec = Codec(db)
    return found


def stored_document(db: Database, row: dict) -> dict:
    """A documents row as the archive stores it: its body compressed (with the dictionary of the last
    codec(db).prepare())."""
    body, dictionary_id = codec(db).pack(row["body"])
    return {**row, "body": body, "dictionary_id": dictionary_id}


def raw_body(db: Database, row: dict) -> bytes:
    """A stored document's bytes as they came in."""
    return codec(db).unpack(row["body"], row["dictionary_id"])


def raw_size(body: bytes) -> int:
    """The size of a stored body before compression, read from its frame."""
    return zstandard.frame_content_size(body)


MOVED = ("documents", "crawl_runs", "crawl_queue", "statement_versions")  # parents before the rows naming them
BATCH = 500


def move_into_archive(db: Database) -> None:
    """A database from before the archive had its own file keeps documents, versions and crawls in the
    knowledge base: they move to the archive (bodies compressed), the knowledge base loses them and is
    vacuumed. One transaction: interrupted, it starts again on the next open, and nothing is lost."""
    from .schema import add_missing_columns, rebuild_without_foreign_key

    present = [name for name in MOVED if db.execute(
        "select 1 from main.sqlite_master where type = 'table' and name = ?", [name]).fetchone()]
    if not present:
        return
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            for name in present:  # the columns an earlier version lacked, with their backfills
                add_missing_columns(db, name, {c: t for c, t in TABLES[name]["columns"].items()
                                               if c not in ("dictionary_id", PACKED.get(name))})
            for name in present:
                _copy(db, name)
            for name in reversed(present):
                db.execute(f"drop table main.[{name}]")
            rebuild_without_foreign_key(db, "statements", "document_id")
    finally:
        db.execute("PRAGMA foreign_keys = ON")
    db.execute("vacuum main")


PACKED = {"documents": "body"}  # compressed as it moves


def _copy(db: Database, name: str) -> None:
    packed = PACKED.get(name)
    columns = [c for c in _columns(db, "main", name) if c not in (packed, "dictionary_id")]
    kept = _columns(db, SCHEMA, name)
    for column, column_type in _columns(db, "main", name).items():  # what this version no longer writes
        if column not in kept:
            db.execute(f"alter table {SCHEMA}.[{name}] add column [{column}] {column_type}")
    listed = ", ".join(f"[{c}]" for c in columns)
    if packed is None:
        db.execute(f"insert or ignore into {SCHEMA}.[{name}] ({listed}) select {listed} from main.[{name}]")
        return
    found = codec(db)
    if name == "documents":
        samples = [row[0] for row in db.execute("select body from main.documents order by rowid limit ?",
                                                [TRAINING_SAMPLES])]
        found.train_on(samples)
    found.prepare()
    cursor = db.conn.execute(f"select {listed}, [{packed}] from main.[{name}] order by rowid")
    insert = (f"insert or ignore into {SCHEMA}.[{name}] ({listed}, [{packed}], dictionary_id) "
              f"values ({', '.join('?' * (len(columns) + 2))})")
    while rows := cursor.fetchmany(BATCH):
        db.conn.executemany(insert, [(*row[:-1], *_packed(found, row[-1])) for row in rows])


def _columns(db: Database, schema: str, name: str) -> dict[str, str]:
    return dict(db.execute("select name, type from pragma_table_info(?, ?)", [name, schema]).fetchall())


def _packed(found: Codec, value: bytes | str | None) -> tuple[bytes | None, int | None]:
    if value is None:
        return None, None
    return found.pack(value.encode("utf-8") if isinstance(value, str) else value)
