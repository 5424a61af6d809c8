"""The benchmark scripts run and report their figures (a smoke test: no timing is asserted)."""

from __future__ import annotations

import json

from bench.parse_speed import main as parse_speed

from .conftest import REAL, SEED


def test_parse_speed_reports_every_set_with_its_baseline(tmp_path, capsys):
    out = tmp_path / "parse.json"
    parse_speed([str(SEED.parent), str(REAL), "--repeat", "1", "--json", str(out)])
    rows = json.loads(out.read_text())
    assert [row["set"] for row in rows] == ["corpus, HTML pages", "corpus, Markdown posts", "corpus, all documents",
                                           "synthetic 300 KB page"]
    assert all(row["parse_per_second"] > 0 and row["bare_per_second"] > 0 and row["ratio"] > 0 for row in rows)
    assert rows[2]["documents"] == 11 and rows[3]["kilobytes"] >= 300
    assert "target <= 3x" in capsys.readouterr().out


def test_crawl_speed_reports_each_concurrency_beside_its_bound(tmp_path, capsys):
    from bench.crawl_speed import main as crawl_speed

    out = tmp_path / "crawl.json"
    crawl_speed(["--posts", "20", "--latency", "0.01", "--concurrency", "1", "2", "--json", str(out)])
    rows = json.loads(out.read_text())
    assert [(row["concurrency"], row["fetched"], row["bound"]) for row in rows] == [(1, 20, 100.0), (2, 20, 200.0)]
    assert all(row["max_in_flight"] <= row["concurrency"] for row in rows)
    assert "target: 80% of the bound" in capsys.readouterr().out


def test_hostile_crawl_reports_each_bad_url_on_a_line_and_what_was_saved(capsys):
    from bench.hostile_crawl import STATEMENTS
    from bench.hostile_crawl import main as hostile_crawl

    figures = hostile_crawl(["--timeout", "1.5", "--max-urls", "60", "--junk", "100"])
    assert (figures["exit_status"], figures["failure_lines"], figures["statements_saved"]) == (0, 10, STATEMENTS)
    assert figures["still_pending"] > 0 and figures["silent_site_exit_status"] == 1
    assert figures["requests_to_the_other_host"] == figures["disallowed_paths_requested"] == 0
    assert figures["redirect_loop_hops_requested"] == 6
    output = capsys.readouterr().out
    assert "failed: http://[oops/x: invalid URL (Invalid IPv6 URL)\n" in output
    assert "robots.txt could not be read (timed out after 1.5 s waiting for the response)" in output


def test_undersigned_bench_builds_measures_and_reports_every_figure(tmp_path, runner):
    """A smoke test at a small size: the real loader, bulk baseline, server, searches and load test."""
    from undersigned.cli import cli

    db, out = tmp_path / "bench.db", tmp_path / "bench.json"
    result = runner.invoke(cli, ["bench", "--statements", "60", "--db", str(db), "--json", str(out), "--repeat", "1",
                                 "--clients", "2", "--seconds", "0.5"])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["database"]["rows"]["statements"] == 60 and report["database"]["rows"]["demands"] == 300
    assert report["load"]["same_rows"] and report["load"]["loader_per_second"] > 0
    assert set(report["searches"]) == {"raw ranked search", "raw ranked search, two facets", "site table search",
                                       "site ranked search", "site table search, two facets", "site /search",
                                       "site /search, year filter"}
    assert len(report["per query ms p50"]) >= 25
    assert all(figures["samples"] >= 25 for figures in report["searches"].values())
    assert report["load test"]["requests"] > 0 and report["load test"]["errors"] == 0
    assert report["server peak memory MiB"] > 10
    assert {ratio["measure"].split(" (")[0] for ratio in report["ratios"]} >= {
        "site table search / raw ranked search", "site facet page / raw facet queries",
        "site /search, year filter / raw ranked search", "loader / bulk baseline"}
    assert "p50 ms by kind of search" in result.output and "\nphrase " in result.output
    assert "requests/s" in result.output and "loader / bulk baseline" in result.output

    again = runner.invoke(cli, ["bench", "--statements", "60", "--db", str(db), "--reuse", "--repeat", "1",
                                "--seconds", "0.2"])
    assert again.exit_code == 0, again.output
    assert "loader / bulk baseline" not in again.output  # nothing was built, so no load figures


def test_bench_refuses_to_overwrite_or_to_reuse_what_is_not_there(tmp_path, runner):
    from undersigned.cli import cli

    existing = tmp_path / "kept.db"
    existing.write_bytes(b"")
    result = runner.invoke(cli, ["bench", "--statements", "20", "--db", str(existing)])
    assert result.exit_code == 1 and "already exists" in result.output
    missing = runner.invoke(cli, ["bench", "--statements", "20", "--db", str(tmp_path / "none.db"), "--reuse"])
    assert missing.exit_code == 1 and "no such database" in missing.output
    assert existing.read_bytes() == b""


def test_attack_bench_reports_each_worst_request_beside_ordinary_pages(tmp_path, capsys):
    """A smoke test at a small size: the build, the served site, the worst requests, the page under attack."""
    from bench.attack import main as attack

    out = tmp_path / "attack.json"
    attack(["--statements", "60", "--seconds", "1", "--db", str(tmp_path / "attack.db"), "--json", str(out)])
    report = json.loads(out.read_text())
    assert report["statements"] == 60 and report["baseline_peak_mib"] > 10
    answers = {row["request"]: row["status"] for row in report["worst"]}
    assert len(answers) == 11 and set(answers.values()) <= {200, 400}
    assert answers["zeroblob(300000000) as JSON"] == answers["a recursive CTE without end"] == 400
    assert report["worst_peak_mib"] >= report["baseline_peak_mib"]
    assert report["page alone"]["requests"] > 0 and report["page under attack"]["requests"] > 0
    assert sum(report["page under attack"]["attack_answers"].values()) > 0
    assert set(report["ratios"]) == {"p50_ms", "p95_ms"}
    assert "peak after the worst requests" in capsys.readouterr().out
