"""Bangla–English parallel-text aligner.

    >>> from aligner import align_article
    >>> alignment = align_article(open("article.txt", encoding="utf-8").read())
    >>> for pair in alignment.pairs: print(pair.bn, pair.en, pair.score)
"""
from aligner.align import Aligner, align_article, align_texts
from aligner.config import AlignerConfig
from aligner.repair.params import RepairParams
from aligner.score.margins import ScoreParams
from aligner.search import CorridorParams, SearchMode, SearchParams
from aligner.text.params import TextParams
from aligner.types import Alignment, Bead, Lang, Pair, Segment

__all__ = [
    "Aligner", "AlignerConfig", "Alignment", "Bead", "CorridorParams", "Lang", "Pair", "RepairParams",
    "ScoreParams", "SearchMode", "SearchParams", "Segment", "TextParams", "align_article", "align_texts",
]
__version__ = "0.1.0"
