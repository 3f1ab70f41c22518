"""One-to-one pairs from scored candidates: competitive linking.

Take the best-scoring candidate pair, remove both its pages, repeat while the score is at
least the threshold. Ties go to the lower (Bangla, English) index pair, so the result never
depends on the order the candidates came in.
"""
from __future__ import annotations

from collections.abc import Iterable


def competitive_linking(candidates: Iterable[tuple[int, int, float]], threshold: float
                        ) -> list[tuple[int, int, float]]:
    """(bn, en, score) triples taken greedily, best first, each page at most once."""
    taken_bn: set[int] = set()
    taken_en: set[int] = set()
    links = []
    for bn, en, score in sorted(candidates, key=lambda c: (-c[2], c[0], c[1])):
        if score < threshold:
            break
        if bn in taken_bn or en in taken_en:
            continue
        taken_bn.add(bn)
        taken_en.add(en)
        links.append((bn, en, score))
    return links
