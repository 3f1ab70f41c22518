"""Golden table for `separate`: mixed lines in, language runs out.

Sentences are from the seeds and the RisingNews valid set (Hasan et al., EMNLP 2020;
CC BY-NC-SA 4.0), some shortened, written out here so the tests need nothing outside the
repository. Each expected run is `(lang, paragraph, text)`; every case also checks that the
run's offsets point at its text in the original.
"""
from __future__ import annotations

import re

import pytest

from aligner.text.dari import normalize_dari
from aligner.text.separate import separate
from aligner.types import Lang, Run

BN, EN = "bn", "en"

TITLES = [
    pytest.param(
        "The Pakistani prime minister met with Putin during Russia's invasion of Ukraine/রাশিয়ার ইউক্রেন আক্রমণ চলাকালেই পুতিনের সাথে সাক্ষাৎ করলেন পাকিস্তানের প্রধানমন্ত্রী",
        [
            (EN, 0, "The Pakistani prime minister met with Putin during Russia's invasion of Ukraine"),
            (BN, 0, "রাশিয়ার ইউক্রেন আক্রমণ চলাকালেই পুতিনের সাথে সাক্ষাৎ করলেন পাকিস্তানের প্রধানমন্ত্রী"),
        ],
        id="title-en/bn",
    ),
    pytest.param(
        "উপজেলা নির্বাচনের প্রথম ধাপের ভোটগ্রহণ অনুষ্ঠিত হবে ১০ মার্চ / The first phase polling of the upazila election to be held on March 10",
        [
            (BN, 0, "উপজেলা নির্বাচনের প্রথম ধাপের ভোটগ্রহণ অনুষ্ঠিত হবে ১০ মার্চ"),
            (EN, 0, "The first phase polling of the upazila election to be held on March 10"),
        ],
        id="title-bn / en",
    ),
    pytest.param(
        "Nobody will be allowed to run casino business, Home Minister | কাউকে ক্যাসিনো ব্যবসা করতে দেয়া হবে না , স্বরাষ্ট্রমন্ত্রী",
        [
            (EN, 0, "Nobody will be allowed to run casino business, Home Minister"),
            (BN, 0, "কাউকে ক্যাসিনো ব্যবসা করতে দেয়া হবে না , স্বরাষ্ট্রমন্ত্রী"),
        ],
        id="title-en | bn",
    ),
    pytest.param(
        "Entry, exit restrictions to India for Bangladeshi travellers lifted বাংলাদেশী ভ্রমণকারীদের ভারতে যাওয়া-আসার বিধিনিষেধ অপসারণ",
        [
            (EN, 0, "Entry, exit restrictions to India for Bangladeshi travellers lifted"),
            (BN, 0, "বাংলাদেশী ভ্রমণকারীদের ভারতে যাওয়া-আসার বিধিনিষেধ অপসারণ"),
        ],
        id="title-no-separator",
    ),
]

PARAGRAPHS = [
    pytest.param(
        "Welcome to Russia for \"range consultations\". The talks will focus on bilateral relations.\n\n"
        "পরিসরের সলাপরামর্শের জন্য রাশিয়াতে স্বাগত জানান। আলোচনায় দ্বিপাক্ষিক সম্পর্ক অন্তর্ভুক্ত রয়েছে।\n\n"
        "Khan insisted that the conflict would not work in anyone's interest.\n\n"
        "খান জোর দিয়ে বলেন যে সংঘাত কারো স্বার্থেই কাজ করবে না।\n",
        [
            (EN, 0, "Welcome to Russia for \"range consultations\". The talks will focus on bilateral relations."),
            (BN, 1, "পরিসরের সলাপরামর্শের জন্য রাশিয়াতে স্বাগত জানান। আলোচনায় দ্বিপাক্ষিক সম্পর্ক অন্তর্ভুক্ত রয়েছে।"),
            (EN, 2, "Khan insisted that the conflict would not work in anyone's interest."),
            (BN, 3, "খান জোর দিয়ে বলেন যে সংঘাত কারো স্বার্থেই কাজ করবে না।"),
        ],
        id="alternating-paragraphs",
    ),
    pytest.param(
        "\n\nBreaking News\n\n\n রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন মস্কোতে এক বৈঠকে যোগ দেন।\r\nNo comments",
        [
            (EN, 0, "Breaking News"),
            (BN, 1, "রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন মস্কোতে এক বৈঠকে যোগ দেন।"),
            (EN, 2, "No comments"),
        ],
        id="paragraphs-count-non-empty-lines",
    ),
]

SENTENCES = [
    pytest.param(
        "He said this. তিনি এ কথা বলেন।",
        [(EN, 0, "He said this."), (BN, 0, "তিনি এ কথা বলেন।")],
        id="en-bn-sentences",
    ),
    pytest.param(
        "তিনি এ কথা বলেন। He said this.",
        [(BN, 0, "তিনি এ কথা বলেন।"), (EN, 0, "He said this.")],
        id="bn-en-sentences",
    ),
    pytest.param(
        'Kan Channmeta said, "Cambodia could be an important business area of Bangladesh among the ASEAN nations." কান চ্যানমেতা বলেন, "আসিয়ান দেশগুলোর মধ্যে কম্বোডিয়া হতে পারে বাংলাদেশের গুরুত্বপূর্ণ ব্যবসায়িক ক্ষেত্র।"',
        [
            (EN, 0, 'Kan Channmeta said, "Cambodia could be an important business area of Bangladesh among the ASEAN nations."'),
            (BN, 0, 'কান চ্যানমেতা বলেন, "আসিয়ান দেশগুলোর মধ্যে কম্বোডিয়া হতে পারে বাংলাদেশের গুরুত্বপূর্ণ ব্যবসায়িক ক্ষেত্র।"'),
        ],
        id="quotes-stay-with-their-sentence",
    ),
    pytest.param(
        'The Prime Minister said, "We\'re holding talks with Myanmar." প্রধানমন্ত্রী বলেন, "আমরা মিয়ানমারের সঙ্গে আলোচনা চালিয়ে যাচ্ছি।" She left for London. তিনি লন্ডনের পথে রওনা হন।',
        [
            (EN, 0, 'The Prime Minister said, "We\'re holding talks with Myanmar."'),
            (BN, 0, 'প্রধানমন্ত্রী বলেন, "আমরা মিয়ানমারের সঙ্গে আলোচনা চালিয়ে যাচ্ছি।"'),
            (EN, 0, "She left for London."),
            (BN, 0, "তিনি লন্ডনের পথে রওনা হন।"),
        ],
        id="four-runs-on-one-line",
    ),
    pytest.param(
        "খান “জোর দিয়ে বলেন যে সংঘাত কারো স্বার্থেই কাজ করবে না”। Khan insisted that the conflict would not work in anyone's interest.",
        [
            (BN, 0, "খান “জোর দিয়ে বলেন যে সংঘাত কারো স্বার্থেই কাজ করবে না”।"),
            (EN, 0, "Khan insisted that the conflict would not work in anyone's interest."),
        ],
        id="dari-after-closing-quote",
    ),
]

EMBEDDED = [
    pytest.param(
        "ADT কর্পোরেশন এ বছর নতুন কারখানা চালু করেছে।",
        [(BN, 0, "ADT কর্পোরেশন এ বছর নতুন কারখানা চালু করেছে।")],
        id="latin-acronym-opens-bangla",
    ),
    pytest.param(
        "পণ্যটি QVC-তে বিক্রি হচ্ছে।",
        [(BN, 0, "পণ্যটি QVC-তে বিক্রি হচ্ছে।")],
        id="latin-with-bangla-suffix",
    ),
    pytest.param(
        "বিশ্ব স্বাস্থ্য সংস্থা (WHO) এই তথ্য জানিয়েছে।",
        [(BN, 0, "বিশ্ব স্বাস্থ্য সংস্থা (WHO) এই তথ্য জানিয়েছে।")],
        id="latin-in-brackets",
    ),
    pytest.param(
        "Walton-এর নির্বাহী পরিচালক চুক্তিতে সই করেন।",
        [(BN, 0, "Walton-এর নির্বাহী পরিচালক চুক্তিতে সই করেন।")],
        id="latin-name-opens-bangla",
    ),
    pytest.param(
        "আবেগময় হয়ে তিনি উচ্চারণ করেন 'Rohingya' শব্দটি।",
        [(BN, 0, "আবেগময় হয়ে তিনি উচ্চারণ করেন 'Rohingya' শব্দটি।")],
        id="latin-word-in-quotes",
    ),
    pytest.param(
        "The 14th session of the OIC will be held in Makkah. প্রধানমন্ত্রী ৩১ মে মক্কায় ইসলামিক সহযোগিতা সংস্থার (ওআইসি) ১৪তম অধিবেশনে যোগ দেবেন।",
        [
            (EN, 0, "The 14th session of the OIC will be held in Makkah."),
            (BN, 0, "প্রধানমন্ত্রী ৩১ মে মক্কায় ইসলামিক সহযোগিতা সংস্থার (ওআইসি) ১৪তম অধিবেশনে যোগ দেবেন।"),
        ],
        id="acronyms-on-both-sides",
    ),
    pytest.param(
        "The festival is called Pohela Boishakh (পহেলা বৈশাখ) in Bangladesh.",
        [(EN, 0, "The festival is called Pohela Boishakh (পহেলা বৈশাখ) in Bangladesh.")],
        id="bangla-in-brackets-inside-english",
    ),
    pytest.param(
        "The slogan 'জয় বাংলা' was chanted at the rally.",
        [(EN, 0, "The slogan 'জয় বাংলা' was chanted at the rally.")],
        id="bangla-in-quotes-inside-english",
    ),
    pytest.param(  # a quoted sentence outweighs the short name before it: the name folds, not the quote
        'তিনি বলেছিলেন যে SARS-CoV-2 "সম্ভবত এক বা দুই বছর ধরে ছড়াতে থাকবে।" Neil Ferguson-এর গবেষণা অনুযায়ী, "এটি একটি মরশুমি রোগে পরিণত হতে পারে"।',
        [(BN, 0, 'তিনি বলেছিলেন যে SARS-CoV-2 "সম্ভবত এক বা দুই বছর ধরে ছড়াতে থাকবে।" Neil Ferguson-এর গবেষণা অনুযায়ী, "এটি একটি মরশুমি রোগে পরিণত হতে পারে"।')],
        id="quoted-bangla-sentence-after-a-latin-name",
    ),
    pytest.param(  # a gloss in brackets folds even where it is longer than the heading it follows
        "শ্বাসনালীর নিম্ন অংশের সংক্রমণ (Lower respiratory tract infection, LRTI)",
        [(BN, 0, "শ্বাসনালীর নিম্ন অংশের সংক্রমণ (Lower respiratory tract infection, LRTI)")],
        id="long-latin-gloss-in-brackets",
    ),
]

FAKE_DARI = [
    pytest.param(
        "তিনি বলেন, রাশিয়া ও পাকিস্তানের মধ্যকার সহযোগিতা এই অঞ্চলের সবকটি দেশের স্বার্থ রক্ষা করবেI",
        [(BN, 0, "তিনি বলেন, রাশিয়া ও পাকিস্তানের মধ্যকার সহযোগিতা এই অঞ্চলের সবকটি দেশের স্বার্থ রক্ষা করবে।")],
        id="latin-I-for-dari",
    ),
    pytest.param(
        "আফগান শান্তি উদ্যোগের প্রচেষ্টায় রাশিয়া ও পাকিস্তান ঘনিষ্টভাবে সহযোগিতা করে যাচ্ছে|",
        [(BN, 0, "আফগান শান্তি উদ্যোগের প্রচেষ্টায় রাশিয়া ও পাকিস্তান ঘনিষ্টভাবে সহযোগিতা করে যাচ্ছে।")],
        id="pipe-for-dari",
    ),
    pytest.param(
        "তিনি বলেন, দ্বন্দ্বের কারণে এই সুবিধাটি অস্ত্র বিক্রেতাদের কাছে যায়I Due to conflicts, the benefit goes to the arms sellers, she said.",
        [
            (BN, 0, "তিনি বলেন, দ্বন্দ্বের কারণে এই সুবিধাটি অস্ত্র বিক্রেতাদের কাছে যায়।"),
            (EN, 0, "Due to conflicts, the benefit goes to the arms sellers, she said."),
        ],
        id="fake-dari-ends-the-bangla-run",
    ),
    pytest.param(
        "Due to conflicts, the benefit goes to the arms sellers, she said. তিনি বলেন, দ্বন্দ্বের কারণে এই সুবিধাটি অস্ত্র বিক্রেতাদের কাছে যায়|",
        [
            (EN, 0, "Due to conflicts, the benefit goes to the arms sellers, she said."),
            (BN, 0, "তিনি বলেন, দ্বন্দ্বের কারণে এই সুবিধাটি অস্ত্র বিক্রেতাদের কাছে যায়।"),
        ],
        id="fake-dari-at-line-end",
    ),
]

NUMBERS = [
    pytest.param(
        "রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন মস্কোতে এক বৈঠকে যোগ দেন।২৪ ফেব্রুয়ারি ২০২২।",
        [(BN, 0, "রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন মস্কোতে এক বৈঠকে যোগ দেন।২৪ ফেব্রুয়ারি ২০২২।")],
        id="bangla-date-after-dari",
    ),
    pytest.param(
        "Putin met Khan in Moscow on February 24, 2022. পুতিন ২৪ ফেব্রুয়ারি ২০২২ মস্কোতে খানের সঙ্গে দেখা করেন।",
        [
            (EN, 0, "Putin met Khan in Moscow on February 24, 2022."),
            (BN, 0, "পুতিন ২৪ ফেব্রুয়ারি ২০২২ মস্কোতে খানের সঙ্গে দেখা করেন।"),
        ],
        id="english-date-before-stop",
    ),
    pytest.param(
        "The first phase polling will be held on March 10 উপজেলা নির্বাচনের প্রথম ধাপের ভোটগ্রহণ অনুষ্ঠিত হবে ১০ মার্চ",
        [
            (EN, 0, "The first phase polling will be held on March 10"),
            (BN, 0, "উপজেলা নির্বাচনের প্রথম ধাপের ভোটগ্রহণ অনুষ্ঠিত হবে ১০ মার্চ"),
        ],
        id="trailing-digits-stay-without-stop",
    ),
    pytest.param(
        "He arrived in Russia just hours before Russia invaded Ukraine. ২৪ ফেব্রুয়ারি খান মস্কো পৌঁছান।",
        [
            (EN, 0, "He arrived in Russia just hours before Russia invaded Ukraine."),
            (BN, 0, "২৪ ফেব্রুয়ারি খান মস্কো পৌঁছান।"),
        ],
        id="leading-bangla-digits",
    ),
    pytest.param(
        "রাশিয়া ইউক্রেন আক্রমণের মাত্র কয়েক ঘন্টা আগেই রাশিয়া পৌঁছান তিনি। 23 years have passed since the last visit.",
        [
            (BN, 0, "রাশিয়া ইউক্রেন আক্রমণের মাত্র কয়েক ঘন্টা আগেই রাশিয়া পৌঁছান তিনি।"),
            (EN, 0, "23 years have passed since the last visit."),
        ],
        id="leading-latin-digits",
    ),
    pytest.param(
        "6 arrested for spreading false propaganda on national leaders. জাতীয় নেতাদের নিয়ে মিথ্যা বক্তব্য প্রচার করায় ৬ জন গ্রেপ্তার।",
        [
            (EN, 0, "6 arrested for spreading false propaganda on national leaders."),
            (BN, 0, "জাতীয় নেতাদের নিয়ে মিথ্যা বক্তব্য প্রচার করায় ৬ জন গ্রেপ্তার।"),
        ],
        id="digit-opens-the-line",
    ),
    pytest.param(
        "Earlier, Prime Minister Sheikh Hasina left for London at 9:35 am Bangladesh time. এর আগে প্রধানমন্ত্রী শেখ হাসিনা বাংলাদেশ সময় সকাল ৯টা ৩৫ মিনিটে লন্ডনের পথে ত্যাগ করেন।",
        [
            (EN, 0, "Earlier, Prime Minister Sheikh Hasina left for London at 9:35 am Bangladesh time."),
            (BN, 0, "এর আগে প্রধানমন্ত্রী শেখ হাসিনা বাংলাদেশ সময় সকাল ৯টা ৩৫ মিনিটে লন্ডনের পথে ত্যাগ করেন।"),
        ],
        id="clock-times",
    ),
    pytest.param(
        "যা গত বছরের একই সময়ের চেয়ে ২ দশমিক ১৮ শতাংশ বেশি। Which is 2.8 per cent more than the same period of last year.",
        [
            (BN, 0, "যা গত বছরের একই সময়ের চেয়ে ২ দশমিক ১৮ শতাংশ বেশি।"),
            (EN, 0, "Which is 2.8 per cent more than the same period of last year."),
        ],
        id="decimal-number",
    ),
    pytest.param(
        "উপজেলা নির্বাচনের প্রথম ধাপের ভোটগ্রহণ অনুষ্ঠিত হবে 10 মার্চ",
        [(BN, 0, "উপজেলা নির্বাচনের প্রথম ধাপের ভোটগ্রহণ অনুষ্ঠিত হবে 10 মার্চ")],
        id="latin-digits-inside-bangla",
    ),
]

FIXED = [  # once known failures (smallest-first folding, the 3-word rule for names)
    pytest.param(
        "Walton signed the deal with Amazon BD. ওয়ালটন Amazon BD-র সঙ্গে চুক্তি করেছে।",
        [(EN, 0, "Walton signed the deal with Amazon BD."), (BN, 0, "ওয়ালটন Amazon BD-র সঙ্গে চুক্তি করেছে।")],
        id="one-bangla-word-before-a-latin-name",
    ),
    pytest.param(
        "এ বিষয়ে Dhaka Tribune একটি প্রতিবেদন প্রকাশ করেছে।",
        [(BN, 0, "এ বিষয়ে Dhaka Tribune একটি প্রতিবেদন প্রকাশ করেছে।")],
        id="short-bangla-opening-before-a-latin-name",
    ),
    pytest.param(
        "শেখ হাসিনা BIMSTEC, SAARC, BBIN ও BCIM-এর মতো আঞ্চলিক সহযোগিতার কথা বলেন।",
        [(BN, 0, "শেখ হাসিনা BIMSTEC, SAARC, BBIN ও BCIM-এর মতো আঞ্চলিক সহযোগিতার কথা বলেন।")],
        id="list-of-latin-acronyms-in-bangla",
    ),
    pytest.param(
        "তিনি বলেন, প্রকল্পটির নাম Digital Bangladesh Vision 2041 Plan রাখা হয়েছে।",
        [(BN, 0, "তিনি বলেন, প্রকল্পটির নাম Digital Bangladesh Vision 2041 Plan রাখা হয়েছে।")],
        id="long-latin-name-in-bangla",
    ),
]


def _check_offsets(text: str, runs: list[Run]) -> None:
    previous_end = 0
    for run in runs:
        assert previous_end <= run.start < run.end <= len(text)
        original = text[run.start : run.end]
        assert len(original) == len(run.text)
        for got, orig in zip(run.text, original):
            assert got == orig or (got == "।" and orig in "I|"), (run, original)
        previous_end = run.end


@pytest.mark.parametrize(
    "text, expected", TITLES + PARAGRAPHS + SENTENCES + EMBEDDED + FAKE_DARI + NUMBERS + FIXED
)
def test_separate(text: str, expected: list[tuple[str, int, str]]) -> None:
    runs = separate(text)
    assert [(r.lang.value, r.paragraph, r.text) for r in runs] == expected
    _check_offsets(text, runs)


@pytest.mark.parametrize("text", ["", "\n\n", "   \n\t\n", "---", "12:30 | 2024, 10%"])
def test_no_letters_no_runs(text: str) -> None:
    assert separate(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "U.S. সেনাবাহিনী সীমান্তে নতুন শিবির খুলেছে।",
        "তিনি U.N. সদর দপ্তরে বক্তব্য দেবেন।",
    ],
)
def test_initialism_stays_in_its_bangla_sentence(text: str) -> None:
    """The last `.` of `U.S.` is part of the initialism, not a stop that sets it apart."""
    assert [(r.lang.value, r.text) for r in separate(text)] == [(BN, text)]


def test_bangla_digits_alone_make_a_bangla_run() -> None:
    """Bangla digits never occur in English text, so they mark Bangla on their own."""
    assert [(r.lang.value, r.text) for r in separate("১২:৩০ | ২০২৪")] == [(BN, "১২:৩০ | ২০২৪")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("রক্ষা করবেI", "রক্ষা করবে।"),
        ("যোগ দেন| পরে", "যোগ দেন। পরে"),
        ("বলেনI\"", "বলেন।\""),
        ("I said | I", "I said | I"),  # Latin `I` and a separator after Latin: untouched
        ("বাংলা I English", "বাংলা I English"),  # a spaced `I` is a word, not a stop
        ("IPhone-এর দামI", "IPhone-এর দাম।"),
        ("ঘর ধ্বংস হয়েছে”| পরে", "ঘর ধ্বংস হয়েছে”। পরে"),  # after a closing quote
        ("সংখ্যা ছিলো 2,706I মিস্টার পার্ক", "সংখ্যা ছিলো 2,706। মিস্টার পার্ক"),  # after a number
        ("তিনি যোগ দেন I পরে তিনি", "তিনি যোগ দেন । পরে তিনি"),  # typed with a space
        ("তিনি যোগ দেন I", "তিনি যোগ দেন ।"),
        ("In 1990 I was there", "In 1990 I was there"),  # a number, then an English word
        ("It cost 20 I think", "It cost 20 I think"),
        # a Roman numeral after a word that takes one
        ("একটি সিঙ্গল-পাস টাইপ I মেমব্রেন প্রোটিন", "একটি সিঙ্গল-পাস টাইপ I মেমব্রেন প্রোটিন"),
        ("ফেজ I ট্রায়াল শুরু হয়েছেI", "ফেজ I ট্রায়াল শুরু হয়েছে।"),
        ("টাইপ | শুরু", "টাইপ । শুরু"),  # a `|` is no numeral
        # a `|` right after a number, `%` or bracket in Bangla text, before any word
        ("এটি সম্ভবত 5.7| COVID-19 এ আক্রান্ত", "এটি সম্ভবত 5.7। COVID-19 এ আক্রান্ত"),
        ("হিসাব 15%| কীভাবে", "হিসাব 15%। কীভাবে"),
        ("Page 2| Home", "Page 2| Home"),  # in English text: a separator
        # after a bracket that closes a Latin name, where a Bangla word follows
        ("করোনা ভাইরাস 2 (SARS-CoV-2)| প্রাদুর্ভাবটি", "করোনা ভাইরাস 2 (SARS-CoV-2)। প্রাদুর্ভাবটি"),
        ("Home (EN)| About", "Home (EN)| About"),
        ("The virus (SARS)|", "The virus (SARS)|"),
    ],
)
def test_normalize_dari(text: str, expected: str) -> None:
    assert normalize_dari(text) == expected
    assert len(normalize_dari(text)) == len(text)


def test_each_language_knows_its_script_digits_and_stops() -> None:
    def is_in(chars: str, cls: str) -> bool:
        return all(re.fullmatch(f"[{cls}]", c) for c in chars)

    assert is_in("অকৎ্ং০৯৳", Lang.BN.script) and not is_in("a", Lang.BN.script)
    assert is_in("অকৎ্ং", Lang.BN.letters) and not any(is_in(d, Lang.BN.letters) for d in "০৯")
    assert is_in("০৯", Lang.BN.digits) and is_in("09", Lang.EN.digits)
    assert is_in("aZéŸ", Lang.EN.script) and Lang.EN.letters == Lang.EN.script
    assert Lang.BN.stops == "।॥" and Lang.EN.stops == "."


@pytest.mark.parametrize(
    "text, expected",
    [
        # a reply's handles are neither language: the Bangla post keeps them and its `U.S.`
        ("@dhaka_fan93 U.S. সিনেটর এলিজাবেথ ওয়ারেন বলেছেন", [(BN, "@dhaka_fan93 U.S. সিনেটর এলিজাবেথ ওয়ারেন বলেছেন")]),
        # handles between two runs open the second
        ("that is wild @user5 @user2 এটা তো পাগলামি", [(EN, "that is wild"), (BN, "@user5 @user2 এটা তো পাগলামি")]),
        ("@user2 এটা তো পাগলামি", [(BN, "@user2 এটা তো পাগলামি")]),
        # so are a post's hashtags, in either script
        ("@rafi সবাই নিরাপদে থাকুন 🙏 #DhakaTraffic #Monsoon", [(BN, "@rafi সবাই নিরাপদে থাকুন 🙏 #DhakaTraffic #Monsoon")]),
        ("traffic in #ঢাকা today was insane", [(EN, "traffic in #ঢাকা today was insane")]),
    ],
)
def test_handles_are_neutral(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r.lang.value, r.text) for r in separate(text)] == expected
