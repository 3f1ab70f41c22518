"""Aligning again the few sentences left alone between two pairs (`repair/gaps.py`)."""
from __future__ import annotations

import numpy as np

from aligner.repair.gaps import fill_gaps
from aligner.types import Alignment, Bead, Lang, Segment
from conftest import CosineJudge


class _Concepts:
    """A text's vector is its bag of concepts: the digits it holds (`১` and `1` are one)."""

    name = "concepts"
    dim = 10

    def encode(self, texts):
        out = np.full((len(texts), self.dim), 0.01, dtype=np.float32)
        for row, text in enumerate(texts):
            for ch in text:
                if ch.isdigit():
                    out[row, int(ch)] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def _alignment(bn_texts, en_texts, beads, boilerplate=()) -> Alignment:
    bn = tuple(Segment(t, Lang.BN, k, 0, 0, k, ("bn", k) in boilerplate) for k, t in enumerate(bn_texts))
    en = tuple(Segment(t, Lang.EN, k, 0, 0, k, ("en", k) in boilerplate) for k, t in enumerate(en_texts))
    return Alignment(bn, en, tuple(beads))


PAIR0, PAIR2 = Bead((0,), (0,), 0.3), Bead((2,), (2,), 0.3)
BN, EN = ["বাক্য ১।", "বাক্য ২।", "বাক্য ৩।"], ["Sentence 1.", "Sentence 2.", "Sentence 3."]


def test_a_lone_sentence_a_side_between_two_pairs_is_paired():
    alignment = _alignment(BN, EN, [PAIR0, Bead((1,), ()), Bead((), (1,)), PAIR2])
    out = fill_gaps(alignment, _Concepts(), CosineJudge(), floor=0.5)
    assert [b.bn for b in out.beads] == [(0,), (1,), (2,)] and [b.en for b in out.beads] == [(0,), (1,), (2,)]
    assert out.beads[1].score > 0.9


def test_an_unrelated_lone_pair_stays_apart():
    en = ["Sentence 1.", "Sentence 7.", "Sentence 3."]  # no translation of the Bangla line
    alignment = _alignment(BN, en, [PAIR0, Bead((), (1,)), Bead((1,), ()), PAIR2])
    assert fill_gaps(alignment, _Concepts(), CosineJudge(), floor=0.5) == alignment


def test_gaps_at_the_ends_or_with_more_sentences_than_asked_are_left_alone():
    ends = _alignment(BN, EN, [Bead((0,), ()), Bead((), (0,)), Bead((1,), (1,), 0.3), Bead((2,), ()), Bead((), (2,))])
    assert fill_gaps(ends, _Concepts(), CosineJudge(), floor=0.5) == ends
    bn, en = BN + ["বাক্য ৪।"], EN + ["Sentence 4."]
    beads = [PAIR0, Bead((1,), ()), Bead((2,), ()), Bead((), (1,)), Bead((), (2,)), Bead((3,), (3,), 0.3)]
    two = _alignment(bn, en, beads)
    assert fill_gaps(two, _Concepts(), CosineJudge(), floor=0.5, most=1) == two


def test_a_gap_of_two_sentences_a_side_is_aligned_again():
    bn, en = BN + ["বাক্য ৪।"], EN + ["Sentence 4."]
    beads = [PAIR0, Bead((1,), ()), Bead((2,), ()), Bead((), (1,)), Bead((), (2,)), Bead((3,), (3,), 0.3)]
    out = fill_gaps(_alignment(bn, en, beads), _Concepts(), CosineJudge(), floor=0.5)
    assert [(b.bn, b.en) for b in out.beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]


def test_in_a_gap_each_sentence_keeps_the_partner_it_relates_to_and_the_rest_stay_alone():
    bn = ["বাক্য ১।", "বাক্য ৫।", "বাক্য ৬।", "বাক্য ৩।"]  # the first of the two has no translation
    en = ["Sentence 1.", "Sentence 6.", "Sentence 9.", "Sentence 3."]  # nor has the second
    beads = [PAIR0, Bead((1,), ()), Bead((2,), ()), Bead((), (1,)), Bead((), (2,)), Bead((3,), (3,), 0.3)]
    out = fill_gaps(_alignment(bn, en, beads), _Concepts(), CosineJudge(), floor=0.5)
    assert [(b.bn, b.en) for b in out.beads] == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((), (2,)), ((3,), (3,))]


def test_one_sentence_against_two_that_each_relate_is_a_merged_bead():
    # the translator split the sentence: `... 5 and 6.` / two Bangla sentences
    bn = ["বাক্য ১।", "বাক্য ৫।", "এবং ৬।", "বাক্য ৩।"]
    en = ["Sentence 1.", "Sentences 5 and 6.", "Sentence 3."]
    alignment = _alignment(bn, en, [PAIR0, Bead((), (1,)), Bead((1,), ()), Bead((2,), ()), Bead((3,), (2,), 0.3)])
    out = fill_gaps(alignment, _Concepts(), CosineJudge(), floor=0.5)
    assert [(b.bn, b.en) for b in out.beads] == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]
    assert out.beads[1].score > 0.9


def test_one_sentence_against_two_pairs_with_the_one_that_relates():
    en = ["Sentence 1.", "Sentence 5.", "Sentence 3."]
    for lone, pair in ((["বাক্য ৫।", "বাক্য ৮।"], [((1,), (1,)), ((2,), ())]),  # the second has no translation
                       (["বাক্য ৮।", "বাক্য ৫।"], [((1,), ()), ((2,), (1,))])):  # the first
        bn = ["বাক্য ১।", *lone, "বাক্য ৩।"]
        alignment = _alignment(bn, en, [PAIR0, Bead((1,), ()), Bead((2,), ()), Bead((), (1,)), Bead((3,), (2,), 0.3)])
        out = fill_gaps(alignment, _Concepts(), CosineJudge(), floor=0.5)
        assert [(b.bn, b.en) for b in out.beads] == [((0,), (0,)), *pair, ((3,), (2,))]
    off = fill_gaps(alignment, _Concepts(), CosineJudge(), floor=0.5, most=1)
    assert off == alignment


def test_boilerplate_beside_the_gap_stays_unpaired():
    bn = ["বাক্য ১।", "১২ মার্চ", "বাক্য ২।", "বাক্য ৩।"]
    beads = [PAIR0, Bead((1,), ()), Bead((2,), ()), Bead((), (1,)), Bead((3,), (2,), 0.3)]
    alignment = _alignment(bn, EN, beads, boilerplate={("bn", 1)})
    out = fill_gaps(alignment, _Concepts(), CosineJudge(), floor=0.5)
    assert [(b.bn, b.en) for b in out.beads] == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]


def test_an_infinite_floor_fills_nothing():
    alignment = _alignment(BN, EN, [PAIR0, Bead((1,), ()), Bead((), (1,)), PAIR2])
    assert fill_gaps(alignment, _Concepts(), CosineJudge(), floor=float("inf")) == alignment


def test_a_lone_pair_whose_numbers_share_none_stays_apart():
    # `54` and `45` hold the same digits, so the two relate; a translation keeps its numbers
    bn = ["বাক্য ১।", "বাক্য ৪৫।", "বাক্য ৩।"]
    disagree = _alignment(bn, ["Sentence 1.", "Sentence 54.", "Sentence 3."], [PAIR0, Bead((1,), ()), Bead((), (1,)), PAIR2])
    assert fill_gaps(disagree, _Concepts(), CosineJudge(), floor=0.5) == disagree
    agree = _alignment(bn, ["Sentence 1.", "Sentence 45.", "Sentence 3."], [PAIR0, Bead((1,), ()), Bead((), (1,)), PAIR2])
    assert [b.kind for b in fill_gaps(agree, _Concepts(), CosineJudge(), floor=0.5).beads] == [(1, 1)] * 3
