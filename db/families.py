"""One statement wherever it is published: copies form a family, translations are linked.

A coalition's statement is posted again by its members, often with another footer, an introduction of
their own, a few more signatories, or cut short. Each statement's text is cut into shingles (runs of
SHINGLE_WORDS folded words) and summarised by a MinHash (datasketch); BANDS keys of it (fingerprint_bands)
find the statements that may be copies, whose MinHash is made again from their text to compare: two are
copies when most of the shorter one's shingles stand in the longer one (containment, estimated from the
MinHash and both shingle counts), which a trimmed or re-footed copy keeps and a Jaccard similarity does
not. Copies make a family; its canonical statement is the coalition's own (the copy whose text names its
publisher at its opening), else the earliest; each other member points to it in statements.copy_of, so
that "copy_of is null" counts every family once.

A translation shares no shingles with its original. Two statements in different languages, dated within
TRANSLATION_DAYS of each other, that share most of their signing organisations are linked as translations.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import numpy
from datasketch import MinHash
from sqlite_utils import Database

from . import signatures

SHINGLE_WORDS = 5
PERMUTATIONS = 64
BANDS, BAND_ROWS = 32, 2  # a pair whose Jaccard similarity is 0.3 shares a band 95 times in 100; at 0.1, 28
COPY_CONTAINMENT = 0.5  # of the shorter text's shingles in the longer: on tests/corpus/pairs two different
# statements score 0.04 at most and every copy found 0.71 or more (next year's statement, 0.99, is told by its date)
MIN_COPY_SHINGLES = 50  # a text of a few lines is a formula that many statements share, not a statement
COPY_DAYS = 60  # copies are posted within weeks; a statement of the same words a year on is next year's
COPY_SIGNERS_SHARED = 0.5  # of the shorter list of organisations, where both copies list any
TRANSLATION_DAYS = 7
TRANSLATION_SHARED = 0.5  # Jaccard similarity of the two statements' signing organisations
MIN_TRANSLATION_ORGANISATIONS = 3  # fewer signers prove nothing: two groups sign many things together
RAREST_SIGNERS = 8
OPENING_CHARS = 300  # where a coalition's own page names it ("International Tibet Network Members are ...")
LINK_KINDS = ("copy", "translation")
SPEC = {  # statement_links as the data package describes it
    "columns": {"statement_id": str, "other_id": str, "kind": str, "score": float},
    "pk": ("statement_id", "other_id", "kind"),
    "foreign_keys": [("statement_id", "statements", "id"), ("other_id", "statements", "id")],
}

BAND_KEYS, LINKS = "fingerprint_bands", "statement_links"
TABLES = [
    # band: a key of BAND_ROWS of a statement's MinHash values; statement: its rowid. 4-byte keys: two bands
    # that share one by chance make a candidate, which the comparison then turns down.
    f"""create table if not exists {BAND_KEYS} (
        band integer not null,
        statement integer not null,
        primary key (band, statement)
    ) without rowid""",
    # Both ways: each statement's links are read by its own id. score: containment for a copy, the share of
    # signing organisations for a translation.
    f"""create table if not exists {LINKS} (
        statement_id text not null references statements(id),
        other_id text not null references statements(id),
        kind text not null check (kind in {LINK_KINDS}),
        score real not null,
        primary key (statement_id, other_id, kind)
    ) without rowid""",
    f"create index if not exists idx_{LINKS}_score on {LINKS} (score)",  # the table page's sort
    """create view if not exists statement_families as select
        coalesce(copy_of, id) as family_id, id as statement_id, copy_of is null as canonical, url, publisher,
        date, language
    from statements where copy_of is not null or id in (select copy_of from statements where copy_of is not null)""",
]


def ensure(db: Database) -> None:
    """The links and the families' view (statements.copy_of is in db/schema.py, the fingerprints' tables
    in db/archive.py)."""
    for sql in TABLES:
        db.execute(sql)


MAX_SHINGLED_CHARS = 200_000  # a copy is told by far less; a hostile page may give megabytes


def shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", _folded(text[:MAX_SHINGLED_CHARS]))
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


# The combining marks' blocks: what NFKD leaves of an accent (one regular expression, not a test a character)
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _folded(text: str) -> str:
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


@lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=PERMUTATIONS, seed=1)  # its permutations made once: they cost a third of a summary


@dataclass(frozen=True)
class Fingerprint:
    shingles: int
    hashes: numpy.ndarray

    @classmethod
    def of(cls, text: str) -> Fingerprint | None:
        found = shingles(text)
        if not found:
            return None
        # crc32 (zlib, in C) hashes a shingle 3 times faster than datasketch's sha1, and as well for this
        template = _template()
        minhash = MinHash(num_perm=PERMUTATIONS, hashfunc=zlib.crc32, permutations=template.permutations,
                          scheme=template.scheme)
        minhash.update_batch([shingle.encode("utf-8") for shingle in found])
        return cls(len(found), minhash.hashvalues.astype(numpy.uint64))

    def bands(self) -> list[int]:
        """One signed 32-bit key for each of BANDS bands of BAND_ROWS hashes, the band's number in it."""
        keys = []
        for start in range(0, BANDS * BAND_ROWS, BAND_ROWS):
            digest = hashlib.blake2b(self.hashes[start:start + BAND_ROWS].tobytes(), digest_size=4,
                                     salt=start.to_bytes(16, "little")).digest()
            keys.append(int.from_bytes(digest, "little", signed=True))
        return keys

    def containment(self, other: Fingerprint) -> float:
        """The share of the smaller set's shingles found in the other, from the estimated Jaccard similarity:
        |A ∩ B| = J (|A| + |B|) / (1 + J)."""
        jaccard = float(numpy.mean(self.hashes == other.hashes))
        shared = jaccard * (self.shingles + other.shingles) / (1 + jaccard)
        return min(1.0, shared / min(self.shingles, other.shingles))


def is_copy(first: str, second: str) -> tuple[bool, float]:
    """Whether two texts are copies of one statement, and the containment that says so."""
    one, two = Fingerprint.of(first), Fingerprint.of(second)
    if one is None or two is None:
        return False, 0.0
    score = one.containment(two)
    return score >= COPY_CONTAINMENT, score


def place(db: Database, statement_id: str) -> None:
    """Link a statement just saved to its copies and translations (its old links, if it was saved before,
    went first: forget); settle its family then."""
    row = db.execute("select rowid, text, date, language from statements where id = ?", [statement_id]).fetchone()
    if row is None:
        return
    rowid, text, dated_on, language = row
    fingerprint = Fingerprint.of(text or "")
    if fingerprint is not None:
        db.conn.executemany(f"insert or ignore into {BAND_KEYS} (band, statement) values (?, ?)",
                            [(band, rowid) for band in fingerprint.bands()])
        for other, score in _copies(db, statement_id, rowid, fingerprint):
            _link(db, statement_id, other, "copy", score)
    for other, score in _translations(db, rowid, dated_on, language):
        _link(db, statement_id, other, "translation", score)


def forget(db: Database, statement_id: str) -> set[str]:
    """Remove a statement's fingerprint and links. Its former family, itself included, is returned: to be
    settled again once the statement is gone or saved anew, and its organisations counted again."""
    others = family(db, statement_id) - {statement_id}
    db.execute(f"delete from {LINKS} where statement_id = ? or other_id = ?", [statement_id, statement_id])
    db.execute("update statements set copy_of = null where id = ?", [statement_id])
    row = db.execute("select rowid, text from statements where id = ?", [statement_id]).fetchone()
    fingerprint = Fingerprint.of(row[1] or "") if row else None
    if fingerprint is not None:  # its bands, made again from the text they were made from
        db.conn.executemany(f"delete from {BAND_KEYS} where band = ? and statement = ?",
                            [(band, row[0]) for band in fingerprint.bands()])
    return others | {statement_id} if others else set()


def settle(db: Database, statement_ids: set[str]) -> set[str]:
    """Each family these statements belong to gets its canonical member again; the rest point to it. Returns
    the statements of the families of more than one: their organisations count each family once."""
    done: set[str] = set()
    changed: set[str] = set()
    for statement_id in sorted(statement_ids):
        if statement_id in done:
            continue
        linked = family(db, statement_id)
        done |= linked
        if len(linked) > 1:
            changed |= linked
        members = db.execute("select id, date, publisher, title, substr(text, 1, ?), rowid from statements "
                             "where id in (select value from json_each(?))",
                             [OPENING_CHARS, _json(linked)]).fetchall()
        if not members:
            continue
        canonical = min(members, key=_canonical_order)[0]
        db.execute("update statements set copy_of = case when id = ? then null else ? end "
                   "where id in (select value from json_each(?)) and copy_of is not case when id = ? then null "
                   "else ? end", [canonical, canonical, _json(linked), canonical, canonical])
    return changed


def link_all(db: Database) -> None:
    """Copies among every statement at once, from the bands they share (the bulk baseline's way)."""
    groups = db.execute(f"select group_concat(statement) from {BAND_KEYS} group by band having count(*) > 1")
    pairs = {tuple(sorted((int(first), int(second)))) for (joined,) in groups.fetchall()
             for first in joined.split(",") for second in joined.split(",") if first != second}
    made: dict[int, tuple[str, Fingerprint | None]] = {}
    for pair in sorted(pairs):
        for rowid in pair:
            if rowid not in made:
                key, text = db.execute("select id, text from statements where rowid = ?", [rowid]).fetchone()
                made[rowid] = (key, Fingerprint.of(text or ""))
        (first, one), (second, two) = made[pair[0]], made[pair[1]]
        if one is None or two is None or min(one.shingles, two.shingles) < MIN_COPY_SHINGLES:
            continue
        score = one.containment(two)
        if score >= COPY_CONTAINMENT and _same_signers(db, first, second) and _near(db, first, second):
            _link(db, first, second, "copy", score)
    settle(db, {key for key, _ in made.values()})


def _canonical_order(member: tuple) -> tuple:
    """The coalition's own first, then the earliest dated, then the first saved."""
    _, dated_on, publisher, title, opening, rowid = member
    own = bool(publisher) and _folded(publisher) in _folded(f"{title or ''} {opening or ''}")
    return (not own, dated_on is None, dated_on or "", rowid)


def family(db: Database, statement_id: str) -> set[str]:
    """The statements joined to this one by copy links, itself included."""
    found, frontier = {statement_id}, [statement_id]
    while frontier:
        linked = db.execute(f"select other_id from {LINKS} where kind = 'copy' and statement_id in "
                            "(select value from json_each(?))", [_json(frontier)]).fetchall()
        frontier = [other for (other,) in linked if other not in found]
        found.update(frontier)
    return found


def _copies(db: Database, statement_id: str, rowid: int, fingerprint: Fingerprint) -> list[tuple[str, float]]:
    """The stored statements this one is a copy of: most of the shorter text in the longer, and, where both
    list organisations, most of the shorter list in the longer (a form letter that each group sends under its
    own name is many statements), posted within COPY_DAYS."""
    if fingerprint.shingles < MIN_COPY_SHINGLES:
        return []
    candidates = db.execute(
        f"select id, text from statements where rowid in (select statement from {BAND_KEYS} where band in "
        "(select value from json_each(?))) and rowid != ?", [_json(fingerprint.bands()), rowid]).fetchall()
    scored = [(other, fingerprint.containment(found)) for other, found in
              ((other, Fingerprint.of(text or "")) for other, text in candidates)
              if found is not None and found.shingles >= MIN_COPY_SHINGLES]
    return [(other, score) for other, score in scored
            if score >= COPY_CONTAINMENT and _same_signers(db, statement_id, other) and _near(db, statement_id, other)]


def _near(db: Database, statement_id: str, other_id: str) -> bool:
    """Not dated more than COPY_DAYS apart (a statement without a full date may be a copy of any)."""
    days = [_day(found) for (found,) in db.execute("select date from statements where id in (?, ?)",
                                                   [statement_id, other_id])]
    return None in days or len(days) < 2 or abs((days[0] - days[1]).days) <= COPY_DAYS


def _same_signers(db: Database, statement_id: str, other_id: str) -> bool:
    """Most of the shorter list of organisations in the longer, where both list any."""
    one, two = (_organisations(db, key) for key in (statement_id, other_id))
    return not one or not two or len(one & two) >= COPY_SIGNERS_SHARED * min(len(one), len(two))


def _organisations(db: Database, statement_id: str) -> set[int]:
    return {organisation for (organisation,) in db.execute(
        f"select organisation from {signatures.TABLE} where statement = (select rowid from statements where id = ?) "
        "and organisation is not null", [statement_id])}


def _translations(db: Database, rowid: int, dated_on: str | None, language: str | None) -> list[tuple[str, float]]:
    """Statements in another language, dated within TRANSLATION_DAYS, signed by most of the same organisations.
    Candidates are the statements its RAREST_SIGNERS signed in those days: a statement that shares half its
    signers shares one of them but once in 2 ** RAREST_SIGNERS, and the most prolific groups, who sign hundreds
    of statements a month, are not read."""
    day = _day(dated_on)
    if day is None or not language:
        return []
    signers = [organisation for (organisation,) in db.execute(
        f"select distinct organisation from {signatures.TABLE} join organisations on organisations.rowid = "
        "organisation where statement = ? order by coalesce(organisations.n_statements, 0)", [rowid])]
    if len(signers) < MIN_TRANSLATION_ORGANISATIONS:
        return []
    earliest, latest = (_dated(day + timedelta(days=days)) for days in (-TRANSLATION_DAYS, TRANSLATION_DAYS))
    shared = db.execute(
        f"""select s.id, s.date, s.language,
                   (select count(distinct organisation) from {signatures.TABLE} where statement = s.rowid
                    and organisation in (select value from json_each(:signers))),
                   (select count(distinct organisation) from {signatures.TABLE} where statement = s.rowid
                    and organisation is not null)
            from statements as s where s.rowid in (select statement from {signatures.TABLE}
                where organisation in (select value from json_each(:rarest)) and dated between :earliest and :latest
                and statement != :rowid)""",
        {"signers": _json(signers), "rarest": _json(signers[:RAREST_SIGNERS]), "earliest": earliest,
         "latest": latest, "rowid": rowid}).fetchall()
    found = []
    for other, other_date, other_language, together, theirs in shared:
        score = together / (len(signers) + theirs - together)  # within the days: dated says so, but of a month
        if other_language and other_language != language and _day(other_date) is not None \
                and score >= TRANSLATION_SHARED:
            found.append((other, score))
    return found


def _day(iso: str | None) -> date | None:
    """A full date only: a month or a year cannot say that two statements came out within days."""
    try:
        return date.fromisoformat(iso) if iso and len(iso) == 10 else None
    except ValueError:
        return None


def _dated(day: date) -> int:
    return (day.year - signatures.YEAR_ZERO) * signatures.YEAR + day.month * signatures.MONTH + day.day


def _link(db: Database, statement_id: str, other_id: str, kind: str, score: float) -> None:
    score = round(score, 3)
    db.conn.executemany(f"insert or replace into {LINKS} (statement_id, other_id, kind, score) values (?, ?, ?, ?)",
                        [(statement_id, other_id, kind, score), (other_id, statement_id, kind, score)])


def _json(values) -> str:
    return json.dumps(sorted(values))
