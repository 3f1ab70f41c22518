"""The merge rules of `bead_values.py` on hand-made margins of a 2 x 2 document."""
from __future__ import annotations

import numpy as np
import pytest

from aligner.score.bead_values import DenseGrid, bead_values
from aligner.search.dp import bead_kinds, best_path
from aligner.score.margins import ScoreParams


def _margins(diagonal: float, crossed: float, merged: float) -> dict:
    """Margins of every bead over two Bangla and two English segments.

    The 1-1 beads on the diagonal (bn0-en0, bn1-en1) have `diagonal`, the crossed ones
    `crossed`; every multi-segment bead has `merged`.
    """
    out = {}
    for a, b in bead_kinds(4):
        m = np.full((3, 3), -np.inf)
        for i in range(a, 3):
            for j in range(b, 3):
                if (a, b) == (1, 1):
                    m[i, j] = diagonal if i == j else crossed
                else:
                    m[i, j] = merged
        out[(a, b)] = m
    return out


@pytest.mark.parametrize(
    "diagonal, expected",
    [
        (0.15, [(1, 1), (1, 1)]),  # both parts above split_floor: two beads, not one 2-2
        (0.05, [(2, 2)]),  # parts that clear the threshold but not split_floor: one 2-2 bead
    ],
)
def test_a_two_by_two_bead_of_two_good_pairs_is_two_beads(diagonal: float, expected: list) -> None:
    params = ScoreParams(threshold=0.03, split_floor=0.1, merge_penalty=0.0)
    values = bead_values(DenseGrid(2, 2), _margins(diagonal, crossed=-0.2, merged=0.3), params)
    assert best_path(values, 2, 2) == expected
