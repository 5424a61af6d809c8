"""Typed records that flow through the pipeline: Document in, Statement out."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

SignatoryKind = Literal["organisation", "individual"]
PageKind = Literal["joint_statement", "open_letter", "press_release", "other"]


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
    def is_statement(self) -> bool:
        """Labelled a joint statement or open letter, or signed by two or more organisations."""
        return self.kind in ("joint_statement", "open_letter") or len(self.organisations) >= 2

    def to_json(self) -> dict[str, Any]:
        """The stable `undersigned parse --format json` contract (keys are only ever added)."""
        return {**asdict(self), "needs_review": self.needs_review}
