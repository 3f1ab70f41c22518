"""The `k` nearest pages of the other language by cosine, without a pages x pages matrix.

`numpy`: exact, in blocks of `block` rows (memory: block x pages floats), so thousands of
pages take seconds. `faiss`: the same exact inner-product search through faiss
(`pip install faiss-cpu`), for millions of pages (swap in an approximate index there).
"""
from __future__ import annotations

import numpy as np


def nearest(queries: np.ndarray, base: np.ndarray, k: int, block: int = 1024, index: str = "numpy"
            ) -> tuple[np.ndarray, np.ndarray]:
    """(indices, cosines), each (len(queries), min(k, len(base))), best first; ties by index."""
    k = min(k, len(base))
    if k == 0 or len(queries) == 0:
        return np.zeros((len(queries), 0), np.int64), np.zeros((len(queries), 0), np.float32)
    if index == "faiss":
        return _faiss(queries, base, k)
    ids = np.empty((len(queries), k), np.int64)
    sims = np.empty((len(queries), k), np.float32)
    for lo in range(0, len(queries), block):
        scores = queries[lo : lo + block] @ base.T
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k] if k < len(base) else np.tile(np.arange(len(base)), (len(scores), 1))
        top_scores = np.take_along_axis(scores, top, axis=1)
        order = np.lexsort((top, -top_scores), axis=1)
        ids[lo : lo + block] = np.take_along_axis(top, order, axis=1)
        sims[lo : lo + block] = np.take_along_axis(top_scores, order, axis=1)
    return ids, sims


def _faiss(queries: np.ndarray, base: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    try:
        import faiss
    except ImportError as e:
        from aligner.errors import BackendError

        raise BackendError("pairing.index=faiss needs faiss: pip install faiss-cpu") from e
    found = faiss.IndexFlatIP(base.shape[1])
    found.add(np.ascontiguousarray(base, dtype=np.float32))
    sims, ids = found.search(np.ascontiguousarray(queries, dtype=np.float32), k)
    return ids.astype(np.int64), sims
