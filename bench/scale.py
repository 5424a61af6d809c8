"""`undersigned bench`: the knowledge base at N statements, every figure beside its baseline from the
same run.

1. A deterministic synthetic corpus of N statements is saved through the project's loader, and the same
   rows are bulk-inserted into a second database (sqlite-utils insert_all, then indexes and FTS built once).
2. About 30 searches are timed in raw SQLite and through `undersigned serve --immutable` over HTTP: the
   table search, the ranked search query, and the table search with two facets; then the table page
   with three facets beside its raw facet queries.
3. A bounded load test (8 clients, 10 s, 127.0.0.1), and the server's peak memory.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from db.publish import compact

from .build import SLICE, build_bulk, build_with_loader, table_counts
from .footprint import sizes
from .serving import load_test, measure_searches, served
from .synthetic import Corpus

TARGETS = {  # (site, raw) pairs and the highest ratio the issue allows
    ("site table search", "raw ranked search", "p50_ms"): 1.5,
    ("site table search", "raw ranked search", "p95_ms"): 2.0,
    ("site ranked search", "raw ranked search", "p50_ms"): 1.5,
    ("site ranked search", "raw ranked search", "p95_ms"): 2.0,
    ("site table search, two facets", "raw ranked search", "p50_ms"): 3.0,
    ("site table search, two facets", "raw ranked search", "p95_ms"): 3.0,
    # /search: its three sections, each counted with its filters, and a page of each
    ("site /search", "raw ranked search", "p50_ms"): 2.0,
    ("site /search", "raw ranked search", "p95_ms"): 2.5,
    ("site /search, year filter", "raw ranked search", "p50_ms"): 2.0,
    ("site /search, year filter", "raw ranked search", "p95_ms"): 2.5,
}
BY_KIND = ("raw ranked search", "site ranked search", "site /search", "site /search, year filter")
FACET_PAGE_TARGET = 2.0
LOADER_TARGET = 2.0


@dataclass
class Options:
    statements: int
    db_path: Path | None = None
    json_path: Path | None = None
    seed: int = 1
    repeat: int = 3
    clients: int = 8
    seconds: float = 10.0
    reuse: bool = False  # measure an existing benchmark database at db_path without building it again


def run(options: Options, say=print) -> dict:
    corpus = Corpus(options.statements, options.seed)
    with tempfile.TemporaryDirectory(prefix="undersigned-bench-") as scratch:
        db_path = options.db_path or Path(scratch) / "bench.db"
        report: dict = {"statements": options.statements, "seed": options.seed}
        if options.reuse:
            _check_reusable(db_path, options.statements)
        else:
            report["load"] = _build(db_path, Path(scratch) / "bulk.db", corpus, say)
        report["database"] = {**sizes(db_path), "rows": table_counts(db_path)}
        say("measuring searches in raw SQLite and through the served site")
        with served(db_path) as server:
            report.update(measure_searches(db_path, server, corpus, options.repeat))
            say(f"load test: {options.clients} clients for {options.seconds:g} s")
            report["load test"] = load_test(server, corpus, db_path, options.clients, options.seconds)
            report["server peak memory MiB"] = round(server.peak_memory_mib(), 1)
    report["ratios"] = ratios(report)
    say(table(report))
    if options.json_path:
        options.json_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def _build(db_path: Path, bulk_path: Path, corpus: Corpus, say) -> dict:
    if db_path.exists():
        raise FileExistsError(f"{db_path}: already exists; the benchmark builds a new database "
                              "(use --reuse to measure this one again)")
    corpus.pair(0)  # the vocabulary and organisations are made once, outside every clock
    say(f"building {corpus.n:,} statements through the loader")
    began = time.monotonic()
    step = max(corpus.n // 10, 1)
    loader = build_with_loader(db_path, corpus, progress=lambda done: done % step < SLICE and say(
        f"  {done:,} saved after {time.monotonic() - began:.0f} s"))
    say(f"  {loader:.1f} s saving ({time.monotonic() - began:.0f} s with making the records); compacting it")
    loaded_bytes = db_path.stat().st_size
    began = time.monotonic()
    compact(db_path)  # as it is published
    compacting = time.monotonic() - began
    say(f"  {loaded_bytes / 2**20:,.0f} MiB as loaded, {db_path.stat().st_size / 2**20:,.0f} MiB compacted in "
        f"{compacting:.0f} s; now the bulk baseline")
    bulk = build_bulk(bulk_path, corpus)
    loader_rows, bulk_rows = table_counts(db_path), table_counts(bulk_path)
    if loader_rows != bulk_rows:
        raise RuntimeError(f"the loader and the baseline stored different rows: {loader_rows} != {bulk_rows}")
    bulk_bytes = bulk_path.stat().st_size
    bulk_path.unlink()
    return {"loader_seconds": round(loader, 2), "loader_per_second": round(corpus.n / loader, 1),
            "bulk_seconds": round(bulk, 2), "bulk_per_second": round(corpus.n / bulk, 1),
            "bulk_bytes": bulk_bytes, "same_rows": True, "loaded_bytes": loaded_bytes,
            "compact_seconds": round(compacting, 1)}


def _check_reusable(db_path: Path, statements: int) -> None:
    if not db_path.is_file():
        raise FileNotFoundError(f"{db_path}: no such database to measure again")
    found = table_counts(db_path)["statements"]
    if found != statements:
        raise ValueError(f"{db_path}: holds {found:,} statements, not {statements:,}")


def ratios(report: dict) -> list[dict]:
    found = []
    searches = report["searches"]
    for (site, raw, stat), target in TARGETS.items():
        found.append(_ratio(f"{site} / {raw} ({stat[:3]})", searches[site][stat], searches[raw][stat], target))
    facets = report["facet page"]
    for stat in ("p50_ms", "p95_ms"):
        found.append(_ratio(f"site facet page / raw facet queries ({stat[:3]})", facets["site facet page"][stat],
                            facets["raw facet queries"][stat], FACET_PAGE_TARGET))
    if "load" in report:
        load = report["load"]
        found.append(_ratio("loader / bulk baseline (seconds)", load["loader_seconds"], load["bulk_seconds"],
                            LOADER_TARGET))
    return found


def _ratio(name: str, value: float, baseline: float, target: float) -> dict:
    ratio = value / baseline if baseline else float("inf")
    return {"measure": name, "value": value, "baseline": baseline, "ratio": round(ratio, 2), "target": target,
            "met": ratio <= target}


def by_kind(per_query: list[dict]) -> dict[str, dict[str, float]]:
    """Each kind of search (common word, rare word, phrase, ...): the median of its searches' p50s, each way."""
    kinds: dict[str, list[dict]] = {}
    for figures in per_query:
        kinds.setdefault(figures["kind"], []).append(figures)
    return {kind: {name: statistics.median(query[name] for query in found) for name in BY_KIND}
            for kind, found in kinds.items()}


def table(report: dict) -> str:
    database = report["database"]
    lines = [f"Undersigned at {report['statements']:,} statements: knowledge base {database['bytes'] / 2**20:,.0f} MiB "
             f"({database['bytes'] / report['statements'] / 1000:,.1f} KB a statement), archive "
             f"{database['archive bytes'] / 2**20:,.0f} MiB for {database['raw body bytes'] / 2**20:,.0f} MiB of "
             f"raw bodies ({database['archive bytes'] / database['raw body bytes']:.2f} of them)"]
    if "load" in report:
        load = report["load"]
        lines.append(f"load: loader {load['loader_per_second']:,.0f}/s, bulk baseline {load['bulk_per_second']:,.0f}/s")
    lines.append(f"{'':44} {'p50 ms':>9} {'p95 ms':>9}")
    for group in ("searches", "facet page"):
        for name, figures in report[group].items():
            lines.append(f"{name:44} {figures['p50_ms']:9.1f} {figures['p95_ms']:9.1f}")
    lines.append(f"\np50 ms by kind of search (median over its searches) {''.join(f'{name:>27}' for name in BY_KIND)}")
    for kind, figures in by_kind(report["per query ms p50"]).items():
        lines.append(f"{kind:51} {''.join(f'{figures[name]:27.1f}' for name in BY_KIND)}")
    lines.append(f"\n{'ratio':62} {'value':>6} {'target':>7}")
    for ratio in report["ratios"]:
        lines.append(f"{ratio['measure']:62} {ratio['ratio']:6.2f} {ratio['target']:7.1f} "
                     f"{'met' if ratio['met'] else 'NOT MET'}")
    load = report["load test"]
    lines.append(f"\nload test: {load['clients']} clients, {load['seconds']} s: {load['requests_per_second']} "
                 f"requests/s, {load['errors']} errors, p50 {load['p50_ms']} ms, p95 {load['p95_ms']} ms")
    lines.append(f"server peak memory: {report['server peak memory MiB']} MiB")
    return "\n".join(lines)
