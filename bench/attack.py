"""What the worst requests we know of cost the served site, beside ordinary pages in the same run.

    python -m bench.attack [--statements N] [--seconds S] [--db PATH] [--json FILE]

Builds a synthetic knowledge base (bench.synthetic, bench.build's bulk build), serves it with
`undersigned serve --immutable` in a process of its own on 127.0.0.1, then prints:

1. the server's peak resident memory (VmHWM) after ordinary pages, the baseline; then each of the worst
   single requests in turn, with its answer, its time and the peak after it;
2. a statement page's p50 and p95 alone, and again while 3 clients send the heaviest searches and SQL
   without pause, with the ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

import httpx

from .build import build_bulk, table_counts
from .serving import Server, _percentile, served
from .synthetic import Corpus

ATTACKERS = 3


def sql(query: str) -> str:
    return "/undersigned.json?" + urlencode({"sql": query})


def doubled(times: int) -> str:
    """SQL for a string of 2**times x's, without printf or zeroblob."""
    text = "'x'"
    for _ in range(times):
        text = f"replace({text}, 'x', 'xx')"
    return text


def broad_prefixes(db_path: Path, count: int, letters: int) -> list[str]:
    """The prefixes of `letters` letters that begin the most words in the index: the costliest to search."""
    conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    try:
        conn.execute("create virtual table temp.words using fts5vocab(main, statements_fts, row)")
        rows = conn.execute(f"select substr(term, 1, {letters}) as prefix from temp.words where length(term) >= "
                            f"{letters} group by prefix order by count(*) desc limit {count}").fetchall()
    finally:
        conn.close()
    return [row[0] for row in rows]


def worst_requests(db_path: Path) -> dict[str, str]:
    """The costliest single requests we know of, each named by what it tries."""
    widest_row = ", ".join([doubled(21)] * 32)  # 32 columns (the most there may be) of 2 MiB (the longest)
    heaviest = " OR ".join(f"{prefix}*" for prefix in broad_prefixes(db_path, 12, 3))
    hundred = " OR ".join(f"{prefix}*" for prefix in broad_prefixes(db_path, 100, 2))
    return {
        "zeroblob(300000000) as JSON": sql("select zeroblob(300000000) as b"),
        "printf('%.*c', 300000000, 'x')": sql("select printf('%.*c', 300000000, 'x')"),
        "a value past the length limit": sql(f"select {doubled(22)} as b"),
        "one row of 32 columns of 2 MiB": sql(f"select {widest_row}"),
        "1 MiB on every row of a query": sql(f"select id, {doubled(20)} from statements"),
        "group_concat of every statement's text": sql("select group_concat(text) from statements"),
        "a recursive CTE without end": sql("with recursive r(n) as (select 1 union all select n + 1 from r) "
                                           "select count(*) from r"),
        "1,000 statements' text as JSON": "/undersigned/statements.json?_size=max&_col=text",
        "/search: 12 broadest 3-letter prefixes": "/search?" + urlencode({"q": heaviest}),
        "/search: 100 two-letter prefixes": "/search?" + urlencode({"q": hundred}),
        "table search, raw, 100 prefixes": "/undersigned/statements?" + urlencode(
            {"_search": hundred, "_searchmode": "raw"}),
    }


def heavy_mix(worst: dict[str, str]) -> list[str]:
    """What the attacking clients send, in turn: the heaviest searches and SQL."""
    return [worst[name] for name in ("/search: 12 broadest 3-letter prefixes", "a recursive CTE without end",
                                     "group_concat of every statement's text", "/search: 100 two-letter prefixes",
                                     "1,000 statements' text as JSON", "table search, raw, 100 prefixes")]


def ordinary_pages(db_path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    try:
        statements = [row[0] for row in conn.execute("select id from statements order by rowid limit 20")]
        organisations = [row[0] for row in conn.execute("select id from organisations order by n_statements desc "
                                                        "limit 10")]
    finally:
        conn.close()
    return ([f"/undersigned/statements/{key}" for key in statements]
            + [f"/undersigned/organisations/{key}" for key in organisations]
            + ["/", "/undersigned/statements", "/undersigned/statements?_search=tibet", "/search?q=tibet",
               "/undersigned/search_statements?q=uyghur", "/undersigned/statements?_facet=year", "/explore"])


def measure_worst(server: Server, worst: dict[str, str], say) -> list[dict]:
    found = []
    with httpx.Client(base_url=server.url, timeout=300) as client:
        for name, path in worst.items():
            began = time.perf_counter()
            response = client.get(path)
            seconds = time.perf_counter() - began
            found.append({"request": name, "status": response.status_code, "seconds": round(seconds, 2),
                          "bytes": len(response.content), "peak_mib": round(server.peak_memory_mib(), 1)})
            say(f"  {name}: {response.status_code} in {seconds:.2f} s")
    return found


def page_latency(server: Server, path: str, seconds: float, attack: list[str] | None) -> dict:
    """A statement page asked for again and again for `seconds`, alone or while ATTACKERS clients send
    `attack` without pause."""
    latencies: list[float] = []
    answers: Counter = Counter()

    async def attacker(client: httpx.AsyncClient, number: int, deadline: float) -> None:
        index = number
        while time.monotonic() < deadline:
            try:
                response = await client.get(attack[index % len(attack)])
                answers[response.status_code] += 1
            except httpx.HTTPError as error:
                answers[type(error).__name__] += 1
            index += 1

    async def reader(client: httpx.AsyncClient, deadline: float) -> None:
        if attack:
            await asyncio.sleep(0.5)  # the attack in full swing first
        while time.monotonic() < deadline:
            began = time.perf_counter()
            response = await client.get(path)
            response.raise_for_status()
            latencies.append(time.perf_counter() - began)

    async def run() -> None:
        async with httpx.AsyncClient(base_url=server.url, timeout=300) as reading, \
                httpx.AsyncClient(base_url=server.url, timeout=300) as attacking:
            deadline = time.monotonic() + seconds
            tasks = [reader(reading, deadline)]
            if attack:
                tasks += [attacker(attacking, number, deadline) for number in range(ATTACKERS)]
            await asyncio.gather(*tasks)

    asyncio.run(run())
    return {"requests": len(latencies), "p50_ms": round(_percentile(latencies, 50) * 1000, 1),
            "p95_ms": round(_percentile(latencies, 95) * 1000, 1),
            **({"attack_answers": {str(key): count for key, count in sorted(answers.items(), key=str)}}
               if attack else {})}


def run(statements: int, seconds: float, db_path: Path | None, say=print) -> dict:
    with tempfile.TemporaryDirectory(prefix="undersigned-attack-") as scratch:
        path = db_path or Path(scratch) / "attack.db"
        if not path.exists():
            say(f"building {statements:,} statements")
            build_bulk(path, Corpus(statements))
        report: dict = {"statements": table_counts(path)["statements"],
                        "database_mib": round(path.stat().st_size / 2**20, 1)}
        worst, pages = worst_requests(path), ordinary_pages(path)
        with served(path) as server:
            with httpx.Client(base_url=server.url, timeout=60) as client:
                for page in pages * 2:
                    client.get(page).raise_for_status()
            report["baseline_peak_mib"] = round(server.peak_memory_mib(), 1)
            say(f"peak after ordinary pages: {report['baseline_peak_mib']} MiB; now the worst requests")
            report["worst"] = measure_worst(server, worst, say)
            report["worst_peak_mib"] = round(server.peak_memory_mib(), 1)
            say(f"a statement page alone, then beside {ATTACKERS} attacking clients, {seconds:g} s each")
            report["page alone"] = page_latency(server, pages[0], seconds, None)
            report["page under attack"] = page_latency(server, pages[0], seconds, heavy_mix(worst))
    alone, attacked = report["page alone"], report["page under attack"]
    report["ratios"] = {stat: round(attacked[stat] / alone[stat], 2) if alone[stat] else None
                        for stat in ("p50_ms", "p95_ms")}
    return report


def table(report: dict) -> str:
    lines = [f"Undersigned under attack at {report['statements']:,} statements "
             f"(database {report['database_mib']:,.0f} MiB)", "",
             f"server peak RSS after ordinary pages (the baseline): {report['baseline_peak_mib']:.0f} MiB", "",
             f"{'worst single request':42} {'status':>6} {'seconds':>8} {'bytes':>10} {'peak MiB':>9}"]
    for row in report["worst"]:
        lines.append(f"{row['request']:42} {row['status']:>6} {row['seconds']:8.2f} {row['bytes']:>10,} "
                     f"{row['peak_mib']:9.0f}")
    baseline, peak = report["baseline_peak_mib"], report["worst_peak_mib"]
    lines += [f"peak after the worst requests: {peak:.0f} MiB, {peak / baseline:.2f}x the baseline "
              f"(+{peak - baseline:.0f} MiB)", "",
              f"a statement page {'':20} {'p50 ms':>8} {'p95 ms':>8} {'requests':>9}"]
    for name in ("page alone", "page under attack"):
        figures = report[name]
        label = "alone (baseline)" if name == "page alone" else f"beside {ATTACKERS} attacking clients"
        lines.append(f"{label:37} {figures['p50_ms']:8.1f} {figures['p95_ms']:8.1f} {figures['requests']:9}")
    ratios = report["ratios"]
    lines.append(f"{'ratio':37} {ratios['p50_ms'] or 0:8.2f} {ratios['p95_ms'] or 0:8.2f}")
    attack_answers = report["page under attack"]["attack_answers"]
    answers = ", ".join(f"{count} x {status}" for status, count in attack_answers.items())
    lines.append(f"the attacking clients' answers: {answers}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=4000, help="size of the synthetic corpus")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long each latency measure runs")
    parser.add_argument("--db", type=Path, help="build the database here, or measure the one already there")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    report = run(args.statements, args.seconds, args.db)
    print(table(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


if __name__ == "__main__":
    main()
