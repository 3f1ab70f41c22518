"""A merged pair's outer member across a paragraph break the other side lacks, and a merged
pair parted at the breaks both its sides share (`repair/members.py`)."""
from __future__ import annotations

import numpy as np

from aligner.repair.members import across_breaks, leave_out, part_at_shared_breaks, share_with_lone
from aligner.types import Alignment, Bead, Lang, Segment
from conftest import CosineJudge

BN = ["মন্ত্রী বলেছেন, নতুন সেতুটি আগামী বছর খুলে দেওয়া হবে।"]
EN = ["Traffic on the old bridge has doubled in five years.",  # the end of the paragraph before
      "The minister said the new bridge would open next year."]


class Vectors:
    """The Bangla sentence at cosine `member` with the first English one, 0.8 with the second."""

    def __init__(self, member: float):
        self.vectors = {BN[0]: np.array([1.0, 0.0, 0.0]), EN[1]: np.array([0.8, 0.6, 0.0]),
                        EN[0]: np.array([member, 0.0, np.sqrt(1 - member**2)])}

    def encode(self, texts):
        return np.stack([self.vectors.get(t, np.array([0.8, 0.6, 0.0])) for t in texts])


def _alignment(en_paragraphs: tuple[int, int]) -> Alignment:
    bn = (Segment(BN[0], Lang.BN, 0, 0, len(BN[0]), 3),)
    en = tuple(Segment(t, Lang.EN, k, 0, len(t), p) for k, (t, p) in enumerate(zip(EN, en_paragraphs)))
    return Alignment(bn, en, (Bead((0,), (0, 1), 0.2),))


def test_a_weak_member_across_a_paragraph_break_leaves_the_pair():
    alignment = _alignment((0, 1))
    found = across_breaks(alignment, Vectors(0.02), CosineJudge())
    assert found == [(0, Lang.EN, 0)]
    out = leave_out(alignment, found, Vectors(0.02), CosineJudge())
    assert [(b.bn, b.en) for b in out.beads] == [((), (0,)), ((0,), (1,))]
    assert out.beads[1].score == 0.8  # the rest, scored again


def test_a_member_that_relates_or_shares_the_paragraph_stays():
    assert across_breaks(_alignment((0, 1)), Vectors(0.3), CosineJudge()) == []  # clears the merge penalty
    assert across_breaks(_alignment((1, 1)), Vectors(0.02), CosineJudge()) == []  # no break between them


def test_a_member_the_lengths_call_for_stays():
    # the Bangla is as long as both English sentences: one translation of the two
    long_bn = BN[0] + " গত পাঁচ বছরে পুরোনো সেতুতে যানবাহনের চাপ দ্বিগুণ হয়েছে।"
    bn = (Segment(long_bn, Lang.BN, 0, 0, len(long_bn), 3),)
    en = tuple(Segment(t, Lang.EN, k, 0, len(t), k) for k, t in enumerate(EN))
    vectors = Vectors(0.02)
    vectors.vectors[long_bn] = vectors.vectors[BN[0]]
    assert across_breaks(Alignment(bn, en, (Bead((0,), (0, 1), 0.2),)), vectors, CosineJudge()) == []


# Two lines of each language, alternating (`EN | BN | EN | BN`), that the path paired 2-2
SHARED_BN = ["গবেষকরা ওষুধটি বদলে নতুন যৌগ খুঁজছেন।", "WHO আন্তর্জাতিক পরীক্ষায় ওষুধটি অন্তর্ভুক্ত করে।"]
SHARED_EN = ["Researchers are modifying the drug to find a new compound.",
             "The WHO included the drug in the international trial."]


class Lines:
    """Each line at cosine 1 with its own translation and `across` with the other."""

    def __init__(self, second: float):
        self.vectors = {SHARED_BN[0]: np.array([1.0, 0.0]), SHARED_EN[0]: np.array([1.0, 0.0]),
                        SHARED_BN[1]: np.array([0.0, 1.0]), SHARED_EN[1]: np.array([np.sqrt(1 - second**2), second])}

    def encode(self, texts):
        return np.stack([self.vectors.get(t, np.array([np.sqrt(0.5), np.sqrt(0.5)])) for t in texts])


def _two_lines(bn_paragraphs: tuple[int, int], en_paragraphs: tuple[int, int]) -> Alignment:
    bn = tuple(Segment(t, Lang.BN, k, 0, len(t), p) for k, (t, p) in enumerate(zip(SHARED_BN, bn_paragraphs)))
    en = tuple(Segment(t, Lang.EN, k, 0, len(t), p) for k, (t, p) in enumerate(zip(SHARED_EN, en_paragraphs)))
    return Alignment(bn, en, (Bead((0, 1), (0, 1), 0.2),))


def test_a_merged_pair_is_parted_at_the_break_both_sides_share():
    out = part_at_shared_breaks(_two_lines((1, 3), (0, 2)), Lines(0.5), CosineJudge())
    assert [(b.bn, b.en) for b in out.beads] == [((0,), (0,)), ((1,), (1,))]
    assert [round(b.score, 2) for b in out.beads] == [1.0, 0.5]


def test_a_merged_pair_stays_where_a_part_is_no_pair_or_one_side_runs_on():
    assert part_at_shared_breaks(_two_lines((1, 3), (0, 2)), Lines(0.01), CosineJudge()).beads[0].bn == (0, 1)
    assert len(part_at_shared_breaks(_two_lines((1, 1), (0, 2)), Lines(0.5), CosineJudge()).beads) == 1


# Two short questions in each language; the path paired `A sari? A sail?` with the first
# Bangla one alone and left the second Bangla one unpaired beside it
LONE_BN = ["একটা শাড়ি?", "নাকি পাল?"]
LONE_EN = ["A sari?", "A sail?"]


class Questions:
    """Each Bangla question at cosine `second` (the second) or 0.9 (the first) with its English one."""

    def __init__(self, second: float):
        rest = np.sqrt(1 - second**2)
        self.vectors = {LONE_BN[0]: np.array([1.0, 0.0, 0.0]), LONE_EN[0]: np.array([0.9, np.sqrt(0.19), 0.0]),
                        LONE_BN[1]: np.array([0.0, 0.0, 1.0]), LONE_EN[1]: np.array([0.0, rest, second])}

    def encode(self, texts):
        return np.stack([self.vectors[t] for t in texts])


def _lone_alignment(lone_first: bool = False, paragraphs: tuple[int, int] = (0, 0)) -> Alignment:
    bn = tuple(Segment(t, Lang.BN, k, 0, len(t), p) for k, (t, p) in enumerate(zip(LONE_BN, paragraphs)))
    en = tuple(Segment(t, Lang.EN, k, 0, len(t), 0) for k, t in enumerate(LONE_EN))
    if lone_first:  # the single's pair the second English one's: the lone one before it
        return Alignment(bn, en, (Bead((0,), ()), Bead((1,), (0, 1), 0.2)))
    return Alignment(bn, en, (Bead((0,), (0, 1), 0.2), Bead((1,), ())))


def test_a_merged_pair_beside_a_lone_sentence_of_its_single_side_is_two_pairs():
    out = share_with_lone(_lone_alignment(), Questions(0.3), CosineJudge(), 0.0)
    assert [(b.bn, b.en) for b in out.beads] == [((0,), (0,)), ((1,), (1,))]
    assert [round(b.score, 2) for b in out.beads] == [0.9, 0.3]
    before = share_with_lone(_lone_alignment(lone_first=True), Questions(0.3), CosineJudge(), 0.0)
    assert [(b.bn, b.en) for b in before.beads] == [((0,), (0,)), ((1,), (1,))]


def test_a_lone_sentence_that_does_not_pair_or_stands_in_another_paragraph_stays_alone():
    assert share_with_lone(_lone_alignment(), Questions(-0.2), CosineJudge(), 0.0) == _lone_alignment()
    apart = _lone_alignment(paragraphs=(0, 1))
    assert share_with_lone(apart, Questions(0.3), CosineJudge(), 0.0) == apart
