"""The rules about organisations that need the whole database in view, and the redirects they leave.

- The same name in the same country is one row: two rows that agree on both are merged.
- A name given without a country joins the one organisation of that name (in some country) when there
  is only one, it never signed a statement beside it (a parent beside its chapter), and no curated
  decision keeps them apart. Where namesakes in two countries exist, it stays apart, for review.
  Whether it joins is decided again whenever its name is saved, so the outcome does not depend on the
  order statements came in: a second namesake later puts it back on its own.
- An id that stops being an organisation's (merged, joined, or renamed by the rules) is kept in
  organisation_redirects, pointing to the organisation's id now, so that old links still resolve.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import datetime, timezone
from typing import Iterable

from sqlite_utils import Database

from ingest.orgnames import Curation, identify, name_key_of

from .signatures import ORGANISATION, PEOPLE, TABLE

JOINED = "joined: a name without a country, and the one organisation of that name"
SAME_PLACE = "merged: the same name in the same country"
RENAMED = "renamed: the rules give this organisation another id"
CURATED = "merged: a curated decision"
COLUMNS = ("name", "country", "country_source", "city", "kind", "lat", "lon", "n_statements", "first_signed",
           "last_signed", "name_key")


def redirect(db: Database, old: str, new: str, reason: str) -> None:
    """old now resolves to new; whatever resolved to old resolves to new too."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    db.execute("delete from organisation_redirects where old_id = ?", [new])
    db.execute("update organisation_redirects set organisation_id = ? where organisation_id = ?", [new, old])
    db.execute("insert into organisation_redirects (old_id, organisation_id, reason, recorded_at) values (?, ?, ?, ?) "
               "on conflict (old_id) do update set organisation_id = excluded.organisation_id, "
               "reason = excluded.reason, recorded_at = excluded.recorded_at", [old, new, reason, now])


def merge_into(db: Database, old: str, new: str, reason: str) -> set[str]:
    """Every signature of old becomes new's (new is made from old's row if it has none); old redirects to
    new. Returns the organisations to recount."""
    if old == new:
        return set()
    columns = ", ".join(COLUMNS)
    db.execute(f"insert or ignore into organisations (id, {columns}) select ?, {columns} from organisations "
               "where id = ?", [new, old])
    db.execute(f"update {TABLE} set organisation = {ORGANISATION} where organisation = {ORGANISATION}", [new, old])
    db.execute(f"update {PEOPLE} set affiliation_id = ? where affiliation_id = ?", [new, old])
    redirect(db, old, new, reason)
    db.execute("delete from organisation_names where organisation_id = ?", [old])
    db.execute("delete from organisations where id = ?", [old])
    return {new}


def retire_renamed(db: Database, moved: dict[str, Counter]) -> None:
    """An organisation whose printed names were all saved under another id since (the rules changed, or a
    curated decision did) leaves a redirect to that id rather than an empty row."""
    for old, successors in moved.items():
        if _signed_by(db, old):
            continue
        for new, _ in successors.most_common():
            if _exists(db, new) and new != old:
                merge_into(db, old, new, RENAMED)
                break


def resolve(db: Database, name_keys: Iterable[str], curation: Curation) -> set[str]:
    """Apply the rules to the organisations of these name keys; returns the organisations to recount."""
    recount: set[str] = set()
    keys = sorted(set(name_keys))
    for start in range(0, len(keys), 500):
        chunk = json.dumps(keys[start:start + 500])
        rows = db.execute("select id, name_key, country, n_statements from organisations "
                          "where name_key in (select value from json_each(?))", [chunk]).fetchall()
        joined = dict(db.execute("select old_id, organisation_id from organisation_redirects where reason = ? "
                                 "and old_id in (select value from json_each(?))", [JOINED, chunk]).fetchall())
        by_key = defaultdict(list)
        for row in rows:
            by_key[row[1]].append(row)
        for key, found in by_key.items():
            kept, merged = _one_row_per_country(db, found, curation)
            recount |= merged
            recount |= _place_unplaced(db, key, kept, joined.get(key), curation)
        for key in joined.keys() - by_key.keys():  # joined, and its namesake gone since
            recount |= _place_unplaced(db, key, [], joined[key], curation)
    return recount


def _one_row_per_country(db: Database, rows: list[tuple], curation: Curation) -> tuple[list[tuple], set[str]]:
    """Rows of one name key that share a country are one organisation: the smallest id keeps them."""
    by_country = defaultdict(list)
    for row in rows:
        by_country[row[2]].append(row)
    kept, recount = [], set()
    for country, group in by_country.items():
        group.sort()
        keeper = group[0]
        kept.append(keeper)
        for other in group[1:]:
            if country is None or curation.apart(keeper[0], other[0]):
                kept.append(other)
            else:
                recount |= merge_into(db, other[0], keeper[0], SAME_PLACE)
    return kept, recount


def unplaced_candidates(key: str, rows: list[tuple], curation: Curation) -> list[str]:
    """The organisations of this name in some country that the name without a country may be: those
    with signatures of their own, that no curated decision keeps apart from it."""
    return sorted(row[0] for row in rows if row[2] is not None and row[0] != key and (row[3] or 0) > 0
                  and not curation.apart(key, row[0]))


def _place_unplaced(db: Database, key: str, rows: list[tuple], joined_to: str | None, curation: Curation) -> set[str]:
    """The name key's organisation without a country joins its one namesake, or stays (or goes back) apart."""
    unplaced = any(row[0] == key and row[2] is None for row in rows)
    if not unplaced and joined_to is None:
        return set()
    candidates = unplaced_candidates(key, rows, curation)
    target = candidates[0] if len(candidates) == 1 and not co_signed(db, key, candidates[0]) else key
    current = key if unplaced else joined_to
    if target == current:
        return set()
    if target == key:
        return _apart(db, key, current)
    if current == key:
        db.execute(f"update {TABLE} set organisation = {ORGANISATION}, unplaced_id = ? "
                   f"where organisation = {ORGANISATION}", [target, key, key])
        return merge_into(db, key, target, JOINED)
    db.execute(f"update {TABLE} set organisation = {ORGANISATION} where unplaced_id = ?", [target, key])
    redirect(db, key, target, JOINED)
    return {current, target}


def _apart(db: Database, key: str, joined_to: str) -> set[str]:
    """A name without a country that had joined an organisation is one of its own again."""
    written = db.execute("select name_as_written from signatures where unplaced_id = ? limit 1", [key]).fetchone()
    identity = identify(written[0] if written else key, None)
    db.execute("insert or ignore into organisations (id, name, kind, country_source, name_key) "
               "values (?, ?, 'organisation', 'unknown', ?)", [key, identity.name, key])
    db.execute("delete from organisation_redirects where old_id = ?", [key])
    db.execute(f"update {TABLE} set organisation = {ORGANISATION}, unplaced_id = null where unplaced_id = ?",
               [key, key])
    return {key, joined_to}


def co_signed(db: Database, key: str, other: str) -> bool:
    """Whether a statement is signed both by the name without a country and by the other organisation
    under a name of its own: then they are two (a parent and its chapter)."""
    theirs = ("exists (select 1 from signatures as theirs where theirs.statement_id = ours.statement_id "
              "and theirs.organisation_id = :other and theirs.unplaced_id is null)")
    return bool(db.execute(f"select exists (select 1 from signatures as ours where ours.organisation_id = :key "
                           f"and ours.unplaced_id is null and {theirs}) or exists (select 1 from signatures as ours "
                           f"where ours.unplaced_id = :key and {theirs})", {"key": key, "other": other}).fetchone()[0])


def bring_up_to_date(db: Database, curation: Curation) -> None:
    """A database saved under earlier rules: each organisation gains its name key and takes the id the
    rules give it now (the old one redirects), then the rules across the database apply."""
    from .organisations import refresh

    chosen = set(curation.aliases.values()) | set(curation.merged.values())
    with db.atomic():
        renames, keys = [], set()
        for key, name, country in db.execute("select id, name, country from organisations").fetchall():
            identity = identify(name, country, curation)
            own = "--" not in key and key not in chosen
            name_key = identity.name_key if own else name_key_of(key)
            db.execute("update organisations set name_key = ? where id = ?", [name_key, key])
            keys.add(name_key)
            if own and identity.key != key:
                renames.append((key, identity.key))
        recount = set()
        for old, new in renames:
            recount |= merge_into(db, old, new, RENAMED)
        refresh(db, recount)
        refresh(db, resolve(db, keys, curation))


def _signed_by(db: Database, key: str) -> bool:
    return db.execute("select exists (select 1 from signatures where organisation_id = ?) or exists "
                      "(select 1 from signatures where affiliation_id = ?)", [key, key]).fetchone()[0] == 1


def _exists(db: Database, key: str) -> bool:
    return db.execute("select 1 from organisations where id = ?", [key]).fetchone() is not None
