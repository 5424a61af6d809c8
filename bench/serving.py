"""Searching and faceting measured twice, in one run: raw SQLite on the database file, and the same
search through `undersigned serve` over HTTP on 127.0.0.1. Then a bounded load test on the server."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urlencode

import httpx

from db.plugin import fts_query
from db.publish import METADATA_PATH
from db.settings import CONNECTION_PRAGMAS, LISTING_COLUMNS, SETTINGS

from .synthetic import Corpus

TWO_FACETS = ("year", "publisher")
SEARCH_YEAR = 2020  # /search filtered to one year: about 7% of the synthetic statements
THREE_FACETS = ("year", "publisher", "language")
# Per --repeat: 120 samples at the default (each search way has 87), so that the page's p95 is not
# the second-slowest of 30, as it was.
FACET_PAGE_ROUNDS = 40
FACET_LIMIT = SETTINGS["default_facet_size"] + 1  # Datasette asks for one more, to know if there are more


@dataclass(frozen=True)
class Query:
    kind: str  # common word, rare word, phrase, prefix, boolean, ...
    text: str


def queries(corpus: Corpus) -> list[Query]:
    """About 30 searches whose words exist at any size: picked by rank in the corpus's own vocabulary."""
    words = [word for word in corpus.vocabulary if len(word) >= 5]
    found = [Query("common word", word) for word in words[:4]]
    found += [Query("medium word", words[rank]) for rank in (60, 200, 600)]
    found += [Query("rare word", words[rank]) for rank in (4_000, 12_000, 25_000)]
    found += [Query("topic word", word) for word in ("uyghur", "lhasa", "Urumqi", "spyware", "hohhot")]
    found += [Query("phrase", f'"{phrase}"') for phrase in
              ("political prisoners", "freedom of expression", "Hong Kong", "Dalai Lama", "forced labour")]
    found += [Query("prefix", prefix) for prefix in ("tib*", "surveil*", "democ*", f"{words[300][:4]}*")]
    found += [Query("boolean", text) for text in
              ("uyghur OR tibet", "tibet NOT uyghur", "lhasa AND monastery", "spyware OR encryption",
               f"{words[0]} NOT {words[100]}")]
    return found


@contextmanager
def served(db_path: Path) -> Iterator[Server]:
    server = Server(db_path)
    try:
        server.wait()
        yield server
    finally:
        server.stop()


class Server:
    """`undersigned serve` in a process of its own, as it would run in production (--immutable by
    default). It binds port 0, so the system gives it a port no other process holds, and says which
    in the line it prints once it answers: that line, not a poll, tells when it is serving."""

    STARTED = re.compile(r"^Serving .* at (http://\S+)")

    def __init__(self, db_path: Path, immutable: bool = True, log: Path | None = None):
        command = [sys.executable, "-m", "undersigned", "serve", "--db", str(db_path), "--port", "0"]
        self.process = subprocess.Popen(command + (["--immutable"] if immutable else []),
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.url = ""
        self._started = threading.Event()
        self._output: list[str] = []
        threading.Thread(target=self._read_output, args=(log,), daemon=True).start()

    def _read_output(self, log: Path | None) -> None:
        """Keep the pipe drained (a full one would block the server), copy it to the log and catch the
        line that says it serves."""
        with log.open("w") if log else nullcontext() as copy:
            for line in self.process.stdout:
                self._output = (self._output + [line])[-50:]
                if copy:
                    copy.write(line)
                    copy.flush()
                found = self.STARTED.search(line)
                if found and not self._started.is_set():
                    self.url = found.group(1).rstrip("/")  # the base URL, as callers add paths to it
                    self._started.set()
        self._started.set()  # the process ended: wait() says so

    def wait(self, timeout: float = 120) -> None:
        if not self._started.wait(timeout):
            raise RuntimeError(f"the server did not start within {timeout:.0f} s: {''.join(self._output)[-500:]}")
        if not self.url:
            raise RuntimeError(f"the server exited: {''.join(self._output)[-500:]}")

    def peak_memory_mib(self) -> float:
        """The server process's resident-set high-water mark (VmHWM)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmHWM in /proc; peak memory needs Linux")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Raw:
    """The same database file opened read-only and immutable, as Datasette opens a published one, with
    the same connection settings: what SQLite itself costs for each search."""

    def __init__(self, db_path: Path):
        self.conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True, check_same_thread=False)
        for pragma in CONNECTION_PRAGMAS:
            self.conn.execute(pragma)
        self.conn.create_function("fts_query", 1, fts_query, deterministic=True)
        canned = json.loads(METADATA_PATH.read_text("utf-8"))["databases"]["undersigned"]["queries"]
        self.ranked_sql = canned["search_statements"]["sql"]

    def ranked(self, text: str) -> None:
        """The ranked search with its count: the rows the site's ranked search shows, and how many match."""
        self.conn.execute(self.ranked_sql, {"q": text}).fetchall()
        self.conn.execute("select count(*) from statements_fts where statements_fts match fts_query(?)",
                          [text]).fetchall()

    def ranked_with_facets(self, text: str) -> None:
        self.ranked(text)
        for column in TWO_FACETS:
            self.conn.execute(f"select {column}, count(*) from statements where rowid in (select rowid from "
                              "statements_fts where statements_fts match fts_query(?)) group by 1 "
                              f"order by 2 desc limit {FACET_LIMIT}", [text]).fetchall()

    def facet_page(self) -> None:
        """What the table page with three facets shows: the first page of rows and each facet's counts."""
        page_size = SETTINGS["default_page_size"] + 1
        self.conn.execute(f"select id, {', '.join(LISTING_COLUMNS)} from statements order by date desc "
                          f"limit {page_size}").fetchall()
        for column in THREE_FACETS:
            self.conn.execute(f"select {column}, count(*) from statements group by 1 order by 2 desc "
                              f"limit {FACET_LIMIT}").fetchall()


def site_paths(text: str) -> dict[str, str]:
    return {
        "site table search": "/undersigned/statements?" + urlencode({"_search": text}),
        "site ranked search": "/undersigned/search_statements?" + urlencode({"q": text}),
        "site table search, two facets": "/undersigned/statements?" + urlencode(
            [("_search", text)] + [("_facet", column) for column in TWO_FACETS]),
        "site /search": "/search?" + urlencode({"q": text}),
        "site /search, year filter": "/search?" + urlencode({"q": text, "year": SEARCH_YEAR}),
        "site /search, words and meaning": "/search?" + urlencode({"q": text, "mode": "meaning"}),
    }


FACET_PAGE = "/undersigned/statements?" + urlencode([("_facet", column) for column in THREE_FACETS])


def measure_searches(db_path: Path, server: Server, corpus: Corpus, repeat: int) -> dict:
    """Every search, each way, `repeat` times after one warm-up pass; the ways interleaved, so that each
    meets the same page cache."""
    raw = Raw(db_path)
    samples: dict[str, list[float]] = {}
    stopped: Counter[str] = Counter()
    per_query = []
    with httpx.Client(base_url=server.url, timeout=60) as client:
        for query in queries(corpus):
            ways: dict[str, Callable[[], object]] = {
                "raw ranked search": lambda q=query.text: raw.ranked(q),
                "raw ranked search, two facets": lambda q=query.text: raw.ranked_with_facets(q),
                **{name: _getter(client, path) for name, path in site_paths(query.text).items()}}
            timings = _time_each(ways, repeat, stopped)
            for name, values in timings.items():
                samples.setdefault(name, []).extend(values)
            per_query.append({"kind": query.kind, "query": query.text,
                              "matches": _matches(raw, query.text),
                              **{name: round(statistics.median(values) * 1000, 2) for name, values in timings.items()}})
        facet_timings = _time_each({"raw facet queries": raw.facet_page,
                                    "site facet page": _getter(client, FACET_PAGE)}, repeat * FACET_PAGE_ROUNDS,
                                   stopped)
    return {"searches": _summary(samples, stopped), "facet page": _summary(facet_timings, stopped),
            "per query ms p50": per_query}


_SEARCH_ERROR = re.compile(r'<p class="message-error">([^<]*)')
# What Datasette (a 400 page) and /search (its message) say when they stop a query at their time limit.
_TIME_LIMIT = re.compile(r"SQL query took too long|took longer than [0-9.]+ s and was stopped")


class StoppedAtLimit(Exception):
    """The site stopped the request at its time limit and said so: the reader waited that long for no rows.
    A result to count, not a failure of the run (at a million statements a search that matches nearly
    every one can take longer than the limit)."""


def _getter(client: httpx.Client, path: str) -> Callable[[], object]:
    def get() -> None:
        response = client.get(path)
        if response.status_code == 400 and _TIME_LIMIT.search(response.text):
            raise StoppedAtLimit(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {response.status_code}")
        stopped = _SEARCH_ERROR.search(response.text) if path.startswith("/search?") else None
        if stopped and _TIME_LIMIT.search(stopped.group(1)):
            raise StoppedAtLimit(path)
        if stopped:  # /search answers 200 with the reason when a search fails: not a result to time
            raise RuntimeError(f"{path}: {stopped.group(1)}")
    return get


def _time_each(ways: dict[str, Callable[[], object]], repeat: int,
               stopped: Counter[str] | None = None) -> dict[str, list[float]]:
    """Each way `repeat` times, interleaved, after a warm-up. A request stopped at the site's time limit
    is timed like any other (the reader waited that long) and counted in `stopped`."""
    stopped = Counter() if stopped is None else stopped
    for work in ways.values():
        _run(work)  # warm-up: first touches of the file and the server's caches are not what is measured
    timings: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(repeat):
        for name, work in ways.items():
            began = time.perf_counter()
            if not _run(work):
                stopped[name] += 1
            timings[name].append(time.perf_counter() - began)
    return timings


def _run(work: Callable[[], object]) -> bool:
    """False when the site stopped the request at its time limit."""
    try:
        work()
    except StoppedAtLimit:
        return False
    return True


def _matches(raw: Raw, text: str) -> int:
    return raw.conn.execute("select count(*) from statements_fts where statements_fts match fts_query(?)",
                            [text]).fetchone()[0]


def _summary(samples: dict[str, list[float]], stopped: Counter[str] | None = None) -> dict[str, dict[str, float]]:
    return {name: {"p50_ms": round(_percentile(values, 50) * 1000, 2),
                   "p95_ms": round(_percentile(values, 95) * 1000, 2), "samples": len(values),
                   "stopped at the time limit": (stopped or Counter())[name]}
            for name, values in samples.items()}


def _percentile(values: list[float], percent: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def load_test(server: Server, corpus: Corpus, db_path: Path, clients: int, seconds: float) -> dict:
    """`clients` clients at once, each asking for the next page as soon as it has the last one, for
    `seconds`: a mix of searches, facet pages, statement and organisation pages."""
    paths = _load_mix(corpus, db_path)
    latencies: list[float] = []
    errors: list[str] = []

    async def client_loop(number: int, client: httpx.AsyncClient, deadline: float) -> None:
        index = number
        while time.monotonic() < deadline:
            path = paths[index % len(paths)]
            index += clients
            began = time.perf_counter()
            try:
                response = await client.get(path)
                if response.status_code != 200:
                    errors.append(f"{path}: HTTP {response.status_code}")
            except httpx.HTTPError as error:
                errors.append(f"{path}: {type(error).__name__}")
            latencies.append(time.perf_counter() - began)

    async def run() -> float:
        limits = httpx.Limits(max_connections=clients)
        async with httpx.AsyncClient(base_url=server.url, timeout=30, limits=limits) as client:
            began = time.monotonic()
            await asyncio.gather(*(client_loop(n, client, began + seconds) for n in range(clients)))
            return time.monotonic() - began

    elapsed = asyncio.run(run())
    return {"clients": clients, "seconds": round(elapsed, 2), "requests": len(latencies),
            "requests_per_second": round(len(latencies) / elapsed, 1), "errors": len(errors),
            "first_errors": errors[:5], "p50_ms": round(_percentile(latencies, 50) * 1000, 2) if latencies else None,
            "p95_ms": round(_percentile(latencies, 95) * 1000, 2) if latencies else None}


def _load_mix(corpus: Corpus, db_path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    statements = [row[0] for row in conn.execute("select id from statements order by rowid limit 20")]
    organisations = [row[0] for row in conn.execute("select id from organisations order by n_statements desc "
                                                    "limit 10")]
    conn.close()
    paths = []
    for number, query in enumerate(queries(corpus)):
        paths.append(list(site_paths(query.text).values())[number % 5])
        paths.append(f"/undersigned/statements/{statements[number % len(statements)]}")
        if number % 3 == 0:
            paths.append(f"/undersigned/organisations/{organisations[number % len(organisations)]}")
    return paths + [FACET_PAGE, "/undersigned/statements"]
