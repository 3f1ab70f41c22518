"""Long parallel documents with known gold, for `bench_scaling.py`.

`build(n_pairs, seed)` repeats the 597 RisingNews.valid pairs in independently shuffled
copies up to `n_pairs` atoms (an atom: one sentence and its translation), drops 5% of the
sentences on one side (half as paragraphs of 3-8) and merges 5% of adjacent pairs on one
side. Every segment knows the character range of each atom it holds, so an alignment
(even one whose refine step cut a segment) maps back to atoms exactly.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from aligner.eval.gold import AtomBead, Counts, score_atom_beads
from aligner.types import Alignment, Lang, Segment

RISINGNEWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "risingnews"
DROP, MERGE = 0.05, 0.05
_JOIN = {Lang.BN: ", ", Lang.EN: " "}


@dataclass(frozen=True)
class LongDoc:
    bn: list[Segment]
    en: list[Segment]
    gold: frozenset[AtomBead]
    atoms: dict[Lang, tuple[list[int], list[int], list[str]]]  # starts, ends, atom ids per side


def load_pairs() -> list[tuple[str, str]]:
    bn = (RISINGNEWS / "RisingNews.valid.bn").read_text(encoding="utf-8").splitlines()
    en = (RISINGNEWS / "RisingNews.valid.en").read_text(encoding="utf-8").splitlines()
    return [(b.strip(), e.strip()) for b, e in zip(bn, en) if b.strip() and e.strip()]


def build(n_pairs: int, seed: int = 1) -> LongDoc:
    pairs = load_pairs()
    rng = np.random.default_rng(seed)
    copies = -(-n_pairs // len(pairs))
    order = np.concatenate([rng.permutation(len(pairs)) for _ in range(copies)])[:n_pairs]
    dropped, merged = _events(n_pairs, rng)
    segments, atoms = {}, {}
    for lang, col in ((Lang.BN, 0), (Lang.EN, 1)):
        segments[lang], atoms[lang] = _side(lang, [pairs[k][col] for k in order], dropped[lang], merged[lang])
    gold = set()
    for p in range(n_pairs):
        if any(p in dropped[lang] for lang in Lang):
            continue
        group = [p, p + 1] if any(p in merged[lang] for lang in Lang) else [p]
        if any(p - 1 in merged[lang] for lang in Lang):
            continue  # the second atom of a merge: already in its bead
        ids = frozenset(map(str, group))
        gold.add((ids, ids))
    return LongDoc(segments[Lang.BN], segments[Lang.EN], frozenset(gold), atoms)


def _events(n: int, rng: np.random.Generator) -> tuple[dict[Lang, set[int]], dict[Lang, set[int]]]:
    """Atoms dropped on each side, and first atoms of merges on each side; events never touch."""
    busy = np.zeros(n + 2, dtype=bool)  # shifted by one: busy[p + 1] is atom p
    dropped: dict[Lang, set[int]] = {Lang.BN: set(), Lang.EN: set()}
    merged: dict[Lang, set[int]] = {Lang.BN: set(), Lang.EN: set()}
    sides = (Lang.BN, Lang.EN)

    def take(start: int, length: int) -> bool:
        if start < 0 or start + length > n or busy[start : start + length + 2].any():
            return False
        busy[start + 1 : start + length + 1] = True
        return True

    target, done = round(DROP * n), 0
    while done < target // 2:  # paragraphs of 3-8 sentences
        length = int(rng.integers(3, 9))
        start = int(rng.integers(0, n))
        if take(start, length):
            dropped[sides[rng.integers(2)]].update(range(start, start + length))
            done += length
    while done < target:
        start = int(rng.integers(0, n))
        if take(start, 1):
            dropped[sides[rng.integers(2)]].add(start)
            done += 1
    made = 0
    while made < round(MERGE * n):
        start = int(rng.integers(0, n - 1))
        if take(start, 2):
            merged[sides[rng.integers(2)]].add(start)
            made += 1
    return dropped, merged


def _side(lang: Lang, texts: list[str], dropped: set[int], merged: set[int]):
    segments, starts, ends, ids = [], [], [], []
    offset, p = 0, 0
    while p < len(texts):
        if p in dropped:
            p += 1
            continue
        group = [p, p + 1] if p in merged else [p]
        parts = [texts[q] for q in group]
        if len(parts) == 2 and lang is Lang.BN:
            parts[0] = parts[0].rstrip("।").rstrip()
        text = _JOIN[lang].join(parts)
        at = offset
        for q, part in zip(group, parts):
            starts.append(at), ends.append(at + len(part)), ids.append(str(q))
            at += len(part) + len(_JOIN[lang])
        segments.append(Segment(text, lang, len(segments), offset, offset + len(text), len(segments) // 5))
        offset += len(text) + 1
        p += len(group)
    return segments, (starts, ends, ids)


def atoms_of(doc: LongDoc, segment: Segment) -> frozenset[str]:
    """Atoms the segment holds half or more of (or, failing that, the one it overlaps most)."""
    starts, ends, ids = doc.atoms[segment.lang]
    k = bisect.bisect_right(starts, segment.start) - 1
    found, best, best_share = set(), None, 0.0
    for q in range(max(k, 0), len(starts)):
        if starts[q] >= segment.end:
            break
        share = (min(ends[q], segment.end) - max(starts[q], segment.start)) / max(ends[q] - starts[q], 1)
        if share >= 0.5:
            found.add(ids[q])
        if share > best_share:
            best, best_share = ids[q], share
    if not found and best is not None:
        found.add(best)
    return frozenset(found)


def strict_counts(doc: LongDoc, alignment: Alignment) -> Counts:
    mapped = []
    for bead in alignment.beads:
        if bead.is_pair:
            bn = frozenset().union(*(atoms_of(doc, alignment.bn[i]) for i in bead.bn))
            en = frozenset().union(*(atoms_of(doc, alignment.en[j]) for j in bead.en))
            mapped.append((bn, en))
    return score_atom_beads(doc.gold, mapped)
