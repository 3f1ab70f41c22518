"""Where chunks of articles are aligned: in this process, in N local processes, or on Ray.

Every engine has one method, `run(chunks) -> Iterator[Result]`, yielding results as they
finish (in any order). The caller writes them; workers never touch the output folder.
Each worker process loads the model once and keeps it for all its chunks, with the cores
shared out: `--workers N` gives each process cores // N threads (at least one).
"""
from __future__ import annotations

import enum
import multiprocessing
from dataclasses import replace
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Protocol

from aligner.batch.records import Article, Result
from aligner.batch.worker import ChunkWorker, Job, WorkerSettings
from aligner.embed import Encoder
from aligner.embed.e5.session import threads_per_worker

Chunk = list[Article | Job]  # a Job where it carries more than the article (a page pair)


class EngineKind(str, enum.Enum):
    """`local`: this machine (`--workers N` processes); `ray`: a Ray cluster."""

    LOCAL = "local"
    RAY = "ray"


class Engine(Protocol):
    workers: int

    def run(self, chunks: Iterable[Chunk]) -> Iterator[Result]: ...


def make_chunks(articles: Sequence[Article], target_bytes: int) -> Iterator[Chunk]:
    """Consecutive articles, about `target_bytes` of input each (a large one goes alone)."""
    chunk: Chunk = []
    size = 0
    for article in articles:
        chunk.append(article)
        size += as_job(article).article.size
        if size >= target_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class LocalEngine:
    """Aligns in this process; `backend` lets a caller share an encoder it already has."""

    workers = 1

    def __init__(self, settings: WorkerSettings, backend: Encoder | None = None):
        self._worker = ChunkWorker(settings, backend)

    def run(self, chunks: Iterable[Chunk]) -> Iterator[Result]:
        for chunk in chunks:
            yield from self._worker.process([as_job(item) for item in chunk])


class PoolEngine:
    """`workers` spawned processes, each with its own `ChunkWorker` (one model load each)."""

    def __init__(self, settings: WorkerSettings, workers: int, cores: int | None = None):
        self.workers = workers
        # workers x threads never exceeds the cores this process may use
        self.settings = replace(settings, threads=threads_per_worker(workers, cores))

    def run(self, chunks: Iterable[Chunk]) -> Iterator[Result]:
        with ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.settings,),
        ) as pool:
            pending: set[Future[list[Result]]] = set()
            for chunk in chunks:
                pending.add(pool.submit(_process, [as_job(item) for item in chunk]))
                if len(pending) >= 2 * self.workers:  # keep every worker busy, no more
                    finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in finished:
                        yield from future.result()
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield from future.result()


def as_job(item: Article | Job) -> Job:
    return item if isinstance(item, Job) else Job(item)


_worker: ChunkWorker | None = None  # the one worker of a pool process, set by its initializer


def _start_worker(settings: WorkerSettings) -> None:
    global _worker
    _worker = ChunkWorker(settings)  # the model loads with settings.threads threads


def _process(jobs: list[Job]) -> list[Result]:
    assert _worker is not None, "pool process started without _start_worker"
    return _worker.process_all(jobs)
