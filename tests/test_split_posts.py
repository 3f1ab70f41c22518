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
