"""What a URL must be before it is requested, and what counts as a crawled site."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin, urlsplit

MAX_URL_LENGTH = 2048
DEFAULT_PORTS = {"http": 80, "https": 443}
_HOST_NAME = re.compile(r"[\w.:-]+")  # a name (IDNs included) or an IPv6 address, brackets removed


def url_problem(url: str) -> str | None:
    """Why the URL cannot be requested, or None: only a well-formed http(s) URL with a host can."""
    if len(url) > MAX_URL_LENGTH:
        return f"invalid URL (longer than {MAX_URL_LENGTH} characters)"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:  # "Invalid IPv6 URL", "Port out of range 0-65535", ...
        return f"invalid URL ({error})"
    if parts.scheme.lower() not in DEFAULT_PORTS:
        return f"not an http(s) URL ({parts.scheme or 'no'} scheme)"
    if not parts.hostname or not _HOST_NAME.fullmatch(parts.hostname):
        return "invalid URL (no host, or a host name with characters no host has)"
    if port == 0:
        return "invalid URL (port 0)"
    if any(not character.isprintable() for character in url):
        return "invalid URL (control characters)"
    return None


def shorten(url: str, limit: int = 100) -> str:
    """The URL as a message shows it: a data: URL or a hostile one can be megabytes long."""
    return url if len(url) <= limit else url[: limit - 1] + "…"


def resolve(base: str, reference: str) -> str:
    """The reference (a link, a Location header) made absolute; as given if it cannot be, so that
    checking it gives the reason."""
    try:
        return urljoin(base, reference.strip())
    except ValueError:
        return reference


@dataclass(frozen=True)
class Scope:
    """What counts as the site: its host name with or without a leading "www.", and its port, over http
    or https (a site that moved to https redirects there). Any other host is somewhere else."""

    host: str
    port: int | None  # None: the scheme's default port

    @classmethod
    def of(cls, url: str) -> Scope:
        return cls(*_host_and_port(urlsplit(url)))

    def __contains__(self, url: str) -> bool:
        try:
            return _host_and_port(urlsplit(url)) == (self.host, self.port)
        except ValueError:
            return False

    def __str__(self) -> str:
        return self.host if self.port is None else f"{self.host}:{self.port}"


def _host_and_port(parts: SplitResult) -> tuple[str, int | None]:
    host = (parts.hostname or "").removeprefix("www.")
    port = parts.port
    return host, None if port == DEFAULT_PORTS.get(parts.scheme.lower()) else port
