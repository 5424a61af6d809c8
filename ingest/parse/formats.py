"""Reading each source format into a Page: blocks plus the metadata the markup carries."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date, datetime
from typing import Any

import yaml
from bs4 import BeautifulSoup, Tag
from markdown_it import MarkdownIt

from .blocks import Page, blocks_from_soup, blocks_from_text, clean, soup_of
from .countries import fold

_YAML_FRONT_MATTER = re.compile(r"\A\ufeff?---\s*\n(.*?)\n(?:---|\.\.\.)\s*(?:\n|\Z)", re.S)
_TOML_FRONT_MATTER = re.compile(r"\A\ufeff?\+\+\+\s*\n(.*?)\n\+\+\+\s*(?:\n|\Z)", re.S)
_MARKDOWN = MarkdownIt("commonmark", {"html": True, "breaks": True}).enable("table")
FRONT_MATTER_KEYS = {  # for each field, the keys Hugo, Jekyll and others use, best first
    "title": ("title",),
    "date": ("date", "publishedDate", "published_date", "published", "pubDate", "publishdate"),
    "language": ("language", "lang", "languageCode"),
    "publisher": ("publisher", "author", "authors"),
}
CONTENT_SELECTORS = ("article .entry-content", ".entry-content", ".post-content", "article", "main", "[role=main]")


def read_page(text: str, content_type: str) -> Page:
    if content_type == "text/html":
        return page_from_html(text)
    if content_type == "text/markdown":
        return page_from_markdown(text)
    return Page(blocks_from_text(text))


def page_from_markdown(text: str) -> Page:
    metadata: dict[str, Any] = {}
    for pattern, load in ((_YAML_FRONT_MATTER, _load_yaml), (_TOML_FRONT_MATTER, _load_toml)):
        match = pattern.match(text)
        if match:
            metadata = _front_matter(load(match.group(1)))
            text = text[match.end():]
            break
    soup = soup_of(_MARKDOWN.render(text))
    blocks = blocks_from_soup(soup.body or soup)
    if blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        metadata["title"] = blocks[0].text  # an author's own H1 names the statement, whatever the post is called
    return Page(blocks, metadata)


def _load_yaml(source: str) -> Any:
    try:
        return yaml.safe_load(source)
    except yaml.YAMLError:
        return None


def _load_toml(source: str) -> Any:
    try:
        return tomllib.loads(source)
    except tomllib.TOMLDecodeError:
        return None


def _front_matter(data: Any) -> dict[str, Any]:
    """Title, date, language and publisher from a Hugo or Jekyll front matter."""
    if not isinstance(data, dict):
        return {}
    found: dict[str, Any] = {}
    for field, keys in FRONT_MATTER_KEYS.items():
        for key in keys:
            value = data.get(key)
            if isinstance(value, list) and value and isinstance(value[0], str):
                value = value[0]  # authors: [drw]
            if isinstance(value, (datetime, date)):
                value = value.isoformat()
            if isinstance(value, str) and value.strip():
                found[field] = value.strip()
                break
    return found


def page_from_html(html: str) -> Page:
    soup = soup_of(html)
    metadata = html_metadata(soup)
    return Page(blocks_from_soup(content_root(soup)), metadata)


def content_root(soup: BeautifulSoup) -> Tag:
    for selector in CONTENT_SELECTORS:
        found = soup.select_one(selector)
        if found is not None:
            return found
    return soup.body or soup


def html_metadata(soup: BeautifulSoup) -> dict[str, Any]:
    metadata: dict[str, Any] = {}
    json_ld = _json_ld(soup)
    title = _agreed_title([_first_text(soup, ["h1.entry-title", "h1.post-title"]), _meta(soup, "og:title"),
                           _title_without_site(soup), _first_text(soup, ["h1"])])
    published = json_ld.get("datePublished") or _meta(soup, "article:published_time") or _time_datetime(soup)
    publisher = _json_ld_name(json_ld.get("publisher")) or _meta(soup, "og:site_name")
    language = soup.html.get("lang") if soup.html else None
    for key, value in (("title", title), ("date", published), ("publisher", publisher), ("language", language)):
        if isinstance(value, str) and value.strip():
            metadata[key] = clean(value)
    return metadata


def _agreed_title(candidates: list[str | None]) -> str | None:
    """The best-placed title that another source confirms (an og:title can be a tagline), else the first."""
    present = [clean(c) for c in candidates if c and clean(c)]
    keys = [fold(c).strip(" .!:") for c in present]
    for index, key in enumerate(keys):
        if keys.count(key) > 1:
            return present[index]
    return present[0] if present else None


def _first_text(soup: BeautifulSoup, selectors: list[str]) -> str | None:
    for selector in selectors:
        found = soup.select_one(selector)
        if found is not None and clean(found.get_text(" ")):
            return clean(found.get_text(" "))
    return None


def _meta(soup: BeautifulSoup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    content = tag.get("content") if tag else None
    return content if isinstance(content, str) else None


def _title_without_site(soup: BeautifulSoup) -> str | None:
    if soup.title is None:
        return None
    title = clean(soup.title.get_text())
    site = _meta(soup, "og:site_name")
    for separator in (" | ", " – ", " — ", " - ", " :: "):
        head, found, tail = title.rpartition(separator)
        if found and (site is None or clean(tail) == site):
            return clean(head)
    return title or None


def _time_datetime(soup: BeautifulSoup) -> str | None:
    tag = soup.find("time", attrs={"datetime": True})
    value = tag.get("datetime") if tag else None
    return value if isinstance(value, str) else None


def _json_ld(soup: BeautifulSoup) -> dict[str, Any]:
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        for item in _json_ld_items(data):
            if "datePublished" in item or "publisher" in item:
                return item
    return {}


def _json_ld_items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [item for entry in data for item in _json_ld_items(entry)]
    if isinstance(data, dict):
        return [data] + _json_ld_items(data.get("@graph", []))
    return []


def _json_ld_name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) else None
