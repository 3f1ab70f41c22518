"""From text to segments: separate the languages, split sentences, flag boilerplate."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from aligner.text.boilerplate import is_boilerplate, is_furniture_line
from aligner.text.dari import normalize_dari
from aligner.text.params import TextParams
from aligner.text.separate import separate
from aligner.text.split import is_thread, split_sentences
from aligner.text.split.posts import post_cuts
from aligner.types import Lang, Run, Segment


def segment_article(text: str, params: TextParams = TextParams()) -> tuple[list[Segment], list[Segment]]:
    """Bangla and English segments of one mixed-language article, in reading order."""
    return _segments(separate(text), params)


def segment_monolingual(text: str, lang: Lang, params: TextParams = TextParams()) -> list[Segment]:
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
    bn, en = _segments(runs, params)
    return bn if lang is Lang.BN else en


def _segments(runs: Iterable[Run], params: TextParams) -> tuple[list[Segment], list[Segment]]:
    runs = list(runs)
    thread = is_thread(run.text for run in runs)
    spans = [split_sentences(run.text, run.lang, thread) for run in runs]
    if alternates_by_line(runs, spans, params):  # each line is one unit: keep it whole, but its posts
        spans = [post_cuts(run.text, [(s[0][0], s[-1][1])], thread) if s else s for run, s in zip(runs, spans)]
    pieces = [(run, start, end) for run, found in zip(runs, spans) for start, end in found]
    per_line = Counter(run.paragraph for run, _, _ in pieces)
    runs_per_line = Counter(run.paragraph for run in runs)
    furniture = {  # lines of one run that are furniture by their form: every sentence of them
        run.paragraph for run in runs if runs_per_line[run.paragraph] == 1 and is_furniture_line(run.text, params)
    }
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
                boilerplate=run.paragraph in furniture or is_boilerplate(sentence, standalone, params, thread),
            )
        )
    return out[Lang.BN], out[Lang.EN]


def alternates_by_line(
    runs: Sequence[Run], spans: Sequence[Sequence[tuple[int, int]]], params: TextParams = TextParams()
) -> bool:
    """Whether the text gives one sentence a line, English and Bangla taking turns.

    Then each line is a translation unit: a line the splitter cuts in two (`a." B`, a
    headline that runs into a sentence) is one unit whose translation is the other
    side's line or lines. Not a reply thread's line that holds a post and the reply after
    it: `segment_article` still cuts before the reply's handles (`posts.post_cuts`), which
    a translation keeps on both sides. Lines that hold both languages (a bilingual title) are left out
    of the count. The thresholds are `TextParams.alternate_*`.
    """
    lines: dict[int, list[int]] = {}
    for k, run in enumerate(runs):
        lines.setdefault(run.paragraph, []).append(k)
    alone = [ks[0] for ks in lines.values() if len(ks) == 1]
    if len(alone) < params.alternate_min_lines:
        return False
    turns = sum(runs[a].lang is not runs[b].lang for a, b in zip(alone, alone[1:])) / (len(alone) - 1)
    single = sum(len(spans[k]) == 1 for k in alone) / len(alone)
    return turns >= params.alternate_min_turns and single >= params.alternate_min_single
