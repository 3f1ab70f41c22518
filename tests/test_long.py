"""Long documents: the corridor search against the full DP, recovery, and memory."""
from __future__ import annotations

import functools
import subprocess
import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.align import Aligner
from aligner.config import AlignerConfig
from aligner.search.band_scoring import BandScorer
from aligner.search.banded_dp import best_path_banded
from aligner.search.coarse import CorridorParams, coarse_corridor, downsample, path_nodes
from aligner.search.corridor import Corridor
from aligner.search.dp import bead_kinds, best_path
from aligner.embed import CachingEncoder, get_encoder
from aligner.score.margins import BeadScorer, ScoreParams
from aligner.search import CorridorSearch, SearchMode, SearchParams
from aligner.text.segment import segment_article
from aligner.types import Lang
from conftest import DEV, ROOT, VECTOR_CACHE
from synthetic import SyntheticEncoder, path_total, synthetic_doc


def _values(rng: np.random.Generator, n: int, m: int, max_bead: int, junk: float, ties: bool):
    out = {}
    for a, b in bead_kinds(max_bead):
        v = rng.normal(size=(n + 1, m + 1))
        if ties:
            v = np.round(v)
        v[rng.random(v.shape) < junk] = -np.inf
        v[:a, :] = -np.inf
        v[:, :b] = -np.inf
        out[(a, b)] = v
    return out


def _on(corridor: Corridor, values):
    rows, cols = corridor.ids
    return {kind: v[rows, cols] for kind, v in values.items()}


def _random_corridor(rng: np.random.Generator, n: int, m: int, radius: int) -> Corridor:
    """Around a random monotone chain of steps from (0, 0) to (n, m)."""
    i = j = 0
    rows, cols = [0], [0]
    while (i, j) != (n, m):
        step = [(1, 0), (0, 1), (1, 1)][rng.integers(3)]
        i, j = min(i + step[0], n), min(j + step[1], m)
        rows.append(i), cols.append(j)
    r, c = np.array(rows), np.array(cols)
    return Corridor.around_boxes(r[:-1], r[1:], c[:-1], c[1:], n, m, radius)


def _brute_force_in(values, corridor: Corridor) -> float:
    """Best total over paths whose every node lies inside the corridor."""

    @functools.lru_cache(maxsize=None)
    def best(i: int, j: int) -> float:
        if not corridor.contains(i, j):
            return -np.inf
        if i == 0 and j == 0:
            return 0.0
        options = [best(i - 1, j) if i else -np.inf, best(i, j - 1) if j else -np.inf]
        options += [best(i - a, j - b) + v[i, j] for (a, b), v in values.items() if a <= i and b <= j]
        return max(options)

    return best(corridor.n, corridor.m)


cases = st.tuples(st.integers(0, 9), st.integers(0, 9), st.integers(2, 5), st.integers(0, 2**32 - 1))


@settings(max_examples=200, deadline=None)
@given(cases, st.sampled_from([0.0, 0.3]), st.booleans())
def test_banded_dp_on_the_full_corridor_is_the_full_dp(case, junk, ties):
    n, m, max_bead, seed = case
    values = _values(np.random.default_rng(seed), n, m, max_bead, junk, ties)
    assert best_path_banded(_on(Corridor.full(n, m), values), Corridor.full(n, m)) == best_path(values, n, m)


@settings(max_examples=200, deadline=None)
@given(cases, st.sampled_from([0.0, 0.3]), st.booleans(), st.integers(0, 3))
def test_a_corridor_that_holds_the_best_path_finds_exactly_it(case, junk, ties, radius):
    n, m, max_bead, seed = case
    values = _values(np.random.default_rng(seed), n, m, max_bead, junk, ties)
    path = best_path(values, n, m)
    rows, cols = path_nodes(path)
    corridor = Corridor.around_boxes(rows[:-1], rows[1:], cols[:-1], cols[1:], n, m, radius)
    assert best_path_banded(_on(corridor, values), corridor) == path


@settings(max_examples=150, deadline=None)
@given(cases, st.sampled_from([0.0, 0.3]), st.integers(0, 2))
def test_banded_dp_is_the_best_path_inside_any_corridor(case, junk, radius):
    n, m, max_bead, seed = case
    rng = np.random.default_rng(seed)
    values = _values(rng, n, m, max_bead, junk, ties=False)
    corridor = _random_corridor(rng, n, m, radius)
    path = best_path_banded(_on(corridor, values), corridor)
    rows, cols = path_nodes(path)
    assert (rows[-1], cols[-1]) == (n, m) and corridor.contains(rows, cols).all()
    assert set(path) <= set(bead_kinds(max_bead)) | {(1, 0), (0, 1)}
    assert path_total(values, path) == pytest.approx(_brute_force_in(values, corridor))


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 30), st.integers(1, 30), st.integers(0, 2**32 - 1), st.integers(0, 4))
def test_corridor_shift_reads_the_dense_neighbour(n, m, seed, radius):
    rng = np.random.default_rng(seed)
    corridor = _random_corridor(rng, n, m, radius)
    dense = rng.normal(size=(n + 1, m + 1))
    rows, cols = corridor.ids
    for di, dj in [(1, 0), (0, 1), (2, 1), (3, 0)]:
        shifted = corridor.shift(dense[rows, cols], di, dj, np.nan)
        r, c = rows - di, cols - dj
        inside = (r >= 0) & (c >= 0) & corridor.contains(np.maximum(r, 0), np.maximum(c, 0))
        assert np.array_equal(shifted[inside], dense[r[inside], c[inside]])
        assert np.isnan(shifted[~inside]).all()


def test_corridor_refuses_what_no_path_can_cross():
    with pytest.raises(ValueError, match="corners"):
        Corridor(np.array([0, 1]), np.array([2, 2]), 2)
    with pytest.raises(ValueError, match="overlap"):
        Corridor(np.array([0, 2, 2]), np.array([2, 3, 3]), 2)
    with pytest.raises(ValueError, match="non-decreasing"):
        Corridor(np.array([0, 1, 0]), np.array([2, 3, 3]), 2)


def test_widening_keeps_the_old_corridor_and_adds_the_cells():
    corridor = _random_corridor(np.random.default_rng(3), 40, 50, 1)
    wider = corridor.widened(np.array([20]), np.array([10]), 3)
    rows, cols = corridor.ids
    assert wider.contains(rows, cols).all()
    assert wider.contains(np.array([17, 23, 20]), np.array([7, 13, 10])).all()


def _random_scorer(rng: np.random.Generator, n: int, m: int, dim: int = 24) -> BeadScorer:
    def unit(x):
        return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)

    base = rng.normal(size=(max(n, m), dim))
    bn = unit(base[:n] + 0.8 * rng.normal(size=(n, dim)))
    en = unit(base[np.minimum(np.arange(m), n - 1)] + 0.8 * rng.normal(size=(m, dim)))
    bank = unit(rng.normal(size=(12, dim)))
    return BeadScorer(bn, en, bank, bank, rng.random(n) < 0.1, rng.random(m) < 0.1, ScoreParams())


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 25), st.integers(1, 25), st.integers(0, 2**32 - 1))
def test_band_scorer_on_the_full_corridor_gives_the_full_scorers_values(n, m, seed):
    scorer = _random_scorer(np.random.default_rng(seed), n, m)
    kinds = bead_kinds(4)
    dense = scorer.values(scorer.score(kinds))
    band = BandScorer(scorer, Corridor.full(n, m), slack=None)
    banded = band.values(band.score(kinds))
    for kind in kinds:
        assert np.array_equal(banded[kind], dense[kind][Corridor.full(n, m).ids])


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 25), st.integers(2, 25), st.integers(0, 2**32 - 1), st.integers(0, 3))
def test_band_values_never_exceed_the_full_values(n, m, seed, radius):
    """Where a merge rule cannot see a neighbour, it forbids the merge: never more permissive."""
    rng = np.random.default_rng(seed)
    scorer = _random_scorer(rng, n, m)
    kinds = bead_kinds(4)
    dense = scorer.values(scorer.score(kinds))
    corridor = _random_corridor(rng, n, m, radius)
    band = BandScorer(scorer, corridor, slack=None)
    banded = band.values(band.score(kinds))
    for kind in kinds:
        full = dense[kind][corridor.ids]
        assert np.all((banded[kind] <= full) | (np.isneginf(banded[kind]) & np.isneginf(full)))


@pytest.mark.parametrize("slack", [None, 3])
def test_a_sentence_held_twice_counts_once_among_the_neighbours(slack):
    """Appending a copy of pair 5 at the end changes no margin of the original pairs."""
    rng = np.random.default_rng(11)
    vectors = _random_scorer(rng, 30, 30)
    bn, en = vectors.spans[Lang.BN].of_length(1)[1:], vectors.spans[Lang.EN].of_length(1)[1:]
    bank = vectors.bank[Lang.BN], vectors.bank[Lang.EN]
    once = BeadScorer(bn, en, *bank, [False] * 30, [False] * 30, ScoreParams())
    twice = BeadScorer(np.vstack([bn, bn[5:6]]), np.vstack([en, en[5:6]]), *bank, [False] * 31, [False] * 31)
    assert list(twice.copies[Lang.EN]) == [-1] * 30 + [5]
    kinds = [(1, 1)]
    full, repeated = once.score(kinds).margin[(1, 1)], twice.score(kinds).margin[(1, 1)]
    assert np.allclose(repeated[:31, :31], full, rtol=0, atol=1e-6, equal_nan=True)
    corridor = Corridor.full(31, 31)
    band = BandScorer(twice, corridor, slack).score(kinds).margin[(1, 1)]
    if slack is None:
        assert np.allclose(band, repeated[corridor.ids], atol=1e-6)
    assert repeated[6, 6] == pytest.approx(repeated[31, 31], abs=1e-6)  # the copy pairs as well


def test_a_piece_numbered_past_the_last_segment_takes_the_last_window():
    """The repairs cut segments and number the pieces on: an index may pass the end."""
    scorer = _random_scorer(np.random.default_rng(5), 30, 30)
    band = BandScorer(scorer, Corridor.full(30, 30), slack=3)
    band.score([(1, 1)])
    bn, en = scorer.spans[Lang.BN].of_length(1)[1:3], scorer.spans[Lang.EN].of_length(1)[1:3]
    past = band.pair_margins(bn, en, near=([29, 34], [29, 40]))
    assert np.allclose(past, band.pair_margins(bn, en, near=([29, 29], [29, 29])))


def test_downsample_gives_unit_block_vectors():
    blocks = downsample(np.eye(10, dtype=np.float32), 4)
    assert blocks.shape == (3, 10)
    assert np.allclose(np.linalg.norm(blocks, axis=1), 1.0)
    assert np.allclose(blocks[2, 8:], np.sqrt(0.5))


def _small_corridor_params() -> SearchParams:
    """A corridor on short documents too: downsample to a few blocks, keep a narrow band."""
    return SearchParams(mode=SearchMode.CORRIDOR, corridor=CorridorParams(coarsest=4, max_factor=2, radius=2))


def test_synthetic_long_document_recovers_deleted_paragraphs_and_merges():
    drops = [(Lang.BN, 120, 8), (Lang.EN, 400, 6), (Lang.EN, 700, 3)]
    merges = [(Lang.EN, 50), (Lang.BN, 300), (Lang.EN, 555), (Lang.BN, 820)]
    doc = synthetic_doc(900, seed=2, drops=drops, merges=merges)
    # whole-document neighbourhoods (below full_dp_cells), so the corridor must match the full DP
    params = SearchParams(
        mode=SearchMode.CORRIDOR, full_dp_cells=4_000_000, corridor=CorridorParams(coarsest=30, radius=8)
    )
    encoder = CachingEncoder(SyntheticEncoder(900, seed=2))
    corridor = Aligner(encoder, AlignerConfig(search=params)).align_segments(doc.bn, doc.en)
    full = Aligner(encoder, AlignerConfig(search=SearchParams(mode=SearchMode.FULL))).align_segments(doc.bn, doc.en)
    assert corridor.beads == full.beads
    found = {(b.bn, b.en) for b in corridor.beads if b.is_pair}
    assert len(found & doc.gold) >= 0.99 * len(doc.gold)
    for _, first, count in drops:  # the pairs on both sides of each missing paragraph
        for atom in (first - 1, first + count):
            bead = ((doc.segment_of(Lang.BN, atom),), (doc.segment_of(Lang.EN, atom),))
            assert bead in doc.gold and bead in found


def test_no_allocation_grows_with_the_grid():
    """4,000 a side: one (n+1) x (m+1) matrix would be 64 MiB in float32, 128 in float64.

    The coarsest level is a full grid of up to `coarsest`^2 cells, whatever the length:
    kept small here so that it does not hide a grid-sized array.
    """
    n = 4_000
    scorer = _random_scorer(np.random.default_rng(5), n, n, dim=32)
    params = SearchParams(mode=SearchMode.CORRIDOR, corridor=CorridorParams(coarsest=300), progress=False)
    tracemalloc.start()
    search = CorridorSearch(scorer, params)
    search.best_path(bead_kinds(4))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert search.corridor.cells < 100 * (n + 1)
    assert peak < 48 * 2**20


TWENTY_THOUSAND = """
import resource, sys
import numpy as np
sys.path[:0] = sys.argv[1:]
from test_long import _random_scorer
from aligner.search.coarse import path_nodes
from aligner.search.dp import bead_kinds
from aligner.search import CorridorSearch, SearchMode, SearchParams
n = 20_000
scorer = _random_scorer(np.random.default_rng(5), n, n, dim=32)
search = CorridorSearch(scorer, SearchParams(mode=SearchMode.CORRIDOR, progress=False))
rows, cols = path_nodes(search.best_path(bead_kinds(4)))
assert (rows[-1], cols[-1]) == (n, n)
try:  # this process's own peak: ru_maxrss also counts the parent's (the pytest process)
    peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(search.corridor.cells, peak)
"""


def test_twenty_thousand_sentences_a_side_in_linear_memory():
    """Peak RSS of a fresh process (tracemalloc would trace every small array of the DP's row
    loop and take minutes); one (n+1)^2 float64 matrix alone would be 3 GiB."""
    done = subprocess.run(
        [sys.executable, "-c", TWENTY_THOUSAND, str(Path(__file__).parent), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    cells, rss_kib = done.stdout.split()
    assert int(cells) < 100 * 20_001
    assert int(rss_kib) < 2**20  # KiB: 1 GiB (the time is `scripts/bench_scaling.py`'s to measure)


@pytest.fixture(scope="session")
def dev_encoder() -> CachingEncoder:
    """The bundled model once per session, seeded from score_corpus.py's cache if present."""
    encoder = CachingEncoder(get_encoder(), progress=False)
    if VECTOR_CACHE.exists():
        encoder.load(VECTOR_CACHE)
    return encoder


@pytest.mark.model
@pytest.mark.parametrize("article", sorted(DEV.glob("*.txt")), ids=lambda p: p.stem)
def test_corridor_search_gives_the_full_dp_pairs_on_dev_articles(article: Path, dev_encoder):
    text = article.read_text(encoding="utf-8")
    full = Aligner(dev_encoder, AlignerConfig(search=SearchParams(mode=SearchMode.FULL))).align_article(text)
    corridor = Aligner(dev_encoder, AlignerConfig(search=_small_corridor_params())).align_article(text)
    assert corridor.beads == full.beads
    assert corridor.pairs == full.pairs


@pytest.mark.model
def test_dev_corridors_are_narrower_than_the_grid(dev_encoder):
    """So that the test above compares a real corridor with the full DP, not the grid twice."""
    shares = []
    for article in sorted(DEV.glob("*.txt")):
        bn, en = segment_article(article.read_text(encoding="utf-8"))
        vectors = dev_encoder.encode([s.text for s in bn + en])
        corridor = coarse_corridor(vectors[: len(bn)], vectors[len(bn) :], _small_corridor_params().corridor)
        shares.append(corridor.cells / ((len(bn) + 1) * (len(en) + 1)))
    assert np.mean(shares) < 0.7
