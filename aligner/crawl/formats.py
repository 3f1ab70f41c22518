"""Which kind an input is: plain text, an HTML page or a WARC file, by name or by content."""
from __future__ import annotations

import enum
import re
from pathlib import PurePosixPath

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
WARC_SUFFIXES = (".warc", ".warc.gz")
TEXT_SUFFIXES = (".txt",)
SNIFF_BYTES = 1024
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_WARC_START = re.compile(rb"^WARC/\d")
_GZIP = b"\x1f\x8b"


class InputFormat(str, enum.Enum):
    """`auto`: by the file's suffix, else by its first bytes (stdin: by its first bytes)."""

    AUTO = "auto"
    TEXT = "text"
    HTML = "html"
    WARC = "warc"


def by_name(name: str) -> InputFormat | None:
    """The format a file name says (`x.html`, `x.warc.gz`); None when it says none."""
    lower = name.lower()
    for suffixes, fmt in ((HTML_SUFFIXES, InputFormat.HTML), (WARC_SUFFIXES, InputFormat.WARC),
                          (TEXT_SUFFIXES, InputFormat.TEXT)):
        if lower.endswith(suffixes):
            return fmt
    return None


def by_content(head: bytes) -> InputFormat:
    """HTML when the data opens like a page (`<!DOCTYPE html`, `<html`), WARC when like a
    WARC (or gzip, which only a WARC is among our inputs), text otherwise."""
    head = head[:SNIFF_BYTES]
    if _HTML_START.match(head):
        return InputFormat.HTML
    if _WARC_START.match(head) or head.startswith(_GZIP):
        return InputFormat.WARC
    return InputFormat.TEXT


def resolve(fmt: InputFormat, name: str, head: bytes) -> InputFormat:
    """`fmt` unless it is `auto`: then the name's format, else the content's."""
    if fmt is not InputFormat.AUTO:
        return fmt
    return by_name(name) or by_content(head)


def strip_suffix(name: str) -> str:
    """`a/x` for `a/x.txt`, `a/x.html` and `a/x.warc.gz`; other names lose their last suffix."""
    lower = name.lower()
    for suffix in (*WARC_SUFFIXES[::-1], *HTML_SUFFIXES, *TEXT_SUFFIXES):
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return str(PurePosixPath(name).with_suffix("")) if PurePosixPath(name).suffix else name
