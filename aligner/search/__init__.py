"""Bead values in, the path out: the best monotone sequence of beads.

    dp.py (the exact DP over the full grid)
    coarse.py -> corridor.py -> band_scoring.py -> banded_dp.py (long documents: a coarse
        path, the corridor around it, its margins and values, the DP on the band only)
    local_search.py (a later round re-solved only around the spans that changed)
    strategy.py (`Search`, the one protocol the aligner sees; `make_search` picks the full
        DP or the corridor)

In: a `BeadScorer` and the bead kinds. Out: the path (a list of `BeadKind`) and each pair
bead's margin.
"""
from aligner.search.coarse import CorridorParams
from aligner.search.strategy import (
    CorridorSearch,
    FullSearch,
    Search,
    SearchMode,
    SearchParams,
    make_search,
)

__all__ = ["CorridorParams", "CorridorSearch", "FullSearch", "Search", "SearchMode", "SearchParams", "make_search"]
