"""What kind of page a document is: a joint statement, an open letter, a press release, or other."""

from __future__ import annotations

from ..records import PageKind, Signatory
from .blocks import Block
from .lexicon import kind_labels_in_any_language

LABEL_SEARCH_CHARS = 600  # the title and the opening: where a page says what it is
LABEL_ORDER: tuple[PageKind, ...] = ("open_letter", "joint_statement", "press_release")


def page_kind(title: str | None, body: list[Block], signatories: list[Signatory]) -> PageKind:
    """The kind the page labels itself, else joint_statement when two or more organisations sign."""
    opening = " ".join([title or ""] + [block.text for block in body[:6]])[:LABEL_SEARCH_CHARS]
    labels = kind_labels_in_any_language()
    for kind in LABEL_ORDER:
        if labels[kind].search(opening):
            return kind
    organisations = sum(1 for signatory in signatories if signatory.kind == "organisation")
    return "joint_statement" if organisations >= 2 else "other"
