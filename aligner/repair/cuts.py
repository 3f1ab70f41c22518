"""Cutting segments after alignment: where a sentence may start inside a segment, the two
pieces a cut leaves, what a cut needs of a scorer, and applying cuts (split segments in
two, re-index, re-pair)."""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from aligner.repair.params import RepairParams
from aligner.score.margins import ScoreParams
from aligner.text.split.bangla import ends_with_verb
from aligner.types import SHARED_STOPS, Alignment, Bead, Lang, Segment

_GAP = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
# A capital (or a quotation that opens with one), or a reply's `@mention`
# An emoji, which often ends a post typed without a stop (`that is wild 😂 | The last part ...`)
EMOJI = "\u2600-\u27bf\U0001f300-\U0001faff"
_LIST_NUMBER = re.compile(r"\(\d{1,2}\)")  # a numbered list item's `(3)`
_EN_CUT = re.compile(
    rf"(?:(?<=[a-z0-9)…{EMOJI}])|(?<=[a-z0-9][\"”’])|(?<=[a-z0-9]['’][\"”]))\s+(?=[\"“]?[A-Z])|(?<=\w)\s+(?=@\w)|(?<=[{EMOJI}])\s+(?=[a-z])"
    rf"|(?<=[a-z])\s+(?={_LIST_NUMBER.pattern}\s+[A-Z])"  # a list item: `... in primary care | (3) Serology ...`
)
_CAPITALISED = re.compile(r"[(\"'“‘]?[A-Z]")  # a word that may continue a name
# Words no English sentence or heading ends with (`landed at | Haneda`, `Ambassador to |
# Italy`, `Awami League and | Member`, `Sheikh Hasina said | Bangladesh`): what follows
# them is their object or their clause, never a new unit. Since the eleventh round the
# other prepositions and the wh-words too (`came out behind | Vettel`, `death outside |
# China`, `a matter of how | Assembly Members are called`): pieces of sentences on the
# tuning sets 4% fewer (threads 784 -> 751), held-out unstopped paragraph-sized 0.9041 ->
# 0.9121, threads tuning -0.0007 (one run-on now parted no more by a lucky cut), the
# other tuning sets unchanged.
NO_END = frozenset((
    "a an the of to at in on by for with from into onto upon about as than and or but nor"
    " that which who whom whose is are was were be been being has have had will would shall"
    " should can could may might must its their his her our your my said says told"
    " including such very per via among between against through during whether without"
    " within towards toward despite after before behind under below above across around beyond"
    " near beside besides inside outside unlike amid along throughout until till how what when where why"
).split())
# Bangla words no unit ends with: a genitive (`দেশের`, `COVID-19-এর`), which the noun or
# postposition after it completes, and a conjunction (`এবং`, `ও`, `বা`, `কিন্তু`, `যে`)
BN_NO_END = re.compile(r"(?:এর|ের)$|^(?:এবং|ও|বা|অথবা|কিংবা|কিন্তু|যে)$")
# Bangla words no unit starts with after a verb: the clause goes on (`... বলেছেন | যে ...`,
# said that; `... পিট করেন | ও ভেটেলের ...`, and; `... নিশ্চিত হয়েছে | না বাতিল হয়েছে`,
# confirmed or excluded, or a tag's `..., তাই না`; a quotative `বলে`, `... শুরু করেছে | বলে
# জানিয়েছে`, said it has begun; `কিনা`, whether). Not `না,` (No, ...), which opens a reply.
BN_NO_START = re.compile(r"(?:যে|যেন|যাতে|ও|এবং|বা|অথবা|কিংবা|বলেও|বলে|কিনা|কি না)(?=[\s,]|$)|না(?=\s)")
# A code after a lower-case word ends the name it follows (`bat coronavirus | HKU5`)
_CODE = re.compile(r"[A-Z][A-Za-z-]*[0-9]")
# A quotation's attribution after it ends its unit: `...," Patton said | Saipov's team ...`
_ATTRIBUTED = re.compile(r"[,!?.][\"”’']\s+(?:\S+\s+){0,3}(?:said|says)$")
_NAME_END = re.compile(r"[A-Za-z0-9)]")  # the last character of a word that may end a name (not punctuation)
# Nor a title before its holder's name (`WHO director-general | Tedros Adhanom`, `U.S.
# president | Donald Trump`), nor a weekday (`still at hurricane strength | Sunday
# morning`) or a day's month (`on 30 | March`): a time after a lower-case word goes on its
# sentence.
TITLES = frozenset((
    "president vice-president minister secretary secretary-general director director-general"
    " chief chairman chairperson chairwoman spokesman spokeswoman spokesperson governor mayor"
    " ambassador envoy commissioner general captain coach manager officer founder professor"
    " doctor judge justice senator king queen prince princess pope premier leader counterpart"
    " colleague deputy head editor correspondent analyst economist scientist researcher"
).split())
_WEEKDAYS = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_MONTHS = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")
_STOPPED = re.compile(f"[{Lang.EN.stops}{SHARED_STOPS}{Lang.BN.stops}…]" r"[\"'”’)\]]*$")


def ends_with_stop(text: str) -> bool:
    """Whether `text` ends with a sentence stop (closing quotes or brackets after it)."""
    return bool(_STOPPED.search(text))


def verb_ends_unit(text: str, gap: int, sure: bool = False) -> bool:
    """Whether a Bangla unit may end at the word gap `gap` by its verb: the word before it
    ends like a finite verb (`bangla.ends_with_verb`, with `sure` like one of the surest
    forms) and the word after it does not go on the clause (`BN_NO_START`). With it in
    every repair that tries or prefers such gaps, and `না` among those words (`নিশ্চিত হয়েছে
    | না বাতিল হয়েছে`): TICO-19 tuning sets +0.0011 and +0.0005, fewer pieces of sentences
    in threads (704 -> 692) and unstopped paragraph-sized text (1,607 -> 1,601), the others
    unchanged. With a quotative `বলে` and `কিনা` too: coherent tuning set +0.0011, pieces on
    the TICO-19 tuning sets 655 -> 649 and 891 -> 885, the others unchanged."""
    return ends_with_verb(text, gap, sure) and not BN_NO_START.match(text, gap)


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


def cut_points(
    text: str, lang: Lang, min_words: int = RepairParams().cut_min_words,
    name_gaps: int = RepairParams().cut_name_gaps, bn_no_end: bool = False,
) -> list[int]:
    """Every offset where a sentence may start inside `text`, leaving words either side:
    Bangla, any word gap; English, before a capitalised word (or a quotation that opens
    with one) that follows a lower-case word (or the quotation mark it closes: `... of
    generosity" | Borrell also said ...`; shuffled tuning set +0.0009, the others
    unchanged; or the two marks that close a quotation inside one, `... generosity'" |
    Borrell`: unstopped paragraph-sized tuning set 0.9203 -> 0.9236, the others
    unchanged), an ellipsis `…` or an emoji, any word after an emoji, or before an
    `@mention` (a post without a
    stop, then a reply), or before a numbered list item that opens with a capital after a
    lower-case word (`... in primary care | (3) Serology ...`, not after `and` or `;`
    inside a sentence's enumeration, nor between the number and its item); `min_words`
    words each side. Not inside a name, though a closed
    bracket ends one (`(LRTI) | History`); not after a word no unit ends with, `NO_END`,
    but then inside the name that follows it, unless that word is the `said` of a
    quotation's attribution (`," Patton said | Saipov's`); not between a title or a time
    and what it names, nor before a code (`coronavirus | HKU1`); in either language not
    between two `@handles`, a group that opens one post. With `bn_no_end`, no Bangla
    gap after a word of `BN_NO_END` (`... COVID-19-এর | প্রবণতাসমূহ`). Except before a
    reply's `@mention`, which marks a post however short, an `@handle` is no word of a
    piece: a piece of a post's handles and a word or two (`@mou9 @rahim48 he left` against
    `@mou9 @rahim48 তিনি`) pairs on the handles both sides share alone."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]  # in linear time: a
    starts = [w[0] for w in words]  # segment can be a whole megabyte line with no stop
    ends = [w[1] for w in words]
    own = list(itertools.accumulate((not text.startswith("@", a) for a in starts), initial=0))  # words, not handles
    offsets = []
    for m in (_GAP if lang is Lang.BN else _EN_CUT).finditer(text):
        before = bisect.bisect_left(starts, m.start())  # words that start before the gap
        after = len(words) - bisect.bisect_right(ends, m.end())  # words that end after it
        if text.startswith("@", m.end()):  # a reply: its handles mark the post, and they count
            if before < min_words or after < min_words:
                continue
        elif own[before] < min_words or own[-1] - own[len(words) - after] < min_words:
            continue
        if bn_no_end and lang is Lang.BN and before and BN_NO_END.search(text[slice(*words[before - 1])]):
            continue
        if 0 < before < len(words) and text.startswith("@", words[before - 1][0]) and text.startswith("@", words[before][0]):
            continue  # between two `@handles`: the group opens one post
        if lang is Lang.EN and before:
            last = text[slice(*words[before - 1])]
            if _CAPITALISED.match(last) and not last.endswith(")"):
                continue  # the word before the gap may start a name that continues; `(LRTI)` has ended
            if _LIST_NUMBER.fullmatch(last):
                continue  # a list item's number and its first word: `(3) | Serology` is no end
            end = words[before - 1][1]
            if last in NO_END and not _ATTRIBUTED.search(text, max(0, end - 60), end):
                # no end here (unless it closes a quotation's attribution), but the name that follows may end the unit
                offsets += _inside_name(text, words, before, min_words, name_gaps)
                continue
            if names_what_follows(last, text, words[before][0]):
                continue
        offsets.append(m.end())
    return offsets


def names_what_follows(last: str, text: str, next_start: int) -> bool:
    """Whether the word `last` and the word at `next_start` belong together: a title and
    its holder's name, a time (a weekday; a day and its month), or a name and its code."""
    if last.lower() in TITLES or _WEEKDAYS.match(text, next_start) or _CODE.match(text, next_start):
        return True
    return last.isdigit() and bool(_MONTHS.match(text, next_start))


def _inside_name(text: str, words: list[tuple[int, int]], first: int, min_words: int, most: int) -> list[int]:
    """The gaps inside the capitalised run that starts at word `first`, after a word no
    unit ends with: the unit may end with the name (`greetings at Ganabhaban | Shashank
    Pandey, Country Manager ...`)."""
    out = []
    for k in range(first + 1, min(first + 1 + most, len(words) - min_words + 1)):
        if not _CAPITALISED.match(text[slice(*words[k])]) or not _NAME_END.match(text, words[k - 1][1] - 1):
            break  # the name has ended (a lower-case word, or punctuation: `in Banani, | Dhaka`)
        out.append(words[k][0])
    return out


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
    """New segment lists with the cut segments in two, re-indexed, and the beads to match: a
    cut's first piece pairs with the first segment of the other side, its second piece with
    the rest (one segment, or two where a segment paired with three was cut once)."""
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
            beads += [Bead((bn[0],), (en[0],), cut.margins[0]), Bead(tuple(bn[1:]), tuple(en[1:]), cut.margins[1])]
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
