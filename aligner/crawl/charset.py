"""Bytes of a page to text, as a browser picks the character set, with a detector last.

    BOM  >  the charset the HTTP response declared  >  <meta charset>  >  UTF-8  >  detection

A declared charset is taken only if the page decodes in it without error, and a page
that is valid UTF-8 with non-ASCII bytes is read as UTF-8 even where it declares a
single-byte Western charset (servers and templates often claim ISO-8859-1 for UTF-8
pages; a Bangla page read so would be noise). Binary data (NUL bytes, a known file
signature) and bytes nothing decodes raise `UndecodablePage`.
"""
from __future__ import annotations

import codecs
import logging
import re

from aligner.crawl.errors import UndecodablePage

log = logging.getLogger(__name__)

PRESCAN_BYTES = 8192  # where a <meta charset> is looked for (browsers: 1024; CMSes put it later)
_META = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_WESTERN = {"latin-1", "iso8859-1", "cp1252", "ascii"}  # codecs' names of what servers default to
_SIGNATURES = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"\x1f\x8b", "gzip data"), (b"PK\x03\x04", "a ZIP archive"),
    (b"RIFF", "a RIFF file (WebP, WAV, AVI)"), (b"\x00\x00\x01\x00", "an icon"),
)


def decode_page(data: bytes, name: str, declared: str | None = None) -> str:
    """The page's text; `declared` is the charset of its HTTP Content-Type, if any."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], codec) or _undecodable(name, f"bad {codec} after its BOM")
    _refuse_binary(data, name)
    for label in (declared, meta_charset(data)):
        codec = _codec(label)
        if codec is None:
            continue
        if codec in _WESTERN and not data.isascii() and _strict(data, "utf-8") is not None:
            return data.decode("utf-8")
        text = _strict(data, codec)
        if text is not None:
            return text
        log.debug("%s: declared charset %s does not decode the page", name, label)
    text = _strict(data, "utf-8")
    return text if text is not None else _detect(data, name)


def meta_charset(data: bytes) -> str | None:
    """The charset a `<meta charset=…>` or `<meta http-equiv … content="…; charset=…">` names."""
    match = _META.search(data[:PRESCAN_BYTES])
    return match.group(1).decode("ascii") if match else None


def content_type_charset(content_type: str | None) -> str | None:
    """`utf-8` from `text/html; charset="UTF-8"`; None when it names none."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip("'\""):
            return value.strip().strip("'\"")
    return None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name  # as browsers do


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _refuse_binary(data: bytes, name: str) -> None:
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            _undecodable(name, f"binary data ({what}), not an HTML page")
    nul = data.find(b"\x00", 0, 65536)
    if nul >= 0:
        _undecodable(name, f"binary data (NUL byte at offset {nul}), not an HTML page")


def _detect(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        _undecodable(name, "no character set decodes it (none declared, not UTF-8)")
    log.debug("%s: charset detected as %s", name, best.encoding)
    return str(best)


def _undecodable(name: str, why: str) -> str:
    raise UndecodablePage(f"{name}: {why}")
