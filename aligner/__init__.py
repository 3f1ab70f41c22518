"""Bangla–English parallel-text aligner.

    >>> from aligner import align_article
    >>> alignment = align_article(open("article.txt", encoding="utf-8").read())
    >>> for pair in alignment.pairs: print(pair.bn, pair.en, pair.score)
"""
from aligner.align import Aligner, align_article, align_texts
from aligner.score.margins import ScoreParams
from aligner.search import SearchMode, SearchParams
from aligner.types import Alignment, Bead, Lang, Pair, Segment

__all__ = [
    "Aligner", "Alignment", "Bead", "Lang", "Pair", "ScoreParams", "SearchMode", "SearchParams", "Segment",
    "align_article", "align_texts",
]
__version__ = "0.1.0"
