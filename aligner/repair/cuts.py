"""Cutting segments after alignment: where a sentence may start inside a segment, the two
pieces a cut leaves, what a cut needs of a scorer, and applying cuts (split segments in
two, re-index, re-pair)."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from aligner.repair.params import RepairParams
from aligner.score.margins import ScoreParams
from aligner.types import SHARED_STOPS, Alignment, Bead, Lang, Segment

_GAP = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
_EN_CUT = re.compile(r"(?<=[a-z0-9)])\s+(?=[A-Z])|(?<=\w)\s+(?=@\w)")  # a capital, or a reply's `@mention`
_CAPITALISED = re.compile(r"[(\"'“‘]?[A-Z]")  # a word that may continue a name
_STOPPED = re.compile(f"[{Lang.EN.stops}{SHARED_STOPS}{Lang.BN.stops}…]" r"[\"'”’)\]]*$")


def ends_with_stop(text: str) -> bool:
    """Whether `text` ends with a sentence stop (closing quotes or brackets after it)."""
    return bool(_STOPPED.search(text))


def pieces(text: str, cut: int) -> tuple[str, str]:
    """The two pieces of `text` cut at offset `cut`, each without the space at the cut: the
    texts a repair embeds to judge a cut, and those `apply_cuts` gives the new segments."""
    return text[:cut].rstrip(), text[cut:].lstrip()


class PairJudge(Protocol):
    """What refining needs of a scorer (`BeadScorer`, or `BandScorer` for long documents)."""

    params: ScoreParams

    def pair_margins(
        self, bn: np.ndarray, en: np.ndarray, near: tuple[Sequence[int], Sequence[int]] | None = None
    ) -> np.ndarray: ...


def piece_margins(
    scorer: PairJudge, lang: Lang, pieces: np.ndarray, partner: np.ndarray, piece_at: int, partner_at: int
) -> np.ndarray:
    """Margin of each piece (vectors of text in `lang`, cut from segment `piece_at`) with
    one partner vector of the other language (segment `partner_at`'s side)."""
    partners = np.repeat(partner[None, :], len(pieces), 0)
    at = ([piece_at] * len(pieces), [partner_at] * len(pieces))
    if lang is Lang.BN:
        return scorer.pair_margins(pieces, partners, near=at)
    return scorer.pair_margins(partners, pieces, near=at[::-1])


def cut_points(text: str, lang: Lang, min_words: int = RepairParams().cut_min_words) -> list[int]:
    """Every offset where a sentence may start inside `text`, leaving words either side:
    Bangla, any word gap; English, before a capitalised word that follows a lower-case one
    (not inside a name) or before an `@mention` (a post without a stop, then a reply);
    `min_words` words each side."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]  # in linear time: a
    starts = [w[0] for w in words]  # segment can be a whole megabyte line with no stop
    ends = [w[1] for w in words]
    offsets = []
    for m in (_GAP if lang is Lang.BN else _EN_CUT).finditer(text):
        before = bisect.bisect_left(starts, m.start())  # words that start before the gap
        after = len(words) - bisect.bisect_right(ends, m.end())  # words that end after it
        if before < min_words or after < min_words:
            continue
        if lang is Lang.EN and before and _CAPITALISED.match(text[slice(*words[before - 1])]):
            continue  # the word before the gap may start a name that continues
        offsets.append(m.end())
    return offsets


@dataclass(frozen=True, slots=True)
class Cut:
    """One accepted cut: path beads [first, last] become two 1-1 beads, or (`kept`) a 1-1
    bead of one piece and the other piece left unpaired."""

    first: int
    last: int
    pieces: tuple[tuple[Lang, int, int], ...]  # (language, segment index, offset) cut
    margins: tuple[float, float]
    kept: int | None = None  # 0 or 1: only that piece of the one cut segment stays paired


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
        if cut and cut.kept is not None:
            beads += _trimmed(bn, en, cut)
        elif cut:
            beads += [Bead((bn[0],), (en[0],), cut.margins[0]), Bead((bn[1],), (en[1],), cut.margins[1])]
        else:
            beads.append(Bead(tuple(bn), tuple(en), group[0].score))
        k += len(group)
    return Alignment(tuple(segments[Lang.BN]), tuple(segments[Lang.EN]), tuple(beads))


def _trimmed(bn: list[int], en: list[int], cut: Cut) -> list[Bead]:
    """The kept piece paired with the other side, the other piece alone, in reading order."""
    lang = cut.pieces[0][0]
    pieces = bn if lang is Lang.BN else en
    kept, rest = pieces[cut.kept], pieces[1 - cut.kept]
    if lang is Lang.BN:
        pair, alone = Bead((kept,), tuple(en), cut.margins[0]), Bead((rest,), ())
    else:
        pair, alone = Bead(tuple(bn), (kept,), cut.margins[0]), Bead((), (rest,))
    return [alone, pair] if cut.kept == 1 else [pair, alone]


def _halves(seg: Segment, cut: int) -> Sequence[Segment]:
    first, second = pieces(seg.text, cut)
    second_start = seg.start + len(seg.text) - len(second)
    return [
        Segment(first, seg.lang, seg.index, seg.start, seg.start + len(first), seg.paragraph),
        Segment(second, seg.lang, seg.index, second_start, seg.end, seg.paragraph),
    ]


def _reindexed(seg: Segment, index: int) -> Segment:
    if seg.index == index:
        return seg
    return Segment(seg.text, seg.lang, index, seg.start, seg.end, seg.paragraph, seg.boilerplate)
