"""Crawl throughput against the local WordPress-like site, beside the bound concurrency / latency.

    python -m bench.crawl_speed [--posts N] [--latency SECONDS] [--concurrency 1 2 4] [--json FILE]

Each run crawls a fresh database from a site served by a process of its own: discovery through
the REST API, then every post page fetched, parsed and saved. Pages per second counts post pages
over the whole crawl, discovery included.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from contextlib import contextmanager
from multiprocessing import Pipe, Process
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Iterator

from db.schema import open_database
from ingest.http import Politeness
from tests.wordpress_site import WordPressSite, make_posts
from undersigned.crawl import CrawlOptions, crawl


def _serve(posts: int, latency: float, connection: Connection) -> None:
    """The site in a process of its own: in the crawler's process it would share the GIL with the
    client being measured, as no real site does."""
    with WordPressSite(make_posts(posts - posts // 10, posts // 10), latency=latency) as site:
        connection.send(site.url)
        connection.recv()  # until the benchmark is done with it
        connection.send(site.max_in_flight)


@contextmanager
def served(posts: int, latency: float) -> Iterator[tuple[str, Connection]]:
    ours, theirs = Pipe()
    process = Process(target=_serve, args=(posts, latency, theirs), daemon=True)
    process.start()
    try:
        yield ours.recv(), ours
    finally:
        process.join(timeout=10)
        process.kill()


def measure(posts: int, concurrency: int, latency: float) -> dict:
    with served(posts, latency) as (url, server), tempfile.TemporaryDirectory() as folder:
        db = open_database(str(Path(folder) / "bench.db"))
        started = time.perf_counter()
        politeness = Politeness(concurrency=concurrency, delay=0.0)
        report = asyncio.run(crawl(db, url, CrawlOptions(politeness=politeness)))
        elapsed = time.perf_counter() - started
        db.close()
        server.send("done")
        max_in_flight = server.recv()
    fetched = sum(report.outcomes.values()) - report.outcomes["failed"]
    bound = concurrency / latency
    return {"concurrency": concurrency, "posts": posts, "fetched": fetched, "seconds": round(elapsed, 2),
            "pages_per_second": round(fetched / elapsed, 1), "bound": round(bound, 1),
            "share_of_bound": round(fetched / elapsed / bound, 3), "max_in_flight": max_in_flight}


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results = [measure(args.posts, concurrency, args.latency) for concurrency in args.concurrency]
    print(f"{'concurrency':>11} {'posts':>6} {'seconds':>8} {'pages/s':>8} {'bound':>7} {'share':>6} {'in flight':>9}")
    for row in results:
        print(f"{row['concurrency']:11} {row['fetched']:6} {row['seconds']:8.2f} {row['pages_per_second']:8.1f} "
              f"{row['bound']:7.1f} {row['share_of_bound']:6.0%} {row['max_in_flight']:9}")
    print(f"bound = concurrency / latency ({args.latency * 1000:.0f} ms per response); target: 80% of the bound")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return results


if __name__ == "__main__":
    main()
