"""Properties of the DP: coverage, order, allowed beads, optimality, the easy diagonal."""
from __future__ import annotations

import functools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.search.dp import bead_kinds, best_path
from aligner.types import Bead, BeadKind
from synthetic import path_total


def _values(rng: np.random.Generator, n: int, m: int, max_bead: int, junk: float = 0.0):
    out = {}
    for a, b in bead_kinds(max_bead):
        v = rng.normal(size=(n + 1, m + 1))
        v[rng.random(v.shape) < junk] = -np.inf
        v[:a, :] = -np.inf
        v[:, :b] = -np.inf
        out[(a, b)] = v
    return out


def _brute_force(values, n: int, m: int) -> float:
    @functools.lru_cache(maxsize=None)
    def best(i: int, j: int) -> float:
        if i == 0 and j == 0:
            return 0.0
        options = []
        if i:
            options.append(best(i - 1, j))
        if j:
            options.append(best(i, j - 1))
        for (a, b), v in values.items():
            if a <= i and b <= j:
                options.append(best(i - a, j - b) + v[i, j])
        return max(options)

    return best(n, m)


sizes = st.tuples(st.integers(0, 6), st.integers(0, 6), st.integers(2, 5), st.integers(0, 2**32 - 1))


@settings(max_examples=150, deadline=None)
@given(sizes, st.sampled_from([0.0, 0.3]))
def test_path_covers_every_segment_once_in_order_with_allowed_beads(case, junk):
    n, m, max_bead, seed = case
    values = _values(np.random.default_rng(seed), n, m, max_bead, junk)
    path = best_path(values, n, m)
    assert sum(a for a, _ in path) == n
    assert sum(b for _, b in path) == m
    allowed = set(bead_kinds(max_bead)) | {(1, 0), (0, 1)}
    assert set(path) <= allowed
    assert np.isfinite(path_total(values, path))


@settings(max_examples=150, deadline=None)
@given(sizes, st.sampled_from([0.0, 0.3]))
def test_path_is_as_good_as_brute_force(case, junk):
    n, m, max_bead, seed = case
    values = _values(np.random.default_rng(seed), n, m, max_bead, junk)
    path = best_path(values, n, m)
    assert path_total(values, path) == pytest.approx(_brute_force(values, n, m))


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 40), st.integers(0, 2**32 - 1))
def test_strong_diagonal_gives_all_one_to_one(n, seed):
    rng = np.random.default_rng(seed)
    values = _values(rng, n, n, 4)
    values = {k: v - 5.0 for k, v in values.items()}
    values[(1, 1)][np.arange(1, n + 1), np.arange(1, n + 1)] = 10.0
    assert best_path(values, n, n) == [(1, 1)] * n


def test_nothing_worth_pairing_leaves_everything_unpaired():
    values = {k: np.full((3, 4), -1.0) for k in bead_kinds(4)}
    path = best_path(values, 2, 3)
    assert sorted(path) == [(0, 1)] * 3 + [(1, 0)] * 2


def test_bead_kinds_names_the_allowed_beads():
    assert bead_kinds(4) == [(1, 1), (1, 2), (2, 1), (1, 3), (2, 2), (3, 1)]
    with pytest.raises(ValueError, match="at least 2"):
        bead_kinds(1)


def test_wrong_shape_is_refused():
    with pytest.raises(ValueError, match="shape"):
        best_path({(1, 1): np.zeros((2, 2))}, 2, 2)


def test_bead_kinds_are_nouns_written_as_a_dash():
    kinds = bead_kinds(4)
    assert all(isinstance(k, BeadKind) and k.is_pair for k in kinds)
    assert [str(k) for k in kinds[:3]] == ["1-1", "1-2", "2-1"]
    assert Bead((3, 4), (7,)).kind == BeadKind(2, 1) == (2, 1)
    assert not Bead((3,), ()).kind.is_pair
