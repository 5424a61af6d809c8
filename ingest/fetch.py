"""Fetching URLs over HTTP: one configured client, raw bytes kept exactly as served."""

from __future__ import annotations

import os
import time
from typing import Any

import httpx

from . import __version__
from .documents import MAX_BYTES, given, make_document
from .errors import IngestError
from .files import sniff_content_type
from .records import Document
from .urls import url_problem

# Whoever runs a crawl should say how site owners can reach them: set UNDERSIGNED_CONTACT to a URL or
# an e-mail address. The default says plainly that no contact was given.
CONTACT = os.environ.get("UNDERSIGNED_CONTACT", "contact not configured")
USER_AGENT = f"Undersigned/{__version__} (joint statements knowledge base; +{CONTACT})"
MAX_REDIRECTS = 5
DEADLINE = 30.0  # seconds for a whole request: connecting, the headers and the body
CONNECT_TIMEOUT = 10.0
TIMEOUT = httpx.Timeout(DEADLINE, connect=CONNECT_TIMEOUT)
_TEXT_TYPES = {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"}


def make_client() -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=TIMEOUT,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
    )


def is_url(source: str) -> bool:
    return source.partition(":")[0].lower() in ("http", "https")


def fetch_url(client: httpx.Client, url: str, overrides: dict[str, Any] | None = None,
              encoding: str | None = None) -> Document:
    """GET one URL; raise IngestError naming the URL and the reason when it cannot be had."""
    problem = url_problem(url)
    if problem:
        raise IngestError(url, problem)
    body, response = _get(client, url)
    media_type, declared = content_type_of(response.headers.get("content-type"))
    if media_type not in _TEXT_TYPES:
        raise IngestError(url, f"unsupported content type {media_type!r}")
    content_type = "text/html" if media_type in ("text/html", "application/xhtml+xml") else sniff_content_type(body)
    metadata = given(overrides)
    statement_url = metadata.get("url") or str(response.url)
    return make_document(url, body, content_type, metadata, url=statement_url, declared_charset=declared,
                         encoding=encoding, path=None if statement_url == url else url)


def _get(client: httpx.Client, url: str) -> tuple[bytes, httpx.Response]:
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise IngestError(url, f"HTTP {response.status_code} {response.reason_phrase}")
            return _read_capped(url, response), response
    except httpx.TooManyRedirects as error:
        raise IngestError(url, f"more than {MAX_REDIRECTS} redirects") from error
    except httpx.ConnectTimeout as error:
        raise IngestError(url, f"timed out after {CONNECT_TIMEOUT:g} s connecting") from error
    except httpx.TimeoutException as error:
        raise IngestError(url, f"timed out: nothing came for {DEADLINE:g} s") from error
    except httpx.TransportError as error:
        raise IngestError(url, f"cannot connect ({error or type(error).__name__})") from error


def _read_capped(url: str, response: httpx.Response) -> bytes:
    """The body, up to the size cap and the deadline. The deadline is checked as each chunk comes: a
    body trickled in is cut off at most one read timeout past it."""
    deadline = time.monotonic() + DEADLINE
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise IngestError(url, f"body larger than {describe_size(MAX_BYTES)}")
        if time.monotonic() > deadline:
            raise IngestError(url, f"timed out after {DEADLINE:g} s reading the body")
        chunks.append(chunk)
    return b"".join(chunks)


def describe_size(size: int) -> str:
    return f"{size // (1024 * 1024)} MiB" if size % (1024 * 1024) == 0 else f"{size:,} bytes"


def content_type_of(header: str | None) -> tuple[str, str | None]:
    """(media type, charset) of a Content-Type header; HTML where none is given."""
    media_type, _, params = (header or "text/html").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset":
            charset = value.strip("\"' ")
    return media_type.strip().lower(), charset
