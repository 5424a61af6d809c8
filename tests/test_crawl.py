"""Crawling a WordPress-like site on 127.0.0.1: politeness, faults, incremental and resumable runs."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlite_utils import Database

from db.schema import open_database
from ingest.http import Politeness
from undersigned.cli import cli
from undersigned.crawl import CrawlError, CrawlOptions, crawl

from .wordpress_site import DISALLOWED, Faults, WordPressSite, make_posts, statement_content

STATEMENTS, NOTICES = 12, 3
FAST = dict(delay=0.0, backoff=0.02)


def run(db_path: Path, site: WordPressSite, concurrency: int = 2, attempts: int = 4, **options):
    db = open_database(str(db_path))
    politeness = Politeness(concurrency=concurrency, attempts=attempts, **FAST)
    try:
        return asyncio.run(crawl(db, site.url, CrawlOptions(politeness=politeness, **options)))
    finally:
        db.close()


def statement_urls(db_path: Path) -> list[str]:
    return [row[0] for row in Database(db_path).execute("select url from statements order by url").fetchall()]


def post_requests(site: WordPressSite) -> list[tuple[str, dict[str, str]]]:
    return [(path, headers) for path, headers in site.log if path.startswith(("/statement-", "/event-"))]


def test_every_statement_once_non_statements_archived_and_robots_obeyed(db_path):
    with WordPressSite(make_posts(STATEMENTS, NOTICES)) as site:
        report = run(db_path, site)
    expected = sorted(f"{site.url}/statement-{n}/" for n in range(1, STATEMENTS + 1))
    assert statement_urls(db_path) == expected
    assert (report.source, report.discovered, report.outcomes["new"], report.outcomes["other_page"]) == (
        "wordpress-api", STATEMENTS + NOTICES, STATEMENTS, NOTICES)
    db = Database(db_path)
    assert db["documents"].count_where("url like ?", ["%/event-%"]) == NOTICES
    assert db["signatures"].count == STATEMENTS * 3
    assert not [path for path in site.paths_requested() if path.startswith(DISALLOWED)]


def test_requests_in_flight_never_exceed_the_concurrency_limit(db_path):
    with WordPressSite(make_posts(STATEMENTS, NOTICES), latency=0.05) as site:
        run(db_path, site, concurrency=2)
    assert site.max_in_flight == 2


def test_a_second_crawl_sends_conditional_requests_and_reparses_nothing(db_path):
    with WordPressSite(make_posts(STATEMENTS, NOTICES)) as site:
        run(db_path, site)
        parsed_at = Database(db_path).execute("select id, parsed_at from statements order by id").fetchall()
        first_requests = len(site.log)
        report = run(db_path, site)
    second = post_requests(site)[STATEMENTS + NOTICES:]
    assert len(second) == STATEMENTS + NOTICES and len(site.log) > first_requests
    assert all("If-None-Match" in headers and "If-Modified-Since" in headers for _, headers in second)
    assert report.outcomes["not_modified"] == STATEMENTS + NOTICES
    assert Database(db_path).execute("select id, parsed_at from statements order by id").fetchall() == parsed_at


def test_an_updated_post_is_picked_up_and_versioned(db_path):
    with WordPressSite(make_posts(STATEMENTS, NOTICES)) as site:
        run(db_path, site)
        site.update_post("statement-2", statement_content(2, 5) + "<p>List updated on 1 March 2023.</p>")
        report = run(db_path, site)
    assert (report.outcomes["updated"], report.outcomes["not_modified"]) == (1, STATEMENTS + NOTICES - 1)
    db = Database(db_path)
    statement = next(db.query("select id, n_signatories, date_updated from statements where url like ?",
                              ["%/statement-2/"]))
    assert (statement["n_signatories"], statement["date_updated"]) == (5, "2023-03-01")
    versions = list(db.query("select n_signatories, signatories from statement_versions where statement_id = ? "
                             "order by rowid", [statement["id"]]))
    assert [v["n_signatories"] for v in versions] == [3, 5]
    joined = set(json.loads(versions[1]["signatories"])) - set(json.loads(versions[0]["signatories"]))
    assert joined == {"Support Group 2-4 – Germany", "Support Group 2-5 – Germany"}


def test_faults_are_retried_and_the_crawl_completes(db_path):
    faults = Faults(error_every=5, bursts_429={"/statement-3/": 2}, retry_after=1,
                    slow={"/statement-4/": 0.5}, drops={"/statement-5/": 1, "/statement-6/": 1},
                    wrong_charset={"/statement-7/"})
    with WordPressSite(make_posts(STATEMENTS, NOTICES), faults) as site:
        report = run(db_path, site, attempts=8)  # the periodic 503s may land on a throttled page too
    assert report.failed == []
    assert len(statement_urls(db_path)) == STATEMENTS
    name = Database(db_path).execute("select name_as_written from signatures join statements on statements.id = "
                                     "signatures.statement_id where url like '%/statement-7/' limit 1").fetchone()[0]
    assert name == "Support Group 7-1 – Germany"  # UTF-8 bytes under a wrong ISO-8859-1 declaration
    assert 3 <= site.paths_requested().count("/statement-3/") <= 5  # two 429s (maybe a 503 or two), the page


def test_retry_after_is_honoured(db_path):
    faults = Faults(bursts_429={"/statement-1/": 1}, retry_after=1)
    with WordPressSite(make_posts(1, 0), faults) as site:
        started = time.monotonic()
        run(db_path, site)
        elapsed = time.monotonic() - started
    assert [path for path in site.paths_requested() if path == "/statement-1/"] == ["/statement-1/"] * 2
    assert elapsed >= 1.0


def test_a_url_that_keeps_failing_is_recorded_with_its_reason_and_the_crawl_goes_on(db_path):
    faults = Faults(bursts_429={"/statement-2/": 99}, retry_after=0)
    with WordPressSite(make_posts(4, 0), faults) as site:
        report = run(db_path, site)
    assert [(url.rsplit("/", 2)[-2], reason) for url, reason in report.failed] == [
        ("statement-2", "HTTP 429 after 4 attempts")]
    assert len(statement_urls(db_path)) == 3
    queue = Database(db_path).execute("select state, reason from crawl_queue where url like '%statement-2%'").fetchone()
    assert queue == ("failed", "HTTP 429 after 4 attempts")


def test_robots_txt_that_keeps_failing_forbids_the_site(db_path):
    with WordPressSite(make_posts(2, 0), Faults(robots_errors=99)) as site:
        with pytest.raises(CrawlError, match="robots.txt disallows"):
            run(db_path, site)
    assert set(site.paths_requested()) == {"/robots.txt"}


def test_robots_txt_failing_briefly_is_retried(db_path):
    with WordPressSite(make_posts(2, 0), Faults(robots_errors=1)) as site:
        run(db_path, site)
    assert len(statement_urls(db_path)) == 2


@pytest.mark.parametrize("without, source", [
    (frozenset({"api"}), "sitemap"),
    (frozenset({"api", "sitemap"}), "feed"),
    (frozenset({"api", "sitemap", "feed"}), "listing"),
])
def test_discovery_falls_back_from_the_api_to_sitemaps_feeds_and_listings(db_path, without, source):
    with WordPressSite(make_posts(STATEMENTS, NOTICES), without=without) as site:
        report = run(db_path, site)
    assert report.source == source
    assert len(statement_urls(db_path)) == STATEMENTS
    assert not any("author" in url for url in statement_urls(db_path))


def test_since_limit_and_category(db_path, tmp_path):
    with WordPressSite(make_posts(STATEMENTS, NOTICES)) as site:
        report = run(db_path, site, category="statements", since="2023-01-10")
        assert report.discovered == STATEMENTS - 9  # posts of 10 Jan 2023 and later, statements only
        other = run(tmp_path / "limited.db", site, limit=4)
        assert other.discovered == 4
        with pytest.raises(CrawlError, match="no category 'nonesuch'"):
            run(tmp_path / "none.db", site, category="nonesuch")


def test_crawl_command_prints_its_summary(runner, db_path):
    with WordPressSite(make_posts(3, 1)) as site:
        result = runner.invoke(cli, ["crawl", site.url, "--db", str(db_path), "--delay", "0"])
    assert result.exit_code == 0, result.output
    assert f"{site.url}: 4 posts discovered from wordpress-api" in result.output
    assert "new statements: 3, updated statements: 0, other pages: 1, failed: 0" in result.output


def comparable(db_path: Path) -> dict[str, list]:
    """The database less what differs between any two crawls: fetch and parse times, crawl bookkeeping."""
    db = Database(db_path)
    queries = {
        "statements": "select id, url, title, kind, date, text, n_demands, n_signatories, document_id from statements",
        "demands": "select * from demands", "signatures": "select * from signatures",
        "organisations": "select * from organisations",
        "documents": "select id, url, status, etag, sha256, body from documents",
        "statement_versions": "select statement_id, document_id, sha256, signatories from statement_versions",
    }
    return {name: sorted(db.execute(sql).fetchall()) for name, sql in queries.items()}


def test_a_crawl_killed_part_way_and_run_again_equals_a_clean_crawl(tmp_path):
    with WordPressSite(make_posts(30, 5), latency=0.05) as site:
        clean = tmp_path / "clean.db"
        run(clean, site)
        interrupted = tmp_path / "interrupted.db"
        command = [sys.executable, "-m", "undersigned", "crawl", site.url, "--db", str(interrupted),
                   "--delay", "0", "--concurrency", "1"]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_done_posts(interrupted, 8, process)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert 8 <= _done(interrupted) < 35
        finished = {urlsplit(url).path for url in _done_urls(interrupted)}
        before_resume = len(site.paths_requested())
        resumed = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "(resumed an interrupted crawl)" in resumed.stdout
    assert comparable(interrupted) == comparable(clean)
    asked_again = finished & set(site.paths_requested()[before_resume:])
    assert not asked_again  # a post finished before the kill is not asked for again on resume


def _done_urls(db_path: Path) -> list[str]:
    return [row[0] for row in Database(db_path).execute("select url from crawl_queue where state = 'done'")]


def _done(db_path: Path) -> int:
    return Database(db_path).execute("select count(*) from crawl_queue where state = 'done'").fetchone()[0]


def _wait_for_done_posts(db_path: Path, count: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        if db_path.exists():
            try:
                done = _done(db_path)
            except Exception:  # the schema may not be there yet
                done = 0
            if done >= count:
                return
        time.sleep(0.05)
    raise AssertionError("the crawl did not get far enough to be interrupted")


def test_reparse_needs_no_network_and_reports_what_changed(runner, db_path):
    with WordPressSite(make_posts(3, 1)) as site:
        run(db_path, site)
    result = runner.invoke(cli, ["reparse", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "re-parsed 4 documents with parser 1: 1 document only, 3 unchanged"
    db = Database(db_path)
    db.execute("update statements set n_demands = 0")
    db.conn.commit()
    result = runner.invoke(cli, ["reparse", "--db", str(db_path)])
    assert "3 updated" in result.output
    assert db.execute("select sum(n_demands) from statements").fetchone()[0] == 6


def test_a_feed_found_through_the_home_pages_alternate_link(db_path):
    with WordPressSite(make_posts(STATEMENTS, NOTICES), without=frozenset({"api", "sitemap"}),
                       feed_path="/news.rss") as site:
        report = run(db_path, site)
    assert report.source == "feed"
    assert len(statement_urls(db_path)) == STATEMENTS
