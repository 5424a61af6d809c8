"""Turning raw bytes into text: binary sniffing and charset choice."""

from __future__ import annotations

import codecs
import re

import ftfy
from charset_normalizer import from_bytes

from .errors import IngestError

_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or Office document)",
    b"\x1f\x8b": "gzip archive",
    b"SQLite format 3\x00": "SQLite database",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# C0 controls other than whitespace, and DEL: text has next to none of them, binary data has many.
_CONTROL_BYTES = bytes(c for c in range(32) if c not in b"\t\n\r\f\v\x1a") + b"\x7f"
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def refuse_binary(source: str, body: bytes) -> None:
    """Raise IngestError if the bytes are not text at all."""
    if not body.strip():
        raise IngestError(source, "empty document")
    for magic, kind in _MAGIC.items():
        if body.startswith(magic):
            raise IngestError(source, f"binary file ({kind}), not a text, Markdown or HTML statement")
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    head = body[:8192]
    if b"\x00" in head:
        raise IngestError(source, "binary file (contains NUL bytes), not a text, Markdown or HTML statement")
    if (len(head) - len(head.translate(None, _CONTROL_BYTES))) * 100 > len(head):
        raise IngestError(source, "binary file (control characters), not a text, Markdown or HTML statement")


def known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def declared_html_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return known_codec(match.group(1).decode("ascii")) if match else None


def _bom_encoding(body: bytes) -> str | None:
    return next((name for bom, name in _BOMS if body.startswith(bom)), None)


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _detected(body: bytes) -> str | None:
    best = from_bytes(body).best()
    return best.encoding if best is not None else None


def choose_text_encoding(source: str, body: bytes, explicit: str | None = None) -> str:
    """Text and Markdown files must be UTF-8 unless the user names their encoding."""
    if explicit:
        return _checked_explicit(source, body, explicit)
    encoding = _bom_encoding(body) or "utf-8"
    if _decodes(body, encoding):
        return encoding
    guess = _detected(body)
    hint = f"; it looks like {guess}, so pass --encoding {guess}" if guess else ""
    raise IngestError(source, f"not valid UTF-8 text{hint}")


def choose_html_encoding(source: str, body: bytes, declared: str | None = None, explicit: str | None = None) -> str:
    """HTML: the user's word, then a BOM, then UTF-8 where the bytes are valid non-ASCII UTF-8 (legacy
    text almost never is, and servers often declare the wrong charset), the HTTP or <meta> charset,
    and detection last."""
    if explicit:
        return _checked_explicit(source, body, explicit)
    if not body.isascii() and _bom_encoding(body) is None and _decodes(body, "utf-8"):
        return "utf-8"
    for candidate in (_bom_encoding(body), known_codec(declared), declared_html_charset(body), "utf-8"):
        if candidate and _decodes(body, candidate):
            return candidate
    guess = _detected(body)
    if guess and _decodes(body, guess):
        return guess
    raise IngestError(source, "HTML whose encoding could not be determined; pass --encoding")


def _checked_explicit(source: str, body: bytes, explicit: str) -> str:
    encoding = known_codec(explicit)
    if encoding is None:
        raise IngestError(source, f"unknown encoding {explicit!r}")
    if not _decodes(body, encoding):
        raise IngestError(source, f"does not decode as {encoding}")
    return encoding


# What UTF-8 becomes when its bytes are read as Windows-1252 or Latin-1 and written out as UTF-8 again: "â€˜" for "‘",
# "Ã©" for "é". A lead character of a two- or three-byte sequence, then one read from a continuation byte.
_MOJIBAKE = re.compile("[ÂÃâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def without_mojibake(text: str) -> str:
    """ "â€˜We stand for the rule of lawâ€™" as "‘We stand for the rule of law’": text encoded twice (a page saved by a
    tool that read its UTF-8 as Windows-1252) decoded back, by ftfy, which undoes only what it can tell was done.
    The cheap search first: a page with no such pair is left as it is, unread by ftfy."""
    return ftfy.fix_encoding(text) if _MOJIBAKE.search(text) else text
