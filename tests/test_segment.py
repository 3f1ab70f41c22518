"""`segment_article` and `segment_monolingual`: indices, paragraphs, flags and offsets."""
from __future__ import annotations

import pytest

from aligner.text.segment import segment_article, segment_monolingual
from aligner.types import Lang, Segment

# A small article in the shape of seed 003: a page header, a bilingual title, a date line,
# an English paragraph, its Bangla translation (with a Latin `I` typed for the dari), and a
# share link.
ARTICLE = (
    "Breaking News\n"
    "\n"
    "The Pakistani prime minister met with Putin/পুতিনের সাথে সাক্ষাৎ করলেন পাকিস্তানের প্রধানমন্ত্রী\n"
    "\n"
    "শনিবার, ১৪ সেপ্টেম্বর ২০২৪\n"
    "Khan arrived in Moscow the day before. He arrived in Russia just hours before Russia invaded Ukraine.\n"
    "খান তার আগের দিনই মস্কোতে যান। রাশিয়া ইউক্রেন আক্রমণের মাত্র কয়েক ঘন্টা আগেই রাশিয়া পৌঁছান তিনিI\n"
    "Share\n"
)

EXPECTED_BN = [
    # (index, paragraph, boilerplate, text)
    (0, 1, False, "পুতিনের সাথে সাক্ষাৎ করলেন পাকিস্তানের প্রধানমন্ত্রী"),
    (1, 2, True, "শনিবার, ১৪ সেপ্টেম্বর ২০২৪"),
    (2, 4, False, "খান তার আগের দিনই মস্কোতে যান।"),
    (3, 4, False, "রাশিয়া ইউক্রেন আক্রমণের মাত্র কয়েক ঘন্টা আগেই রাশিয়া পৌঁছান তিনি।"),
]
EXPECTED_EN = [
    (0, 0, True, "Breaking News"),
    (1, 1, False, "The Pakistani prime minister met with Putin"),
    (2, 3, False, "Khan arrived in Moscow the day before."),
    (3, 3, False, "He arrived in Russia just hours before Russia invaded Ukraine."),
    (4, 5, True, "Share"),
]


def _view(segments: list[Segment]) -> list[tuple[int, int, bool, str]]:
    return [(s.index, s.paragraph, s.boilerplate, s.text) for s in segments]


def _assert_offsets(text: str, segments: list[Segment]) -> None:
    """text[start:end] is the segment, but for a `।` that was typed as `I` or `|`."""
    for seg in segments:
        original = text[seg.start : seg.end]
        assert len(original) == len(seg.text), seg
        assert all(a == b or (a == "।" and b in "I|") for a, b in zip(seg.text, original)), seg


def test_segment_article() -> None:
    bn, en = segment_article(ARTICLE)
    assert _view(bn) == EXPECTED_BN
    assert _view(en) == EXPECTED_EN
    assert {s.lang for s in bn} == {Lang.BN}
    assert {s.lang for s in en} == {Lang.EN}


def test_segment_article_offsets() -> None:
    bn, en = segment_article(ARTICLE)
    _assert_offsets(ARTICLE, bn + en)
    fake = bn[3]
    assert ARTICLE[fake.start : fake.end].endswith("তিনিI")
    assert fake.text.endswith("তিনি।")


def test_segments_are_in_reading_order() -> None:
    bn, en = segment_article(ARTICLE)
    for side in (bn, en):
        starts = [s.start for s in side]
        assert starts == sorted(starts)
        assert all(a.end <= b.start for a, b in zip(side, side[1:]))


def test_one_language_only() -> None:
    bn, en = segment_article("তারা শেখ হাসিনার সুস্বাস্থ্য ও দীর্ঘায়ু কামনা করেন।\nবিজ্ঞাপন\n")
    assert en == []
    assert _view(bn) == [
        (0, 0, False, "তারা শেখ হাসিনার সুস্বাস্থ্য ও দীর্ঘায়ু কামনা করেন।"),
        (1, 1, True, "বিজ্ঞাপন"),
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "12:30 ---"])
def test_nothing_to_segment(text: str) -> None:
    assert segment_article(text) == ([], [])


def test_title_halves_are_not_standalone() -> None:
    """Two short runs on one line: neither is flagged, though alone each would be."""
    bn, en = segment_article("Eid greetings / ঈদের শুভেচ্ছা\n")
    assert _view(bn) == [(0, 0, False, "ঈদের শুভেচ্ছা")]
    assert _view(en) == [(0, 0, False, "Eid greetings")]
    bn, en = segment_article("Eid greetings\nঈদের শুভেচ্ছা\n")
    assert [s.boilerplate for s in bn + en] == [True, True]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param(
            "তারা শেখ হাসিনার সুস্বাস্থ্য কামনা করেন| অর্থমন্ত্রী বলেন, বিশ্বব্যাংক কখনো বলত না।\nবিজ্ঞাপন\n",
            Lang.BN,
            [
                (0, 0, False, "তারা শেখ হাসিনার সুস্বাস্থ্য কামনা করেন।"),
                (1, 0, False, "অর্থমন্ত্রী বলেন, বিশ্বব্যাংক কখনো বলত না।"),
                (2, 1, True, "বিজ্ঞাপন"),
            ],
            id="bangla",
        ),
        pytest.param(
            "  They wished Sheikh Hasina good health. They were taken to Dhaka Medical College Hospital.\nAdvertisement\n",
            Lang.EN,
            [
                (0, 0, False, "They wished Sheikh Hasina good health."),
                (1, 0, False, "They were taken to Dhaka Medical College Hospital."),
                (2, 1, True, "Advertisement"),
            ],
            id="english",
        ),
    ],
)
def test_segment_monolingual(text: str, lang: Lang, expected: list) -> None:
    segments = segment_monolingual(text, lang)
    assert _view(segments) == expected
    _assert_offsets(text, segments)


def test_segment_monolingual_keeps_the_other_script() -> None:
    """No separation: a monolingual text is taken to be all in the language given."""
    en = segment_monolingual("The festival is called Pohela Boishakh (পহেলা বৈশাখ).", Lang.EN)
    assert [s.text for s in en] == ["The festival is called Pohela Boishakh (পহেলা বৈশাখ)."]


def test_paragraphs_count_non_empty_lines_in_both_entry_points() -> None:
    text = "তারা শেখ হাসিনার সুস্বাস্থ্য কামনা করেন।\n\nঅর্থমন্ত্রী বলেন, বিশ্বব্যাংক কখনো বলত না।\n"
    mono = segment_monolingual(text, Lang.BN)
    article, _ = segment_article(text)
    assert [s.paragraph for s in mono] == [s.paragraph for s in article] == [0, 1]


def test_desk_tag_after_the_last_sentence_is_boilerplate() -> None:
    bn, _ = segment_article("খান তার আগের দিনই মস্কোতে যান। /এসকে/\n")
    assert [(s.text, s.boilerplate) for s in bn] == [
        ("খান তার আগের দিনই মস্কোতে যান।", False),
        ("/এসকে/", True),
    ]


SENTENCE_BY_SENTENCE = """The minister arrived in Dhaka on Monday.
মন্ত্রী সোমবার ঢাকায় পৌঁছেছেন।
He said, "We are ready." Work starts next week.
তিনি বলেন, আমরা প্রস্তুত, আগামী সপ্তাহে কাজ শুরু হবে।
The bridge will open in June.
সেতুটি জুনে খুলবে।
Traffic is expected to fall by half.
যানজট অর্ধেকে নামবে বলে আশা করা হচ্ছে।
The cost is 30 billion taka.
এর ব্যয় ৩০ হাজার কোটি টাকা।
"""


def test_a_text_that_alternates_by_line_keeps_each_line_whole() -> None:
    bn, en = segment_article(SENTENCE_BY_SENTENCE)
    assert len(bn) == len(en) == 5
    assert en[1].text == 'He said, "We are ready." Work starts next week.'
    _assert_offsets(SENTENCE_BY_SENTENCE, bn + en)


def test_a_thread_that_alternates_by_line_still_parts_two_posts_of_one_line() -> None:
    thread = (
        "@sk19 A man was shot with an air rifle as he walked home\n"
        "@sk19 এক ব্যক্তি বাড়ি ফেরার পথে এয়ার রাইফেল দিয়ে গুলিবিদ্ধ হন\n"
        "@nila26 Officers described the shooting as a random act\n"
        "@nila26 কর্মকর্তারা এই ঘটনাকে বিচ্ছিন্ন বলে বর্ণনা করেন\n"
        "@tanvir88 The victim did not see his attacker. @rahim52 @priya39 his injuries are not serious\n"
        "@tanvir88 ভুক্তভোগী তার আক্রমণকারীকে দেখতে পাননি। @rahim52 @priya39 তার আঘাত গুরুতর নয়\n"
        "@mou7 Police have appealed for witnesses\n"
        "@mou7 পুলিশ সাক্ষীর জন্য আবেদন করেছে\n"
        "@ovi3 The area was cordoned off overnight\n"
        "@ovi3 এলাকাটি রাতভর ঘিরে রাখা হয়\n"
        "@sk19 A man has been arrested\n"
        "@sk19 একজনকে গ্রেপ্তার করা হয়েছে\n"
        "@nila26 He is due in court on Monday\n"
        "@nila26 তাকে সোমবার আদালতে হাজির করা হবে\n"
    )  # one post a line, but for a line that holds a post and the reply after it
    bn, en = segment_article(thread)
    assert [s.text for s in en][2:4] == [
        "@tanvir88 The victim did not see his attacker.", "@rahim52 @priya39 his injuries are not serious",
    ]
    assert [s.text for s in bn][2:4] == [
        "@tanvir88 ভুক্তভোগী তার আক্রমণকারীকে দেখতে পাননি।", "@rahim52 @priya39 তার আঘাত গুরুতর নয়",
    ]
    _assert_offsets(thread, bn + en)


def test_paragraphs_of_several_sentences_are_still_split() -> None:
    text = "\n".join(
        line + " " + line for line in SENTENCE_BY_SENTENCE.splitlines()
    )  # every line two sentences (or more): not a line-by-line text
    bn, en = segment_article(text)
    assert len(en) > 5 and len(bn) > 5


def test_too_few_lines_to_tell_are_split() -> None:
    text = "\n".join(SENTENCE_BY_SENTENCE.splitlines()[:4])
    _, en = segment_article(text)
    assert [s.text for s in en] == [
        "The minister arrived in Dhaka on Monday.", 'He said, "We are ready."', "Work starts next week.",
    ]


def _furniture(text: str) -> dict[str, bool]:
    """Each segment's text of `text`, and whether it is furniture."""
    bn, en = segment_article(text)
    return {s.text: s.boilerplate for s in (*bn, *en)}


def test_a_later_sentence_of_a_post_that_cites_a_link_is_no_furniture() -> None:
    thread = (
        "@nila_k yes same here lol. the rain made it worse tbh https://t.co/abc123\n"
        "@nila_k হ্যাঁ আমারও একই অবস্থা। বৃষ্টি সব আরও খারাপ করে দিয়েছে https://t.co/abc123\n"
        "@rafi_bd Stay safe everyone. Read more: https://t.co/xyz\n"
        "@rafi_bd সবাই নিরাপদে থাকুন। আরও পড়ুন: https://t.co/xyz\n"
    )
    flags = _furniture(thread)
    assert flags["the rain made it worse tbh https://t.co/abc123"] is False
    assert flags["বৃষ্টি সব আরও খারাপ করে দিয়েছে https://t.co/abc123"] is False
    assert flags["Read more: https://t.co/xyz"] is True  # a link and its label only
    prose = "The rain made it worse https://t.co/abc123\nবৃষ্টি সব আরও খারাপ করে দিয়েছে https://t.co/abc123\n"
    assert all(s.boilerplate for s in sum(segment_article(prose), []))  # outside a thread, a short link line is furniture


def test_a_short_reply_in_a_thread_is_content() -> None:
    thread = (
        "@rafi21 the flood water reached our street last night\n"
        "@rafi21 গতকাল রাতে বন্যার পানি আমাদের রাস্তায় পৌঁছে গেছে\n"
        "@mou9 thanks\n"
        "@mou9 ধন্যবাদ\n"
        "Reply\n"
    )
    flags = _furniture(thread)
    assert flags["@mou9 thanks"] is False and flags["@mou9 ধন্যবাদ"] is False
    assert flags["Reply"] is True  # the thread's buttons stay furniture
