"""The same job on a Ray cluster: one actor per worker, each loading the model once.

The driver reads each article's bytes and ships them; actors return TSV text and records;
the driver writes every file. So the cluster needs `aligner[ray]` installed on every node,
but no shared file system. `address`: None starts (or joins, if `RAY_ADDRESS` is set) a
local Ray; `auto` joins the cluster this machine belongs to; `ray://HOST:10001` connects
through Ray Client. A Ray already initialised by the caller is used as it is.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from dataclasses import replace

from aligner.batch.engines import Chunk, as_job
from aligner.batch.records import Result
from aligner.batch.sources import read_bytes, too_large
from aligner.batch.worker import ChunkWorker, Job, WorkerSettings, failed
from aligner.errors import BackendError, InputError

INSTALL_HINT = "pip install 'aligner[ray]'"


class RayEngine:
    """`workers` Ray actors (None: one per CPU of the cluster)."""

    def __init__(self, settings: WorkerSettings, workers: int | None = None, address: str | None = None):
        self.settings = settings
        self.workers = workers or 0
        self._address = address

    def run(self, chunks: Iterable[Chunk]) -> Iterator[Result]:
        ray = _import_ray()
        from ray.util import ActorPool

        started_here = not ray.is_initialized()
        if started_here:
            local = {} if self._address else {"include_dashboard": False}
            ray.init(address=self._address, **local)
        actors = []
        try:
            if not self.workers:
                self.workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
            actor = ray.remote(num_cpus=1)(ChunkWorker)
            settings = replace(self.settings, threads=1)  # one CPU per actor, one thread
            actors = [actor.remote(settings) for _ in range(self.workers)]
            pool = ActorPool(actors)
            unread: list[Result] = []
            shipped = (self._ship(chunk, unread) for chunk in chunks)
            for results in pool.map_unordered(lambda a, jobs: a.process_all.remote(jobs), shipped):
                yield from results
                yield from unread
                unread.clear()
            yield from unread
        finally:
            for handle in actors:
                ray.kill(handle)
            if started_here:
                ray.shutdown()

    def _ship(self, chunk: Chunk, unread: list[Result]) -> list[Job]:
        """Jobs with the bytes read here; an unreadable article becomes a failed result."""
        jobs = []
        for job in map(as_job, chunk):
            article, partner = job.article, job.partner
            if too_large(article, self.settings.max_chars) or (partner and too_large(partner, self.settings.max_chars)):
                jobs.append(job)  # the actor skips it by size, unread
                continue
            try:
                jobs.append(replace(job, data=read_bytes(article), partner_data=partner and read_bytes(partner)))
            except InputError as e:
                unread.append(failed(article, e))
        return jobs


def _import_ray():
    try:
        import ray
    except ImportError as e:
        raise BackendError(f"--engine ray needs the ray extra: {INSTALL_HINT}") from e
    return ray
