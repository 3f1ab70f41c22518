"""The knobs of page pairing, tuned on the dev crawl (`scripts/make_crawl.py`, `scripts/score_crawl.py`)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PairingParams:
    """How pages are paired (`AlignerConfig.pairing`, `--set pairing.FIELD=VALUE`)."""

    min_script_share: float = 0.75  # a page is Bangla (English) when this share of its letters is
    windows: int = 4  # position windows of a document vector (1: a plain weighted mean)
    candidates: int = 8  # nearest pages of the other language scored for each page
    block: int = 1024  # pages per block of the nearest-neighbour search (memory: block x pages)
    index: str = "numpy"  # `numpy` (exact, blocks) or `faiss` (the `faiss` extra)
    match_floor: float = 0.0  # sentence matches: a match counts when its cosine is over its background by more
    vector_weight: float = 1.0  # weight of the document vectors' margin in a candidate's score
    match_weight: float = 1.0  # weight of the share of sentences that find a match
    number_weight: float = 0.2  # weight of the numbers both pages hold (Bangla digits read as 0-9)
    url_weight: float = 0.3  # added when the URLs agree but for their language codes (never subtracted)
    threshold: float = 0.6  # least score of a pair; pages with no candidate over it stay alone

    def __post_init__(self) -> None:
        if self.index not in ("numpy", "faiss"):
            raise ValueError(f"pairing.index must be numpy or faiss, got {self.index!r}")
        for name in ("windows", "candidates", "block"):
            if getattr(self, name) < 1:
                raise ValueError(f"pairing.{name} must be at least 1, got {getattr(self, name)}")
        if not 0.5 <= self.min_script_share <= 1:
            raise ValueError(f"pairing.min_script_share must be in [0.5, 1], got {self.min_script_share}")
