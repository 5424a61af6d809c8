"""Organisations as entities: identities for signatures, and each organisation's names and record."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from sqlite_utils import Database

from ingest.orgnames import Curation, Identity, acronyms, identify
from ingest.records import Signatory

CURATION_PATH = Path(__file__).parent / "curation" / "aliases.json"


@cache
def curation() -> Curation:
    return Curation.from_json(json.loads(CURATION_PATH.read_text("utf-8")))


def forget_curation() -> None:
    """After the curation file changed: read it again, and resolve names with it."""
    curation.cache_clear()
    _identity.cache_clear()


def identities(signatories: list[Signatory]) -> list[Identity]:
    return [_identity(s.name_as_written, s.country) for s in signatories]


@lru_cache(maxsize=200_000)
def _identity(written: str, statement_country: str | None) -> Identity:
    """identify() is pure given the curation, and the same names recur statement after statement."""
    return identify(written, statement_country, curation())


def organisation_row(identity: Identity) -> dict:
    return {"id": identity.key, "name": identity.name, "kind": "organisation", "country": identity.country,
            "country_source": identity.country_source, "city": identity.city, "lat": identity.lat,
            "lon": identity.lon, "name_key": identity.name_key}


def store_identities(db: Database, found: list[Identity]) -> None:
    """New organisations get a row; a known one gains a country if it had none, never loses one."""
    rows = [organisation_row(identity) for identity in found]
    db.conn.executemany(
        "insert or ignore into organisations (id, name, kind, country, country_source, city, lat, lon, name_key) "
        "values (:id, :name, :kind, :country, :country_source, :city, :lat, :lon, :name_key)", rows)
    db.conn.executemany(
        "update organisations set country = :country, country_source = :country_source, city = :city, "
        "lat = :lat, lon = :lon where id = :id and country is null", [row for row in rows if row["country"]])


def affiliation_id(db: Database, affiliation: str | None, signed: list[tuple[Identity, str]]) -> str | None:
    """The organisation a person signs from, where it resolves: one the statement's own list names (by
    its name, or an acronym written with it), else the one organisation of that name in the database."""
    if not affiliation:
        return None
    if affiliation.count("(") > affiliation.count(")"):  # "on behalf of Third World Network (TWN)" cut short
        affiliation += ")"
    wanted = _identity(affiliation, None)
    written = affiliation.strip().casefold()
    in_statement = {organisation for identity, organisation in signed
                    if identity.name_key == wanted.name_key or written in acronyms(identity.name)}
    if len(in_statement) == 1:
        return in_statement.pop()
    if in_statement:
        return None
    rows = db.execute("select id, country from organisations where name_key = ?", [wanted.name_key]).fetchall()
    placed = [key for key, country in rows if wanted.country and country == wanted.country]
    return rows[0][0] if len(rows) == 1 else placed[0] if len(placed) == 1 else None


@dataclass
class _Signed:
    statements: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)
    names: Counter = field(default_factory=Counter)


@dataclass
class Saved:
    """What one saved statement changed about organisations."""

    statement_id: str
    signed_before: set[str]  # its organisations until now
    date: str | None = None
    signed_now: list[tuple[str, str]] = field(default_factory=list)  # (organisation, name as written)
    stored: dict[str, bool] = field(default_factory=dict)  # organisations it wrote: whether with a country
    name_keys: set[str] = field(default_factory=set)  # the name keys of its organisations, before and after
    moved: list[tuple[str, str]] = field(default_factory=list)  # (old, new) organisation of one printed name


class Changes:
    """Who signed what in one batch of saves, so that organisation records are brought up to date once.

    An organisation that only gained signatures on statements new to it is updated by increments; one
    that lost any (a statement re-parsed or withdrawn) is recounted from the signatures table. Then the
    rules that need the whole database (db/resolve.py) run over the names the batch touched.
    """

    def __init__(self) -> None:
        self.recount: set[str] = set()
        self.stored: dict[str, bool] = {}  # organisations written in this batch: whether with a country
        self.added: dict[str, tuple[str | None, list[tuple[str, str]]]] = {}  # statement -> date, signatures
        self.name_keys: set[str] = set()
        self.moved: defaultdict[str, Counter] = defaultdict(Counter)  # old id -> the ids its names went to
        self.redirects: dict[str, str | None] = {}  # ids asked of organisation_redirects in this batch
        self.any_redirects: bool | None = None  # whether there are any: most databases have few or none

    def redirected(self, db: Database, keys: set[str]) -> dict[str, str | None]:
        """Where each key's signatures go now: the organisation an old id was merged into or a name without
        a country joined, or None where the key is its own. Redirects change only when the batch ends."""
        if self.any_redirects is None:
            self.any_redirects = db.execute("select exists (select 1 from organisation_redirects)").fetchone()[0]
        if not self.any_redirects:
            return dict.fromkeys(keys)
        wanted = sorted(keys - self.redirects.keys())
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            found = dict(db.execute("select old_id, organisation_id from organisation_redirects where old_id in "
                                    "(select value from json_each(?))", [json.dumps(chunk)]).fetchall())
            self.redirects.update({key: found.get(key) for key in chunk})
        return {key: self.redirects[key] for key in keys}

    def record(self, saved: Saved) -> None:
        for key, located in saved.stored.items():
            self.stored[key] = self.stored.get(key, False) or located
        earlier = self.added.pop(saved.statement_id, None)
        self.recount |= saved.signed_before | {org for org, _ in (earlier[1] if earlier else [])}
        if saved.signed_now:
            self.added[saved.statement_id] = (saved.date, saved.signed_now)
        self.name_keys |= saved.name_keys
        for old, new in saved.moved:
            self.moved[old][new] += 1

    def apply(self, db: Database) -> None:
        from . import resolve

        refresh(db, self.recount)
        gains = self._gains()
        db.conn.executemany(  # scalar min() and max() are null if either side is: coalesce takes the other
            "update organisations set n_statements = coalesce(n_statements, 0) + :n, "
            "first_signed = coalesce(min(first_signed, :first), first_signed, :first), "
            "last_signed = coalesce(max(last_signed, :last), last_signed, :last) where id = :id",
            [{"n": len(s.statements), "first": min(s.dates, default=None), "last": max(s.dates, default=None),
              "id": org} for org, s in gains.items()])
        db.conn.executemany(
            "insert into organisation_names (organisation_id, name_as_written, n_signatures) values (?, ?, ?) "
            "on conflict (organisation_id, name_as_written) do update set "
            "n_signatures = n_signatures + excluded.n_signatures",
            [(org, name, n) for org, s in gains.items() for name, n in s.names.items()])
        resolve.retire_renamed(db, self.moved)
        refresh(db, resolve.resolve(db, self.name_keys, curation()))

    def _gains(self) -> dict[str, _Signed]:
        gains: dict[str, _Signed] = defaultdict(_Signed)
        for statement_id, (date, signed) in self.added.items():
            for org, name in signed:
                if org in self.recount:
                    continue
                gain = gains[org]
                if statement_id not in gain.statements:
                    gain.statements.add(statement_id)
                    if date:
                        gain.dates.append(date)
                gain.names[name] += 1
        return gains


def refresh(db: Database, organisation_ids: set[str]) -> None:
    """Recount the statements, first and last signing, and names as written of these organisations."""
    ids = sorted(organisation_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        db.execute(f"""update organisations set
            n_statements = (select count(distinct coalesce(statements.copy_of, statements.id)) from signature_rows
                            join statements on statements.rowid = statement
                            where organisation = organisations.rowid),
            first_signed = (select min(statements.date) from signature_rows join statements
                            on statements.rowid = statement where organisation = organisations.rowid),
            last_signed = (select max(statements.date) from signature_rows join statements
                           on statements.rowid = statement where organisation = organisations.rowid)
            where id in ({marks})""", chunk)
        db.execute(f"delete from organisation_names where organisation_id in ({marks})", chunk)
        db.execute(f"""insert into organisation_names (organisation_id, name_as_written, n_signatures)
            select organisation_id, name_as_written, count(*) from signatures
            where organisation_id in ({marks}) group by organisation_id, name_as_written""", chunk)
