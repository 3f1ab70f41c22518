"""Trim a pair whose one side holds a sentence the other side lacks.

A line typed without a stop (a headline, a caption) runs into the next sentence, and when
only one language has that line, one side of the pair carries words the other lacks. The
lengths give it away: a translation's length keeps close to the original's (RisingNews:
0.57 to 1.38 Bangla characters per English one, median 0.88), so a 1-1 pair whose ratio
is `trim_length_factor` (`RepairParams`) or more off the article's median is checked. Its long side is cut at
the word gaps (English: sentence starts, see `cuts.cut_points`) nearest the place where
the kept part would have the expected length, counted from either end, and at the Bangla
gap after a finite verb nearest those places (coherent tuning set 0.9798 -> 0.9819,
unstopped paragraph-sized 0.8703 -> 0.8738, the others unchanged); the cut stands
when the kept part pairs better than the whole by `trim_gain` and the rest does not pair
(its margin is under `split_floor`, the bar for a good pair). The rest is left unpaired.
"""
from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from aligner.embed.base import Encoder
from aligner.repair.cuts import Cut, PairJudge, cut_points, piece_margins, pieces, verb_ends_unit
from aligner.repair.params import RepairParams
from aligner.types import ONE_TO_ONE, Alignment, Lang, Segment


def trims(
    alignment: Alignment, encoder: Encoder, scorer: PairJudge, params: RepairParams = RepairParams(),
    skip: Collection[int] = (),
) -> list[Cut]:
    """Cuts that trim the 1-1 pairs (bead positions not in `skip`) with words to spare.

    The pieces of every candidate pair are embedded in one call (many small calls cost
    the engine more than one large one)."""
    median = median_ratio(alignment, params)
    candidates = []
    for k, bead in enumerate(alignment.beads):
        if bead.kind != ONE_TO_ONE or k in skip:
            continue
        bn, en = alignment.bn[bead.bn[0]], alignment.en[bead.en[0]]
        ratio = len(bn.text) / max(len(en.text), 1) / median
        if ratio >= params.trim_length_factor:
            candidate = _Trim(k, bn, en, bead.score, _offsets(bn.text, bn.lang, len(en.text) * median, params))
        elif ratio <= 1 / params.trim_length_factor:
            candidate = _Trim(k, en, bn, bead.score, _offsets(en.text, en.lang, len(bn.text) / median, params))
        else:
            continue
        if candidate.offsets:
            candidates.append(candidate)
    if not candidates:
        return []
    texts = list(dict.fromkeys(t for c in candidates for t in (*c.heads, *c.tails, c.short.text)))
    vectors = dict(zip(texts, encoder.encode(texts)))
    cuts = [_judge(c, vectors, scorer, params) for c in candidates]
    return [c for c in cuts if c is not None]


@dataclass(frozen=True, slots=True)
class _Trim:
    bead: int
    long: Segment
    short: Segment
    whole: float
    offsets: tuple[int, ...]

    @property
    def heads(self) -> list[str]:
        return [pieces(self.long.text, o)[0] for o in self.offsets]

    @property
    def tails(self) -> list[str]:
        return [pieces(self.long.text, o)[1] for o in self.offsets]


def off_median(bn_chars: int, en_chars: int, median: float) -> float:
    """How far a Bangla/English length ratio is from the article's `median`: |log(ratio / median)|."""
    return abs(math.log(max(bn_chars, 1) / max(en_chars, 1) / median))


def median_ratio(alignment: Alignment, params: RepairParams = RepairParams()) -> float:
    """The article's median Bangla/English length ratio over its 1-1 pairs (too few: RisingNews's)."""
    ratios = [
        len(alignment.bn[b.bn[0]].text) / max(len(alignment.en[b.en[0]].text), 1)
        for b in alignment.beads
        if b.kind == ONE_TO_ONE
    ]
    return float(np.median(ratios)) if len(ratios) >= params.trim_few_ratios else params.trim_default_ratio


def _offsets(text: str, lang: Lang, expected: float, params: RepairParams) -> tuple[int, ...]:
    """Cut points nearest where the kept part would have the expected length, from either
    end; in Bangla also the gaps after a finite verb nearest those places (`trim_verb_gaps`):
    the sentence the other side lacks ends with its verb, a word or two off the place its
    length gives (`... বহুগুণ হয়ে গেছে | এটি গর্ভবতী ...`)."""
    points = cut_points(text, lang, params.cut_min_words, params.cut_name_gaps)
    verbs = [o for o in points if verb_ends_unit(text, o)] if lang is Lang.BN and params.trim_verb_gaps else []
    return tuple(sorted({
        o for place in (expected, len(text) - expected)
        for o in (*sorted(points, key=lambda o: abs(o - place))[: params.trim_nearest],
                  *sorted(verbs, key=lambda o: abs(o - place))[: params.trim_verb_gaps])
    }))


def _judge(c: _Trim, vectors: dict, scorer: PairJudge, params: RepairParams) -> Cut | None:
    heads, tails = c.heads, c.tails
    margins = piece_margins(
        scorer, c.long.lang, np.stack([vectors[t] for t in heads + tails]), vectors[c.short.text],
        c.long.index, c.short.index,
    )
    head, tail = margins[: len(heads)], margins[len(heads) :]
    best: tuple[float, int, int] | None = None  # (margin, offset index, kept piece)
    for n in range(len(heads)):
        for kept, mine, rest, words in ((0, head[n], tail[n], heads[n]), (1, tail[n], head[n], tails[n])):
            good = mine >= c.whole + params.trim_gain and rest < scorer.params.split_floor
            if good and len(words.split()) >= params.trim_min_kept_words and (best is None or mine > best[0]):
                best = (float(mine), n, kept)
    if best is None:
        return None
    margin, n, kept = best
    return Cut(c.bead, c.bead, ((c.long.lang, c.long.index, c.offsets[n]),), (margin, 0.0), kept=kept)
