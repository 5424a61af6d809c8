"""Sources in, statements stored: fetch, parse and save, one document at a time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from sqlite_utils import Database

from db.load import Outcome, save, statement_id
from ingest.errors import IngestError
from ingest.fetch import make_client
from ingest.parse import PARSER_VERSION, parse
from ingest.records import Statement
from ingest.sources import load_document


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
