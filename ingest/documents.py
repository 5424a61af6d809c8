"""Raw bytes plus what is known of them, checked and decoded into a Document."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from .encoding import choose_html_encoding, choose_text_encoding, refuse_binary
from .records import Document


def given(overrides: dict[str, Any] | None) -> dict[str, Any]:
    """Metadata the user actually gave: options left empty say nothing."""
    return {key: value for key, value in (overrides or {}).items() if value}


def make_document(source: str, body: bytes, content_type: str, metadata: dict[str, Any], url: str | None,
                  declared_charset: str | None = None, encoding: str | None = None, **http: Any) -> Document:
    """Refuse what is not text, choose how to decode it, and stamp it with the time it came in.
    A fetched page also brings its HTTP status, ETag, Last-Modified and fetch time."""
    refuse_binary(source, body)
    if content_type == "text/html":
        chosen = choose_html_encoding(source, body, declared=declared_charset, explicit=encoding)
    else:
        chosen = choose_text_encoding(source, body, explicit=encoding or declared_charset)
    http.setdefault("fetched_at", datetime.now(timezone.utc))
    return Document(source=source, body=body, content_type=content_type, encoding=chosen, url=url,
                    metadata=metadata, **http)
