"""How the aligner finds its path: the full DP for short documents, a corridor for long ones.

Both searches take the same bead kinds and give the same things back: the path, each
pair bead's margin, and a judge for `refine` (`pair_margins`). The full DP is exact and
quadratic; below `full_dp_cells` cells (about 500 sentences a side: every article) it is
used as before. Above, `CorridorSearch` finds a coarse path (`coarse.py`) and scores and solves
only the corridor around it, in time and memory linear in the document's length.
"""
from __future__ import annotations

import enum
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from aligner.score.margins import BeadScorer, BeadScores
from aligner.search.band_scoring import BandScorer, BandScores
from aligner.search.banded_dp import best_path_banded
from aligner.search.coarse import CorridorParams, coarse_corridor, settle
from aligner.search.corridor import Corridor
from aligner.search.dp import best_path
from aligner.search.local_search import (
    narrow_corridor,
    solve_stretches,
    stretches,
    touched_nodes,
)
from aligner.types import BeadKind, Lang, Span


class SearchMode(str, enum.Enum):
    """`auto`: the full DP up to `full_dp_cells`, the corridor above."""

    AUTO = "auto"
    FULL = "full"
    CORRIDOR = "corridor"


@dataclass(frozen=True, slots=True)
class SearchParams:
    mode: SearchMode = SearchMode.AUTO
    full_dp_cells: int = 250_000  # (n+1) * (m+1) above which `auto` takes the corridor (~500 a side)
    corridor: CorridorParams = field(default_factory=CorridorParams)
    progress: bool | None = None  # a bar over the DP rows of long documents; None: on a terminal

    def is_long(self, n: int, m: int) -> bool:
        return (n + 1) * (m + 1) > self.full_dp_cells


class Search(Protocol):
    """What the aligner needs of a search: a path, the margins on it, and a judge of pairs.

    `judge` scores any pair of texts' vectors (`pair_margins`) for the repairs; `set_span`
    replaces a composed span vector by a real embedding before the next `best_path`.
    """

    @property
    def judge(self) -> BeadScorer | BandScorer: ...

    def best_path(self, kinds: Sequence[BeadKind]) -> list[BeadKind]: ...

    def margin_at(self, kind: BeadKind, i: int, j: int) -> float: ...

    def set_span(self, lang: Lang, start: int, length: int, vector: np.ndarray) -> None: ...


class FullSearch:
    """The exact DP over the whole `(n+1) x (m+1)` grid."""

    def __init__(self, scorer: BeadScorer):
        self.judge = scorer
        self._scores: BeadScores | None = None

    def best_path(self, kinds: Sequence[BeadKind]) -> list[BeadKind]:
        self._scores = self.judge.score(kinds)
        return best_path(self.judge.values(self._scores), self.judge.n, self.judge.m)

    def margin_at(self, kind: BeadKind, i: int, j: int) -> float:
        return float(self._scores.margin[kind][i, j])

    def set_span(self, lang: Lang, start: int, length: int, vector: np.ndarray) -> None:
        self.judge.set_span(lang, start, length, vector)


class CorridorSearch:
    """The DP inside a corridor around a coarse path, widened where the path meets its edge.

    Between rounds (`set_span`, then `best_path` again) only a few spans change. In a long
    document the next round then solves a narrow corridor: the last path, `edge` cells
    each way, widened by `reach` around the changed spans, with the margins' windows of
    the full corridor. If the new path comes near that narrow corridor's edge, the round
    solves the full corridor after all.
    """

    def __init__(self, scorer: BeadScorer, params: SearchParams):
        self._scorer = scorer
        self._params = params
        self._band: BandScorer | None = None
        self._scores: BandScores | None = None
        self._home: Corridor | None = None  # the settled full corridor
        self._path: list[BeadKind] | None = None
        self._changed: list[Span] = []  # spans set since the last solve

    @property
    def judge(self) -> BandScorer:
        return self._ensure_band()

    @property
    def corridor(self) -> Corridor:
        return self._ensure_band().corridor

    def best_path(self, kinds: Sequence[BeadKind]) -> list[BeadKind]:
        band = self._ensure_band()
        local = self._changed and self._long() and self._params.corridor.reach
        path = self._narrow_round(kinds) if local else None
        if path is None:
            path, self._home = settle(
                self._home or band.corridor, lambda c: self._solve(c, kinds), self._params.corridor
            )
            band.move_to(self._home)
        self._path, self._changed = path, []
        return path

    def margin_at(self, kind: BeadKind, i: int, j: int) -> float:
        return self._scores.margin_at(kind, i, j)

    def set_span(self, lang: Lang, start: int, length: int, vector: np.ndarray) -> None:
        self._ensure_band().set_span(lang, start, length, vector)
        self._changed.append((lang, start, length))

    def _narrow_round(self, kinds: Sequence[BeadKind]) -> list[BeadKind] | None:
        """The last path solved again around the changed spans (`local_search.py`), or None."""
        p, s = self._params.corridor, self._scorer
        touched = touched_nodes(self._path, self._changed)
        narrow = narrow_corridor(self._path, touched, s.n, s.m, p.reach, p.edge)
        values = self._values_on(narrow, kinds, within=self._home)
        return solve_stretches(self._path, values, narrow, stretches(self._path, touched, p.reach), p.edge)

    def _solve(self, corridor: Corridor, kinds: Sequence[BeadKind]) -> list[BeadKind]:
        return best_path_banded(self._values_on(corridor, kinds), corridor, self._progress())

    def _values_on(
        self, corridor: Corridor, kinds: Sequence[BeadKind], within: Corridor | None = None
    ) -> dict[BeadKind, np.ndarray]:
        """Score the beads on `corridor` (see `BandScorer.move_to`) and keep the margins."""
        self._band.move_to(corridor, within)
        self._scores = self._band.score(kinds)
        return self._band.values(self._scores)

    def _ensure_band(self) -> BandScorer:
        if self._band is None:
            s, p = self._scorer, self._params
            bn, en = s.spans[Lang.BN].of_length(1)[1:], s.spans[Lang.EN].of_length(1)[1:]
            slack = p.corridor.window if self._long() else None
            self._band = BandScorer(s, coarse_corridor(bn, en, p.corridor), slack)
        return self._band

    def _long(self) -> bool:
        return self._params.is_long(self._scorer.n, self._scorer.m)

    def _progress(self) -> bool:
        if not self._long():
            return False
        return self._params.progress if self._params.progress is not None else sys.stderr.isatty()


def make_search(scorer: BeadScorer, params: SearchParams) -> Search:
    """The search `params.mode` asks for; `auto` goes by the document's size."""
    corridor = params.mode is SearchMode.CORRIDOR or (
        params.mode is SearchMode.AUTO and params.is_long(scorer.n, scorer.m)
    )
    return CorridorSearch(scorer, params) if corridor else FullSearch(scorer)
