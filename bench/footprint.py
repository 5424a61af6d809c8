"""What each table and index of a database file costs, whole and per statement, from SQLite's dbstat.

`python -m bench.footprint FILE` prints, for the knowledge base FILE and for its archive beside it, every
table and index (a full-text index's shadow tables under its name) with its bytes on disk and bytes per
statement, and what the archived bodies weigh before compression.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
from pathlib import Path

from db.archive import archive_path, raw_size

FTS_SHADOW = re.compile(r"^(\w+_fts)_(data|idx|docsize|config|content)$")


def footprint(path: Path) -> dict[str, int]:
    """Bytes on disk of each table and index, shadow tables counted with their full-text index."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("select name, sum(pgsize) from dbstat group by name").fetchall()
    finally:
        conn.close()
    sizes: dict[str, int] = {}
    for name, size in rows:
        shadow = FTS_SHADOW.match(name)
        owner = shadow.group(1) if shadow else name
        sizes[owner] = sizes.get(owner, 0) + size
    return dict(sorted(sizes.items(), key=lambda item: -item[1]))


def sizes(path: Path) -> dict[str, int]:
    """The knowledge base's bytes, its archive's, and the archived bodies' before compression."""
    found = archive_path(path)
    conn = sqlite3.connect(f"file:{found}?mode=ro", uri=True)
    try:
        raw = sum(raw_size(body) for body, in conn.execute("select body from documents"))
    finally:
        conn.close()
    return {"bytes": path.stat().st_size, "archive bytes": found.stat().st_size, "raw body bytes": raw}


def statements_in(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("select count(*) from statements").fetchone()[0]
    finally:
        conn.close()


def report(path: Path) -> str:
    """Every table and index of a knowledge base and of its archive."""
    statements = statements_in(path)
    found = sizes(path)
    lines = [f"{statements:,} statements; archived bodies {found['raw body bytes'] / 2**20:,.1f} MiB before "
             f"compression, {found['raw body bytes'] / statements:,.0f} bytes a statement"]
    for file in (path, archive_path(path)):
        total = file.stat().st_size
        lines.append(f"\n{file.name}: {total / 2**20:,.1f} MiB, {total / statements:,.0f} bytes a statement")
        lines += [f"  {name:48} {size / 2**20:10,.2f} MiB {size / statements:9,.0f} B/statement"
                  for name, size in footprint(file).items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="The knowledge base; its archive is read beside it.")
    print(report(parser.parse_args(argv).file))


if __name__ == "__main__":
    main()
