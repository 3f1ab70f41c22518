"""The output folder of a batch run: complete files only, and a memory of what is done.

    OUT/a/b/x.tsv                  one per article, written to a temp name and renamed
    OUT/report/articles/a/b/x.html with --report, its report, written the same way after it
    OUT/summary.json, OUT/corpus.*, OUT/report/index.html  the same, at the end of the run
    OUT/.aligner-batch/lock        held (flock) while a run writes here
    OUT/.aligner-batch/journal.jsonl  a line per written article: its record, and the size
                                   and mtime of its input, its TSV and its report (or null)

Because every file appears by rename, any TSV that exists is complete. An article is done
when its TSV exists and its journal line matches the input and the TSV as they are now:
the rerun skips it without reading it. With `--report` it must also have the report its
journal line names, else it is aligned again. A TSV with no matching line (the run was
killed between rename and journal write, or the journal was deleted) is kept if it is newer
than its input, and its record is rebuilt from it with no embedding; with `--report` it is
aligned again (its report and index figures need the alignment). Everything else is
redone. A killed run leaves `.NAME.XXXX.tmp` files behind; the next run removes them first.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from aligner.batch.errors import BatchUsageError
from aligner.batch.records import Article, Record, Result, record_for
from aligner.batch.reports import REPORT_DIR, report_link
from aligner.batch.sources import load_text
from aligner.text.segment import segment_article
from aligner.types import Pair
from aligner.writers import atomic_write_text

log = logging.getLogger(__name__)

STATE_DIR = ".aligner-batch"
JOURNAL = "journal.jsonl"
_TEMPORARY = re.compile(r"^\..+\.tmp$")  # atomic_open's `.NAME.XXXXXXXX.tmp`


@dataclass
class Plan:
    """The articles to align, the records of those already done, and TSVs to re-read."""

    todo: list[Article] = field(default_factory=list)
    done: list[Record] = field(default_factory=list)
    recover: list[Article] = field(default_factory=list)


class OutputDir:
    """Reads and writes one batch output folder; use inside `session()`."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._state = self.root / STATE_DIR
        self._journal: dict[str, dict] = {}
        self._log: TextIO | None = None

    @contextlib.contextmanager
    def session(self) -> Iterator[OutputDir]:
        """Lock the folder, clear a killed run's temp files, read and open the journal."""
        try:
            self._state.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise BatchUsageError(f"{self.root}: cannot create the output folder ({e.strerror})") from e
        with open(self._state / "lock", "a") as lock:
            _lock(lock, self.root)
            removed = sweep_temporaries(self.root)
            if removed:
                log.info("removed %d unfinished temporary file(s) of an earlier run", removed)
            self._journal = _read_journal(self._state / JOURNAL)
            with open(self._state / JOURNAL, "a", encoding="utf-8") as self._log:
                yield self
            self._log = None

    def tsv_path(self, article_id: str) -> Path:
        *folders, name = article_id.split("/")
        return self.root.joinpath(*folders, name + ".tsv")

    def report_path(self, article_id: str) -> Path:
        return self.root / REPORT_DIR / report_link(article_id)

    def plan(self, articles: Sequence[Article], force: bool = False, report: bool = False) -> Plan:
        """What to align; with `report`, an article is done only if its report is in place."""
        plan = Plan()
        for article in articles:
            tsv = _stat(self.tsv_path(article.id))
            entry = self._journal.get(article.id)
            if force or tsv is None:
                plan.todo.append(article)
            elif entry and entry["input"] == _stamp(article) and entry["tsv"] == _stamp(tsv):
                if report and not self._has_report(article.id, entry):
                    plan.todo.append(article)
                else:
                    record = Record.from_dict(entry["record"])
                    plan.done.append(replace(record, source=str(article.source)))
            elif (
                not report
                and (entry is None or entry["input"] == _stamp(article))
                and tsv.st_mtime_ns >= article.mtime_ns
            ):
                plan.recover.append(article)
            else:
                plan.todo.append(article)
        return plan

    def write(self, result: Result) -> None:
        """Put the article's TSV and report in place (or remove stale ones) and journal them."""
        path = self.tsv_path(result.article.id)
        if result.tsv is None:  # remove outputs from an older version of the input
            path.unlink(missing_ok=True)
            self.report_path(result.article.id).unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, result.tsv)
        if result.report is not None:
            report = self.report_path(result.article.id)
            report.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(report, result.report)
        self.journal(result.article, result.record, reported=result.report is not None)

    def journal(self, article: Article, record: Record, reported: bool = False) -> None:
        """Note the article done: its record, and the stamps of its input, TSV and report."""
        line = {
            "record": record.to_dict(),
            "input": _stamp(article),
            "tsv": _stamp(self.tsv_path(article.id).stat()),
            "report": _stamp(self.report_path(article.id).stat()) if reported else None,
        }
        assert self._log is not None, "OutputDir.journal outside session()"
        self._log.write(json.dumps(line, ensure_ascii=False) + "\n")
        self._log.flush()

    def _has_report(self, article_id: str, entry: dict) -> bool:
        """The report the journal line names is in place, and the record has its figures."""
        report = _stat(self.report_path(article_id))
        return (
            report is not None
            and entry.get("report") == _stamp(report)
            and entry["record"].get("unpaired_bn") is not None
        )

    def recover(self, article: Article, max_chars: int) -> Record:
        """The record of an article whose TSV is in place: re-segment, re-read the TSV."""
        bn, en = segment_article(load_text(article, None, max_chars))
        record = record_for(article, bn, en, list(self.pairs(article.id)))
        self.journal(article, record)
        return record

    def pairs(self, article_id: str) -> Iterator[Pair]:
        """The pairs of an article's TSV (`bangla<TAB>english<TAB>score` lines)."""
        with open(self.tsv_path(article_id), encoding="utf-8", newline="\n") as stream:
            for line in stream:
                bn, en, score = line.rstrip("\n").split("\t")
                yield Pair(bn, en, float(score))


def sweep_temporaries(root: Path) -> int:
    """Remove the temp files a killed run left under `root`; return how many."""
    removed = 0
    for folder, _, files in os.walk(root):
        for name in files:
            if _TEMPORARY.match(name):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(os.path.join(folder, name))
                    removed += 1
    return removed


def _lock(stream: TextIO, root: Path) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: no advisory lock; one run per folder is up to the user
        return
    try:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as e:
        raise BatchUsageError(f"{root}: another `aligner batch` run is writing there") from e


def _read_journal(path: Path) -> dict[str, dict]:
    """The last journal line of each article; a line cut short by a kill is ignored."""
    entries: dict[str, dict] = {}
    if not path.exists():
        return entries
    with open(path, encoding="utf-8", errors="replace") as stream:
        for line in stream:
            try:
                entry = json.loads(line)
                entries[entry["record"]["id"]] = entry
            except (json.JSONDecodeError, KeyError, TypeError):
                continue
    return entries


def _stamp(file: Article | os.stat_result) -> list[int]:
    """Size and mtime, as the journal keeps them."""
    if isinstance(file, Article):
        return [file.size, file.mtime_ns]
    return [file.st_size, file.st_mtime_ns]


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None
