"""The nouns of a batch run: an input article, what became of it, and its status."""
from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aligner.crawl.formats import InputFormat
from aligner.types import Alignment, Pair, Segment

TSV_SUFFIX = ".tsv"


class Status(str, enum.Enum):
    """What became of one article."""

    OK = "ok"  # aligned, pairs written
    NO_PAIRS = "no_pairs"  # aligned, nothing to pair (an empty TSV is written)
    SKIPPED = "skipped"  # not aligned on purpose: empty, or over --max-chars
    FAILED = "failed"  # could not be read as text
    UNPAIRED = "unpaired"  # --pair-pages: a page with no counterpart (the reason says why)

    @property
    def has_output(self) -> bool:
        return self in (Status.OK, Status.NO_PAIRS)


@dataclass(frozen=True, slots=True)
class Article:
    """One input: a text file, an HTML page, or a page in a WARC file (`source`), its
    record `size` bytes from `offset`, its target URI `uri`. `id` is its output path
    without suffix, `/`-separated: `a/b/x`."""

    id: str
    source: Path
    size: int
    mtime_ns: int
    fmt: InputFormat = InputFormat.TEXT
    uri: str | None = None
    offset: int = 0

    @property
    def output(self) -> str:
        return self.id + TSV_SUFFIX

    @property
    def name(self) -> str:
        """What messages call it: the page's URI, else the file's path."""
        return self.uri or str(self.source)


@dataclass(frozen=True, slots=True)
class Record:
    """One line of `summary.json`: an article's counts, status and, unless ok, the reason.

    `unpaired_bn`, `unpaired_en` (non-boilerplate sentences left unpaired) and `boilerplate`
    (segments of both languages) are the report index's figures: set when the article's
    report was made (`--report`), None otherwise. `uri` is a WARC page's target URI.
    """

    id: str
    source: str
    status: Status
    reason: str | None = None
    bn_sentences: int = 0
    en_sentences: int = 0
    pairs: int = 0
    mean_score: float | None = None
    unpaired_bn: int | None = None
    unpaired_en: int | None = None
    boilerplate: int | None = None
    uri: str | None = None

    @property
    def label(self) -> str:
        """The article in messages, the corpus files and the report: its URI, else its source."""
        return self.uri or self.source

    @property
    def sentences(self) -> int:
        return self.bn_sentences + self.en_sentences

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "uri": self.uri,
            "output": self.id + TSV_SUFFIX if self.status.has_output else None,
            "status": self.status.value,
            "reason": self.reason,
            "bn_sentences": self.bn_sentences,
            "en_sentences": self.en_sentences,
            "pairs": self.pairs,
            "mean_score": self.mean_score,
            "unpaired_bn": self.unpaired_bn,
            "unpaired_en": self.unpaired_en,
            "boilerplate": self.boilerplate,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """The record of `to_dict`; a journal line of an older version lacks the index figures."""
        return cls(
            id=data["id"], source=data["source"], status=Status(data["status"]),
            reason=data["reason"], bn_sentences=data["bn_sentences"],
            en_sentences=data["en_sentences"], pairs=data["pairs"], mean_score=data["mean_score"],
            unpaired_bn=data.get("unpaired_bn"), unpaired_en=data.get("unpaired_en"),
            boilerplate=data.get("boilerplate"), uri=data.get("uri"),
        )


@dataclass(frozen=True, slots=True)
class Result:
    """A worker's answer for one article: the record, the TSV text to write (None: none) and,
    with `--report`, the HTML report to write beside it."""

    article: Article
    record: Record
    tsv: str | None
    report: str | None = None


@dataclass(frozen=True)
class CrawlTally:
    """The WARC files of a run: their records, the pages among them, the rest by reason."""

    files: int = 0
    records: int = 0
    pages: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"files": self.files, "records": self.records, "pages": self.pages, "skipped": dict(self.skipped)}


def record_for(
    article: Article, bn: Sequence[Segment], en: Sequence[Segment], pairs: Sequence[Pair],
    alignment: Alignment | None = None,
) -> Record:
    """The record of an aligned article; scores are taken as written (4 decimals)."""
    scores = [float(f"{p.score:.4f}") for p in pairs]
    reason = None if pairs else _nothing_to_pair(alignment or Alignment(tuple(bn), tuple(en)))
    return Record(
        id=article.id, source=str(article.source), uri=article.uri,
        status=Status.OK if pairs else Status.NO_PAIRS, reason=reason,
        bn_sentences=len(bn), en_sentences=len(en), pairs=len(pairs),
        mean_score=round(sum(scores) / len(scores), 4) if scores else None,
    )


def _nothing_to_pair(alignment: Alignment) -> str:
    missing = " or ".join(lang.label for lang in alignment.missing)
    return f"no {missing} text found" if missing else "no sentence found a translation"
