"""`aligner batch --report`: an HTML report per aligned article and an index over the run.

    OUT/report/index.html             every article of the run, worst first, flagged ones on top
    OUT/report/articles/a/b/x.html    the report of article `a/b/x`, as `aligner align --report`
                                      writes it

The worker renders an article's report right after aligning it, from the vectors its cache
already holds (no model work), and puts the index figures (unpaired sentences,
boilerplate) in the article's record. The runner writes the report beside the TSV and
journals both (see `state.py`). The index is built from the records, so an article an
earlier run finished is listed without being read again. An article with no output
(failed, skipped) is listed too, flagged with its status and reason, without a link.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from aligner.batch.records import Record, Result
from aligner.embed import Encoder
from aligner.report import IndexEntry, Summary, flags, report_html, summarize, write_index
from aligner.types import Alignment

REPORT_DIR = "report"  # under the output folder
INDEX = "index.html"  # in REPORT_DIR
_ARTICLES = "articles"  # in REPORT_DIR: one page per article, so no id clashes with INDEX


@dataclass(frozen=True, slots=True)
class ReportIndex:
    """What the index lists: `path` relative to the output folder."""

    path: str
    articles: int
    flagged: int

    def to_dict(self) -> dict[str, object]:
        return {"index": self.path, "articles": self.articles, "flagged": self.flagged}


def report_link(article_id: str) -> str:
    """Where an article's report is, relative to the index page (and to REPORT_DIR)."""
    return f"{_ARTICLES}/{article_id}.html"


def with_report(result: Result, alignment: Alignment, encoder: Encoder) -> Result:
    """`result` with its report page and the index figures in its record."""
    summary = summarize(alignment)
    record = replace(
        result.record, unpaired_bn=summary.unpaired_bn, unpaired_en=summary.unpaired_en,
        boilerplate=summary.boilerplate,
    )
    return replace(result, record=record, report=report_html(alignment, encoder, title=record.label))


def figures(record: Record) -> Summary | None:
    """The index figures of an aligned article; None when its record has none (no report made)."""
    if record.unpaired_bn is None or record.unpaired_en is None or record.boilerplate is None:
        return None
    return Summary(
        pairs=record.pairs, unpaired_bn=record.unpaired_bn, unpaired_en=record.unpaired_en,
        boilerplate=record.boilerplate, sentences=record.sentences - record.boilerplate,
        mean_score=record.mean_score,
    )


def index_entry(record: Record) -> IndexEntry:
    if not record.status.has_output:
        return IndexEntry(record.id, None, None, problem=f"{record.status.value}: {record.reason}")
    summary = figures(record)
    if summary is None:
        raise ValueError(f"{record.id}: aligned without its report figures")
    return IndexEntry(record.id, report_link(record.id), summary)


def write_report_index(root: Path, records: Sequence[Record]) -> ReportIndex:
    """Write `root/report/index.html` over `records`, atomically; say what it lists."""
    entries = [index_entry(r) for r in records]
    path = root / REPORT_DIR / INDEX
    path.parent.mkdir(parents=True, exist_ok=True)
    write_index(entries, path)
    return ReportIndex(f"{REPORT_DIR}/{INDEX}", len(entries), sum(bool(flags(e)) for e in entries))
