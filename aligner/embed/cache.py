"""Embed each distinct text once: an in-memory cache in front of any backend.

Also where batching and the progress bar live, so backends stay minimal. The cache can be
saved to and loaded from an `.npz` file (benchmarks reuse vectors across runs): `texts`, a
Unicode string array, and `vectors`, a float32 array, row for row; no pickle is written or
read, so loading a file runs no code from it.
"""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from aligner.embed.base import Encoder, length_order
from aligner.errors import InputError

_PROGRESS_MIN = 64  # texts: fewer finish in a second or two, no bar needed


class CachingEncoder:
    """An `Encoder` that remembers every vector it has computed, keyed by text."""

    def __init__(self, backend: Encoder, batch_size: int = 64, progress: bool | None = None):
        self.backend = backend
        self.name = backend.name
        self._batch_size = batch_size
        self._progress = progress
        self._vectors: dict[str, np.ndarray] = {}
        self.encoded = 0  # texts actually sent to the backend

    @property
    def dim(self) -> int:
        return self.backend.dim

    def __contains__(self, text: str) -> bool:
        return text in self._vectors

    def encode(self, texts: Sequence[str], desc: str = "embedding") -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            self._compute(missing, desc)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])

    def add(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Remember vectors computed elsewhere (another process's cache), row for row."""
        for text, vec in zip(texts, vectors):
            self._vectors.setdefault(text, np.asarray(vec, dtype=np.float32))

    def _compute(self, texts: list[str], desc: str) -> None:
        order = [texts[i] for i in length_order(texts, self.backend)]
        show = self._progress if self._progress is not None else sys.stderr.isatty()
        bar = None
        if show and len(order) >= _PROGRESS_MIN:
            from tqdm import tqdm

            bar = tqdm(total=len(order), desc=desc, unit="sent", file=sys.stderr, leave=False)
        for lo in range(0, len(order), self._batch_size):
            batch = order[lo : lo + self._batch_size]
            for text, vec in zip(batch, self.backend.encode(batch)):
                self._vectors[text] = vec
            self.encoded += len(batch)
            if bar is not None:
                bar.update(len(batch))
        if bar is not None:
            bar.close()

    def save(self, path: Path) -> None:
        """Write every vector to `path`, whole to a temporary name first and then renamed,
        so that a run stopped halfway leaves the old cache, never half a file."""
        texts = list(self._vectors)
        if any(t.endswith("\0") for t in texts):  # a NumPy string array drops trailing NULs
            raise ValueError("a text that ends with NUL cannot be saved in a vector cache")
        vecs = np.stack([self._vectors[t] for t in texts]) if texts else np.zeros((0, 0), np.float32)
        path = Path(path)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as stream:  # a file object: NumPy adds no `.npz` suffix
                np.savez_compressed(stream, texts=np.array(texts, dtype=np.str_), vectors=vecs.astype(np.float32))
            os.replace(temp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)

    def load(self, path: Path) -> None:
        """Add the vectors saved at `path`; `InputError` for a file that is not such a cache."""
        try:
            with np.load(path, allow_pickle=False) as data:
                texts, vectors = data["texts"], data["vectors"]
        except ValueError as e:  # object arrays: the pickled format of earlier versions
            raise InputError(f"{path}: not a vector cache this version reads (an older, pickled one?); "
                             f"delete it and it is rebuilt") from e
        except (OSError, KeyError, EOFError, zipfile.BadZipFile) as e:  # damaged: a cut-off or foreign file
            raise InputError(f"{path}: not a vector cache ({e})") from e
        if texts.dtype.kind != "U" or len(texts) != len(vectors):
            raise InputError(f"{path}: not a vector cache (texts must be strings, one per vector row)")
        for text, vec in zip(texts.tolist(), vectors):
            self._vectors[text] = vec.astype(np.float32)
