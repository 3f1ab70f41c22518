"""English sentence splitting with pySBD, mapped back to offsets in the original text.

pySBD (`Segmenter(language="en", clean=False)`) knows `Dr.`, `Mrs.`,
`U.S.`, `John F. Kennedy`, decimals, `a.m.`, quotations and `...`. It is created once, on
first use. Speed: about 0.35 ms per sentence on one CPU core (the 597 RisingNews validation
sentences, one call per line: 0.20 s; 0.33 s with pySBD's own char spans); one call on a whole 70,000-character article is
slower, about 1.8 ms per sentence, so callers should split paragraph by paragraph.

pySBD keeps a quotation whole: it does not cut between two double quotes. In real news a
quotation often opens in one line and closes in the next, or a `"` is typed for an
apostrophe (`the Lakers" schedule`), and then pySBD runs whole sentences together
(`...candidates," he said. Trump continued, "You see...`). So pySBD reads a copy of the
text with every double quote blanked (same length, so offsets hold): sentences inside a
quotation are cut as the Bangla splitter cuts them, which keeps the two sides alike, and a
closing quote left at the start of a piece goes back to its sentence (below).

Only pySBD's sentence *ends* are used: each sentence's stripped text is located in the
original, searching forward from the previous end, and a span runs from one end to the
next. Every non-space character therefore lands in exactly one span, even where pySBD's
char spans would skip or repeat text. The sentences are taken from its processor
(`Segmenter.processor(text).process()`), before its own char-span pass, which compiles one
regular expression per sentence and evicts every other from Python's pattern cache: the
same spans on all 22,894 lines of the shared corpora and tuning articles, in 12.4 s
instead of 19.9 s.

Five visible post-fixes, all tested:

* `Md.`, `Mohd.` and `Mst.` (Bangladeshi name prefixes: `Foreign Secretary Md. Shahidul
  Haque`) never end a sentence; pySBD treats `Md.` as Maryland and splits after it.
* A question or an exclamation that closes a quotation is no end before a lower-case word:
  its attribution follows (`"Where are you going?" she asked.`, `"I don't know!" cried
  Rina.`, `chanted "November is coming!" as they demonstrated`), as in fiction's dialogue.
  Nor before a short piece (8 words at most) that names its speaker in one to three
  capitalised words before a verb of saying (`"Where have you been?" Mother asked.`,
  `"Stop!" Mr. Rahman shouted.`; not `"Why?" The answer came later.`). The Bangla
  splitter keeps the same together (`“কোথায় যাচ্ছ?” সে জিজ্ঞেস করল।`). No corpus line
  holds either (hand-made dialogue only).
* Closing quotes or brackets at the start of a piece, followed by space or the end, go
  back to the sentence before: pySBD cuts a stray closing `"` off (`...security." Onion
  will be sold...` → `"`, ` Onion...`) when the quotation opened in an earlier paragraph.
* A sentence boundary with no stop: a headline typed without a full stop runs into the
  next sentence (`...poll victory We will cooperate...`). A capitalised pronoun,
  article, determiner, sentence adverb, question word, preposition or conjunction (`In`,
  `While`, `Thus`, `Why`) straight after a
  lower-case word cannot continue an English sentence, so the text is cut there (at least three words on each side), unless a
  capitalised word follows it (`told The Daily Star` names a title), or but for a
  preposition before one name or date and a comma (`... its name In June, the
  Commission`; threads 0.879 -> 0.882, TICO-19 -0.0005: one headline whose Bangla cut
  was wrong before and is wrong elsewhere now). So does an opening
  double quote before a capital after a lower-case word (`... on Monday night "What my
  own son ...`), unless a verb of saying or naming, an article or a preposition stands
  before it (`said "We`, `called "The Irishman"`, `in "The Irishman"`). A wrong cut costs
  little: the path pairs both pieces with the one translation, a 1-2 bead (coherent
  tuning set 0.967 -> 0.969, TICO-19 0.9734 -> 0.9737, threads 0.870 -> 0.875). Nor after
  any word that wants its object or clause (`has "Five Moments"`, `is "The`): TICO-19
  tuning sets 658 -> 640 and 898 -> 874 pieces of sentences, no F1 changed. Nor after a
  verb of saying in its `-ing` form (`saying "If it takes ...`): paragraph-sized tuning
  set 0.9873 -> 0.9905, the others unchanged. And the
  one-character ellipsis `…` before a capital ends a sentence as pySBD's `...` does (`the
  last part was… This is wild`; no corpus line holds one, so no figure changes). So does
  a capitalised sentence adverb and its comma (`... powering down Thus, it is expected
  ...`, `However,`, `Meanwhile,`): unstopped paragraph-sized tuning set 0.8886 -> 0.8920;
  shuffled -0.0009, where the generator's gold holds such a run-on as one bead, and
  threads -0.0011, a cut elsewhere in one article that the new pair's neighbourhood moved.
  So does any capitalised adverb of the `-ally`, `-ately`, `-ently`, `-ously`, `-ively`,
  `-ingly` or `-arly` kinds with its comma (`... with sponsors Traditionally, most ...`;
  no name ends so, `Italy,` does not): 0.8920 -> 0.8954, the others unchanged. `That`
  opens a sentence too (no tuning figure changed). The lower-case word before an opener
  may close a quotation (`... trade and movement" On 5 February, ...`): 0.8954 -> 0.8978,
  the others unchanged.
  No cut falls after a post's `@handle`: the handles and the post they open stay together.
* A stop with no space after it before a capitalised word ends a sentence (`... two to
  three others.The virus survives ...`, `... SARS-CoV-2.The virus ...`): taking a citation
  mark out of encyclopaedic text leaves them so (107 of the 1,639 TICO-19 dev lines), and
  the Bangla splitter already cuts `।` without a space. Not after a title's abbreviation
  (`Mrs.Smith`). Unstopped paragraph-sized tuning set 0.9012 -> 0.9091 (a run-on's tail
  can now go to its own pair); TICO-19 tuning sets -0.0009 and -0.0007: all but 3 of
  their new wrong or missed beads come from one document that holds one sentence twice
  (once glued to the sentence before it), where the reference scorer maps the cut-off
  copy to the other atom, and it mends more old ones than those 3; the others unchanged.
"""
from __future__ import annotations

import functools
import logging
import re

import pysbd

from aligner.text.split.spans import stripped

log = logging.getLogger(__name__)

_NAME_PREFIX_END = re.compile(r"\b(?:Md|Mohd|Mst)\.$")
_QUOTED_ASKING = re.compile(r"[?!][\"”’']+$")  # a question or an exclamation that closes a quotation
# ...and an attribution that names its speaker before a verb of saying (`Mother asked.`,
# `Mr. Rahman shouted at them.`): one to three capitalised words, then the verb
_NAMED_ATTRIBUTION = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|asked|replied|answered|shouted|cried|whispered|muttered"
    r"|murmured|screamed|yelled|exclaimed|demanded|wondered|insisted|added|continued|called)\b"
)
_NAMED_ATTRIBUTION_WORDS = 8  # words an attribution piece may have (`Mother asked, her voice low.`)
_LEADING_CLOSERS = re.compile(r"[\"'”’)\]]+(?=\s|$)")
OPENERS = (
    "The A An He She It We They His Her Its Our Their This These Those There After Before"
    " Meanwhile However Besides Earlier Later Also According Although Despite"
    " In On At As But And For While When Since If During Under With From Following"
    " Other Another Some Many Most Thus Therefore Moreover Furthermore Instead Still Yet So"
    " Now Then Today Yesterday What Why How Who Where You My Your Because Once Until That"
).split()
# Sentence adverbs that, capitalised with their comma after a lower-case word, open a sentence
_ADVERBS = (
    "However Meanwhile Besides Earlier Later Also Thus Therefore Moreover Furthermore Instead"
    " Still Yet Now Then Today Yesterday Finally Overall Nevertheless Nonetheless Indeed"
).split()
# ...and any capitalised adverb of a manner-or-view suffix with its comma (`Traditionally,`,
# `Unfortunately,`, `Currently,`, `Interestingly,`): no name ends so (`Italy,` `Kelly,` do not)
_LY_ADVERB = r"[A-Z][a-z]{3,}(?:ally|ately|ently|ously|ively|ingly|arly)"
# An opener followed by a capitalised word is a title (`told The Daily Star`), not a start.
# Words after which a quotation goes on the sentence (`said "We`, `called "The Irishman"`).
_INTRODUCE_QUOTE = (
    "said says say saying told telling added adding wrote writing asked asking stated stating noted noting"
    " reads read called named titled entitled"
    " of the a as in on word words"
    # ...and any word that wants its object or clause (`has "Five Moments" for ...`)
    " is are was were be been has have had will would can could should may might must"
    " to at by for from with into about than and or but that"
).split()
_SPEECH = "".join(rf"(?<!\b{word})" for word in _INTRODUCE_QUOTE)
# A lower-case word, or one that closes a quotation
# (`... trade and movement" On 5 February, ...`)
_LOWER_END = r"(?:(?<=[a-z0-9])|(?<=[a-z0-9][\"”’]))"
_UNSTOPPED = re.compile(
    _LOWER_END + r"\s+(?=(?:" + "|".join(OPENERS) + r")\s+(?![A-Z]))"
    # the quotation first: it rules out almost every gap before the word lookbehinds run
    + r"|(?<=[a-z0-9])(?=\s+[\"“][A-Z])" + _SPEECH + r"\s+"
    + r"|" + _LOWER_END + r"\s+(?=(?:In|On|At|During|After|Before|Since|Until|By|Following)\s+[A-Z][a-z]+\s?[0-9]*,)"
    + r"|(?<=\w…)\s+(?=[\"“]?[A-Z])"  # `…` before a capital, as pySBD cuts after `...`
    + r"|" + _LOWER_END + r"\s+(?=(?:" + "|".join(_ADVERBS) + "|" + _LY_ADVERB + r"),\s)"
)
# A stop with no space before the next sentence's capitalised word (not a web address's `.Amazon.com`)
_GLUED = re.compile(r"(?<=[a-z0-9][.?!])(?=[A-Z][a-z]+(?!\.\w)\b)")
_TITLE_ABBREVIATION = re.compile(r"[(\"“]?[A-Z][a-z]{1,3}\.")  # `Mrs.`, `Prof.`: a name follows
_MIN_SIDE_WORDS = 3
_PYSBD_WINDOW = 20_000  # characters; a longer run is split in windows (see `_sentence_ends`)
_DOUBLE_QUOTES = re.compile(r'["“”„]')


@functools.lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each English sentence in `text`, without surrounding space."""
    if not text.strip():
        return []
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [*_sentence_ends(_DOUBLE_QUOTES.sub(" ", text)), len(text)]:
        span = stripped(text, start, end)
        if span is not None:
            spans.append(span)
        start = end
    spans = [cut for span in _post_fix(text, spans) for cut in _glued_cuts(text, *span)]
    return [cut for span in spans for cut in _unstopped_cuts(text, *span)]


def _sentence_ends(text: str) -> list[int]:
    """Offsets just past each pySBD sentence (before its trailing space), in order.

    pySBD's abbreviation pass rewrites the whole text once per abbreviation it finds, so its
    time grows with the square of the length (a 600 kB run took minutes). A run longer than
    `_PYSBD_WINDOW` goes through in windows cut at a space: each window's last piece runs on
    into the next window; a window with no sentence end in it is cut where it ends."""
    ends: list[int] = []
    start = 0
    while len(text) - start > _PYSBD_WINDOW:
        cut = text.rfind(" ", start + 1, start + _PYSBD_WINDOW)
        cut = cut if cut > start else start + _PYSBD_WINDOW
        found = [start + end for end in _window_ends(text[start:cut])][:-1]
        ends.extend(found or [cut])
        start = ends[-1]
    ends.extend(start + end for end in _window_ends(text[start:]))
    return ends


def _window_ends(text: str) -> list[int]:
    ends: list[int] = []
    cursor = 0
    for sent in _segmenter().processor(text).process():  # the sentences, before pySBD's own spans
        sent = sent.strip()
        if not sent:
            continue
        found = text.find(sent, cursor)
        if found < 0:
            log.warning("pySBD sentence not found in the text, boundary dropped: %r", sent[:60])
            continue
        ends.append(found + len(sent))
        cursor = ends[-1]
    return ends


def _post_fix(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join pieces pySBD cut wrongly: after a name prefix, and after a quoted question or
    exclamation before a lower-case word (its attribution); give leading closers back."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _NAME_PREFIX_END.search(text, out[-1][0], out[-1][1]):
            out[-1] = (out[-1][0], end)
            continue
        closers = _LEADING_CLOSERS.match(text, start, end)
        if out and closers:
            out[-1] = (out[-1][0], closers.end())
            rest = stripped(text, closers.end(), end)
            if rest is None:
                continue
            start, end = rest
        if out and _QUOTED_ASKING.search(text, out[-1][0], out[-1][1]) and _attribution(text, start, end):
            out[-1] = (out[-1][0], end)  # `"Where are you going?" she asked.`: the speaker completes it
            continue
        out.append((start, end))
    return out


def _attribution(text: str, start: int, end: int) -> bool:
    """Whether the piece at `start` is the attribution of a quoted question or exclamation
    before it: it opens with a lower-case word (`she asked.`, `as they marched`), or names
    its speaker before a verb of saying in a short piece (`Mother asked.`)."""
    if text[start].islower():
        return True
    return bool(_NAMED_ATTRIBUTION.match(text, start, end)) and len(text[start:end].split()) <= _NAMED_ATTRIBUTION_WORDS


def _glued_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span where a stop has no space after it before a capitalised word (`... two to
    three others.The virus survives ...`: a citation mark taken out of encyclopaedic text
    leaves them so), but not after a title's abbreviation (`Mrs.Smith`, `Prof.Roy`)."""
    out = []
    for gap in _GLUED.finditer(text, start, end):
        word = text[start : gap.start()].split()[-1]
        if _TITLE_ABBREVIATION.fullmatch(word):
            continue
        out.append((start, gap.start()))
        start = gap.start()
    out.append((start, end))
    return out


def _unstopped_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span where a new sentence starts without a stop before it."""
    out = []
    for gap in _UNSTOPPED.finditer(text, start, end):
        before, after = text[start : gap.start()].split(), text[gap.end() : end].split()
        if before and before[-1].startswith("@"):
            continue  # a post's `@handles` and the post they open stay together
        if len(before) >= _MIN_SIDE_WORDS and len(after) >= _MIN_SIDE_WORDS:
            out.append((start, gap.start()))
            start = gap.end()
    out.append((start, end))
    return out
