"""Leave an outer member of a merged pair unpaired; which members stand across a paragraph
break; part a merged pair at the paragraph breaks both its sides share; and part one that
stands beside a lone sentence of its single side.

The path merges a sentence into its neighbour's pair when it relates to the other side on
its own (`ScoreParams.member_floor`). In a text on one subject every neighbour relates a
little, so a sentence with no translation, or one whose translation stands elsewhere, can
clear that bar. Two more signs tell such a member, and where either holds it is left
unpaired and the rest of the bead stays a pair at its own margin:

- its numbers or `@handles` are missing from the other side (`kept.py`);
- it stands across a paragraph break that the other side lacks (its side's members lie in
  two paragraphs, the other side's in one), in an article whose paragraphs agree
  (`refine.paragraphs_agree`): translators keep paragraphs, so such a merge needs more than
  a neighbour's relation. The member goes where the pair's lengths fit better without it
  (Bangla over English characters, against the article's median ratio) and its own margin
  with the other side is under the merge penalty (`ScoreParams.merge_penalty`): it does not
  earn the segment it adds.

A merged pair whose two sides break the paragraph at the same members (a 2-2 bead of two
lines each, `EN | BN | EN | BN` in an article that alternates them) is two pairs, where
paragraphs agree and each part clears the DP's own bar for a pair (`part_at_shared_breaks`).
The path can prefer the merge: the joined texts of a 2-2 are embedded for real, and a
longer text relates better to a longer one, while one of the two 1-1 pairs is weak
where the article names the same thing again (`The WHO included lopinavir/ritonavir in
the international Solidarity trial.` after an earlier sentence on the Solidarity trial).
Second TICO-19 tuning set 0.9846 -> 0.9855, the other tuning sets unchanged; held out,
two files of NTREX 0.9955 -> 0.997. Nothing is embedded that was not (parts of one
segment each are the path's own texts).

A 1-2 or 2-1 pair beside an unpaired sentence of its single side, in the same paragraph,
is two 1-1 pairs where both clear a floor (`share_with_lone`): short questions in fiction
(`A sari? A sail?` against `একটা শাড়ি?` and a lone `নাকি পাল?`) embed poorly, and the path
took the merge over a pair it scored just under its bar. No corpus text holds one (every
candidate there has a part under -0.01); nothing new is embedded.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from aligner.embed.base import Encoder
from aligner.repair.cuts import PairJudge, piece_margins
from aligner.repair.trim import median_ratio, off_median
from aligner.types import Alignment, Bead, Lang, Segment

Member = tuple[int, Lang, int]  # (bead position, side, 0 the first member or -1 the last)


def leave_out(alignment: Alignment, members: Sequence[Member], encoder: Encoder, scorer: PairJudge) -> Alignment:
    """The alignment with each given member unpaired beside the rest of its bead, which is
    scored again (its texts embedded in one call)."""
    if not members:
        return alignment
    rests = [rest(alignment.beads[k], lang, at) for k, lang, at in members]
    margins = bead_margins(alignment, rests, encoder, scorer)
    replaced = {}
    for (k, lang, at), kept, margin in zip(members, rests, margins):
        index = (alignment.beads[k].bn if lang is Lang.BN else alignment.beads[k].en)[at]
        lone = Bead((index,), ()) if lang is Lang.BN else Bead((), (index,))
        kept = Bead(kept.bn, kept.en, float(margin))
        replaced[k] = (lone, kept) if at == 0 else (kept, lone)
    beads = tuple(b for k, bead in enumerate(alignment.beads) for b in replaced.get(k, (bead,)))
    return Alignment(alignment.bn, alignment.en, beads)


def part_at_shared_breaks(alignment: Alignment, encoder: Encoder, scorer: PairJudge) -> Alignment:
    """The alignment with each merged pair whose two sides break the paragraph at the same
    members parted there, where every part clears the DP's bar for a pair
    (`ScoreParams.threshold`)."""
    found = []
    for k, bead in enumerate(alignment.beads):
        if len(bead.bn) > 1 and len(bead.en) > 1:
            bn, en = _by_paragraph(bead.bn, alignment.bn), _by_paragraph(bead.en, alignment.en)
            if len(bn) == len(en) > 1:
                found.append((k, [Bead(b, e) for b, e in zip(bn, en)]))
    if not found:
        return alignment
    margins = iter(bead_margins(alignment, [part for _, parts in found for part in parts], encoder, scorer))
    replaced = {}
    for k, parts in found:
        scored = [Bead(part.bn, part.en, float(next(margins))) for part in parts]
        if min(part.score for part in scored) >= scorer.params.threshold:
            replaced[k] = scored
    beads = tuple(b for k, bead in enumerate(alignment.beads) for b in replaced.get(k, (bead,)))
    return Alignment(alignment.bn, alignment.en, beads)


def _by_paragraph(members: tuple[int, ...], segments: Sequence[Segment]) -> list[tuple[int, ...]]:
    """A side's members in runs of one paragraph each."""
    runs: list[list[int]] = []
    for i in members:
        if runs and segments[runs[-1][-1]].paragraph == segments[i].paragraph:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [tuple(run) for run in runs]


def bead_margins(alignment: Alignment, beads: Sequence[Bead], encoder: Encoder, scorer: PairJudge) -> np.ndarray:
    """Each bead's margin, its sides' texts joined (and embedded in one call)."""
    joined = [(" ".join(alignment.bn[i].text for i in b.bn), " ".join(alignment.en[j].text for j in b.en))
              for b in beads]
    texts = list(dict.fromkeys(t for pair in joined for t in pair))
    vectors = dict(zip(texts, encoder.encode(texts)))
    return scorer.pair_margins(
        np.stack([vectors[bn] for bn, _ in joined]), np.stack([vectors[en] for _, en in joined]),
        near=([b.bn[0] for b in beads], [b.en[0] for b in beads]),
    )


def rest(bead: Bead, lang: Lang, at: int) -> Bead:
    """The bead without its first (`at` 0) or last (-1) member on side `lang`."""
    def drop(side: tuple[int, ...]) -> tuple[int, ...]:
        return side[1:] if at == 0 else side[:-1]
    return Bead(drop(bead.bn), bead.en, bead.score) if lang is Lang.BN else Bead(bead.bn, drop(bead.en), bead.score)


def across_breaks(alignment: Alignment, encoder: Encoder, scorer: PairJudge) -> list[Member]:
    """The outer members that stand across a paragraph break the other side lacks, where
    the lengths fit better without them and their own margin is under the merge penalty."""
    median = median_ratio(alignment)
    found: list[tuple[Member, Segment, list[Segment]]] = []  # with the member and the other side
    for k, bead in enumerate(alignment.beads):
        if not bead.is_pair or len(bead.bn) + len(bead.en) <= 2:
            continue
        for lang, mine, theirs in ((Lang.BN, bead.bn, bead.en), (Lang.EN, bead.en, bead.bn)):
            own, other = (alignment.bn, alignment.en) if lang is Lang.BN else (alignment.en, alignment.bn)
            if len(mine) < 2 or len({other[j].paragraph for j in theirs}) > 1:
                continue
            members, partners = [own[i] for i in mine], [other[j] for j in theirs]
            for at, beside in ((0, 1), (-1, -2)):
                if members[at].paragraph != members[beside].paragraph and _fits_without(
                    members, at, partners, lang, median
                ):
                    found.append(((k, lang, at), members[at], partners))
    if not found:
        return []
    weak = _own_margins([(m, p) for _, m, p in found], encoder, scorer) < scorer.params.merge_penalty
    first = {}  # one member a bead: the rest is scored again without it
    for (member, _, _), w in zip(found, weak):
        if w:
            first.setdefault(member[0], member)
    return list(first.values())


def _fits_without(mine: list[Segment], at: int, theirs: list[Segment], lang: Lang, median: float) -> bool:
    """Whether the Bangla/English length ratio is nearer the median without member `at`."""
    def off(own_length: int) -> float:
        return off_median(own_length, other, median) if lang is Lang.BN else off_median(other, own_length, median)
    whole, other = sum(len(s.text) for s in mine) + len(mine) - 1, sum(len(s.text) for s in theirs) + len(theirs) - 1
    return off(whole) > off(whole - len(mine[at].text) - 1)


def _own_margins(sides: list[tuple[Segment, list[Segment]]], encoder: Encoder, scorer: PairJudge) -> np.ndarray:
    """Each member's margin with the other side of its bead (the texts embedded in one call)."""
    joined = [" ".join(s.text for s in other) for _, other in sides]
    texts = list(dict.fromkeys([*(member.text for member, _ in sides), *joined]))
    vectors = dict(zip(texts, encoder.encode(texts)))
    return np.array([
        piece_margins(scorer, member.lang, vectors[member.text][None], vectors[text], member.index, other[0].index)[0]
        for (member, other), text in zip(sides, joined)
    ])


def share_with_lone(alignment: Alignment, encoder: Encoder, scorer: PairJudge, floor: float) -> Alignment:
    """The alignment with each 1-2 or 2-1 pair that stands beside a lone sentence of its
    single side, in the same paragraph, made two 1-1 pairs where both clear `floor` (the
    single with the pair's member on its side, the lone sentence with the other member):
    `একটা শাড়ি?` paired with `A sari? A sail?` beside a lone `নাকি পাল?`. A short sentence
    embeds poorly, and the path took the merge over a pair it scored under its bar."""
    found = []
    for k, bead in enumerate(alignment.beads):
        if bead.is_pair and sorted((len(bead.bn), len(bead.en))) == [1, 2]:
            parts = _with_lone(alignment, k)
            if parts:
                found.append((k, parts))
    if not found:
        return alignment
    margins = iter(bead_margins(alignment, [part for _, (_, parts) in found for part in parts], encoder, scorer))
    replaced: dict[int, list[Bead]] = {}
    for k, (lone, parts) in found:
        scored = [Bead(part.bn, part.en, float(next(margins))) for part in parts]
        if min(part.score for part in scored) >= floor and not {k, lone} & replaced.keys():
            replaced[k], replaced[lone] = scored, []
    beads = tuple(b for k, bead in enumerate(alignment.beads) for b in replaced.get(k, (bead,)))
    return Alignment(alignment.bn, alignment.en, beads)


def _with_lone(alignment: Alignment, k: int) -> tuple[int, list[Bead]] | None:
    """For the 1-2 or 2-1 pair at `k`, the lone sentence of its single side next to it in
    the same paragraph (its bead position) and the two 1-1 pairs it would make."""
    bead = alignment.beads[k]
    lang = Lang.BN if len(bead.bn) == 1 else Lang.EN
    own = alignment.bn if lang is Lang.BN else alignment.en
    single, pair = (bead.bn[0], bead.en) if lang is Lang.BN else (bead.en[0], bead.bn)
    for j in (k + 1, k - 1):
        if not 0 <= j < len(alignment.beads):
            continue
        lone = alignment.beads[j].bn if lang is Lang.BN else alignment.beads[j].en
        if alignment.beads[j].is_pair or len(lone) != 1:
            continue
        if own[lone[0]].boilerplate or own[lone[0]].paragraph != own[single].paragraph:
            continue
        first, second = (single, lone[0]) if j > k else (lone[0], single)
        sides = [(first, pair[0]), (second, pair[1])]
        return j, [Bead((a,), (b,)) if lang is Lang.BN else Bead((b,), (a,)) for a, b in sides]
    return None
