"""WARC files (gzip per record, or plain): which records are pages, and each page's body.

    scan_warc(path) -> WarcScan: the HTML pages (target URI, offset, length) and a count
                       of every other record by the reason it is skipped
    read_page(data)  -> the page's body and declared charset, from the bytes of its record

A page is a `response` record with a 2xx HTTP status and an HTML Content-Type (or a
`resource` record of HTML) that is complete. Everything else is skipped by reason:
`not_response` (warcinfo, request, metadata...), `revisit`, `not_html`, `http_status`
(redirects, errors), `truncated` (`WARC-Truncated`, or the file ends inside the record),
`malformed` (a record that cannot be parsed: reading resumes at the next record found in
the file), and `duplicate` (a URI already read from this WARC: the first capture is kept).
The scan reads the file once, decompressing but not decoding; each page is read again,
by offset, when it is aligned (a worker needs only its record's bytes).
"""
from __future__ import annotations

import enum
import hashlib
import io
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from aligner.crawl.charset import content_type_charset
from aligner.crawl.errors import PageTooLarge, UndecodablePage
from aligner.crawl.formats import InputFormat, by_content, by_name, strip_suffix
from aligner.errors import InputError

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
_BLOCK = 1 << 16
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_START = b"WARC/1."
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_SEGMENT_CHARS = 80
_MAX_DEPTH = 6


class UnreadableWarc(InputError):
    """A WARC that cannot be read at all: no permission, or gzip as one stream, not per record."""


class SkipReason(str, enum.Enum):
    """Why a WARC record is not aligned."""

    NOT_RESPONSE = "not_response"
    REVISIT = "revisit"
    NOT_HTML = "not_html"
    HTTP_STATUS = "http_status"
    TRUNCATED = "truncated"
    MALFORMED = "malformed"
    DUPLICATE = "duplicate"


@dataclass(frozen=True, slots=True)
class WarcPage:
    """An HTML response: its target URI, and where its record is in the file."""

    uri: str
    offset: int
    length: int


@dataclass(frozen=True)
class WarcScan:
    pages: tuple[WarcPage, ...]
    records: int
    skipped: dict[SkipReason, int] = field(default_factory=dict)


def scan_warc(path: Path) -> WarcScan:
    """Every page of the WARC at `path`, in file order, and the skipped records by reason."""
    pages: list[WarcPage] = []
    skipped: Counter[SkipReason] = Counter()
    seen: set[str] = set()
    records = 0
    try:
        stream = open(path, "rb")
    except OSError as e:
        raise UnreadableWarc(f"{path}: cannot read ({e.strerror or type(e).__name__})") from e
    with stream:
        for found in _records(stream, path):
            records += 1
            reason = found if isinstance(found, SkipReason) else None
            if isinstance(found, WarcPage):
                reason = SkipReason.DUPLICATE if found.uri in seen else None
                seen.add(found.uri)
                if reason is None:
                    pages.append(found)
            if reason is not None:
                skipped[reason] += 1
    return WarcScan(tuple(pages), records, {r: skipped[r] for r in SkipReason if skipped[r]})


def _records(stream: io.BufferedReader, path: Path) -> Iterator[WarcPage | SkipReason]:
    """Each record as a page or a skip reason; after a malformed one, go on from the next record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    size = stream.seek(0, io.SEEK_END)
    start: int | None = 0
    while start is not None:
        stream.seek(start)
        iterator = ArchiveIterator(stream, ensure_http_headers=False)
        try:
            for record in iterator:
                verdict = _classify(record)
                if verdict is None and _cut_short(record):
                    verdict = SkipReason.TRUNCATED
                iterator.read_to_end()
                if verdict is None:
                    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                    yield WarcPage(uri, iterator.get_record_offset(), iterator.get_record_length())
                else:
                    yield verdict
            if iterator.offset < size and stream.seek(iterator.offset) >= 0 and stream.read(_BLOCK).strip():
                yield SkipReason.TRUNCATED  # a gzip member cut short by the end of the file
            return
        except (ArchiveLoadFailed, ValueError, EOFError, OSError, KeyError, IndexError) as e:
            if "non-chunked gzip" in str(e):
                raise UnreadableWarc(
                    f"{path}: gzip as one stream, not one member per record (pages cannot be read by "
                    "offset); recompress it with `warcio recompress IN OUT`"
                ) from e
            log.info("%s: malformed record at offset %d (%s)", path, iterator.offset, e)
            yield SkipReason.MALFORMED
            start = _next_record_start(stream, iterator.offset + 1)


def _classify(record) -> SkipReason | None:
    kind = record.rec_type
    if kind == "revisit":
        return SkipReason.REVISIT
    if kind not in ("response", "resource"):
        return SkipReason.NOT_RESPONSE
    if record.rec_headers.get_header("WARC-Truncated"):
        return SkipReason.TRUNCATED
    http = record.http_headers if kind == "response" else None
    if kind == "response" and (http is None or not http.protocol.upper().startswith("HTTP/")):
        return SkipReason.NOT_HTML  # dns:, whois: and other non-HTTP responses
    if http is not None and not (http.get_statuscode() or "").startswith("2"):
        return SkipReason.HTTP_STATUS
    content_type = http.get_header("Content-Type") if http is not None else record.rec_headers.get_header("Content-Type")
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in HTML_TYPES:
        return None
    if not mime or mime in ("application/octet-stream", "text/plain"):
        sniffed = by_content(record.raw_stream.read(1024)) is InputFormat.HTML
        return None if sniffed else SkipReason.NOT_HTML
    return SkipReason.NOT_HTML


def _cut_short(record) -> bool:
    """True when the file ends before the record's Content-Length does."""
    raw = record.raw_stream
    while raw.read(_BLOCK):
        pass
    return getattr(raw, "limit", 0) > 0


def _next_record_start(stream: io.BufferedReader, position: int) -> int | None:
    """The offset of the next gzip member or `WARC/1.` line at or after `position`."""
    stream.seek(position)
    carry = b""
    base = position
    while True:
        block = stream.read(_BLOCK)
        if not block:
            return None
        data = carry + block
        hits = [i for i in (data.find(_GZIP_MEMBER), data.find(b"\n" + _WARC_START)) if i >= 0]
        if hits:
            hit = min(hits)
            return base + hit + (1 if data[hit:hit + 1] == b"\n" else 0)
        keep = len(_WARC_START)
        carry, base = data[-keep:], base + len(data) - keep


def read_page(data: bytes, name: str, max_bytes: int) -> tuple[bytes, str | None]:
    """The HTML body (transfer and content encodings undone) and the charset the HTTP
    response declared, from the bytes of one page's record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        record = next(iter(ArchiveIterator(io.BytesIO(data))))
        if record.format != "warc" or record.rec_type not in ("response", "resource"):
            raise ValueError("not a WARC response record at this offset; has the WARC changed?")
        body = record.content_stream().read(max_bytes + 1)
    except (ArchiveLoadFailed, StopIteration, ValueError, EOFError, OSError) as e:
        raise UndecodablePage(f"{name}: the record cannot be read ({e or type(e).__name__})") from e
    if len(body) > max_bytes:
        raise PageTooLarge(f"{name}: page too large: over {max_bytes:,} bytes (the limit)")
    http = record.http_headers
    content_type = http.get_header("Content-Type") if http is not None else record.rec_headers.get_header("Content-Type")
    return body, content_type_charset(content_type)


def page_id(uri: str) -> str:
    """A safe relative path for a page, unique per URI: `host/path/name-1a2b3c4d`.

    Only ASCII letters, digits, `.`, `_` and `-` (no name starts with a dot), at most
    six folders of at most 80 characters, the name without an .html suffix, then 8 hex
    digits of the URI's hash: two URIs never share an id, one URI always gets the same.
    """
    parts = urlsplit(uri)
    host = _safe(f"{parts.hostname or 'no-host'}{f'_{parts.port}' if parts.port else ''}")
    segments = [_safe(unquote(s)) for s in parts.path.split("/") if s]
    name = segments.pop() if segments else "index"
    if by_name(name) is InputFormat.HTML:
        name = strip_suffix(name)
    if parts.query:
        name = _safe(f"{name}_{unquote(parts.query)}")
    digest = hashlib.blake2b(uri.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
    return "/".join([host, *segments[:_MAX_DEPTH], f"{name}-{digest}"])


def _safe(text: str) -> str:
    return _UNSAFE.sub("_", text).lstrip(".")[:_SEGMENT_CHARS] or "_"
