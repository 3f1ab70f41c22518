"""Leaving out of a merged pair a member whose numbers or handles the other side lacks (`repair/kept.py`)."""
from __future__ import annotations

import numpy as np

from aligner.repair.kept import drop_unmatched_members, kept_tokens
from aligner.types import Alignment, Bead, Lang, Segment
from conftest import CosineJudge


class Flat:
    """Every text the same vector: the repair's new margins are 1."""

    def encode(self, texts):
        return np.ones((len(texts), 4), dtype=np.float32) / 2


def _alignment(bn: list[str], en: list[str], beads: list[Bead]) -> Alignment:
    segments = lambda texts, lang: tuple(Segment(t, lang, k, 0, len(t), k) for k, t in enumerate(texts))  # noqa: E731
    return Alignment(segments(bn, Lang.BN), segments(en, Lang.EN), tuple(beads))


def test_kept_tokens_are_numbers_of_two_digits_or_more_and_handles():
    assert kept_tokens("Visits declined by 45% and 2,300 shops shut in 2021.") == {"45", "23", "2021"}
    assert kept_tokens("দোকানে ভিজিট ৪৫% হ্রাস পেয়েছে, ২৩০০ দোকান বন্ধ।") == {"45", "23"}
    assert kept_tokens("a 50–60% drop, 3.5 points") == {"5", "6", "35"}
    assert kept_tokens("two or 3 cases of H1N1, COVID-19") == {"19"}  # one digit, a name's digits
    assert kept_tokens("@nila7 look at this, mail desk@example.com") == {"@nila7"}
    # a change of unit keeps the significant digits
    assert kept_tokens("1.7 billion people") == kept_tokens("১৭০ কোটি মানুষ") == {"17"}
    assert kept_tokens("40,000 people") == kept_tokens("৪০ হাজার মানুষ") == {"4"}


def test_an_untranslated_sentence_whose_numbers_the_other_side_lacks_leaves_the_pair():
    bn = ["ইউরোপে দোকানে ভিজিট ৪০% হ্রাস পেয়েছিল।", "উত্তর আমেরিকার দোকানগুলোতে ৫০-৬০% পতন হয়েছে।"]
    en = ["North America's retailers saw a 50–60% drop."]
    out = drop_unmatched_members(_alignment(bn, en, [Bead((0, 1), (0,), 0.2)]), Flat(), CosineJudge())
    assert [(b.bn, b.en) for b in out.beads] == [((0,), ()), ((1,), (0,))]
    assert out.beads[1].score == 1.0


def test_a_post_of_another_handle_leaves_the_reply_pair():
    en = ["@rahim5 did you see the match", "@nila2 the last goal was wild"]
    bn = ["@nila2 শেষ গোলটা অবিশ্বাস্য ছিল"]
    out = drop_unmatched_members(_alignment(bn, en, [Bead((0,), (0, 1), 0.2)]), Flat(), CosineJudge())
    assert [(b.bn, b.en) for b in out.beads] == [((), (0,)), ((0,), (1,))]


def test_a_merge_stays_where_the_numbers_agree_or_tell_nothing():
    en = ["The year 2019 saw 40 cases.", "Most were children."]
    for bn in (["২০১৯ সালে ৪০টি ঘটনা ঘটে, তাদের বেশিরভাগই শিশু।"],  # every number is there
               ["সে বছর অনেক ঘটনা ঘটে, তাদের বেশিরভাগই শিশু।"]):  # no number to compare
        alignment = _alignment(bn, en, [Bead((0,), (0, 1), 0.2)])
        assert drop_unmatched_members(alignment, Flat(), CosineJudge()) is alignment
    # the member's number is missing, but so is one the rest should hold: no sure sign
    bn = ["২০২০ সালে ৪০টি ঘটনা ঘটে।"]
    alignment = _alignment(bn, ["The year 2019 saw many cases.", "Forty were children, 12 adults."], [Bead((0,), (0, 1), 0.2)])
    assert drop_unmatched_members(alignment, Flat(), CosineJudge()) is alignment


def test_a_handle_is_read_as_the_posts_are_cut():
    # `@nila.b` is one handle (as `text/split/posts.py` reads it); a stop after a handle is not part of it
    assert kept_tokens("thanks @nila.b for the link") == {"@nila.b"}
    assert kept_tokens("ধন্যবাদ @nila.") == kept_tokens("thanks @nila") == {"@nila"}
