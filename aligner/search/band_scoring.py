"""`BeadScorer`'s margins and values on the cells of a corridor only.

Same spans, same bank, same formula and merge rules (`score/bead_values.py`); cosines are
computed only for the corridor's cells, so nothing grows with `n * m`. The neighbourhood
of each span is its window of the other side (`score/neighbours.py`, windows from `corridor.windows`): the whole document for a
short one, which makes every margin the full scorer's, or the corridor widened by
`slack` segments for a long one. There, cosines and neighbourhoods are kept between
rounds and only the rows and columns whose span vector or window changed are recomputed.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from aligner.score.bead_values import bead_values
from aligner.score.margins import BeadScorer
from aligner.score.neighbours import topk_mean
from aligner.search.corridor import Corridor, windows
from aligner.types import BeadKind, Lang

_OTHER = {Lang.BN: Lang.EN, Lang.EN: Lang.BN}


@dataclass(frozen=True, slots=True)
class BandScores:
    """Per bead kind, the scaled margin of every corridor cell (flat, see `Corridor`)."""

    corridor: Corridor
    margin: dict[BeadKind, np.ndarray]

    def margin_at(self, kind: BeadKind, i: int, j: int) -> float:
        return float(self.margin[kind][self.corridor.index(i, j)])


class BandScorer:
    """Scores beads inside `corridor`; `slack=None` makes the whole document every window."""

    def __init__(self, base: BeadScorer, corridor: Corridor, slack: int | None):
        self.base = base
        self.params = base.params
        self._slack = slack
        self._rho: dict[tuple[Lang, int], np.ndarray] = {}
        self._stale: dict[tuple[Lang, int], set[int]] = {}  # rows whose neighbourhood is out of date
        self._cos: dict[BeadKind, np.ndarray] = {}  # on `self._home`, kept for long documents
        self._changed: dict[tuple[Lang, int], set[int]] = {}  # span rows set since `_cos` was made
        self.corridor = self._home = corridor
        self._windows = dict(zip(Lang, windows(corridor, slack)))

    def move_to(self, corridor: Corridor, within: Corridor | None = None) -> None:
        """Score inside another corridor from now on: a widened one, or (`within`) a narrow
        one that takes the neighbourhood windows and the kept cosines of `within`."""
        home = within or corridor
        new = dict(zip(Lang, windows(home, self._slack)))
        for (lang, length), rows in self._stale.items():
            (lo, hi), (new_lo, new_hi) = self._windows[lang], new[lang]
            rows.update(np.flatnonzero((lo != new_lo) | (hi != new_hi)).tolist())
        if home is not self._home:
            self._cos, self._changed = {}, {}
        self.corridor, self._home, self._windows = corridor, home, new

    def set_span(self, lang: Lang, start: int, length: int, vector: np.ndarray) -> None:
        """Use the real embedding of a multi-segment span instead of the composed one."""
        self.base.set_span(lang, start, length, vector)
        if (lang, length) in self._stale:
            self._stale[(lang, length)].add(start + length)
        if self._cos:
            self._changed.setdefault((lang, length), set()).add(start + length)

    def score(self, kinds: Sequence[BeadKind]) -> BandScores:
        """Scaled margin of every bead of the given kinds on the corridor (-inf: not allowed)."""
        longest = max(max(a, b) for a, b in kinds)
        rho = {(lang, length): self._neighbourhood(lang, length) for lang in Lang for length in range(1, longest + 1)}
        scale = max(1.0 - self.base.background, 1e-6)
        rows, cols = self.corridor.ids
        out = {}
        for a, b in kinds:
            cos = self._cosines(a, b)
            rho_bn, rho_en = rho[(Lang.BN, a)], rho[(Lang.EN, b)]
            ok_bn, ok_en = self.base.allowed(Lang.BN, a), self.base.allowed(Lang.EN, b)
            margin = np.empty_like(cos)
            for where, _ in self.corridor.parts():  # elementwise, by parts that stay in cache
                r, c = rows[where], cols[where]
                part = (cos[where] - (rho_bn[r] + rho_en[c]) / 2) / scale
                part[~(ok_bn[r] & ok_en[c])] = -np.inf
                margin[where] = part
            out[(a, b)] = margin
        self._changed = {}
        return BandScores(self.corridor, out)

    def _cosines(self, a: int, b: int) -> np.ndarray:
        """Cosine of every corridor cell's (a, b) bead; short documents: always afresh."""
        x, y = self.base.spans[Lang.BN].of_length(a), self.base.spans[Lang.EN].of_length(b)
        if self._slack is None:
            return self.corridor.products(x, y)
        if (a, b) not in self._cos:
            self._cos[(a, b)] = self._home.products(x, y)
        else:
            rows, cols = self._changed.get((Lang.BN, a), ()), self._changed.get((Lang.EN, b), ())
            self._home.update_products(self._cos[(a, b)], x, y, sorted(rows), sorted(cols))
        if self.corridor is self._home:
            return self._cos[(a, b)]
        return _read_within(self._cos[(a, b)], self._home, self.corridor, x, y)

    def values(self, scores: BandScores) -> dict[BeadKind, np.ndarray]:
        return bead_values(scores.corridor, scores.margin, self.params)

    def pair_margins(self, bn: np.ndarray, en: np.ndarray, near: tuple[Sequence[int], Sequence[int]] | None = None) -> np.ndarray:
        """Scaled margins of row-wise pairs of vectors of any texts (bn[k] with en[k]).

        `near`: the Bangla and English segment index each row sits at, which picks its
        window; without it (or for a short document) the window is the whole document.
        The repairs cut segments and number the pieces on, so an index near the end may
        pass the document's last segment: it takes the last window.
        """
        if near is None or self._slack is None:
            return self.base.pair_margins(bn, en)
        rho = (self._rho_of(bn, Lang.BN, self._nodes(Lang.BN, near[0]))
               + self._rho_of(en, Lang.EN, self._nodes(Lang.EN, near[1]))) / 2
        return (np.sum(bn * en, axis=1) - rho) / max(1.0 - self.base.background, 1e-6)

    def _nodes(self, lang: Lang, indices: Sequence[int]) -> np.ndarray:
        """Window rows (1-based) of segment `indices`, the last one for an index past the end."""
        return np.minimum(np.asarray(indices) + 1, len(self._windows[lang][0]) - 1)

    def _neighbourhood(self, lang: Lang, length: int) -> np.ndarray:
        """Mean similarity of each span to its k nearest segments of the other language."""
        key = (lang, length)
        vectors = self.base.spans[lang].of_length(length)
        if self._slack is None or key not in self._rho:  # short documents: always afresh, as BeadScorer
            self._rho[key] = self._rho_of(vectors, lang, np.arange(len(vectors)))
            self._stale[key] = set()
        elif self._stale[key]:
            rows = np.array(sorted(self._stale[key]))
            self._rho[key][rows] = self._rho_of(vectors[rows], lang, rows)
            self._stale[key] = set()
        return self._rho[key]

    def _rho_of(self, vectors: np.ndarray, lang: Lang, nodes: np.ndarray) -> np.ndarray:
        other = _OTHER[lang]
        lo, hi = self._windows[lang]
        pool = self.base.spans[other].of_length(1)[1:]
        extra = vectors @ self.base.bank[other].T
        return topk_mean(vectors, pool, lo[nodes], hi[nodes], self.params.neighbours, extra, self.base.copies[other])


def _read_within(home_values: np.ndarray, home: Corridor, corridor: Corridor, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """`corridor.products(x, y)`, read from `home`'s where the cell lies inside `home`."""
    rows, cols = corridor.ids
    inside = home.contains(rows, cols)
    out = np.empty(corridor.cells, dtype=home_values.dtype)
    out[inside] = home_values[home.positions(rows[inside], cols[inside])]
    outside = ~inside
    out[outside] = np.einsum("ij,ij->i", x[rows[outside]], y[cols[outside]])
    return out
