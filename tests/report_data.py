"""For the report tests: synthetic alignments (realistic sizes, no model) and a tag reader."""
from __future__ import annotations

from html.parser import HTMLParser

import numpy as np

from aligner.types import Alignment, Bead, Lang, Segment

_BN_WORDS = "সরকার নতুন প্রকল্প দেশের মানুষ উন্নয়ন বাজেট সভায় প্রধানমন্ত্রী বলেন শিক্ষা স্বাস্থ্য".split()
_EN_WORDS = "the government said new project people development budget meeting minister health".split()


def _sentence(rng: np.random.Generator, words: list[str], end: str) -> str:
    return " ".join(rng.choice(words, size=int(rng.integers(12, 25)))) + end


def synthetic(pairs: int = 300, gaps: int = 12, seed: int = 0) -> tuple[Alignment, np.ndarray]:
    """An alignment of `pairs` pair beads (a few 2-1 and 1-2) and `gaps` unpaired sentences
    on each side, with a similarity matrix of random vectors that is strong along the path."""
    rng = np.random.default_rng(seed)
    kinds = [(1, 1)] * (pairs - 20) + [(2, 1)] * 10 + [(1, 2)] * 10 + [(1, 0)] * gaps + [(0, 1)] * gaps
    order = rng.permutation(len(kinds))
    beads, bn, en = [], [], []
    for k in order:
        a, b = kinds[k]
        bn_idx = tuple(range(len(bn), len(bn) + a))
        en_idx = tuple(range(len(en), len(en) + b))
        for lang, segs, count, words, end in ((Lang.BN, bn, a, _BN_WORDS, "।"), (Lang.EN, en, b, _EN_WORDS, ".")):
            for _ in range(count):
                text = _sentence(rng, words, end)
                segs.append(Segment(text, lang, len(segs), 0, len(text), paragraph=len(beads) // 4))
        score = float(rng.uniform(0.05, 0.35)) if a and b else 0.0
        beads.append(Bead(bn_idx, en_idx, score))
    x = rng.normal(size=(len(bn), 64))
    y = rng.normal(size=(len(en), 64))
    for bead in beads:  # a translation's vector lies near its source's
        for i in bead.bn:
            for j in bead.en:
                y[j] += 2 * x[i]
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    y /= np.linalg.norm(y, axis=1, keepdims=True)
    return Alignment(tuple(bn), tuple(en), tuple(beads)), (x @ y.T).astype(np.float32)


def tiny() -> tuple[Alignment, np.ndarray]:
    """Three paragraphs by hand: a 1-1, a 2-1 over a paragraph break, a boilerplate 1-0, a 0-1."""
    bn = (
        Segment("প্রথম বাক্য।", Lang.BN, 0, 0, 0, paragraph=0),
        Segment("দ্বিতীয় বাক্য।", Lang.BN, 1, 0, 0, paragraph=0),
        Segment("তৃতীয় বাক্য।", Lang.BN, 2, 0, 0, paragraph=1),
        Segment("২৪ ফেব্রুয়ারি ২০২২", Lang.BN, 3, 0, 0, paragraph=2, boilerplate=True),
    )
    en = (
        Segment("The first sentence.", Lang.EN, 0, 0, 0, paragraph=0),
        Segment("The second and third <script>alert(1)</script> & more.", Lang.EN, 1, 0, 0, paragraph=0),
        Segment("Only in English.", Lang.EN, 2, 0, 0, paragraph=2),
    )
    beads = (
        Bead((0,), (0,), 0.3),
        Bead((1, 2), (1,), 0.2),
        Bead((3,), (), 0.0),
        Bead((), (2,), 0.0),
    )
    sim = np.array([[0.9, 0.1, 0.2], [0.1, 0.8, 0.1], [0.2, 0.7, 0.1], [0.3, 0.3, 0.4]], dtype=np.float32)
    return Alignment(bn, en, beads), sim


class Tags(HTMLParser):
    """Every start tag as (tag, attrs), and the text inside each `<tr>`."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.rows: list[str] = []
        self._in_row = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "tr":
            self.rows.append("")
            self._in_row = True

    def handle_endtag(self, tag):
        if tag == "tr":
            self._in_row = False

    def handle_data(self, data):
        if self._in_row:
            self.rows[-1] += data

    def having(self, tag: str, cls: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and cls in a.get("class", "").split()]
