"""Finding a site's posts, best source first: the WordPress REST API, sitemaps, feeds, listing pages.

Each source is one module with one entry function returning Candidates, or None when the site
does not offer that source. Whatever finds a post, its own page is the record that is fetched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

# The most URLs one discovery keeps, whatever a site's sitemaps list (each may list 50,000, and an
# index may name thousands of them); the REST API's 1,000 pages of 100 come to the same.
MAX_CANDIDATES = 100_000

@dataclass(frozen=True)
class Candidate:
    url: str
    lastmod: str | None = None  # ISO 8601, as the source gives it
    published: str | None = None


class DiscoveryError(Exception):
    """The site offers a source but it cannot be used as asked (an unknown category, say)."""


@cache
def _presets() -> dict[str, dict]:
    data = json.loads(resources.files("ingest").joinpath("sites.json").read_text("utf-8"))
    return {name: preset for name, preset in data.items() if not name.startswith("_")}


def site_preset(name: str) -> dict | None:
    """A named site from ingest/sites.json: base_url, category, name."""
    return _presets().get(name)


def preset_names() -> list[str]:
    return sorted(_presets())
