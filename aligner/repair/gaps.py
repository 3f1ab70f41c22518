"""Pair the sentences that the path left alone between two pairs.

In a monotone alignment, a Bangla sentence and an English one that stand alone between
the same two pairs have no other partner: anything they could pair with is already on
the far side of a pair. In a long document on one subject (a review article, a Wikipedia
page) every sentence's neighbours are close in meaning, so a true translation's margin
over them can fall under the search's `threshold` and the path leaves both alone. Such a
gap is paired when the two sentences still relate (`gap_floor`, a bar under the
threshold): a sentence with no translation beside one of the other language rarely does.

A gap of up to `gap_sentences` sentences a side is aligned again on its own, at that
bar: 1-1, 1-2 and 2-1 beads and sentences left alone, in order, the beads whose margins
rise most above the bar. A merged bead needs each of its members to clear the bar on
its own and the two together to beat either: the translator split or joined a sentence
(`OSHA considers ... high exposure risk, which increases to very high ...` against two
Bangla sentences), where a member without a translation would fall under it.

Two sentences a side at most, by default: with three, one sentence against three pairs a
neighbour on the same subject as readily as its translation at a bar under the threshold.

A pair whose two sides both hold numbers or `@handles` and share none of them is no pair
here, whatever its margin (`kept.py`: a translation keeps them): two lines that each lack
a translation, side by side (`... took place at about 02:30 BST ...` against `... 40
এর কোঠার বয়সী ...`). Coherent tuning set 0.9787 -> 0.9790, threads 0.9418 -> 0.9421, the
others unchanged.

Only gaps whose sentences stand next to each other in the path are filled (page furniture
around them stays where it is), never at the ends of the document, where unrelated lines
(titles, headline lists) gather.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from aligner.embed.base import Encoder
from aligner.repair.cuts import PairJudge
from aligner.repair.kept import kept_tokens
from aligner.repair.params import RepairParams
from aligner.types import Alignment, Bead, Lang, Segment

_BEADS = ((1, 1), (1, 2), (2, 1))  # (Bangla, English) sentences of a pair in a gap


@dataclass(frozen=True, slots=True)
class _Gap:
    """Path positions `first`..`last` (content beads, next to each other) and the
    sentences there, each side in order and consecutive."""

    first: int
    last: int
    bn: tuple[Segment, ...]
    en: tuple[Segment, ...]

    def spans(self) -> list[tuple[int, int, int, int]]:
        """Every pair the gap may hold: (first Bangla, count, first English, count)."""
        return [(i, a, j, b) for a, b in _BEADS
                for i in range(len(self.bn) - a + 1) for j in range(len(self.en) - b + 1)]


def fill_gaps(
    alignment: Alignment, encoder: Encoder, scorer: PairJudge, floor: float, most: int = 2,
    kept_digits: int | None = RepairParams().kept_min_digits,
) -> Alignment:
    """The alignment with the sentences left alone between two pairs (up to `most` a side)
    paired where they relate at `floor` or more and their kept tokens (numbers of
    `kept_digits` digits or more, `@handles`; None: not read) do not disagree."""
    gaps = _gaps(alignment, most)
    if not gaps:
        return alignment
    rows = [(g, span) for g in gaps for span in g.spans()]
    sides = [(_joined(g.bn, i, a), _joined(g.en, j, b)) for g, (i, a, j, b) in rows]
    texts = list(dict.fromkeys(t for pair in sides for t in pair))
    vectors = dict(zip(texts, encoder.encode(texts)))
    margins = scorer.pair_margins(
        np.stack([vectors[bn] for bn, _ in sides]), np.stack([vectors[en] for _, en in sides]),
        near=([g.bn[i].index for g, (i, _, _, _) in rows], [g.en[j].index for g, (_, _, j, _) in rows]),
    )
    found: dict[_Gap, dict[tuple[int, int, int, int], float]] = {g: {} for g in gaps}
    for (gap, span), margin, pair in zip(rows, margins, sides):
        disagree = kept_digits is not None and _tokens_disagree(*pair, kept_digits)
        found[gap][span] = -np.inf if disagree else float(margin)
    replaced = {g.first: (g.last, beads) for g in gaps if (beads := _realign(g, found[g], floor)) is not None}
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


def _realign(gap: _Gap, margins: dict[tuple[int, int, int, int], float], floor: float) -> list[Bead] | None:
    """The gap's beads in order, the pairs' margins above `floor` summed at their most; None
    where no pair clears it."""
    m, n = len(gap.bn), len(gap.en)
    pairs = [span for span in margins if _allowed(span, margins, floor)]
    best: dict[tuple[int, int], tuple[float, list[tuple[int, int, int, int]]]] = {(0, 0): (0.0, [])}
    for i in range(m + 1):
        for j in range(n + 1):
            if (i, j) not in best:
                continue
            value, path = best[(i, j)]
            steps = [(i, 1, j, 0), (i, 0, j, 1), *(s for s in pairs if s[0] == i and s[2] == j)]
            for span in steps:
                to = (i + span[1], j + span[3])
                gain = margins[span] - floor if span in margins else 0.0
                if to[0] <= m and to[1] <= n and (to not in best or value + gain > best[to][0]):
                    best[to] = (value + gain, [*path, span])
    _, path = best[(m, n)]
    if not any(a and b for _, a, _, b in path):
        return None
    return [_bead(gap, span, margins.get(span, 0.0)) for span in path]


def _allowed(span: tuple[int, int, int, int], margins: dict[tuple[int, int, int, int], float], floor: float) -> bool:
    """A pair clears `floor`; a merged one's members each clear it and together beat either."""
    i, a, j, b = span
    if margins[span] < floor:
        return False
    if a == b == 1:
        return True
    members = [margins[(i + x, 1, j, 1)] for x in range(a)] if a == 2 else [margins[(i, 1, j + x, 1)] for x in range(b)]
    return min(members) >= floor and margins[span] > max(members)


def _tokens_disagree(bn: str, en: str, min_digits: int) -> bool:
    """Both sides hold numbers or `@handles` (`kept.kept_tokens`) and share none of them."""
    mine, theirs = kept_tokens(bn, min_digits), kept_tokens(en, min_digits)
    return bool(mine and theirs and not mine & theirs)


def _bead(gap: _Gap, span: tuple[int, int, int, int], score: float) -> Bead:
    i, a, j, b = span
    bn, en = tuple(s.index for s in gap.bn[i : i + a]), tuple(s.index for s in gap.en[j : j + b])
    return Bead(bn, en, score if bn and en else 0.0)


def _joined(segments: tuple[Segment, ...], first: int, count: int) -> str:
    return " ".join(s.text for s in segments[first : first + count])


def _gaps(alignment: Alignment, most: int) -> list[_Gap]:
    """The gaps between two pairs whose content (beads of more than furniture) is 1 to
    `most` consecutive sentences a side, next to each other in the path."""
    beads = alignment.beads
    pairs = [k for k, b in enumerate(beads) if b.is_pair]
    found = []
    for p, q in zip(pairs, pairs[1:]):
        content = [k for k in range(p + 1, q) if not _furniture(alignment, beads[k])]
        if not content or content[-1] - content[0] != len(content) - 1:
            continue
        segments = [s for k in content for s in alignment.segments(beads[k])]
        bn = tuple(sorted((s for s in segments if s.lang is Lang.BN), key=lambda s: s.index))
        en = tuple(sorted((s for s in segments if s.lang is Lang.EN), key=lambda s: s.index))
        if 1 <= len(bn) <= most and 1 <= len(en) <= most and _consecutive(bn) and _consecutive(en):
            found.append(_Gap(content[0], content[-1], bn, en))
    return found


def _consecutive(segments: tuple[Segment, ...]) -> bool:
    return all(b.index == a.index + 1 for a, b in zip(segments, segments[1:]))


def _furniture(alignment: Alignment, bead: Bead) -> bool:
    return all(s.boilerplate for s in alignment.segments(bead))
