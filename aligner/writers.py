"""Write pairs as TSV: `bangla<TAB>english<TAB>score`, to stdout or atomically to a file.

A file is written to a temporary file beside it and renamed over the target only when
complete, so a crash or an error midway never leaves a truncated output behind.
"""
from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from aligner.errors import OutputError
from aligner.types import Pair

STDOUT = "-"
HEADER = "bn\ten\tscore"
# Tabs and every character str.splitlines() breaks on: any of them would break the TSV.
_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def clean_cell(text: str) -> str:
    """One TSV cell: each run of tabs and line breaks becomes a single space."""
    return _BREAKS.sub(" ", text)


def tsv_line(pair: Pair) -> str:
    """`bangla<TAB>english<TAB>score` with the score to 4 decimals, newline included."""
    return f"{clean_cell(pair.bn)}\t{clean_cell(pair.en)}\t{pair.score:.4f}\n"


def write_tsv(pairs: Iterable[Pair], out: Path | str | None, header: bool = False) -> int:
    """Write pairs as UTF-8 TSV to `out` (None or `-`: stdout); return how many were written."""
    if out is None or str(out) == STDOUT:
        with _utf8_stdout() as stream:
            return _write_pairs(stream, pairs, header)
    with atomic_open(Path(out)) as stream:
        return _write_pairs(stream, pairs, header)


def _write_pairs(stream: TextIO, pairs: Iterable[Pair], header: bool) -> int:
    if header:
        stream.write(HEADER + "\n")
    count = 0
    for pair in pairs:
        stream.write(tsv_line(pair))
        count += 1
    return count


@contextlib.contextmanager
def _utf8_stdout() -> Iterator[TextIO]:
    """Standard output as UTF-8 with `\\n` line ends, whatever the console's encoding."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced sys.stdout (StringIO): it takes str as is
        yield sys.stdout
        sys.stdout.flush()
        return
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")
    try:
        yield stream
    finally:
        stream.flush()
        stream.detach()  # leave sys.stdout's buffer open


@contextlib.contextmanager
def atomic_open(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream whose content replaces `path` only if the block succeeds.

    The data goes to `.NAME.*.tmp` in the same directory, is flushed and fsynced, then
    `os.replace`d onto `path`. On any exception the temporary file is removed and the
    exception propagates; an existing `path` is left untouched. A folder that cannot take
    the file (missing, read-only) raises `OutputError`.
    """
    path = Path(path)
    try:
        tmp = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="\n", delete=False,
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
        )
    except OSError as e:
        raise OutputError(f"{path}: cannot write ({e.strerror or e})") from e
    try:
        with tmp:
            yield tmp
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp.name, _target_mode(path))
        os.replace(tmp.name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp.name)
        raise


def atomic_write_text(path: Path | str, text: str) -> None:
    """Write `text` to `path` as UTF-8, atomically (see `atomic_open`)."""
    with atomic_open(Path(path)) as stream:
        stream.write(text)


def _target_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 less umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
