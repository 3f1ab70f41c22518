"""Which articles a batch covers, and the id (output path) of each.

- a folder: every `*.txt`, `*.html` (`.htm`, `.xhtml`, `.shtml`), `*.warc` and `*.warc.gz`
  below it, hidden files and folders left out; the id is the path relative to the folder
  without its suffix (`IN/a/b/x.txt` -> `a/b/x`, written to `OUT/a/b/x.tsv`);
- a file: the id is its path relative to the current folder, or, outside it, its
  absolute path without the leading `/` (the suffix is dropped); a name with none of the
  suffixes above is read by its first bytes (an HTML page, a WARC, else text);
- a WARC file: each HTML page in it is an article, with the id `WARC_ID/` and a safe name
  made from its target URI (`crawl/news.example.com/2019/story-1a2b3c4d`, see
  `aligner.crawl.warc.page_id`); its other records are counted by the reason they are
  skipped (`CrawlTally`), and a WARC that cannot be read at all is a failed article;
- `--from-list FILE`: one file or folder per line, read like the above; blank lines and
  lines starting with `#` are ignored. A listed file that is missing is reported as a
  failed article (crawl lists go stale); a missing path on the command line is bad usage.

Ids are stable from run to run, which is what lets a rerun find its earlier outputs.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from aligner.batch.errors import BatchUsageError
from aligner.batch.records import Article, CrawlTally, Record, Status
from aligner.crawl.formats import HTML_SUFFIXES, TEXT_SUFFIXES, WARC_SUFFIXES, InputFormat, by_content, by_name, strip_suffix
from aligner.crawl.warc import UnreadableWarc, page_id, scan_warc
from aligner.errors import InputError
from aligner.text.io import read_text

INPUT_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, *WARC_SUFFIXES)


@dataclass
class Found:
    """What `discover` found: articles sorted by id, failed records, and the WARCs' tally."""

    articles: list[Article] = field(default_factory=list)
    failed: list[Record] = field(default_factory=list)
    crawl: CrawlTally = field(default_factory=CrawlTally)


def discover(inputs: Sequence[Path], from_list: Path | None = None, cwd: Path | None = None) -> Found:
    """The articles of `inputs` and `from_list`; a failed record for each listed file that
    is missing and each WARC that cannot be read."""
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    found: dict[str, Article] = {}
    walk = _Walk(cwd)
    for path in inputs:
        if not path.exists():
            raise BatchUsageError(f"{path}: no such file or folder")
        _add_all(found, walk.articles(path))
    for path in _listed(from_list) if from_list else ():
        if path.exists():
            _add_all(found, walk.articles(path))
        else:
            walk.failed.append(Record(_file_id(path, cwd), str(path), Status.FAILED, "no such file"))
    tally = CrawlTally(walk.warcs, walk.records, walk.pages, {r: walk.skipped[r] for r in sorted(walk.skipped)})
    return Found(sorted(found.values(), key=lambda a: a.id), walk.failed, tally)


class _Walk:
    """Articles of folders and files; counts what the WARCs among them hold."""

    def __init__(self, cwd: Path):
        self.cwd = cwd
        self.failed: list[Record] = []
        self.warcs = self.records = self.pages = 0
        self.skipped: Counter[str] = Counter()

    def articles(self, path: Path) -> Iterator[Article]:
        if path.is_dir():
            for file in _input_files(path):
                relative = PurePosixPath(file.relative_to(path)).as_posix()
                yield from self._file(file, strip_suffix(relative), by_name(file.name) or InputFormat.TEXT)
        else:
            yield from self._file(path, _file_id(path, self.cwd), by_name(path.name) or _sniff(path))

    def _file(self, path: Path, article_id: str, fmt: InputFormat) -> Iterator[Article]:
        stat = path.stat()
        if fmt is not InputFormat.WARC:
            yield Article(article_id, path, stat.st_size, stat.st_mtime_ns, fmt)
            return
        try:
            scan = scan_warc(path)
        except UnreadableWarc as e:
            self.failed.append(Record(article_id, str(path), Status.FAILED, str(e).removeprefix(f"{path}: ")))
            return
        self.warcs += 1
        self.records += scan.records
        self.pages += len(scan.pages)
        self.skipped.update({reason.value: n for reason, n in scan.skipped.items()})
        for page in scan.pages:
            yield Article(f"{article_id}/{page_id(page.uri)}", path, page.length, stat.st_mtime_ns,
                          InputFormat.WARC, page.uri, page.offset)


def _input_files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(INPUT_SUFFIXES) and not name.startswith("."):
                yield Path(root, name)


def _sniff(path: Path) -> InputFormat:
    try:
        with open(path, "rb") as stream:
            return by_content(stream.read(1024))
    except OSError:
        return InputFormat.TEXT  # the worker reports why it cannot be read


def _file_id(path: Path, cwd: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(cwd)
    except ValueError:
        relative = absolute.relative_to(absolute.anchor)
    return strip_suffix(PurePosixPath(*relative.parts).as_posix())


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
