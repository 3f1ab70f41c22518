"""Align chunks of articles with one model: read and segment a chunk, embed all its
distinct sentences in one call (sorted by length, in full batches), then align each
article from the cache and hand back its record and TSV text (and, with `report`, its
HTML report, drawn from the same cache).

A `ChunkWorker` lives once per process (or Ray actor); its model loads on first use.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from aligner.align import Aligner
from aligner.batch.records import Article, Record, Result, Status
from aligner.batch.reports import with_report
from aligner.batch.sources import article_text, read_bytes
from aligner.crawl.formats import InputFormat
from aligner.embed import CachingEncoder, Encoder, get_encoder
from aligner.errors import InputError
from aligner.segment import segment_article
from aligner.types import Alignment, Pair, Segment
from aligner.writers import tsv_line

MAX_CHARS = 1_000_000
_UTF8_MAX_BYTES = 4  # no character takes more bytes than this, in UTF-8 or UTF-16


@dataclass(frozen=True, slots=True)
class WorkerSettings:
    """What every worker needs to know; small and picklable (it travels to processes)."""

    model: str | None = None
    max_chars: int = MAX_CHARS
    batch_size: int = 64
    cache_limit: int = 200_000  # texts; a fresh cache after that bounds memory (~300 MB)
    report: bool = False  # also render each aligned article's HTML report


@dataclass(frozen=True, slots=True)
class Job:
    """An article to align; `data` holds its bytes when the driver ships them (Ray)."""

    article: Article
    data: bytes | None = None


class ArticleSkipped(Exception):
    """An article left out on purpose (empty, too large); the message is the reason."""


class ChunkWorker:
    """Aligns chunks of articles; the encoder (`backend`, or `settings.model`) loads once."""

    def __init__(self, settings: WorkerSettings, backend: Encoder | None = None):
        self.settings = settings
        self._backend = backend
        self._encoder: CachingEncoder | None = None

    def process_all(self, jobs: Sequence[Job]) -> list[Result]:
        return list(self.process(jobs))

    def process(self, jobs: Sequence[Job]) -> Iterator[Result]:
        """One result per job: failures and skips as they are read, then the aligned articles."""
        ready: list[tuple[Article, list[Segment], list[Segment]]] = []
        for job in jobs:
            try:
                text = load_text(job.article, job.data, self.settings.max_chars)
            except ArticleSkipped as e:
                yield unaligned(job.article, Status.SKIPPED, str(e))
                continue
            except InputError as e:
                yield failed(job.article, e)
                continue
            ready.append((job.article, *segment_article(text)))
        if not ready:
            return
        aligner = Aligner(self._encoder_for_chunk())
        texts = [
            s.text for _, bn, en in ready if not _missing(bn, en) for s in (*bn, *en)
        ]
        aligner.encoder.encode(texts)  # one call for the chunk; the articles hit the cache
        for article, bn, en in ready:
            alignment = aligner.align_segments(bn, en)
            result = aligned(article, alignment)
            yield with_report(result, alignment, aligner.encoder) if self.settings.report else result

    def _encoder_for_chunk(self) -> CachingEncoder:
        if self._backend is None:
            self._backend = get_encoder(self.settings.model)
        if self._encoder is None or self._encoder.encoded >= self.settings.cache_limit:
            self._encoder = CachingEncoder(
                self._backend, batch_size=self.settings.batch_size, progress=False
            )
        return self._encoder


def load_text(article: Article, data: bytes | None, max_chars: int) -> str:
    """The article's text as `aligner align` reads it; `ArticleSkipped` or `InputError`."""
    if too_large(article, max_chars):
        raise ArticleSkipped(f"too large: {article.size:,} bytes (--max-chars {max_chars:,})")
    if data is None:
        data = read_bytes(article)
    text = article_text(article, data)
    if not text.strip():
        raise ArticleSkipped("empty" if not text else "only whitespace")
    if len(text) > max_chars:
        raise ArticleSkipped(f"too large: {len(text):,} characters (--max-chars {max_chars:,})")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def too_large(article: Article, max_chars: int) -> bool:
    """A text over the limit by its size alone (no character takes more than 4 bytes).
    Pages have their own byte limit (`sources.read_bytes`, `crawl.page_text`)."""
    return article.fmt is InputFormat.TEXT and article.size > _UTF8_MAX_BYTES * max_chars


def aligned(article: Article, alignment: Alignment) -> Result:
    pairs = alignment.pairs
    tsv = "".join(tsv_line(p) for p in pairs)
    return Result(article, record_for(article, alignment.bn, alignment.en, pairs, alignment), tsv)


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


def unaligned(article: Article, status: Status, reason: str) -> Result:
    return Result(article, Record(article.id, str(article.source), status, reason, uri=article.uri), None)


def failed(article: Article, error: InputError) -> Result:
    """A failed result; the reason is the error's message without the leading `PATH: `
    (or `URI: `)."""
    message = str(error)
    prefix = f"{article.name}: "
    reason = message[len(prefix):] if message.startswith(prefix) else message
    return unaligned(article, Status.FAILED, reason)


def _nothing_to_pair(alignment: Alignment) -> str:
    missing = " or ".join(lang.label for lang in alignment.missing)
    return f"no {missing} text found" if missing else "no sentence found a translation"


def _missing(bn: Sequence[Segment], en: Sequence[Segment]) -> bool:
    return bool(Alignment(tuple(bn), tuple(en)).missing)

