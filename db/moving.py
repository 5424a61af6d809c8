"""What moving an old table of text to rows keyed by integers checks first."""

from __future__ import annotations

from sqlite_utils import Database


def refuse_orphans(db: Database, table: str) -> None:
    """Rows whose statement is not stored have no key to move to: the table is kept as it is, and the error says
    how many there are."""
    orphans = db.execute(f"select count(*) from main.[{table}] as old where not exists "
                         "(select 1 from statements where id = old.statement_id)").fetchone()[0]
    if orphans:
        raise ValueError(f"{orphans} {table} name a statement that is not stored: the {table} table is kept as it "
                         "is until they are removed")
