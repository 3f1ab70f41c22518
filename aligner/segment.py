"""From text to segments: separate the languages, split sentences, flag boilerplate."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from aligner.boilerplate import is_boilerplate
from aligner.separate import normalize_dari, separate
from aligner.split import split_sentences
from aligner.types import Lang, Run, Segment


def segment_article(text: str) -> tuple[list[Segment], list[Segment]]:
    """Bangla and English segments of one mixed-language article, in reading order."""
    return _segments(separate(text))


def segment_monolingual(text: str, lang: Lang) -> list[Segment]:
    """Segments of a text in one language; each non-empty line is a paragraph."""
    if lang is Lang.BN:
        text = normalize_dari(text)
    runs, offset = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            runs.append(Run(stripped, lang, start, start + len(stripped), len(runs)))
        offset += len(line)
    bn, en = _segments(runs)
    return bn if lang is Lang.BN else en


def _segments(runs: Iterable[Run]) -> tuple[list[Segment], list[Segment]]:
    pieces = [
        (run, start, end)
        for run in runs
        for start, end in split_sentences(run.text, run.lang)
    ]
    per_line = Counter(run.paragraph for run, _, _ in pieces)
    out: dict[Lang, list[Segment]] = {Lang.BN: [], Lang.EN: []}
    for run, start, end in pieces:
        sentence = run.text[start:end]
        standalone = per_line[run.paragraph] == 1
        out[run.lang].append(
            Segment(
                text=sentence,
                lang=run.lang,
                index=len(out[run.lang]),
                start=run.start + start,
                end=run.start + end,
                paragraph=run.paragraph,
                boilerplate=is_boilerplate(sentence, standalone),
            )
        )
    return out[Lang.BN], out[Lang.EN]
