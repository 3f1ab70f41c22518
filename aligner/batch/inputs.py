"""Which articles a batch covers, and the id (output path) of each.

- a folder: every `*.txt` below it, hidden files and folders left out; the id is the path
  relative to the folder (`IN/a/b/x.txt` -> `a/b/x`, written to `OUT/a/b/x.tsv`);
- a file: the id is its path relative to the current folder, or, outside it, its
  absolute path without the leading `/` (any suffix is dropped);
- `--from-list FILE`: one file or folder per line, read like the above; blank lines and
  lines starting with `#` are ignored. A listed file that is missing is reported as a
  failed article (crawl lists go stale); a missing path on the command line is bad usage.

Ids are stable from run to run, which is what lets a rerun find its earlier outputs.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from aligner.batch.errors import BatchUsageError
from aligner.batch.records import Article, Record, Status
from aligner.errors import InputError
from aligner.io import read_text

PATTERN_SUFFIX = ".txt"


def discover(
    inputs: Sequence[Path], from_list: Path | None = None, cwd: Path | None = None
) -> tuple[list[Article], list[Record]]:
    """Articles sorted by id, and a failed record for each listed file that is missing."""
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    found: dict[str, Article] = {}
    missing: list[Record] = []
    for path in inputs:
        if not path.exists():
            raise BatchUsageError(f"{path}: no such file or folder")
        _add_all(found, _articles(path, cwd))
    for path in _listed(from_list) if from_list else ():
        if path.exists():
            _add_all(found, _articles(path, cwd))
        else:
            missing.append(Record(_file_id(path, cwd), str(path), Status.FAILED, "no such file"))
    return sorted(found.values(), key=lambda a: a.id), missing


def _articles(path: Path, cwd: Path) -> Iterator[Article]:
    if path.is_dir():
        for file in _txt_files(path):
            yield _article(file, PurePosixPath(file.relative_to(path).with_suffix("")).as_posix())
    else:
        yield _article(path, _file_id(path, cwd))


def _txt_files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(PATTERN_SUFFIX) and not name.startswith("."):
                yield Path(root, name)


def _file_id(path: Path, cwd: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(cwd)
    except ValueError:
        relative = absolute.relative_to(absolute.anchor)
    return PurePosixPath(*relative.parts).with_suffix("").as_posix()


def _article(path: Path, article_id: str) -> Article:
    stat = path.stat()
    return Article(article_id, path, stat.st_size, stat.st_mtime_ns)


def _add_all(found: dict[str, Article], articles: Iterator[Article]) -> None:
    for article in articles:
        other = found.get(article.id)
        if other is None:
            found[article.id] = article
        elif not os.path.samefile(other.source, article.source):
            raise BatchUsageError(
                f"{other.source} and {article.source} would both be written to "
                f"{article.output}; give their common parent folder instead"
            )


def _listed(list_file: Path) -> list[Path]:
    try:
        text = read_text(list_file)
    except InputError as e:
        raise BatchUsageError(f"--from-list {e}") from e
    lines = (line.strip() for line in text.splitlines())
    return [Path(line) for line in lines if line and not line.startswith("#")]
