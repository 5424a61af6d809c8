"""Typed records that flow through the pipeline: Document in, Statement out."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

SignatoryKind = Literal["organisation", "individual"]
PageKind = Literal["joint_statement", "open_letter", "press_release", "other"]
LISTED_KINDS: tuple[PageKind, ...] = ("joint_statement", "open_letter")  # what is listed as a statement


@dataclass(frozen=True)
class Document:
    """A source exactly as it came in: the raw bytes plus what was known about them."""

    source: str  # the URL or file path as given by the user
    body: bytes
    content_type: str  # text/html, text/markdown or text/plain
    encoding: str
    fetched_at: datetime  # timezone-aware UTC
    url: str | None = None  # final URL after redirects, or the URL the metadata names
    metadata: dict[str, Any] = field(default_factory=dict)  # sidecar / command-line overrides
    status: int | None = None  # HTTP status, for a fetched page
    etag: str | None = None
    last_modified: str | None = None
    # A file's path as stored, relative (never the curator's absolute path); for a page, the URL asked for
    # when it is not the statement's URL.
    path: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    @property
    def text(self) -> str:
        return self.body.decode(self.encoding)


@dataclass
class Demand:
    position: int
    addressee: str | None
    target: str | None
    verb: str | None
    text: str
    action_category: int | None = None  # 1 minimal .. 5 specific, after UPR Info's scale


@dataclass
class Signatory:
    position: int
    name: str
    name_as_written: str
    country: str | None
    kind: SignatoryKind
    role: str | None = None  # a person's role or trade as written after the name
    affiliation: str | None = None  # the organisation a person signs from, where the role names one


@dataclass
class Statement:
    title: str | None
    date: str | None
    publisher: str | None
    language: str | None
    url: str | None
    text: str
    demands: list[Demand] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    stated_signatory_count: int | None = None
    warnings: list[str] = field(default_factory=list)
    kind: PageKind = "other"
    date_updated: str | None = None
    stated_signatory_minimum: int | None = None  # "over 85 groups": a lower bound, never an exact count

    @property
    def needs_review(self) -> bool:
        """Whatever the parser was unsure of, it said in a warning."""
        return bool(self.warnings)

    @property
    def organisations(self) -> list[Signatory]:
        return [signatory for signatory in self.signatories if signatory.kind == "organisation"]

    @property
    def individuals(self) -> list[Signatory]:
        return [signatory for signatory in self.signatories if signatory.kind == "individual"]

    @property
    def is_statement(self) -> bool:
        """Listed as a statement: the parser found it signed or making demands, and not an event, a job offer,
        a newsletter or one organisation's press release (parse/kinds.py)."""
        return self.kind in LISTED_KINDS

    def to_json(self) -> dict[str, Any]:
        """The stable `undersigned parse --format json` contract (keys are only ever added)."""
        return {**asdict(self), "needs_review": self.needs_review}


# The most a short field may hold: a title is a line, a name a few words. A page that puts two
# megabytes in its title is not what it seems, and the title would fill every listing and search.
SHORT_FIELDS = {"title": 500, "publisher": 300}
SIGNATORY_FIELDS = {"name": 300, "name_as_written": 300}
DEMAND_FIELDS = {"addressee": 300, "target": 300, "verb": 50}


def bound_short_fields(statement: Statement) -> None:
    """Cut each short field that is longer than its bound to its beginning, and say so in a warning."""
    records: list[tuple[Any, dict[str, int], str]] = [(statement, SHORT_FIELDS, "")]
    records += [(s, SIGNATORY_FIELDS, f"signatory {s.position}: ") for s in statement.signatories]
    records += [(d, DEMAND_FIELDS, f"demand {d.position}: ") for d in statement.demands]
    for record, limits, where in records:
        for name, limit in limits.items():
            value = getattr(record, name)
            if value is not None and len(value) > limit:
                setattr(record, name, value[:limit])
                statement.warnings.append(f"{where}{name} was {len(value):,} characters long; its first {limit} "
                                          "were kept")
