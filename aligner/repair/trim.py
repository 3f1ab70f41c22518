"""Trim a pair whose one side holds a sentence the other side lacks.

A line typed without a stop (a headline, a caption) runs into the next sentence, and when
only one language has that line, one side of the pair carries words the other lacks. The
lengths give it away: a translation's length keeps close to the original's (RisingNews:
0.57 to 1.38 Bangla characters per English one, median 0.88), so a 1-1 pair whose ratio
is `trim_length_factor` (`RepairParams`) or more off the article's median is checked. Its long side is cut at
the word gaps (English: sentence starts, see `cuts.cut_points`) nearest the place where
the kept part would have the expected length, counted from either end; the cut stands
when the kept part pairs better than the whole by `trim_gain` and the rest does not pair
(its margin is under `split_floor`, the bar for a good pair). The rest is left unpaired.
"""
from __future__ import annotations

from collections.abc import Collection

import numpy as np

from aligner.embed.base import Encoder
from aligner.repair.cuts import Cut, PairJudge, cut_points, piece_margins
from aligner.repair.params import RepairParams
from aligner.types import ONE_TO_ONE, Alignment, Segment


def trims(
    alignment: Alignment, encoder: Encoder, scorer: PairJudge, params: RepairParams = RepairParams(),
    skip: Collection[int] = (),
) -> list[Cut]:
    """Cuts that trim the 1-1 pairs (bead positions not in `skip`) with words to spare."""
    median = _median_ratio(alignment, params)
    cuts = []
    for k, bead in enumerate(alignment.beads):
        if bead.kind != ONE_TO_ONE or k in skip:
            continue
        bn, en = alignment.bn[bead.bn[0]], alignment.en[bead.en[0]]
        ratio = len(bn.text) / max(len(en.text), 1) / median
        if ratio >= params.trim_length_factor:
            cut = _try_trim(k, bn, en, len(en.text) * median, bead.score, encoder, scorer, params)
        elif ratio <= 1 / params.trim_length_factor:
            cut = _try_trim(k, en, bn, len(bn.text) / median, bead.score, encoder, scorer, params)
        else:
            continue
        if cut is not None:
            cuts.append(cut)
    return cuts


def _median_ratio(alignment: Alignment, params: RepairParams) -> float:
    ratios = [
        len(alignment.bn[b.bn[0]].text) / max(len(alignment.en[b.en[0]].text), 1)
        for b in alignment.beads
        if b.kind == ONE_TO_ONE
    ]
    return float(np.median(ratios)) if len(ratios) >= params.trim_few_ratios else params.trim_default_ratio


def _try_trim(
    k: int, long: Segment, short: Segment, expected: float, whole: float, encoder: Encoder, scorer: PairJudge,
    params: RepairParams,
) -> Cut | None:
    text = long.text
    points = cut_points(text, long.lang, params.cut_min_words)
    offsets = sorted({
        o for place in (expected, len(text) - expected)
        for o in sorted(points, key=lambda o: abs(o - place))[: params.trim_nearest]
    })
    if not offsets:
        return None
    heads = [text[:o].rstrip() for o in offsets]
    tails = [text[o:].lstrip() for o in offsets]
    vectors = encoder.encode(heads + tails)
    partner = encoder.encode([short.text])[0]
    margins = piece_margins(scorer, long.lang, vectors, partner, long.index, short.index)
    head, tail = margins[: len(offsets)], margins[len(offsets) :]
    best: tuple[float, int, int] | None = None  # (margin, offset index, kept piece)
    for n in range(len(offsets)):
        for kept, mine, rest, words in ((0, head[n], tail[n], heads[n]), (1, tail[n], head[n], tails[n])):
            good = mine >= whole + params.trim_gain and rest < scorer.params.split_floor
            if good and len(words.split()) >= params.trim_min_kept_words and (best is None or mine > best[0]):
                best = (float(mine), n, kept)
    if best is None:
        return None
    margin, n, kept = best
    return Cut(k, k, ((long.lang, long.index, offsets[n]),), (margin, 0.0), kept=kept)
