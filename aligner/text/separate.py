"""Separate a mixed Bangla–English text into single-language runs, by Unicode script.

Each non-empty line is a paragraph. Inside a line, letters are Bangla (U+0980–U+09FF) or
Latin; digits, spaces, punctuation, a reply's `@handles` and a post's `#hashtags` (kept as they
are in a translation: `@dhaka_fan93 U.S. সিনেটর ...`, `... নিরাপদে থাকুন 🙏 #DhakaTraffic`)
are neutral and join whichever run they sit in; handles between two runs open the second. A
short stretch of the other script inside a run (`QVC-তে`, `ADT কর্পোরেশন`, an English
name in brackets) stays in that run; a stretch of three words or more, or one set off by
`/`, `|` or a sentence stop on both sides (`English title/বাংলা শিরোনাম`), becomes a run
of its own.

The Latin `I` or `|` that many sites type for `।` is rewritten first (`dari.py`).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from aligner.text.dari import normalize_dari
from aligner.text.split.posts import HANDLE, HANDLE_WORD, HASHTAG_WORD
from aligner.types import SHARED_STOPS, Lang, Run

_BN_LETTER = re.compile(f"[{Lang.BN.script}]")
_LATIN_LETTER = re.compile(f"[{Lang.EN.letters}]")
_LINE = re.compile(r"[^\n\r]+")
_TERMINATOR = re.compile(f"[{Lang.EN.stops}{SHARED_STOPS}{Lang.BN.stops};:]" r"[\"'”’»)\]]*(?=\s|$)")
_STOP = re.compile(f"[{Lang.EN.stops}{SHARED_STOPS}{Lang.BN.stops}]" r"(?=[\s\"'”’»)\]]|$)")
_SEPARATOR = re.compile(r"[/|\\•·]")
_INITIALISM = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # `U.S`, `U.N` (their last `.` follows)
_TRAILING_HANDLES = re.compile(rf"(?:(?<!\S){HANDLE}\s*)+$")
_OPENERS = "([{\"'“‘«"
_CLOSERS = ")]}\"'”’»"
_MIN_RUN_WORDS = 3
_RUN_EDGE = " \t/|\\•·-–—"


@dataclass(slots=True)
class _Stretch:
    """A maximal stretch of letters of one script, as offsets into the line."""

    lang: Lang
    first: int  # offset of its first letter
    last: int  # offset just past its last letter


def separate(text: str) -> list[Run]:
    """Split `text` into language runs, in reading order, one paragraph per non-empty line."""
    text = normalize_dari(text)
    runs: list[Run] = []
    paragraph = 0
    for line in _LINE.finditer(text):
        line_runs = list(_line_runs(line.group(), line.start(), paragraph))
        if line_runs:
            runs.extend(line_runs)
            paragraph += 1
    return runs


def _script(ch: str) -> Lang | None:
    if _BN_LETTER.match(ch):
        # Bangla digits and signs count as Bangla: they never occur in English text.
        return Lang.BN
    if _LATIN_LETTER.match(ch):
        return Lang.EN
    return None


def _stretches(line: str) -> list[_Stretch]:
    handles = {  # kept as they are in either language
        pos for pattern in (HANDLE_WORD, HASHTAG_WORD) for m in pattern.finditer(line) for pos in range(*m.span())
    }
    out: list[_Stretch] = []
    for pos, ch in enumerate(line):
        lang = _script(ch)
        if lang is None or pos in handles:
            continue
        if out and out[-1].lang is lang:
            out[-1].last = pos + 1
        else:
            out.append(_Stretch(lang, pos, pos + 1))
    return out


def _strong_gap(gap: str) -> bool:
    """A gap that clearly ends one language and starts the next."""
    return bool(_SEPARATOR.search(gap) or _TERMINATOR.search(gap))


def _enclosed(line: str, s: _Stretch) -> bool:
    before = line[: s.first].rstrip()
    after = line[s.last :].lstrip()
    return bool(before and after and before[-1] in _OPENERS and after[0] in _CLOSERS)


def _absorbable(line: str, stretches: list[_Stretch], k: int) -> _Stretch | None:
    """The neighbour that stretch k folds into, or None if it stands as a run of its own.

    A stretch folds into the larger neighbour it is not set off from by a stop or a `/`
    (the last `.` of an initialism, `U.S. চীনকে`, is no stop),
    if what surrounds it that way outweighs it and it is short (under three words) or, for Latin, a name (`Digital Bangladesh Vision
    2041`, `BIMSTEC, SAARC`: no lower-case word). Anything in brackets or quotes folds, but a
    quoted sentence (it holds a stop) only into a longer neighbour.
    """
    s = stretches[k]
    sides = [(x, _gap(line, stretches, min(x, k))) for x in (k - 1, k + 1) if 0 <= x < len(stretches)]
    if _INITIALISM.fullmatch(line[s.first : s.last]):  # the `.` of `U.S.` is no stop
        sides = [(x, gap[1:] if x > k and gap.startswith(".") else gap) for x, gap in sides]
    if _enclosed(line, s):
        host = max((stretches[x] for x, _ in sides), key=_size)
        if not _quoted_sentence(line, s) or _size(host) > _size(s):
            return host
    weak = [stretches[x] for x, gap in sides if not _strong_gap(gap)]
    if not weak:
        return None
    host = max(weak, key=_size)
    surrounding = sum(_size(n) for n in weak if n.lang is host.lang)
    if surrounding <= _size(s) or not _minor(line, s):
        return None
    return host


def _quoted_sentence(line: str, s: _Stretch) -> bool:
    """An enclosed stretch that holds a stop or ends with one: a quoted sentence
    (`বলেছিলেন যে SARS-CoV-2 "সম্ভবত ... থাকবে।"`), which a shorter neighbour cannot take in."""
    return bool(_STOP.search(line, s.first, s.last) or _STOP.match(line, s.last))


def _minor(line: str, s: _Stretch) -> bool:
    words = line[s.first : s.last].split()
    if len(words) < _MIN_RUN_WORDS:
        return True
    return s.lang is Lang.EN and not any(w[0].islower() for w in words)


def _size(s: _Stretch) -> int:
    return s.last - s.first


def _gap(line: str, stretches: list[_Stretch], k: int) -> str:
    """The text between stretch k and stretch k + 1."""
    return line[stretches[k].last : stretches[k + 1].first]


def _absorb_minor(line: str, stretches: list[_Stretch]) -> list[_Stretch]:
    """Fold short, embedded stretches of the other script into their surroundings.

    Bracketed stretches go first, then those whose host is no minor stretch itself, largest
    host first, so a Bangla sentence keeps its Latin acronym (`ওয়ালটন Amazon BD-র সঙ্গে`)
    rather than a one-word Bangla stretch joining the acronym.
    """
    stretches = list(stretches)
    while len(stretches) > 1:
        candidates = [
            (not _enclosed(line, s), _minor(line, host), -_size(host), _size(s), k, host)
            for k, s in enumerate(stretches)
            if (host := _absorbable(line, stretches, k)) is not None
        ]
        if not candidates:
            break
        *_, k, host = min(candidates, key=lambda c: c[:5])
        stretches[k].lang = host.lang
        merged: list[_Stretch] = []
        for s in stretches:
            if merged and merged[-1].lang is s.lang:
                merged[-1].last = s.last
            else:
                merged.append(_Stretch(s.lang, s.first, s.last))
        stretches = merged
    return stretches


def _cut(gap: str) -> tuple[int, int]:
    """Where the gap between two runs ends the first run and starts the second.

    The first run keeps its stop, closing quotes and trailing digits (`on May 2, 2022.`);
    a separator such as `/` belongs to neither.
    """
    sep = _SEPARATOR.search(gap)
    stops = list(_TERMINATOR.finditer(gap[: sep.start()] if sep else gap))
    if stops:
        end = stops[-1].end()
    elif sep:
        end = sep.start()
    else:  # no stop: trailing digits stay with the first run, an opening quote or a reply's handles go on
        handles = _TRAILING_HANDLES.search(gap)
        end = len((gap[: handles.start()] if handles else gap).rstrip().rstrip(_OPENERS))
    start = sep.end() if sep and sep.start() >= end else end
    return end, start


def _line_runs(line: str, offset: int, paragraph: int) -> Iterator[Run]:
    stretches = _absorb_minor(line, _stretches(line))
    if not stretches:
        return
    bounds = [0]
    for a, b in zip(stretches, stretches[1:]):
        end, start = _cut(line[a.last : b.first])
        bounds += [a.last + end, a.last + start]
    bounds.append(len(line))
    for s, (lo, hi) in zip(stretches, zip(bounds[::2], bounds[1::2])):
        piece = line[lo:hi]
        # Separators go only where the piece meets another run: a line's own edges keep
        # theirs (a desk tag `/এসকে/` stays whole).
        stripped = piece.strip(" \t")
        if lo > 0:
            stripped = stripped.lstrip(_RUN_EDGE)
        if hi < len(line):
            stripped = stripped.rstrip(_RUN_EDGE)
        if not stripped:
            continue
        left = lo + piece.index(stripped)
        yield Run(stripped, s.lang, offset + left, offset + left + len(stripped), paragraph)
