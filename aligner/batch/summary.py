"""The outcome of a batch run: `summary.json` and the closing table on stderr."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from aligner.batch.corpus import CorpusReport
from aligner.batch.pages import PageTally
from aligner.batch.progress import format_seconds
from aligner.batch.records import CrawlTally, Record, Status
from aligner.batch.reports import ReportIndex

_LISTED = 20  # failures and skips named in the table; summary.json has them all


@dataclass(frozen=True)
class BatchSummary:
    records: tuple[Record, ...]  # every article, sorted by id
    already_done: int  # articles an earlier run had finished
    seconds: float
    sentences_per_second: float  # over the articles aligned in this run
    corpus: CorpusReport | None = None
    report: ReportIndex | None = None  # with --report
    crawl: CrawlTally | None = None  # with WARC inputs: records, pages, skipped by reason
    pages: PageTally | None = None  # with --pair-pages: pages by language, pairs, the rest by reason

    @property
    def counts(self) -> Counter[Status]:
        return Counter(r.status for r in self.records)

    @property
    def exit_code(self) -> int:
        """0 when every article was processed (skips included), 1 when some failed."""
        return 1 if self.counts[Status.FAILED] else 0

    def to_dict(self) -> dict:
        counts = self.counts
        return {
            "totals": {
                "articles": len(self.records),
                **{status.value: counts[status] for status in Status},
                "bn_sentences": sum(r.bn_sentences for r in self.records),
                "en_sentences": sum(r.en_sentences for r in self.records),
                "pairs": sum(r.pairs for r in self.records),
                "already_done": self.already_done,
                "seconds": round(self.seconds, 1),
                "sentences_per_second": round(self.sentences_per_second, 1),
            },
            "corpus": self.corpus.to_dict() if self.corpus else None,
            "report": self.report.to_dict() if self.report else None,
            "warc": self.crawl.to_dict() if self.crawl else None,
            "pages": self.pages.to_dict() if self.pages else None,
            "articles": [r.to_dict() for r in self.records],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"


def format_table(summary: BatchSummary) -> str:
    """A few lines for stderr: counts by status, the corpus, and what failed or was skipped."""
    rows = [("status", "articles", "bn sent.", "en sent.", "pairs")]
    for status in Status:
        chosen = [r for r in summary.records if r.status is status]
        rows.append((
            status.value, str(len(chosen)), str(sum(r.bn_sentences for r in chosen)),
            str(sum(r.en_sentences for r in chosen)), str(sum(r.pairs for r in chosen)),
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
             for row in rows]
    aligned = len(summary.records) - summary.already_done
    lines.append(
        f"{aligned} article(s) processed in {format_seconds(summary.seconds)} "
        f"({summary.sentences_per_second:.1f} sentences/s), "
        f"{summary.already_done} already done by an earlier run"
    )
    if summary.corpus:
        c = summary.corpus
        dropped = ", ".join(f"{n} {reason}" for reason, n in c.removed.items() if n) or "none"
        lines.append(f"corpus: {c.written} of {c.pairs} pairs written to "
                     f"{', '.join(c.files)}; removed: {dropped}")
    if summary.crawl:
        w = summary.crawl
        skipped = ", ".join(f"{n} {reason}" for reason, n in w.skipped.items()) or "none"
        lines.append(f"warc: {w.pages} HTML pages of {w.records} records in {w.files} file(s); "
                     f"skipped: {skipped}")
    if summary.pages:
        p = summary.pages
        alone = ", ".join(f"{n} {reason}" for reason, n in p.unpaired.items() if n) or "none"
        lines.append(f"pages: {p.pairs} pairs of {p.bn} Bangla and {p.en} English pages; unpaired: {alone}")
    if summary.report:
        r = summary.report
        lines.append(f"report: {r.articles} articles, {r.flagged} flagged, worst first in {r.path}")
    for status in (Status.FAILED, Status.SKIPPED):
        chosen = [r for r in summary.records if r.status is status]
        lines += [f"{status.value}: {r.label}: {r.reason}" for r in chosen[:_LISTED]]
        if len(chosen) > _LISTED:
            lines.append(f"{status.value}: ... and {len(chosen) - _LISTED} more in summary.json")
    return "\n".join(lines)
