"""A corridor: the part of the DP grid a long document's search may visit.

The DP grid has a node `(i, j)` for every `0 <= i <= n` Bangla and `0 <= j <= m` English
prefix. A corridor keeps, for each row `i`, the columns `lo[i] <= j < hi[i]`; both bounds
are non-decreasing, the first row starts at column 0, the last row reaches column `m`,
and each row overlaps the one above, so a monotone path from `(0, 0)` to `(n, m)` always
exists inside. Arrays over a corridor are flat: row `i` holds its cells at
`offsets[i] .. offsets[i+1]`.

The corridor also knows how to read an array at a shifted cell (`shift`), which is all the
merge rules need, and how to fill every cell with a dot product of two vector tables
(`products`) without building the `(n+1) x (m+1)` matrix, and which segments of the
other side each row's and column's margin looks at (`windows`).
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np

_PRODUCT_CHUNK = 16  # fewest rows per matrix product block
_ONE_PRODUCT = 1 << 20  # grids up to this many cells take one matrix product
_PART = 1 << 16  # cells per part: a part's float64 arrays stay in cache


class Corridor:
    """Per row `i`, the English columns `[lo[i], hi[i])` of the grid `(n+1) x (m+1)`."""

    def __init__(self, lo: np.ndarray, hi: np.ndarray, m: int):
        self.lo = np.asarray(lo, dtype=np.int64)
        self.hi = np.asarray(hi, dtype=np.int64)
        self.n, self.m = len(self.lo) - 1, m
        _check(self.lo, self.hi, m)
        self.offsets = np.concatenate([[0], np.cumsum(self.hi - self.lo)])
        self._ids: tuple[np.ndarray, np.ndarray] | None = None
        self._shifts: dict[tuple[int, int], np.ndarray] = {}

    @classmethod
    def full(cls, n: int, m: int) -> Corridor:
        return cls(np.zeros(n + 1, np.int64), np.full(n + 1, m + 1, np.int64), m)

    @classmethod
    def around_boxes(
        cls, r0: np.ndarray, r1: np.ndarray, c0: np.ndarray, c1: np.ndarray, n: int, m: int, radius: int
    ) -> Corridor:
        """The corridor that covers boxes of cells (rows r0..r1, columns c0..c1, inclusive)
        of a monotone chain from (0, 0) to (n, m), widened by `radius` cells every way."""
        lo, hi = np.full(n + 1, m + 1, np.int64), np.full(n + 1, -1, np.int64)
        rows, first = _expand(np.asarray(r0), np.asarray(r1))
        np.minimum.at(lo, rows, np.asarray(c0)[first])
        np.maximum.at(hi, rows, np.asarray(c1)[first] + 1)
        return cls(*_grow(lo, hi, n, m, radius), m)

    @property
    def cells(self) -> int:
        return int(self.offsets[-1])

    def widened(self, rows: np.ndarray, cols: np.ndarray, radius: int) -> Corridor:
        """This corridor plus every cell within `radius` of the given cells."""
        lo, hi = self.lo.copy(), self.hi.copy()
        rows, cols = np.asarray(rows), np.asarray(cols)
        r0, r1 = np.maximum(rows - radius, 0), np.minimum(rows + radius, self.n)
        spread, first = _expand(r0, r1)
        np.minimum.at(lo, spread, np.maximum(cols - radius, 0)[first])
        np.maximum.at(hi, spread, np.minimum(cols + radius + 1, self.m + 1)[first])
        return Corridor(*_grow(lo, hi, self.n, self.m, 0), self.m)

    def contains(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        rows, cols = np.asarray(rows), np.asarray(cols)
        return (self.lo[rows] <= cols) & (cols < self.hi[rows])

    def near_edge(self, rows: np.ndarray, cols: np.ndarray, distance: int) -> np.ndarray:
        """Which cells have a corridor edge (not the grid's) within `distance` along a row or column."""
        rows, cols = np.asarray(rows), np.asarray(cols)
        near = np.zeros(len(rows), dtype=bool)
        for dr, dc in ((0, -distance), (0, distance), (-distance, 0), (distance, 0)):
            near |= ~self.contains(np.clip(rows + dr, 0, self.n), np.clip(cols + dc, 0, self.m))
        return near

    def index(self, i: int, j: int) -> int:
        """Flat position of cell (i, j), which must lie inside."""
        if not self.lo[i] <= j < self.hi[i]:
            raise IndexError(f"cell ({i}, {j}) lies outside the corridor")
        return int(self.offsets[i] + j - self.lo[i])

    def positions(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Flat positions of cells (i, j) that lie inside (unchecked; int64)."""
        rows = np.asarray(rows, dtype=np.int64)
        return self.offsets[rows] + np.asarray(cols, dtype=np.int64) - self.lo[rows]

    def row(self, flat: np.ndarray, i: int) -> np.ndarray:
        return flat[self.offsets[i] : self.offsets[i + 1]]

    @property
    def ids(self) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of every cell, in flat order (int32)."""
        if self._ids is None:
            widths = self.hi - self.lo
            rows = np.repeat(np.arange(self.n + 1, dtype=np.int32), widths)
            cols = (np.arange(self.cells) - np.repeat(self.offsets[:-1] - self.lo, widths)).astype(np.int32)
            self._ids = rows, cols
        return self._ids

    def parts(self) -> Iterator[tuple[slice, _Part]]:
        """The cells in runs of `_PART`, each with a view that reads arrays at its cells."""
        for start in range(0, self.cells, _PART):
            stop = min(start + _PART, self.cells)
            yield slice(start, stop), _Part(self, start, stop)

    def shift(self, flat: np.ndarray, di: int, dj: int, fill: float) -> np.ndarray:
        """out[(i, j)] = flat[(i - di, j - dj)], or `fill` where that cell lies outside."""
        return _Part(self, 0, self.cells).shift(flat, di, dj, fill)

    def _shift_index(self, di: int, dj: int) -> np.ndarray:
        """Flat position of each cell's (i - di, j - dj), or -1 where that lies outside (int32)."""
        if (di, dj) not in self._shifts:
            rows, cols = self.ids
            source_row = np.maximum(rows - di, 0)
            col = cols - dj
            inside = (col >= self.lo[source_row]) & (col < self.hi[source_row])
            if di:
                inside &= rows >= di
            base = (self.offsets[:-1] - self.lo).astype(np.int32)  # flat position of (i, 0)
            self._shifts[(di, dj)] = np.where(inside, base[source_row] + col, -1).astype(np.int32)
        return self._shifts[(di, dj)]

    def products(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Every cell's `x[i] . y[j]` (x: n+1 rows, y: m+1 rows), by blocks of rows."""
        out = np.empty(self.cells, dtype=np.result_type(x, y))
        rows, cols = self.ids
        if (self.n + 1) * (self.m + 1) <= _ONE_PRODUCT:  # as the full scorer does it: same bits
            return (x @ y.T)[rows, cols]
        step = max(_PRODUCT_CHUNK, int(np.median(self.hi - self.lo)))
        for r0 in range(0, self.n + 1, step):
            r1 = min(r0 + step, self.n + 1)
            c0, c1 = int(self.lo[r0]), int(self.hi[r1 - 1])
            block = x[r0:r1] @ y[c0:c1].T
            a, b = self.offsets[r0], self.offsets[r1]
            out[a:b] = block.ravel()[(rows[a:b] - r0).astype(np.int64) * (c1 - c0) + (cols[a:b] - c0)]
        return out

    def update_products(self, out: np.ndarray, x: np.ndarray, y: np.ndarray, rows=(), cols=()) -> None:
        """Redo `products(x, y)` in `out` for the given rows and columns only."""
        for r in rows:
            out[self.offsets[r] : self.offsets[r + 1]] = y[self.lo[r] : self.hi[r]] @ x[r]
        for c in cols:
            first = int(np.searchsorted(self.hi, c, side="right"))
            last = int(np.searchsorted(self.lo, c, side="right"))
            rr = np.arange(first, last)
            out[self.offsets[rr] + c - self.lo[rr]] = x[first:last] @ y[c]


class _Part:
    """Cells start..stop of a corridor (flat order): arrays over the corridor, read there."""

    def __init__(self, corridor: Corridor, start: int, stop: int):
        self._corridor, self._start, self._stop = corridor, start, stop

    def full_like(self, fill: float, dtype=np.float64) -> np.ndarray:
        return np.full(self._stop - self._start, fill, dtype=dtype)

    def at(self, flat: np.ndarray) -> np.ndarray:
        return flat[self._start : self._stop]

    def shift(self, flat: np.ndarray, di: int, dj: int, fill: float) -> np.ndarray:
        """out[(i, j)] = flat[(i - di, j - dj)], or `fill` where that cell lies outside."""
        if di == 0 and dj == 0:
            return self.at(flat)
        source = self._corridor._shift_index(di, dj)[self._start : self._stop]
        out = flat[np.maximum(source, 0)]
        out[source < 0] = fill
        return out


def _check(lo: np.ndarray, hi: np.ndarray, m: int) -> None:
    if len(lo) != len(hi) or len(lo) == 0:
        raise ValueError("a corridor needs one (lo, hi) column range per row, and at least one row")
    if lo[0] != 0 or hi[-1] != m + 1:
        raise ValueError("a corridor must hold the corners (0, 0) and (n, m)")
    if np.any(np.diff(lo) < 0) or np.any(np.diff(hi) < 0):
        raise ValueError("corridor bounds must be non-decreasing")
    if np.any(lo < 0) or np.any(hi > m + 1) or np.any(lo >= hi):
        raise ValueError(f"corridor rows must be non-empty column ranges inside [0, {m + 1})")
    if np.any(lo[1:] >= hi[:-1]):
        raise ValueError("each corridor row must overlap the row above it")
    if np.sum(hi - lo) >= 2**31:
        raise ValueError("a corridor holds fewer than 2**31 cells (positions are int32)")


def _expand(r0: np.ndarray, r1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every row of the ranges r0..r1 (inclusive), and the range each one came from."""
    counts = r1 - r0 + 1
    first = np.repeat(np.arange(len(r0)), counts)
    rows = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts) + r0[first]
    return rows, first


def _grow(lo: np.ndarray, hi: np.ndarray, n: int, m: int, radius: int) -> tuple[np.ndarray, np.ndarray]:
    """Make the bounds monotone (only ever widening), then widen by `radius` each way."""
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    rows = np.arange(n + 1)
    lo = np.clip(lo[np.maximum(rows - radius, 0)] - radius, 0, m)
    hi = np.clip(hi[np.minimum(rows + radius, n)] + radius, 1, m + 1)
    lo[0], hi[-1] = 0, m + 1
    hi = np.maximum(hi, np.concatenate([lo[1:] + 1, [m + 1]]))  # each row overlaps the next
    return lo, np.maximum.accumulate(hi)


def windows(corridor: Corridor, slack: int | None) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """The other side's segments each row and each column looks at: `(lo, hi)` per node.

    Row `i` (a Bangla span ending before segment i) sees English segments under the
    corridor's row i, `slack` more each way; column `j` likewise sees Bangla segments.
    `slack=None`: every row and column sees the whole other side.
    """
    n, m = corridor.n, corridor.m
    if slack is None:
        return (np.zeros(n + 1, np.int64), np.full(n + 1, m, np.int64)), (
            np.zeros(m + 1, np.int64),
            np.full(m + 1, n, np.int64),
        )
    lo, hi = corridor.lo, corridor.hi
    rows = (np.clip(lo - slack, 0, m - 1), np.clip(hi + slack, 1, m))
    j = np.arange(m + 1)
    first = np.searchsorted(hi, j, side="right")  # first row whose band reaches past column j
    last = np.searchsorted(lo, j, side="right") - 1  # last row whose band starts at or before j
    cols = (np.clip(first - slack, 0, n - 1), np.clip(last + 1 + slack, 1, n))
    return rows, cols
