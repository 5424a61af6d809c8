"""Sources in, statements stored: fetch, parse and save, one document at a time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Protocol

from sqlite_utils import Database

from db import demands as demand_rows
from db.load import Outcome, document_from_row, save, statement_id
from ingest.errors import IngestError
from ingest.fetch import make_client
from ingest.parse import PARSER_VERSION, parse, warm_up
from ingest.records import Statement
from ingest.sources import load_document


class Progress(Protocol):
    """Told how many items there are once that is known, then of each item as it is done."""

    def start(self, total: int) -> None: ...

    def advance(self, item: str, outcome: str) -> None: ...


@dataclass
class Result:
    source: str
    outcome: Outcome | None = None
    statement_id: str | None = None
    statement: Statement | None = None
    error: str | None = None


def add_sources(db: Database, sources: Iterable[str], overrides: dict[str, Any] | None = None,
                encoding: str | None = None) -> Iterator[Result]:
    """Yield one Result per source; a failing source never stops the others."""
    with make_client() as client:
        for source in sources:
            yield _add_one(db, source, client, overrides, encoding)


def _add_one(db: Database, source: str, client, overrides, encoding) -> Result:
    try:
        document = load_document(source, client, overrides, encoding)
        statement = parse(document)
        outcome = save(db, document, statement, PARSER_VERSION)
    except IngestError as error:
        return Result(source, error=error.reason)
    except Exception as error:  # a bug on one input must not lose the rest of the batch
        return Result(source, error=f"internal error ({type(error).__name__}: {error})")
    return Result(source, outcome, statement_id(document), statement)


@dataclass
class ReparseReport:
    documents: int = 0
    outcomes: Counter = field(default_factory=Counter)  # added, updated, unchanged, document_only
    errors: list[tuple[str, str]] = field(default_factory=list)


def reparse(db: Database, progress: Progress | None = None) -> ReparseReport:
    """Parse the newest archived version of every page or file again with the current parser, offline,
    and save what changed."""
    report = ReparseReport()
    warm_up()  # a whole archive is parsed: what the parser loads is loaded once, out of the collector's way
    ids = [row["id"] for row in db.query(LATEST_DOCUMENTS)]  # read first: saving writes to documents
    if progress:
        progress.start(len(ids))
    for doc_id in ids:
        report.documents += 1
        document = document_from_row(db, db["documents"].get(doc_id))
        outcome = _reparse_one(db, document, report)
        if progress:
            progress.advance(document.source, outcome)
    return report


def _reparse_one(db: Database, document, report: ReparseReport) -> str:
    """Parse and save one archived document, counting its outcome in the report; the outcome's name."""
    try:
        statement = parse(document)
        before = _stored(db, statement_id(document))
        outcome = save(db, document, statement, PARSER_VERSION, force=True)
    except Exception as error:  # one bad document must not stop the rest
        report.errors.append((document.source, f"{type(error).__name__}: {error}"))
        return "error"
    changed = outcome is Outcome.UNCHANGED and before != _stored(db, statement_id(document))
    name = "updated" if changed else outcome.name.lower()
    report.outcomes[name] += 1
    return name


# The newest version of each page (by URL) or file (by its bytes, for files added with no URL), the same
# identity as the statement's; a file's stored path is only a label, and two files may share it.
LATEST_DOCUMENTS = """
select id from documents where id in (
  select id from (
    select id, row_number() over (partition by coalesce(url, 'sha256:' || sha256)
                                  order by fetched_at desc, rowid desc) as newest
    from documents
  ) where newest = 1
) order by rowid
"""


def _stored(db: Database, key: str) -> tuple:
    """What a re-parse may change about a statement: its row (less the parse time) and its rows below."""
    row = next(db.query("select * from statements where id = ?", [key]), None)
    if row is None:
        return ()
    row.pop("parsed_at")
    demands = db.execute(f"select {demand_rows.SHOWN} from demands where statement_id = ? order by position",
                         [key]).fetchall()
    signatures = db.execute("select * from signatures where statement_id = ? order by position", [key]).fetchall()
    return (tuple(row.items()), tuple(demands), tuple(signatures))
