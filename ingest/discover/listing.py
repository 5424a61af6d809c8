"""HTML listing pages: the home page or a category, following rel=next."""

from __future__ import annotations

from bs4 import BeautifulSoup

from ..http import FetchError, PoliteClient
from ..urls import Scope, resolve
from . import Candidate

MAX_PAGES = 200
POST_LINKS = ("a[rel~=bookmark]", ".entry-title a", "article h1 a", "article h2 a", "article h3 a")


async def discover(client: PoliteClient, start: str) -> list[Candidate] | None:
    """The posts each listing page links to, page after page; None when no page lists any."""
    candidates: dict[str, Candidate] = {}
    url: str | None = start
    for _ in range(MAX_PAGES):
        if url is None:
            break
        try:
            response = await client.get(url)
        except FetchError:
            break
        if response.status != 200:
            break
        soup = BeautifulSoup(response.body, "lxml")
        for link in _post_links(soup, response.final_url):
            candidates.setdefault(link, Candidate(link))
        url = _next_page(soup, response.final_url)
    return list(candidates.values()) or None


def _post_links(soup: BeautifulSoup, page_url: str) -> list[str]:
    site = Scope.of(page_url)
    links = []
    for selector in POST_LINKS:
        for anchor in soup.select(selector):
            href = anchor.get("href")
            if isinstance(href, str):
                absolute = resolve(page_url, href).split("#")[0]
                if absolute in site:
                    links.append(absolute)
    return list(dict.fromkeys(links))


def _next_page(soup: BeautifulSoup, page_url: str) -> str | None:
    link = soup.select_one("link[rel~=next], a[rel~=next], a.next, .nav-previous a")
    href = link.get("href") if link else None
    return resolve(page_url, href) if isinstance(href, str) else None
