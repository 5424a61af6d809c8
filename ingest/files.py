"""Local files as documents: .txt, .md and .html, with an optional <file>.meta.json sidecar.
Only regular files are read, and no more of them than a URL may send."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from .documents import MAX_BYTES, METADATA_KEYS, given, make_document, metadata_problem
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
MAX_SIDECAR_BYTES = 64 * 1024
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def read_file(path: Path, overrides: dict[str, Any] | None = None, encoding: str | None = None) -> Document:
    """Read one statement file; raise IngestError with a one-line reason if it is unusable."""
    body = read_regular(str(path), path, MAX_BYTES)
    content_type = CONTENT_TYPES.get(path.suffix.lower()) or sniff_content_type(body)
    metadata = {**read_sidecar(path), **given(overrides)}
    if metadata.get("url") and not re.match(r"https?://", metadata["url"]):
        raise IngestError(str(path), f"the statement URL must be http(s), not {metadata['url']!r}")
    return make_document(str(path), body, content_type, metadata, url=metadata.get("url"), encoding=encoding)


def read_regular(source: str, path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes: never a device, FIFO or socket, and never
    more than `limit` + 1 bytes read, whatever the file claims."""
    try:
        _refuse_irregular(source, os.stat(path))  # before opening: opening a device can act on it
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError as error:
        raise IngestError(source, "no such file") from error
    except OSError as error:
        raise IngestError(source, f"cannot be read ({error.strerror})") from error
    with open(descriptor, "rb") as file:
        _refuse_irregular(source, os.fstat(descriptor))  # the file opened may not be the one looked at
        try:
            body = file.read(limit + 1)
        except OSError as error:
            raise IngestError(source, f"cannot be read ({error.strerror})") from error
    if len(body) > limit:
        raise IngestError(source, f"larger than {_size(limit)}")
    return body


def _refuse_irregular(source: str, info: os.stat_result) -> None:
    mode = info.st_mode
    if not stat.S_ISREG(mode):
        kind = ("a directory" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode)
                else "a socket" if stat.S_ISSOCK(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                else "something else")
        raise IngestError(source, f"is {kind}, not a regular file")


def _size(limit: int) -> str:
    return f"{limit >> 20} MiB" if limit >= 1 << 20 else f"{limit >> 10} KiB" if limit >= 1 << 10 else f"{limit} bytes"


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
    """The metadata beside a file; every problem with it is named, with the sidecar."""
    sidecar = sidecar_path(path)
    if not os.path.lexists(sidecar):
        return {}
    try:
        body = read_regular(str(sidecar), sidecar, MAX_SIDECAR_BYTES)
    except IngestError as error:
        raise IngestError(str(path), f"{sidecar.name}: {error.reason}") from error
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise IngestError(str(path), f"{sidecar.name}: invalid metadata JSON ({error})") from error
    if not isinstance(data, dict):
        raise IngestError(str(path), f"{sidecar.name}: metadata must be a JSON object")
    unknown = sorted(set(data) - set(METADATA_KEYS))
    if unknown:
        raise IngestError(str(path), f"{sidecar.name}: unknown metadata keys {unknown}; allowed: {list(METADATA_KEYS)}")
    problems = [problem for key, value in data.items() if (problem := metadata_problem(key, value))]
    if problems:
        raise IngestError(str(path), f"{sidecar.name}: {'; '.join(problems)}")
    return data
