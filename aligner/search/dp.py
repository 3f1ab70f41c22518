"""Best monotone alignment path by dynamic programming over bead values.

The aligner hands in one value matrix per bead kind: `values[(a, b)][i, j]` is the worth of
the bead that covers Bangla segments `i-a .. i-1` and English segments `j-b .. j-1`
(shape `(n+1, m+1)`, `-inf` where the bead is not allowed). A segment left unpaired (a
1-0 or 0-1 bead) is worth 0, so a pair must be worth more than zero to be chosen.

The fill is row by row and vectorised over the row: every kind with `a >= 1` reads only
earlier rows; the 0-1 chain inside a row is a running maximum. Back-pointers are one small
integer per cell.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from aligner.types import SKIP_BN, SKIP_EN, BeadKind

_SKIP_BN = 0  # 1-0: a Bangla segment left unpaired
_SKIP_EN = 1  # 0-1: an English segment left unpaired
_FIRST_PAIR = 2


def bead_kinds(max_size: int = 4) -> list[BeadKind]:
    """Pair kinds (a, b) with a, b >= 1 and a + b <= max_size, smallest first."""
    if max_size < 2:
        raise ValueError(f"max bead size must be at least 2 (a 1-1 bead), got {max_size}")
    return sorted(
        (BeadKind(a, b) for a in range(1, max_size) for b in range(1, max_size) if a + b <= max_size),
        key=lambda k: (k[0] + k[1], k),
    )


def best_path(values: Mapping[BeadKind, np.ndarray], n: int, m: int) -> list[BeadKind]:
    """The bead kinds along the best path from (0, 0) to (n, m), in order.

    Unpaired segments come back as (1, 0) and (0, 1). Ties prefer pairs over skips, and
    smaller beads over larger ones.
    """
    kinds = list(values)
    for kind in kinds:
        if values[kind].shape != (n + 1, m + 1):
            raise ValueError(f"values for {kind} have shape {values[kind].shape}, want {(n + 1, m + 1)}")
    total = np.full((n + 1, m + 1), -np.inf)
    back = np.zeros((n + 1, m + 1), dtype=np.int8)
    for i in range(n + 1):
        best = np.full(m + 1, -np.inf)
        choice = np.zeros(m + 1, dtype=np.int8)
        if i == 0:
            best[0] = 0.0
        else:
            best[:] = total[i - 1]
            choice[:] = _SKIP_BN
        for code, (a, b) in enumerate(kinds, start=_FIRST_PAIR):
            if a > i or b > m:
                continue
            cand = np.full(m + 1, -np.inf)
            cand[b:] = total[i - a, : m + 1 - b] + values[(a, b)][i, b:]
            better = cand > best
            best[better] = cand[better]
            choice[better] = code
        # 0-1 chain: total[i, j] = max over k <= j of best[k] (skips are worth 0); a cell
        # the chain reaches holds the same total as its left neighbour, so it points there.
        running = np.maximum.accumulate(best)
        from_left = running > best
        total[i] = running
        back[i] = np.where(from_left, _SKIP_EN, choice)
    return trace(lambda i, j: int(back[i, j]), kinds, n, m)


def trace(code_at: Callable[[int, int], int], kinds: list[BeadKind], n: int, m: int) -> list[BeadKind]:
    """Follow the back-pointers from (n, m) to (0, 0); `code_at(i, j)` reads one."""
    path: list[BeadKind] = []
    i, j = n, m
    while i > 0 or j > 0:
        code = code_at(i, j)
        if code == _SKIP_BN:
            step = SKIP_BN
        elif code == _SKIP_EN:
            step = SKIP_EN
        else:
            step = kinds[code - _FIRST_PAIR]
        path.append(step)
        i, j = i - step[0], j - step[1]
    path.reverse()
    return path
