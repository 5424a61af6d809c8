"""Crawling a WordPress-like site on 127.0.0.1: politeness, faults, incremental and resumable runs."""

from __future__ import annotations

import asyncio
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from db import demands
from db.load import version_signatories
from db.schema import open_database
from ingest.discover import Candidate, listing, sitemaps, wordpress
from ingest.fetch import USER_AGENT
from ingest.http import FetchError, PoliteClient, Politeness, Response
from ingest.parse import PARSER_VERSION
from ingest.urls import Scope
from undersigned.cli import cli
from undersigned.crawl import CrawlError, CrawlOptions, crawl

from .conftest import archived
from .wordpress_site import DISALLOWED, Faults, Post, WordPressSite, make_posts, statement_content

STATEMENTS, NOTICES = 12, 3
FAST = dict(delay=0.0, backoff=0.02)


def run(db_path: Path, site: WordPressSite, concurrency: int = 2, attempts: int = 4,
        politeness: dict | None = None, **options):
    db = open_database(str(db_path))
    politeness = Politeness(concurrency=concurrency, attempts=attempts, **{**FAST, **(politeness or {})})
    try:
        return asyncio.run(crawl(db, site.url, CrawlOptions(politeness=politeness, **options)))
    finally:
        db.close()


def private_post(number: int) -> Post:
    """A statement whose page is under the path robots.txt disallows."""
    post = make_posts(number, 0)[-1]
    post.slug = f"{DISALLOWED.strip('/')}/{post.slug}"
    return post


def statement_urls(db_path: Path) -> list[str]:
    return [row[0] for row in archived(db_path).execute("select url from statements order by url").fetchall()]


def post_requests(site: WordPressSite) -> list[tuple[str, dict[str, str]]]:
    return [(path, headers) for path, headers in site.log if path.startswith(("/statement-", "/event-"))]


def test_every_statement_once_non_statements_archived_and_robots_obeyed(db_path):
    with WordPressSite(make_posts(STATEMENTS, NOTICES)) as site:
        report = run(db_path, site)
    expected = sorted(f"{site.url}/statement-{n}/" for n in range(1, STATEMENTS + 1))
    assert statement_urls(db_path) == expected
    assert (report.source, report.discovered, report.outcomes["new"], report.outcomes["other_page"]) == (
        "wordpress-api", STATEMENTS + NOTICES, STATEMENTS, NOTICES)
    db = archived(db_path)
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
        parsed_at = archived(db_path).execute("select id, parsed_at from statements order by id").fetchall()
        first_requests = len(site.log)
        report = run(db_path, site)
    second = post_requests(site)[STATEMENTS + NOTICES:]
    assert len(second) == STATEMENTS + NOTICES and len(site.log) > first_requests
    assert all("If-None-Match" in headers and "If-Modified-Since" in headers for _, headers in second)
    assert report.outcomes["not_modified"] == STATEMENTS + NOTICES
    assert archived(db_path).execute("select id, parsed_at from statements order by id").fetchall() == parsed_at


def test_an_updated_post_is_picked_up_and_versioned(db_path):
    with WordPressSite(make_posts(STATEMENTS, NOTICES)) as site:
        run(db_path, site)
        site.update_post("statement-2", statement_content(2, 5) + "<p>List updated on 1 March 2023.</p>")
        report = run(db_path, site)
    assert (report.outcomes["updated"], report.outcomes["not_modified"]) == (1, STATEMENTS + NOTICES - 1)
    db = archived(db_path)
    statement = next(db.query("select id, n_signatories, date_updated from statements where url like ?",
                              ["%/statement-2/"]))
    assert (statement["n_signatories"], statement["date_updated"]) == (5, "2023-03-01")
    versions = list(db.query("select n_signatories, document_id from statement_versions "
                             "where statement_id = ? order by rowid", [statement["id"]]))
    assert [v["n_signatories"] for v in versions] == [3, 5]
    joined = set(version_signatories(db, versions[1]["document_id"])) - set(
        version_signatories(db, versions[0]["document_id"]))
    assert joined == {"Support Group 2-4 – Germany", "Support Group 2-5 – Germany"}


def test_faults_are_retried_and_the_crawl_completes(db_path):
    faults = Faults(error_every=5, bursts_429={"/statement-3/": 2}, retry_after=1,
                    slow={"/statement-4/": 0.5}, drops={"/statement-5/": 1, "/statement-6/": 1},
                    wrong_charset={"/statement-7/"})
    with WordPressSite(make_posts(STATEMENTS, NOTICES), faults) as site:
        report = run(db_path, site, attempts=8)  # the periodic 503s may land on a throttled page too
    assert report.failed == []
    assert len(statement_urls(db_path)) == STATEMENTS
    name = archived(db_path).execute("select name_as_written from signatures join statements on statements.id = "
                                     "signatures.statement_id where url like '%/statement-7/' limit 1").fetchone()[0]
    assert name == "Support Group 7-1 – Germany"  # UTF-8 bytes under a wrong ISO-8859-1 declaration
    assert 3 <= site.paths_requested().count("/statement-3/") <= 5  # two 429s (maybe a 503 or two), the page


def test_retry_after_is_honoured(db_path):
    faults = Faults(bursts_429={"/statement-1/": 1}, retry_after=1)
    with WordPressSite(make_posts(1, 0), faults) as site:
        run(db_path, site)
    arrivals = [when for when, path in site.arrivals if path == "/statement-1/"]
    assert len(arrivals) == 2 and arrivals[1] - arrivals[0] >= 1.0  # the server's clock: the wait is all client's


def test_a_retry_after_longer_than_we_wait_fails_the_url_at_once(db_path):
    faults = Faults(bursts_429={"/statement-1/": 1}, retry_after=2)
    with WordPressSite(make_posts(2, 0), faults) as site:
        report = run(db_path, site, politeness={"max_retry_after": 1.0})
    assert [reason for _, reason in report.failed] == ["HTTP 429, Retry-After 2 s is longer than we wait"]
    assert site.paths_requested().count("/statement-1/") == 1
    assert len(statement_urls(db_path)) == 1


def test_a_url_that_keeps_failing_is_recorded_with_its_reason_and_the_crawl_goes_on(db_path):
    faults = Faults(bursts_429={"/statement-2/": 99}, retry_after=0)
    with WordPressSite(make_posts(4, 0), faults) as site:
        report = run(db_path, site)
    assert [(url.rsplit("/", 2)[-2], reason) for url, reason in report.failed] == [
        ("statement-2", "HTTP 429 after 4 attempts")]
    assert len(statement_urls(db_path)) == 3
    queue = archived(db_path).execute("select state, reason from crawl_queue where url like '%statement-2%'").fetchone()
    assert queue == ("failed", "HTTP 429 after 4 attempts")


def test_robots_txt_that_keeps_failing_forbids_the_site(db_path):
    with WordPressSite(make_posts(2, 0), Faults(robots_errors=99)) as site:
        with pytest.raises(CrawlError, match=r"robots.txt could not be read \(HTTP 503 after 3 attempts\)"):
            run(db_path, site)
    assert set(site.paths_requested()) == {"/robots.txt"}


def test_a_robots_txt_that_disallows_everything_closes_the_site(db_path):
    with WordPressSite(make_posts(2, 0), robots_extra="Disallow: /") as site:
        with pytest.raises(CrawlError, match="the site is not crawled: disallowed by robots.txt"):
            run(db_path, site)
    assert site.paths_requested() == ["/robots.txt"]


def test_a_missing_robots_txt_allows_everything(db_path):
    posts = make_posts(2, 0) + [private_post(3)]
    with WordPressSite(posts, without=frozenset({"robots"})) as site:
        report = run(db_path, site)
    assert report.failed == []
    assert f"{site.url}{DISALLOWED}statement-3/" in statement_urls(db_path)


@pytest.mark.parametrize("without, source", [(frozenset(), "wordpress-api"), (frozenset({"api"}), "sitemap")])
def test_a_disallowed_url_that_discovery_lists_is_never_requested(db_path, without, source):
    posts = make_posts(2, 0) + [private_post(3)]
    with WordPressSite(posts, without=without) as site:
        report = run(db_path, site)
    assert report.source == source
    assert report.failed == [(f"{site.url}{DISALLOWED}statement-3/", "disallowed by robots.txt")]
    assert not [path for path in site.paths_requested() if path.startswith(DISALLOWED)]
    assert len(statement_urls(db_path)) == 2


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
    db = archived(db_path)
    queries = {
        "statements": "select id, url, title, kind, date, text, n_demands, n_signatories, document_id from statements",
        "demands": f"select {demands.SHOWN} from demands", "signatures": "select * from signatures",
        "organisations": "select * from organisations",
        "documents": "select id, url, status, etag, sha256, body from documents",
        "statement_versions": "select statement_id, document_id, n_signatories from statement_versions",
    }
    return {name: sorted(db.execute(sql).fetchall()) for name, sql in queries.items()}


def test_a_crawl_killed_part_way_and_run_again_equals_a_clean_crawl(tmp_path):
    with WordPressSite(make_posts(30, 5), latency=0.05) as site:
        clean = tmp_path / "clean.db"
        run(clean, site)
        interrupted = tmp_path / "interrupted.db"
        command = [sys.executable, "-m", "undersigned", "crawl", site.url, "--db", str(interrupted),
                   "--delay", "0", "--concurrency", "1"]
        # Posts are fetched newest first, one at a time: the 16th to be asked for is statement-20. Its
        # request is held unanswered, and the crawl is killed once it arrives.
        held = site.hold("/statement-20/")
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert held.wait(timeout=60), "the crawl did not get as far as statement-20"
        # Parsing runs behind fetching; on a busy machine it may not have saved a post yet.
        assert _eventually(lambda: _done(interrupted) >= 1, seconds=60), "no post was saved"
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert 1 <= _done(interrupted) < 35
        finished = {urlsplit(url).path for url in _done_urls(interrupted)}
        before_resume = len(site.paths_requested())
        site.release("/statement-20/")
        resumed = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "(resumed an unfinished crawl)" in resumed.stdout
    assert comparable(interrupted) == comparable(clean)
    asked_again = finished & set(site.paths_requested()[before_resume:])
    assert not asked_again  # a post finished before the kill is not asked for again on resume


def _eventually(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _done_urls(db_path: Path) -> list[str]:
    return [row[0] for row in archived(db_path).execute("select url from crawl_queue where state = 'done'")]


def _done(db_path: Path) -> int:
    return archived(db_path).execute("select count(*) from crawl_queue where state = 'done'").fetchone()[0]


def test_reparse_needs_no_network_and_reports_what_changed(runner, db_path):
    with WordPressSite(make_posts(3, 1)) as site:
        run(db_path, site)
    result = runner.invoke(cli, ["reparse", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"re-parsed 4 documents with parser {PARSER_VERSION}: 1 document only, 3 unchanged"
    db = archived(db_path)
    db.execute("update statements set n_demands = 0")
    db.conn.commit()
    result = runner.invoke(cli, ["reparse", "--db", str(db_path)])
    assert "3 updated" in result.output
    assert db.execute("select sum(n_demands) from statements").fetchone()[0] == 6


def test_statements_an_earlier_parser_saved_are_parsed_again_by_reparse(runner, db_path):
    with WordPressSite(make_posts(3, 0)) as site:
        run(db_path, site)
    db = archived(db_path)
    db.execute("update statements set parser_version = '1', n_signatories = 0")
    db.conn.commit()
    result = runner.invoke(cli, ["reparse", "--db", str(db_path)])
    assert "3 updated" in result.output, result.output
    assert {row[0] for row in db.execute("select distinct parser_version from statements")} == {PARSER_VERSION}
    assert db.execute("select min(n_signatories) from statements").fetchone()[0] > 0


def test_a_feed_found_through_the_home_pages_alternate_link(db_path):
    with WordPressSite(make_posts(STATEMENTS, NOTICES), without=frozenset({"api", "sitemap"}),
                       feed_path="/news.rss") as site:
        report = run(db_path, site)
    assert report.source == "feed"
    assert len(statement_urls(db_path)) == STATEMENTS


# -- a hostile or broken site: one bad URL is one failure line, and nothing is fetched that should not be ------


def test_bad_urls_in_a_sitemap_and_redirects_are_one_failure_line_each_and_the_crawl_goes_on(db_path, runner):
    faults = Faults(redirects={"/statement-2/": "data:text/html,<h1>Gotcha</h1>"})
    with WordPressSite(make_posts(4, 0), faults, without=frozenset({"api"})) as site:
        site.sitemap_extra = ["http://[oops/x", "http://127.0.0.1:99999/x", "ftp://127.0.0.1/x"]
        report = run(db_path, site)
        assert sorted(report.failed) == [
            ("ftp://127.0.0.1/x", "not an http(s) URL (ftp scheme)"),
            (f"{site.url}/statement-2/",
             "redirected to data:text/html,<h1>Gotcha</h1>: not an http(s) URL (data scheme)"),
            ("http://127.0.0.1:99999/x", "invalid URL (Port out of range 0-65535)"),
            ("http://[oops/x", "invalid URL (Invalid IPv6 URL)"),
        ]
        assert len(statement_urls(db_path)) == 3
        assert archived(db_path).execute("select count(*) from crawl_runs where finished_at is null").fetchone()[0] == 0
        result = runner.invoke(cli, ["crawl", site.url, "--db", str(db_path), "--delay", "0"])
    assert result.exit_code == 0, result.output
    assert "failed: http://[oops/x: invalid URL (Invalid IPv6 URL)\n" in result.output
    assert "Traceback" not in result.output


def test_redirects_are_followed_hop_by_hop_within_the_site_and_robots_txt(db_path):
    with WordPressSite(make_posts(1, 0)) as elsewhere:
        faults = Faults(redirects={
            "/moved/": "/statement-1/",  # relative, on the site: followed
            "/to-private/": f"{DISALLOWED}members-only/",
            "/away/": f"{elsewhere.url}/statement-1/",
            **{f"/loop-{n}/": f"/loop-{n + 1}/" for n in range(1, 8)},
        })
        with WordPressSite(make_posts(2, 0), faults, without=frozenset({"api"}),
                           robots_extra=f"Sitemap: {elsewhere.url}/wp-sitemap.xml") as site:
            site.sitemap_extra = [f"{site.url}/{path}/" for path in ("moved", "to-private", "away", "loop-1")]
            site.sitemap_extra.append(f"{elsewhere.url}/statement-1/")
            report = run(db_path, site)
    assert sorted((url.removeprefix(site.url), reason) for url, reason in report.failed) == [
        ("/away/", f"redirected to {elsewhere.url}/statement-1/: not on the site {site.url.removeprefix('http://')}"),
        ("/loop-1/", "more than 5 redirects"),
        ("/to-private/", f"redirected to {site.url}{DISALLOWED}members-only/: disallowed by robots.txt"),
    ]
    assert elsewhere.log == []  # neither its robots.txt, nor its sitemap, nor the page
    loops = [path for path in site.paths_requested() if path.startswith("/loop-")]
    assert loops == [f"/loop-{n}/" for n in range(1, 7)]  # the first request and five redirects
    assert not [path for path in site.paths_requested() if path.startswith(DISALLOWED)]
    assert report.off_site == [f"{elsewhere.url}/statement-1/"]
    queue = dict(archived(db_path).execute("select url, state from crawl_queue").fetchall())
    assert queue[f"{site.url}/moved/"] == "done" and f"{elsewhere.url}/statement-1/" not in queue
    assert statement_urls(db_path) == [f"{site.url}/statement-1/", f"{site.url}/statement-2/"]


def test_the_www_prefix_and_https_are_the_same_site_and_other_hosts_are_not():
    site = Scope.of("https://example.org")
    assert "http://www.example.org/a" in site and "https://example.org:443/b" in site
    assert "https://example.org.evil.net/" not in site and "https://news.example.org/" not in site
    assert "https://example.org:8443/" not in site and "https://user@evil.net/?example.org" not in site
    assert "http://[oops/x" not in site


def spaced_by(site: WordPressSite, delay: float) -> bool:
    """Whether the requests reached the server spaced by the delay. The gaps are measured by the server:
    a request slowed on its way (a busy machine) makes the one gap after it short, so one may be."""
    gaps = site.gaps()
    return len(gaps) >= 5 and sum(gap < 0.7 * delay for gap in gaps) <= 1


def test_the_site_is_crawled_no_faster_than_its_delay(db_path):
    with WordPressSite(make_posts(3, 0)) as site:
        run(db_path, site, politeness={"delay": 0.3})
    assert spaced_by(site, 0.3)  # robots.txt, the API twice, three posts


def test_a_crawl_delay_in_robots_txt_is_obeyed(db_path):
    with WordPressSite(make_posts(3, 0), robots_extra="Crawl-delay: 0.3") as site:
        run(db_path, site)
    assert spaced_by(site, 0.3)


def test_a_crawl_delay_longer_than_we_wait_skips_the_site(db_path):
    assert Politeness().max_crawl_delay == 60
    with WordPressSite(make_posts(2, 0), robots_extra="Crawl-delay: 2") as site:
        with pytest.raises(CrawlError, match="asks for a Crawl-delay of 2 s, longer than the 0.5 s we wait"):
            run(db_path, site, politeness={"max_crawl_delay": 0.5})
    assert site.paths_requested() == ["/robots.txt"]


def test_a_body_over_the_size_cap_fails_its_url_without_a_retry(db_path):
    with WordPressSite(make_posts(2, 0)) as site:
        site.update_post("statement-1", statement_content(1, 3) * 100)
        report = run(db_path, site, politeness={"max_bytes": 20_000})
    assert report.failed == [(f"{site.url}/statement-1/", "body larger than 20,000 bytes")]
    assert site.paths_requested().count("/statement-1/") == 1
    assert len(statement_urls(db_path)) == 1


def test_every_request_has_one_deadline_a_trickled_body_and_a_silent_server_included(db_path):
    faults = Faults(trickle={"/statement-1/": 0.1}, silent={"/statement-2/"})
    with WordPressSite(make_posts(4, 0), faults) as site:
        report = run(db_path, site, politeness={"timeout": 0.5})
    assert sorted(report.failed) == [(f"{site.url}/statement-1/", "timed out after 0.5 s reading the body"),
                                     (f"{site.url}/statement-2/", "timed out after 0.5 s waiting for the response")]
    assert site.paths_requested().count("/statement-1/") == site.paths_requested().count("/statement-2/") == 1
    assert len(statement_urls(db_path)) == 2


def test_a_host_that_keeps_timing_out_is_given_up_for_the_run(db_path):
    faults = Faults(silent={f"/statement-{n}/" for n in range(1, 7)})
    with WordPressSite(make_posts(6, 0), faults) as site:
        report = run(db_path, site, concurrency=1, politeness={"timeout": 0.2})
    reasons = [reason for _, reason in report.failed]
    assert reasons[:3] == ["timed out after 0.2 s waiting for the response"] * 3
    assert reasons[3:] == [f"not requested: {site.url.removeprefix('http://')} timed out 3 times in a row"] * 3
    assert len([path for path in site.paths_requested() if path.startswith("/statement-")]) == 3


@pytest.mark.parametrize("faults, phase", [(Faults(silent={"/robots.txt"}), "waiting for the response"),
                                           (Faults(trickle={"/robots.txt": 0.1}), "reading the body")])
def test_a_robots_txt_that_does_not_come_is_reported_as_such(db_path, faults, phase):
    with WordPressSite(make_posts(2, 0), faults) as site:
        with pytest.raises(CrawlError, match=rf"robots.txt could not be read \(timed out after 0.3 s {phase}\)"):
            run(db_path, site, politeness={"timeout": 0.3})
    assert site.paths_requested() == ["/robots.txt"]


def test_a_refused_connection_says_so_and_not_that_robots_txt_failed(db_path, closed_port_url):
    with pytest.raises(CrawlError, match=r"the site is not crawled: could not connect: Connection refused after 3 "
                                         r"attempts$"):
        asyncio.run(crawl(open_database(str(db_path)), closed_port_url.rsplit("/", 1)[0],
                          CrawlOptions(politeness=Politeness(attempts=1, backoff=0.01))))


def test_a_page_the_parser_cannot_take_is_one_failure_line(db_path, monkeypatch):
    from undersigned import crawl as crawl_module

    real_parse = crawl_module.parse

    def parse(document):
        if document.url.endswith("/statement-2/"):
            raise RuntimeError("a bug the page finds")
        return real_parse(document)

    monkeypatch.setattr(crawl_module, "parse", parse)
    with WordPressSite(make_posts(3, 0)) as site:
        report = run(db_path, site)
    assert report.failed == [(f"{site.url}/statement-2/", "internal error (RuntimeError: a bug the page finds)")]
    assert len(statement_urls(db_path)) == 2


def test_a_rest_api_that_fails_part_way_ends_the_crawl_with_one_line(db_path):
    with WordPressSite(make_posts(2, 0), Faults(errors={"/wp-json/wp/v2/posts": 500})) as site:
        with pytest.raises(CrawlError, match="the REST API failed: HTTP 500 after 4 attempts"):
            run(db_path, site)


def test_discovery_keeps_at_most_max_candidates(db_path, monkeypatch):
    monkeypatch.setattr(sitemaps, "MAX_CANDIDATES", 5)
    with WordPressSite(make_posts(STATEMENTS, NOTICES), without=frozenset({"api"})) as site:
        report = run(db_path, site)
    assert (report.source, report.discovered) == ("sitemap", 5)


def mock_client(answer) -> PoliteClient:
    """A PoliteClient whose requests are answered by a function, with robots.txt missing."""
    def route(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404) if request.url.path == "/robots.txt" else answer(request)

    return PoliteClient(Politeness(backoff=0.01), transport=httpx.MockTransport(route))


def test_hostile_rest_api_answers_are_read_without_raising():
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/wp-json/":
            return httpx.Response(200, json={"namespaces": ["wp/v2"]})
        posts = [{"link": 5}, {"link": ["x"]}, "junk", {"link": "https://example.org/a/", "date_gmt": 7}]
        return httpx.Response(200, json=posts, headers={"X-WP-TotalPages": "lots"})

    async def discover():
        async with mock_client(answer) as client:
            return await wordpress.discover(client, "https://example.org")

    assert asyncio.run(discover()) == [Candidate("https://example.org/a/")]


def test_hostile_listing_links_are_read_without_raising():
    page = ('<article><h2 class="entry-title"><a href="http://[oops/">x</a></h2></article>'
            '<article><h2 class="entry-title"><a href="/b/">b</a></h2></article><a rel="next" href="http://[next">')

    async def discover():
        async with mock_client(lambda request: httpx.Response(200, text=page)) as client:
            return await listing.discover(client, "https://example.org/")

    assert asyncio.run(discover()) == [Candidate("https://example.org/b/")]


def test_a_retry_after_date_without_a_zone_is_read_as_utc():
    response = Response("u", "u", 429, {"retry-after": "Wed, 21 Oct 2015 07:28:00 -0000"}, b"",
                        datetime.now(timezone.utc))
    assert PoliteClient._retry_after(response) == 0.0


def test_at_most_max_urls_per_run_and_the_rest_is_left_for_the_next(db_path, runner):
    with WordPressSite(make_posts(5, 0)) as site:
        first = run(db_path, site, max_urls=3)
        assert (first.outcomes["new"], first.left) == (3, 2)
        result = runner.invoke(cli, ["crawl", site.url, "--db", str(db_path), "--delay", "0", "--max-urls", "3"])
    assert result.exit_code == 0, result.output
    assert "(resumed an unfinished crawl)" in result.output and "new statements: 2," in result.output
    assert "left for the next run" not in result.output
    assert len(statement_urls(db_path)) == 5
    posts_fetched = [path for path, _ in post_requests(site)]
    assert len(posts_fetched) == len(set(posts_fetched)) == 5  # none fetched twice


# -- the polite client on its own, against the WordPress-like site or a bare server -----------------------------


class BareSite:
    """A server on 127.0.0.1 that answers each path exactly as told: (status, headers, body, whether the body's
    length is declared; if not, the body ends where the connection closes). Any other path is a 404."""

    def __init__(self, answers: dict[str, tuple[int, dict[str, str], bytes, bool]]):
        site = self
        self.answers = answers
        self.log: list[tuple[str, dict[str, str]]] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
                site.log.append((self.path, dict(self.headers)))
                status, headers, body, declared = site.answers.get(self.path, (404, {}, b"not here", True))
                self.send_response(status)
                for name, value in {**headers, **({"Content-Length": str(len(body))} if declared else {})}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> BareSite:
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.log]


def fetch_all(urls: list[str], **politeness) -> list[Response | str]:
    """Each URL fetched in turn by one PoliteClient: its Response, or the reason it failed."""
    async def fetch() -> list[Response | str]:
        results: list[Response | str] = []
        async with PoliteClient(Politeness(**{**FAST, **politeness})) as client:
            for url in urls:
                try:
                    results.append(await client.get(url))
                except FetchError as error:
                    results.append(str(error))
        return results

    return asyncio.run(asyncio.wait_for(fetch(), timeout=20))


def test_every_request_says_who_is_asking(db_path):
    with WordPressSite(make_posts(1, 0)) as site:
        run(db_path, site)
    assert USER_AGENT.startswith("Undersigned/")
    agents = [[value for name, value in headers.items() if name.lower() == "user-agent"] for _, headers in site.log]
    assert agents == [[USER_AGENT]] * len(site.log)  # robots.txt's rules are matched on it


def test_a_retry_waits_the_backoff_doubled_each_time_give_or_take_half():
    async def waits(attempt: int) -> list[float]:
        async with PoliteClient(Politeness(backoff=0.1)) as client:
            return [client._backoff(attempt) / (0.1 * 2 ** attempt) for _ in range(2000)]

    for attempt in range(4):
        ratios = asyncio.run(waits(attempt))
        assert 0.5 <= min(ratios) < 0.55 and 1.45 < max(ratios) <= 1.5, attempt


def test_the_size_cap_holds_for_a_body_of_undeclared_length_and_a_body_at_the_cap_is_whole():
    big = bytes(range(256)) * 600  # 153,600 bytes, read from the socket in several pieces
    answers = {"/robots.txt": (404, {}, b"", True), "/declared/": (200, {}, b"d" * 1000, True),
               "/undeclared/": (200, {}, b"u" * 1000, False), "/big/": (200, {}, big, False)}
    with BareSite(answers) as site:
        at_the_cap = fetch_all([f"{site.url}/declared/", f"{site.url}/undeclared/"], max_bytes=1000)
        whole, = fetch_all([f"{site.url}/big/"], max_bytes=len(big))
        over, = fetch_all([f"{site.url}/big/"], max_bytes=100_000)
    assert [response.body for response in at_the_cap] == [b"d" * 1000, b"u" * 1000]
    assert whole.body == big
    assert over == "body larger than 100,000 bytes"  # though no piece read is larger


def test_a_body_declared_over_the_size_cap_is_not_read():
    with WordPressSite(make_posts(1, 0), Faults(trickle={"/statement-1/": 0.05})) as site:
        result, = fetch_all([f"{site.url}/statement-1/"], max_bytes=1000, timeout=2.0)
    assert result == "body larger than 1,000 bytes"  # at once, not after a trickle of 1,000 bytes


def test_a_redirect_is_followed_from_a_redirect_status_only_and_keeps_the_url_asked_for():
    answers = {"/robots.txt": (404, {}, b"", True), "/old/": (301, {"Location": "/new/"}, b"", True),
               "/new/": (200, {}, b"new", True), "/created/": (200, {"Location": "/new/"}, b"created", True),
               "/nowhere/": (302, {}, b"gone, but where?", True)}
    with BareSite(answers) as site:
        created, nowhere, old = fetch_all([f"{site.url}/created/", f"{site.url}/nowhere/", f"{site.url}/old/"])
    assert (created.status, created.body, nowhere.status) == (200, b"created", 302)
    assert site.paths_requested() == ["/robots.txt", "/created/", "/nowhere/", "/old/", "/new/"]
    assert (old.url, old.final_url, old.body) == (f"{site.url}/old/", f"{site.url}/new/", b"new")
    assert old.fetched_at.utcoffset() == timedelta(0)


def test_each_host_has_its_own_robots_txt():
    async def robots(url: str):
        async with PoliteClient(Politeness(**FAST)) as client:
            return await client.robots(url)

    with WordPressSite(make_posts(1, 0), robots_extra="Disallow: /") as closed, \
            WordPressSite(make_posts(1, 0)) as open_site:
        refused, page = fetch_all([f"{closed.url}/statement-1/", f"{open_site.url}/statement-1/"])
        rules = asyncio.run(robots(f"{open_site.url}/statement-1/"))
    assert (refused, page.status) == ("disallowed by robots.txt", 200)
    assert not rules.can_fetch(f"{open_site.url}{DISALLOWED}x/", USER_AGENT)
    assert rules.can_fetch(f"{open_site.url}/statement-1/", USER_AGENT)


@pytest.mark.parametrize("status, reason", [
    (501, "robots.txt could not be read (HTTP 501), so nothing there is fetched"),
    (302, "robots.txt could not be read (HTTP 302), so nothing there is fetched"),  # a redirect to nowhere
    (400, None), (404, None),  # missing: everything is allowed, whatever the error page says
])
def test_a_robots_txt_in_error_forbids_the_site_and_a_missing_one_allows_it(status, reason):
    answers = {"/robots.txt": (status, {}, b"User-agent: *\nDisallow: /\n", True), "/page/": (200, {}, b"page", True)}
    with BareSite(answers) as site:
        result, = fetch_all([f"{site.url}/page/"])
    assert result == reason if reason else result.body == b"page"


def test_a_robots_txt_that_is_not_utf_8_is_read_all_the_same():
    robots = "# Café, in Latin-1\nUser-agent: *\nDisallow: /private/\n".encode("latin-1")
    answers = {"/robots.txt": (200, {}, robots, True), "/page/": (200, {}, b"page", True)}
    with BareSite(answers) as site:
        page, private = fetch_all([f"{site.url}/page/", f"{site.url}/private/page/"])
    assert (page.body, private) == (b"page", "disallowed by robots.txt")


def test_a_crawl_delay_as_long_as_we_wait_is_obeyed_from_the_robots_txt_request_on():
    with WordPressSite(make_posts(1, 0), robots_extra="Crawl-delay: 0.3") as site:
        page, = fetch_all([f"{site.url}/statement-1/"], max_crawl_delay=0.3)
    assert page.status == 200
    assert site.paths_requested() == ["/robots.txt", "/statement-1/"] and site.gaps()[0] >= 0.3


def test_a_retry_after_as_long_as_we_wait_is_waited_for_the_last_attempt_too():
    with WordPressSite(make_posts(1, 0), Faults(bursts_429={"/statement-1/": 1}, retry_after=1)) as site:
        page, = fetch_all([f"{site.url}/statement-1/"], attempts=2, max_retry_after=1.0)
    assert page.status == 200
    arrivals = [when for when, path in site.arrivals if path == "/statement-1/"]
    assert len(arrivals) == 2 and arrivals[1] - arrivals[0] >= 1.0


def test_no_wait_follows_the_last_attempt():
    with WordPressSite(make_posts(1, 0), Faults(bursts_429={"/statement-1/": 99}, retry_after=50)) as site:
        result, = fetch_all([f"{site.url}/statement-1/"], attempts=1)  # within fetch_all's 20 s, not after 50
    assert result == "HTTP 429 after 1 attempts"


def test_a_body_that_keeps_breaking_off_is_reported_in_httpx_words():
    with WordPressSite(make_posts(1, 0), Faults(drops={"/statement-1/": 99})) as site:
        result, = fetch_all([f"{site.url}/statement-1/"], attempts=2)
    assert re.fullmatch(r"connection failed \(RemoteProtocolError: peer closed connection without sending complete "
                        r"message body \(received \d+ bytes, expected \d+\)\) after 2 attempts", result), result


def test_connecting_has_its_own_shorter_deadline(monkeypatch):
    monkeypatch.setattr("ingest.http.CONNECT_TIMEOUT", 0.3)
    with socket.socket() as server, socket.socket() as queued:
        server.bind(("127.0.0.1", 0))
        server.listen(0)  # never accepts: once one connection waits in its queue, the next cannot connect
        queued.connect(server.getsockname())
        host, port = server.getsockname()
        result, = fetch_all([f"http://{host}:{port}/page/"], timeout=3.0)
    assert result == "timed out after 0.3 s connecting"
