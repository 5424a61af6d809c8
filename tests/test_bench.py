"""The benchmark scripts run and report their figures (a smoke test: no timing is asserted)."""

from __future__ import annotations

import json
import re

import pytest

from bench.parse_speed import main as parse_speed

from .conftest import REAL, SEED


def test_parse_speed_reports_every_set_with_its_baseline(tmp_path, capsys):
    out = tmp_path / "parse.json"
    parse_speed([str(SEED.parent), str(REAL), "--repeat", "1", "--json", str(out)])
    rows = json.loads(out.read_text())
    assert [row["set"] for row in rows] == ["corpus, HTML pages", "corpus, Markdown posts", "corpus, all documents",
                                           "synthetic 300 KB page"]
    assert all(row["parse_per_second"] > 0 and row["bare_per_second"] > 0 for row in rows)
    assert all(1 < row["ratio"] < 50 for row in rows)  # a parse holds a bare one: each side timed, in its own process
    assert rows[2]["documents"] == 11 and rows[3]["kilobytes"] >= 300
    assert "target <= 3x" in capsys.readouterr().out


def test_warm_heap_reports_both_ways_of_the_collector_and_their_ratio(capsys):
    from bench.warm_heap import main as warm_heap

    warm_heap(["--rounds", "1", "--passes", "1"])
    out = capsys.readouterr().out
    assert "11 parses each way" in out
    assert "tables tracked by the collector" in out and "tables frozen (warm_up)" in out
    assert re.search(r"ratio frozen / tracked = \d+\.\d\dx", out)


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
                                       "site /search, year filter", "site /search, words and meaning"}
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


RESUMED = 50  # statements of the builds stopped and resumed below, 10 a slice


@pytest.fixture(scope="module")
def one_go(tmp_path_factory):
    """The build the resumed ones must equal: the same corpus, built without a stop."""
    from bench.scale import build
    from bench.synthetic import Corpus

    path = tmp_path_factory.mktemp("one-go") / "bench.db"
    build(path, Corpus(RESUMED), say=lambda line: None, step=10)
    return path


def stored(path) -> tuple[dict, str]:
    """Every table's rows, and a checksum of the statements (ids, titles, texts) and of who signed each."""
    import hashlib
    import sqlite3

    from bench.build import table_counts

    conn = sqlite3.connect(path)
    try:
        checksum = hashlib.sha256()
        for query in ("select id, title, text from statements order by id",
                      "select statement_id, position, organisation_id, name_as_written from signatures "
                      "order by statement_id, position"):
            for row in conn.execute(query):
                checksum.update(repr(row).encode())
    finally:
        conn.close()
    return table_counts(path), checksum.hexdigest()


def stop(path, where: str, call: int) -> None:
    """Run the build of path in a process that kills itself (SIGKILL) at the call-th statement or slice."""
    import signal
    import subprocess
    import sys

    from undersigned import PROJECT_ROOT

    ended = subprocess.run([sys.executable, "-m", "tests.bench_stop", str(path), str(RESUMED), "10", where,
                            str(call)], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert ended.returncode == -signal.SIGKILL, ended.stderr


def test_statement_k_is_the_same_made_alone_as_after_the_ones_before_it():
    """What a resume relies on: a corpus made again from statement k on gives the statements it gave before."""
    from bench.synthetic import Corpus

    in_one_go = list(Corpus(RESUMED).pairs())
    assert [Corpus(RESUMED).pair(k) for k in (0, 20, RESUMED - 1)] == [in_one_go[k] for k in (0, 20, RESUMED - 1)]
    assert list(Corpus(RESUMED).pairs(20, 30)) == in_one_go[20:30]
    assert Corpus(RESUMED, seed=2).pair(20) != in_one_go[20]


def test_a_build_killed_mid_slice_resumes_to_the_same_tables_with_every_part_timed(tmp_path, one_go):
    from bench.progress import Progress, bulk_path, progress_path
    from bench.scale import build
    from bench.synthetic import Corpus

    path = tmp_path / "bench.db"
    stop(path, "loader", 25)  # statements 20-29 are one transaction: the first 20 stay
    progress = Progress.read(progress_path(path))
    assert (progress.loader_saved, progress.compacted, len(progress.parts)) == (20, False, 1)
    stop(path, "bulk", 3)  # the loader goes on from 20 and finishes, then the baseline stops in its third slice
    progress = Progress.read(progress_path(path))
    assert (progress.loader_saved, progress.compacted, progress.bulk_saved) == (RESUMED, True, 20)
    assert bulk_path(path).exists()

    report = build(path, Corpus(RESUMED), resume=True, say=lambda line: None)
    assert stored(path) == stored(one_go)
    assert not bulk_path(path).exists()
    parts = report["per part"]
    assert report["parts"] == 3
    assert [part["loader statements"] for part in parts] == [20, 30, 0]
    assert [part["bulk statements"] for part in parts] == [0, 20, 30]
    assert parts[0]["loader_seconds"] > 0 and parts[1]["loader_seconds"] > 0 and parts[2]["loader_seconds"] == 0
    assert report["loader_seconds"] == pytest.approx(sum(part["loader_seconds"] for part in parts), abs=0.02)
    assert report["bulk_seconds"] == pytest.approx(sum(part["bulk_seconds"] for part in parts), abs=0.02)
    assert parts[1]["compact_seconds"] >= 0 and all(part["commit"] == parts[0]["commit"] for part in parts)


def test_a_slice_stored_but_not_recorded_is_saved_and_timed_again(tmp_path, one_go, monkeypatch, runner):
    """Ctrl-C between a slice's commit and its record: the slice is in the database, not in the progress."""
    import bench.build
    from bench.progress import Progress, progress_path
    from bench.scale import build
    from bench.synthetic import Corpus
    from undersigned.cli import cli

    path = tmp_path / "bench.db"
    original = Progress.save

    def interrupted(progress):
        if progress.loader_saved == 20:
            raise KeyboardInterrupt
        original(progress)

    monkeypatch.setattr(Progress, "save", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(path, Corpus(RESUMED), say=lambda line: None, step=10)
    monkeypatch.setattr(Progress, "save", original)
    assert Progress.read(progress_path(path)).loader_saved == 10

    for other in (["--statements", "60"], ["--statements", str(RESUMED), "--seed", "2"]):
        refused = runner.invoke(cli, ["bench", "--db", str(path), "--resume", *other])
        assert refused.exit_code == 1 and len(refused.output.strip().splitlines()) == 1, refused.output
        assert f"{path}: is a build of 50 statements with seed 1, not" in refused.output
    assert Progress.read(progress_path(path)).loader_saved == 10 and len(Progress.read(progress_path(path)).parts) == 1
    moved = path.rename(tmp_path / "moved.db")
    missing = runner.invoke(cli, ["bench", "--statements", str(RESUMED), "--db", str(path), "--resume"])
    assert missing.exit_code == 1 and f"{path}: not found, though its progress" in missing.output
    moved.rename(path)

    batches = []  # (the batch's first statement, whether it is saved in full even where unchanged)
    save_many = bench.build.load.save_many

    def watched(db, pairs, version, force):
        batches.append((int(pairs[0][0].url.rsplit("-", 1)[1]), force))
        return save_many(db, pairs, version, force)

    monkeypatch.setattr(bench.build.load, "save_many", watched)
    report = build(path, Corpus(RESUMED), resume=True, say=lambda line: None)
    assert batches == [(10, True), (20, False), (30, False), (40, False)]  # 10-19 in full again, then the rest
    assert stored(path) == stored(one_go)
    assert [part["loader statements"] for part in report["per part"]] == [10, 40]


def test_bench_resume_and_reuse_together_are_refused(tmp_path, runner):
    from undersigned.cli import cli

    result = runner.invoke(cli, ["bench", "--statements", "20", "--db", str(tmp_path / "b.db"), "--resume", "--reuse"])
    assert result.exit_code == 2 and "use one of them" in result.output
    assert not (tmp_path / "b.db").exists()


def test_a_progress_file_that_is_not_one_is_refused_in_one_line(tmp_path, runner):
    from undersigned.cli import cli

    (tmp_path / "b.db").write_bytes(b"")
    for junk in ("{", '{"statements": 20}'):
        (tmp_path / "b.build.json").write_text(junk)
        result = runner.invoke(cli, ["bench", "--statements", "20", "--db", str(tmp_path / "b.db"), "--resume"])
        assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1, result.output
        assert f"{tmp_path / 'b.build.json'}: not a benchmark build's progress" in result.output
    assert (tmp_path / "b.db").read_bytes() == b""


@pytest.fixture
def answering_site():
    """A server on 127.0.0.1 that answers each path with a fixed status and body."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    answers = {
        "/undersigned/statements?_search=the": (400, "<p>SQL query took too long. The time limit is controlled by"),
        "/search?q=the": (200, '<p class="message-error">the search took longer than 5 s and was stopped; fewer'),
        "/search?q=%22": (200, '<p class="message-error">the search could not be read: unbalanced quote</p>'),
        "/undersigned/statements?_search=tibet": (200, "<table></table>"),
        "/broken": (500, "error"),
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, body = answers[self.path]
            self.send_response(status)
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_search_the_site_stops_at_its_time_limit_is_timed_and_counted_not_fatal(answering_site):
    from collections import Counter

    import httpx

    from bench.serving import _getter, _summary, _time_each

    stopped = Counter()
    with httpx.Client(base_url=answering_site) as client:
        ways = {"table": _getter(client, "/undersigned/statements?_search=the"),
                "search": _getter(client, "/search?q=the"),
                "answered": _getter(client, "/undersigned/statements?_search=tibet")}
        summary = _summary(_time_each(ways, 3, stopped), stopped)
        for failing in ("/search?q=%22", "/broken"):
            with pytest.raises(RuntimeError, match="unbalanced quote|HTTP 500"):
                _time_each({"failing": _getter(client, failing)}, 1)
    assert {name: figures["stopped at the time limit"] for name, figures in summary.items()} == {
        "table": 3, "search": 3, "answered": 0}
    assert all(figures["samples"] == 3 for figures in summary.values())
