"""Bead values: how much a candidate bead is worth, from sentence vectors.

A bead joins a span of `a` Bangla and `b` English segments. Its similarity is the cosine of
the two span vectors. A span of one segment is that segment's vector; a longer span starts
as the normalised sum of its members' vectors (free to compute) and is replaced by the real
embedding of the joined text once the aligner asks for it (`set_span`), so each sentence is
embedded about once.

Raw cosine is a poor judge on its own: to the model, a Bangla date line and an English one
look like translations, and its cosines crowd into a narrow band. The value is therefore a
margin: the bead's cosine minus the mean similarity of each side to its `k` nearest
neighbours on the other side. Those neighbours are drawn from the document and from a
small fixed bank of unrelated sentences (`embed/background.py`), so a short document is judged
like a long one; a sentence the document holds more than once counts once; the margin is divided by `1 - bg` (bg: the model's similarity between
unrelated sentences) so the threshold means the same for every model.

    value(a, b) = (a + b) / 2 * (margin - threshold) - merge_penalty * (a + b - 2)

A segment left unpaired is worth 0, so a pair must clear the threshold. Boilerplate never
pairs (-inf). A merge must earn its place, or a sentence whose translation is missing gets
folded into its neighbour (the commonest error of other aligners):
  - each segment of a multi-segment side must relate to the other side on its own
    (margin >= member_floor);
  - the merge may lose at most merge_slack of margin against the best bead left by
    dropping an end segment;
  - a bead that cuts into two pairs, each above split_floor, is cut (a 2-2 bead of
    two good 1-1 pairs is two beads).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from aligner.score.bead_values import DenseGrid, bead_values
from aligner.score.neighbours import previous_copies
from aligner.types import BeadKind, Lang

_SPAN_BLOCK = 1024  # rows of running sums at a time


@dataclass(frozen=True, slots=True)
class ScoreParams:
    """The knobs of the bead value; defaults tuned on generated articles (see README)."""

    max_bead: int = 4  # largest a + b of a pair bead
    neighbours: int = 4  # k of the margin
    threshold: float = 0.03  # margin a pair must clear
    merge_penalty: float = 0.06  # per segment beyond a 1-1 bead
    member_floor: float = -0.05  # margin each merged segment needs on its own
    merge_slack: float = 0.03  # how far a merge's margin may fall below its best part's
    split_floor: float = 0.12  # a bead that cuts into two pairs above this margin is cut


@dataclass(frozen=True, slots=True)
class BeadScores:
    """Per bead kind, `(n+1, m+1)` matrices of the bead's cosine and its scaled margin."""

    cos: dict[BeadKind, np.ndarray]
    margin: dict[BeadKind, np.ndarray]


class SpanVectors:
    """Vectors of every span of 1..`longest` consecutive segments of one language."""

    def __init__(self, vectors: np.ndarray, longest: int):
        self.n, dim = vectors.shape
        self._by_length = {length: np.zeros((self.n + 1, dim), np.float32) for length in range(1, longest + 1)}
        # float64 running sums (float32 ones lose three digits over a book's 20,000 rows),
        # by blocks of rows, so a book's arrays stay in cache
        prefix = np.zeros((1, dim))  # the running sums before this block: up to `longest` rows
        for start in range(0, self.n, _SPAN_BLOCK):
            block = np.cumsum(np.vstack([prefix[-1:], vectors[start : start + _SPAN_BLOCK]]), 0, dtype=np.float64)
            prefix = np.vstack([prefix, block[1:]])  # rows start - len(prefix) + 1 .. end of block
            first = start + len(block) - len(prefix)  # prefix row of prefix[0]
            for length, out in self._by_length.items():
                lo = max(length, start + 1)  # first row of `out` this block fills
                hi = start + len(block)
                if lo < hi:
                    out[lo:hi] = _normalised(prefix[lo - first : hi - first] - prefix[lo - first - length : hi - first - length])
            prefix = prefix[-longest:]

    def of_length(self, length: int) -> np.ndarray:
        return self._by_length[length]

    def set(self, start: int, length: int, vector: np.ndarray) -> None:
        self._by_length[length][start + length] = vector


def _normalised(sums: np.ndarray) -> np.ndarray:
    sums = sums.astype(np.float32)
    return sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)


class BeadScorer:
    """Value matrices for the DP, one per bead kind, over one document."""

    def __init__(
        self,
        bn: np.ndarray,
        en: np.ndarray,
        bank_bn: np.ndarray,
        bank_en: np.ndarray,
        bn_boilerplate: Sequence[bool],
        en_boilerplate: Sequence[bool],
        params: ScoreParams = ScoreParams(),
    ):
        self.params = params
        self.n, self.m = len(bn), len(en)
        longest = params.max_bead - 1
        self.spans = {Lang.BN: SpanVectors(bn, longest), Lang.EN: SpanVectors(en, longest)}
        self.bank = {Lang.BN: bank_bn, Lang.EN: bank_en}
        self.copies = {Lang.BN: previous_copies(bn), Lang.EN: previous_copies(en)}
        self.background = float(np.mean(bank_bn @ bank_en.T))
        self._junk = {
            Lang.BN: np.concatenate([[0], np.cumsum(np.asarray(bn_boilerplate, dtype=int))]),
            Lang.EN: np.concatenate([[0], np.cumsum(np.asarray(en_boilerplate, dtype=int))]),
        }

    def set_span(self, lang: Lang, start: int, length: int, vector: np.ndarray) -> None:
        """Use the real embedding of a multi-segment span instead of the composed one."""
        self.spans[lang].set(start, length, vector)

    def score(self, kinds: Sequence[BeadKind]) -> BeadScores:
        """Cosine and scaled margin of every bead of the given kinds.

        `margin[(a, b)][i, j]` is for the bead over bn[i-a:i] and en[j-b:j]; -inf where the
        bead does not exist or holds boilerplate.
        """
        longest = max(max(a, b) for a, b in kinds)
        rho = {
            (lang, length): self._neighbourhood(lang, length)
            for lang in Lang
            for length in range(1, longest + 1)
        }
        scale = max(1.0 - self.background, 1e-6)
        scores = BeadScores({}, {})
        for a, b in kinds:
            cos = self.spans[Lang.BN].of_length(a) @ self.spans[Lang.EN].of_length(b).T
            margin = (cos - (rho[(Lang.BN, a)][:, None] + rho[(Lang.EN, b)][None, :]) / 2) / scale
            margin[~self.allowed(Lang.BN, a)[:, None] | ~self.allowed(Lang.EN, b)[None, :]] = -np.inf
            scores.cos[(a, b)], scores.margin[(a, b)] = cos, margin
        return scores

    def values(self, scores: BeadScores) -> dict[BeadKind, np.ndarray]:
        """Bead values for the DP: the value formula and the merge rules (`bead_values.py`)."""
        return bead_values(DenseGrid(self.n, self.m), scores.margin, self.params)

    def pair_margins(self, bn: np.ndarray, en: np.ndarray, near: object = None) -> np.ndarray:
        """Scaled margins of row-wise pairs of vectors of any texts (bn[k] with en[k]).

        `near` (where each row sits, see `BandScorer`) is not needed here: every text's
        neighbourhood is the whole document.
        """
        rho = (self._rho(bn, Lang.BN) + self._rho(en, Lang.EN)) / 2
        return (np.sum(bn * en, axis=1) - rho) / max(1.0 - self.background, 1e-6)

    def _neighbourhood(self, lang: Lang, length: int) -> np.ndarray:
        """Mean similarity of each span to its k nearest segments of the other language."""
        return self._rho(self.spans[lang].of_length(length), lang)

    def _rho(self, vectors: np.ndarray, lang: Lang) -> np.ndarray:
        other = Lang.EN if lang is Lang.BN else Lang.BN
        sims = np.hstack([vectors @ self.spans[other].of_length(1)[1:].T, vectors @ self.bank[other].T])
        repeats = np.flatnonzero(self.copies[other] >= 0)
        if len(repeats):  # a sentence the document holds twice is one neighbour
            sims[:, repeats] = -np.inf
        k = min(self.params.neighbours, sims.shape[1])
        return np.partition(sims, -k, axis=1)[:, -k:].mean(axis=1)

    def allowed(self, lang: Lang, length: int) -> np.ndarray:
        """Row i: the span ending before segment i exists and holds no boilerplate."""
        junk = self._junk[lang]
        ok = np.zeros(len(junk), dtype=bool)
        ok[length:] = (junk[length:] - junk[:-length]) == 0
        return ok

