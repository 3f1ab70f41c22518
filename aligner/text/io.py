"""Read a user's input text: a file or `-` for stdin, UTF-8 or UTF-16 with a BOM, or an
HTML page (by its suffix, its first bytes, or `--format html`), whose article text
`aligner.crawl` extracts.

Every way a file can fail to be text (missing, a directory, binary, a wrong encoding,
empty) raises `InputError` with one line that names the file and says what to do.
"""
from __future__ import annotations

import codecs
import os
import re
import sys
from pathlib import Path

from aligner.crawl.formats import InputFormat, resolve
from aligner.crawl.page import page_text
from aligner.errors import InputError

STDIN = "-"
_STDIN_NAME = "<stdin>"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SAVE_HINT = "save it as UTF-8 or UTF-16 with a BOM"
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def read_text(path: Path | str) -> str:
    """The decoded text of `path` (`-` reads stdin) with newlines normalised to `\\n`."""
    return read_input(path, InputFormat.TEXT)


def read_input(path: Path | str, fmt: InputFormat = InputFormat.AUTO) -> str:
    """The text of `path`: decoded text, or an HTML page's article text, one paragraph a line."""
    name = _display_name(path)
    data = _read_stdin() if str(path) == STDIN else _read_file(Path(path), name)
    fmt = resolve(fmt, "" if str(path) == STDIN else os.fspath(path), data)
    if fmt is InputFormat.HTML:
        return page_text(data, name)
    if fmt is InputFormat.WARC:
        raise InputError(f"{name}: a WARC file holds many pages; align them with `aligner batch {name} -o OUT`")
    text = decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: {'empty' if not text else 'only whitespace'}; nothing to align")
    return text


def decode(data: bytes, name: str) -> str:
    """UTF-16 when a UTF-16 BOM starts the data, else UTF-8 (a UTF-8 BOM is dropped)."""
    if data.startswith(_UTF16_BOMS):
        return _decode_utf16(data, name)
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{name}: binary data (NUL byte at offset {nul}), not text; {_SAVE_HINT}")
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as e:
        offset = bom + e.start
        raise InputError(
            f"{name}: not UTF-8 text (invalid byte 0x{data[offset]:02x} at offset {offset}); "
            f"{_SAVE_HINT}"
        ) from e


def _decode_utf16(data: bytes, name: str) -> str:
    codec = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    try:
        return data[2:].decode(codec)
    except UnicodeDecodeError as e:
        raise InputError(
            f"{name}: not valid UTF-16 text (bad data at offset {2 + e.start}); {_SAVE_HINT}"
        ) from e


def _read_file(path: Path, name: str) -> bytes:
    if path.is_dir():
        raise InputError(f"{name}: is a directory, not a text file")
    try:
        return path.read_bytes()
    except FileNotFoundError as e:
        raise InputError(f"{name}: no such file") from e
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or type(e).__name__})") from e


def _read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None:
        raise InputError(f"{_STDIN_NAME}: no standard input to read")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer.read()
    return stream.read().encode("utf-8", errors="surrogateescape")


def _display_name(path: Path | str) -> str:
    """The name for messages: `<stdin>` for `-`, control characters escaped (one line)."""
    if str(path) == STDIN:
        return _STDIN_NAME
    return _CONTROL.sub(_escape, os.fspath(path))


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")
