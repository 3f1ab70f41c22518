"""Trim a pair whose one side holds a sentence the other side lacks.

A line typed without a stop (a headline, a caption) runs into the next sentence, and when
only one language has that line, one side of the pair carries words the other lacks. The
lengths give it away: a translation's length keeps close to the original's (RisingNews:
0.57 to 1.38 Bangla characters per English one, median 0.88), so a 1-1 pair whose ratio
is `_LENGTH_FACTOR` or more off the article's median is checked. Its long side is cut at
the word gaps (English: sentence starts, see `cuts.cut_points`) nearest the place where
the kept part would have the expected length, counted from either end; the cut stands
when the kept part pairs better than the whole by `_GAIN` and the rest does not pair
(its margin is under the threshold). The rest is left unpaired.
"""
from __future__ import annotations

from collections.abc import Collection

import numpy as np

from aligner.embed.base import Encoder
from aligner.repair.cuts import Cut, PairJudge, cut_points, piece_margins
from aligner.types import Alignment, Segment

_LENGTH_FACTOR = 1.3  # how far off the median Bangla/English length ratio a pair must be
_GAIN = 0.05  # margin the kept part must gain over the whole
_NEAREST = 2  # cut points tried around each expected place
_MIN_KEPT_WORDS = 3
_FEW_RATIOS = 3  # fewer 1-1 pairs than this: the median ratio is RisingNews's
_DEFAULT_RATIO = 0.88


def trims(alignment: Alignment, encoder: Encoder, scorer: PairJudge, skip: Collection[int] = ()) -> list[Cut]:
    """Cuts that trim the 1-1 pairs (bead positions not in `skip`) with words to spare."""
    median = _median_ratio(alignment)
    cuts = []
    for k, bead in enumerate(alignment.beads):
        if bead.kind != "1-1" or k in skip:
            continue
        bn, en = alignment.bn[bead.bn[0]], alignment.en[bead.en[0]]
        ratio = len(bn.text) / max(len(en.text), 1) / median
        if ratio >= _LENGTH_FACTOR:
            cut = _try_trim(k, bn, en, len(en.text) * median, bead.score, encoder, scorer)
        elif ratio <= 1 / _LENGTH_FACTOR:
            cut = _try_trim(k, en, bn, len(bn.text) / median, bead.score, encoder, scorer)
        else:
            continue
        if cut is not None:
            cuts.append(cut)
    return cuts


def _median_ratio(alignment: Alignment) -> float:
    ratios = [
        len(alignment.bn[b.bn[0]].text) / max(len(alignment.en[b.en[0]].text), 1)
        for b in alignment.beads
        if b.kind == "1-1"
    ]
    return float(np.median(ratios)) if len(ratios) >= _FEW_RATIOS else _DEFAULT_RATIO


def _try_trim(
    k: int, long: Segment, short: Segment, expected: float, whole: float, encoder: Encoder, scorer: PairJudge
) -> Cut | None:
    text = long.text
    points = cut_points(text, long.lang)
    offsets = sorted({
        o for place in (expected, len(text) - expected)
        for o in sorted(points, key=lambda o: abs(o - place))[:_NEAREST]
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
            good = mine >= whole + _GAIN and rest < scorer.params.threshold
            if good and len(words.split()) >= _MIN_KEPT_WORDS and (best is None or mine > best[0]):
                best = (float(mine), n, kept)
    if best is None:
        return None
    margin, n, kept = best
    return Cut(k, k, ((long.lang, long.index, offsets[n]),), (margin, 0.0), kept=kept)
