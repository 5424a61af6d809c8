"""Organisations as entities: identities for signatures, and each organisation's names and record."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlite_utils import Database

from ingest.orgnames import Curation, Identity, identify, normal_form
from ingest.parse.countries import fold
from ingest.records import Signatory

CURATION_PATH = Path(__file__).parent / "curation" / "aliases.json"


@cache
def curation() -> Curation:
    return Curation.from_json(json.loads(CURATION_PATH.read_text("utf-8")))


def identities(signatories: list[Signatory]) -> list[Identity]:
    return [_identity(s.name_as_written, s.country) for s in signatories]


@lru_cache(maxsize=200_000)
def _identity(written: str, statement_country: str | None) -> Identity:
    """identify() is pure given the curation, and the same names recur statement after statement."""
    return identify(written, statement_country, curation())


def organisation_row(identity: Identity) -> dict:
    return {"id": identity.key, "name": identity.name, "kind": "organisation", "country": identity.country,
            "country_source": identity.country_source, "city": identity.city, "lat": identity.lat,
            "lon": identity.lon}


def store_identities(db: Database, found: list[Identity]) -> None:
    """New organisations get a row; a known one gains a country if it had none, never loses one."""
    rows = [organisation_row(identity) for identity in found]
    db.conn.executemany(
        "insert or ignore into organisations (id, name, kind, country, country_source, city, lat, lon) "
        "values (:id, :name, :kind, :country, :country_source, :city, :lat, :lon)", rows)
    db.conn.executemany(
        "update organisations set country = :country, country_source = :country_source, city = :city, "
        "lat = :lat, lon = :lon where id = :id and country is null", [row for row in rows if row["country"]])


@dataclass
class _Signed:
    statements: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)
    names: Counter = field(default_factory=Counter)


class Changes:
    """Who signed what in one batch of saves, so that organisation records are brought up to date once.

    An organisation that only gained signatures on statements new to it is updated by increments; one
    that lost any (a statement re-parsed or withdrawn) is recounted from the signatures table.
    """

    def __init__(self) -> None:
        self.recount: set[str] = set()
        self.stored: dict[str, bool] = {}  # organisations written in this batch: whether with a country
        self.added: dict[str, tuple[str | None, list[tuple[str, str]]]] = {}  # statement -> date, signatures

    def record(self, statement_id: str, signed_before: set[str], date: str | None,
               signed_now: list[tuple[str, str]], stored: dict[str, bool] | None = None) -> None:
        """A statement was saved: signed_before were its organisations until now, signed_now its
        (organisation, name as written) pairs from now on, stored the organisations it wrote."""
        for key, located in (stored or {}).items():
            self.stored[key] = self.stored.get(key, False) or located
        earlier = self.added.pop(statement_id, None)
        self.recount |= signed_before | {org for org, _ in (earlier[1] if earlier else [])}
        if signed_now:
            self.added[statement_id] = (date, signed_now)

    def apply(self, db: Database) -> None:
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
            n_statements = (select count(distinct statement_id) from signatures
                            where organisation_id = organisations.id),
            first_signed = (select min(statements.date) from signatures join statements
                            on statements.id = signatures.statement_id where organisation_id = organisations.id),
            last_signed = (select max(statements.date) from signatures join statements
                           on statements.id = signatures.statement_id where organisation_id = organisations.id)
            where id in ({marks})""", chunk)
        db.execute(f"delete from organisation_names where organisation_id in ({marks})", chunk)
        db.execute(f"""insert into organisation_names (organisation_id, name_as_written, n_signatures)
            select organisation_id, name_as_written, count(*) from signatures
            where organisation_id in ({marks}) group by organisation_id, name_as_written""", chunk)


@dataclass(frozen=True)
class MergeCandidate:
    score: float
    first: dict
    second: dict
    verdict: str  # why the rules keep them apart, or "review" where only a maintainer can tell


def merge_candidates(db: Database, threshold: float = 88.0) -> list[MergeCandidate]:
    """Pairs of organisations whose names are alike (rapidfuzz proposes), with what the rules say."""
    rows = [dict(row) for row in db.query("select id, name, country from organisations order by id")]
    forms = [normal_form(row["name"]) for row in rows]
    found = []
    for i, form in enumerate(forms):
        for _, score, j in process.extract(form, forms, scorer=fuzz.token_sort_ratio, score_cutoff=threshold,
                                           limit=None):
            if i < j:
                found.append(MergeCandidate(float(score), rows[i], rows[j], _verdict(rows[i], rows[j])))
    return sorted(found, key=lambda candidate: (-candidate.score, candidate.first["id"]))


def _verdict(first: dict, second: dict) -> str:
    names = curation()
    if fold(first["name"]) in names.not_same or fold(second["name"]) in names.not_same:
        return "kept apart: curated not_same"
    if first["country"] and second["country"] and first["country"] != second["country"]:
        return f"kept apart: different countries ({first['country']}, {second['country']})"
    if bool(first["country"]) != bool(second["country"]) and \
            (first["id"].startswith(second["id"] + "-") or second["id"].startswith(first["id"] + "-")):
        return "kept apart: a national chapter and its parent"
    return "review"
