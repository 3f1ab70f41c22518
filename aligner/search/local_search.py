"""Solve again only around the spans that changed since the last path (long documents).

After the first path, the aligner embeds a few merged spans for real and solves again
(`align.py`). Each change moves the path only near the changed span, so a long document
need not pay for its whole corridor (and, the DP being a loop over rows, for every row)
each round. Here the next round

- scores a narrow corridor: the cells of the last path's beads widened by `edge`, and
  by `reach` around each node that touches a changed span;
- cuts the path into stretches that hold the touched nodes with `reach` rows and
  columns of unchanged path each side, merged where they meet;
- solves each stretch between its first and last node with the banded DP, inside the
  narrow corridor, and splices the results into the old path.

Should a new stretch path come within `edge` cells of its corridor's edge, the change
was not local after all: `None` tells the caller to solve the full corridor instead.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from aligner.search.banded_dp import best_path_banded
from aligner.search.coarse import path_nodes, project
from aligner.search.corridor import Corridor
from aligner.types import BeadKind, Lang, Span


def touched_nodes(path: Sequence[BeadKind], changed: Sequence[Span]) -> np.ndarray:
    """Which of the path's nodes sit at a changed span (its start, end or between)."""
    rows, cols = path_nodes(list(path))
    marks = {Lang.BN: np.zeros(rows[-1] + 2, np.int64), Lang.EN: np.zeros(cols[-1] + 2, np.int64)}
    for lang, start, length in changed:  # +1 where a span begins, -1 past its end
        marks[lang][start] += 1
        marks[lang][start + length + 1] -= 1
    at_bn, at_en = (np.cumsum(marks[lang])[:-1] > 0 for lang in (Lang.BN, Lang.EN))
    return at_bn[rows] | at_en[cols]


def narrow_corridor(
    path: Sequence[BeadKind], touched: np.ndarray, n: int, m: int, reach: int, edge: int
) -> Corridor:
    """The path's bead boxes widened by `edge`, and by `reach` around the touched nodes."""
    rows, cols = path_nodes(list(path))
    return project(list(path), 1, n, m, edge).widened(rows[touched], cols[touched], reach)


def stretches(path: Sequence[BeadKind], touched: np.ndarray, reach: int) -> list[tuple[int, int]]:
    """Node ranges `(first, last)` that hold each touched node and go `reach` rows and
    columns beyond it along the path (or to the path's end), merged where they overlap."""
    rows, cols = path_nodes(list(path))
    k = np.flatnonzero(touched)
    # the last node `reach` before in both row and column, the first node as far after
    first = np.minimum(
        np.searchsorted(rows, rows[k] - reach, side="right"), np.searchsorted(cols, cols[k] - reach, side="right")
    ) - 1
    last = np.maximum(np.searchsorted(rows, rows[k] + reach), np.searchsorted(cols, cols[k] + reach))
    out: list[tuple[int, int]] = []
    for a, b in zip(np.maximum(first, 0).tolist(), np.minimum(last, len(rows) - 1).tolist()):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def solve_stretches(
    path: Sequence[BeadKind],
    values: Mapping[BeadKind, np.ndarray],
    corridor: Corridor,
    spans: Sequence[tuple[int, int]],
    edge: int,
) -> list[BeadKind] | None:
    """The path with each stretch solved anew inside `corridor` (values: flat on it)."""
    rows, cols = path_nodes(list(path))
    out: list[BeadKind] = []
    done = 0  # beads of `path` already in `out`
    for first, last in spans:
        out += path[done:first]
        sub, at = _sub_corridor(corridor, int(rows[first]), int(rows[last]), int(cols[first]), int(cols[last]))
        new = best_path_banded({kind: v[at] for kind, v in values.items()}, sub)
        if sub.near_edge(*path_nodes(new), edge).any():
            return None
        out += new
        done = last
    return out + list(path[done:])


def _sub_corridor(corridor: Corridor, i0: int, i1: int, j0: int, j1: int) -> tuple[Corridor, np.ndarray]:
    """The part of `corridor` between nodes (i0, j0) and (i1, j1), as a corridor of its own
    with origin (i0, j0), and the flat position in `corridor` of each of its cells."""
    lo = np.clip(corridor.lo[i0 : i1 + 1], j0, j1) - j0
    hi = np.clip(corridor.hi[i0 : i1 + 1], j0 + 1, j1 + 1) - j0
    sub = Corridor(lo, hi, j1 - j0)
    rows, cols = sub.ids
    return sub, corridor.positions(rows.astype(np.int64) + i0, cols.astype(np.int64) + j0)
