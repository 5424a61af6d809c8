"""What kind of page a document is, and whether it is listed as a statement.

A page is listed (joint_statement, open_letter) on evidence: it has signatories or demands of its own,
and it is not an event, a job offer, a newsletter, or a press release of one organisation (press_release).
Everything else is archived but not listed (other). A label word ("open letter") says which kind a listed
page is; on its own it lists nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import PageKind, Signatory
from .blocks import Block
from .headings import cue_pattern
from .lexicon import kind_labels_in_any_language
from .metadata import issuer_is_named

OPENING_CHARS = 600  # the title and the opening: where a page says what it is
OPENING_BLOCKS = 8
LABEL_ORDER: tuple[PageKind, ...] = ("open_letter", "joint_statement", "press_release")
OTHER_PAGE_CUES = ("event", "job", "newsletter")
MIN_OTHER_PAGE_CUES = 2  # one "took place" or "salary" in a statement's opening proves nothing


@dataclass
class PageEvidence:
    title: str | None
    body: list[Block]
    signatories: list[Signatory] = field(default_factory=list)
    demands: int = 0
    statement_heading: str | None = None  # the heading of a statement the page reprints
    described_as: list[str] = field(default_factory=list)  # a front matter's summary, type or categories

    def opening(self) -> str:
        parts = [self.title or "", self.statement_heading or "", *self.described_as,
                 *(block.text for block in self.body[:OPENING_BLOCKS])]
        return " ".join(parts)[:OPENING_CHARS]


def page_kind(evidence: PageEvidence) -> PageKind:
    if not evidence.signatories and not evidence.demands:
        return "other"
    opening = evidence.opening()
    if evidence.statement_heading is None and _other_page_cues(opening) >= MIN_OTHER_PAGE_CUES:
        return "other"
    label = _label(opening)
    if _single_issuer_release(evidence, opening, label):
        return "press_release"
    return label if label in ("open_letter", "joint_statement") else "joint_statement"


def _label(opening: str) -> PageKind | None:
    labels = kind_labels_in_any_language()
    return next((kind for kind in LABEL_ORDER if labels[kind].search(opening)), None)


def _other_page_cues(opening: str) -> int:
    return len({match.group().casefold() for match in cue_pattern(*OTHER_PAGE_CUES).finditer(opening)})


def _single_issuer_release(evidence: PageEvidence, opening: str, label: PageKind | None) -> bool:
    """A press release that one organisation issues: labelled so, with no sign that several speak together
    (two signing organisations, a word such as "joint" or "signataires", a statement it reprints)."""
    if label != "press_release" and not issuer_is_named(evidence.body):
        return False
    organisations = sum(1 for signatory in evidence.signatories if signatory.kind == "organisation")
    joint = organisations >= 2 or cue_pattern("joint").search(opening) is not None
    return not joint and evidence.statement_heading is None
