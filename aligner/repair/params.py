"""The knobs of the repairs after the path, each documented once; defaults tuned on the tuning sets."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RepairParams:
    """How `refine`, `trim` and `cuts` judge a cut or a join."""

    # cuts.py: any cut point
    cut_min_words: int = 2  # words a cut point leaves on each side of itself
    # English gaps tried inside a name after a word no unit ends with (`at Ganabhaban | Tejgaon`);
    # 0: none. Each costs pieces of sentences where the name goes on (`Middle | East`)
    cut_name_gaps: int = 3
    # refine.py: a segment paired with two (a 1-2 / 2-1 bead) cut in two
    split_bn_cuts: int = 6  # Bangla word gaps tried, nearest the expected position
    split_junction_window: float = 0.15  # share of the segment around the expected cut where a clause mark keeps it whole
    split_junction_sure: float = 0.04  # ...this close to the expected cut (share of the segment), it keeps it whole unembedded
    split_junction_slack: float = 0.03  # a cut at that clause mark this close to the best keeps it whole
    # ...or a 1-1 pair beside a lone segment of its partner's language that relates to its
    # single at this margin (the path declined the merge): a run-on whose halves may pair.
    # -0.15 finds more (coherent +0.003) for 3.4% more embedding, over the speed bar
    split_skip_floor: float = -0.05
    # ...in a text typed without stops (threads +0.003 held-out), and for a lone segment
    # without a stop in prose, a heading (second TICO-19 tuning set +0.0012)
    split_skip_floor_stopless: float = -0.15
    # ...and for a lone segment whose length the single's holds: the single's length fits the
    # article's median ratio better against its partner and the lone together than against its
    # partner alone (a lone sentence's margin with a long run-on is diluted: `That has not
    # happened yet.` beside `... ঘোষণা করা হয় কিন্তু এখনো সেটা ঘোষণা করা হয় নি।`, -0.18).
    # Coherent +0.0032, unstopped paragraph-sized +0.0078, threads +0.0011; -0.15 to -2 alike
    # but the unstopped set (+0.0033 at -0.15); 0.4% more texts on the speed article (inf: off)
    split_skip_floor_lengths: float = -0.3
    # ...a lone segment between two 1-1 pairs that it relates to goes to the later pair where the
    # lengths fit only there (`_lengths_fit`), not to the first (TICO-19 tuning sets +0.0006 and
    # +0.0013, the others unchanged; by the better margin instead: threads -0.0036)
    split_skip_prefer_fit: bool = True
    # ...a Bangla cut after a finite verb this close to the best (sum of the halves' margins)
    # is taken instead, but in a thread (`run_on_stopless_share`): a Bangla sentence ends with
    # its verb (coherent +0.0032; and in prose whose paragraphs end without stops, +0.0059)
    split_verb_slack: float = 0.05
    # ...and the Bangla gaps after a finite verb within this share of the segment around
    # the expected cut, the nearest `split_verb_gaps` (0: none) beside the `split_bn_cuts`
    split_verb_window: float = 0.15
    split_verb_gaps: int = 3
    # ...and a Bangla segment paired with three English ones (a 1-3 bead) cut in three, the
    # first from the other two, then the 1-2 pair that leaves (False: never)
    split_bangla_three: bool = True
    split_tolerance: float = 0.05  # the halves' mean margin may fall this far below the bead's
    # gaps.py: one sentence a side left alone between two pairs is paired at this margin
    # (inf: never); the default is `ScoreParams.member_floor`'s, the bar a merge's member clears
    gap_floor: float = -0.05
    # ...and a gap of up to this many a side is aligned again at that bar (1: one each; 0: none). 3
    # gains on the TICO-19 tuning sets (+0.0003, +0.0010) but one sentence against three
    # pairs a neighbour on the same subject (paragraph-sized set 0.9962 -> 0.9900)
    gap_sentences: int = 2
    # kept.py: a merged pair's outer member whose numbers or @handles the other side lacks is
    # left unpaired, and a gap's pair whose two sides share none of theirs is no pair (False: neither)
    kept_tokens: bool = True
    kept_min_digits: int = 2  # ...numbers of this many digits or more (one to nine are often words)
    # members.py: where paragraphs agree, a merged pair's outer member across a paragraph break
    # the other side lacks is left unpaired if the lengths fit better without it and its own
    # margin is under `ScoreParams.merge_penalty` (False: never)
    across_breaks: bool = True
    # ...and a merged pair whose two sides break the paragraph at the same members is parted
    # there, where each part clears `ScoreParams.threshold` (False: never)
    shared_breaks: bool = True
    # ...and a 1-2 or 2-1 pair beside a lone sentence of its single side (same paragraph) is
    # two 1-1 pairs where both clear this margin (inf: never)
    lone_floor: float = 0.0
    # run_ons.py: a 1-1 pair whose two sides each run a heading into the next sentence
    run_on_head_words: int = 12  # words a heading may have (0: no pair is tried)
    run_on_headline_words: int = 20  # words the article's headline may have (its first pair)
    run_on_headline_min_words: int = 3  # ...and at least this many
    run_on_headline_bn_cuts: int = 6  # Bangla word gaps tried per English cut in the headline
    # ...and in any pair, a heading before a sentence that opens with an article or a short
    # preposition (`... COVID-19 Infections | The RCGP RSC practices ...`)
    run_on_openers: bool = True
    # ...and a lead-in sentence of up to this many words that ends with a colon before its
    # list (`... includes the following steps: | Wet hands ...`; the Bangla cut at its colon too)
    run_on_colon_words: int = 60
    run_on_lead_in_words: int = 4  # ...which a pair without a stop tries from this many words (0: not)
    run_on_tails: int = 2  # cuts whose heads pair best, for which the tails are embedded
    # ...and of two cuts at the same English place, the Bangla one after a finite verb where its
    # weaker half pairs within this of the other's (a word apart: `... পেরিয়ে গেছে |` against
    # `... পেরিয়ে | গেছে ...`); 0: the better margin always
    run_on_verb_slack: float = 0.01
    # each half of a cut clears `split_floor`, or the whole pair's margin less this where that
    # is lower (a thread on one subject: every margin is low); inf: `split_floor` only
    run_on_below_whole: float = 0.02
    run_on_en_cuts: int = 2  # the earliest English cuts tried
    run_on_bn_cuts: int = 2  # Bangla word gaps tried per English cut, nearest the same share
    run_on_verb_gaps: int = 1  # ...and where no stop marks units, gaps after a finite verb (`করেছে |`), nearest
    # ...and in a prose pair without a stop, gaps after a light verb's verbal noun (`অনুমান করা |`)
    # count as verb gaps too: a list item ends with one (False: not)
    run_on_verbal_nouns: bool = True
    # ...and in prose, an English unit start (as in a text without stops, not in a name) where
    # a Bangla gap after a sure finite verb lies within this share of the lines of the same
    # place (`verb_led_cuts`; 0: none). Shuffled tuning set +0.0009, second TICO-19 +0.0004,
    # unstopped paragraph-sized +0.0033, the others unchanged; 0.03: unstopped +0; 0.08: no
    # better, more pieces of sentences
    run_on_verb_led_window: float = 0.05
    # ...at most this many a pair, those whose two shares agree best (each is embedded; the
    # tuning sets' pairs have up to 6)
    run_on_verb_led_most: int = 8
    # ...and in a text typed without stops (a reply thread), any 1-1 pair at any unit start
    run_on_stopless_share: float = 0.5  # share of segments without a stop that makes a text stopless (inf: none is)
    run_on_stopless_paragraphs: float = 0.35  # ...or share of paragraphs that end without one (inf: none)
    run_on_few_paragraphs: int = 3  # ...of more paragraphs (both languages) than this
    # ...and in prose, a pair whose English ends without a stop (list items, headings run together)
    run_on_unstopped_pairs: bool = True
    run_on_unstopped_name_gaps: int = 0  # `cut_name_gaps` there (`Clinical | Descriptors` in a Title Case heading)
    run_on_unit_cuts: int = 3  # the earliest English unit starts tried per pair there
    run_on_unit_openers: int = 1  # ...and this many more, later, before a sentence opener (`The`, `It`, `Many`)
    # rounds of cuts there: the pieces of a cut pair are tried again. 3 (a list of four items
    # run together): second TICO-19 tuning set +0.0006, unstopped paragraph-sized +0.0034,
    # threads +0.0011, the others unchanged; 4 no better
    run_on_rounds: int = 3
    run_on_prose_rounds: bool = True  # ...and in prose, at unit starts only (list items run together)
    # refine.py: whether paragraphs are evidence (and two pairs are joined across a break)
    paragraph_kappa: float = 0.3  # agreement beyond chance (Cohen's kappa) of the two sides' paragraph breaks
    paragraph_few_pairs: int = 5  # this many pairs or fewer: too few breaks to tell, paragraphs are trusted
    # trim.py: a 1-1 pair whose one side holds a sentence the other lacks
    trim_pieces: bool = True  # ...and, after the cuts, the pairs that hold a piece of a cut segment
    trim_length_factor: float = 1.3  # how far off the median Bangla/English length ratio a pair must be
    trim_gain: float = 0.05  # margin the kept part must gain over the whole
    trim_nearest: int = 2  # cut points tried around each expected place
    trim_verb_gaps: int = 1  # ...and Bangla gaps after a finite verb nearest each (0: none)
    trim_min_kept_words: int = 3  # words the kept part needs
    trim_few_ratios: int = 3  # fewer 1-1 pairs than this: the median ratio is `trim_default_ratio`
    trim_default_ratio: float = 0.88  # Bangla characters per English one (RisingNews's median)
