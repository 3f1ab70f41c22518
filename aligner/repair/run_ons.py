"""Cut a pair whose two sides each run two sentences together.

A headline or caption typed without a stop runs into the next sentence, and where its
translation does the same, the path pairs the two run-ons 1-1: one bead where there are
two. Nothing in the text marks the boundary in Bangla, and in English only a capital after
a lower-case word does, which names do as well (`told Reuters`). Such a pair is long on
both sides, about two sentences' worth: only a 1-1 pair whose two segments are each at
least `run_on_long` (`RepairParams`) times the article's median paired segment of their language is tried. Its
English side is cut before a capitalised word that follows a lower-case one (`cuts.cut_points`),
its Bangla side at the word gaps nearest the same share of its length; the halves are
embedded and the best pair of cuts is kept when both half-pairs clear `split_floor`, the
bar the DP itself sets for "two good pairs are not one bead" (`score.bead_values.cuttable`), and
lose little margin against the whole.
"""
from __future__ import annotations

from collections.abc import Collection

import numpy as np

from aligner.embed.base import Encoder
from aligner.repair.cuts import Cut, PairJudge, cut_points
from aligner.repair.params import RepairParams
from aligner.types import ONE_TO_ONE, Alignment, Lang, Segment


def run_on_cuts(
    alignment: Alignment, encoder: Encoder, scorer: PairJudge, params: RepairParams = RepairParams(),
    skip: Collection[int] = (),
) -> list[Cut]:
    """Cuts that part the 1-1 pairs (bead positions not in `skip`) that run two pairs together."""
    pairs = [(k, b) for k, b in enumerate(alignment.beads) if b.kind == ONE_TO_ONE]
    if len(pairs) < params.run_on_min_pairs:
        return []
    median_bn = np.median([len(alignment.bn[b.bn[0]].text) for _, b in pairs])
    median_en = np.median([len(alignment.en[b.en[0]].text) for _, b in pairs])
    cuts = []
    for k, bead in pairs:
        bn, en = alignment.bn[bead.bn[0]], alignment.en[bead.en[0]]
        if k in skip or len(bn.text) < params.run_on_long * median_bn or len(en.text) < params.run_on_long * median_en:
            continue
        cut = _try_cut(k, bn, en, bead.score, encoder, scorer, params)
        if cut is not None:
            cuts.append(cut)
    return cuts


def _candidates(bn: Segment, en: Segment, params: RepairParams) -> list[tuple[int, int]]:
    """(Bangla offset, English offset) pairs of cuts at about the same share of each side."""
    middle = len(en.text) / 2
    en_offsets = sorted(_cut_points(en.text, Lang.EN, params), key=lambda o: abs(o - middle))[: params.run_on_en_cuts]
    bn_gaps = _cut_points(bn.text, Lang.BN, params)
    out = []
    for e in en_offsets:
        expected = e / len(en.text) * len(bn.text)
        out += [(b, e) for b in sorted(bn_gaps, key=lambda g: abs(g - expected))[: params.run_on_bn_cuts]]
    return out


def _cut_points(text: str, lang: Lang, params: RepairParams) -> list[int]:
    return [
        o for o in cut_points(text, lang, params.cut_min_words)
        if min(len(text[:o].split()), len(text[o:].split())) >= params.run_on_min_words
    ]


def _halves(encoder: Encoder, text: str, offsets: list[int]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Offset -> (vector of the text before it, vector of the text after it)."""
    vectors = encoder.encode([piece for o in offsets for piece in (text[:o].rstrip(), text[o:].lstrip())])
    return {o: (vectors[2 * n], vectors[2 * n + 1]) for n, o in enumerate(offsets)}


def _try_cut(
    k: int, bn: Segment, en: Segment, whole: float, encoder: Encoder, scorer: PairJudge, params: RepairParams
) -> Cut | None:
    candidates = _candidates(bn, en, params)
    if not candidates:
        return None
    bn_halves = _halves(encoder, bn.text, sorted({b for b, _ in candidates}))
    en_halves = _halves(encoder, en.text, sorted({e for _, e in candidates}))
    near = ([bn.index] * len(candidates), [en.index] * len(candidates))
    heads, tails = (
        scorer.pair_margins(
            np.stack([bn_halves[b][part] for b, _ in candidates]),
            np.stack([en_halves[e][part] for _, e in candidates]),
            near=near,
        )
        for part in (0, 1)
    )
    best = int(np.argmax(np.minimum(heads, tails)))
    if min(heads[best], tails[best]) <= scorer.params.split_floor or (heads[best] + tails[best]) / 2 < whole - params.run_on_tolerance:
        return None
    b, e = candidates[best]
    return Cut(k, k, ((Lang.BN, bn.index, b), (Lang.EN, en.index, e)), (float(heads[best]), float(tails[best])))
