"""Reply threads: posts without a stop, cut before the `@handles` that open each reply."""
from __future__ import annotations

import pytest

from aligner.text.split import split_sentences
from aligner.types import Lang


def pieces(text: str, lang: Lang = Lang.EN) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "@user2 that is wild @user5 @user2 the last part was the best bit @user1 i did not expect it",
            ["@user2 that is wild", "@user5 @user2 the last part was the best bit", "@user1 i did not expect it"],
        ),
        # the English splitter cut before `The`: the handle goes with the reply it opens
        (
            "@ovi53 nobody agrees on it within weeks @nila7 The legislation will include more",
            ["@ovi53 nobody agrees on it within weeks", "@nila7 The legislation will include more"],
        ),
        # a thread whose first post opens without a handle: two groups make it a thread
        (
            "so that is that then @rahim1 no it is not @mou2 it is",
            ["so that is that then", "@rahim1 no it is not", "@mou2 it is"],
        ),
        # a stop already ends the post
        ("@a Good game. @b Thanks, you too", ["@a Good game.", "@b Thanks, you too"]),
    ],
)
def test_thread_is_cut_before_each_reply(text: str, expected: list[str]) -> None:
    assert pieces(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ministry wrote on @PMOIndia that the visit was off.",  # one handle inside a sentence
        "Write to press@example.com or @desk for details.",  # an address has no space before @
        "Thanks @user2 for this",  # a word before the handle is too few for a post
        "@user2 ok",
    ],
)
def test_handles_inside_a_sentence_stay(text: str) -> None:
    assert pieces(text) == [text]


def test_bangla_thread_is_cut_at_the_same_handles() -> None:
    text = "@user2 এটা তো পাগলামি @user5 @user2 শেষ অংশটাই সবচেয়ে ভালো ছিল @user1 আমি শেষটা আশা করিনি"
    assert pieces(text, Lang.BN) == [
        "@user2 এটা তো পাগলামি", "@user5 @user2 শেষ অংশটাই সবচেয়ে ভালো ছিল", "@user1 আমি শেষটা আশা করিনি",
    ]


def test_a_bangla_post_after_a_stopped_sentence() -> None:
    text = "বাজার পড়ে গিয়েছে। দাম বেড়ে চলেছে অনেক @priya94 @priya62 রূপচর্চায় এই বিনিয়োগ আসছে @ovi1 ঠিক তাই"
    assert pieces(text, Lang.BN) == [
        "বাজার পড়ে গিয়েছে।", "দাম বেড়ে চলেছে অনেক", "@priya94 @priya62 রূপচর্চায় এই বিনিয়োগ আসছে", "@ovi1 ঠিক তাই",
    ]


def test_a_document_with_two_lines_that_open_with_a_handle_is_a_thread() -> None:
    from aligner.text.split import is_thread

    assert is_thread(["@user2 that is wild", "so true", "@mou5 @user2 no"])
    assert not is_thread(["@user2 that is wild", "The ministry wrote on @PMOIndia that the visit was off."])
    assert not is_thread(["Email desk@example.com for details.", "@ alone is no handle"])


def test_in_a_thread_a_lone_handle_group_after_a_post_opens_the_next() -> None:
    text = "nobody saw that coming at all @rahim7 the second half was better"
    assert pieces(text) == [text]  # alone, one group inside a line is not enough
    assert [text[a:b] for a, b in split_sentences(text, Lang.EN, thread=True)] == [
        "nobody saw that coming at all", "@rahim7 the second half was better",
    ]


def test_segments_of_a_thread_document() -> None:
    from aligner.text.segment import segment_article

    article = "\n".join([
        "@user2 that is wild",
        "nobody saw that coming at all @rahim7 the second half was better",
        "@user2 এটা তো পাগলামি",
        "কেউ এটা আশা করেনি একদম @rahim7 দ্বিতীয়ার্ধ ভালো ছিল",
    ])
    bn, en = segment_article(article)
    assert [s.text for s in en] == ["@user2 that is wild", "nobody saw that coming at all", "@rahim7 the second half was better"]
    assert [s.text for s in bn] == ["@user2 এটা তো পাগলামি", "কেউ এটা আশা করেনি একদম", "@rahim7 দ্বিতীয়ার্ধ ভালো ছিল"]
