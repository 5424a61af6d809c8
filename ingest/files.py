"""Local files as documents: .txt, .md and .html, with an optional <file>.meta.json sidecar."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .documents import given, make_document
from .errors import IngestError
from .records import Document

CONTENT_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}
METADATA_KEYS = ("url", "title", "date", "publisher", "language")


def read_file(path: Path, overrides: dict[str, Any] | None = None, encoding: str | None = None) -> Document:
    """Read one statement file; raise IngestError with a one-line reason if it is unusable."""
    body = _read_bytes(path)
    content_type = CONTENT_TYPES.get(path.suffix.lower()) or sniff_content_type(body)
    metadata = {**read_sidecar(path), **given(overrides)}
    if metadata.get("url") and not re.match(r"https?://", metadata["url"]):
        raise IngestError(str(path), f"the statement URL must be http(s), not {metadata['url']!r}")
    return make_document(str(path), body, content_type, metadata, url=metadata.get("url"), encoding=encoding)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise IngestError(str(path), "no such file")
    if path.is_dir():
        raise IngestError(str(path), "is a directory, not a statement file")
    try:
        return path.read_bytes()
    except OSError as error:
        raise IngestError(str(path), f"cannot be read ({error.strerror})") from error


def sniff_content_type(body: bytes) -> str:
    head = body[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        return "text/html"
    if head.startswith(b"---\n") or b"\n# " in head or head.startswith(b"# "):
        return "text/markdown"
    return "text/plain"


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".meta.json")


def read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = sidecar_path(path)
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise IngestError(str(sidecar), f"invalid metadata JSON ({error})") from error
    if not isinstance(data, dict):
        raise IngestError(str(sidecar), "metadata must be a JSON object")
    unknown = sorted(set(data) - set(METADATA_KEYS))
    if unknown:
        raise IngestError(str(sidecar), f"unknown metadata keys {unknown}; allowed: {list(METADATA_KEYS)}")
    return data
