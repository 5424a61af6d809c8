"""Statements like this one: neighbours by meaning, found when statements are loaded.

Each statement's title and text are embedded by WordLlama (its wheel carries the weights and the tokenizer:
nothing is downloaded), normalised and stored as SCALE-quantised int8 in statement_vectors, 256 bytes a
statement. When a batch is saved, its statements are compared with every stored vector: each gets its
NEIGHBOURS most similar statements in statement_similar, and a stored statement whose list a newcomer
enters gets its list again. The web server reads the lists; it never embeds a statement.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy
from sqlite_utils import Database

NEIGHBOURS = 5
SCALE = 127  # a unit vector's components, times this, fit int8
MAX_TEXT_CHARS = 20_000  # the opening says what a statement is about; a hostile page may give megabytes
CHUNK = 20_000  # stored vectors compared at a time: memory stays bounded at any size
VECTORS, SIMILAR = "statement_vectors", "statement_similar"

TABLES = [
    # statement: statements.rowid
    f"""create table if not exists {VECTORS} (
        statement integer primary key,
        vector blob not null
    )""",
    f"""create table if not exists {SIMILAR} (
        statement_id text not null references statements(id),
        rank integer not null,
        other_id text not null references statements(id),
        score real not null,
        primary key (statement_id, rank)
    ) without rowid""",
]


def ensure(db: Database) -> None:
    for sql in TABLES:
        db.execute(sql)


@lru_cache(maxsize=1)
def _model():
    import wordllama
    from wordllama import WordLlama

    # Its tokenizer is in the wheel under tokenizers/, where load() looks only as its cache directory.
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: list[str]) -> numpy.ndarray:
    """Unit vectors, quantised to int8 (one row a text)."""
    vectors = _model().embed([text[:MAX_TEXT_CHARS] for text in texts])
    norms = numpy.linalg.norm(vectors, axis=1, keepdims=True)
    return numpy.round(vectors / numpy.where(norms == 0, 1, norms) * SCALE).astype(numpy.int8)


def statement_text(title: str | None, text: str | None) -> str:
    return f"{title or ''}\n\n{text or ''}"


def store(db: Database, statement_ids: list[str]) -> None:
    """Embed these saved statements, then settle their neighbours and those they become neighbours of."""
    rows = db.execute("select rowid, id, title, text from statements where id in (select value from json_each(?))",
                      [json.dumps(statement_ids)]).fetchall()
    if not rows:
        return
    vectors = embed([statement_text(title, text) for _, _, title, text in rows])
    db.conn.executemany(f"insert or replace into {VECTORS} (statement, vector) values (?, ?)",
                        [(rowid, vector.tobytes()) for (rowid, *_), vector in zip(rows, vectors, strict=True)])
    _settle(db, [rowid for rowid, *_ in rows], vectors)


def forget(db: Database, statement_id: str) -> None:
    """A statement withdrawn or saved anew: its vector and every list it stands in go (the lists it stood in
    are found again when the next batch is saved, or by `refresh`)."""
    db.execute(f"delete from {VECTORS} where statement = (select rowid from statements where id = ?)", [statement_id])
    db.execute(f"delete from {SIMILAR} where statement_id = ? or other_id = ?", [statement_id, statement_id])


def _settle(db: Database, rowids: list[int], vectors: numpy.ndarray) -> None:
    lists, entered = _neighbours(db, rowids, vectors)
    _write(db, lists)
    worst = _worst_listed(db, list(entered))
    again = [other for other, score in entered.items() if score > worst.get(other, -2.0)]
    if again:
        _write(db, _neighbours(db, again, _vectors(db, again))[0])


def settle_all(db: Database, block: int = 2_000) -> None:
    """Every stored statement's list, from every vector (the bulk baseline's way)."""
    rowids = [rowid for (rowid,) in db.execute(f"select statement from {VECTORS} order by statement")]
    for start in range(0, len(rowids), block):
        chunk = rowids[start:start + block]
        _write(db, _neighbours(db, chunk, _vectors(db, chunk))[0])


def _neighbours(db: Database, rowids: list[int], vectors: numpy.ndarray) \
        -> tuple[dict[int, list[tuple[float, int]]], dict[int, float]]:
    """Each statement's NEIGHBOURS most similar among the stored ones, and for every other stored statement
    the best score one of these gives it."""
    new = numpy.asarray(vectors, dtype=numpy.float32)
    best: dict[int, list[tuple[float, int]]] = {rowid: [] for rowid in rowids}
    entered: dict[int, float] = {}
    for stored_rowids, stored in chunks(db):
        scores = new @ stored.T / (SCALE * SCALE)
        for row, rowid in enumerate(rowids):
            scores[row, stored_rowids == rowid] = -2.0  # not its own neighbour
            top = numpy.argsort(-scores[row])[:NEIGHBOURS]
            best[rowid] = sorted(best[rowid] + [(float(scores[row, i]), int(stored_rowids[i])) for i in top],
                                 reverse=True)[:NEIGHBOURS]
        others = ~numpy.isin(stored_rowids, rowids)
        for other, score in zip(stored_rowids[others].tolist(), scores.max(axis=0)[others].tolist(), strict=True):
            entered[other] = max(entered.get(other, -2.0), score)
    return best, entered


def chunks(db):
    """Every stored vector, CHUNK at a time: (rowids, float32 matrix), a row a statement."""
    last = -1
    while True:
        rows = db.execute(f"select statement, vector from {VECTORS} where statement > ? order by statement limit ?",
                          [last, CHUNK]).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield (numpy.array([rowid for rowid, _ in rows]),
               numpy.frombuffer(b"".join(vector for _, vector in rows), dtype=numpy.int8)
               .reshape(len(rows), -1).astype(numpy.float32))


def _vectors(db: Database, rowids: list[int]) -> numpy.ndarray:
    found = dict(db.execute(f"select statement, vector from {VECTORS} where statement in "
                            "(select value from json_each(?))", [json.dumps(rowids)]).fetchall())
    return numpy.stack([numpy.frombuffer(found[rowid], dtype=numpy.int8) for rowid in rowids])


def _worst_listed(db: Database, rowids: list[int]) -> dict[int, float]:
    """The lowest score in each statement's full list (a list not full takes any newcomer)."""
    rows = db.execute(f"select statements.rowid, count(*), min(score) from {SIMILAR} join statements on "
                      f"statements.id = {SIMILAR}.statement_id where statements.rowid in "
                      f"(select value from json_each(?)) group by statements.rowid", [json.dumps(rowids)]).fetchall()
    return {rowid: worst for rowid, count, worst in rows if count >= NEIGHBOURS}


def _write(db: Database, lists: dict[int, list[tuple[float, int]]]) -> None:
    ids = dict(db.execute("select rowid, id from statements where rowid in (select value from json_each(?))",
                          [json.dumps(sorted({r for rowid, found in lists.items() for r in
                                              [rowid, *(other for _, other in found)]}))]).fetchall())
    for rowid, found in lists.items():
        db.execute(f"delete from {SIMILAR} where statement_id = ?", [ids[rowid]])
        db.conn.executemany(
            f"insert into {SIMILAR} (statement_id, rank, other_id, score) values (?, ?, ?, ?)",
            [(ids[rowid], rank, ids[other], round(min(score, 1.0), 3))  # int8 rounding can pass 1
             for rank, (score, other) in enumerate((item for item in found if item[0] > -2.0), start=1)])
