"""One clean parallel corpus from the per-article TSVs on disk.

Built after the articles, from the files rather than from memory, so a resumed run writes
the same complete corpus as an uninterrupted one. Articles are taken in id order and pairs
in file order; a pair is dropped when a side is empty, its score is under `min_score`, its
length ratio (Bangla characters per English character) is outside the bounds, or the same
(Bangla, English) pair was already written. Each reason is counted.
"""
from __future__ import annotations

import contextlib
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from aligner.batch.errors import BatchUsageError
from aligner.batch.formats import CorpusFormat, open_writer
from aligner.batch.state import OutputDir
from aligner.types import Pair


@dataclass(frozen=True, slots=True)
class CorpusFilter:
    """Which pairs go into the corpus; real RisingNews pairs have ratios 0.57 to 1.38."""

    min_score: float = 0.0
    min_ratio: float = 0.4
    max_ratio: float = 2.5

    def __post_init__(self) -> None:
        if not 0 < self.min_ratio <= self.max_ratio:
            raise BatchUsageError(
                f"length ratio bounds need 0 < --min-ratio <= --max-ratio, "
                f"got {self.min_ratio} and {self.max_ratio}"
            )

    def reject(self, pair: Pair) -> str | None:
        """Why the pair is dropped (`empty`, `score`, `ratio`), or None to keep it."""
        bn, en = pair.bn.strip(), pair.en.strip()
        if not bn or not en:
            return "empty"
        if pair.score < self.min_score:
            return "score"
        if not self.min_ratio <= len(bn) / len(en) <= self.max_ratio:
            return "ratio"
        return None


@dataclass(frozen=True)
class CorpusReport:
    """What `build_corpus` wrote: the files, pairs read and written, and why others were not."""

    files: tuple[str, ...]
    filters: CorpusFilter
    pairs: int = 0
    written: int = 0
    removed: dict[str, int] = field(default_factory=dict)  # reason -> count, `duplicate` too

    def to_dict(self) -> dict[str, Any]:
        f = self.filters
        return {
            "files": list(self.files),
            "filters": {"min_score": f.min_score, "min_ratio": f.min_ratio, "max_ratio": f.max_ratio},
            "pairs": self.pairs,
            "written": self.written,
            "removed": dict(self.removed),
        }


def build_corpus(
    out: OutputDir, article_ids: Sequence[str], formats: Iterable[CorpusFormat], filters: CorpusFilter,
    names: Mapping[str, str] | None = None,
) -> CorpusReport:
    """Write the corpus files of `formats` into `out.root` from the articles' TSVs; the
    article column holds `names[id]` (a WARC page's URI) where given, else the id."""
    names = names or {}
    formats = list(dict.fromkeys(formats))
    removed: Counter[str] = Counter()
    seen: set[bytes] = set()
    pairs = written = 0
    with contextlib.ExitStack() as stack:
        writers = [open_writer(fmt, out.root, stack) for fmt in formats]
        for article_id in article_ids:
            for pair in out.pairs(article_id):
                pairs += 1
                reason = filters.reject(pair) or _duplicate(pair, seen)
                if reason:
                    removed[reason] += 1
                    continue
                written += 1
                for writer in writers:
                    writer.write(names.get(article_id, article_id), pair)
        for writer in writers:
            writer.close()
    files = tuple(name for fmt in formats for name in fmt.files)
    reasons = ("empty", "score", "ratio", "duplicate")
    return CorpusReport(files, filters, pairs, written, {r: removed[r] for r in reasons})


def _duplicate(pair: Pair, seen: set[bytes]) -> str | None:
    key = hashlib.blake2b(f"{pair.bn}\t{pair.en}".encode(), digest_size=16).digest()
    if key in seen:
        return "duplicate"
    seen.add(key)
    return None
