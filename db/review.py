"""What the rules about organisations leave open, for a maintainer; and the maintainer's decisions, written
to the curation file (db/curation/aliases.json) and applied to the database."""

from __future__ import annotations

import json
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from ingest.orgnames import normal_form
from ingest.parse.countries import fold

from . import organisations, resolve, signatures


@dataclass(frozen=True)
class MergeCandidate:
    score: float
    first: dict
    second: dict
    verdict: str  # why the rules keep them apart, or "review" where only a maintainer can tell


@dataclass(frozen=True)
class Unplaced:
    """A name given without a country, beside namesakes that are placed."""

    organisation: dict
    candidates: list[dict]  # the namesakes it may be (for review), or those the rules weighed
    verdict: str  # "review: ...", or what the rules decided


class DecisionError(ValueError):
    """A --merge or --keep-apart the database cannot take: an unknown id, or an organisation with itself."""


def merge_candidates(db: Database, threshold: float = 88.0) -> list[MergeCandidate]:
    """Pairs of organisations whose names are alike (rapidfuzz proposes), with what the rules say."""
    rows = [dict(row) for row in db.query("select id, name, country, name_key from organisations order by id")]
    forms = [normal_form(row["name"]) for row in rows]
    found = []
    for i, form in enumerate(forms):
        for _, score, j in process.extract(form, forms, scorer=fuzz.token_sort_ratio, score_cutoff=threshold,
                                           limit=None):
            if i < j:
                found.append(MergeCandidate(float(score), rows[i], rows[j], _verdict(db, rows[i], rows[j])))
    return sorted(found, key=lambda candidate: (-candidate.score, candidate.first["id"]))


def _verdict(db: Database, first: dict, second: dict) -> str:
    names = organisations.curation()
    if names.apart(first["id"], second["id"]):
        return "kept apart: curated keep_apart"
    if fold(first["name"]) in names.not_same or fold(second["name"]) in names.not_same:
        return "kept apart: curated not_same"
    if first["country"] and second["country"] and first["country"] != second["country"]:
        return f"kept apart: different countries ({first['country']}, {second['country']})"
    if first["name_key"] == second["name_key"] and bool(first["country"]) != bool(second["country"]):
        unplaced, placed = (first, second) if first["country"] is None else (second, first)
        if resolve.co_signed(db, unplaced["id"], placed["id"]):
            return "kept apart: a national chapter and its parent (they signed together)"
        return "kept apart: a name without a country, and namesakes in several countries (listed above)"
    return "review"


def unplaced_names(db: Database) -> list[Unplaced]:
    """Every organisation named without a country that has namesakes in some country: where it could be
    one of several (review), where it signed beside its only namesake (kept apart), and where it joined
    the one organisation of its name (joined)."""
    curation = organisations.curation()
    unplaced = [dict(row) for row in db.query(
        "select id, name, country, name_key, n_statements from organisations where country is null and id = name_key "
        "and name_key in (select name_key from organisations where country is not null) order by id")]
    found = []
    for row in unplaced:
        namesakes = db.execute("select id, name_key, country, n_statements from organisations where name_key = ?",
                               [row["name_key"]]).fetchall()
        weighed = resolve.unplaced_candidates(row["id"], namesakes, curation)
        candidates = [key for key in weighed if not resolve.co_signed(db, row["id"], key)]
        if candidates:
            described = [_organisation(db, key) for key in candidates]
            verdict = f"review: it may be any of its namesakes in {len({c['country'] for c in described})} countries"
        else:
            placed = sorted(key for key, _, country, _ in namesakes if country is not None)
            described = [_organisation(db, key) for key in placed]
            verdict = ("kept apart: it signed beside each namesake (a parent and its chapters)" if weighed
                       else "kept apart: a curated decision, or its namesakes have no signatures of their own")
        found.append(Unplaced(row, described, verdict))
    for old, target in db.execute("select old_id, organisation_id from organisation_redirects where reason = ? "
                                  "order by old_id", [resolve.JOINED]).fetchall():
        found.append(Unplaced({"id": old, "name": _written(db, old), "country": None}, [_organisation(db, target)],
                              "joined: the one organisation of that name"))
    return found


def _organisation(db: Database, key: str) -> dict:
    return dict(next(db.query("select id, name, country, n_statements from organisations where id = ?", [key])))


def _written(db: Database, key: str) -> str:
    row = db.execute("select name_as_written from signatures where unplaced_id = ? limit 1", [key]).fetchone()
    return row[0] if row else key


def decide(db: Database, first: str, second: str, same: bool) -> str:
    """Record that two organisations are one (same) or two, in the curation file, and apply it; returns
    what was done, in a sentence."""
    if first == second:
        raise DecisionError(f"{first}: an organisation is always the same as itself")
    for key in (first, second):
        if not _known(db, key):
            raise DecisionError(f"{key}: no such organisation (nor an id that was one)")
    data = json.loads(organisations.CURATION_PATH.read_text("utf-8"))
    merge, apart = data.setdefault("merge", {}), data.setdefault("keep_apart", [])
    apart[:] = [pair for pair in apart if set(pair) != {first, second}]
    for one, other in ((first, second), (second, first)):
        if merge.get(one) == other:
            del merge[one]
    if same:
        merge[first] = second
    else:
        apart.append(sorted((first, second)))
    organisations.CURATION_PATH.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    organisations.forget_curation()
    with db.atomic():
        return _apply(db, first, second, same)


def _apply(db: Database, first: str, second: str, same: bool) -> str:
    curation = organisations.curation()
    target = _current(db, second)
    keys = {row[0] for row in db.execute("select name_key from organisations where id in (?, ?)",
                                         [_current(db, first), target])} | {first, second}
    recount: set[str] = set()
    if same:
        if _exists(db, first):
            recount |= resolve.merge_into(db, first, target, resolve.CURATED)
        else:  # a name without a country that had joined another namesake
            recount.add(_current(db, first))
            db.execute(f"update {signatures.TABLE} set organisation = {signatures.ORGANISATION}, unplaced_id = null "
                       "where unplaced_id = ?", [target, first])
            resolve.redirect(db, first, target, resolve.CURATED)
            recount.add(target)
    recount |= resolve.resolve(db, keys, curation)
    organisations.refresh(db, {key for key in recount if _exists(db, key)})
    if same:
        return f"{first} is now {target}: recorded in {organisations.CURATION_PATH.name} and applied"
    merged = db.execute("select 1 from organisation_redirects where old_id in (?, ?) and reason = ?",
                        [first, second, resolve.CURATED]).fetchone()
    note = ("; the two were merged by an earlier decision: run `undersigned organisations --apply-curation` to "
            "part their signatures" if merged else "")
    return f"{first} and {second} are kept apart: recorded in {organisations.CURATION_PATH.name}{note}"


def _known(db: Database, key: str) -> bool:
    return _exists(db, key) or db.execute("select 1 from organisation_redirects where old_id = ?",
                                          [key]).fetchone() is not None


def _exists(db: Database, key: str) -> bool:
    return db.execute("select 1 from organisations where id = ?", [key]).fetchone() is not None


def _current(db: Database, key: str) -> str:
    row = db.execute("select organisation_id from organisation_redirects where old_id = ?", [key]).fetchone()
    return row[0] if row else key
