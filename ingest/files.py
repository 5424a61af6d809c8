"""Local files as documents: .txt, .md and .html, with an optional <file>.meta.json sidecar.

Whatever is added is published, so a file is read only if it is a document the user meant: a regular
file of at most MAX_BYTES named as a statement, not hidden, not a system file, and, if it is a symbolic
link, leading to a file in the tree it was named in. That tree is the current directory when the file
lies in it, else the folder the file is in; the path stored is the file's path relative to that tree.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from .documents import MAX_BYTES, METADATA_KEYS, given, make_document, metadata_problem
from .encoding import refuse_binary
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
# Folders that hold the system's own files, never a curator's statements.
SYSTEM_DIRS = tuple(Path(p) for p in ("/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/proc", "/run",
                                      "/sbin", "/sys", "/usr", "/var/lib", "/var/log"))
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NOFOLLOW", 0)


def read_file(path: Path, overrides: dict[str, Any] | None = None, encoding: str | None = None) -> Document:
    """Read one statement file; raise IngestError with a one-line reason if it is unusable."""
    source = str(path)
    stored, real = locate(path)
    body = read_regular(source, real, MAX_BYTES)
    refuse_binary(source, body)  # before the name: "binary file (PDF)" says more than "not a statement file"
    content_type = CONTENT_TYPES.get(path.suffix.lower())
    if content_type is None:
        raise IngestError(source, f"not a statement file: only {', '.join(CONTENT_TYPES)} files are read")
    metadata = {**read_sidecar(path), **given(overrides)}
    if metadata.get("url") and not re.match(r"https?://", metadata["url"]):
        raise IngestError(source, f"the statement URL must be http(s), not {metadata['url']!r}")
    return make_document(source, body, content_type, metadata, url=metadata.get("url"), encoding=encoding,
                         path=stored)


def locate(path: Path) -> tuple[str, Path]:
    """The path to store (relative to the tree the file was named in) and the real file to read."""
    source = str(path)
    named = Path(os.path.abspath(path))  # '.' and '..' taken away as written, links not yet followed
    cwd = Path.cwd()
    root = cwd if named.is_relative_to(cwd) and cwd != Path(cwd.anchor) else named.parent
    if not os.path.lexists(named):
        raise IngestError(source, "no such file")
    try:
        real, real_root = named.resolve(), root.resolve()
    except (OSError, RuntimeError) as error:  # a loop of links
        raise IngestError(source, f"cannot be read ({error})") from error
    if not real.is_relative_to(real_root):
        raise IngestError(source, f"is a link to {real}, outside {root}")
    hidden = [part for part in named.relative_to(root).parts + real.relative_to(real_root).parts
              if part.startswith(".")]
    if hidden:
        raise IngestError(source, f"is hidden ({hidden[0]}), not a statement file")
    if any(real.is_relative_to(folder) for folder in SYSTEM_DIRS):
        raise IngestError(source, f"is a system file ({real}), not a statement file")
    return named.relative_to(root).as_posix(), real


def read_regular(source: str, real: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes: never a device, FIFO or socket, and never
    more than `limit` + 1 bytes read, whatever the file claims."""
    try:
        _refuse_irregular(source, os.stat(real))  # before opening: opening a device can act on it
        descriptor = os.open(real, _OPEN_FLAGS)
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
        body = read_regular(str(sidecar), sidecar.resolve(), MAX_SIDECAR_BYTES)
    except IngestError as error:
        raise IngestError(str(path), f"{sidecar.name}: {error.reason}") from error
    except (OSError, RuntimeError) as error:  # a loop of links
        raise IngestError(str(path), f"{sidecar.name}: cannot be read ({error})") from error
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
