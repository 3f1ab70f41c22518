"""Leave out of a merged pair a sentence whose numbers or handles the other side lacks.

A sentence with no translation (a line on one side only) that stands beside a pair on the
same subject can clear the merge rules: it relates to the other side as a neighbour does.
What a translation keeps as it is tells them apart: numbers (`40%` and `৪০%`, `2,000` and
`২০০০`) and a thread's `@handles`. Where the first or last member of a merged side holds
such tokens of which the other side has none, and the rest of that side holds every one
the other side has, that member is the untranslated line (`Visits ... declined by 40%.`
folded into `North America ... saw a 50–60% drop.`, whose Bangla has the 50-60 and not
the 40; a post of another `@handle` folded into a reply). It is left unpaired, and the
rest stays a pair at its own margin.

Only numbers of two digits or more count (`kept_min_digits`): one to nine are often written as words in one
language (`two`, `দুই`) and as digits in the other; nor the digits of a name (`H1N1`). A
number counts by its significant digits, so that a change of unit keeps it (`1.7 billion`
and `১৭০ কোটি`). It
runs after the cuts of `refine`, so that a run-on side is cut before its members are
judged (a run-on holds the numbers of both its sentences).
"""
from __future__ import annotations

import re

from aligner.embed.base import Encoder
from aligner.repair.cuts import PairJudge
from aligner.repair.members import leave_out
from aligner.repair.params import RepairParams
from aligner.text.split.posts import HANDLE_WORD
from aligner.types import BN_DIGITS_AS_ASCII, Alignment, Bead, Lang

_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")  # not the digits of a name (`H1N1`, `@sk53`)


def kept_tokens(text: str, min_digits: int = RepairParams().kept_min_digits) -> frozenset[str]:
    """What a translation keeps: the numbers of `min_digits` digits or more (`50–60` is two)
    and the `@handles`. A number stands as its significant digits, Bangla digits read as 0-9, so
    that a change of unit keeps it: `40,000` and `৪০ হাজার` are both `4`, `1.7 billion` and
    `১৭০ কোটি` both `17` (a translation into lakh and crore writes such numbers anew)."""
    found = (m.group() for m in _NUMBER.finditer(text.translate(BN_DIGITS_AS_ASCII)))
    numbers = frozenset(_digits(n) for n in found if sum(ch.isdigit() for ch in n) >= min_digits)
    return numbers | frozenset(m.group().rstrip(".") for m in HANDLE_WORD.finditer(text))


def _digits(number: str) -> str:
    """The significant digits: no separators, no leading or trailing zeros (`0`: zero)."""
    return "".join(ch for ch in number if ch.isdigit()).strip("0") or "0"


def drop_unmatched_members(
    alignment: Alignment, encoder: Encoder, scorer: PairJudge, min_digits: int = RepairParams().kept_min_digits
) -> Alignment:
    """The alignment with each merged pair's outer member that holds kept tokens the other
    side lacks (while the rest holds all of the other side's) left unpaired."""
    found = [(k, *drop) for k, bead in enumerate(alignment.beads)
             if bead.is_pair and len(bead.bn) + len(bead.en) > 2 and (drop := _unmatched(alignment, bead, min_digits))]
    return leave_out(alignment, found, encoder, scorer)


def _unmatched(alignment: Alignment, bead: Bead, min_digits: int) -> tuple[Lang, int] | None:
    """(side, 0 or -1): the outer member of a merged side to leave out, if any."""
    for lang, members, others in ((Lang.BN, bead.bn, bead.en), (Lang.EN, bead.en, bead.bn)):
        if len(members) < 2:
            continue
        own, other = (alignment.bn, alignment.en) if lang is Lang.BN else (alignment.en, alignment.bn)
        mine = [kept_tokens(own[i].text, min_digits) for i in members]
        theirs = frozenset().union(*(kept_tokens(other[j].text, min_digits) for j in others))
        if not theirs:
            continue
        for at in (0, -1):
            rest = frozenset().union(*(mine[1:] if at == 0 else mine[:-1]))
            if mine[at] and not mine[at] & theirs and theirs <= rest:
                return lang, at
    return None
