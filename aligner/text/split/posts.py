"""Reply threads: a post typed without a stop runs into the next one, which opens with the
`@handles` it answers (`@user2 that is wild @user5 @user2 the last part was ...`).

A handle is kept as it is in a translation, so the same cut shows on both sides. A span
is cut before each group of handles that follows a word, but only in a text (a line's
run of one language) that reads like a thread: one that opens with a handle, or holds two
groups of them, or any text of a document two of whose lines open with a handle
(`is_thread`: a post may open a line without one, and the reply after it has one). A single
handle inside a sentence (`the ministry wrote on @PMOIndia that ...`) is left alone, and
so is an e-mail address (no space before its `@`). A cut leaves at least
`_MIN_WORDS_BEFORE` words before it (`Thanks @user2 for this` stays whole).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from aligner.text.split.spans import stripped

HANDLE = r"@\w[\w.]*"  # `@rahim_72`, `@nila.b`: a reply's handle (the text before it starts at a space)
HANDLE_WORD = re.compile(rf"(?<!\S){HANDLE}")  # a handle where it stands as a word
HASHTAG_WORD = re.compile(r"(?<!\S)#[^\s#@]+")  # `#DhakaTraffic`, `#ঢাকা`: kept as it is in a translation
_GROUP = re.compile(rf"(?<!\S)(?:{HANDLE}\s+)*{HANDLE}(?=\s|$)")  # `@rahim72 @nila_5`
_TRAILING = re.compile(rf"(?<!\S)(?:{HANDLE}\s+)*{HANDLE}$")
_MIN_WORDS_BEFORE = 2
_OPENING = re.compile(rf"\s*{HANDLE}\s")
_THREAD_LINES = 2


def is_thread(texts: Iterable[str]) -> bool:
    """Whether the lines `texts` of a document read as a reply thread: `_THREAD_LINES` of
    them open with a handle."""
    return sum(bool(_OPENING.match(t)) for t in texts) >= _THREAD_LINES


def post_cuts(text: str, spans: list[tuple[int, int]], thread: bool = False) -> list[tuple[int, int]]:
    """`spans` with each thread-like span cut before the handle groups that open its posts.

    A group that ends a span goes to the next one: the splitter cut after it, before the
    reply's first word (`... within weeks @nila7 The legislation ...`)."""
    groups = list(_GROUP.finditer(text))
    if not groups or not (thread or groups[0].start() == len(text) - len(text.lstrip()) or len(groups) >= 2):
        return spans
    spans = list(spans)
    for k in range(len(spans) - 1):
        (start, end), (_, next_end) = spans[k], spans[k + 1]
        last = _trailing_group(text, start, end)
        if last is not None and len(text[start:last].split()) >= _MIN_WORDS_BEFORE:
            spans[k : k + 2] = [stripped(text, start, last), (last, next_end)]
    return [piece for span in spans for piece in _cut(text, *span)]


def _trailing_group(text: str, start: int, end: int) -> int | None:
    """Where the handle group that ends `text[start:end]` starts, if one does."""
    match = _TRAILING.search(text, start, end)
    return match.start() if match is not None and match.end() == end else None


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for group in _GROUP.finditer(text, start, end):
        words_before = len(text[start : group.start()].split())
        if group.start() == start or words_before < _MIN_WORDS_BEFORE or group.end() >= end:
            continue
        piece = stripped(text, start, group.start())
        if piece is not None:
            out.append(piece)
        start = group.start()
    out.append((start, end))
    return out
