"""One vector per page from its sentence vectors, after Thompson and Koehn (EMNLP 2020).

A page is cut into `windows` overlapping stretches by position (Gaussian weights around
each stretch's centre), so two pages agree only when they say the same things in the same
order, as a page and its translation do. Within a stretch, a sentence weighs 1 / (pages of
its language that hold it): the menu, the footer and the cookie notice that every page of
a site repeats weigh next to nothing. Sentences the segmenter marks as boilerplate weigh 0
(unless the page has nothing else). Each sentence vector is first centred on `centre`
(what every sentence of the language shares, for the model), which spreads the cosines.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from aligner.embed.base import l2_normalize


def document_frequencies(pages: Sequence[Sequence[str]]) -> Counter[str]:
    """How many pages hold each sentence (a page counts once)."""
    return Counter(text for texts in pages for text in set(texts))


def sentence_weights(texts: Sequence[str], boilerplate: Sequence[bool], df: Counter[str]) -> np.ndarray:
    weights = np.array([1.0 / max(df[t], 1) for t in texts], dtype=np.float32)
    flags = np.asarray(boilerplate, dtype=bool)
    if flags.any() and not flags.all():
        weights[flags] = 0.0
    return weights


def document_vector(vectors: np.ndarray, weights: np.ndarray, centre: np.ndarray, windows: int) -> np.ndarray:
    """The page's vector: `windows` unit stretch vectors side by side, scaled to unit length."""
    n = len(vectors)
    centred = vectors - centre
    position = (np.arange(n) + 0.5) / max(n, 1)
    parts = []
    for k in range(windows):
        bump = np.exp(-(((position - (k + 0.5) / windows) * windows) ** 2))
        parts.append(l2_normalize((weights * bump) @ centred))
    return np.concatenate(parts) / np.sqrt(windows)
