"""The home page beside a plain table page, in one run: `python -m bench.home_page DB [--rounds N] [--mutable]`.

Both through `undersigned serve` over HTTP on 127.0.0.1 (immutable unless --mutable), interleaved, after a
warm-up; and the home page's queries run raw on the same file (db.home.home), for what Datasette adds. The
home page keeps its figures until the file changes: "the file just changed" touches the file (its mtime
only) before each request, so that each of those requests counts everything again."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
from pathlib import Path

import httpx

from db import home
from db.settings import CONNECTION_PRAGMAS

from .serving import Server, _getter, _summary, _time_each

PAGES = {"home page": "/", "statements table page": "/undersigned/statements",
         "organisations table page": "/undersigned/organisations"}
BASELINE = "statements table page"


def measure(db_path: Path, rounds: int, immutable: bool) -> dict:
    raw = sqlite3.connect(f"file:{db_path}?mode=ro" + ("&immutable=1" if immutable else ""), uri=True,
                          check_same_thread=False)
    for pragma in CONNECTION_PRAGMAS:
        raw.execute(pragma)
    server = Server(db_path, immutable=immutable)
    try:
        server.wait()
        with httpx.Client(base_url=server.url, timeout=60) as client:
            ways = {name: _getter(client, path) for name, path in PAGES.items()}
            ways["home page, the file just changed"] = _after_a_change(db_path, _getter(client, "/"))
            ways["home page's queries, raw"] = lambda: home.home(raw)
            timings = _summary(_time_each(ways, rounds))
    finally:
        server.stop()
        raw.close()
    statements = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True).execute(
        "select count(*) from statements").fetchone()[0]
    return {"statements": statements, "immutable": immutable, "timings": timings,
            "ratios": {f"{name} / {BASELINE}": {p: round(timings[name][p] / timings[BASELINE][p], 2)
                                                for p in ("p50_ms", "p95_ms")}
                       for name in timings if name != BASELINE}}


def _after_a_change(db_path: Path, get):
    def touched_then_get() -> None:
        os.utime(db_path)
        get()
    return touched_then_get


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--mutable", action="store_true", help="serve it writable, as `undersigned serve` does")
    options = parser.parse_args()
    report = measure(options.db, options.rounds, immutable=not options.mutable)
    print(f"{report['statements']:,} statements, {'immutable' if report['immutable'] else 'mutable'}, "
          f"{options.rounds} rounds")
    for name, timing in report["timings"].items():
        print(f"  {name:40} p50 {timing['p50_ms']:8.1f} ms   p95 {timing['p95_ms']:8.1f} ms")
    for name, ratio in report["ratios"].items():
        print(f"  {name:62} p50 {ratio['p50_ms']:5.2f}   p95 {ratio['p95_ms']:5.2f}")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
