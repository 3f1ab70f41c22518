"""Rule-based Bangla sentence splitter: regular expressions, no model, no dictionary.

A sentence ends at:

* `।` or `॥` (one or more), always — also with no space after it (`যোগ দেন।২৪ ফেব্রুয়ারি`);
* `?` or `!` (one or more), when whitespace, the end, a Bangla character or an opening
  quote follows — not inside a Latin URL (`?id=5`);
* a Latin `I` or `|` typed for `।` (`করবেI পাকিস্তানের`, `দেন I পরে`, `হয়েছে”| বিষয়টা`,
  `2,706I মিস্টার`), rewritten by `normalize_dari` first (see `dari.py`), offsets
  unchanged;
* a single `.` directly after a Bangla word, before whitespace or the end — unless the word
  is an abbreviation (`ড.`, `মো.`, `লে.`, `(অব.)` …) or an initial (one Bangla letter with
  its signs, `এ. কে.`, or a spelled Latin letter, `এম.`). A `.` with no space after it
  (`৩.৫`, `2.4`, `ড.এ কে`, `www.x.com`) and a `.` after digits or Latin words never ends
  a sentence;
* a line break;
* no stop, but a word that ends like a finite verb (`ends_with_verb`) before a quotation
  that opens (`... পদক্ষেপ গ্রহণ করেছিল "তবে আমরা ...`): a Bangla sentence ends with its
  verb. Not after a verb of saying (`সে বলল “আমি যাব”`), which the quotation completes.
  Threads 0.9443 -> 0.9454, second TICO-19 tuning set 0.9819 -> 0.9821, the others
  unchanged. The finite-verb endings live here, and the repairs use them too.

Closing quotes and brackets right after the stop stay with its sentence (`হয়।”`). A
straight `"` or `'` right after a stop closes when whitespace, the end or another closer
follows it, or when one of its kind is open on the line (`হবে।"তিনি বলেন`); otherwise it
opens the next sentence (`দিন।"আমরা`).

An ellipsis (`...`, `…`) never ends a sentence by itself: in Bangla news it marks a pause
or a cut quotation far more often than a sentence end, and with no capital letters there
is no cheap sign of a new sentence after it. At the end of a line it ends the sentence
anyway, as the line does.

A `?` or `!` that closes a quotation is no end where a short attribution follows it up to
the next stop, with a verb of saying or asking (`“কেন?” তিনি জানতে চান।`, `“কোথায় যাচ্ছ?” সে
জিজ্ঞেস করল।`): the speaker completes the sentence, as in English `"Why?" she asked.`
(dialogue in fiction; no corpus line holds one). So is one in a sentence that opens with
a dash, as Bangla fiction often sets its dialogue (`—সারা রাত কোথায় ছিলি? মা জিজ্ঞেস
করলেন।`), where the English has quotation marks.

Known limits: `।` inside a quoted speech splits it, since Bangla has no case to tell a
continuation from a new start.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from aligner.text.dari import normalize_dari
from aligner.text.nukta import either_nukta, fold_nukta
from aligner.text.split.spans import stripped
from aligner.types import SHARED_STOPS, Lang

# Bangla letters and signs (vowel signs, virama, ঁ ং ঃ), without the digits ০–৯; with ZWNJ/ZWJ.
_LETTERS = Lang.BN.letters + "\u200C\u200D"
# Base letters only: vowels and consonants (incl. ড় ঢ় য় ৎ), not the signs.
_BASE_LETTER = re.compile("[\u0985-\u09B9\u09CE\u09DC-\u09DF\u09E0\u09E1]")
_WORD_BEFORE = re.compile(f"[{_LETTERS}]+$")

# Closing quotes/brackets after a stop; a straight quote among them may open the next one.
_CLOSER_CHARS = "”’»)]}\"'"
_CLOSERS = f"[{re.escape(_CLOSER_CHARS)}]*"
_STRAIGHT_QUOTES = "\"'"
_DARI = Lang.BN.stops
_BOUNDARY = re.compile(
    rf"(?P<dari>[{_DARI}{SHARED_STOPS}]*[{_DARI}][{_DARI}{SHARED_STOPS}]*){_CLOSERS}"
    rf"|(?P<ask>[{SHARED_STOPS}]+){_CLOSERS}(?=\s|$|[{Lang.BN.script}“‘\"'(])"
    rf"|(?<![.…])(?P<dot>\.){_CLOSERS}(?=\s|$)"
    r"|(?P<newline>[\r\n\u2028\u2029]+)"
)

# Endings of a Bangla finite verb (`করেছে`, `বলেন`, `হবে`, `হয়`, `যায়`, `দেয়`, `গেল`, the
# negative `না` on its own or joined, `করেনা`, `ছিলাম`; the auxiliaries `পারে`, `থাকে` and the
# negative `নেই`), which ends a Bangla unit: its verb comes last (not the postposition
# `কাছে`, near, nor a noun in `-না` or `-য়`: `পরিকল্পনা`, `ঘটনা`, `সময়`, `বিষয়`, nor one in
# `-াল`, `-ুল`, `-ালো`: `সকাল`, `হাসপাতাল`, `স্কুল`, `ভালো`), maybe before the quotation mark
# it closes. The nouns out: second TICO-19 tuning set +0.0002, unstopped paragraph-sized
# +0.0011, the others unchanged (threads -0.0003 for `-না`/`-য়`, a headline that ends with
# `জয়`, victory, was cut there by luck; +0.0003 for `-ল`). Also the negated past (`করেনি`,
# `হয়নি`, `পারেননি`, `পাইনি`, `হয় নি`; not the pronouns `তিনি`, `যিনি`, nor `কোম্পানি`),
# the verbs in `-ান`/`-ন` that no noun spells (`জানান`, `চান`, `হন`, `নন`) and the polite
# imperative (`করুন`, `দেখুন`, `পড়ুন`; not `নতুন`, `আগুন`, `খুন`), which news, posts and
# dialogue end with: 100 of the 3,225 sentence ends before a spaced `।` in the shared corpora.
# No tuning F1 changes; threads' spills 76 -> 74.
_VERB_END = re.compile(either_nukta(
    rf"(?:(?<!কা)ছে|েন|বে|(?:[াে]|(?<![{_LETTERS}])[হনর])য়|(?<!া)লো|(?<![াুূ])ল"
    rf"|(?:(?<![{_LETTERS}])|ে|য়|ি)না|ছি|লাম|পারে|থাকে|নেই"
    rf"|(?:ে|য়|ন|(?<=[{_LETTERS}])ই|(?<![{_LETTERS}]))নি|(?<![{_LETTERS}])(?:জানান|চান|হন|নন)"
    rf"|(?<=[{_LETTERS}])(?:[রলখক]|ড়)ুন)"
    r"[\"”’']?\s+$"
))  # `হয়` either way
# The surest of those endings (not `ল`, `না`, `য়` but in `হয়`, `যায়`), for a cut that only
# the verb marks (`run_ons.verb_led_cuts`), and the modals that end a clause there, `উচিত`
# (should) and `পারত` (could): as any verb ending (refine's split, trim) they cost the
# unstopped paragraph-sized tuning set 0.0033; as sure ends of a verb-led cut, -0.0009
# and +0.0045 on the two others (`score_corpus.py --seed 43`, `--seed 44`), the rest unchanged;
# and a first person's perfect (`করেছি`, `দিয়েছি`), which posts and dialogue end with (no
# tuning set changes: their news and medical text says it seldom)
_SURE_VERB_END = re.compile(either_nukta(
    rf"(?:(?<!কা)ছে|েছি|েন|বে|ছিল|লো|পারে|থাকে|নেই|হয়|যায়|(?:ে|য়|ন)নি|(?<![{_LETTERS}])(?:উচিত|পারত|পারতো|পারতেন))"
    r"[\"”’']?\s+$"
))
# A verbal noun of the commonest light verbs (`অনুমান করা`, estimating; `... নিশ্চিত করা`),
# with which a Bangla list item or heading ends where a sentence ends with its finite verb
_VERBAL_NOUN_END = re.compile(either_nukta(rf"(?<![{_LETTERS}])(?:করা|দেওয়া|দেয়া|নেওয়া|নেয়া|হওয়া|রাখা|যাওয়া|পাওয়া)\s+$"))
# A verb of saying, which the quotation after it completes (`সে বলল “আমি যাব”`)
_SAYING = re.compile(f"(?<![{_LETTERS}])(?:বল|জানা|জানি|জিজ্ঞেস)[{_LETTERS}]*$")
# A question or an exclamation that closes a quotation (`“কেন?”`), and the words of saying or
# asking that open its attribution after it (`তিনি জানতে চান`, `সে জিজ্ঞেস করল`)
_QUOTED_ASKING = re.compile(r"[?!]+[”’\"']")
_ATTRIBUTING = re.compile(r"(?:বল|জিজ্ঞেস|জানতে|চিৎকার|প্রশ্ন)")
_ATTRIBUTION_WORDS = 5
_OPENING_QUOTES = "“‘\"'"  # an attribution does not open with one
_DIALOGUE_DASH = re.compile(r"\s*[—–]")  # a line of dialogue opened with a dash (`—কোথায় যাচ্ছ? সে জিজ্ঞেস করল।`)
_ATTRIBUTION_CHARS = 200  # characters read for it
_NEXT_STOP = re.compile(f"[{Lang.BN.stops}?!\n]")
# A space after a Bangla word before a quotation that opens with a Bangla word
_BEFORE_QUOTE = re.compile(f"(?<=[{_LETTERS}])\\s+(?=[“\"][{_LETTERS}])")

# Abbreviations that take a `.`, written without it. One-letter ones (`ড`, `মো`, `লে`) are
# initials anyway and listed for the record; `ঃ` forms (`ডঃ`, `মোঃ`) never end a sentence.
ABBREVIATIONS = frozenset(
    {
        "ড", "ডা", "মো", "মোহা", "মুহা", "মোসা", "মোছা", "মাও", "লে", "সে", "মি", "মিসেস",
        "অ্যাড", "অ্যাডভো", "এড", "প্রফে", "প্রফ", "প্রো", "বি", "অব", "ব্রি", "ক্যা", "ইঞ্জি",
        "অধ্য", "খ্রি",
        # Latin letters spelled in Bangla, used as initials (`এ. কে. এম. শামসুল হক`).
        "এম", "এফ", "এল", "এন", "এস", "আর", "এইচ", "জেড", "এক্স", "ডব্লিউ", "ওয়াই",
        "কিউ", "আই", "ইউ",
    }
)


_FOLDED_ABBREVIATIONS = frozenset(fold_nukta(w) for w in ABBREVIATIONS)  # `ওয়াই` either way


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each Bangla sentence in `text`, without surrounding space."""
    text = normalize_dari(text)  # one character for one: offsets stay valid
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [*_boundaries(text), len(text)]:
        span = stripped(text, start, end)
        if span is not None:
            spans.append(span)
        start = end
    return spans


def _boundaries(text: str) -> Iterator[int]:
    """Offsets just past each sentence end (stop and closers), in order."""
    ends = []
    for m in _BOUNDARY.finditer(text):
        asking = _QUOTED_ASKING.match(text, m.start()) or (
            m.group("ask") and _DIALOGUE_DASH.match(text, ends[-1] if ends else 0, m.start()))
        if asking and _attribution_follows(text, m.end()):
            continue  # `“কেন?” তিনি জানতে চান।`: the quotation's speaker completes the sentence
        if m.group("dot") is None or _ends_sentence_with_dot(text, m.start()):
            end = m.end()
            while end > m.start() + 1 and _opens_quote(text, end - 1):
                end -= 1
            ends.append(end)
    for m in _BEFORE_QUOTE.finditer(text):  # `... গ্রহণ করেছিল "তবে আমরা ...`
        saying = _SAYING.search(text, max(0, m.start() - 40), m.start())
        if ends_with_verb(text, m.end()) and not saying and (text[m.end()] == "“" or _opens_quote(text, m.end())):
            ends.append(m.start())
    yield from sorted(set(ends))


def ends_with_verb(text: str, gap: int, sure: bool = False) -> bool:
    """Whether the Bangla word before the gap at offset `gap` ends like a finite verb (with
    `sure`, like one of the commonest finite forms, which few other words end like)."""
    return _word_ends(_SURE_VERB_END if sure else _VERB_END, text, gap)


def ends_with_verbal_noun(text: str, gap: int) -> bool:
    """Whether the Bangla word before the gap at offset `gap` is a light verb's verbal noun
    (`করা`, `দেওয়া` or `দেয়া`, `নেওয়া`, `হওয়া`, `রাখা`, `যাওয়া`, `পাওয়া`)."""
    return _word_ends(_VERBAL_NOUN_END, text, gap)


def _word_ends(ending: re.Pattern, text: str, gap: int) -> bool:
    """Whether `ending` matches the end of the word before the gap (the 12 characters before it)."""
    return bool(ending.search(text, max(0, gap - 12), gap))


def _attribution_follows(text: str, pos: int) -> bool:
    """Whether the clause from `pos` to the next stop is a quotation's attribution: at most
    `_ATTRIBUTION_WORDS` words, one of them a verb of saying or asking (`তিনি জানতে চান`,
    `সে জিজ্ঞেস করল`, `রিনা চিৎকার করে উঠল`). Not one that opens the next quotation with a
    comma (`তিনি আরও বলেন, “আমায় ...`, She continued, "I was ...): it runs on to that
    quotation's stop; nor a quotation itself (`“কেন?” “কারণ আমি বলেছি।”`, a reply whose
    own words say `বল`)."""
    window = text[pos : pos + _ATTRIBUTION_CHARS]  # a line can be a megabyte
    if window.lstrip()[:1] in _OPENING_QUOTES:
        return False  # the next quotation: `“কেন?” “কারণ আমি বলেছি।”`
    stop = _NEXT_STOP.search(window)
    if stop is None and len(window) == _ATTRIBUTION_CHARS:
        return False  # no stop near: no short clause
    words = window[: stop.start() if stop else len(window)].split()
    return 0 < len(words) <= _ATTRIBUTION_WORDS and any(_ATTRIBUTING.match(w) for w in words)


def _opens_quote(text: str, pos: int) -> bool:
    """Whether the straight quote at `pos`, right after a stop, opens the next sentence.

    It does when a word follows it directly and no quote of its kind is open on its line
    (`দিন।"আমরা`); it closes when space or the end follows, or one is open (`হবে।"তিনি`).
    """
    quote = text[pos]
    if quote not in _STRAIGHT_QUOTES:
        return False
    if pos + 1 == len(text) or text[pos + 1].isspace() or text[pos + 1] in _CLOSER_CHARS:
        return False
    line_start = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
    return text.count(quote, line_start, pos) % 2 == 0


def _ends_sentence_with_dot(text: str, dot: int) -> bool:
    """Whether the `.` at offset `dot` follows a Bangla word that is no abbreviation/initial."""
    word = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    return word is not None and not is_abbreviation(word.group())


def is_abbreviation(word: str) -> bool:
    """A Bangla word that a following `.` abbreviates: a listed one, or a one-letter initial."""
    return fold_nukta(word) in _FOLDED_ABBREVIATIONS or len(_BASE_LETTER.findall(word)) <= 1
