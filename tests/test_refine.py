"""Cutting segments after alignment: where cuts may fall, and how the alignment is rebuilt."""
from __future__ import annotations

import numpy as np
import pytest

from aligner.repair.cuts import Cut, apply_cuts, cut_points, ends_with_verb, verb_ends_unit
from aligner.repair.params import RepairParams
from aligner.repair.refine import _candidates, join_across_paragraphs, paragraphs_agree, refine
from aligner.repair.trim import trims
from aligner.types import Alignment, Bead, Lang, Segment
from conftest import CosineJudge, WordEncoder


def _segments(texts: list[str], lang: Lang) -> tuple[Segment, ...]:
    out, pos = [], 0
    for k, text in enumerate(texts):
        out.append(Segment(text, lang, k, pos, pos + len(text), k))
        pos += len(text) + 1
    return tuple(out)


def test_cut_splits_the_segment_and_repairs_the_beads():
    bn = _segments(["ক খ গ ঘ ঙ চ", "ছ জ ঝ।"], Lang.BN)
    en = _segments(["One two three", "Four five six", "Seven eight nine."], Lang.EN)
    alignment = Alignment(bn, en, (Bead((0,), (0, 1), 0.3), Bead((1,), (2,), 0.4)))
    cut = Cut(0, 0, ((Lang.BN, 0, bn[0].text.index("ঘ")),), (0.25, 0.35))
    out = apply_cuts(alignment, [cut])
    assert [s.text for s in out.bn] == ["ক খ গ", "ঘ ঙ চ", "ছ জ ঝ।"]
    assert [s.index for s in out.bn] == [0, 1, 2]
    assert out.beads == (Bead((0,), (0,), 0.25), Bead((1,), (1,), 0.35), Bead((2,), (2,), 0.4))
    # offsets still point at the original text
    assert out.bn[1].start == bn[0].start + bn[0].text.index("ঘ")
    assert out.bn[1].end == bn[0].end


def test_cut_joins_a_pair_and_its_skipped_neighbour():
    bn = _segments(["ক খ গ ঘ ঙ চ"], Lang.BN)
    en = _segments(["One two three", "Four five six."], Lang.EN)
    alignment = Alignment(bn, en, (Bead((), (0,)), Bead((0,), (1,), 0.2)))
    out = apply_cuts(alignment, [Cut(0, 1, ((Lang.BN, 0, 6),), (0.3, 0.3))])
    assert [str(b.kind) for b in out.beads] == ["1-1", "1-1"]
    assert [s.text for s in out.bn] == ["ক খ গ", "ঘ ঙ চ"]


def _paragraphs(paragraphs: list[list[str]], lang: Lang) -> tuple[Segment, ...]:
    out, pos = [], 0
    for number, texts in enumerate(paragraphs):
        for text in texts:
            out.append(Segment(text, lang, len(out), pos, pos + len(text), number))
            pos += len(text) + 1
    return tuple(out)


class _Verb(WordEncoder):  # the verb says little on its own: it leans to the next sentence
    def encode(self, texts):
        out = super().encode([t.replace("করেছে", "") for t in texts])
        for row, text in enumerate(texts):
            out[row, 3] += 0.3 * text.count("করেছে") * np.linalg.norm(out[row])
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_a_bangla_cut_after_a_finite_verb_is_preferred_to_a_slightly_better_one():
    bn = _segments(["ক খ গ করেছে ঘ ঙ চ।"], Lang.BN)
    en = (Segment("One two three.", Lang.EN, 0, 0, 14, 0), Segment("Four five six.", Lang.EN, 1, 15, 29, 0))
    alignment = Alignment(bn, en, (Bead((0,), (0, 1), 0.3),))
    out = refine(alignment, _Verb(), CosineJudge())
    assert [s.text for s in out.bn] == ["ক খ গ করেছে", "ঘ ঙ চ।"]
    greedy = refine(alignment, _Verb(), CosineJudge(), RepairParams(split_verb_slack=0.0))
    assert [s.text for s in greedy.bn] == ["ক খ গ", "করেছে ঘ ঙ চ।"]


def test_the_finite_verb_is_preferred_where_paragraphs_end_without_stops_but_not_in_a_thread():
    run_on = [["ক খ গ করেছে ঘ ঙ চ"], ["One two three", "Four five six"]]  # a heading typed without a stop
    # prose: each later paragraph ends with a caption typed without a stop (all paragraphs
    # do, but most segments have their stop)
    more = [["ক খ।", "গ ঘ।", "ঙ চ"], ["One two.", "Three four.", "Five six"]]
    bn = _paragraphs([run_on[0]] + [more[0]] * 4, Lang.BN)
    en = _paragraphs([run_on[1]] + [more[1]] * 4, Lang.EN)
    beads = (Bead((0,), (0, 1), 0.3), *(Bead((i,), (i + 1,), 0.5) for i in range(1, len(bn))))
    prose = refine(Alignment(bn, en, beads), _Verb(), CosineJudge())
    assert [s.text for s in prose.bn[:2]] == ["ক খ গ করেছে", "ঘ ঙ চ"]
    # a thread: its posts end without a stop, and the English may part inside one
    thread = Alignment(_paragraphs([run_on[0]], Lang.BN), _paragraphs([run_on[1]], Lang.EN), beads[:1])
    assert [s.text for s in refine(thread, _Verb(), CosineJudge()).bn] == ["ক খ গ", "করেছে ঘ ঙ চ"]


def test_finite_verbs_include_the_auxiliaries_and_a_verb_that_closes_a_quotation():
    text = "বৃষ্টি হতে পারে তারা সেখানে থাকে কোনো ভূমিকা নেই তিনি বলেন “কিছু হয় না” এটি"
    after = lambda word: text.index(word) + len(word) + 1  # noqa: E731
    assert all(ends_with_verb(text, after(word)) for word in ("পারে", "থাকে", "নেই", "বলেন", "না”"))
    assert not ends_with_verb(text, after("হতে")) and not ends_with_verb(text, after("সেখানে"))


def test_a_split_tries_the_bangla_gaps_after_a_finite_verb_near_the_expected_cut():
    words = ["ক"] * 60
    words[24] = "করেছে"  # five words before the middle, where the translations' lengths put the cut
    text = " ".join(words)
    after_verb = text.index("করেছে") + len("করেছে ")
    offsets, _ = _candidates(text, Lang.BN, 0.5)
    assert after_verb in offsets
    assert after_verb not in _candidates(text, Lang.BN, 0.5, RepairParams(split_verb_gaps=0))[0]
    assert after_verb not in _candidates(text, Lang.BN, 0.5, RepairParams(split_verb_window=0.05))[0]


def test_a_finite_verb_before_a_word_that_goes_on_its_clause_is_no_verb_cut():
    words = ["ক"] * 60
    words[24], words[25] = "বলেছেন", "যে"  # said that: the clause goes on
    text = " ".join(words)
    after_verb = text.index("বলেছেন") + len("বলেছেন ")
    assert ends_with_verb(text, after_verb) and not verb_ends_unit(text, after_verb)
    assert after_verb not in _candidates(text, Lang.BN, 0.5)[0]
    # `না` between two verbs is `or` (`নিশ্চিত হয়েছে না বাতিল হয়েছে`, confirmed or excluded) ...
    either = "সংক্রমণ নিশ্চিত হয়েছে না বাতিল হয়েছে"
    assert not verb_ends_unit(either, either.index("না"))
    # ... and a quotative `বলে` or `কিনা` (whether) after a verb goes on its clause too
    said = "কোম্পানিটি তদন্ত শুরু করেছে বলে জানিয়েছে"
    assert not verb_ends_unit(said, said.index("বলে"))
    whether = "তারা আসবে কিনা তা জানা যায়নি"
    assert not verb_ends_unit(whether, whether.index("কিনা"))
    # ... but `না,` opens a reply (No, ...): a unit may start with it
    assert verb_ends_unit("তুমি কি যাবে? সে বলল না, আমি যাব না", len("তুমি কি যাবে? সে বলল "))


def test_a_bangla_segment_paired_with_three_english_sentences_is_cut_in_three():
    bn = _paragraphs([["ক খ গ ঘ ঙ চ"]], Lang.BN)  # three units run together, no stop between them
    en = _paragraphs([["One two.", "Three four.", "Five six."]], Lang.EN)
    alignment = Alignment(bn, en, (Bead((0,), (0, 1, 2), 0.3),))
    out = refine(alignment, WordEncoder(), CosineJudge())
    assert [s.text for s in out.bn] == ["ক খ", "গ ঘ", "ঙ চ"]
    assert [(b.bn, b.en) for b in out.beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    kept = refine(alignment, WordEncoder(), CosineJudge(), RepairParams(split_bangla_three=False))
    assert kept == alignment


def test_an_english_segment_paired_with_three_bangla_sentences_stays_whole():
    bn = _paragraphs([["ক খ।", "গ ঘ।", "ঙ চ।"]], Lang.BN)  # a translator's three sentences for one
    en = _paragraphs([["One two Three four Five six."]], Lang.EN)
    alignment = Alignment(bn, en, (Bead((0, 1, 2), (0,), 0.3),))
    assert refine(alignment, WordEncoder(), CosineJudge()) == alignment


def test_a_finite_verb_ending_is_not_the_postposition_kache():
    text = "তিনি বাড়ির কাছে এসে বলেছে তারা আছে"
    after = lambda word: text.index(word) + len(word) + 1  # noqa: E731
    assert ends_with_verb(text, after("বলেছে")) and ends_with_verb(text, text.index("তারা"))
    assert not ends_with_verb(text, after("কাছে"))


def test_a_noun_that_ends_like_a_verb_is_no_verb():
    text = ("এই পরিকল্পনা সময় মত শেষ হয় না তারা যায় আমরা করেনা এটা নয় কোনো বিষয় এখন সকাল"
            " হাসপাতাল থেকে স্কুল ছুটি হল সে গেল ভালো আছে")
    after = lambda word: text.index(f" {word} ") + len(word) + 2  # noqa: E731
    verbs = ("না", "হয়", "যায়", "করেনা", "নয়", "হল", "গেল")
    assert all(ends_with_verb(text, after(word)) for word in verbs)
    nouns = ("পরিকল্পনা", "সময়", "বিষয়", "সকাল", "হাসপাতাল", "স্কুল", "ভালো")
    assert not any(ends_with_verb(text, after(word)) for word in nouns)


def test_the_negated_past_some_common_verbs_in_an_and_the_polite_imperative_are_finite_verbs():
    text = ("তারা আসেনি সে যায়নি তিনি পারেননি আমি পাইনি তা হয় নি তিনি জানান আমরা চাই তারা চান"
            " তিনি আহত হন তিনি দোষী নন আপনি করুন এখানে দেখুন বইটি পড়ুন নতুন আগুন খুন তিনি যিনি"
            " কোম্পানি পানি জার্মানি প্রধান শেষ")
    after = lambda word: text.index(f" {word} ") + len(word) + 2  # noqa: E731
    verbs = ("আসেনি", "যায়নি", "পারেননি", "পাইনি", "নি", "জানান", "চান", "হন", "নন", "করুন", "দেখুন", "পড়ুন")
    assert [w for w in verbs if not ends_with_verb(text, after(w))] == []
    # the negated past of a third person is as sure an end as `করেছে`
    assert all(ends_with_verb(text, after(word), sure=True) for word in ("আসেনি", "যায়নি", "পারেননি"))
    nouns = ("নতুন", "আগুন", "খুন", "তিনি", "যিনি", "কোম্পানি", "পানি", "জার্মানি", "প্রধান")
    assert [w for w in nouns if ends_with_verb(text, after(w))] == []


def test_a_pair_beside_a_lone_sentence_of_its_partners_language_is_cut_when_they_relate_enough():
    class Shifted(CosineJudge):  # margins under the cosine, as in a text on one subject
        def pair_margins(self, bn, en, near=None):
            return super().pair_margins(bn, en, near) - 0.8

    def beside_a_lone_sentence(bn_text: str, en_texts: tuple[str, str]) -> Alignment:
        bn = _segments([bn_text], Lang.BN)  # two sentences run on, no stop between them
        en = (Segment(en_texts[0], Lang.EN, 0, 20, 33, 1), Segment(en_texts[1], Lang.EN, 1, 34, 48, 1))
        return Alignment(bn, en, (Bead((), (0,)), Bead((0,), (1,), 0.2)))  # the first left alone

    # prose: the lone sentence's margin with the Bangla (-0.09) is under the default -0.05
    prose = beside_a_lone_sentence("ক খ গ ঘ ঙ চ।", ("One two three.", "Four five six."))
    assert refine(prose, WordEncoder(), Shifted()).bn == prose.bn
    out = refine(prose, WordEncoder(), Shifted(), RepairParams(split_skip_floor=-0.15))
    assert [s.text for s in out.bn] == ["ক খ গ", "ঘ ঙ চ।"]
    assert [str(b.kind) for b in out.beads] == ["1-1", "1-1"]
    # a text typed without stops: the bar is -0.15 (`split_skip_floor_stopless`)
    posts = beside_a_lone_sentence("ক খ গ ঘ ঙ চ", ("one two three", "four five six"))
    assert [s.text for s in refine(posts, WordEncoder(), Shifted()).bn] == ["ক খ গ", "ঘ ঙ চ"]
    # prose, a lone heading without a stop (its translation runs it into the next sentence): -0.15 too
    heading = beside_a_lone_sentence("ক খ গ ঘ ঙ চ।", ("One two three", "Four five six."))
    assert [s.text for s in refine(heading, WordEncoder(), Shifted()).bn] == ["ক খ গ", "ঘ ঙ চ।"]
    # prose, a Bangla run-on as long as the two English sentences together: the bar is -0.3
    # (`split_skip_floor_lengths`), as the lone sentence's margin is diluted by the rest
    long = beside_a_lone_sentence("ক ক খ খ গ গ ঘ ঘ ঙ ঙ চ চ।", ("One two three.", "Four five six."))
    assert [s.text for s in refine(long, WordEncoder(), Shifted()).bn] == ["ক ক খ খ গ গ", "ঘ ঘ ঙ ঙ চ চ।"]
    assert refine(long, WordEncoder(), Shifted(), RepairParams(split_skip_floor_lengths=float("inf"))).bn == long.bn


def test_a_lone_sentence_between_two_pairs_goes_to_the_one_whose_lengths_fit():
    bn = _paragraphs([["ক খ।", "গ গ ঘ ঘ ঙ ঙ চ চ।"]], Lang.BN)  # the second runs two sentences on
    en = _paragraphs([["One two.", "Three four.", "Five six."]], Lang.EN)
    alignment = Alignment(bn, en, (Bead((0,), (0,), 0.2), Bead((), (1,)), Bead((1,), (2,), 0.2)))
    # the lone sentence relates to both Bangla segments (margin 0, over -0.05), but only the
    # second is as long as its partner and the lone sentence together
    out = refine(alignment, WordEncoder(), CosineJudge())
    assert [s.text for s in out.bn] == ["ক খ।", "গ গ ঘ ঘ", "ঙ ঙ চ চ।"]
    assert [(b.bn, b.en) for b in out.beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    # the first pair takes it, and its two words give no cut: the long one is only trimmed
    first = refine(alignment, WordEncoder(), CosineJudge(), RepairParams(split_skip_prefer_fit=False))
    assert [(b.bn, b.en) for b in first.beads if b.is_pair] == [((0,), (0,)), ((2,), (2,))]


def test_bangla_cut_points_skip_no_end_words_only_when_asked():
    text = "তিনি দেশের মানুষ এবং বিদেশি অতিথিদের কথা বলেন"
    after = lambda word: text.index(word) + len(word) + 1  # noqa: E731
    assert after("দেশের") in cut_points(text, Lang.BN) and after("এবং") in cut_points(text, Lang.BN)
    kept = cut_points(text, Lang.BN, bn_no_end=True)
    assert after("দেশের") not in kept and after("এবং") not in kept and after("অতিথিদের") not in kept
    assert after("মানুষ") in kept and after("বিদেশি") in kept


def test_no_cut_point_between_two_handles_that_open_one_post():
    en = "the victim did not see his attacker @nila52 @priya39 his injuries are not serious"
    bn = "ভুক্তভোগী তার আক্রমণকারীকে দেখতে পাননি @nila52 @priya39 তার আঘাত গুরুতর নয়"
    for text, lang in ((en, Lang.EN), (bn, Lang.BN)):
        assert text.index("@priya39") not in cut_points(text, lang)
        assert text.index("@nila52") in cut_points(text, lang)


def test_handles_are_no_words_of_the_pieces_a_cut_point_leaves():
    # `@mou9 @rahim48 he left` has two words of its own: too few for a piece (the shared
    # handles made the fragment pair well with `@mou9 @rahim48 তিনি`)
    en = "@mou9 @rahim48 he left Pyongyang in July saying progress was made Officials were sceptical"
    bn = "@mou9 @rahim48 তিনি জুলাইয়ে পিয়ংইয়াং ত্যাগ করেন"
    assert en.index("Pyongyang") not in cut_points(en, Lang.EN, 3)
    assert en.index("Officials") in cut_points(en, Lang.EN, 3)
    assert bn.index("জুলাইয়ে") not in cut_points(bn, Lang.BN)
    assert bn.index("পিয়ংইয়াং") in cut_points(bn, Lang.BN)


def test_an_emoji_before_a_capital_is_an_english_cut_point():
    text = "that is wild 😂😂 The last part was the best"
    assert text.index("The last") in cut_points(text, Lang.EN)
    posts = "that is so funny 😂 i was stuck on that bridge"  # any word after an emoji
    assert posts.index("i was") in cut_points(posts, Lang.EN)


def test_english_cut_points_follow_a_lower_case_word_before_a_capital():
    text = "Case filed over fire in Banani, Dhaka city The government was active over it."
    cuts, _ = _candidates(text, Lang.EN, ratio=0.6)
    assert text.index("The government") in cuts  # a candidate only: the embeddings decide
    assert text.index("Banani") not in cuts  # after `in`, which ends no unit
    assert text.index("Dhaka") not in cuts  # after punctuation


@pytest.mark.parametrize("text, word", [
    ("The flight landed at Haneda International Airport on time", "Haneda"),  # a word no unit ends with
    ("Sheikh Hasina said Bangladesh is highly vulnerable to floods", "Bangladesh"),
    ("He is a member of Awami League and Member of the Parliament", "Member"),
    ("According to WHO director-general Tedros Adhanom, demand has risen", "Tedros"),  # a title
    ("Rosa, still at hurricane strength Sunday morning with maximum winds", "Sunday"),  # a weekday
    ("Per media reports on 30 March, the president decided to extend it", "March"),  # a date
    ("The Mercedes pitted a lap later and came out behind Vettel in third place", "Vettel"),  # a preposition
    ("The first death outside China occurred on 1 February in the Philippines", "China"),
    ("It is a matter of how Assembly Members are called in the future", "Assembly"),  # a wh-word
])
def test_no_english_cut_where_the_unit_goes_on(text: str, word: str) -> None:
    assert text.index(word) not in cut_points(text, Lang.EN)


def test_a_word_that_closes_a_quotation_may_end_a_unit():
    text = 'He warned of "the politics of generosity\u201d Borrell also said that Europe must be ready'
    assert text.index("Borrell") in cut_points(text, Lang.EN)
    straight = 'they saw "no reason for such measures" Borrell said nothing more'
    assert straight.index("Borrell") in cut_points(straight, Lang.EN)
    nested = "it is part of \"the 'politics of generosity'\" Borrell also said that Europe must act"
    assert nested.index("Borrell") in cut_points(nested, Lang.EN)  # a quotation inside a quotation


def test_a_number_may_end_a_unit():
    text = "The death toll rose to 30 Officials said more were missing"
    assert text.index("Officials") in cut_points(text, Lang.EN)


def test_a_quotation_and_its_speaker_end_a_unit():
    text = '"It will prolong the trauma for everyone involved," Patton said Saipov\'s defense team asked'
    assert text.index("Saipov") in cut_points(text, Lang.EN)  # `said` ends the attribution
    quoted = 'the winner was his since the spring, he said "You know what, there are bigger things"'
    assert quoted.index('"You') not in cut_points(quoted, Lang.EN)  # `said` introduces the quotation
    post = 'I need to win a gold medal," he said "You know what, there are bigger things'
    assert post.index('"You') in cut_points(post, Lang.EN)  # a quotation opens after a lower-case word


def test_a_closed_bracket_ends_a_name_and_a_code_goes_on_it():
    listed = "Lower respiratory tract infection (LRTI) History of fever measured"
    assert listed.index("History") in cut_points(listed, Lang.EN)  # `(LRTI)` ends the name before it
    species = "Species: Beluga whale coronavirus SW1, Infectious bronchitis virus HKU5 and others"
    assert species.index("SW1") not in cut_points(species, Lang.EN)  # a code names the virus before it
    assert species.index("HKU5") not in cut_points(species, Lang.EN)


def test_a_unit_may_end_with_the_name_after_such_a_word():
    # `greetings at | Ganabhaban` is no end, but the name may end the headline
    text = "Prime Minister to exchange Eid greetings at Ganabhaban Shashank Pandey signed the deal"
    cuts = cut_points(text, Lang.EN)
    assert text.index("Ganabhaban") not in cuts
    assert text.index("Shashank") in cuts  # a candidate: the embeddings decide
    assert text.index("Pandey") in cuts
    assert text.index("signed") not in cuts  # the name ends at its last capital
    assert text.index("Shashank") not in cut_points(text, Lang.EN, name_gaps=0)  # `cut_name_gaps` 0: none


def test_a_clause_mark_near_the_expected_cut_is_a_candidate_that_keeps_the_segment_whole():
    text = "প্রধানমন্ত্রী আজ ঢাকায় ফিরেছেন, তিনি সেখানে একটি বৈঠকে অংশ নেন এবং পরে বক্তব্য দেন"
    ratio = (text.index(",") + 1) / len(text)
    cuts, junctions = _candidates(text, Lang.BN, ratio)
    assert junctions == {text.index(",") + 2} and junctions <= set(cuts)  # after the comma and its space


def test_the_comma_after_the_next_sentences_opener_is_no_join():
    # `... কঠিন করে তুলেছে ঐতিহ্যগতভাবে, বেশিরভাগ ...` against `... with sponsors` and
    # `Traditionally, most sponsors ...`: the comma is the opener's, one word past the verb
    text = "নীতি শিশুদেরকে স্পনসরের কাছে রাখা কঠিন করে তুলেছে ঐতিহ্যগতভাবে, বেশিরভাগ স্পনসর ভয় পান"
    ratio = text.index(",") / len(text)
    comma = text.index(",") + 2
    assert _candidates(text, Lang.BN, ratio)[1] == {comma}  # alone, a join
    assert _candidates(text, Lang.BN, ratio, opener=True)[1] == set()  # after the English `Word,` opener, none
    postposed = "আলেমদের প্রতি আহ্বান জানিয়েছেন প্রধানমন্ত্রী, এছাড়া মন্ত্রী শিক্ষকদের আহ্বান জানান"
    ratio = postposed.index(",") / len(postposed)  # a subject after its verb, no opener: a join
    assert _candidates(postposed, Lang.BN, ratio)[1] == {postposed.index(",") + 2}


def test_refine_parts_a_bangla_run_on_whose_comma_is_the_next_openers():
    class VerbEncoder(WordEncoder):
        concepts = {**WordEncoder.concepts, "করেছে": 5, "did": 5, "গগগগগ": 2}

    bn_text = "ক খ খ খ করেছে গগগগগ, ঘ ঘ ঘ ঘ ঙ ঙ ঙ ঙ ঙ"  # the comma just where the lengths put the cut
    bn = (Segment(bn_text, Lang.BN, 0, 0, len(bn_text), 0),)
    en = (Segment("One two two two did.", Lang.EN, 0, 40, 60, 1), Segment("Three, four five.", Lang.EN, 1, 61, 78, 1))
    alignment = Alignment(bn, en, (Bead((0,), (0, 1), 0.5),))
    out = refine(alignment, VerbEncoder(), CosineJudge())
    assert [s.text for s in out.bn] == ["ক খ খ খ করেছে", "গগগগগ, ঘ ঘ ঘ ঘ ঙ ঙ ঙ ঙ ঙ"]


def test_no_cut_where_the_writer_joined_the_two_sentences_with_a_clause_mark():
    alignment = _one_to_two((1, 1), "ক খ গ, ঘ ঙ চ")
    assert refine(alignment, WordEncoder(), CosineJudge()) == alignment


def test_in_a_text_without_stops_a_clause_mark_does_not_keep_the_segment_whole():
    # posts typed without a stop: the two English posts end without one, as the Bangla does
    bn = (Segment("ক খ গ, ঘ ঙ চ", Lang.BN, 0, 0, 11, 0),)
    en = (Segment("one two three", Lang.EN, 0, 20, 33, 1), Segment("four five six", Lang.EN, 1, 34, 47, 1))
    alignment = Alignment(bn, en, (Bead((0,), (0, 1), 0.5),))
    out = refine(alignment, WordEncoder(), CosineJudge())
    assert [s.text for s in out.bn] == ["ক খ গ,", "ঘ ঙ চ"]


def test_a_clause_mark_just_where_the_translations_part_keeps_it_whole_unembedded():
    class Refuses(WordEncoder):
        def encode(self, texts):
            raise AssertionError("embedded")

    bn = (Segment("ক ক ক খ খ খ গ গ গ, ঘ ঘ ঘ ঙ ঙ ঙ চ চ চ", Lang.BN, 0, 0, 36, 0),)
    en = (
        Segment("One one one two two two three three three.", Lang.EN, 0, 40, 82, 1),
        Segment("Four four four five five five six six six.", Lang.EN, 1, 83, 125, 1),
    )
    alignment = Alignment(bn, en, (Bead((0,), (0, 1), 0.5),))  # the comma one character off the length ratio
    assert refine(alignment, Refuses(), CosineJudge()) == alignment


def test_a_clause_mark_inside_one_of_the_two_sentences_does_not_block_the_cut():
    # `..., Lee said | Earlier this year ...`: the best cut is two words past the comma
    out = refine(_one_to_two((1, 1), "ক খ, গ ঘ ঙ চ"), WordEncoder(), CosineJudge())
    assert [s.text for s in out.bn] == ["ক খ, গ", "ঘ ঙ চ"]


def test_bangla_cut_points_are_the_word_gaps_nearest_the_expected_place():
    text = "এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ"
    cuts, _ = _candidates(text, Lang.BN, ratio=0.5)
    assert len(cuts) == RepairParams().split_bn_cuts == 6
    middle = len(text) / 2
    assert all(abs(c - middle) < 15 for c in cuts)
    assert all(text[c - 1] == " " for c in cuts)


def _one_to_two(en_paragraphs: tuple[int, int], bn_text: str = "ক খ গ ঘ ঙ চ") -> Alignment:
    bn = (Segment(bn_text, Lang.BN, 0, 0, len(bn_text), 0),)
    en = (
        Segment("One two three.", Lang.EN, 0, 20, 34, en_paragraphs[0]),
        Segment("Four five six.", Lang.EN, 1, 35, 49, en_paragraphs[1]),
    )
    return Alignment(bn, en, (Bead((0,), (0, 1), 0.5),))


def test_a_segment_paired_with_two_sentences_is_cut_between_their_translations():
    out = refine(_one_to_two((1, 1)), WordEncoder(), CosineJudge())
    assert [s.text for s in out.bn] == ["ক খ গ", "ঘ ঙ চ"]
    assert [str(b.kind) for b in out.beads] == ["1-1", "1-1"]


def test_no_cut_where_the_other_side_puts_the_two_sentences_in_different_paragraphs():
    alignment = _one_to_two((1, 2))
    assert refine(alignment, WordEncoder(), CosineJudge()) == alignment


def test_an_english_comma_near_the_cut_does_not_block_it():
    text = "Creative bookstores are declining in the country Side by side, new projects will be added."
    ratio = text.index("Side") / len(text)
    assert text.index("Side") in _candidates(text, Lang.EN, ratio)[0]
    semicolon = text.replace("side,", "side;")
    assert _candidates(semicolon, Lang.EN, semicolon.index(";") / len(text))[1] == {semicolon.index(";") + 2}


def _two_pairs(bn_texts, bn_paragraphs, en_paragraphs) -> Alignment:
    bn = tuple(Segment(t, Lang.BN, k, 0, 0, p) for k, (t, p) in enumerate(zip(bn_texts, bn_paragraphs)))
    en_texts = ["Security forces should confront the culture of killings", "The private sector matters."]
    en = tuple(Segment(t, Lang.EN, k, 0, 0, p) for k, (t, p) in enumerate(zip(en_texts, en_paragraphs)))
    return Alignment(bn, en, (Bead((0,), (0,), 0.3), Bead((1,), (1,), 0.5)))


RUN_ON = ["নিরাপত্তা বাহিনীর উচিত হত্যাকান্ডের সংস্কৃতি মোকাবিলা করা", "বেসরকারি খাত গুরুত্বপূর্ণ।"]


def test_pairs_that_run_on_here_but_break_the_paragraph_there_are_one_bead():
    # English runs on in one paragraph with no stop between; the Bangla breaks the paragraph
    out = join_across_paragraphs(_two_pairs(RUN_ON, (3, 4), (7, 7)))
    assert out.beads == (Bead((0, 1), (0, 1), 0.4),)


def test_pairs_stay_apart_where_both_sides_agree_or_a_stop_ends_the_first():
    same = _two_pairs(RUN_ON, (3, 3), (7, 7))  # one paragraph on both sides
    assert join_across_paragraphs(same) == same
    both = _two_pairs(RUN_ON, (3, 4), (7, 8))  # a paragraph break on both sides
    assert join_across_paragraphs(both) == both
    stopped = _two_pairs([RUN_ON[0] + "।", RUN_ON[1]], (3, 3), (7, 8))  # the Bangla has its stop
    assert join_across_paragraphs(stopped) == stopped


def test_no_english_cut_inside_a_name():
    text = "The prime minister joined a function in the hall Eden Garden Stadium hosted it"
    cuts, _ = _candidates(text, Lang.EN, ratio=0.7)
    assert text.index("Eden") in cuts  # `hall Eden`: a lower-case word, then a capital
    assert text.index("Garden") not in cuts and text.index("Stadium") not in cuts


def test_a_name_after_a_word_no_unit_ends_with_is_cut_inside_only():
    text = "The prime minister joined a function at the Eden Garden Stadium in the city"
    cuts, _ = _candidates(text, Lang.EN, ratio=0.7)
    assert text.index("Eden") not in cuts  # `the | Eden`
    assert text.index("Garden") in cuts and text.index("Stadium") in cuts  # the name may end a headline


def _pairs_with_paragraphs(breaks: list[tuple[bool, bool]]) -> Alignment:
    """1-1 pairs; between pair k and k+1 the Bangla and the English break the paragraph or not."""
    bn_par, en_par = [0], [0]
    for b, e in breaks:
        bn_par.append(bn_par[-1] + b)
        en_par.append(en_par[-1] + e)
    bn = tuple(Segment("ক।", Lang.BN, k, 0, 0, p) for k, p in enumerate(bn_par))
    en = tuple(Segment("A.", Lang.EN, k, 0, 0, p) for k, p in enumerate(en_par))
    return Alignment(bn, en, tuple(Bead((k,), (k,), 0.5) for k in range(len(bn))))


def test_paragraphs_agree_when_the_two_sides_break_in_the_same_places():
    same = [(k % 3 == 0, k % 3 == 0) for k in range(30)]
    assert paragraphs_agree(_pairs_with_paragraphs(same))
    one_off = same[:]
    one_off[4] = (True, False)  # a merge moved one break: still agreement
    assert paragraphs_agree(_pairs_with_paragraphs(one_off))


def test_paragraphs_do_not_agree_when_each_side_wraps_its_own_way():
    unrelated = [(k % 5 == 0, k % 3 == 1) for k in range(30)]  # every 5 here, every 3 there
    assert not paragraphs_agree(_pairs_with_paragraphs(unrelated))
    assert paragraphs_agree(_pairs_with_paragraphs([(True, True)] * 10))  # a line each, both sides


def _one_to_one(bn_text: str, en_text: str) -> Alignment:
    bn = (Segment(bn_text, Lang.BN, 0, 0, len(bn_text), 0),)
    en = (Segment(en_text, Lang.EN, 0, 0, len(en_text), 1),)
    return Alignment(bn, en, (Bead((0,), (0,), 0.3),))


def test_a_pair_with_a_sentence_more_on_one_side_is_trimmed():
    # `One two three` ran into the next sentence without a stop; the Bangla has only the second
    alignment = _one_to_one("ঘ ঙ চ", "One two three Four five six.")
    (cut,) = trims(alignment, WordEncoder(), CosineJudge())
    assert cut.kept == 1 and cut.margins[0] == pytest.approx(1.0)
    out = apply_cuts(alignment, [cut])
    assert [s.text for s in out.en] == ["One two three", "Four five six."]
    assert out.beads == (Bead((), (0,)), Bead((0,), (1,), cut.margins[0]))
    assert refine(alignment, WordEncoder(), CosineJudge()) == out


def test_a_trim_tries_the_bangla_gap_after_a_finite_verb_near_the_place_its_length_gives():
    # the sentence the English lacks ends with its verb, a word before the place the lengths give
    alignment = _one_to_one("ক খ গ ঘ করেছে ঙ চ ঙ চ ঙ চ।", "Five six.")
    by_length = apply_cuts(alignment, trims(alignment, _Verb(), CosineJudge(), RepairParams(trim_verb_gaps=0)))
    assert [s.text for s in by_length.bn] == ["ক খ গ ঘ", "করেছে ঙ চ ঙ চ ঙ চ।"]
    out = apply_cuts(alignment, trims(alignment, _Verb(), CosineJudge()))
    assert [s.text for s in out.bn] == ["ক খ গ ঘ করেছে", "ঙ চ ঙ চ ঙ চ।"]
    assert out.beads == (Bead((0,), ()), Bead((1,), (0,), out.beads[1].score))


def test_a_long_side_that_all_translates_is_not_trimmed():
    assert trims(_one_to_one("ক খ গ ঘ ঙ চ", "One two three Four five six."), WordEncoder(), CosineJudge()) == []


def test_pairs_of_ordinary_lengths_are_not_checked():
    class Refuses(WordEncoder):
        def encode(self, texts):
            raise AssertionError("embedded")

    assert trims(_one_to_one("ক খ গ ঘ ঙ চ ক খ গ ঘ", "One two three four five six."), Refuses(), CosineJudge()) == []


@pytest.mark.parametrize("lang", [Lang.BN, Lang.EN])
def test_cut_points_of_a_long_segment_take_linear_time(lang: Lang) -> None:
    # 100,000 words with no stop: each gap's word counts come from one pass, not a re-split
    text = "word Another " * 50_000
    points = cut_points(text, lang, min_words=3)
    assert points[0] == len("word Another word ") if lang is Lang.BN else points
    assert all(len(text[:p].split()) >= 3 for p in points[:3])


def test_a_numbered_list_item_opens_a_unit_but_its_number_stays_with_it():
    text = "not seen in primary care (3) Serology sample collection across all age groups."
    assert cut_points(text, Lang.EN) == [text.index("(3)")]
    # inside a sentence's enumeration (`and (3) ...`, `; (2) ...`) or before a lower-case item: no unit starts
    inline = "five components: (1) primary care; (2) virological work and (3) Serology work at once"
    assert inline.index("(3)") not in cut_points(inline, Lang.EN)
    assert inline.index("(2)") not in cut_points(inline, Lang.EN)
    assert cut_points("which were fast (2) cheaper than the rest of them", Lang.EN) == []
