"""Where a long document's path can lie: a coarse path, and the corridor around it.

Both sides are downsampled (each block of consecutive sentences becomes the normalised
sum of their vectors) by the smallest factor, at most `max_factor`, that makes the grid
small (`coarsest`), and again while it is still too big; the smallest level is solved by
the full DP, and each finer level inside the corridor around the coarser level's path,
projected back (`project`) and widened by `radius` cells. Blocks stay small (4) because
a block that straddles two blocks of the other side (the sides drift apart by every
missing sentence) is a poor match: with blocks of 11 the coarse path of a 16,000-sentence
book strays from the fine one in places, with blocks of 4 it does not. A paragraph
missing on one side is a short run of skipped blocks up there, so the coarse path steps
over it and the corridor follows.

The coarse levels value a 1-1, 1-2 or 2-1 bead of blocks by its plain margin (cosine
minus the mean of each side's k best similarities in its window); unpaired blocks are
worth 0. Wherever a path runs within `edge` cells of its corridor's edge, `settle` widens
the corridor there and solves again, a bounded number of times.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from aligner.score.margins import SpanVectors
from aligner.score.neighbours import topk_mean
from aligner.search.banded_dp import best_path_banded
from aligner.search.corridor import Corridor, windows
from aligner.types import BeadKind

log = logging.getLogger(__name__)

_COARSE_KINDS: tuple[BeadKind, ...] = ((1, 1), (1, 2), (2, 1))


@dataclass(frozen=True, slots=True)
class CorridorParams:
    """The shape of the corridor search."""

    coarsest: int = 1500  # solve with the full DP once rows * columns <= coarsest ** 2
    max_factor: int = 4  # most sentences (or blocks) per block, per level of downsampling
    radius: int = 16  # cells kept each way around the projected coarse path
    window: int = 128  # segments beyond the corridor a margin's neighbourhood reaches
    edge: int = 4  # a path this close to a corridor edge widens the corridor there
    max_widen: int = 4  # widenings per solve, each twice as wide as the one before
    reach: int = 8  # a later round solves this far around each changed span (0: everywhere)
    coarse_k: int = 4  # neighbours of a block's margin on the coarse levels

    def __post_init__(self) -> None:
        if min(self.max_factor, self.coarsest) < 2 or min(self.radius, self.window, self.edge, self.coarse_k) < 1 or self.reach < 0:
            raise ValueError(f"corridor parameters out of range: {self}")


def coarse_corridor(bn: np.ndarray, en: np.ndarray, params: CorridorParams) -> Corridor:
    """The corridor around the coarse path of two sequences of sentence vectors."""
    factor = _factor(len(bn), len(en), params)
    path = coarse_path(downsample(bn, factor), downsample(en, factor), params)
    return project(path, factor, len(bn), len(en), params.radius)


def coarse_path(u: np.ndarray, v: np.ndarray, params: CorridorParams) -> list[BeadKind]:
    """Best path of block beads between u and v, solved coarse to fine."""
    n, m = len(u), len(v)
    if n * m <= params.coarsest**2:
        corridor = Corridor.full(n, m)
    else:
        factor = _factor(n, m, params)
        finer = coarse_path(downsample(u, factor), downsample(v, factor), params)
        corridor = project(finer, factor, n, m, params.radius)
    slack = None if n * m <= params.coarsest**2 else params.window
    path, _ = settle(corridor, lambda c: best_path_banded(block_values(u, v, c, slack, params.coarse_k), c), params)
    return path


def settle(
    corridor: Corridor, solve: Callable[[Corridor], list[BeadKind]], params: CorridorParams
) -> tuple[list[BeadKind], Corridor]:
    """Solve inside `corridor`, widening it where the path runs along its edge."""
    for attempt in range(params.max_widen + 1):
        path = solve(corridor)
        rows, cols = path_nodes(path)
        near = corridor.near_edge(rows, cols, params.edge)
        if not near.any():
            break
        if attempt == params.max_widen:
            log.info("path still near the corridor edge at %d nodes after %d widenings", near.sum(), attempt)
            break
        corridor = corridor.widened(rows[near], cols[near], params.radius << (attempt + 1))
    return path, corridor


def _factor(n: int, m: int, params: CorridorParams) -> int:
    """Block size that brings the grid to `coarsest ** 2` cells, between 2 and `max_factor`."""
    return int(min(params.max_factor, max(2, np.ceil(np.sqrt(n * m) / params.coarsest))))


def path_nodes(path: list[BeadKind]) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns of the nodes a path visits, from (0, 0) to (n, m)."""
    steps = np.array(path, dtype=np.int64).reshape(-1, 2)
    nodes = np.vstack([np.zeros((1, 2), np.int64), np.cumsum(steps, axis=0)])
    return nodes[:, 0], nodes[:, 1]


def project(path: list[BeadKind], factor: int, n: int, m: int, radius: int) -> Corridor:
    """The corridor over the finer grid (n, m) that covers each coarse bead's box of cells."""
    rows, cols = path_nodes(path)
    r, c = np.minimum(rows * factor, n), np.minimum(cols * factor, m)
    return Corridor.around_boxes(r[:-1], r[1:], c[:-1], c[1:], n, m, radius)


def downsample(vectors: np.ndarray, factor: int) -> np.ndarray:
    """Normalised sums of blocks of `factor` consecutive vectors (the last may be shorter)."""
    blocks = -(-len(vectors) // factor)
    padded = np.zeros((blocks * factor, vectors.shape[1]), dtype=np.float64)
    padded[: len(vectors)] = vectors
    sums = padded.reshape(blocks, factor, -1).sum(axis=1)
    return (sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def block_values(
    u: np.ndarray, v: np.ndarray, corridor: Corridor, slack: int | None, k: int = CorridorParams().coarse_k
) -> dict[BeadKind, np.ndarray]:
    """Plain margin values of block beads on the corridor's cells."""
    spans_u, spans_v = SpanVectors(u, 2), SpanVectors(v, 2)
    (row_lo, row_hi), (col_lo, col_hi) = windows(corridor, slack)
    rho_u = {a: topk_mean(spans_u.of_length(a), v, row_lo, row_hi, k) for a in (1, 2)}
    rho_v = {b: topk_mean(spans_v.of_length(b), u, col_lo, col_hi, k) for b in (1, 2)}
    rows, cols = corridor.ids
    out = {}
    for a, b in _COARSE_KINDS:
        margin = corridor.products(spans_u.of_length(a), spans_v.of_length(b))
        margin -= (rho_u[a][rows] + rho_v[b][cols]) / 2
        margin[(rows < a) | (cols < b)] = -np.inf
        out[(a, b)] = (a + b) / 2 * margin
    return out
