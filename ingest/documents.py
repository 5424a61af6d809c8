"""Raw bytes plus what is known of them, checked and decoded into a Document."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from .encoding import choose_html_encoding, choose_text_encoding, refuse_binary
from .records import Document

MAX_BYTES = 10 * 1024 * 1024  # the most a file or a page may weigh
METADATA_KEYS = ("url", "title", "date", "publisher", "language")
MAX_METADATA_CHARS = 2000
# A language tag as BCP 47 spells it: "en", "pt-BR", "zh-Hant-TW" (an underscore is taken for the hyphen).
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}")
_JSON_TYPES = {bool: "true or false", int: "a number", float: "a number", list: "a list", dict: "an object"}


def given(overrides: dict[str, Any] | None) -> dict[str, Any]:
    """Metadata the user actually gave: options left empty say nothing."""
    return {key: value for key, value in (overrides or {}).items() if value}


def metadata_problem(key: str, value: Any) -> str | None:
    """What is wrong with one metadata value, or None; null stands for a value not given."""
    if value is None:
        return None
    if not isinstance(value, str):
        return f"{key} must be text, not {_JSON_TYPES.get(type(value), type(value).__name__)}"
    if key == "language" and not _LANGUAGE_TAG.fullmatch(value):
        shown = value if len(value) <= 20 else value[:20] + "..."
        return f"language must be a language tag such as en or pt-BR, not {shown!r}"
    if len(value) > MAX_METADATA_CHARS:
        return f"{key} is {len(value)} characters long; at most {MAX_METADATA_CHARS} are taken"
    return None


def make_document(source: str, body: bytes, content_type: str, metadata: dict[str, Any], url: str | None,
                  declared_charset: str | None = None, encoding: str | None = None, path: str | None = None,
                  **http: Any) -> Document:
    """Refuse what is not text, choose how to decode it, and stamp it with the time it came in.
    A file brings the path to store; a fetched page its HTTP status, ETag, Last-Modified and fetch time."""
    refuse_binary(source, body)
    if content_type == "text/html":
        chosen = choose_html_encoding(source, body, declared=declared_charset, explicit=encoding)
    else:
        chosen = choose_text_encoding(source, body, explicit=encoding or declared_charset)
    http.setdefault("fetched_at", datetime.now(timezone.utc))
    return Document(source=source, body=body, content_type=content_type, encoding=chosen, url=url,
                    metadata=metadata, path=path, **http)
