"""Synthetic parallel documents from random vectors: long inputs without the model.

Each atom (a sentence and its translation) is a random direction; a segment's text names
its atoms (`"a17"`, or `"a17 a18"` for a merged sentence), and `SyntheticEncoder` embeds
a text as the normalised sum of its atoms' vectors, with a shared component and a little
per-language noise, as real sentence embeddings have. Joined spans therefore embed as the
sum of their parts, as the aligner expects of a real encoder.
"""
from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from aligner.types import Lang, Segment


class SyntheticEncoder:
    name = "synthetic"

    def __init__(self, atoms: int, dim: int = 64, seed: int = 0, noise: float = 0.5, common: float = 1.5):
        rng = np.random.default_rng(seed)
        self.dim = dim
        self._atoms = rng.normal(size=(atoms, dim)) / np.sqrt(dim)
        self._common = rng.normal(size=dim) / np.sqrt(dim) * common
        self._noise = noise

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            ids = [int(t[1:]) for t in text.split() if t[:1] in "ab" and t[1:].isdigit()]
            rng = np.random.default_rng(zlib.crc32(text.encode()))
            lang_noise = rng.normal(size=self.dim) / np.sqrt(self.dim) * self._noise
            vec = self._common + lang_noise + (self._atoms[ids].sum(0) if ids else rng.normal(size=self.dim) / np.sqrt(self.dim))
            out[row] = vec / np.linalg.norm(vec)
        return out


@dataclass(frozen=True)
class SyntheticDoc:
    bn: list[Segment]
    en: list[Segment]
    gold: set[tuple[tuple[int, ...], tuple[int, ...]]]  # (bn segment ids, en segment ids) of each pair

    def segment_of(self, lang: Lang, atom: int) -> int:
        """Index of the segment on `lang`'s side that holds `atom`."""
        name = ("a" if lang is Lang.BN else "b") + str(atom)
        segments = self.bn if lang is Lang.BN else self.en
        return next(s.index for s in segments if name in s.text.split())


def synthetic_doc(atoms: int, seed: int = 0, drops: Sequence[tuple[Lang, int, int]] = (),
                  merges: Sequence[tuple[Lang, int]] = ()) -> SyntheticDoc:
    """`atoms` pairs; `drops`: (side, first atom, count) missing on that side; `merges`:
    (side, atom) joined with the next atom into one segment on that side."""
    dropped = {lang: set() for lang in Lang}
    for lang, first, count in drops:
        dropped[lang].update(range(first, first + count))
    merged = {lang: {a for side, a in merges if side is lang} for lang in Lang}
    sides: dict[Lang, list[list[int]]] = {}
    for lang in Lang:
        groups: list[list[int]] = []
        a = 0
        while a < atoms:
            if a in dropped[lang]:
                a += 1
                continue
            if a in merged[lang] and a + 1 < atoms and a + 1 not in dropped[lang]:
                groups.append([a, a + 1])
                a += 2
            else:
                groups.append([a])
                a += 1
        sides[lang] = groups
    prefix = {Lang.BN: "a", Lang.EN: "b"}
    segs = {
        lang: [
            Segment(" ".join(f"{prefix[lang]}{a}" for a in g), lang, k, 0, 0, 0)
            for k, g in enumerate(groups)
        ]
        for lang, groups in sides.items()
    }
    gold = _gold(sides[Lang.BN], sides[Lang.EN])
    return SyntheticDoc(segs[Lang.BN], segs[Lang.EN], gold)


def _gold(bn: list[list[int]], en: list[list[int]]):
    """Pairs of segment groups that hold the same atoms (a merge pairs two with one)."""
    where = {lang: {a: k for k, g in enumerate(groups) for a in g} for lang, groups in ((Lang.BN, bn), (Lang.EN, en))}
    beads: list[tuple[list[int], list[int]]] = []
    for a in sorted(set(where[Lang.BN]) & set(where[Lang.EN])):
        b, e = where[Lang.BN][a], where[Lang.EN][a]
        if beads and (beads[-1][0][-1] == b or beads[-1][1][-1] == e):  # shares a merged segment
            beads[-1][0].extend([b] * (beads[-1][0][-1] != b))
            beads[-1][1].extend([e] * (beads[-1][1][-1] != e))
        else:
            beads.append(([b], [e]))
    return {(tuple(b), tuple(e)) for b, e in beads}


def path_total(values, path) -> float:
    """The summed value of a path's pair beads (skips are worth 0)."""
    i = j = 0
    total = 0.0
    for a, b in path:
        i, j = i + a, j + b
        if a and b:
            total += values[(a, b)][i, j]
    return total
