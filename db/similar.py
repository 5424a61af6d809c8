"""Statements like this one: neighbours by meaning, found when statements are loaded.

Each statement's title and the opening of its text are embedded by WordLlama (its wheel carries the weights
and the tokenizer: nothing is downloaded), normalised and stored as SCALE-quantised int8 in statement_vectors,
256 bytes a statement. When a batch is saved, its statements are compared with every stored vector: each gets
its NEIGHBOURS most similar statements, and a stored statement that a newcomer outranks has it merged into its
list. The lists are kept by integer keys (similar_rows) and shown with the statements' ids by the view
statement_similar. The web server reads the lists; it never embeds a statement.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from functools import lru_cache
from pathlib import Path

import numpy
from sqlite_utils import Database

NEIGHBOURS = 5
SCALE = 127  # a unit vector's components, times this, fit int8
MAX_TEXT_CHARS = 2_000  # the opening says what a statement is about, and embedding costs by the word
CHUNK = 20_000  # stored vectors compared at a time: memory stays bounded at any size
NONE = -2.0  # below any cosine
VECTORS, ROWS, SIMILAR = "statement_vectors", "similar_rows", "statement_similar"

TABLES = [
    # statement, other: statements.rowid
    f"""create table if not exists {VECTORS} (
        statement integer primary key,
        vector blob not null
    )""",
    f"""create table if not exists {ROWS} (
        statement integer not null,
        rank integer not null,
        other integer not null,
        score real not null,
        primary key (statement, rank)
    ) without rowid""",
    f"create index if not exists idx_{ROWS}_other on {ROWS} (other)",  # a statement withdrawn leaves every list
    f"""create view if not exists {SIMILAR} as select s.id as statement_id, r.rank, o.id as other_id, r.score
    from {ROWS} as r join statements as s on s.rowid = r.statement join statements as o on o.rowid = r.other""",
]


def ensure(db: Database) -> None:
    for sql in TABLES:
        db.execute(sql)


@lru_cache(maxsize=1)
def _model():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama
        from wordllama import WordLlama

        # Its tokenizer is in the wheel under tokenizers/, where load() looks only as its cache directory.
        return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    finally:  # importing wordllama sets the root logger to INFO: every library's chatter would reach the terminal
        root.handlers[:] = handlers
        root.setLevel(level)


def embed(texts: list[str]) -> numpy.ndarray:
    """Unit vectors, quantised to int8 (one row a text)."""
    vectors = _model().embed([text[:MAX_TEXT_CHARS] for text in texts])
    norms = numpy.linalg.norm(vectors, axis=1, keepdims=True)
    return numpy.round(vectors / numpy.where(norms == 0, 1, norms) * SCALE).astype(numpy.int8)


def statement_text(title: str | None, text: str | None) -> str:
    return f"{title or ''}\n\n{text or ''}"


def store(db: Database, statement_ids: list[str]) -> None:
    """Embed these saved statements, then settle their neighbours and those they become neighbours of."""
    rows = db.execute("select rowid, title, text from statements where id in (select value from json_each(?))",
                      [json.dumps(statement_ids)]).fetchall()
    if not rows:
        return
    vectors = embed([statement_text(title, text) for _, title, text in rows])
    db.conn.executemany(f"insert or replace into {VECTORS} (statement, vector) values (?, ?)",
                        [(rowid, vector.tobytes()) for (rowid, *_), vector in zip(rows, vectors, strict=True)])
    _settle(db, [rowid for rowid, *_ in rows], vectors)


def forget(db: Database, statement_id: str) -> None:
    """A statement withdrawn or saved anew: its vector and every list it stands in go (a list left short is
    filled again when a later newcomer is near enough, or by settle_all)."""
    found = db.execute("select rowid from statements where id = ?", [statement_id]).fetchone()
    if found is None:
        return
    db.execute(f"delete from {VECTORS} where statement = ?", found)
    db.execute(f"delete from {ROWS} where statement = ? or other = ?", [found[0], found[0]])


def _settle(db: Database, rowids: list[int], vectors: numpy.ndarray) -> None:
    lists, offered = _neighbours(db, rowids, vectors)
    _write(db, lists)
    current = _lists(db, list(offered))
    merged = {other: sorted(current.get(other, []) + found, reverse=True)[:NEIGHBOURS]
              for other, found in offered.items()}
    _write(db, {other: found for other, found in merged.items() if found != current.get(other, [])})


def settle_all(db: Database, block: int = 2_000) -> None:
    """Every stored statement's list, from every vector (the bulk baseline's way)."""
    rowids = [rowid for (rowid,) in db.execute(f"select statement from {VECTORS} order by statement")]
    for start in range(0, len(rowids), block):
        chunk = rowids[start:start + block]
        _write(db, _neighbours(db, chunk, _vectors(db, chunk))[0])


def _neighbours(db: Database, rowids: list[int], vectors: numpy.ndarray) \
        -> tuple[dict[int, list[tuple[float, int]]], dict[int, list[tuple[float, int]]]]:
    """Each statement's NEIGHBOURS most similar among the stored ones; and for each other stored statement that
    one of these would enter the list of (it scores above the list's last, or the list is short), those of
    these that would. Each chunk of stored vectors is read with numpy a whole matrix at a time: at a million
    statements a batch meets 50 chunks, and a sort a statement a chunk cost more than the products."""
    new = numpy.asarray(vectors, dtype=numpy.float32)
    own = numpy.asarray(rowids, dtype=numpy.int64)
    best_scores = numpy.zeros((len(rowids), 0), dtype=numpy.float32)
    best_others = numpy.zeros((len(rowids), 0), dtype=numpy.int64)
    offered: dict[int, list[tuple[float, int]]] = {}
    for stored_rowids, stored in chunks(db):
        scores = new @ stored.T.astype(numpy.float32) / (SCALE * SCALE)
        _not_its_own(scores, own, stored_rowids)
        top = numpy.argpartition(-scores, min(NEIGHBOURS, scores.shape[1]) - 1, axis=1)[:, :NEIGHBOURS]
        best_scores = numpy.concatenate([best_scores, numpy.take_along_axis(scores, top, axis=1)], axis=1)
        best_others = numpy.concatenate([best_others, stored_rowids[top]], axis=1)
        kept = numpy.lexsort((-best_others, -best_scores))[:, :NEIGHBOURS]  # the highest first, ties by rowid
        best_scores = numpy.take_along_axis(best_scores, kept, axis=1)
        best_others = numpy.take_along_axis(best_others, kept, axis=1)
        offered.update(_offers(db, rowids, stored_rowids, scores))
    best = {rowid: list(zip(map(float, best_scores[row]), map(int, best_others[row]), strict=True))
            for row, rowid in enumerate(rowids)}
    return best, offered


def _not_its_own(scores: numpy.ndarray, own: numpy.ndarray, stored_rowids: numpy.ndarray) -> None:
    """A newcomer already stored (stored_rowids are in order) scores NONE against itself."""
    at = numpy.minimum(numpy.searchsorted(stored_rowids, own), len(stored_rowids) - 1)
    rows = numpy.flatnonzero(stored_rowids[at] == own)
    scores[rows, at[rows]] = NONE


def _offers(db: Database, rowids: list[int], stored_rowids: numpy.ndarray, scores: numpy.ndarray) \
        -> dict[int, list[tuple[float, int]]]:
    """For the stored statements (columns) outside rowids, the newcomers (rows) that beat their list's last."""
    others = ~numpy.isin(stored_rowids, rowids)
    worst = dict(db.execute(f"select statement, case when count(*) < {NEIGHBOURS} then {NONE} else min(score) end "
                            f"from {ROWS} where statement between ? and ? group by statement",
                            [int(stored_rowids.min()), int(stored_rowids.max())]).fetchall())
    bar = numpy.array([worst.get(rowid, NONE) for rowid in stored_rowids.tolist()], dtype=numpy.float32)
    beaten = numpy.flatnonzero(others & (scores.max(axis=0) > bar))
    found = {}
    for start in range(0, len(beaten), OFFERS_AT_ONCE):
        columns = beaten[start:start + OFFERS_AT_ONCE]
        top_rows, top_scores = _highest_rows(scores[:, columns])
        for column, rows, column_scores in zip(columns.tolist(), top_rows.T.tolist(), top_scores.T.tolist(),
                                               strict=True):
            found[int(stored_rowids[column])] = sorted(
                ((score, rowids[row]) for row, score in zip(rows, column_scores, strict=True) if score > bar[column]),
                reverse=True)
    return found


OFFERS_AT_ONCE = 4_096  # columns of a batch's scores sorted together: 32 MB for a batch of 2,000


def _highest_rows(scores: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Each column's NEIGHBOURS highest rows and their scores, the highest first."""
    top = numpy.argpartition(-scores, min(NEIGHBOURS, len(scores)) - 1, axis=0)[:NEIGHBOURS]
    top_scores = numpy.take_along_axis(scores, top, axis=0)
    order = numpy.argsort(-top_scores, axis=0, kind="stable")
    return numpy.take_along_axis(top, order, axis=0), numpy.take_along_axis(top_scores, order, axis=0)


def chunks(db):
    """Every stored vector, CHUNK at a time: (rowids, int8 matrix), a row a statement, in rowid order."""
    last = -1
    while rows := db.execute(f"select statement, vector from {VECTORS} where statement > ? order by statement "
                             "limit ?", [last, CHUNK]).fetchall():
        last = rows[-1][0]
        yield (numpy.array([rowid for rowid, _ in rows], dtype=numpy.int64),
               numpy.frombuffer(b"".join(vector for _, vector in rows), dtype=numpy.int8).reshape(len(rows), -1))


def stored(conn) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Every stored vector: (rowids, int8 matrix, a row a statement). A search by meaning compares its query with
    all of them, so they are kept in memory (256 bytes a statement), one copy per database file, until the file
    or its write-ahead log changes."""
    path = _main_file(conn)
    if not path:
        return _read_all(conn)
    version = _file_version(path)  # taken before reading: a write meanwhile makes the next search read again
    with _kept_lock:
        kept = _kept.get(path)
    if kept is not None and kept[0] == version:
        return kept[1], kept[2]
    rowids, matrix = _read_all(conn)
    with _kept_lock:
        _kept[path] = (version, rowids, matrix)
    return rowids, matrix


_kept: dict[str, tuple[tuple, numpy.ndarray, numpy.ndarray]] = {}
_kept_lock = threading.Lock()


def _main_file(conn) -> str:
    return next((file for _, name, file in conn.execute("pragma database_list").fetchall() if name == "main"), "")


def _file_version(path: str) -> tuple:
    """What changes with every commit: the file's size and time, and its write-ahead log's (an empty log, which
    a reader's connection may create, is none)."""
    found = []
    for name in (path, f"{path}-wal"):
        try:
            status = os.stat(name)
        except FileNotFoundError:
            status = None
        found.append((status.st_size, status.st_mtime_ns) if status and status.st_size else None)
    return tuple(found)


def _read_all(conn) -> tuple[numpy.ndarray, numpy.ndarray]:
    found = list(chunks(conn))
    if not found:
        return numpy.zeros(0, dtype=numpy.int64), numpy.zeros((0, 0), dtype=numpy.int8)
    return numpy.concatenate([rowids for rowids, _ in found]), numpy.concatenate([matrix for _, matrix in found])


def scores(matrix: numpy.ndarray, query: numpy.ndarray) -> numpy.ndarray:
    """Cosines of the query (an int8 unit vector, as stored) with each row, CHUNK rows made float at a time."""
    query = query.astype(numpy.float32)
    return numpy.concatenate([matrix[start:start + CHUNK].astype(numpy.float32) @ query
                              for start in range(0, len(matrix), CHUNK)] or [numpy.zeros(0, numpy.float32)]) \
        / (SCALE * SCALE)


def _vectors(db: Database, rowids: list[int]) -> numpy.ndarray:
    found = dict(db.execute(f"select statement, vector from {VECTORS} where statement in "
                            "(select value from json_each(?))", [json.dumps(rowids)]).fetchall())
    return numpy.stack([numpy.frombuffer(found[rowid], dtype=numpy.int8) for rowid in rowids])


def _lists(db: Database, rowids: list[int]) -> dict[int, list[tuple[float, int]]]:
    found: dict[int, list[tuple[float, int]]] = {}
    for statement, score, other in db.execute(f"select statement, score, other from {ROWS} where statement in "
                                              "(select value from json_each(?)) order by statement, rank",
                                              [json.dumps(rowids)]):
        found.setdefault(statement, []).append((score, other))
    return found


def _write(db: Database, lists: dict[int, list[tuple[float, int]]]) -> None:
    db.conn.executemany(f"delete from {ROWS} where statement = ?", [(rowid,) for rowid in lists])
    db.conn.executemany(
        f"insert into {ROWS} (statement, rank, other, score) values (?, ?, ?, ?)",
        [(rowid, rank, other, round(min(score, 1.0), 3))  # int8 rounding can pass 1
         for rowid, found in lists.items()
         for rank, (score, other) in enumerate((item for item in found if item[0] > NONE), start=1)])
