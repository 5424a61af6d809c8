"""One entry point for any source the user names: a local file or an http(s) URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from .errors import IngestError
from .fetch import fetch_url, is_url
from .files import read_file
from .records import Document


def load_document(source: str, client: httpx.Client, overrides: dict[str, Any] | None = None,
                  encoding: str | None = None) -> Document:
    if is_url(source):
        return fetch_url(client, source, overrides, encoding)
    if "://" in source:
        raise IngestError(source, "only http and https URLs can be fetched")
    return read_file(Path(source), overrides, encoding)
