"""The DP of `dp.best_path`, over the cells of a corridor only.

Same recurrence, same tie-breaking, same back-pointers: on the full corridor it returns
exactly `dp.best_path`'s path, and whenever the corridor holds that path it returns it too
(a cell outside can only have offered a worse or a later-ranked predecessor). Values come
as flat corridor arrays (`Corridor`); only the last few rows of totals are kept, and one
int8 back-pointer per cell, so memory grows with the corridor, not with `n * m`.
"""
from __future__ import annotations

import sys
from collections.abc import Mapping

import numpy as np

from aligner.search.corridor import Corridor
from aligner.search.dp import _FIRST_PAIR, _SKIP_EN, trace
from aligner.types import BeadKind

_BAR_STEP = 512  # rows between progress updates


def best_path_banded(
    values: Mapping[BeadKind, np.ndarray], corridor: Corridor, progress: bool = False
) -> list[BeadKind]:
    """The bead kinds along the best path from (0, 0) to (n, m) that stays inside `corridor`."""
    kinds = list(values)
    for kind in kinds:
        if values[kind].shape != (corridor.cells,):
            raise ValueError(f"values for {kind} have shape {values[kind].shape}, want ({corridor.cells},)")
    n = corridor.n
    lo, hi, offsets = corridor.lo.tolist(), corridor.hi.tolist(), corridor.offsets.tolist()
    pairs = [(code, a, b, values[(a, b)]) for code, (a, b) in enumerate(kinds, start=_FIRST_PAIR)]
    depth = max([a for a, _ in kinds], default=1)
    totals: list[np.ndarray] = []  # the last `depth` rows, newest last
    back = np.zeros(corridor.cells, dtype=np.int8)
    bar = _bar(n + 1) if progress else None
    for i in range(n + 1):
        left, width, at = lo[i], hi[i] - lo[i], offsets[i]
        best = np.full(width, -np.inf)
        choice = np.zeros(width, dtype=np.int8)  # _SKIP_BN
        if i == 0:
            best[0] = 0.0  # lo[0] == 0
        else:  # 1-0: the cell above, where it exists
            start, stop = max(0, lo[i - 1] - left), min(width, hi[i - 1] - left)
            if start < stop:
                best[start:stop] = totals[-1][left + start - lo[i - 1] : left + stop - lo[i - 1]]
        for code, a, b, row_values in pairs:
            if a > i:
                continue
            # cand[j] = total[i - a, j - b] + value[i, j], where both cells lie inside
            above_lo = lo[i - a]
            start, stop = max(0, above_lo + b - left), min(width, hi[i - a] + b - left)
            if start >= stop:
                continue
            source = left - b - above_lo
            cand = totals[-a][source + start : source + stop] + row_values[at + start : at + stop]
            target = best[start:stop]
            better = cand > target
            np.copyto(target, cand, where=better)
            np.copyto(choice[start:stop], code, where=better)
        # 0-1 chain, as in dp.best_path: a running maximum along the row
        running = np.maximum.accumulate(best)
        totals = totals[1:] + [running] if len(totals) == depth else totals + [running]
        back[at : at + width] = np.where(running > best, _SKIP_EN, choice)
        if bar is not None and (i % _BAR_STEP == 0 or i == n):
            bar.update(i + 1 - bar.n)
    if bar is not None:
        bar.close()
    return trace(lambda i, j: int(back[corridor.index(i, j)]), kinds, corridor.n, corridor.m)


def _bar(total: int):
    from tqdm import tqdm

    return tqdm(total=total, desc="aligning", unit="row", file=sys.stderr, leave=False)
