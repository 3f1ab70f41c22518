"""Pair the sentences that the path left alone between two pairs.

In a monotone alignment, a Bangla sentence and an English one that stand alone between
the same two pairs have no other partner: anything they could pair with is already on
the far side of a pair. In a long document on one subject (a review article, a Wikipedia
page) every sentence's neighbours are close in meaning, so a true translation's margin
over them can fall under the search's `threshold` and the path leaves both alone. Such a
gap is paired when the two sentences still relate (`gap_floor`, a bar under the
threshold): a sentence with no translation beside one of the other language rarely does.

A gap of one sentence on one side and two on the other (`gap_two`) is the same case where
the translator split or joined a sentence (`... COVID-19 to be at high risk, which
increases if ...` / two Bangla sentences), or where one of the two has no translation:
the lone sentence is paired with the two joined, when each of them relates to it on its
own (`gap_floor`, as a merged bead's member) and the whole beats either alone; else with
the one of them that relates best.

Only gaps whose sentences stand next to each other in the path are filled (page furniture
around them stays where it is), never at the ends of the document, where unrelated lines
(titles, headline lists) gather.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aligner.embed.base import Encoder
from aligner.repair.cuts import PairJudge
from aligner.types import Alignment, Bead, Lang, Segment


@dataclass(frozen=True, slots=True)
class _Gap:
    """Path positions `first`..`last` (content beads, next to each other), and the
    sentences there: one of one language (`single`), one or two of the other (`others`,
    in order, consecutive)."""

    first: int
    last: int
    single: Segment
    others: tuple[Segment, ...]

    def bead(self, others: tuple[Segment, ...], score: float) -> Bead:
        single, partner = (self.single.index,), tuple(s.index for s in others)
        return Bead(single, partner, score) if self.single.lang is Lang.BN else Bead(partner, single, score)


def fill_gaps(alignment: Alignment, encoder: Encoder, scorer: PairJudge, floor: float, two: bool = True) -> Alignment:
    """The alignment with the sentences left alone between two pairs joined where they
    relate at `floor` or more (`two`: also one sentence against two)."""
    gaps = _gaps(alignment, two)
    if not gaps:
        return alignment
    options = [_options(g) for g in gaps]
    rows = [(g, o) for g, opts in zip(gaps, options) for o in opts]
    texts = list(dict.fromkeys(t for g, o in rows for t in (g.single.text, _joined(o))))
    vectors = dict(zip(texts, encoder.encode(texts)))
    margins = iter(_margins(scorer, vectors, rows))
    replaced: dict[int, tuple[int, list[Bead]]] = {}
    for gap, opts in zip(gaps, options):
        found = {o: float(next(margins)) for o in opts}
        chosen = _choose(found, floor)
        if chosen is not None:
            replaced[gap.first] = (gap.last, _beads(gap, chosen, found[chosen]))
    if not replaced:
        return alignment
    out: list[Bead] = []
    k = 0
    while k < len(alignment.beads):
        if k in replaced:
            last, beads = replaced[k]
            out += beads
            k = last + 1
        else:
            out.append(alignment.beads[k])
            k += 1
    return Alignment(alignment.bn, alignment.en, tuple(out))


def _options(gap: _Gap) -> list[tuple[Segment, ...]]:
    """What the single may pair with: each of the others alone, and both (their order)."""
    if len(gap.others) == 1:
        return [gap.others]
    return [gap.others[:1], gap.others[1:], gap.others]


def _choose(found: dict[tuple[Segment, ...], float], floor: float) -> tuple[Segment, ...] | None:
    """Both others where each clears `floor` alone and together they beat each; else the best
    one that clears it."""
    singles = {o: m for o, m in found.items() if len(o) == 1}
    best = max(singles, key=singles.get)
    both = next((o for o in found if len(o) == 2), None)
    if both is not None and min(singles.values()) >= floor and found[both] > singles[best]:
        return both
    return best if singles[best] >= floor else None


def _beads(gap: _Gap, chosen: tuple[Segment, ...], score: float) -> list[Bead]:
    """The pair, and an other left out standing alone on its side of it."""
    pair = gap.bead(chosen, score)
    left = [_alone(o) for o in gap.others if o not in chosen]
    return left + [pair] if left and gap.others[0] not in chosen else [pair] + left


def _alone(segment: Segment) -> Bead:
    return Bead((segment.index,), ()) if segment.lang is Lang.BN else Bead((), (segment.index,))


def _joined(others: tuple[Segment, ...]) -> str:
    return " ".join(s.text for s in others)


def _margins(scorer: PairJudge, vectors: dict[str, np.ndarray], rows: list[tuple[_Gap, tuple[Segment, ...]]]) -> np.ndarray:
    """Margin of each (gap, option) row: the single with the option's sentences joined."""
    single = np.stack([vectors[g.single.text] for g, _ in rows])
    other = np.stack([vectors[_joined(o)] for _, o in rows])
    at_single = np.array([g.single.index for g, _ in rows])
    at_other = np.array([o[0].index for _, o in rows])
    is_bn = np.array([g.single.lang is Lang.BN for g, _ in rows])
    near = (np.where(is_bn, at_single, at_other), np.where(is_bn, at_other, at_single))
    return scorer.pair_margins(
        np.where(is_bn[:, None], single, other), np.where(is_bn[:, None], other, single), near=near
    )


def _gaps(alignment: Alignment, two: bool) -> list[_Gap]:
    """The gaps between two pairs whose content (beads of more than furniture) is one
    sentence a side, or with `two`, one against two consecutive ones, next to each other
    in the path."""
    beads = alignment.beads
    pairs = [k for k, b in enumerate(beads) if b.is_pair]
    found = []
    for p, q in zip(pairs, pairs[1:]):
        content = [k for k in range(p + 1, q) if not _furniture(alignment, beads[k])]
        if not content or content[-1] - content[0] != len(content) - 1:
            continue
        segments = [s for k in content for s in alignment.segments(beads[k])]
        bn = sorted((s for s in segments if s.lang is Lang.BN), key=lambda s: s.index)
        en = sorted((s for s in segments if s.lang is Lang.EN), key=lambda s: s.index)
        if len(bn) == 1 and len(en) == 1:
            found.append(_Gap(content[0], content[-1], bn[0], tuple(en)))
        elif two and sorted((len(bn), len(en))) == [1, 2]:
            single, others = (bn[0], en) if len(bn) == 1 else (en[0], bn)
            if others[1].index == others[0].index + 1:
                found.append(_Gap(content[0], content[-1], single, tuple(others)))
    return found


def _furniture(alignment: Alignment, bead: Bead) -> bool:
    return all(s.boilerplate for s in alignment.segments(bead))
