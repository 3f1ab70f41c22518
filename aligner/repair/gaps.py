"""Pair the one sentence of each language that the path left alone between two pairs.

In a monotone alignment, a Bangla sentence and an English one that stand alone between
the same two pairs have no other partner: anything they could pair with is already on
the far side of a pair. In a long document on one subject (a review article, a Wikipedia
page) every sentence's neighbours are close in meaning, so a true translation's margin
over them can fall under the search's `threshold` and the path leaves both alone. Such a
gap is paired when the two sentences still relate (`gap_floor`, a bar under the
threshold): a sentence with no translation beside one of the other language rarely does.

Only a gap of exactly one sentence a side is filled, and only where the two stand next to
each other in the path (page furniture around them stays where it is), never at the ends
of the document, where unrelated lines (titles, headline lists) gather.
"""
from __future__ import annotations

from aligner.embed.base import Encoder
from aligner.repair.cuts import PairJudge
from aligner.types import Alignment, Bead


def fill_gaps(alignment: Alignment, encoder: Encoder, scorer: PairJudge, floor: float) -> Alignment:
    """The alignment with each lone sentence pair between two pairs joined where its margin
    is `floor` or more."""
    beads = alignment.beads
    gaps = _lone_pairs(alignment)
    if not gaps:
        return alignment
    bn = [alignment.bn[beads[a].bn[0] if beads[a].bn else beads[b].bn[0]] for a, b in gaps]
    en = [alignment.en[beads[a].en[0] if beads[a].en else beads[b].en[0]] for a, b in gaps]
    margins = scorer.pair_margins(
        encoder.encode([s.text for s in bn]), encoder.encode([s.text for s in en]),
        near=([s.index for s in bn], [s.index for s in en]),
    )
    filled = {
        a: Bead((b_seg.index,), (e_seg.index,), float(m))
        for (a, _), b_seg, e_seg, m in zip(gaps, bn, en, margins)
        if m >= floor
    }
    if not filled:
        return alignment
    dropped = {a + 1 for a in filled}
    out = [filled.get(k, bead) for k, bead in enumerate(beads) if k not in dropped]
    return Alignment(alignment.bn, alignment.en, tuple(out))


def _lone_pairs(alignment: Alignment) -> list[tuple[int, int]]:
    """Positions (k, k + 1) of a 1-0 and a 0-1 bead, in either order, between two pairs:
    every other bead between those pairs holds only boilerplate."""
    beads = alignment.beads
    pairs = [k for k, b in enumerate(beads) if b.is_pair]
    found = []
    for p, q in zip(pairs, pairs[1:]):
        content = [k for k in range(p + 1, q) if not _furniture(alignment, beads[k])]
        if len(content) == 2 and content[1] == content[0] + 1:
            a, b = content
            if bool(beads[a].bn) != bool(beads[b].bn):  # one of each language
                found.append((a, b))
    return found


def _furniture(alignment: Alignment, bead: Bead) -> bool:
    return all(s.boilerplate for s in alignment.segments(bead))
