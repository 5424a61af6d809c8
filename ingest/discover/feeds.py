"""RSS and Atom feeds: /feed/ and the home page's <link rel="alternate">, paged with ?paged=N."""

from __future__ import annotations

import time

import feedparser
from bs4 import BeautifulSoup

from ..http import FetchError, PoliteClient
from ..urls import resolve
from . import Candidate

MAX_PAGES = 100


async def discover(client: PoliteClient, base: str) -> list[Candidate] | None:
    """Every entry of the site's feed (/feed/, else the one the home page links to), following
    WordPress's ?paged= paging; None without a feed."""
    for url in (f"{base}/feed/", await _advertised_feed(client, base)):
        if url:
            found = await _all_pages(client, url)
            if found:
                return found
    return None


async def _advertised_feed(client: PoliteClient, base: str) -> str | None:
    """The home page's <link rel="alternate" type="application/rss+xml" (or atom+xml) href=...>."""
    try:
        response = await client.get(f"{base}/")
    except FetchError:
        return None
    link = BeautifulSoup(response.body, "lxml").select_one(
        'link[rel~=alternate][type="application/rss+xml"], link[rel~=alternate][type="application/atom+xml"]')
    href = link.get("href") if link else None
    return resolve(response.final_url, href) if isinstance(href, str) else None


async def _all_pages(client: PoliteClient, url: str) -> list[Candidate]:
    candidates: dict[str, Candidate] = {}
    for page in range(1, MAX_PAGES + 1):
        entries = await _entries(client, url if page == 1 else f"{url}{'&' if '?' in url else '?'}paged={page}")
        fresh = [entry for entry in entries if entry.url not in candidates]
        if not fresh:
            break
        candidates.update((entry.url, entry) for entry in fresh)
    return list(candidates.values())


async def _entries(client: PoliteClient, url: str) -> list[Candidate]:
    try:
        response = await client.get(url)
    except FetchError:
        return []
    if response.status != 200:
        return []
    feed = feedparser.parse(response.body)
    # dict.get: feedparser's own get() maps a missing updated_parsed to published_parsed, with a warning
    return [Candidate(entry.link, _iso(dict.get(entry, "updated_parsed")), _iso(dict.get(entry, "published_parsed")))
            for entry in feed.entries if isinstance(entry.get("link"), str) and entry.get("link")]


def _iso(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None
