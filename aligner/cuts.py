"""Apply cuts to an alignment: split segments in two, re-index, and re-pair the beads."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aligner.types import Alignment, Bead, Lang, Segment


@dataclass(frozen=True, slots=True)
class Cut:
    """One accepted cut: path beads [first, last] become two 1-1 beads."""

    first: int
    last: int
    pieces: tuple[tuple[Lang, int, int], ...]  # (language, segment index, offset) cut
    margins: tuple[float, float]


def apply_cuts(alignment: Alignment, cuts: list[Cut]) -> Alignment:
    """New segment lists with the cut segments in two, re-indexed, and the beads to match."""
    cut_at = {(lang, index): offset for c in cuts for lang, index, offset in c.pieces}
    new_index: dict[Lang, list[list[int]]] = {Lang.BN: [], Lang.EN: []}
    segments: dict[Lang, list[Segment]] = {Lang.BN: [], Lang.EN: []}
    for lang, old in ((Lang.BN, alignment.bn), (Lang.EN, alignment.en)):
        for seg in old:
            offset = cut_at.get((lang, seg.index))
            parts = _halves(seg, offset) if offset is not None else [seg]
            new_index[lang].append([])
            for part in parts:
                new_index[lang][-1].append(len(segments[lang]))
                segments[lang].append(_reindexed(part, len(segments[lang])))
    by_first = {c.first: c for c in cuts}
    beads: list[Bead] = []
    k = 0
    while k < len(alignment.beads):
        cut = by_first.get(k)
        group = alignment.beads[k : (cut.last if cut else k) + 1]
        bn = [n for b in group for i in b.bn for n in new_index[Lang.BN][i]]
        en = [n for b in group for j in b.en for n in new_index[Lang.EN][j]]
        if cut:
            beads += [Bead((bn[0],), (en[0],), cut.margins[0]), Bead((bn[1],), (en[1],), cut.margins[1])]
        else:
            beads.append(Bead(tuple(bn), tuple(en), group[0].score))
        k += len(group)
    return Alignment(tuple(segments[Lang.BN]), tuple(segments[Lang.EN]), tuple(beads))


def _halves(seg: Segment, cut: int) -> Sequence[Segment]:
    first, second = seg.text[:cut].rstrip(), seg.text[cut:].lstrip()
    second_start = seg.start + len(seg.text) - len(second)
    return [
        Segment(first, seg.lang, seg.index, seg.start, seg.start + len(first), seg.paragraph),
        Segment(second, seg.lang, seg.index, second_start, seg.end, seg.paragraph),
    ]


def _reindexed(seg: Segment, index: int) -> Segment:
    if seg.index == index:
        return seg
    return Segment(seg.text, seg.lang, index, seg.start, seg.end, seg.paragraph, seg.boilerplate)
