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
import sqlite3
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from db.archive import archive_path
from db.publish import compact

from .build import SLICE, build_with_loader, create_bulk, finish_bulk, insert_bulk, table_counts
from .footprint import sizes
from .progress import BULK_STEPS, Part, Progress, bulk_path, progress_path
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
    resume: bool = False  # go on with the build at db_path where it was stopped (or begin it)


def run(options: Options, say=print) -> dict:
    corpus = Corpus(options.statements, options.seed)
    with tempfile.TemporaryDirectory(prefix="undersigned-bench-") as scratch:
        db_path = options.db_path or Path(scratch) / "bench.db"
        report: dict = {"statements": options.statements, "seed": options.seed}
        if options.reuse:
            _check_reusable(db_path, options.statements)
        else:
            report["load"] = build(db_path, corpus, options.resume, say)
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


def build(db_path: Path, corpus: Corpus, resume: bool = False, say=print, step: int = SLICE) -> dict:
    """The knowledge base through the loader, compacted, then the bulk baseline beside it, each phase and
    each slice recorded as it is done (bench/progress.py): with resume, a build that was stopped goes on
    where it stopped, and its clocks add up every part."""
    progress = _progress(db_path, corpus, resume, step, say)
    if progress.bulk_bytes is None:
        part = progress.begin_part()
        progress.save()
        say(f"the build's progress is kept in {progress.path}: if it is stopped, --resume goes on from there")
        corpus.pair(0)  # the vocabulary and organisations are made once, outside every clock
        _load(db_path, corpus, progress, part, say)
        _compact(db_path, progress, part, say)
        _bulk(db_path, corpus, progress, part, say)
    _remove(bulk_path(db_path))
    return _load_report(progress)


def _progress(db_path: Path, corpus: Corpus, resume: bool, step: int, say) -> Progress:
    """A new build's progress, or, with resume and a build beside db_path, that build's after checking it
    is of the same corpus."""
    found = progress_path(db_path)
    if resume and found.exists():
        progress = Progress.read(found)
        if (progress.statements, progress.seed) != (corpus.n, corpus.seed):
            raise ValueError(f"{db_path}: is a build of {progress.statements:,} statements with seed {progress.seed}, "
                             f"not {corpus.n:,} with seed {corpus.seed} (its progress is in {found.name})")
        if progress.loader_saved and not db_path.exists():
            raise FileNotFoundError(f"{db_path}: not found, though its progress ({found.name}) says "
                                    f"{progress.loader_saved:,} statements were saved in it")
        say(f"resuming the build of {db_path.name} ({found.name}): {progress.loader_saved:,} statements saved "
            f"through the loader in {progress.loader_seconds:.1f} s, {progress.bulk_saved:,} in the bulk baseline in "
            f"{progress.bulk_seconds:.1f} s, over {len(progress.parts)} part(s)")
        return progress
    if resume and db_path.exists():
        raise ValueError(f"{db_path}: has no build progress beside it ({found.name}), so it cannot be resumed")
    for path in (db_path, archive_path(db_path), bulk_path(db_path), archive_path(bulk_path(db_path)), found):
        if path.exists():
            raise FileExistsError(f"{path}: already exists; the benchmark builds a new database (use --resume to "
                                  "go on with a build that was stopped, --reuse to measure a finished one again)")
    return Progress(found, corpus.n, corpus.seed, step)


def _load(db_path: Path, corpus: Corpus, progress: Progress, part: Part, say) -> None:
    if progress.loader_saved < corpus.n:
        stored = _statements_stored(db_path)
        # Each slice is committed, then recorded: a stop between the two leaves one slice stored but unrecorded.
        unrecorded = stored == min(progress.loader_saved + progress.slice, corpus.n) > progress.loader_saved
        if stored != progress.loader_saved and not unrecorded:
            raise ValueError(f"{db_path}: holds {stored:,} statements, but its progress ({progress.path.name}) says "
                             f"{progress.loader_saved:,} were saved")
        say(f"building {corpus.n:,} statements through the loader, from statement {progress.loader_saved:,}")
        began, every = time.monotonic(), max(corpus.n // 10, 1)

        def saved(done: int, seconds: float) -> None:
            part.loader_saved += done - progress.loader_saved
            part.loader_seconds += seconds
            progress.loader_saved = done
            progress.save()
            if done % every < progress.slice or done == corpus.n:
                say(f"  {done:,} saved after {time.monotonic() - began:.0f} s")

        build_with_loader(db_path, corpus, progress.loader_saved, progress.slice, saved, force_first=unrecorded)
        say(f"  {progress.loader_seconds:.1f} s saving over {len(progress.parts)} part(s)")
    if progress.loaded_bytes is None:
        _statements_stored(db_path)  # opened and closed: whatever a stop left in its write-ahead log is in the file
        progress.loaded_bytes = db_path.stat().st_size
        progress.save()


def _compact(db_path: Path, progress: Progress, part: Part, say) -> None:
    if progress.compacted:
        return
    began = time.monotonic()
    compact(db_path)  # as it is published
    part.compact_seconds = round(time.monotonic() - began, 1)
    progress.compacted = True
    progress.save()
    say(f"  {progress.loaded_bytes / 2**20:,.0f} MiB as loaded, {db_path.stat().st_size / 2**20:,.0f} MiB compacted "
        f"in {part.compact_seconds:.0f} s; now the bulk baseline")


def _bulk(db_path: Path, corpus: Corpus, progress: Progress, part: Part, say) -> None:
    bulk = bulk_path(db_path)
    if progress.bulk_saved < corpus.n:
        stored = _statements_stored(bulk) if progress.bulk_saved else 0
        if stored != progress.bulk_saved:
            if stored != min(progress.bulk_saved + progress.slice, corpus.n):
                raise ValueError(f"{bulk}: holds {stored:,} statements, but its progress ({progress.path.name}) says "
                                 f"{progress.bulk_saved:,} were saved")
            # Its last slice was committed but not timed; insert_all cannot insert it again over itself.
            say(f"  {bulk.name}: a slice was stored but not recorded; the baseline is built again from its start")
            progress.restart_bulk()
        if not progress.bulk_saved:
            _remove(bulk)
            create_bulk(bulk)

        def saved(done: int, seconds: float) -> None:
            part.bulk_saved += done - progress.bulk_saved
            part.bulk_seconds += seconds
            progress.bulk_saved = done
            progress.save()

        insert_bulk(bulk, corpus, progress.bulk_saved, progress.slice, saved)
    for step in BULK_STEPS:
        if step not in progress.bulk_steps:
            part.bulk_seconds += finish_bulk(bulk, step)
            progress.bulk_steps.append(step)
            progress.save()
    loader_rows, bulk_rows = table_counts(db_path), table_counts(bulk)
    if loader_rows != bulk_rows:
        raise RuntimeError(f"the loader and the baseline stored different rows: {loader_rows} != {bulk_rows}")
    progress.bulk_bytes = bulk.stat().st_size
    progress.save()


def _load_report(progress: Progress) -> dict:
    n = progress.statements
    return {"loader_seconds": round(progress.loader_seconds, 2),
            "loader_per_second": round(n / progress.loader_seconds, 1),
            "bulk_seconds": round(progress.bulk_seconds, 2), "bulk_per_second": round(n / progress.bulk_seconds, 1),
            "bulk_bytes": progress.bulk_bytes, "same_rows": True, "loaded_bytes": progress.loaded_bytes,
            "compact_seconds": round(sum(part.compact_seconds for part in progress.parts), 1),
            "parts": len(progress.parts),
            "per part": [{"started": part.started, "commit": part.commit, "loader statements": part.loader_saved,
                          "loader_seconds": round(part.loader_seconds, 2), "compact_seconds": part.compact_seconds,
                          "bulk statements": part.bulk_saved, "bulk_seconds": round(part.bulk_seconds, 2)}
                         for part in progress.parts]}


def _statements_stored(path: Path) -> int:
    if not path.exists():
        return 0
    conn = sqlite3.connect(path)  # read-write, so that a stopped build's write-ahead log is taken up
    try:
        return conn.execute("select count(*) from statements").fetchone()[0]
    finally:
        conn.close()


def _remove(db_path: Path) -> None:
    """A database, its archive, and what SQLite keeps beside each."""
    for path in (db_path, archive_path(db_path)):
        for found in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            found.unlink(missing_ok=True)


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
        lines.append(f"load: loader {load['loader_per_second']:,.0f}/s, bulk baseline {load['bulk_per_second']:,.0f}/s"
                     + (f", built in {load['parts']} parts" if load["parts"] > 1 else ""))
        commits = {part["commit"] for part in load["per part"]}
        if len(commits) > 1:
            lines.append(f"  the parts ran at {len(commits)} different commits: {', '.join(map(str, commits))}")
    lines.append(f"{'':44} {'p50 ms':>9} {'p95 ms':>9}")
    for group in ("searches", "facet page"):
        for name, figures in report[group].items():
            stops = figures.get("stopped at the time limit", 0)
            lines.append(f"{name:44} {figures['p50_ms']:9.1f} {figures['p95_ms']:9.1f}"
                         + (f"   {stops} of {figures['samples']} stopped at the site's time limit" if stops else ""))
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
