"""Cutting a 1-1 pair whose two sides each run a heading into the next sentence (`repair/run_ons.py`)."""
from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
import pytest

from aligner.repair.cuts import verb_ends_unit
from aligner.repair.params import RepairParams
from aligner.repair.refine import refine
from aligner.repair.run_ons import (
    _any_starts, _Candidate, _judge, _offsets, _tail, head_cuts, headline_cuts, lead_in_cuts, run_on_cuts, typed_without_stops, unit_cuts,
    unstopped_paragraphs, unstopped_share, verb_led_cuts,
)
from aligner.text.split.bangla import ends_with_verbal_noun
from aligner.types import Alignment, Bead, Lang, Segment
from conftest import CosineJudge, WordEncoder

PARAMS = RepairParams()


def _pair(bn_text: str, en_text: str) -> Alignment:
    """A pair further into an article: a one-word pair (its headline) comes first."""
    bn = (Segment("ক।", Lang.BN, 0, 0, 2, 0), Segment(bn_text, Lang.BN, 1, 3, 3 + len(bn_text), 1))
    en = (Segment("One.", Lang.EN, 0, 0, 4, 0), Segment(en_text, Lang.EN, 1, 5, 5 + len(en_text), 1))
    return Alignment(bn, en, (Bead((0,), (0,), 0.3), Bead((1,), (1,), 0.3)))


def test_a_heading_run_into_a_sentence_on_both_sides_is_cut_into_two_pairs():
    alignment = _pair("ক খ: গ ঘ ঙ চ।", "One two: Three four five six.")
    out = refine(alignment, WordEncoder(), CosineJudge(), PARAMS)
    assert [s.text for s in out.bn] == ["ক।", "ক খ:", "গ ঘ ঙ চ।"]
    assert [s.text for s in out.en] == ["One.", "One two:", "Three four five six."]
    assert [(b.bn, b.en) for b in out.beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_a_post_run_into_a_reply_is_cut_before_the_mention():
    class Mentions(WordEncoder):
        concepts = {**WordEncoder.concepts, "@user5": 3}

    alignment = _pair("ক খ গ ঘ ঙ চ", "one two three @user5 five six")
    (cut,) = run_on_cuts(alignment, Mentions(), CosineJudge(), PARAMS)
    assert {lang: offset for lang, _, offset in cut.pieces}[Lang.EN] == len("one two three ")


def test_a_heading_ending_in_a_colon_is_cut_at_the_colon():
    alignment = _pair("ক খ গ: ঘ ঙ চ।", "One two three: Four five six.")
    (cut,) = run_on_cuts(alignment, WordEncoder(), CosineJudge(), PARAMS)
    assert {lang: offset for lang, _, offset in cut.pieces} == {Lang.BN: 7, Lang.EN: 15}


def test_where_every_margin_is_low_halves_that_pair_near_the_whole_clear_the_bar():
    class Crowded(CosineJudge):
        """A text on one subject: every neighbour relates, so margins sit 0.9 under the cosine."""

        def pair_margins(self, bn, en, near=None):
            return super().pair_margins(bn, en, near) - 0.9

    bn = (Segment("ক।", Lang.BN, 0, 0, 2, 0), Segment("ক খ গ: ঘ ঙ চ।", Lang.BN, 1, 3, 16, 1))
    en = (Segment("One.", Lang.EN, 0, 0, 4, 0), Segment("One two three: Four five six.", Lang.EN, 1, 5, 34, 1))
    low = Alignment(bn, en, (Bead((0,), (0,), 0.1), Bead((1,), (1,), 0.1)))  # halves 0.1: under split_floor
    (cut,) = run_on_cuts(low, WordEncoder(), Crowded(), PARAMS)
    assert cut.margins == pytest.approx((0.1, 0.1))
    assert run_on_cuts(low, WordEncoder(), Crowded(), replace(PARAMS, run_on_below_whole=float("inf"))) == []
    high = Alignment(bn, en, (Bead((0,), (0,), 0.1), Bead((1,), (1,), 0.3)))  # a good whole: split_floor holds
    assert run_on_cuts(high, WordEncoder(), Crowded(), PARAMS) == []


def test_no_cut_where_the_halves_do_not_translate_each_other():
    # the Bangla holds the same words in the reverse order: no cut gives two good pairs
    alignment = _pair("চ ঙ ঘ: গ খ ক।", "One two three: Four five six.")
    assert run_on_cuts(alignment, WordEncoder(), CosineJudge(), PARAMS) == []


def test_no_head_words_tries_nothing_and_embeds_nothing():
    class Refuses(WordEncoder):
        def encode(self, texts):
            raise AssertionError("embedded")

    alignment = _pair("ক খ: গ ঘ ঙ চ।", "One two: Three four five six.")
    assert run_on_cuts(alignment, Refuses(), CosineJudge(), replace(PARAMS, run_on_head_words=0)) == []


def test_head_cuts_are_early_and_short():
    text = "For all staff and contract workers: Until further notice, we ask that you work from home."
    assert [text[o:o + 5] for o in head_cuts(text, PARAMS)] == ["Until"]
    assert head_cuts("The minister told Reuters on Monday that talks failed.", PARAMS) == []  # a name, no unit
    assert head_cuts("Ribavirin: ribavirin was recommended for treatment.", PARAMS) == []  # no capital after
    abbreviated = "Talks with the U.S. envoy: The plan holds for now."  # the splitter kept `U.S.` inside
    assert [abbreviated[o:o + 3] for o in head_cuts(abbreviated, PARAMS)] == ["The"]
    long_head = "the " * 13 + "end: Then a new sentence starts here."
    assert head_cuts(long_head, replace(PARAMS, run_on_colon_words=0)) == []
    lead_in = "Correct technique recommended by the agency for prevention of disease includes the following steps: Wet hands with water."
    assert [lead_in[o:o + 3] for o in head_cuts(lead_in, PARAMS)] == ["Wet"]  # a lead-in before its list
    assert head_cuts("the " * 60 + "end: Then a new sentence starts here.", PARAMS) == []
    posts = "@user2 that is wild @user5 the last part was fun"
    assert posts.index("@user5") in head_cuts(posts, PARAMS)


def test_in_prose_the_pieces_of_a_pair_without_a_stop_are_cut_again_at_unit_starts_only():
    items = ("ক খ গ ঘ ঙ চ ক খ গ", "one two three Four five six One two three")  # three list items
    units = [("ক খ।", "One two."), items, ("চ ঙ।", "Six five.")]
    out = refine(_thread(units), WordEncoder(), CosineJudge(), PARAMS)
    assert [s.text for s in out.en] == ["One two.", "one two three", "Four five six", "One two three", "Six five."]
    once = refine(_thread(units), WordEncoder(), CosineJudge(), replace(PARAMS, run_on_prose_rounds=False))
    assert len(once.en) == 4
    # a piece is not cut again at a colon, an opener or as a headline: those mark a heading's end only once
    assert run_on_cuts(_pair("ক খ: গ ঘ ঙ চ।", "One two: Three four five six."), WordEncoder(), CosineJudge(),
                       PARAMS, units_only=True) == []


def test_a_heading_before_a_sentence_that_opens_with_an_article_or_preposition_is_a_head_cut():
    # a Title Case heading keeps `of`, `the` in lower case: a capital `The` after it starts a sentence
    text = "Travel History and Clinical Descriptors of the COVID-19 Infections The RCGP RSC practices have been advised."
    assert [text[o:o + 8] for o in head_cuts(text, PARAMS)] == ["The RCGP"]
    news = "SARS-CoV-2 surpasses one million infections worldwide On Thursday, the total passed one million."
    assert [news[o:o + 2] for o in head_cuts(news, PARAMS)] == ["On"]
    for sentence in [
        "All major sporting events, including Serie A football matches, were held behind closed doors.",  # a name
        "The figures were first reported by The New York Times on Monday.",  # after a word no unit ends with
        "He visited Dhaka in 2019 In the same year he went to Delhi.",  # a number: the clause goes on
    ]:
        assert head_cuts(sentence, PARAMS) == []
    assert head_cuts(text, replace(PARAMS, run_on_openers=False)) == []


def test_a_title_said_again_at_once_is_a_head_cut_and_a_headline_cut():
    # an encyclopaedia's lead opens with its title: `Title | Title is ...`
    text = "Workplace hazard controls for COVID-19 Workplace hazard controls for COVID-19 are methods."
    cut = text.index("Workplace", 1)
    assert head_cuts(text, PARAMS) == [cut]  # no capital after a lower-case word, a number before it
    assert cut in headline_cuts(text, PARAMS)
    assert head_cuts("Very very good news arrived.", PARAMS) == []  # one word said again is no title


def test_where_no_stop_marks_units_a_bangla_gap_after_a_finite_verb_is_tried_too():
    # the Bangla post ends with its verb (`জারি করেছে`), a little before the English share puts it
    bn = "আবহাওয়া দপ্তর সোমবারের জন্য বন্যার সতর্কতা জারি করেছে রোজা মঙ্গলবার ফিনিক্সের উপর দিয়ে পৌঁছানোর আশা"
    en = "the weather service has already issued flash flood watches for Monday and Tuesday rosa is expected over Phoenix"
    cut = en.index("rosa")
    verb = bn.index("রোজা")
    assert (verb, cut) in _offsets(bn, en, [cut], 2, anywhere=True, verb_gaps=1)
    assert (verb, cut) not in _offsets(bn, en, [cut], 2, anywhere=True, verb_gaps=0)
    assert (verb, cut) not in _offsets(bn, en, [cut], 2, anywhere=False, verb_gaps=1)  # a stop marks them


def test_a_bangla_verb_gap_before_a_word_that_goes_on_its_clause_is_not_tried():
    # `বলেছেন | যে` (said that) goes on, though nearer the English cut's share; `এসেছে | নতুন` ends
    bn = "কর্মকর্তারা বলেছেন যে সংক্রমণের হার কমে এসেছে নতুন পদ্ধতিগুলি আগের মতোই থাকবে"
    en = "infection rates have come down The new methods stay the same as they were before"
    cut = en.index("The new")
    assert _offsets(bn, en, [cut], 0, anywhere=True, verb_gaps=1) == [(bn.index("নতুন"), cut)]


def test_of_two_bangla_cuts_a_word_apart_the_judge_takes_the_one_after_a_verb():
    bn = Segment("বিমানটি রানওয়ে পেরিয়ে গেছে আমেরিকান যাত্রী বিল বলেন", Lang.BN, 0, 0, 50, 0)
    en = Segment("the plane overshot the runway American passenger Bill said", Lang.EN, 0, 0, 58, 0)
    cut = en.text.index("American")
    verb, before = bn.text.index("আমেরিকান"), bn.text.index("গেছে")
    tails = {_tail(bn.text, verb): np.array([0.6, 0.8]), _tail(bn.text, before): np.array([0.62, 0.78]),
             _tail(en.text, cut): np.array([0.6, 0.8])}
    tails = {text: v / np.linalg.norm(v) for text, v in tails.items()}
    candidate = _Candidate(0, bn, en, 0.2, ((before, cut), (verb, cut)))
    # the cut before the verb pairs a little better (0.30 against 0.295): the verb's is taken
    offsets = [(before, cut, 0.30), (verb, cut, 0.295)]
    assert _judge(candidate, offsets, tails, CosineJudge(), PARAMS).pieces[0][2] == verb
    assert _judge(candidate, offsets, tails, CosineJudge(), replace(PARAMS, run_on_verb_slack=0)).pieces[0][2] == before
    # far better without the verb (0.30 against 0.25): the better margin
    assert _judge(candidate, [(before, cut, 0.30), (verb, cut, 0.25)], tails, CosineJudge(), PARAMS).pieces[0][2] == before


def test_in_a_list_without_stops_a_bangla_gap_after_a_verbal_noun_is_tried_too():
    # a list item ends with a light verb's verbal noun (`অনুমান করা`, estimating), not a finite verb
    bn = ("কমিউনিটিতে সংবেদনশীলতা অনুমান করা এবং সেরোপ্রিভ্যালেন্স নজরদারীর মাধ্যমে উপসর্গহীন সংস্পর্শের হার"
          " অনুমান করা সুস্থ হয়ে ওঠা কেসগুলোর মধ্যে অ্যান্টিবডির মাত্রা নির্ণয়ের জন্য কনভালেসেন্ট সেরা"
          " সংগ্রহের একটি পাইলট প্রকল্পের বাস্তবায়ন")
    en = ("estimating baseline susceptibility in the community and estimating asymptomatic exposure rates"
          " through seroprevalence monitoring Collecting convalescent sera to profile antibodies among recovered cases")
    cut = en.index("Collecting")
    after = bn.index("সুস্থ")
    assert (after, cut) in _offsets(bn, en, [cut], 2, anywhere=True, verb_gaps=1, verbal_nouns=True)
    assert (after, cut) not in _offsets(bn, en, [cut], 2, anywhere=True, verb_gaps=1)
    ends = lambda text: ends_with_verbal_noun(text, len(text))  # noqa: E731
    assert ends("অনুমান করা ") and ends("তথ্য দেয়া ") and not ends("উপকরা ") and not ends("ব্যবহার করার ")


def test_a_post_that_ends_with_emoji_is_cut_after_the_same_emoji_in_its_translation():
    bn, en = "@rahim এটা তো অবিশ্বাস্য 😂😂 শেষের অংশটাই সেরা ছিল", "@rahim that is wild 😂😂 The last part was the best"
    cut = en.index("The last")
    assert _offsets(bn, en, [cut], 2, anywhere=True) == [(bn.index("শেষের"), cut)]
    bn, en = "@nila শেষের অংশটা ছিল… এরপর হলের সবাই চুপ হয়ে গেল", "@nila the last part was… Everyone went quiet"
    cut = en.index("Everyone")
    assert _offsets(bn, en, [cut], 2, anywhere=True) == [(bn.index("এরপর"), cut)]  # so does an ellipsis


def test_a_bangla_heading_does_not_end_with_a_genitive_or_a_conjunction():
    # `Trends of COVID-19 in EU/EEA countries and the UK | The trends ...`
    bn = "ইইউ দেশ এবং যুক্তরাজ্যে COVID-19-এর প্রবণতাসমূহ ইইউ দেশগুলিতে প্রবণতা বেড়েছে।"
    en = "Trends of COVID-19 in EU countries and the UK The trends in EU countries rose."
    cut = en.index("The trends")
    gaps = [b for b, _ in _offsets(bn, en, [cut], 6)]
    assert bn.index("প্রবণতাসমূহ") not in gaps and bn.index("ইইউ দেশগুলিতে") in gaps
    assert bn.index("যুক্তরাজ্যে") not in gaps  # after `এবং`
    # where no stop marks units, the Bangla follows the English cut wherever it falls
    assert bn.index("প্রবণতাসমূহ") in [b for b, _ in _offsets(bn, en, [cut], 6, anywhere=True)]


def test_a_title_said_again_on_both_sides_is_cut_there_in_both():
    # the Bangla title comes back with an ending (`নিয়ন্ত্রণ` -> `নিয়ন্ত্রণগুলি`), far from the share the English cut sits at
    bn = "কর্মস্থলের ঝুঁকি নিয়ন্ত্রণ কর্মস্থলের ঝুঁকি নিয়ন্ত্রণগুলি হল পেশাগত নিরাপত্তা ও স্বাস্থ্য পদ্ধতির প্রয়োগ।"
    en = "Workplace hazard controls Workplace hazard controls are methods."
    cut = en.index("Workplace", 1)
    assert _offsets(bn, en, [cut], 2) == [(bn.index("কর্মস্থলের", 1), cut)]


def _two_pairs(bn_text: str, en_text: str) -> Alignment:
    """The same run-on pair twice: first in the article (its headline), then further in."""
    bn = tuple(Segment(bn_text, Lang.BN, k, 0, len(bn_text), k) for k in range(2))
    en = tuple(Segment(en_text, Lang.EN, k, 0, len(en_text), k) for k in range(2))
    return Alignment(bn, en, (Bead((0,), (0,), 0.3), Bead((1,), (1,), 0.3)))


def test_the_headline_of_the_first_pair_is_cut_at_any_sentence_start():
    # no colon, no mention: only the article's first pair is cut at a capital after a word
    alignment = _two_pairs("ক খ গ ঘ ঙ চ।", "One two three Four five six.")
    (cut,) = run_on_cuts(alignment, WordEncoder(), CosineJudge(), PARAMS)
    assert cut.first == 0 and {lang: o for lang, _, o in cut.pieces} == {Lang.BN: 6, Lang.EN: 14}


def test_headline_cuts_include_title_case_and_quotes_but_no_colon():
    text = 'The Bells of Harlem Fall Silent "Historically, there was a bar on every corner," he said.'
    assert text.index('"Historically') in headline_cuts(text, PARAMS)
    assert head_cuts(text, PARAMS) == []
    crash = "Micronesia plane crash: Air Niugini says one man missing The airline said on Monday."
    assert crash.index("Air") not in headline_cuts(crash, PARAMS)  # the headline holds the colon
    assert crash.index("The airline") in headline_cuts(crash, PARAMS)


def test_a_headline_does_not_end_where_its_clause_goes_on():
    text = "Health secretary writes to EU workers at NHS Scotland over Brexit fears The letter went out"
    cuts = headline_cuts(text, PARAMS)
    assert text.index("EU") not in cuts  # `writes to | EU`: a preposition wants its object
    assert text.index("The letter") in cuts
    score = "Ayr 38 - 17 Melrose: Unbeaten Ayr go top Ayr stayed top of the table"
    assert score.index("Melrose") not in headline_cuts(score, PARAMS)  # after a number


def test_a_megabyte_pair_finds_its_candidates_in_linear_time():
    # a line with no stop and capitals everywhere: only its first words are looked at (a
    # split of the text before each of its 60,000 capitals took minutes; this, milliseconds)
    en = "the minister met Rangers at Vienna " * 30_000
    bn = "প্রধানমন্ত্রী রেঞ্জার্স দলের সঙ্গে দেখা করেন " * 30_000
    cuts = headline_cuts(en, PARAMS)
    offsets = _offsets(bn, en, cuts, PARAMS.run_on_headline_bn_cuts)
    assert cuts and all(len(en[:o].split()) <= PARAMS.run_on_headline_words for o in cuts)
    assert offsets and all(b < len(bn) // 100 for b, _ in offsets)


def test_a_megabyte_post_that_ends_with_emoji_finds_the_same_emoji_in_linear_time():
    # each of the line's 100,000 word gaps was once sliced out to compare its end
    bn = "এটা তো অবিশ্বাস্য " * 50_000 + "😂 শেষের অংশটা"
    en = "@rahim that is wild 😂 The last part was the best"
    started = time.perf_counter()
    assert _offsets(bn, en, [en.index("The")], 2, anywhere=True) == [(bn.index("শেষের"), en.index("The"))]
    assert time.perf_counter() - started < 2.0


def _thread(units: list[tuple[str, str]]) -> Alignment:
    """1-1 pairs of a text typed without stops (a reply thread)."""
    bn = tuple(Segment(b, Lang.BN, k, 0, len(b), k) for k, (b, _) in enumerate(units))
    en = tuple(Segment(e, Lang.EN, k, 0, len(e), k) for k, (_, e) in enumerate(units))
    return Alignment(bn, en, tuple(Bead((k,), (k,), 0.3) for k in range(len(units))))


def test_share_of_segments_without_a_stop():
    stopped = _thread([("ক খ গ।", "One two three."), ("ঘ ঙ চ।", "Four five six.")])
    assert unstopped_share(stopped) == 0.0
    posts = _thread([("ক খ গ", "one two three"), ("ঘ ঙ চ।", "Four five six.")])
    assert unstopped_share(posts) == 0.5


def test_a_text_whose_paragraphs_often_end_without_a_stop_is_typed_without_stops():
    # one pair a paragraph a side: a heading line, or posts typed without stops
    headings = _thread([("ক খ গ", "One two three"), ("ঘ ঙ চ।", "Four five six."), ("ছ জ ঝ।", "Seven eight nine.")])
    assert unstopped_paragraphs(headings) == 2 / 6  # a heading line in each language
    assert not typed_without_stops(headings)
    posts = _thread([("ক খ গ", "one two three"), ("ঘ ঙ চ।", "Four five six."), ("ছ জ ঝ", "seven eight nine")])
    assert unstopped_share(posts) < 0.7 and unstopped_paragraphs(posts) == 4 / 6
    assert typed_without_stops(posts, RepairParams(run_on_stopless_share=0.7))
    # too few paragraphs to tell
    assert unstopped_paragraphs(_thread([("ক খ গ", "one two three")])) == 0.0


def test_in_a_text_without_stops_any_pair_is_cut_where_a_new_unit_starts():
    # two posts run together on both sides, in the middle of a thread, no mark but a capital
    units = [("ক খ", "one two"), ("ক খ গ ঘ ঙ চ", "one two three Four five six"), ("চ ঙ", "six five")]
    out = refine(_thread(units), WordEncoder(), CosineJudge(), PARAMS)
    assert [s.text for s in out.en] == ["one two", "one two three", "Four five six", "six five"]
    assert [s.text for s in out.bn] == ["ক খ", "ক খ গ", "ঘ ঙ চ", "চ ঙ"]
    # the same pair in prose (the other pairs end with stops) is left alone once its English
    # ends with a stop: a capital after a lower-case word there is a name far more often
    # than a new unit
    prose = [("ক খ।", "One two."), ("ক খ গ ঘ ঙ চ", "one two three Four five six."), ("চ ঙ।", "Six five.")]
    assert refine(_thread(prose), WordEncoder(), CosineJudge(), PARAMS).en == _thread(prose).en


def test_in_prose_a_pair_whose_english_ends_without_a_stop_is_cut_where_a_new_unit_starts():
    # list items or a heading run together on both sides (`... infection (LRTI) History of fever`)
    units = [("ক খ।", "One two."), ("ক খ গ ঘ ঙ চ", "one two three Four five six"), ("চ ঙ।", "Six five.")]
    out = refine(_thread(units), WordEncoder(), CosineJudge(), PARAMS)
    assert [s.text for s in out.en] == ["One two.", "one two three", "Four five six", "Six five."]
    assert [s.text for s in out.bn] == ["ক খ।", "ক খ গ", "ঘ ঙ চ", "চ ঙ।"]
    off = replace(PARAMS, run_on_unstopped_pairs=False)
    assert refine(_thread(units), WordEncoder(), CosineJudge(), off).en == _thread(units).en
    # a Bangla translation often gives each list item its stop
    stopped_bn = [units[0], ("ক খ গ। ঘ ঙ চ।", units[1][1]), units[2]]
    assert [s.text for s in refine(_thread(stopped_bn), WordEncoder(), CosineJudge(), PARAMS).en][1:3] == [
        "one two three", "Four five six"]


def test_verb_led_cuts_need_a_unit_start_and_a_sure_finite_verb_at_the_same_place():
    en = "It can be used to guide protective actions Plans address the levels of risk at work."
    bn = "সুরক্ষামূলক পদক্ষেপের জন্য এটি ব্যবহার করা যেতে পারে পরিকল্পনাগুলি কাজের ঝুঁকির মাত্রা নির্ধারণ করে।"
    assert verb_led_cuts(bn, en) == [(bn.index("পরিকল্পনাগুলি"), en.index("Plans"))]
    assert verb_led_cuts(bn, en, replace(PARAMS, run_on_verb_led_window=0)) == []
    # no Bangla verb at that place: a capital after a lower-case word alone is no unit's end
    noun = bn.replace("যেতে পারে", "যাওয়ার পরিকল্পনা")
    assert verb_led_cuts(noun, en) == []
    # a verb whose clause goes on (`বলেছেন | যে`, said that) ends no unit
    said = "তিনি সংবাদ সংস্থা রয়টার্সকে বলেছেন যে সরকার এই সপ্তাহে নতুন নিয়ম ঘোষণা করবে।"
    assert verb_led_cuts(said, "He told the news agency Reuters the government would announce new rules.") == []


def test_in_a_text_without_stops_a_verb_led_cut_may_follow_a_past_form_or_a_number():
    en = "The festival of the Persian New Year Nowruz continued Shia shrines in the city of Qom remained open to pilgrims"
    bn = "ফার্সি নববর্ষ নওরোজের উৎসব উদযাপন অব্যাহত ছিল শিয়া মাজারগুলি তীর্থযাত্রীদের জন্য খোলা রয়েছে"
    shia = en.index("Shia")
    assert shia not in unit_cuts(en, PARAMS)  # a past form ends no post by itself (`recognized | Beijing`)
    assert verb_led_cuts(bn, en, PARAMS) == [(bn.index("শিয়া"), shia)]
    year = "China issued its development plan in July 2017 China's science foundation funds academic work"
    bangla = "চীন জুলাই ২০১৭ সালে তার উন্নয়ন পরিকল্পনা জারি করেছে চীনের বিজ্ঞান ফাউন্ডেশন একাডেমিক কাজে অর্থায়ন করে"
    assert verb_led_cuts(bangla, year, PARAMS) == [(bangla.index("চীনের"), year.index("China's"))]
    assert year.index("China's") not in unit_cuts(year, PARAMS)  # a number ends no post by itself
    # inside a name still none (`Persian | New Year`), even by a verb
    assert all(en[e - 8:e] != "Persian " for _, e in verb_led_cuts(bn, en, PARAMS))


def test_any_sentence_start_for_a_verb_led_cut_and_after_a_name_where_no_stop_marks_units():
    text = ("Aid was sent to the United States Kremlin spokesman Dmitry Peskov said indexes fell 10%"
            " On 28 February they thought Kavanaugh lied to Vice President Mike Pence and J. Smith")
    at = lambda word: text.index(word)  # noqa: E731
    assert _any_starts(text, 2) == []  # every capital here follows a capitalised word, a number or `thought`
    found = _any_starts(text, 2, names=True)
    assert {at("Kremlin"), at("On 28")} <= set(found)
    # not a day and its month, a title and its holder, an initial, nor after `thought` or `to`
    assert not {at("February"), at("Mike"), at("Smith"), at("Kavanaugh"), at("Vice")} & set(found)


def test_a_modal_or_a_first_persons_perfect_is_a_sure_verb_end():
    text = "সবাইকে মাস্ক পরা উচিত সরকার নতুন নিয়ম দিল তিনি আসতে পারতো তারা জানত না"
    after = lambda word: text.index(word) + len(word) + 1  # noqa: E731
    assert verb_ends_unit(text, after("উচিত"), sure=True) and verb_ends_unit(text, after("পারতো"), sure=True)
    # and a first person's perfect, which posts and dialogue end with (`আমরা বদলে দিয়েছি |`)
    post = "আমরা দোকানের চেহারা বদলে দিয়েছি আমরা কর্মীদের প্রশিক্ষণও দিয়েছি"
    assert verb_ends_unit(post, post.index("আমরা কর্মীদের"), sure=True)


def test_in_prose_a_pair_is_cut_where_both_sides_mark_a_units_end():
    class Verbs(WordEncoder):
        concepts = {**WordEncoder.concepts, "করেছে": 2, "did": 2}

    # the Bangla verb's gap at the English unit start's share of the line (0.45 and 0.46)
    alignment = _pair("ক খ করেছে ঘ ঙ চ চ চ চ।", "one two did Four five six.")
    out = refine(alignment, Verbs(), CosineJudge(), PARAMS)
    assert [s.text for s in out.bn][1:] == ["ক খ করেছে", "ঘ ঙ চ চ চ চ।"]
    assert [s.text for s in out.en][1:] == ["one two did", "Four five six."]
    off = replace(PARAMS, run_on_verb_led_window=0)
    assert [s.text for s in refine(alignment, Verbs(), CosineJudge(), off).en][1:] == ["one two did Four five six."]


def test_a_pair_without_a_stop_is_cut_after_a_lead_in_sentence_that_ends_with_a_colon():
    # `The objectives of this study are as follows: To monitor ...`, with no stop at the end
    units = [("ক খ।", "One two."), ("ক খ গ ঘ: ঘ ঙ চ", "One two three four: Four five six"), ("চ ঙ।", "Six five.")]
    (cut,) = run_on_cuts(_thread(units), WordEncoder(), CosineJudge(), PARAMS)
    assert {lang: offset for lang, _, offset in cut.pieces} == {Lang.BN: len("ক খ গ ঘ: "), Lang.EN: 20}
    off = replace(PARAMS, run_on_lead_in_words=0)
    assert run_on_cuts(_thread(units), WordEncoder(), CosineJudge(), off) == []


def test_a_label_is_no_lead_in():
    text = "The objectives of this study are as follows: To monitor the burden"
    assert lead_in_cuts(text) == [len("The objectives of this study are as follows: ")]
    assert lead_in_cuts("For COVID-19, we will create a form that will record: Date of onset") != []
    assert lead_in_cuts("Genus Betacoronavirus; type species: Murine coronavirus of mice") == []  # few words
    assert lead_in_cuts("Human coronavirus HKU1, Murine coronavirus Species: Beluga whale coronavirus") == []


def test_the_pieces_of_a_cut_pair_are_cut_again():
    units = [("ক খ", "one two"), ("ক খ গ ঘ ঙ চ ক খ গ", "one two three Four five six One two three"), ("চ ঙ", "six five")]
    once = refine(_thread(units), WordEncoder(), CosineJudge(), replace(PARAMS, run_on_rounds=1))
    assert len(once.en) == 4  # one cut a pair in a round
    out = refine(_thread(units), WordEncoder(), CosineJudge(), replace(PARAMS, run_on_rounds=2))
    assert [s.text for s in out.en] == ["one two", "one two three", "Four five six", "One two three", "six five"]
    assert [s.text for s in out.bn] == ["ক খ", "ক খ গ", "ঘ ঙ চ", "ক খ গ", "চ ঙ"]
    assert [str(b.kind) for b in out.beads] == ["1-1"] * 5
    # four units run together need three rounds, the default
    four = [units[0], ("ক খ গ ঘ ঙ চ ক খ গ ঘ ঙ চ", "one two three Four five six One two three Four five six"), units[2]]
    twice = refine(_thread(four), WordEncoder(), CosineJudge(), replace(PARAMS, run_on_rounds=2))
    assert len(twice.en) == 5
    out = refine(_thread(four), WordEncoder(), CosineJudge(), PARAMS)
    assert [s.text for s in out.en][1:5] == ["one two three", "Four five six", "One two three", "Four five six"]
    assert [s.text for s in out.bn][1:5] == ["ক খ গ", "ঘ ঙ চ", "ক খ গ", "ঘ ঙ চ"]


def test_in_a_text_without_stops_a_unit_does_not_end_where_its_clause_goes_on():
    for text, word in [
        ('"I just tried to create time," Sturridge told LiverpoolFC.com today', "LiverpoolFC.com"),
        ("the supermarket had already recognized Beijing with little pushback", "Beijing"),
        ("a formal end to the 1950-53 Korea War but the talks stalled again", "Korea"),
        ("additionally 38 percent said they thought Kavanaugh has probably lied", "Kavanaugh"),
        ('the press reacted "you would have thought," recalled Schroeder about it', "Schroeder"),
    ]:
        assert text.index(word) not in unit_cuts(text, PARAMS)
    post = "dolly scored in the second half Livingston moved level with them @user5 that is wild"
    assert unit_cuts(post, PARAMS)[:2] == [post.index("Livingston"), post.index("@user5")]
    said = 'with up to 10 inches possible," weather.com reported Rosa will then track north'
    assert unit_cuts(said, PARAMS) == [said.index("Rosa")]  # the speaker came first: the unit ends


def test_a_later_unit_start_before_a_sentence_opener_is_tried_too():
    # the earliest capitals after a lower-case word are inside the unit (names); the opener
    # `The` before a title is where the next unit starts
    text = ("Swabs are tested at the PHE Respiratory Virus Unit for influenza and strains of Virus"
            " Types and for measuring vaccine effectiveness The RCGP RSC conducted a pilot")
    cuts = unit_cuts(text, PARAMS)
    assert len(cuts) == PARAMS.run_on_unit_cuts + PARAMS.run_on_unit_openers
    assert cuts[-1] == text.index("The RCGP")
    assert text.index("The RCGP") not in unit_cuts(text, replace(PARAMS, run_on_unit_openers=0))


def test_unit_cuts_of_a_megabyte_line_read_only_the_words_before_each_cut():
    line = "they reported it Officials confirmed the 12 Rangers " * 40_000  # 2 MB, 120,000 capitals
    started = time.perf_counter()
    assert len(unit_cuts(line, PARAMS)) == PARAMS.run_on_unit_cuts
    assert time.perf_counter() - started < 5.0  # linear: about half a second


def test_verb_led_cuts_of_a_long_line_at_any_start_take_linear_time():
    en = "they worked hard Then we 10% On it " * 15_000  # 500 KB, 45,000 sentence starts
    bn = "তারা কঠোর পরিশ্রম করেছে আমরা তা দেখেছি " * 15_000
    started = time.perf_counter()
    assert len(verb_led_cuts(bn, en, PARAMS, names=True)) == PARAMS.run_on_verb_led_most
    assert time.perf_counter() - started < 10.0  # the nearest verb gap by bisection: about 2 seconds
    many = replace(PARAMS, run_on_verb_led_most=100_000)
    assert len(verb_led_cuts(bn, en, many, names=True)) > 10_000


def test_a_piece_of_a_cut_pair_that_carries_a_sentence_more_is_trimmed():
    # the English runs an untranslated post (`One two`) on after the reply that the cut parts
    units = [("ক খ", "one two"), ("ক খ গ ঘ ঙ চ", "one two three Four five six One two"), ("চ ঙ", "six five")]
    untrimmed = refine(_thread(units), WordEncoder(), CosineJudge(), replace(PARAMS, trim_pieces=False))
    assert [s.text for s in untrimmed.en] == ["one two", "one two three", "Four five six One two", "six five"]
    out = refine(_thread(units), WordEncoder(), CosineJudge(), PARAMS)
    assert [s.text for s in out.en] == ["one two", "one two three", "Four five six", "One two", "six five"]
    assert [str(b.kind) for b in out.beads] == ["1-1", "1-1", "1-1", "0-1", "1-1"]
