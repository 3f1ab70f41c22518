"""Cut a sentence the splitter could not cut, where the alignment shows two sentences.

A headline typed without a full stop runs into the next sentence, and Bangla has no
capital letters to show where the next one starts. When the path pairs such a segment
with two segments of the other language (a 1-2 or 2-1 bead), the translation tells us
there are two sentences inside. We try a few cut points (Bangla: the word gaps nearest
the length ratio of the two translations; English: before a capitalised word that
follows a lower-case word), embed the two halves of each, and keep the best cut when both
halves pair well on their own.

A Bangla segment that the path pairs with three English sentences (a 1-3 bead) holds three
units run together, as a post, a heading or a caption typed without a stop runs into the
next: it is cut once between the first English sentence and the other two (joined), and
the 1-2 pair that leaves is cut again (`split_bangla_three`). Unstopped paragraph-sized
tuning set 0.8840 -> 0.8886, paragraph-sized 0.9842 -> 0.9873, threads 0.9451 -> 0.9454,
the others unchanged. Not an English segment paired with three Bangla ones: an English
sentence that a translator gave three Bangla sentences is no run-on, and cutting it there
made pieces of sentences on both TICO-19 tuning sets (251 -> 257, 339 -> 348) for threads
+0.0011.

A segment whose writer joined two clauses with punctuation (`a, b`, `a; b`) where the
translations part is a real merged sentence: where the cut at a clause mark near the
expected point pairs about as well as the best cut (`split_junction_slack`), it stays
whole, as a 1-2 / 2-1 bead; where the mark sits just where the translations' lengths put
the cut (`split_junction_sure`), nothing is embedded to ask. A clause mark a few words off the best cut is inside one of
the two sentences (`..., Lee said | Earlier this year ...`), and the cut is made (TICO-19
tuning set +0.0008, threads +0.008, coherent and shuffled unchanged; with no such test,
every clause mark near the cut kept the segment whole). So does a segment whose
two translations stand in different paragraphs, where paragraphs are evidence at all
(`paragraphs_agree`). In a text typed without stops (a reply thread,
`run_on_stopless_share`) no clause mark keeps a segment whole: its units end without a
stop, and a comma inside one is near any cut (thread tuning articles 0.9235 -> 0.9261,
held-out 0.879 -> 0.886; prose unchanged).

A Bangla cut after a word that ends like a finite verb is taken where its halves pair
within `split_verb_slack` of the best cut: a Bangla sentence ends with its verb, and a
cut a word or two off it pairs almost as well (`... অতীতেও এটা করেছে | রি ...`; coherent
tuning set 0.9737 -> 0.9769). Not in a thread, whose segments mostly end without a stop
(`run_on_stopless_share`): the English may be cut inside a post there, and the Bangla must
follow it (threads -0.0022 with the rule). Prose whose paragraphs end without a stop
(headings, captions: `run_on_stopless_paragraphs`) keeps the rule: unstopped
paragraph-sized tuning set 0.8644 -> 0.8669, the others unchanged. Finite verbs include the
auxiliaries `পারে` (can), `থাকে` (stays, is wont to) and the negative `নেই` (is not), and
a verb may close a quotation (`... হয় না” |`): 0.8669 -> 0.8703, the others unchanged.
No gap counts as a verb's where the next word goes on the clause (`cuts.verb_ends_unit`:
`নিশ্চিত হয়েছে | না বাতিল হয়েছে`, confirmed or excluded; `বলেছেন | যে`).

Two more repairs of the same cause: a 1-1 pair whose one side carries a sentence more
is trimmed (`trim.py`), and two 1-1 pairs that one side runs on while the other breaks
the paragraph are joined (`join_across_paragraphs`). The pairs that the cuts make are
trimmed too (`trim_pieces`): where the two sides of a run-on are cut, one piece may still
carry the next unit's first sentence (`... head injury` against `... চোট লাগে
যুক্তরাষ্ট্র নৌবাহিনী জানায় ... করেন।`). Thread tuning articles 0.9389 -> 0.9418, coherent
0.9780 -> 0.9787, TICO-19 0.9865 -> 0.9869, the others unchanged; four texts more on the
speed article (1,025 -> 1,029). Aligning the gaps again after it gained on none.

Last, a merged pair's outer member whose numbers or `@handles` the other side lacks is
left unpaired (`kept.py`): a line with no translation folded into its neighbour's pair;
and where paragraphs agree, so is one across a paragraph break the other side lacks, and a
merged pair whose sides break the paragraph at the same members is parted there
(`members.py`); and a merged pair beside a lone sentence of its single side becomes two
pairs where both clear `lone_floor` (`members.share_with_lone`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from aligner.embed.base import Encoder
from aligner.repair.cuts import (
    Cut, PairJudge, apply_cuts, cut_points, ends_with_stop, ends_with_verb, piece_margins, pieces, verb_ends_unit,
)
from aligner.repair.gaps import fill_gaps
from aligner.repair.kept import drop_unmatched_members
from aligner.repair.members import across_breaks, leave_out, part_at_shared_breaks, share_with_lone
from aligner.repair.params import RepairParams
from aligner.repair.run_ons import run_on_cuts, typed_without_stops, unstopped_share
from aligner.repair.trim import median_ratio, off_median, trims
from aligner.types import ONE_TO_ONE, Alignment, Bead, BeadKind, Lang, Segment

_JUNCTION = {  # clause marks that join two sentences into one
    Lang.BN: re.compile(r"(?<=[,;:—–])\s+"),
    Lang.EN: re.compile(r"(?<=[;:—–])\s+"),  # an English comma is no join: `a, B` is one sentence
}
_ONE_TO_TWO = (BeadKind(1, 2), BeadKind(2, 1))
_BANGLA_TO_THREE = BeadKind(1, 3)


def refine(
    alignment: Alignment, encoder: Encoder, scorer: PairJudge, params: RepairParams = RepairParams()
) -> Alignment:
    """The alignment with segments cut where the path shows a missed sentence boundary,
    and pairs joined where it shows a boundary that is not one."""
    kept_digits = params.kept_min_digits if params.kept_tokens else None
    alignment = fill_gaps(alignment, encoder, scorer, params.gap_floor, params.gap_sentences, kept_digits)
    paragraphs = paragraphs_agree(alignment, params.paragraph_kappa, params.paragraph_few_pairs)
    stopless = typed_without_stops(alignment, params)
    thread = unstopped_share(alignment) >= params.run_on_stopless_share  # most segments end without a stop
    floor = params.split_skip_floor_stopless if stopless else params.split_skip_floor
    floors = (floor, params.split_skip_floor_stopless, params.split_skip_floor_lengths)
    median = median_ratio(alignment, params)
    groups = _groups(alignment, encoder, scorer, floors, params.split_bangla_three, median, params.split_skip_prefer_fit)
    splits = [s for first, last in groups
              if (s := _split(alignment, first, last, paragraphs, params, stopless, thread)) is not None]
    cuts = _split_cuts(splits, encoder, scorer, params)
    cuts += trims(alignment, encoder, scorer, params, skip=_taken(cuts))
    cuts += run_on_cuts(alignment, encoder, scorer, params, skip=_taken(cuts))
    cuts.sort(key=lambda c: c.first)
    out = apply_cuts(alignment, cuts) if cuts else alignment
    if any(alignment.beads[c.first].kind == _BANGLA_TO_THREE for c in cuts):
        out = _split_again(alignment, out, encoder, scorer, params, paragraphs, stopless, thread)
    out = _more_units(alignment, out, encoder, scorer, params, stopless)
    if params.trim_pieces and cuts:  # a piece may carry a sentence its new partner lacks
        fresh = _fresh(alignment, out)
        more = trims(out, encoder, scorer, params, skip=set(range(len(out.beads))) - fresh)
        out = apply_cuts(out, sorted(more, key=lambda c: c.first)) if more else out
    if params.kept_tokens:
        out = drop_unmatched_members(out, encoder, scorer, params.kept_min_digits)
    if params.across_breaks and paragraphs:
        out = leave_out(out, across_breaks(out, encoder, scorer), encoder, scorer)
    if params.shared_breaks and paragraphs:
        out = part_at_shared_breaks(out, encoder, scorer)
    if params.lone_floor < float("inf"):
        out = share_with_lone(out, encoder, scorer, params.lone_floor)
    return join_across_paragraphs(out) if paragraphs else out


def _more_units(
    before: Alignment, after: Alignment, encoder: Encoder, scorer: PairJudge, params: RepairParams, stopless: bool
) -> Alignment:
    """In a text typed without stops, the pieces of a cut pair may hold more units: they
    are tried again, up to `run_on_rounds` rounds (a paragraph of four posts, or a list of
    four items, needs three: 3 since the tenth December round, second TICO-19 tuning set
    0.9834 -> 0.9840, unstopped paragraph-sized 0.9169 -> 0.9203, threads 0.9465 -> 0.9476).
    So are they in prose (`run_on_prose_rounds`), at unit starts only: a piece whose
    English still ends without a stop may hold another list item (TICO-19 tuning set
    0.9809 -> 0.9820, shuffled 0.9721 -> 0.9731, coherent unchanged). A colon, an opener
    or a headline is not tried again: they mark a heading's end once, and a second cut
    there splits the heading (`Russian Grand Prix: Lewis | Hamilton ...`)."""
    if not (stopless or params.run_on_prose_rounds):
        return after
    for _ in range(params.run_on_rounds - 1):
        fresh = _fresh(before, after)
        if not fresh:
            break
        old_beads = set(range(len(after.beads))) - fresh
        cuts = run_on_cuts(after, encoder, scorer, params, skip=old_beads, units_only=True)
        if not cuts:
            break
        before, after = after, apply_cuts(after, sorted(cuts, key=lambda c: c.first))
    return after


def _split_again(
    before: Alignment, after: Alignment, encoder: Encoder, scorer: PairJudge, params: RepairParams,
    paragraphs: bool, stopless: bool, thread: bool,
) -> Alignment:
    """The 1-2 pairs that cutting a Bangla segment paired with three left, cut again: three
    units run together without a stop between them, which the path pairs 1-3."""
    fresh = _fresh(before, after)
    splits = [s for k in sorted(fresh) if after.beads[k].kind in _ONE_TO_TWO
              and (s := _split(after, k, k, paragraphs, params, stopless, thread)) is not None]
    cuts = _split_cuts(splits, encoder, scorer, params)
    return apply_cuts(after, cuts) if cuts else after


def _fresh(before: Alignment, after: Alignment) -> set[int]:
    """Positions of the beads of `after` that hold a segment `before` did not have (a piece)."""
    old = {(s.lang, s.start, s.end) for s in (*before.bn, *before.en)}
    return {k for k, b in enumerate(after.beads) if any((s.lang, s.start, s.end) not in old for s in after.segments(b))}


def _taken(cuts: list[Cut]) -> set[int]:
    """Bead positions that a cut already holds: no second repair touches them."""
    return {k for c in cuts for k in range(c.first, c.last + 1)}


def paragraphs_agree(
    alignment: Alignment, least: float = RepairParams().paragraph_kappa, few: int = RepairParams().paragraph_few_pairs
) -> bool:
    """Whether the two sides break paragraphs in the same places, beyond chance.

    Between each two consecutive pairs, each side breaks the paragraph or not; Cohen's
    kappa of the two sides' breaks is about 0 where the paragraphs are unrelated (two
    files wrapped differently) and 0.4 to 1 in a bilingual article. Only where they agree
    are paragraphs evidence for `refine`.
    """
    pairs = [b for b in alignment.beads if b.is_pair]
    if len(pairs) <= few:  # too few breaks to tell: trust them, as in an article
        return True
    breaks = np.array([
        (alignment.bn[p.bn[-1]].paragraph != alignment.bn[q.bn[0]].paragraph,
         alignment.en[p.en[-1]].paragraph != alignment.en[q.en[0]].paragraph)
        for p, q in zip(pairs, pairs[1:])
    ])
    bn, en = breaks[:, 0], breaks[:, 1]
    chance = bn.mean() * en.mean() + (1 - bn.mean()) * (1 - en.mean())
    if chance == 1.0:  # neither side varies: both always or never break
        return bool(np.all(bn == en))
    return bool((np.mean(bn == en) - chance) / (1 - chance) >= least)


def join_across_paragraphs(alignment: Alignment) -> Alignment:
    """Join two 1-1 pairs where one side runs on and the other breaks the paragraph.

    The splitter cuts a run-on line where no stop marks the boundary (a headline typed
    without one, `… killings The private sector …`). If the two sentences' translations
    stand in different paragraphs while these two run on in one, with no stop between,
    the writer of this side made them one unit: the pairs become one bead.
    """
    beads = list(alignment.beads)
    out: list[Bead] = []
    k = 0
    while k < len(beads):
        if k + 1 < len(beads) and _one_unit(alignment, beads[k], beads[k + 1]):
            first, second = beads[k], beads[k + 1]
            out.append(Bead(first.bn + second.bn, first.en + second.en, (first.score + second.score) / 2))
            k += 2
        else:
            out.append(beads[k])
            k += 1
    return alignment if len(out) == len(beads) else Alignment(alignment.bn, alignment.en, tuple(out))


def _one_unit(alignment: Alignment, first: Bead, second: Bead) -> bool:
    if first.kind != ONE_TO_ONE or second.kind != ONE_TO_ONE:
        return False
    sides = (
        (alignment.bn[first.bn[0]], alignment.bn[second.bn[0]], alignment.en[first.en[0]], alignment.en[second.en[0]]),
        (alignment.en[first.en[0]], alignment.en[second.en[0]], alignment.bn[first.bn[0]], alignment.bn[second.bn[0]]),
    )
    return any(
        a.paragraph == b.paragraph and not ends_with_stop(a.text) and x.paragraph != y.paragraph
        for a, b, x, y in sides
    )


def _groups(
    alignment: Alignment, encoder: Encoder, scorer: PairJudge, floors: tuple[float, float, float], three: bool = False,
    median: float = RepairParams().trim_default_ratio, prefer_fit: bool = False,
) -> list[tuple[int, int]]:
    """Runs of path beads that together pair one segment with two: where to look for cuts.

    A 1-2 / 2-1 bead (with `three`, a 1-3 bead too: `split_bangla_three`), or a 1-1 bead
    beside a skipped segment of the same language as its partner that is itself related to
    the single segment (the DP declined the merge): its
    margin is above `floors[0]`, `split_skip_floor`, by default the DP's own bar for a merge's
    member. A run-on's margin with the part it holds is diluted by the rest, and -0.15
    finds more (coherent tuning set 0.9726 -> 0.9758, threads 0.9283 -> 0.9294), but it
    embeds 3.4% more texts and took `aligner align` over its speed bar (1.18 -> 1.33 of
    its own floor in one session), so it is not the default in prose. In a text typed
    without stops, which costs twice the embedding anyway, it is
    (`split_skip_floor_stopless`): thread tuning articles 0.9294 -> 0.9305, held-out
    0.887 -> 0.891. So it is, `floors[1]`, for a lone segment without a stop in prose: a
    heading on a line of its own whose translation runs it into the next sentence (`Obtaining
    cumulative number ... of COVID-19 cases` beside `... ব্যাপ্তি পাওয়া ইউরোপীয় ...`): second
    TICO-19 tuning set 0.9791 -> 0.9803 (-0.10: 0.9795, -0.25: 0.9791), the other sets
    unchanged, for 1% more texts embedded on the speed benchmark's article. And it is
    `floors[2]`, `split_skip_floor_lengths`, where the lengths say the single holds the lone
    segment's translation too (`_lengths_fit`): a short sentence's margin with a long run-on
    is diluted by the rest (`That has not happened yet.` beside `... ঘোষণা করা হয় কিন্তু
    এখনো সেটা ঘোষণা করা হয় নি।`: -0.18). Coherent tuning set 0.9819 -> 0.9851, unstopped
    paragraph-sized 0.9091 -> 0.9169, threads 0.9454 -> 0.9465, TICO-19 0.9863 -> 0.9861 and
    paragraph-sized 0.9905 -> 0.9873 (one document whose heading both sides run into the
    next sentence: a piece cut off now pairs that run-on 1-1, where the scorer saw a bigger
    bead), the others unchanged; 0.4% more texts on the speed article. A lone segment
    between two 1-1 pairs goes to the first it relates to, but to the later one where the
    lengths fit only there (`prefer_fit`, `split_skip_prefer_fit`): a sentence whose
    translation the next Bangla segment runs on (`Coronaviruses can cause pneumonia ...`
    beside `... ব্রঙ্কাইটিস) 2003 সালে আবিষ্কৃত ...`) relates to the pair before it too, on one
    subject. TICO-19 tuning sets 0.9861 -> 0.9867 and 0.9821 -> 0.9834, the others unchanged.
    """
    beads = alignment.beads
    groups: list[tuple[int, int]] = []
    k = 0
    while k < len(beads):
        bead = beads[k]
        if bead.kind in _ONE_TO_TWO or (three and bead.kind == _BANGLA_TO_THREE):
            groups.append((k, k))
        elif bead.kind == ONE_TO_ONE:
            for other in (k - 1, k + 1):
                if 0 <= other < len(beads) and (not groups or groups[-1][1] < min(k, other)):
                    if _related_skip(alignment, bead, beads[other], encoder, scorer, floors, median):
                        if other == k + 1 and prefer_fit and _fits_later(alignment, k, median):
                            continue
                        groups.append((min(k, other), max(k, other)))
                        break
        k += 1
    return groups


def _fits_later(alignment: Alignment, k: int, median: float) -> bool:
    """Whether the lone segment after the 1-1 pair at `k` fits the 1-1 pair after it by the
    lengths (`_lengths_fit`) and not the pair at `k`."""
    beads = alignment.beads
    if k + 2 >= len(beads) or beads[k + 2].kind != ONE_TO_ONE:
        return False
    skip = beads[k + 1]
    return _lengths_fit(alignment, beads[k + 2], skip, median) and not _lengths_fit(alignment, beads[k], skip, median)


def _related_skip(
    alignment: Alignment, pair: Bead, skip: Bead, encoder: Encoder, scorer: PairJudge,
    floors: tuple[float, float, float], median: float = RepairParams().trim_default_ratio,
) -> bool:
    """Whether the lone segment `skip` relates to `pair`'s segment of the other language
    above `floors[0]`, `floors[1]` where the lone segment ends without a stop, or `floors[2]`
    where the lengths say the single holds it too (`_lengths_fit`)."""
    if skip.is_pair:
        return False
    if skip.en:  # an English segment left out beside the pair: is it related to the Bangla?
        bn, en = alignment.bn[pair.bn[0]], alignment.en[skip.en[0]]
        lone = en
    else:
        bn, en = alignment.bn[skip.bn[0]], alignment.en[pair.en[0]]
        lone = bn
    if bn.boilerplate or en.boilerplate:
        return False
    floor = min(floors[:2]) if not ends_with_stop(lone.text) else floors[0]
    if _lengths_fit(alignment, pair, skip, median):
        floor = min(floor, floors[2])
    u, v = encoder.encode([bn.text]), encoder.encode([en.text])
    return bool(scorer.pair_margins(u, v, near=([bn.index], [en.index]))[0] > floor)


def _lengths_fit(alignment: Alignment, pair: Bead, skip: Bead, median: float) -> bool:
    """Whether the 1-1 `pair`'s segment of the other language than the lone segment `skip`
    (its single) is nearer the article's `median` Bangla/English length ratio against its
    partner and the lone segment together than against its partner alone."""
    bn, en = len(alignment.bn[pair.bn[0]].text), len(alignment.en[pair.en[0]].text)
    if skip.en:  # the lone segment joins the single's English partner
        joined = off_median(bn, en + len(alignment.en[skip.en[0]].text) + 1, median)
    else:
        joined = off_median(bn + len(alignment.bn[skip.bn[0]].text) + 1, en, median)
    return joined < off_median(bn, en, median)


@dataclass(frozen=True, slots=True)
class _Split:
    """A segment paired with two (path beads `first` to `last`) and where it may be cut."""

    first: int
    last: int
    single: Segment
    others: tuple[Segment, Segment]
    before: float  # the best margin among the beads
    offsets: list[int]
    junctions: set[int]
    verbs: set[int]  # Bangla offsets after a finite verb, but in a thread: preferred near the best

    @property
    def texts(self) -> list[str]:
        return [*(p for cut in self.offsets for p in self.halves(cut)), *(o.text for o in self.others)]

    def halves(self, cut: int) -> tuple[str, str]:
        return pieces(self.single.text, cut)


def _split(
    alignment: Alignment, first: int, last: int, paragraphs: bool, params: RepairParams,
    stopless: bool = False, thread: bool = False,
) -> _Split | None:
    beads = alignment.beads[first : last + 1]
    bn = [i for b in beads for i in b.bn]
    en = [j for b in beads for j in b.en]
    lang = Lang.BN if len(bn) == 1 else Lang.EN
    single = alignment.bn[bn[0]] if lang is Lang.BN else alignment.en[en[0]]
    others = [alignment.en[j] for j in en] if lang is Lang.BN else [alignment.bn[i] for i in bn]
    if paragraphs and others[0].paragraph != others[1].paragraph:  # the other side parts them
        return None
    if len(others) == 3:  # paired with three: the first cut parts the first from the other two
        second, third = others[1:]
        rest = f"{second.text} {third.text}"
        others = [others[0], Segment(rest, second.lang, second.index, second.start, third.end, second.paragraph)]
    ratio = len(others[0].text) / (len(others[0].text) + len(others[1].text))
    opener = lang is Lang.BN and bool(_OPENER_COMMA.match(others[1].text))
    offsets, junctions = _candidates(single.text, lang, ratio, params, opener)
    if stopless:  # units end without a stop there, and a clause mark inside one is near any cut
        junctions = set()
    sure = params.split_junction_sure * len(single.text)
    if not offsets or any(abs(j - ratio * len(single.text)) <= sure for j in junctions):
        return None  # a clause mark just where the translations part: one unit, nothing to embed
    before = max(b.score for b in beads if b.is_pair)
    verb_ends = single.lang is Lang.BN and not thread
    verbs = {c for c in offsets if verb_ends_unit(single.text, c)} if verb_ends else set()
    return _Split(first, last, single, (others[0], others[1]), before, offsets, junctions, verbs)


def _split_cuts(splits: list[_Split], encoder: Encoder, scorer: PairJudge, params: RepairParams) -> list[Cut]:
    """The cuts that the splits' halves bear out, all their texts embedded in one call (the
    engine batches better)."""
    texts = list(dict.fromkeys(t for s in splits for t in s.texts))
    vectors = dict(zip(texts, encoder.encode(texts))) if texts else {}
    return [c for s in splits if (c := _try_cut(s, vectors, scorer, params)) is not None]


def _try_cut(s: _Split, vectors: dict, scorer: PairJudge, params: RepairParams) -> Cut | None:
    lang = s.single.lang
    halves = [s.halves(cut) for cut in s.offsets]
    m1, m2 = (
        piece_margins(scorer, lang, np.stack([vectors[h[side]] for h in halves]), vectors[other.text],
                      s.single.index, other.index)
        for side, other in enumerate(s.others)
    )
    total = m1 + m2
    best = int(np.argmax(total))
    after_verb = [n for n, cut in enumerate(s.offsets) if cut in s.verbs]
    if after_verb and best not in after_verb:  # a Bangla sentence ends with its verb
        nearest = max(after_verb, key=lambda n: total[n])
        if total[nearest] >= total[best] - params.split_verb_slack:
            best = nearest
    at_junction = [n for n, cut in enumerate(s.offsets) if cut in s.junctions]
    if at_junction and max(total[at_junction]) >= total[best] - params.split_junction_slack:
        return None  # the writer joined the two sentences there: one unit
    if min(m1[best], m2[best]) <= scorer.params.threshold or (m1[best] + m2[best]) / 2 < s.before - params.split_tolerance:
        return None
    return Cut(s.first, s.last, ((lang, s.single.index, s.offsets[best]),), (float(m1[best]), float(m2[best])))


_LAST_WORD_START = re.compile(r"\S+$")
_OPENER_COMMA = re.compile(r"[\"“‘']?\w+,\s")  # `Traditionally, most sponsors ...`


def _opener_mark(text: str, mark: int) -> bool:
    """Whether the clause mark ending at `mark` follows the first word after a finite verb
    (`... কঠিন করে তুলেছে ঐতিহ্যগতভাবে, বেশিরভাগ ...`): the opener of the next sentence, not a join."""
    word = _LAST_WORD_START.search(text, max(0, mark - 40), mark - 1)
    return word is not None and word.start() > 0 and ends_with_verb(text, word.start())


def _candidates(
    text: str, lang: Lang, ratio: float, params: RepairParams = RepairParams(), opener: bool = False
) -> tuple[list[int], set[int]]:
    """Offsets where `text` may be cut (Bangla: the `split_bn_cuts` gaps nearest the expected
    cut, and the `split_verb_gaps` nearest after a finite verb within `split_verb_window`
    of it: unstopped paragraph-sized tuning set 0.8738 -> 0.8840, threads 0.9429 -> 0.9451,
    the others unchanged), and those of them that follow a clause mark near the
    expected cut (`a, b`, `a; b`): if the best cut is one of those, the writer joined two
    sentences into one, and the segment stays whole. (A clause mark a few words off the
    best cut is inside one of the two sentences: `..., Lee said | Earlier this year ...`.)
    With `opener` (the second English sentence opens with a word and a comma,
    `Traditionally, most sponsors ...`), a Bangla comma one word past a finite verb is that
    opener's, not a join (`... কঠিন করে তুলেছে ঐতিহ্যগতভাবে, বেশিরভাগ ...`): unstopped
    paragraph-sized tuning set 0.9236 -> 0.9269, the others unchanged. Without the English
    opener it stays a join: Bangla puts a subject after its verb too (`... আহ্বান জানিয়েছেন
    প্রধানমন্ত্রী, এছাড়া ...`; shuffled tuning set -0.0012 with the rule there)."""
    expected = ratio * len(text)
    window = params.split_junction_window * len(text)
    junctions = {m.end() for m in _JUNCTION[lang].finditer(text)
                 if abs(m.end() - expected) <= window and not (opener and _opener_mark(text, m.start()))}
    offsets = cut_points(text, lang, params.cut_min_words, params.cut_name_gaps)
    if lang is Lang.BN:
        near = params.split_verb_window * len(text)
        verbs = [g for g in offsets if abs(g - expected) <= near and verb_ends_unit(text, g)]
        offsets = sorted(offsets, key=lambda g: abs(g - expected))[: params.split_bn_cuts]
        offsets += sorted(verbs, key=lambda g: abs(g - expected))[: params.split_verb_gaps]
    return sorted(set(offsets) | junctions), junctions
