"""Sitemaps: robots.txt Sitemap: lines, /wp-sitemap.xml, /sitemap.xml; indexes followed."""

from __future__ import annotations

import re

from lxml import etree

from ..http import FetchError, PoliteClient
from . import MAX_CANDIDATES, Candidate

MAX_SITEMAPS = 200
# WordPress lists authors and taxonomies in sitemaps of their own; their pages are archives, not posts.
_NOT_POSTS = re.compile(r"wp-sitemap-(?:users|taxonomies)-|sitemap-(?:author|category|tag)", re.I)


async def discover(client: PoliteClient, base: str, declared: list[str]) -> list[Candidate] | None:
    """Every page the site's sitemaps list; None when it has none."""
    queue = list(dict.fromkeys(declared or [f"{base}/wp-sitemap.xml", f"{base}/sitemap.xml"]))
    seen: set[str] = set()
    candidates: dict[str, Candidate] = {}
    while queue and len(seen) < MAX_SITEMAPS and len(candidates) < MAX_CANDIDATES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        root = await _read(client, url)
        if root is None:
            continue
        if etree.QName(root).localname == "sitemapindex":
            queue += [loc for loc, _ in _entries(root, "sitemap") if not _NOT_POSTS.search(loc)]
        else:
            for loc, lastmod in _entries(root, "url"):
                candidates.setdefault(loc, Candidate(loc, lastmod))
    return list(candidates.values())[:MAX_CANDIDATES] if seen and candidates else None


async def _read(client: PoliteClient, url: str):
    try:
        response = await client.get(url)
    except FetchError:
        return None
    if response.status != 200 or not response.body.strip():
        return None
    try:
        return etree.fromstring(response.body, parser=etree.XMLParser(recover=True, resolve_entities=False))
    except etree.XMLSyntaxError:
        return None


def _entries(root, element: str) -> list[tuple[str, str | None]]:
    found = []
    for entry in root:
        if not isinstance(entry.tag, str) or etree.QName(entry).localname != element:
            continue
        values = {etree.QName(child).localname: (child.text or "").strip() for child in entry
                  if isinstance(child.tag, str)}
        if values.get("loc"):
            found.append((values["loc"], values.get("lastmod") or None))
    return found
