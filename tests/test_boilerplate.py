"""Golden table for `is_boilerplate(text, standalone)`.

The page furniture below was written for these tests in the style of Bangladeshi news sites;
none of it is taken from the evaluation noise (`../shared/eval/noise-dev.json`), so the rules
are not tuned to the strings they are scored on. The sentences that must stay are real ones
from the seeds and the RisingNews valid set (Hasan et al., EMNLP 2020; CC BY-NC-SA 4.0).
"""
from __future__ import annotations

import json

import pytest

from aligner.text.boilerplate import is_boilerplate
from conftest import SHARED, require_shared

DATES = [
    "Sunday, 9 June 2024",
    "Jun 9, 2024 08:45 PM",
    "Updated: 09 Jun 2024, 20:45",
    "Published at 10:05 am, March 3rd, 2023",
    "Posted: 2024-06-09 20:45:07",
    "Dhaka, June 9",
    "রবিবার, ০৯ জুন ২০২৪",
    "আপডেট: ১১:৪০ রাত, ৯ জুন ২০২৪",
    "২৬ জ্যৈষ্ঠ ১৪৩১",
    "৩০ ভাদ্র ১৪৩১ বঙ্গাব্দ",
    "২৪ ফেব্রুয়ারি ২০২২।",  # a date line keeps its dari and is still no sentence
]
BYLINES = [
    "ঢাকা, ০৯ জুন ২০২৪ (বাসস)",
    "Staff Correspondent, Rajshahi",
    "Our Correspondent",
    "Desk Report",
    "নিজস্ব প্রতিবেদক, সিলেট",
    "জেলা প্রতিনিধি, রাজশাহী",
    "জাতীয় ডেস্ক",
    "প্রতিবেদন: নিজস্ব প্রতিবেদক",
    "Posted by admin on 12 March 2024",
]
UI_LINES = [
    "Share",
    "Comments",
    "2 Comments",
    "Comments (0)",
    "Print this page",
    "Read more:",
    "Back to top",
    "Follow us on Twitter",
    "Share this story on Facebook",
    "Like us on Facebook and Instagram",
    "ফেসবুকে আমাদের অনুসরণ করুন",
    "Related News",
    "ADVERTISEMENT",
    "Copy link",
    "আরও পড়ুন:",
    "আরো পড়ুন",
    "— বিজ্ঞাপন —",
    "শেয়ার করুন",
    "মন্তব্য করুন",
    "সর্বশেষ সংবাদ",
    "এই খবরটি শুনুন",
]
LINKS = [
    "https://www.risingbd.com/english/national/news/12345",
    "www.dhakatribune.com",
    "Email: desk@example.com.bd",
    "© 2024 Example News Ltd. All rights reserved",
    "Read more: https://www.risingbd.com/english/national/news/12345",
    "বিস্তারিত জানতে ভিজিট করুন www.example.gov.bd",
    "Follow us on Twitter @dailystar https://twitter.com/dailystar",  # a handle, but only a call to follow
]
TAGS = ["/এসকে/", "/তারেক/"]  # the desk's initials that close a Bangla report
LABELS = [
    "Photo: Courtesy",
    "Photo: Star",
    "ছবি: প্রতিনিধি",
    "ছবি: ফোকাস বাংলা",
    "Tags: Dhaka, Election Commission, Upazila",
    "ট্যাগ: ঢাকা, নির্বাচন",
    "Source: BSS",
    "সূত্র: বাসস",
]

SENTENCES = [
    "They were taken to Dhaka Medical College Hospital.",
    "They were taken to Dhaka Medical College Hospital",
    "তাদের ঢাকা মেডিক্যাল কলেজ হাসপাতালে নেওয়া হয়েছে।",
    "তাদের ঢাকা মেডিক্যাল কলেজ হাসপাতালে নেওয়া হয়েছে",
    "Deputy Director of the hospital Dr Laxmi Narayan Majumder confirmed this.",
    "Uday Hakim was born on 25 March in 1975 at Bordhonpara village under Mirzapur Upazila of Tangail District.",
    "উদয় হাকিম ১৯৭৫ সালের ২৫ মার্চ টাঙ্গাইলের মির্জাপুর উপজেলার বর্ধনপাড়া গ্রামে জন্মগ্রহণ করেন।",
    "Which is 2.8 per cent more than the same period of last year.",
    "যা গত বছরের একই সময়ের চেয়ে ২ দশমিক ১৮ শতাংশ বেশি।",
    "The players have been asked to report at 5:00pm on September 25.",
    "প্রাথমিক দলের খেলোয়াড়দের ২৫ সেপ্টেম্বর বিকেল ৫টায় রিপোর্ট করতে বলা হয়েছে।",
    "Nobody will be allowed to run casino business, Home Minister",
    "কাউকে ক্যাসিনো ব্যবসা করতে দেয়া হবে না , স্বরাষ্ট্রমন্ত্রী",
    "আওয়ামী লীগের জনপ্রিয়তা বেড়েছেঃ শেখ হাসিনা",
    "Washington declares 49th Independence Day 'Bangladesh Day'",
    "মুসলিম উম্মাহর ঐক্যে গুরুত্বারোপ প্রধানমন্ত্রীর",
    # sentences that open with a UI word or a date
    "Share prices fell 3% on Monday.",
    "Comments from the minister drew criticism.",
    "On 14 September 2024, the Election Commission announced the schedule.",
    # a post in a thread, with a link
    "@nila7 look at this https://t.co/abc123",
    "check out this thread by @bbcbangla on the floods https://t.co/xyz",
    "the traffic in Dhaka today was insane #DhakaTraffic https://t.co/abc123",
    "আজ ঢাকার যানজট ছিল ভয়াবহ #ঢাকা https://t.co/abc123",
    # a sentence that cites a link is prose
    "We intend to use the libraries ABSEIR (deposited on GitHub: https://tinyurl.com/vqu35cj)"
    " and abctools to estimate epidemic measures on a weekly basis.",
    "আমাদের উদ্দেশ্য হল সাপ্তাহিক ভিত্তিতে মহামারীগত পদক্ষেপের হিসাব করার জন্য ABSEIR"
    " (GitHub: https://tinyurl.com/vqu35cj-এ জমা থাকা) লাইব্রেরীগুলিকে ব্যবহার করা।",
]
SHORT_SENTENCES = [
    "539 people returned homes after receiving treatment.",
    "৫৩৯ জন চিকিৎসা নিয়ে বাড়ি ফিরে গেছেন।",
    "He left.",
    "তিনি চলে যান।",
]
# A title beside its translation on one line: short and without a stop, but not alone.
TWO_RUN_TITLES = [
    "The Pakistani prime minister met with Putin during Russia's invasion of Ukraine",
    "রাশিয়ার ইউক্রেন আক্রমণ চলাকালেই পুতিনের সাথে সাক্ষাৎ করলেন পাকিস্তানের প্রধানমন্ত্রী",
    "Eid greetings",
    "ঈদের শুভেচ্ছা",
]

FIXED = [  # once known failures, kept as cases
    pytest.param("By Staff Correspondent, Chattogram", True, True, id="byline-with-by"),
    pytest.param("Listen to this article", True, True, id="listen-to-this-article"),
    pytest.param("Quader: BNP is in panic", True, False, id="speaker-headline"),
    pytest.param("Reporting by Ruma Paul; Editing by Alex Richardson", True, True, id="agency-credit"),
    pytest.param("(Writing by Ruma Paul)", True, True, id="agency-credit-in-brackets"),
    pytest.param("Reporting by the BBC suggests that the talks have stalled.", True, False, id="credit-words-in-a-sentence"),
    pytest.param("Translated by Sadia Rahman", True, True, id="translator-credit"),
    pytest.param("Sign in to comment", True, True, id="sign-in-to-comment"),
    pytest.param("You may also like", True, True, id="you-may-also-like"),
    pytest.param("আপনার আরও ভালো লাগতে পারে", True, True, id="you-may-also-like-bn"),
    pytest.param("Last updated 2 hours ago", True, True, id="relative-time"),
    pytest.param("সর্বশেষ আপডেট ২ ঘণ্টা আগে", True, True, id="relative-time-bn"),
    pytest.param("He left 2 hours ago", True, False, id="relative-time-in-a-sentence"),
    pytest.param("Now 2 dead", False, False, id="now-is-no-date-word"),  # a headline in a run-on line
    pytest.param(
        "Translated by volunteers, the leaflets reached every village.", True, False, id="translated-in-a-sentence"
    ),
]


def _cases(texts: list[str], standalone: bool, expected: bool) -> list:
    return [pytest.param(t, standalone, expected, id=t[:40]) for t in texts]


@pytest.mark.parametrize(
    "text, standalone, expected",
    _cases(DATES + BYLINES + UI_LINES + LINKS + TAGS + LABELS, True, True)
    + _cases(SENTENCES + SHORT_SENTENCES, True, False)
    + _cases(TWO_RUN_TITLES, False, False)
    + FIXED,
)
def test_is_boilerplate(text: str, standalone: bool, expected: bool) -> None:
    assert is_boilerplate(text, standalone) is expected


@pytest.mark.parametrize("text", DATES + LINKS)
def test_dates_and_links_are_boilerplate_even_beside_other_text(text: str) -> None:
    assert is_boilerplate(text, standalone=False)


@pytest.mark.parametrize("text", TAGS)
def test_tags_are_boilerplate_even_beside_other_text(text: str) -> None:
    assert is_boilerplate(text, standalone=False)


@pytest.mark.parametrize("text", ["", "   ", "12:30", "---", "|", "০৯/০৬/২০২৪"])
def test_no_words_is_boilerplate(text: str) -> None:
    assert is_boilerplate(text, standalone=True)


def test_table_is_not_copied_from_the_dev_noise() -> None:
    noise_file = SHARED / "eval" / "noise-dev.json"
    require_shared(noise_file)
    noise = {s for strings in json.loads(noise_file.read_text(encoding="utf-8")).values() for s in strings}
    ours = DATES + BYLINES + UI_LINES + LINKS + TAGS + LABELS
    assert noise.isdisjoint(ours)


# Furniture that ends like a sentence, known by its form (whole lines; written for these tests).
FURNITURE_LINES = [
    "Copyright 2025. All rights reserved.",
    "© 2025 The Daily Example. All rights reserved.",
    "Content on this site: all rights reserved by the publisher.",
    "কপিরাইট ২০২৫। সর্বস্বত্ব সংরক্ষিত।",
    "Click here to read this report in Bangla.",
    "Tap to listen.",
    "Read the full story in English",
    "Switch to Bengali",
    "English version",
    "বাংলায় পড়ুন",
    "খবরটি ইংরেজিতে পড়তে এখানে ক্লিক করুন।",
    "বাংলা সংস্করণ",
    # a note on the article's other language
    "This article was first published in Bangla.",
    "This interview was translated from Bengali by our desk.",
    "প্রতিবেদনটি প্রথমে ইংরেজিতে প্রকাশিত হয়েছিল।",
    "This article is also available in Bangla.",
    "প্রতিবেদনটি বাংলাতেও পড়া যাবে।",
    "The English version of this report was published on Monday.",
    # a comment form's note
    "Your email address will not be published.",
    "আপনার ইমেইল ঠিকানা প্রকাশ করা হবে না।",
    # a link to another article under its label
    "Also read: Japan pledges new loans for Dhaka metro rail",
    "Related: Floods leave thousands homeless in Sylhet.",
    "আরও পড়ুন: ঢাকা মেট্রোরেলে নতুন ঋণের প্রতিশ্রুতি জাপানের",
    "সম্পর্কিত খবর: সিলেটে বন্যায় হাজারো মানুষ গৃহহীন",
    # the site's call to its readers
    "Subscribe to our YouTube channel",
    "Download our app for the latest news.",
    "Follow us on Google News",
    "Stay updated with our newsletter",
    "আমাদের ইউটিউব চ্যানেল সাবস্ক্রাইব করুন",
    "সর্বশেষ খবর পেতে আমাদের অ্যাপ ডাউনলোড করুন।",
    "গুগল নিউজে আমাদের ফলো করুন",
    # share buttons, a read counter, a row of links
    "Share on Facebook Share on Twitter",
    "This news has been read 1,234 times",
    "এই সংবাদটি পড়া হয়েছে ১,২৩৪ বার",
    "Terms of use | Privacy policy | Contact",
    "ব্যবহারের শর্তাবলি | গোপনীয়তা নীতি",
    # a pager; the imprint, however long its address
    "Previous article Next article",
    "আগের খবর পরের খবর",
    # a page still loading
    "Loading...",
    "লোড হচ্ছে...",
    # an image's credit under its label
    "Image source, Getty Images",
    "ছবির উৎস, গেটি ইমেজেস",
    "Photo credit: Reuters",
    # an opinion page's disclaimer
    "Disclaimer: The views expressed in this article are the author's own.",
    "দায়মুক্তি: এই লেখায় প্রকাশিত মতামত লেখকের নিজস্ব।",
    "The views expressed here are those of the author alone.",
    "Editor: Naem Nizam. Published by the editor from 371/A Block D, Bashundhara, Dhaka.",
    "সম্পাদক: নাঈম নিজাম। বসুন্ধরা, ঢাকার ৩৭১/এ ব্লক ডি থেকে সম্পাদক কর্তৃক প্রকাশিত।",
]
# Sentences that only mention copyright, clicking or a language stay; imperatives with `our`.
MENTIONS = [
    "Stay at home, protect our NHS, save lives.",
    "আমাদের এনএইচএসকে রক্ষা করুন।",
    "Follow the guidance on our website for the latest advice.",
    "Read the label before you use the product.",
    "The ministry said it had read 1,234 letters.",
    "তিনি চলে যান। আমরা থাকি।",
    "The editor said the newspaper would appeal against the ruling.",
    "The copyright of the novel passed to her son.",
    "He gave the speech in English.",
    "The novel was first published in Bangla in 1956.",
    "The English version of the law is available online.",
    "Her poems are now available in Bangla and Hindi.",
    "The posted notice was signed by the mayor.",
    "The report was written by researchers in Dhaka and Sylhet.",
    "The report, published in English and Bangla, calls for new flood shelters.",
    "উপন্যাসটি প্রথমে বাংলায় প্রকাশিত হয় ১৯৫৬ সালে।",
    "Clicking through the files, investigators found the contract.",
    "তিনি ইংরেজিতে বক্তব্য দেন।",
    "The court said all rights of the tenants must be protected.",
    "Loading the ships took two days.",
    "Image sources differ on the number of victims, police said.",
    "The views of the author were criticised by the minister.",
    "তিনি বলেন, এই মতামত তার দলের।",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_furniture_lines_are_known_by_their_form(line: str) -> None:
    from aligner.text.boilerplate import is_furniture_line
    from aligner.text.segment import segment_monolingual
    from aligner.types import Lang

    assert is_furniture_line(line)
    lang = Lang.BN if any("\u0980" <= c <= "\u09ff" for c in line) else Lang.EN
    segments = segment_monolingual(line, lang)
    assert segments and all(s.boilerplate for s in segments)


@pytest.mark.parametrize("line", MENTIONS)
def test_sentences_that_mention_copyright_or_a_language_stay(line: str) -> None:
    from aligner.text.boilerplate import is_furniture_line

    assert not is_furniture_line(line)


@pytest.mark.parametrize("line", ["@rafi21 thanks", "@rafi21 ধন্যবাদ", "@mou9 yes closed", "@nila3 হ্যাঁ বন্ধ"])
def test_a_short_reply_in_a_thread_is_a_post(line: str) -> None:
    # a line that opens with the handles it answers is a post, however short; not in prose
    # (`@johnsmith on Twitter` under a byline), nor a handle with no word of its own
    assert not is_boilerplate(line, standalone=True, thread=True)
    assert is_boilerplate(line, standalone=True, thread=False)
    assert is_boilerplate("@rafi21 @mou9", standalone=True, thread=True)
    assert is_boilerplate("Reply", standalone=True, thread=True)  # the thread's own buttons stay furniture
