"""Vectors in, bead values out: how much each candidate bead is worth.

    margins.py (each bead's cosine minus its sides' neighbourhoods, scaled by the background)
    neighbours.py (the k nearest neighbours of a span, over a window of the other side)
    bead_values.py (margins to DP values: the threshold, the merge penalty and merge rules)

In: each segment's vector, the background bank and the boilerplate flags. Out: one value
matrix per bead kind for the search, and `pair_margins` for the repairs.
"""
from aligner.score.margins import BeadScorer, BeadScores, ScoreParams, SpanVectors

__all__ = ["BeadScorer", "BeadScores", "ScoreParams", "SpanVectors"]
