"""Recognise page furniture that must never be paired: dates, bylines, labels, UI links.

An embedding model sees `Advertisement` and `বিজ্ঞাপন`, or two date lines, as good
translations of each other, so similarity alone cannot keep them apart. These rules look
at one segment's form only: how many words it has, whether it ends like a sentence, and
whether it stands alone on its line. Content is left to the aligner's margin score.
"""
from __future__ import annotations

import re

from aligner.text.nukta import fold_nukta
from aligner.text.params import TextParams
from aligner.text.split.posts import HANDLE
from aligner.types import SHARED_STOPS, Lang

BN, EN = Lang.BN, Lang.EN
_WORD = re.compile(f"[{EN.letters}{BN.letters}][\\w{BN.script}'’.-]*")
_DIGIT = re.compile(f"[{EN.digits}{BN.digits}]")
_SENTENCE_END = re.compile(f"[{EN.stops}{SHARED_STOPS}{BN.stops}]" r"[\"'”’»)\]]*$")
_URL_OR_MAIL = re.compile(r"https?://|www\.|\S+@\S+\.\w+|©|\(c\)", re.IGNORECASE)
_LINK = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
# A reply's `@handle` or a `#hashtag` (not an address's `desk@example.com`): the text is a post
_POST_MARK = re.compile(f"(?<!\\S)[@#][{EN.letters}{BN.letters}_\\d]")
_TAG = re.compile(r"(?<!\S)[@#]\S+")
_OPENING_HANDLE = re.compile(rf"\s*{HANDLE}")  # a reply opens with the handle it answers (`@rafi21 thanks`)
_LABEL = re.compile(r"^[^\s:]+(?:\s+[^\s:]+)?\s*:\s*(\S.*)$")
_DESK_TAG = re.compile(r"^/[^\s/]{1,16}/?$")  # `/এমপি/`: the desk's initials
_BYLINE = re.compile(r"^(?:by|reported by|written by|posted by)\s", re.IGNORECASE)
# A news agency's or a translator's credit line, one role or several (`Reporting by Ruma Paul;
# Editing by Alex Richardson`, `(Writing by ...)`, `Translated by ...`): up to twice
# `label_max_words` words
_CREDIT = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing|edited|compiled|translated|translation)(?: and \w+)? by\s",
    re.IGNORECASE,
)

_EN_DATE_WORDS = (
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday"
    " friday saturday sunday am pm a.m. p.m. gmt bst updated update published posted"
    " last modified on at"
    " ago hour hours hr hrs minute minutes min mins"  # a relative time: `Last updated 2 hours ago`
).split()
_BN_DATE_WORDS = (
    "জানুয়ারি জানুয়ারী ফেব্রুয়ারি ফেব্রুয়ারী মার্চ এপ্রিল মে জুন জুলাই আগস্ট অগাস্ট"
    " সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর শনিবার রবিবার সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার"
    " শুক্রবার বৈশাখ জ্যৈষ্ঠ আষাঢ় শ্রাবণ ভাদ্র আশ্বিন কার্তিক অগ্রহায়ণ পৌষ মাঘ ফাল্গুন চৈত্র"
    " আপডেট প্রকাশিত প্রকাশ সময় সকাল বিকাল বিকেল রাত দুপুর"
    " সর্বশেষ আগে এইমাত্র ঘণ্টা ঘন্টা মিনিট"  # `সর্বশেষ আপডেট ২ ঘণ্টা আগে`
).split()
_DATE_WORDS = frozenset(fold_nukta(w) for w in _EN_DATE_WORDS + _BN_DATE_WORDS)  # `জানুয়ারি` either way

# Interface lines of four words or more (shorter standalone lines without a stop are
# furniture anyway, `TextParams.short_line_words`): the calls to follow, like, listen or
# sign in that news sites print in both languages, and the header of their list of other
# articles (`You may also like`; lower-cased, punctuation-free).
_NOT_WORD = re.compile(rf"[^\w\s{BN.script}]")
_UI_LINES = re.compile(fold_nukta(
    r"^(?:(?:follow|like|join) us on \w+(?: and \w+)?|listen to this (?:article|story|news)|"
    r"(?:share|print|email) this (?:article|story|post|page)(?: on \w+)?|"
    r"(?:sign in|log in|login|register|subscribe) to (?:comment|reply|continue reading|read more)|"
    r"আমাদের \S+ পেজে? লাইক দিন|\S+ আমাদের অনুসরণ করুন|খবরটি \S+ শেয়ার করুন|"
    r"you (?:may|might) also (?:like|enjoy)|(?:recommended|suggested) for you|"  # a list of other articles
    r"(?:আপনার )?(?:আরও )?(?:ভালো লাগতে|পছন্দ হতে) পারে|আরও যা পড়তে পারেন)$"
))  # matched against folded text


# Furniture that may end like a sentence, known by its form, whole lines only: a copyright
# notice, a call to click or tap, a link to the page in the other language, a note that
# names the article itself and the language it was first published in or translated from
# (`This article was first published in Bangla.`, `প্রতিবেদনটি প্রথমে ইংরেজিতে প্রকাশিত
# হয়েছিল।`; not `The novel was first published in Bangla in 1956.`) or can be read in
# (`This article is also available in Bangla.`, `প্রতিবেদনটি বাংলাতেও পড়া যাবে।`, `The
# English version of this report ...`); a comment form's note (`Your email address will
# not be published.`); a link to
# another article under its label (`Also read: ...`, `আরও পড়ুন: ...`); the site's call to its
# readers to follow, like, subscribe, download or join it, which names `us`/`our` (`আমাদের`,
# the Bangla with the call's verb last: `Subscribe to our YouTube channel`, `গুগল নিউজে
# আমাদের ফলো করুন`; not any imperative with `our`: `Protect our NHS` is a sentence); a row of
# share buttons; a read counter (`This news has been read 1,234 times`). Each needs the
# form's own words at the start of the line (or `all rights reserved` anywhere, or the
# Bangla call's verb at its end), so a sentence that only mentions copyright or English
# is kept. And a pager (`Previous article Next article`), a page still loading
# (`Loading...`, `লোড হচ্ছে...`) and an image's credit under its label (`Image source, Getty
# Images`, `ছবির উৎস, গেটি ইমেজেস`), and an opinion page's disclaimer (`Disclaimer: The
# views expressed in this article are the author's own.`, `... মতামত লেখকের নিজস্ব।`).
_FURNITURE_LINES = re.compile(fold_nukta(
    r"^(?:©|\(c\)|copyright\b|কপিরাইট)|\ball rights reserved\b|সর্বস্বত্ব সংরক্ষিত|"
    r"^(?:please\s+)?(?:click|tap)\b|^এখানে ক্লিক|ক্লিক করুন[।!.]?$|"
    r"^(?:read|view|see|switch to|also available)\b.{0,40}\b(?:in|to) (?:english|bangla|bengali)\b|"
    r"^(?:english|bangla|bengali) (?:version|edition)\b|^switch to (?:english|bangla|bengali)\b|"
    r"^the (?:english|bangla|bengali) (?:version|edition|translation) of this (?:article|report|story|piece|news)\b|"
    r"(?:বাংলায়|ইংরেজিতে) (?:পড়ুন|দেখুন)|^(?:বাংলা|ইংরেজি) সংস্করণ|"
    r"^this (?:article|report|story|piece|interview|column|op-ed|write-up)\b.{0,60}"
    r"\b(?:published|appeared|written|translated|available)\b.{0,40}\b(?:in|from|into) (?:english|bangla|bengali)\b|"
    r"^(?:এই\s+)?(?:প্রতিবেদনটি|লেখাটি|নিবন্ধটি|সাক্ষাৎকারটি|খবরটি|সংবাদটি|কলামটি)\s.{0,60}"
    r"(?:ইংরেজি|বাংলা)(?:তে|য়| থেকে| ভাষায়)ও?\s.{0,40}(?:প্রকাশিত|অনূদিত|লেখা|প্রকাশ|পড়া যাবে|পাওয়া যাবে|পড়তে পারেন)|"
    r"^your email address will not be published\b|আপনার ই-?মেইল ঠিকানা প্রকাশ করা হবে না|"
    r"^(?:also read|read also|read more|see also|more news|related(?: news| stories| articles| posts)?)\s*:|"
    r"^(?:আরও|আরো) (?:পড়ুন|খবর|সংবাদ|দেখুন)\s*:|^সম্পর্কিত(?: খবর| সংবাদ)?\s*:|"
    r"^(?:please\s+)?(?:follow|like|subscribe to|join|download|install|sign up for) (?:us|our)\b|"
    r"^stay (?:connected|tuned|updated) with (?:us|our)\b|"
    r"আমাদের\s.{0,60}(?:ফলো|লাইক|সাবস্ক্রাইব|ডাউনলোড|ইনস্টল|সাইন আপ) (?:করুন|দিন)[।!.]?$|"
    r"আমাদের\s.{0,60}(?:যোগ দিন|যুক্ত হোন|সাথে থাকুন|সঙ্গে থাকুন)[।!.]?$|"
    r"^(?:(?:share|tweet|post) on \w+[\s,]*){2,}$|"
    r"^(?:previous|prev|older) (?:article|post|story|news) (?:next|newer) (?:article|post|story|news)$|"
    r"^(?:আগের|পূর্ববর্তী) (?:খবর|সংবাদ|পোস্ট) (?:পরের|পরবর্তী) (?:খবর|সংবাদ|পোস্ট)$|"
    r"\b(?:read|viewed|seen) [\d,]+ times\b|পড়া হয়েছে [\d,]+ বার|[\d,]+ বার পড়া হয়েছে|"
    r"^(?:loading|please wait|লোড হচ্ছে|অপেক্ষা করুন)\W*$|"
    r"^(?:image|photo|picture|video) (?:source|credit|courtesy)s?\s*[:,][^.!?।]{0,60}$|"
    r"^ছবির? (?:উৎস|সূত্র|কৃতজ্ঞতা)\s*[:,][^.!?।]{0,60}$|"
    r"^(?:disclaimer|দায়মুক্তি|দায়বদ্ধতা)\s*:|"  # the opinion page's disclaimer
    r"^(?:the )?(?:views|opinions) (?:expressed )?(?:in|here).{0,60}\b(?:author|writer|columnist)s?\b|"
    r"মতামত .{0,40}(?:লেখকের|লেখকদের|লেখিকার) (?:নিজস্ব|একান্ত)"),
    re.IGNORECASE,
)  # matched against folded text
# The imprint: the editor's and publisher's names and address under their label, long as it
# may be (up to twice `furniture_line_words`).
_IMPRINT = re.compile(fold_nukta(
    r"^(?:editor|publisher|editor (?:and|&) publisher|editor-in-chief|executive editor)\s*:|"
    r"^(?:সম্পাদক|প্রকাশক|সম্পাদক ও প্রকাশক|প্রধান সম্পাদক|নির্বাহী সম্পাদক)\s*:"),
    re.IGNORECASE,
)
# A row of links: short items (three words or fewer) between ` | `, ` · ` or ` • ` (a Bangla
# `|` reads as `।` by then): `Terms of use | Privacy policy`.
_LINK_ROW_SEPARATOR = re.compile(r"\s+[|।·•]\s+")


def is_furniture_line(line: str, params: TextParams = TextParams()) -> bool:
    """A whole line of page furniture by its form, even where it ends with a stop
    (`Copyright 2024. All rights reserved.`, `Click here to read this in Bangla.`):
    every sentence of it is boilerplate."""
    text = " ".join(line.split())
    count, folded = len(words(text)), fold_nukta(text)
    if count <= 2 * params.furniture_line_words and _IMPRINT.match(folded):
        return True
    if count > params.furniture_line_words:
        return False
    return bool(_FURNITURE_LINES.search(folded)) or _is_link_row(text, params)


def _is_link_row(text: str, params: TextParams) -> bool:
    items = _LINK_ROW_SEPARATOR.split(text)
    return len(items) > 1 and all(0 < len(words(item)) <= params.short_line_words for item in items)


def _is_link_line(text: str, params: TextParams, thread: bool = False) -> bool:
    """A URL, an address or a copyright sign in a short text (`Read more: https://...`,
    `© 2024 The Daily Star`), but not a post, which names a `@handle` or a `#hashtag`
    (`@nila7 look at this https://...`, `the traffic today was insane #Dhaka https://...`).
    A sentence that cites a link is prose: more than
    `furniture_line_words` words outside its links (`... we intend to use the libraries
    ABSEIR (deposited on GitHub: https://tinyurl.com/vqu35cj) to estimate ...`); in a
    reply thread (`thread`), more than `short_line_words`: a post's later sentence names no
    handle (`@nila yes same here. the rain made it worse https://t.co/...`)."""
    if not _URL_OR_MAIL.search(text):
        return False
    rest = _LINK.sub(" ", text)
    if _POST_MARK.search(text):  # a post, unless it only asks to follow (`Follow us on X @star https://...`)
        return _is_ui_line(_TAG.sub(" ", rest))
    most = params.short_line_words if thread else params.furniture_line_words
    return len(words(rest)) <= most


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_boilerplate(text: str, standalone: bool, params: TextParams = TextParams(), thread: bool = False) -> bool:
    """True for page furniture. `standalone`: the segment is a whole line by itself;
    `thread`: the text is a reply thread (`split.is_thread`), where a short line that opens
    with the handle it answers is a post (`_is_reply`), not furniture."""
    ws = words(text)
    if not ws:
        return True  # numbers and symbols are no sentence
    if _is_link_line(text, params, thread) or _DESK_TAG.match(text.strip()) or _is_date_line(ws, text, params):
        return True
    if not standalone or _SENTENCE_END.search(text.strip()):
        return False
    if len(ws) <= params.short_line_words and not (thread and _is_reply(text)) or _is_ui_line(text):
        return True
    if _BYLINE.match(text) and len(ws) <= params.label_max_words:
        return True
    if _CREDIT.match(text) and len(ws) <= 2 * params.label_max_words:
        return True
    return _is_label(text, params.label_item_words) and len(ws) <= params.label_max_words


def _is_reply(text: str) -> bool:
    """A post that opens with the `@handles` it answers and has a word of its own, however
    short (`@rafi21 thanks`, `@nila3 yes closed`): in a reply thread, a post, not furniture."""
    return bool(_OPENING_HANDLE.match(text)) and bool(words(_TAG.sub(" ", text)))


def _is_label(text: str, item_words: int) -> bool:
    """`Photo: Collected`, `Tags: Bangladesh, Politics`: a label and a short value or list.

    A longer clause after the colon is a headline (`Quader: BNP is in panic`), not a label.
    """
    label = _LABEL.match(text)
    if not label:
        return False
    items = label.group(1).split(",")
    return all(len(item.split()) <= item_words for item in items)


def _is_date_line(ws: list[str], text: str, params: TextParams) -> bool:
    if not _DIGIT.search(text):
        return False
    content = [w for w in ws if fold_nukta(w.lower().strip(".:,")) not in _DATE_WORDS]
    return len(content) <= params.date_max_content_words and len(ws) <= params.date_max_words


def _is_ui_line(text: str) -> bool:
    flat = _NOT_WORD.sub(" ", fold_nukta(text.lower()))
    return bool(_UI_LINES.match(" ".join(flat.split())))
