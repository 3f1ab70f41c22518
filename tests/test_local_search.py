"""Later rounds of a long document: re-solving only around the spans that changed."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.align import Aligner
from aligner.config import AlignerConfig
from aligner.search.coarse import CorridorParams, path_nodes
from aligner.search.corridor import Corridor
from aligner.search.dp import bead_kinds, best_path
from aligner.embed import CachingEncoder
from aligner.search.local_search import narrow_corridor, solve_stretches, stretches, touched_nodes
from aligner.search import SearchParams
from aligner.types import Lang
from synthetic import SyntheticEncoder, path_total, synthetic_doc


def _diagonal_values(rng: np.random.Generator, n: int):
    """Noise everywhere, and 1-1 beads along the diagonal worth much more."""
    out = {}
    for a, b in bead_kinds(4):
        v = rng.normal(scale=0.1, size=(n + 1, n + 1)) - 0.5
        v[:a, :] = -np.inf
        v[:, :b] = -np.inf
        out[(a, b)] = v
    out[(1, 1)][np.arange(1, n + 1), np.arange(1, n + 1)] += 2.0
    return out


def _on(corridor: Corridor, values):
    rows, cols = corridor.ids
    return {kind: v[rows, cols] for kind, v in values.items()}


def _path(kinds_and_counts):
    return [kind for kind, count in kinds_and_counts for _ in range(count)]


def test_touched_nodes_are_those_at_or_inside_a_changed_span():
    path = _path([((1, 1), 6)])  # nodes (0,0) .. (6,6)
    touched = touched_nodes(path, [(Lang.BN, 2, 2), (Lang.EN, 5, 1)])
    assert np.flatnonzero(touched).tolist() == [2, 3, 4, 5, 6]


def test_stretches_reach_both_ways_and_merge_where_they_meet():
    path = _path([((1, 1), 100)])
    touched = np.zeros(101, dtype=bool)
    touched[[10, 14, 60]] = True
    assert stretches(path, touched, 4) == [(6, 18), (56, 64)]
    touched[[2, 99]] = True  # clipped at the path's ends
    assert stretches(path, touched, 4) == [(0, 18), (56, 64), (95, 100)]


def test_a_stretch_reaches_in_rows_and_columns_alike():
    path = _path([((1, 1), 10), ((0, 1), 10), ((1, 1), 10)])  # ten English sentences unpaired
    touched = np.zeros(31, dtype=bool)
    touched[15] = True  # node (10, 15), in the middle of the skips
    (first, last), = stretches(path, touched, 3)
    rows, cols = path_nodes(path)
    assert (rows[first], cols[first]) == (7, 7)
    assert (rows[last], cols[last]) == (13, 23)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_unchanged_values_give_the_same_path(seed):
    rng = np.random.default_rng(seed)
    n = 60
    values = _diagonal_values(rng, n)
    path = best_path(values, n, n)
    touched = rng.random(len(path) + 1) < 0.1
    narrow = narrow_corridor(path, touched, n, n, 6, 3)
    again = solve_stretches(path, _on(narrow, values), narrow, stretches(path, touched, 6), 3)
    assert again == path


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(5, 50))
def test_a_local_change_gives_the_full_dps_new_path(seed, at):
    """A 2-2 bead made attractive at (at, at) moves the path there and nowhere else."""
    rng = np.random.default_rng(seed)
    n = 60
    values = _diagonal_values(rng, n)
    path = best_path(values, n, n)
    values[(2, 2)][at + 2, at + 2] = 10.0
    new_best = best_path(values, n, n)
    assert new_best != path
    touched = touched_nodes(path, [(Lang.BN, at, 2), (Lang.EN, at, 2)])
    narrow = narrow_corridor(path, touched, n, n, 6, 3)
    again = solve_stretches(path, _on(narrow, values), narrow, stretches(path, touched, 6), 3)
    assert again == new_best
    assert path_total(values, again) == pytest.approx(path_total(values, new_best))


def test_a_change_that_moves_the_path_far_asks_for_the_full_corridor():
    rng = np.random.default_rng(3)
    n = 60
    values = _diagonal_values(rng, n)
    path = best_path(values, n, n)
    values[(1, 1)][1:31, 1:31] = -5.0  # the diagonal's first half is no longer worth taking
    values[(1, 1)][np.arange(1, 21), np.arange(11, 31)] = 3.0  # ten columns to the right is
    touched = touched_nodes(path, [(Lang.BN, 10, 2)])
    narrow = narrow_corridor(path, touched, n, n, 4, 2)
    assert solve_stretches(path, _on(narrow, values), narrow, stretches(path, touched, 4), 2) is None


def test_later_rounds_of_a_long_document_solve_locally_with_the_same_result(monkeypatch):
    """Merges that cross on the two sides make 2-2 beads: rounds embed them and solve again."""
    crossings = [100, 250, 420, 610, 777]
    merges = [(Lang.BN, k) for k in crossings] + [(Lang.EN, k + 1) for k in crossings]
    doc = synthetic_doc(900, seed=4, drops=[(Lang.EN, 300, 5)], merges=merges)
    encoder = CachingEncoder(SyntheticEncoder(900, seed=4), progress=False)

    def align(reach: int):
        params = SearchParams(full_dp_cells=1000, progress=False, corridor=CorridorParams(reach=reach))
        return Aligner(encoder, AlignerConfig(search=params)).align_segments(doc.bn, doc.en)

    import aligner.search.strategy

    calls = []
    solve = aligner.search.strategy.solve_stretches
    monkeypatch.setattr(aligner.search.strategy, "solve_stretches", lambda *a: calls.append(a[3]) or solve(*a))
    local = align(8)
    assert calls and all(calls)  # at least one round, each over some stretches
    calls.clear()
    everywhere = align(0)
    assert not calls
    assert local.beads == everywhere.beads
    found = {(b.bn, b.en) for b in local.beads if b.is_pair}
    assert len(found & doc.gold) >= 0.98 * len(doc.gold)


def test_reach_must_not_be_negative():
    with pytest.raises(ValueError):
        CorridorParams(reach=-1)
