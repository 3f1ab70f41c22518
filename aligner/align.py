"""The library entry points: text in, `Alignment` out.

    text/ (segments) -> embed/ (vectors) -> score/ (bead values) -> search/ (path)
        -> repair/ (cuts, trims, joins) -> Alignment

Each segment is embedded once. A span of several segments is scored with a composed
vector (the normalised sum of its members', `score.margins.SpanVectors`), which costs nothing.
Only where the path merges on both sides (a 2-2 bead, two merges at once, which composed
vectors flatter) are the spans embedded for real and the DP run again, until the path
holds no such composed bead. `AlignerConfig(embed_spans=True)` does the same for every merge; with the
bundled 4-bit model that is slower and less accurate (dev strict F1 0.941 against 0.951,
tuning set 0.956 against 0.959, `scripts/score_corpus.py`), so it is there for stronger
models.

Short documents get the exact DP over every cell; long ones (books, reports) a corridor
search in linear time and memory (`search/`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from aligner.config import AlignerConfig
from aligner.embed import CachingEncoder, Encoder, get_encoder
from aligner.embed.background import bank_vectors
from aligner.repair.refine import refine
from aligner.score.margins import BeadScorer
from aligner.search import make_search
from aligner.search.dp import bead_kinds
from aligner.text.segment import segment_article, segment_monolingual
from aligner.types import Alignment, Bead, BeadKind, Lang, Segment, Span


@dataclass
class Aligner:
    """Aligns documents with one encoder; reuse it to embed each distinct text once.

    `config` holds every knob (`AlignerConfig`); the defaults are the tuned values.
    """

    encoder: Encoder = field(default_factory=lambda: CachingEncoder(get_encoder()))
    config: AlignerConfig = field(default_factory=AlignerConfig)

    def __post_init__(self) -> None:
        if not isinstance(self.config, AlignerConfig):
            raise TypeError(
                f"config must be an AlignerConfig, e.g. AlignerConfig(score=ScoreParams(...)); "
                f"got {type(self.config).__name__}"
            )

    def align_article(self, text: str) -> Alignment:
        """Align one article that holds both languages."""
        bn, en = segment_article(text, self.config.text)
        return self.align_segments(bn, en)

    def align_texts(self, bn_text: str, en_text: str) -> Alignment:
        """Align a Bangla text with its English counterpart (one file per language)."""
        return self.align_segments(
            segment_monolingual(bn_text, Lang.BN, self.config.text),
            segment_monolingual(en_text, Lang.EN, self.config.text),
        )

    def align_segments(self, bn: Sequence[Segment], en: Sequence[Segment]) -> Alignment:
        bn, en = tuple(bn), tuple(en)
        unpaired = Alignment(
            bn, en, tuple([Bead((i,), ()) for i in range(len(bn))] + [Bead((), (j,)) for j in range(len(en))])
        )
        if unpaired.missing:  # one language has nothing but boilerplate: embed nothing
            return unpaired
        vectors = self.encoder.encode([s.text for s in bn] + [s.text for s in en])
        bank_bn, bank_en = bank_vectors(self.encoder)
        scorer = BeadScorer(
            vectors[: len(bn)], vectors[len(bn) :], bank_bn, bank_en,
            [s.boilerplate for s in bn], [s.boilerplate for s in en], self.config.score,
        )
        search = make_search(scorer, self.config.search)
        texts = {Lang.BN: bn, Lang.EN: en}
        kinds = bead_kinds(self.config.score.max_bead)
        path = search.best_path(kinds)
        embedded: set[Span] = set()
        for _ in range(self.config.max_rounds):
            wanted = [s for s in _spans_to_check(path, self.config.embed_spans) if s not in embedded]
            if not wanted:
                break
            joined = [" ".join(x.text for x in texts[lang][lo : lo + k]) for lang, lo, k in wanted]
            for span, vector in zip(wanted, self.encoder.encode(joined)):
                search.set_span(*span, vector)
            embedded.update(wanted)
            path = search.best_path(kinds)
        alignment = Alignment(bn, en, tuple(_beads(path, search.margin_at)))
        return refine(alignment, self.encoder, search.judge, self.config.repair)


def align_article(text: str, aligner: Aligner | None = None) -> Alignment:
    """Align one mixed Bangla–English article with the bundled model (or `aligner`'s)."""
    return (aligner or Aligner()).align_article(text)


def align_texts(bn_text: str, en_text: str, aligner: Aligner | None = None) -> Alignment:
    """Align a Bangla text with its English counterpart."""
    return (aligner or Aligner()).align_texts(bn_text, en_text)


def _walk(path: Iterable[BeadKind]) -> Iterable[tuple[int, int, int, int]]:
    """(first bn, first en, a, b) of each bead along the path."""
    i = j = 0
    for a, b in path:
        yield i, j, a, b
        i, j = i + a, j + b


def _spans_to_check(path: list[BeadKind], every_merge: bool) -> list[Span]:
    """The multi-segment spans of the path's beads that merge on both sides (or any side)."""
    wanted: list[Span] = []
    for i, j, a, b in _walk(path):
        if (a > 1 and b > 1) or (every_merge and a and b):
            wanted += [(Lang.BN, i, a)] * (a > 1) + [(Lang.EN, j, b)] * (b > 1)
    return wanted


def _beads(path: list[BeadKind], margin_at: Callable[[BeadKind, int, int], float]) -> Iterable[Bead]:
    for i, j, a, b in _walk(path):
        score = margin_at((a, b), i + a, j + b) if a and b else 0.0
        yield Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), score)
