"""The margin's neighbourhood, over a window of the other side instead of all of it.

A span's neighbourhood is the mean of its `k` highest similarities to the other side's
segments (and to the background bank). Over a whole book that is quadratic, and it is not
even what we want: a sentence's confusable neighbours are the sentences around its
translation, not ones 10,000 lines away. So for a long document each row looks only at the
other side's segments under the corridor, widened by a few hundred; for a short one the
window is the whole document and the margins are those of the full scorer. The windows
(`lo`, `hi` per row) come from the search's corridor (`search.corridor.windows`).
"""
from __future__ import annotations

import numpy as np

_BLOCK = 1 << 21  # similarities computed at once (8 MiB of float32), one shared window
_MIN_ROWS = 16  # fewest rows per block of moving windows


def topk_mean(
    queries: np.ndarray,
    pool: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    k: int,
    extra: np.ndarray | None = None,
    copies: np.ndarray | None = None,
) -> np.ndarray:
    """Row r: mean of the k largest of `queries[r] . pool[lo[r]:hi[r]]` and of `extra[r]`.

    `copies` (see `previous_copies`): a pool row that repeats one earlier in the same
    window is left out, so a sentence the document holds twice counts once. Windows may be
    any ranges; rows whose windows move forward together (a corridor's)
    share one matrix product per block of about as many rows as a window is wide. Rows
    that all share one window (a short document's: the whole other side) take as few
    products as fit in memory, one for a short document. `k` is cut to the smallest window.
    """
    rows = len(queries)
    out = np.empty(rows, dtype=np.float32)
    if rows == 0:
        return out
    widths = hi - lo
    k = min(k, int(np.min(widths)) + (0 if extra is None else extra.shape[1]))
    for r0, r1 in _blocks(lo, hi):
        c0, c1 = int(np.min(lo[r0:r1])), int(np.max(hi[r0:r1]))
        sims = queries[r0:r1] @ pool[c0:c1].T
        col = np.arange(c0, c1)
        outside = (col[None, :] < lo[r0:r1, None]) | (col[None, :] >= hi[r0:r1, None])
        if copies is not None:
            outside |= copies[None, c0:c1] >= lo[r0:r1, None]
        sims[outside] = -np.inf
        if extra is not None:
            sims = np.hstack([sims, extra[r0:r1]])
        out[r0:r1] = np.partition(sims, -k, axis=1)[:, -k:].mean(axis=1)
    return out


def _blocks(lo: np.ndarray, hi: np.ndarray):
    """Row blocks [r0, r1) that share one matrix product.

    One shared window: as many rows as fit in `_BLOCK`. Windows that move forward (a
    corridor's rows, or some of them): about as many rows as a window is wide, and never
    more columns than twice the widest window, however far apart the rows' windows lie.
    """
    rows, widths = len(lo), hi - lo
    if np.all(lo == lo[0]) and np.all(hi == hi[0]):
        step = max(1, _BLOCK // (int(widths[0]) + 1))
        yield from ((r0, min(r0 + step, rows)) for r0 in range(0, rows, step))
        return
    step, span = max(_MIN_ROWS, int(np.median(widths))), 2 * int(np.max(widths))
    monotone = np.all(np.diff(lo) >= 0) and np.all(np.diff(hi) >= 0)
    r0 = 0
    while r0 < rows:
        r1 = min(r0 + step, rows)
        if monotone:  # stop before the first row whose window reaches past lo[r0] + span
            r1 = max(r0 + 1, min(r1, int(np.searchsorted(hi, lo[r0] + span, side="right"))))
        yield r0, r1
        r0 = r1


def previous_copies(vectors: np.ndarray) -> np.ndarray:
    """Row j: the last row before j with a bit-identical vector (the same text), or -1.

    To the scorer two copies of a sentence are one neighbour: neither is an alternative
    the vectors can tell from the other (the path's position decides between them), and
    counting both would push a repeated sentence's own translation twice into its
    neighbourhood and its margin under the threshold.
    """
    last: dict[bytes, int] = {}
    out = np.full(len(vectors), -1, dtype=np.int64)
    for j, row in enumerate(vectors):
        key = row.tobytes()
        out[j] = last.get(key, -1)
        last[key] = j
    return out
