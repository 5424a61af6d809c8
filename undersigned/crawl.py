"""Crawling a statement site: discover its posts, fetch each post's page, parse, save; resumable."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable

from sqlite_utils import Database

from db.load import Outcome, latest_document, save
from ingest.discover import Candidate, DiscoveryError, feeds, listing, sitemaps, wordpress
from ingest.documents import make_document
from ingest.errors import IngestError
from ingest.fetch import content_type_of
from ingest.http import FetchError, PoliteClient, Politeness, Response
from ingest.parse import PARSER_VERSION, parse, warm_up
from ingest.urls import Scope, url_problem

from .pipeline import Progress

MAX_URLS = 5_000  # URLs fetched per run, by default; the rest stay queued for the next run


@dataclass
class CrawlOptions:
    since: str | None = None  # YYYY-MM-DD: only posts published since
    limit: int | None = None
    category: str | None = None
    max_urls: int = MAX_URLS
    politeness: Politeness = field(default_factory=Politeness)


@dataclass
class CrawlReport:
    site: str
    source: str = "none"
    discovered: int = 0
    resumed: bool = False
    outcomes: Counter = field(default_factory=Counter)  # fetched, not_modified, new, updated, ...
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    off_site: list[str] = field(default_factory=list)  # URLs discovery found on other sites: not queued
    left: int = 0  # URLs still queued, over max_urls, for the next run


class CrawlError(Exception):
    """The crawl as a whole could not run (no way to find the site's posts, say)."""


MAX_REASON = 300  # characters of a failure's reason that are kept: a server's words can be long


async def crawl(db: Database, site: str, options: CrawlOptions, progress: Progress | None = None) -> CrawlReport:
    """Find every post of the site and bring the database up to date with it, at most options.max_urls
    of them per run. Interrupted at any point, or stopped at the cap, a re-run resumes the unfinished
    run: posts already done are not fetched again. Nothing off the site is requested."""
    site = site.rstrip("/")
    report = CrawlReport(site)
    scope = Scope.of(site)
    async with PoliteClient(options.politeness, scope) as client:
        try:  # robots.txt, once for the whole site, before anything else is asked of it
            await client.check(site + "/")
        except FetchError as error:
            raise CrawlError(f"{site}: the site is not crawled: {error}") from error
        run_id, pending = _resume(db, site)
        if run_id is None:
            report.source, found = await discover(client, site, options)
            candidates, report.off_site = _on_the_site(found, scope)
            candidates = candidates[: options.limit] if options.limit else candidates
            run_id = _start_run(db, site, report.source, candidates, options)
            pending = list(dict.fromkeys(c.url for c in candidates))
        else:
            report.resumed = True
            report.source = db["crawl_runs"].get(run_id)["source"]
        report.discovered = db["crawl_queue"].count_where("run_id = ?", [run_id])
        pending, report.left = pending[: options.max_urls], max(0, len(pending) - options.max_urls)
        if progress:
            progress.start(len(pending))
        # Parsing and every database call run on one worker thread, one at a time: the event loop is
        # left to keep requests in flight, and the connection is never used by two threads at once.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="store") as worker:
            store = _Store(db, run_id, worker)
            await store.call(warm_up)  # before any request, so that fetching does not run far ahead of parsing
            await asyncio.gather(*(_crawl_post(client, store, url, report, progress) for url in pending))
    if not report.left:
        db["crawl_runs"].update(run_id, {"finished_at": _now()})
    return report


@dataclass
class _Store:
    db: Database
    run_id: int
    worker: ThreadPoolExecutor

    async def call(self, function: Callable, *args):
        return await asyncio.get_running_loop().run_in_executor(self.worker, function, *args)


async def discover(client: PoliteClient, site: str, options: CrawlOptions) -> tuple[str, list[Candidate]]:
    """The posts of the site from its best source: REST API, sitemaps, feed, then listing pages."""
    try:
        found = await wordpress.discover(client, site, options.since, options.category)
    except DiscoveryError as error:
        raise CrawlError(f"{site}: {error}") from error
    except FetchError as error:
        raise CrawlError(f"{site}: the REST API failed: {error}") from error
    if found is not None:
        return "wordpress-api", found
    if options.category:
        found = await listing.discover(client, f"{site}/category/{options.category}/")
        if found is None:
            raise CrawlError(f"{site}: no REST API and no listing for category {options.category!r}")
        return "listing", found
    declared_sitemaps = list((await client.robots(site + "/")).sitemaps)
    for source, finder in (("sitemap", lambda: sitemaps.discover(client, site, declared_sitemaps)),
                           ("feed", lambda: feeds.discover(client, site)),
                           ("listing", lambda: listing.discover(client, site + "/"))):
        found = await finder()
        if found:
            return source, _since(found, options.since)
    raise CrawlError(f"{site}: found no REST API, sitemap, feed or listing of posts")


def _on_the_site(found: list[Candidate], scope: Scope) -> tuple[list[Candidate], list[str]]:
    """The candidates on the site, and the URLs of the others. A URL that could be requested nowhere
    stays with the first: it is queued, and fails on a line of its own."""
    on_the_site, elsewhere = [], []
    for candidate in found:
        if url_problem(candidate.url) or candidate.url in scope:
            on_the_site.append(candidate)
        else:
            elsewhere.append(candidate.url)
    return on_the_site, elsewhere


def _since(candidates: list[Candidate], since: str | None) -> list[Candidate]:
    if not since:
        return candidates
    return [c for c in candidates if (c.published or c.lastmod or "9999") >= since]


async def _crawl_post(client: PoliteClient, store: _Store, url: str, report: CrawlReport,
                      progress: Progress | None) -> None:
    try:
        archived = await store.call(latest_document, store.db, url)
        response = await client.get(url, _conditional_headers(archived))
        outcome, reason = await store.call(_store_response, store.db, response, archived)
    except (FetchError, IngestError) as error:
        outcome, reason = "failed", str(error)
    except Exception as error:  # a bug on one page must not stop the crawl, nor every resume of it
        outcome, reason = "failed", f"internal error ({type(error).__name__}: {error})"
    if outcome == "failed":
        reason = " ".join((reason or "unknown").split())[:MAX_REASON]
        report.failed.append((url, reason))
    report.outcomes[outcome] += 1
    await store.call(_mark, store.db, store.run_id, url, outcome, reason)
    if progress:
        progress.advance(url, outcome)


def _store_response(db: Database, response: Response, archived: dict | None) -> tuple[str, str | None]:
    """Parse and save a fetched post page, unless it is not modified or the same bytes came back."""
    if response.not_modified:
        return "not_modified", None
    if not 200 <= response.status < 300:
        return "failed", f"HTTP {response.status}"
    document = _document(response)
    if archived and archived["sha256"] == document.sha256 and _same_metadata(archived):
        return "unchanged", None  # the page came back whole but identical: nothing to re-parse
    outcome = save(db, document, parse(document), PARSER_VERSION)
    return _OUTCOME_NAMES[outcome], None


_OUTCOME_NAMES = {Outcome.ADDED: "new", Outcome.UPDATED: "updated", Outcome.UNCHANGED: "unchanged",
                  Outcome.DOCUMENT_ONLY: "other_page"}


def _conditional_headers(archived: dict | None) -> dict[str, str]:
    headers = {}
    if archived and archived["etag"]:
        headers["If-None-Match"] = archived["etag"]
    if archived and archived["last_modified"]:
        headers["If-Modified-Since"] = archived["last_modified"]
    return headers


def _same_metadata(archived: dict) -> bool:
    return json.loads(archived["metadata"] or "{}") == {}


def _document(response: Response):
    media_type, charset = content_type_of(response.headers.get("content-type"))
    content_type = "text/markdown" if media_type in ("text/markdown", "text/x-markdown") else \
        "text/plain" if media_type == "text/plain" else "text/html"
    return make_document(response.final_url, response.body, content_type, {}, url=response.final_url,
                         declared_charset=charset, status=response.status, etag=response.headers.get("etag"),
                         last_modified=response.headers.get("last-modified"), fetched_at=response.fetched_at)


def _resume(db: Database, site: str) -> tuple[int | None, list[str]]:
    """The unfinished run for this site, if any, and its posts still to do."""
    rows = list(db.query("select id from crawl_runs where site = ? and finished_at is null "
                         "order by id desc limit 1", [site]))
    if not rows:
        return None, []
    run_id = rows[0]["id"]
    pending = [row["url"] for row in
               db.query("select url from crawl_queue where run_id = ? and state = 'pending' order by rowid", [run_id])]
    return run_id, pending


def _start_run(db: Database, site: str, source: str, candidates: list[Candidate], options: CrawlOptions) -> int:
    with db.atomic():
        run_id = db["crawl_runs"].insert({
            "site": site, "started_at": _now(), "source": source, "discovered": len(candidates),
            "options": json.dumps({"since": options.since, "limit": options.limit, "category": options.category}),
        }).last_pk
        db["crawl_queue"].insert_all(({"run_id": run_id, "url": c.url, "lastmod": c.lastmod, "state": "pending"}
                                      for c in candidates), pk=("run_id", "url"), ignore=True)
    return run_id


def _mark(db: Database, run_id: int, url: str, outcome: str, reason: str | None) -> None:
    db["crawl_queue"].update((run_id, url), {"state": "failed" if outcome == "failed" else "done",
                                             "outcome": outcome, "reason": reason, "done_at": _now()})


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
