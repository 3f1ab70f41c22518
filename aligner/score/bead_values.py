"""From bead margins to DP values: the value formula and the merge rules.

    value(a, b) = (a + b) / 2 * (margin - threshold) - merge_penalty * (a + b - 2)

A merge must earn its place (see `margins.py`): each member must relate to the other side
(`member_floor`), the merge may not lose more than `merge_slack` against its best part,
and a bead that cuts into two pairs that both clear `split_floor` is cut.

The rules only look at neighbouring cells, through a `Grid`: the full `(n+1, m+1)`
matrices of a short document (`DenseGrid`) or the flat cells of a corridor
(`search.corridor.Corridor`), which hands them out in parts small enough to stay in cache. Where a cell a rule needs is not on the grid, the rule forbids the
merge: the DP may not use what it cannot check. (On the full grid that happens only where
the bead itself cannot exist, so it changes nothing there.)
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

import numpy as np

from aligner.types import BeadKind


class GridPart(Protocol):
    """Some cells of a grid: arrays over the whole grid are read at them (`at`, `shift`)."""

    def full_like(self, fill: float, dtype=np.float64) -> np.ndarray: ...

    def at(self, x: np.ndarray) -> np.ndarray: ...

    def shift(self, x: np.ndarray, di: int, dj: int, fill: float) -> np.ndarray: ...


class Grid(Protocol):
    def parts(self) -> Iterator[tuple[slice | None, GridPart]]:
        """(where in a flat array, part) pairs that cover the grid; None: all of it."""
        ...


class DenseGrid:
    """The full `(n+1, m+1)` grid of a short document."""

    def __init__(self, n: int, m: int):
        self.shape = (n + 1, m + 1)

    def parts(self) -> Iterator[tuple[slice | None, GridPart]]:
        yield None, self

    def full_like(self, fill: float, dtype=np.float64) -> np.ndarray:
        return np.full(self.shape, fill, dtype=dtype)

    def at(self, x: np.ndarray) -> np.ndarray:
        return x

    def shift(self, x: np.ndarray, di: int, dj: int, fill: float) -> np.ndarray:
        """out[i, j] = x[i - di, j - dj], or `fill` off the grid."""
        if di == 0 and dj == 0:
            return x
        out = np.full(x.shape, fill, dtype=x.dtype)
        out[di:, dj:] = x[: x.shape[0] - di, : x.shape[1] - dj]
        return out


def bead_values(grid: Grid, margins: Mapping[BeadKind, np.ndarray], params) -> dict[BeadKind, np.ndarray]:
    """Values for the DP from `margins` (one array per bead kind on `grid`); `params`: `ScoreParams`."""
    out: dict[BeadKind, np.ndarray] = {}
    for where, part in grid.parts():
        for kind in margins:
            value = _values(part, margins, *kind, params)
            if where is None:
                out[kind] = value
            else:
                out.setdefault(kind, np.empty_like(margins[kind]))[where] = value
    return out


def _values(grid: GridPart, margins: Mapping[BeadKind, np.ndarray], a: int, b: int, p) -> np.ndarray:
    margin = grid.at(margins[(a, b)])
    value = (a + b) / 2 * (margin - p.threshold) - p.merge_penalty * (a + b - 2)
    if a + b > 2:
        value[weakest_member(grid, margins, a, b) < p.member_floor] = -np.inf
        value[margin < best_part(grid, margins, a, b) - p.merge_slack] = -np.inf
        value[cuttable(grid, margins, a, b, p.split_floor)] = -np.inf
    return value


def weakest_member(grid: GridPart, margins: Mapping[BeadKind, np.ndarray], a: int, b: int) -> np.ndarray:
    """Lowest margin of one segment of a multi-segment side against the other side's span."""
    weakest = grid.full_like(np.inf)
    if a > 1:  # Bangla member a-1-t of the bead ending at (i, j) ends at row i - t
        for t in range(a):
            weakest = np.minimum(weakest, grid.shift(margins[(1, b)], t, 0, -np.inf))
    if b > 1:
        for t in range(b):
            weakest = np.minimum(weakest, grid.shift(margins[(a, 1)], 0, t, -np.inf))
    return weakest


def best_part(grid: GridPart, margins: Mapping[BeadKind, np.ndarray], a: int, b: int) -> np.ndarray:
    """Best margin of the beads left by dropping the first or last segment of a side."""
    best = grid.full_like(-np.inf)
    if a > 1:
        part = margins[(a - 1, b)]
        best = np.maximum(best, grid.at(part))  # drop the first Bangla segment
        best = np.maximum(best, grid.shift(part, 1, 0, np.inf))  # drop the last
    if b > 1:
        part = margins[(a, b - 1)]
        best = np.maximum(best, grid.at(part))
        best = np.maximum(best, grid.shift(part, 0, 1, np.inf))
    return best


def cuttable(grid: GridPart, margins: Mapping[BeadKind, np.ndarray], a: int, b: int, floor: float) -> np.ndarray:
    """Where the bead splits into two pair beads whose margins are both above `floor`."""
    out = grid.full_like(False, dtype=bool)
    for a1 in range(1, a):
        for b1 in range(1, b):
            head = grid.shift(margins[(a1, b1)], a - a1, b - b1, np.inf)
            out |= (head > floor) & (grid.at(margins[(a - a1, b - b1)]) > floor)
    return out
