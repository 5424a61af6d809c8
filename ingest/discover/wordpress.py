"""WordPress REST API: /wp-json/wp/v2/posts, paged by X-WP-TotalPages."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import urlencode

from ..http import FetchError, PoliteClient
from . import Candidate, DiscoveryError

PER_PAGE = 100
MAX_PAGES = 1000


async def api_root(client: PoliteClient, base: str) -> str | None:
    """The REST API's root, as /wp-json/ or, on sites without pretty permalinks, ?rest_route=."""
    for root, probe in ((f"{base}/wp-json", f"{base}/wp-json/"), (f"{base}/?rest_route=", f"{base}/?rest_route=/")):
        try:
            response = await client.get(probe)
        except FetchError:
            continue
        if response.status == 200 and "wp/v2" in _json(response.body, {}).get("namespaces", []):
            return root
    return None


def endpoint(root: str, route: str, params: dict[str, str | int]) -> str:
    query = urlencode(params)
    return f"{root}{route}?{query}" if root.endswith("/wp-json") else f"{root}{route}&{query}"


async def category_id(client: PoliteClient, root: str, slug: str) -> int:
    response = await client.get(endpoint(root, "/wp/v2/categories", {"slug": slug, "_fields": "id"}))
    found = _json(response.body, []) if response.status == 200 else []
    ids = [entry["id"] for entry in found if isinstance(entry, dict) and isinstance(entry.get("id"), int)]
    if not ids:
        raise DiscoveryError(f"the site has no category {slug!r}")
    return ids[0]


async def discover(client: PoliteClient, base: str, since: str | None = None,
                   category: str | None = None) -> list[Candidate] | None:
    """Every post the API lists (newest first); None when the site has no REST API."""
    root = await api_root(client, base)
    if root is None:
        return None
    params: dict[str, str | int] = {"per_page": PER_PAGE, "_fields": "link,date_gmt,modified_gmt",
                                    "orderby": "date", "order": "desc"}
    if since:
        params["after"] = f"{since}T00:00:00"
    if category:
        params["categories"] = await category_id(client, root, category)
    first, total_pages = await _posts_page(client, root, params, 1)
    # Page 1 says how many there are; the rest are fetched together, as politeness allows.
    rest = await asyncio.gather(*(_posts_page(client, root, params, page)
                                  for page in range(2, min(total_pages, MAX_PAGES) + 1)))
    return first + [candidate for page, _ in rest for candidate in page]


async def _posts_page(client: PoliteClient, root: str, params: dict[str, str | int],
                      page: int) -> tuple[list[Candidate], int]:
    """One page of posts and the number of pages the API reports (X-WP-TotalPages)."""
    response = await client.get(endpoint(root, "/wp/v2/posts", {**params, "page": page}))
    if response.status == 400 and _json(response.body, {}).get("code") == "rest_post_invalid_page_number":
        return [], 0  # past the last page: the posts changed while we read them
    if response.status != 200:
        raise FetchError(f"REST API page {page}: HTTP {response.status}")
    posts = _json(response.body, [])
    candidates = [Candidate(post["link"], _iso(post.get("modified_gmt")), _iso(post.get("date_gmt")))
                  for post in posts if isinstance(post, dict) and isinstance(post.get("link"), str) and post["link"]]
    total_pages = response.headers.get("x-wp-totalpages", "1").strip()
    return candidates, int(total_pages) if total_pages.isdigit() else 1


def _iso(value: object) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    return value if value.endswith("Z") else f"{value}Z"


def _json(body: bytes, default):
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return default
    return data if isinstance(data, type(default)) else default
