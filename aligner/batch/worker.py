"""Align chunks of articles with one model: read and segment a chunk, embed all its
distinct sentences in one call (sorted by length, in full batches), then align each
article from the cache and hand back its record and TSV text (and, with `report`, its
HTML report, drawn from the same cache). A job with a `partner` is a page pair of
`--pair-pages`: the Bangla page and the English one aligned as two files, their sentence
vectors shipped with the job (the driver embedded them to pair the pages).

A `ChunkWorker` lives once per process (or Ray actor); its model loads on first use.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from aligner.align import Aligner
from aligner.batch.records import Article, Record, Result, Status, record_for
from aligner.batch.reports import with_report
from aligner.batch.sources import MAX_CHARS, ArticleSkipped, load_text
from aligner.config import AlignerConfig
from aligner.embed import CachingEncoder, Encoder, get_encoder
from aligner.errors import InputError
from aligner.text.segment import segment_article, segment_monolingual
from aligner.types import Alignment, Lang, Segment
from aligner.writers import tsv_line


@dataclass(frozen=True, slots=True)
class WorkerSettings:
    """What every worker needs to know; small and picklable (it travels to processes)."""

    model: str | None = None
    max_chars: int = MAX_CHARS
    batch_size: int = 64
    cache_limit: int = 200_000  # texts; a fresh cache after that bounds memory (~300 MB)
    report: bool = False  # also render each aligned article's HTML report
    config: AlignerConfig = AlignerConfig()  # every knob of the aligner (`--set`, `--config`)
    threads: int | None = None  # the model's threads in this worker; None: all its cores


@dataclass(frozen=True, slots=True)
class Job:
    """An article to align; `data` holds its bytes when the driver ships them (Ray)."""

    article: Article
    data: bytes | None = None
    partner: Article | None = None  # a page pair: `article` the Bangla page, this the English one
    partner_data: bytes | None = None
    texts: tuple[str, ...] = ()  # sentences already embedded, and their vectors (row for row)
    vectors: np.ndarray | None = None


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
        encoder = self._encoder_for_chunk()
        for job in jobs:
            try:
                segments = self._segments(job)
            except ArticleSkipped as e:
                yield unaligned(job.article, Status.SKIPPED, str(e))
                continue
            except InputError as e:
                yield failed(job.article, e)
                continue
            if job.vectors is not None:
                encoder.add(job.texts, job.vectors)
            ready.append((job.article, *segments))
        if not ready:
            return
        aligner = Aligner(encoder, self.settings.config)
        texts = [
            s.text for _, bn, en in ready if not _missing(bn, en) for s in (*bn, *en)
        ]
        aligner.encoder.encode(texts)  # one call for the chunk; the articles hit the cache
        for article, bn, en in ready:
            alignment = aligner.align_segments(bn, en)
            result = aligned(article, alignment)
            yield with_report(result, alignment, aligner.encoder) if self.settings.report else result

    def _segments(self, job: Job) -> tuple[list[Segment], list[Segment]]:
        """(Bangla, English) segments: of a mixed article, or of a page pair as two files."""
        text = load_text(job.article, job.data, self.settings.max_chars)
        params = self.settings.config.text
        if job.partner is None:
            return segment_article(text, params)
        partner = load_text(job.partner, job.partner_data, self.settings.max_chars)
        return segment_monolingual(text, Lang.BN, params), segment_monolingual(partner, Lang.EN, params)

    def _encoder_for_chunk(self) -> CachingEncoder:
        if self._backend is None:
            self._backend = get_encoder(self.settings.model, threads=self.settings.threads)
        if self._encoder is None or self._encoder.encoded >= self.settings.cache_limit:
            self._encoder = CachingEncoder(
                self._backend, batch_size=self.settings.batch_size, progress=False
            )
        return self._encoder


def aligned(article: Article, alignment: Alignment) -> Result:
    pairs = alignment.pairs
    tsv = "".join(tsv_line(p) for p in pairs)
    return Result(article, record_for(article, alignment.bn, alignment.en, pairs, alignment), tsv)


def unaligned(article: Article, status: Status, reason: str) -> Result:
    return Result(article, Record(article.id, str(article.source), status, reason, uri=article.uri), None)


def failed(article: Article, error: InputError) -> Result:
    """A failed result; the reason is the error's message without the leading `PATH: `
    (or `URI: `)."""
    message = str(error)
    prefix = f"{article.name}: "
    reason = message[len(prefix):] if message.startswith(prefix) else message
    return unaligned(article, Status.FAILED, reason)


def _missing(bn: Sequence[Segment], en: Sequence[Segment]) -> bool:
    return bool(Alignment(tuple(bn), tuple(en)).missing)

