"""`run_batch`: many articles in, a TSV each, `summary.json` and corpus files out.

    inputs -> articles -> plan (skip what is done) -> chunks -> engine -> write each result
    (--pair-pages: articles -> pages paired (`pages.py`) -> a job per pair -> plan -> ...)
           -> corpus files from the TSVs -> report index from the records -> summary.json

Nothing is lost and nothing redone: every file appears by rename, a rerun skips finished
articles (see `state.py`), and an article that cannot be read is recorded and skipped
over, never stopping the batch.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from aligner.batch.corpus import CorpusFilter, build_corpus
from aligner.batch.engines import Chunk, Engine, EngineKind, LocalEngine, PoolEngine, as_job, make_chunks
from aligner.batch.errors import BatchUsageError
from aligner.batch.formats import CorpusFormat
from aligner.batch.inputs import discover
from aligner.batch.pages import PairedCrawl, pair_crawl, write_pages_tsv
from aligner.batch.progress import Progress
from aligner.batch.records import Article, Record, Result, Status
from aligner.batch.reports import write_report_index
from aligner.batch.state import STATE_DIR, OutputDir, Plan
from aligner.batch.summary import BatchSummary
from aligner.batch.sources import MAX_CHARS, ArticleSkipped
from aligner.batch.worker import WorkerSettings
from aligner.config import AlignerConfig
from aligner.embed import CachingEncoder, Encoder, get_encoder
from aligner.errors import InputError
from aligner.writers import atomic_write_text

log = logging.getLogger("aligner.batch")

SUMMARY = "summary.json"


@dataclass(frozen=True)
class BatchOptions:
    """Everything `aligner batch` can be told, with its defaults."""

    corpus: tuple[CorpusFormat, ...] = ()
    filters: CorpusFilter = field(default_factory=CorpusFilter)
    engine: EngineKind = EngineKind.LOCAL
    workers: int | None = None  # local: 1; ray: one per CPU of the cluster
    address: str | None = None  # Ray cluster address
    model: str | None = None
    max_chars: int = MAX_CHARS
    chunk_kb: int = 256  # input per chunk: the sentences of one chunk are embedded together
    force: bool = False  # redo every article, ignoring earlier outputs
    report: bool = False  # an HTML report per aligned article, and report/index.html over all
    progress: bool | None = None  # bar (True), log lines (False), bar on a terminal (None)
    pair_pages: bool = False  # pair Bangla pages with English pages, then align each pair
    config: AlignerConfig = field(default_factory=AlignerConfig)  # `--set`, `--config`

    def __post_init__(self) -> None:
        for name in ("workers", "max_chars", "chunk_kb"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise BatchUsageError(f"--{name.replace('_', '-')} must be at least 1, got {value}")


def run_batch(
    inputs: Sequence[Path],
    out_dir: Path,
    options: BatchOptions = BatchOptions(),
    from_list: Path | None = None,
    backend: Encoder | None = None,
) -> BatchSummary:
    """Align every article of `inputs` into `out_dir`; `backend` (local, 1 worker) reuses an encoder."""
    started = time.perf_counter()
    if not inputs and from_list is None:
        raise BatchUsageError("give folders or files to align, or --from-list FILE")
    found = discover(inputs, from_list)
    articles, unlisted = found.articles, found.failed
    if not articles and not unlisted:
        raise BatchUsageError(
            "no articles (*.txt, *.html, or pages in *.warc, *.warc.gz) found in "
            + ", ".join(map(str, inputs or [from_list]))
        )
    _check_reserved(articles, options.corpus)
    for record in unlisted:
        log.warning("%s: %s", record.label, record.reason)
    with OutputDir(out_dir).session() as out:
        paired: PairedCrawl | None = None
        if options.pair_pages:
            encoder = CachingEncoder(backend or get_encoder(options.model), progress=options.progress)
            paired = pair_crawl(articles, encoder, options.config, options.max_chars, out.root / STATE_DIR)
            articles, unlisted, backend = [job.article for job in paired.jobs], unlisted + paired.records, encoder
        plan = out.plan(articles, options.force, options.report)
        if paired is not None:  # a pair's TSV the journal missed: align it again (same bytes)
            plan.todo += plan.recover
            plan.recover = []
        done = _recovered(out, plan, options.max_chars)
        engine = _engine(options, backend)
        todo: list = list(plan.todo)
        if paired is not None:
            jobs = {job.article.id: job for job in paired.jobs}
            todo = [jobs[article.id] for article in plan.todo]
        chunks = make_chunks(todo, _chunk_bytes(options, engine, todo))
        total, already = len(articles) + len(unlisted), len(done) + len(unlisted)
        with Progress(total, already, bar=options.progress) as progress:
            records = done + unlisted + list(_align(out, engine.run(chunks), progress))
            rate = progress.rate
        records.sort(key=lambda r: r.id)
        corpus = None
        if options.corpus:
            written = [r.id for r in records if r.status is Status.OK]
            names = {r.id: r.uri for r in records if r.uri}
            corpus = build_corpus(out, written, options.corpus, options.filters, names)
        index = write_report_index(out.root, records) if options.report else None
        seconds = time.perf_counter() - started
        crawl = found.crawl if found.crawl.files else None
        if paired is not None:
            write_pages_tsv(out.root, paired.lines)
        tally = paired.tally if paired is not None else None
        summary = BatchSummary(tuple(records), len(done), seconds, rate, corpus, index, crawl, tally)
        atomic_write_text(out.root / SUMMARY, summary.to_json())
    return summary


def _recovered(out: OutputDir, plan: Plan, max_chars: int) -> list[Record]:
    """Records of the done articles; a TSV the journal missed is re-read (or its article redone)."""
    done = list(plan.done)
    for article in plan.recover:
        try:
            done.append(out.recover(article, max_chars))
        except (ArticleSkipped, InputError):  # the input changed since: align it again
            plan.todo.append(article)
    return done


def _align(out: OutputDir, results: Iterator[Result], progress: Progress) -> Iterator[Record]:
    """Write each result as it arrives; name every article that failed or was skipped."""
    for result in results:
        out.write(result)
        if not result.record.status.has_output:
            log.warning("%s: %s", result.record.label, result.record.reason)
        progress.advance(result.record.sentences)
        yield result.record


def _chunk_bytes(options: BatchOptions, engine: Engine, todo: Chunk) -> int:
    """`--chunk-kb`, but small enough with several workers that the last chunks spread out."""
    target = options.chunk_kb * 1024
    if engine.workers == 1:
        return target
    size = sum(as_job(item).article.size for item in todo)
    return min(target, max(1, size // (4 * max(engine.workers, 1))))


def _engine(options: BatchOptions, backend: Encoder | None) -> Engine:
    settings = WorkerSettings(model=options.model, max_chars=options.max_chars, report=options.report,
                              config=options.config)
    if options.engine is EngineKind.RAY:
        from aligner.batch.ray_engine import RayEngine

        return RayEngine(settings, options.workers, options.address)
    if (options.workers or 1) == 1:
        return LocalEngine(settings, backend)
    return PoolEngine(settings, options.workers)


def _check_reserved(articles: Sequence[Article], formats: Sequence[CorpusFormat]) -> None:
    """`corpus.tsv` is both the corpus and the output of an article `corpus.txt`: refuse."""
    if CorpusFormat.TSV in formats and any(a.id == "corpus" for a in articles):
        clash = next(a for a in articles if a.id == "corpus")
        raise BatchUsageError(f"{clash.source} would be written to corpus.tsv, the corpus file")

