"""The similarity matrix as a small inline SVG heat-map, with the alignment path drawn on it.

Rows are Bangla segments (top to bottom), columns English segments (left to right). A side
longer than `MAX_CELLS` is max-pooled down to it, so a 300 × 300 article draws 150 × 150
cells and a strong pair never fades into a block average. Cells are drawn as one `<path>`
per colour level, runs of equal level merged, which keeps a large map to a few hundred kB.

The path and one `<rect class="bead" id="cell-K">` per bead are drawn over the cells in
matrix units, so row K of the table can highlight its bead. An unpaired sentence's bead is
a thin bar on the lattice line where the path passes it by.

Colours are relative to the article: the model's cosines crowd into a narrow band, so the
levels run from the matrix median (blank) to its maximum (darkest).
"""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np

from aligner.types import Bead

MAX_CELLS = 150
LEVELS = 9  # drawn levels; cells at or below the median are left blank
_LIGHT, _DARK = (222, 235, 247), (8, 48, 107)
_GAP = 0.2  # half the width of an unpaired sentence's bar, in cells


def pool(matrix: np.ndarray, max_cells: int = MAX_CELLS) -> np.ndarray:
    """Max-pool each side of `matrix` down to at most `max_cells` (near-equal blocks)."""
    out = np.asarray(matrix, dtype=np.float32)
    for axis in (0, 1):
        size = out.shape[axis]
        if size > max_cells:
            starts = np.linspace(0, size, max_cells + 1).round().astype(int)[:-1]
            out = np.maximum.reduceat(out, starts, axis=axis)
    return out


def levels(matrix: np.ndarray) -> np.ndarray:
    """Colour level of each cell: 0 at or below the median, 1..LEVELS up to the maximum."""
    if matrix.size == 0:
        return np.zeros(matrix.shape, dtype=int)
    low, high = float(np.median(matrix)), float(matrix.max())
    if high <= low:
        return np.zeros(matrix.shape, dtype=int)
    scaled = np.ceil((matrix - low) / (high - low) * LEVELS)
    return np.clip(scaled, 0, LEVELS).astype(int)


def palette() -> list[str]:
    """`LEVELS` colours from light to dark blue, index 0 for level 1."""
    out = []
    for k in range(LEVELS):
        t = k / max(LEVELS - 1, 1)
        rgb = (round(a + (b - a) * t) for a, b in zip(_LIGHT, _DARK))
        out.append("#%02x%02x%02x" % tuple(rgb))
    return out


def render_heatmap(matrix: np.ndarray, beads: Sequence[Bead]) -> str:
    """`<svg class="heatmap">` for a `(n_bn, n_en)` similarity matrix and its bead path."""
    n, m = matrix.shape
    pooled = pool(matrix)
    gh, gw = pooled.shape
    label = f"similarity of {n} Bangla (rows) × {m} English (columns) sentences, with the path"
    return "".join([
        f'<svg class="heatmap" viewBox="0 0 {m} {n}" role="img" aria-label="{escape(label)}"'
        f' data-rows="{n}" data-cols="{m}" data-grid="{gh}x{gw}">',
        f'<rect class="ground" width="{m}" height="{n}"/>',
        f'<g class="cells" transform="scale({m / gw:.6g} {n / gh:.6g})">',
        _cell_paths(levels(pooled)),
        "</g>",
        '<g class="beads">',
        *_bead_rects(beads),
        "</g>",
        f'<polyline class="path" points="{_path_points(beads)}"/>',
        "</svg>",
    ])


def _cell_paths(grid: np.ndarray) -> str:
    runs: dict[int, list[str]] = {}
    for y, row in enumerate(grid):
        change = np.flatnonzero(np.diff(row)) + 1
        starts = np.concatenate([[0], change])
        ends = np.concatenate([change, [len(row)]])
        for x, end in zip(starts.tolist(), ends.tolist()):
            level = int(row[x])
            if level:
                w = end - x
                runs.setdefault(level, []).append(f"M{x} {y}h{w}v1h-{w}z")
    colours = palette()
    return "".join(
        f'<path class="level l{level}" fill="{colours[level - 1]}" d="{"".join(runs[level])}"/>'
        for level in sorted(runs)
    )


def _bead_rects(beads: Sequence[Bead]) -> list[str]:
    out = []
    i = j = 0
    for k, bead in enumerate(beads):
        a, b = len(bead.bn), len(bead.en)
        if a and b:
            x, y, w, h = j, i, b, a
        elif a:
            x, y, w, h = j - _GAP, i, 2 * _GAP, a
        else:
            x, y, w, h = j, i - _GAP, b, 2 * _GAP
        tip = f"bead {k} ({bead.kind}): Bangla {_span(bead.bn)}, English {_span(bead.en)}"
        out.append(
            f'<rect class="bead" id="cell-{k}" data-bead="{k}" x="{x:g}" y="{y:g}"'
            f' width="{w:g}" height="{h:g}"><title>{tip}</title></rect>'
        )
        i, j = i + a, j + b
    return out


def _path_points(beads: Sequence[Bead]) -> str:
    """The DP lattice path: a pair crosses its cells diagonally, a gap runs along a line."""
    i = j = 0
    points = ["0,0"]
    for bead in beads:
        i, j = i + len(bead.bn), j + len(bead.en)
        points.append(f"{j},{i}")
    return " ".join(points)


def _span(indices: Sequence[int]) -> str:
    if not indices:
        return "none"
    return str(indices[0]) if len(indices) == 1 else f"{indices[0]}–{indices[-1]}"
