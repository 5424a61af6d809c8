"""One polite HTTP client for crawling: robots.txt, the site's bounds, per-host concurrency and delay,
retries, and a deadline and a size cap on every request. Redirects are followed here, one hop at a
time, so that every hop is checked as the first URL was."""

from __future__ import annotations

import asyncio
import email.utils
import os
import random
import socket
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from urllib.parse import urlsplit

import httpx
from protego import Protego

from .fetch import CONNECT_TIMEOUT, DEADLINE, MAX_BYTES, MAX_REDIRECTS, USER_AGENT, describe_size
from .urls import Scope, resolve, shorten, url_problem

RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
ROBOTS_ATTEMPTS = 3
LOCATION = "x-undersigned-location"  # where _set_location_aside keeps a response's Location header
TIMEOUTS_IN_A_ROW = 3  # after this many, a host is taken to be down: the rest of its URLs are not requested


@dataclass
class Politeness:
    concurrency: int = 2  # requests in flight per host
    delay: float = 0.0  # seconds between the starts of two requests to one host; a longer Crawl-delay wins
    attempts: int = 4  # tries per URL, the first included
    backoff: float = 0.5  # seconds before the first retry; doubled each time, with jitter
    max_retry_after: float = 60.0  # a longer Retry-After is not waited for: the URL fails
    max_crawl_delay: float = 60.0  # a robots.txt asking for a longer Crawl-delay: nothing on the host is fetched
    timeout: float = DEADLINE  # seconds for one whole request: connecting, the headers and the body
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS


@dataclass
class Response:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A URL that could not be had; str() is the reason, one line."""

    transient = False  # whether another attempt may go otherwise


class Unavailable(FetchError):
    """The connection failed or broke off: worth another attempt."""

    transient = True


class TimedOut(FetchError):
    """The request ran past its deadline. Not retried: a server that kept us waiting that long
    would most likely do so again, and each attempt would cost the whole deadline."""


class NotConnected(FetchError):
    """No connection was made: the host is down or not there, whatever its robots.txt would say."""


class ConnectFailed(NotConnected, Unavailable):
    """Connecting was refused or failed (a name server that did not answer in time, too)."""


class NameUnknown(NotConnected):
    """The host's name has no address: asking again will not give it one."""


class ConnectTimedOut(NotConnected, TimedOut):
    """Connecting ran past its deadline."""


class Disallowed(FetchError):
    """robots.txt forbids the URL (or could not be read, or asks for too long a delay): never requested."""


@dataclass
class _Host:
    semaphore: asyncio.Semaphore
    robots: Protego | None = None
    refusal: str | None = None  # why nothing on the host is requested, once robots.txt is read
    delay: float = 0.0  # robots.txt's Crawl-delay
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0
    start_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    timeouts_in_a_row: int = 0


class PoliteClient:
    """Every request goes through the URL's checks, robots.txt, the host's concurrency limit and delay,
    a deadline, the size cap and retries. With a scope, nothing outside the site is requested."""

    def __init__(self, politeness: Politeness | None = None, scope: Scope | None = None,
                 transport: httpx.AsyncBaseTransport | None = None):
        self.politeness = politeness or Politeness()
        self.scope = scope
        deadline = self.politeness.timeout
        self._client = httpx.AsyncClient(headers={"User-Agent": USER_AGENT},
                                         timeout=httpx.Timeout(deadline, connect=min(CONNECT_TIMEOUT, deadline)),
                                         follow_redirects=False, transport=transport,
                                         event_hooks={"response": [_set_location_aside]})
        self._hosts: dict[str, _Host] = {}

    async def __aenter__(self) -> PoliteClient:
        return self

    async def __aexit__(self, *exc) -> None:
        await self._client.aclose()

    async def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """GET the URL once it passes check(), following redirects whose every hop passes it too;
        retried on connection errors, truncation, 429 and 5xx."""
        return await self._follow(url, headers or {}, self.check, self.politeness.attempts)

    async def robots(self, url: str) -> Protego:
        """The robots.txt of the URL's host, read once."""
        return (await self._host_with_robots(url)).robots

    async def check(self, url: str) -> None:
        """Raise FetchError unless the URL may be requested: a well-formed http(s) URL, on the site,
        that its host's robots.txt allows."""
        self._check_bounds(url)
        host = await self._host_with_robots(url)
        if host.refusal:
            raise Disallowed(host.refusal)
        if not host.robots.can_fetch(url, USER_AGENT):
            raise Disallowed("disallowed by robots.txt")

    def _check_bounds(self, url: str) -> None:
        problem = url_problem(url)
        if problem:
            raise FetchError(problem)
        if self.scope is not None and url not in self.scope:
            raise FetchError(f"not on the site {self.scope}")

    async def _follow(self, url: str, headers: dict[str, str], check, attempts: int) -> Response:
        hop = url
        for _ in range(self.politeness.max_redirects + 1):
            try:
                await check(hop)
            except FetchError as error:
                if hop == url:
                    raise
                raise type(error)(f"redirected to {shorten(hop)}: {error}") from error
            response = await self._with_retries(hop, headers, attempts)
            location = response.headers.get(LOCATION)
            if response.status not in REDIRECT_STATUSES or not location:
                return replace(response, url=url)
            hop = resolve(hop, location)
        raise FetchError(f"more than {self.politeness.max_redirects} redirects")

    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._hosts:
            self._hosts[key] = _Host(asyncio.Semaphore(self.politeness.concurrency))
        return self._hosts[key]

    async def _host_with_robots(self, url: str) -> _Host:
        host = self._host(url)
        async with host.robots_lock:
            if host.robots is None:
                await self._read_robots(host, url)
        return host

    async def _read_robots(self, host: _Host, url: str) -> None:
        """RFC 9309: a missing robots.txt (4xx) allows everything; one that cannot be read (5xx, no
        answer) forbids everything, as a crawler may not assume it is welcome while the server errs."""
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        host.robots = Protego.parse("")
        try:
            response = await self._follow(robots_url, {}, self._robots_hop, ROBOTS_ATTEMPTS)
        except NotConnected as error:
            host.refusal = str(error)
            return
        except FetchError as error:
            host.refusal = f"robots.txt could not be read ({error}), so nothing there is fetched"
            return
        if response.status >= 500 or response.status in REDIRECT_STATUSES:
            host.refusal = f"robots.txt could not be read (HTTP {response.status}), so nothing there is fetched"
        elif response.status < 400:
            host.robots = Protego.parse(response.body.decode("utf-8", errors="replace"))
            delay = host.robots.crawl_delay(USER_AGENT) or 0.0
            if delay > self.politeness.max_crawl_delay:
                host.refusal = (f"robots.txt asks for a Crawl-delay of {delay:g} s, longer than the "
                                f"{self.politeness.max_crawl_delay:g} s we wait")
            host.delay = delay
            host.next_start = max(host.next_start, time.monotonic() + delay)  # robots.txt was a request too

    async def _robots_hop(self, url: str) -> None:
        self._check_bounds(url)  # robots.txt itself is always allowed

    async def _with_retries(self, url: str, headers: dict[str, str], attempts: int) -> Response:
        reason, kind = "no attempt made", FetchError
        for attempt in range(attempts):
            try:
                response = await self._request(url, headers)
            except FetchError as error:
                if not error.transient:
                    raise
                reason, kind = str(error), type(error)
                wait = self._backoff(attempt)
            else:
                if response.status not in RETRY_STATUSES:
                    return response
                reason, kind = f"HTTP {response.status}", FetchError
                wait = self._retry_after(response) or self._backoff(attempt)
                if wait > self.politeness.max_retry_after:
                    raise FetchError(f"{reason}, Retry-After {wait:.0f} s is longer than we wait")
            if attempt + 1 < attempts:
                await asyncio.sleep(wait)
        raise kind(f"{reason} after {attempts} attempts")

    async def _request(self, url: str, headers: dict[str, str]) -> Response:
        host = self._host(url)
        async with host.semaphore:
            if host.timeouts_in_a_row >= TIMEOUTS_IN_A_ROW:
                raise FetchError(f"not requested: {urlsplit(url).netloc} timed out {TIMEOUTS_IN_A_ROW} times in a row")
            await self._wait_turn(host)
            try:
                response = await self._read(url, headers)
            except TimedOut:
                host.timeouts_in_a_row += 1
                raise
            host.timeouts_in_a_row = 0
            return response

    async def _wait_turn(self, host: _Host) -> None:
        """Space the starts of requests to one host by the delay, or the host's Crawl-delay if longer."""
        async with host.start_lock:
            now = time.monotonic()
            wait = host.next_start - now
            host.next_start = max(now, host.next_start) + max(self.politeness.delay, host.delay)
        if wait > 0:
            await asyncio.sleep(wait)

    async def _read(self, url: str, headers: dict[str, str]) -> Response:
        """One request, connecting, headers and body, within one deadline: a body trickled a byte at a
        time is cut off like a server that never answers."""
        deadline = self.politeness.timeout
        phase = "connecting"

        async def trace(event: str, info: dict) -> None:  # httpcore's word for each step of the request
            nonlocal phase
            if event.endswith("send_request_headers.started"):
                phase = "waiting for the response"

        try:
            async with asyncio.timeout(deadline):
                async with self._client.stream("GET", url, headers=headers, extensions={"trace": trace}) as response:
                    phase = "reading the body"
                    body = await self._body(response)
        except httpx.ConnectTimeout as error:
            raise ConnectTimedOut(f"timed out after {min(CONNECT_TIMEOUT, deadline):g} s connecting") from error
        except (TimeoutError, httpx.TimeoutException) as error:  # httpx's deadline or, a moment after, asyncio's
            kind = ConnectTimedOut if phase == "connecting" else TimedOut
            raise kind(f"timed out after {deadline:g} s {phase}") from error
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
            raise FetchError(f"invalid URL ({error})") from error
        except httpx.ConnectError as error:
            raise _not_connected(url, error) from error
        except (httpx.TransportError, httpx.DecodingError) as error:
            raise Unavailable(f"connection failed ({type(error).__name__}: {_os_reason(error)})") from error
        return Response(url=url, final_url=url, status=response.status_code, headers=dict(response.headers),
                        body=body, fetched_at=datetime.now(timezone.utc))

    async def _body(self, response: httpx.Response) -> bytes:
        cap = self.politeness.max_bytes
        too_large = FetchError(f"body larger than {describe_size(cap)}")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise too_large
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > cap:
                raise too_large
            chunks.append(chunk)
        return b"".join(chunks)

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
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


async def _set_location_aside(response: httpx.Response) -> None:
    """httpx works out a redirect's next request even when it is not to follow it, and raises on a
    Location it cannot parse (a data: URL, say). Redirects are followed here, so the header is moved
    out of its way, to be read and checked by _follow."""
    if "location" in response.headers:
        response.headers[LOCATION] = response.headers.pop("location")


def _not_connected(url: str, error: httpx.ConnectError) -> NotConnected:
    unresolved = _cause(error, socket.gaierror)
    if unresolved is None or unresolved.errno == socket.EAI_AGAIN:  # a name server too slow may do better later
        return ConnectFailed(f"could not connect: {_os_reason(error)}")
    return NameUnknown(f"could not connect: no address for {urlsplit(url).hostname} ({_os_reason(error)})")


def _cause(error: BaseException, kind: type[BaseException]) -> BaseException | None:
    while error is not None and not isinstance(error, kind):
        error = error.__cause__ or error.__context__
    return error


def _os_reason(error: BaseException) -> str:
    """The operating system's words for the failure ("Connection refused", "Name or service not known")
    from deep in the chain of causes, where httpx says "All connection attempts failed"; else the error's."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, OSError) and isinstance(cause.errno, int) and cause.errno > 0:
            return os.strerror(cause.errno)  # asyncio puts its own words where the system's were
        if isinstance(cause, OSError) and cause.strerror:  # a resolver's error: a negative errno
            return cause.strerror
        cause = cause.__cause__ or cause.__context__
    return " ".join(str(error).split()) or type(error).__name__
