"""One polite HTTP client for crawling: robots.txt, per-host concurrency and delay, retries, caps."""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

import httpx
from protego import Protego

from .fetch import MAX_BYTES, MAX_REDIRECTS, TIMEOUT, USER_AGENT

RETRY_STATUSES = {429, 500, 502, 503, 504}
ROBOTS_ATTEMPTS = 3


@dataclass
class Politeness:
    concurrency: int = 2  # requests in flight per host
    delay: float = 0.0  # seconds between the starts of two requests to one host
    attempts: int = 4  # tries per URL, the first included
    backoff: float = 0.5  # seconds before the first retry; doubled each time, with jitter
    max_retry_after: float = 60.0  # a longer Retry-After is not waited for: the URL fails
    max_bytes: int = MAX_BYTES


@dataclass
class Response:
    url: str  # as requested
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A URL that could not be had, after retries; str() is the reason."""


class Disallowed(FetchError):
    """robots.txt forbids the URL, so it was never requested."""


@dataclass
class _Host:
    semaphore: asyncio.Semaphore
    robots: Protego | None = None
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0
    start_lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class PoliteClient:
    """Every request goes through robots.txt, the host's concurrency limit and delay, and retries."""

    def __init__(self, politeness: Politeness | None = None, transport: httpx.AsyncBaseTransport | None = None):
        self.politeness = politeness or Politeness()
        self._client = httpx.AsyncClient(headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT,
                                         follow_redirects=True, max_redirects=MAX_REDIRECTS, transport=transport)
        self._hosts: dict[str, _Host] = {}

    async def __aenter__(self) -> PoliteClient:
        return self

    async def __aexit__(self, *exc) -> None:
        await self._client.aclose()

    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._hosts:
            self._hosts[key] = _Host(asyncio.Semaphore(self.politeness.concurrency))
        return self._hosts[key]

    async def robots(self, url: str) -> Protego:
        host = self._host(url)
        async with host.robots_lock:
            if host.robots is None:
                host.robots = await self._read_robots(url)
        return host.robots

    async def allowed(self, url: str) -> bool:
        return (await self.robots(url)).can_fetch(url, USER_AGENT)

    async def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """GET after robots.txt allows it; retried on connection errors, truncation, 429 and 5xx."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"only http and https URLs are fetched, not {url}")
        if not await self.allowed(url):
            raise Disallowed("disallowed by robots.txt")
        return await self._with_retries(url, headers or {})

    async def _read_robots(self, url: str) -> Protego:
        """A missing robots.txt allows everything; one that keeps failing with 5xx forbids everything,
        as RFC 9309 says (a crawler may not assume it is welcome while the server errs)."""
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        for attempt in range(ROBOTS_ATTEMPTS):
            try:
                response = await self._request(robots_url, {})
            except FetchError:
                response = None
            if response is not None and response.status < 500:
                if response.status >= 400:
                    return Protego.parse("")
                return Protego.parse(response.body.decode("utf-8", errors="replace"))
            await asyncio.sleep(self._backoff(attempt))
        return Protego.parse("User-agent: *\nDisallow: /\n")

    async def _with_retries(self, url: str, headers: dict[str, str]) -> Response:
        reason = "no attempt made"
        for attempt in range(self.politeness.attempts):
            try:
                response = await self._request(url, headers)
            except FetchError as error:
                reason = str(error)
                wait = self._backoff(attempt)
            else:
                if response.status not in RETRY_STATUSES:
                    return response
                reason = f"HTTP {response.status}"
                wait = self._retry_after(response) or self._backoff(attempt)
                if wait > self.politeness.max_retry_after:
                    raise FetchError(f"{reason}, Retry-After {wait:.0f} s is longer than we wait")
            if attempt + 1 < self.politeness.attempts:
                await asyncio.sleep(wait)
        raise FetchError(f"{reason} after {self.politeness.attempts} attempts")

    async def _request(self, url: str, headers: dict[str, str]) -> Response:
        host = self._host(url)
        async with host.semaphore:
            await self._wait_turn(host)
            try:
                return await self._read(url, headers)
            except httpx.TooManyRedirects as error:
                raise FetchError(f"more than {MAX_REDIRECTS} redirects") from error
            except httpx.TimeoutException as error:
                raise FetchError(f"timed out ({type(error).__name__})") from error
            except (httpx.TransportError, httpx.DecodingError) as error:
                raise FetchError(f"connection failed ({type(error).__name__}: {error})") from error

    async def _wait_turn(self, host: _Host) -> None:
        """Space the starts of requests to one host by the delay."""
        async with host.start_lock:
            now = time.monotonic()
            wait = host.next_start - now
            host.next_start = max(now, host.next_start) + self.politeness.delay
        if wait > 0:
            await asyncio.sleep(wait)

    async def _read(self, url: str, headers: dict[str, str]) -> Response:
        async with self._client.stream("GET", url, headers=headers) as response:
            chunks, size = [], 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > self.politeness.max_bytes:
                    raise FetchError(f"response larger than {self.politeness.max_bytes // (1024 * 1024)} MiB")
                chunks.append(chunk)
            return Response(url=url, final_url=str(response.url), status=response.status_code,
                            headers=dict(response.headers), body=b"".join(chunks),
                            fetched_at=datetime.now(timezone.utc))

    def _backoff(self, attempt: int) -> float:
        return self.politeness.backoff * (2 ** attempt) * random.uniform(0.5, 1.5)

    @staticmethod
    def _retry_after(response: Response) -> float | None:
        value = response.headers.get("retry-after")
        if not value:
            return None
        if value.strip().isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
