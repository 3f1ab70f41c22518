"""What one alignment comes to, in a few numbers, and when it looks suspicious.

A sentence counts as unpaired only if it is not boilerplate: dates, bylines and share
links are meant to stay unpaired. An article is flagged suspicious (`SuspicionRule`) when

- it has no pair at all, or
- the mean score of its pairs is below `min_mean_score` (a shifted or broken path pairs
  sentences that are not translations, and their margins are low), or
- more than `max_unpaired_share` of its non-boilerplate sentences are unpaired (a
  translation that is missing, or that the aligner failed to find).
"""
from __future__ import annotations

from dataclasses import dataclass

from aligner.types import Alignment


@dataclass(frozen=True, slots=True)
class Summary:
    pairs: int
    unpaired_bn: int  # non-boilerplate sentences left unpaired
    unpaired_en: int
    boilerplate: int  # segments of either language flagged as boilerplate
    sentences: int  # non-boilerplate segments of both languages
    mean_score: float | None  # over pairs; None when there is none

    @property
    def unpaired_share(self) -> float:
        return (self.unpaired_bn + self.unpaired_en) / self.sentences if self.sentences else 0.0


@dataclass(frozen=True, slots=True)
class SuspicionRule:
    min_mean_score: float = 0.15
    max_unpaired_share: float = 0.25


def summarize(alignment: Alignment) -> Summary:
    pairs = [b for b in alignment.beads if b.is_pair]
    unpaired = [b for b in alignment.beads if not b.is_pair]
    return Summary(
        pairs=len(pairs),
        unpaired_bn=sum(not alignment.bn[i].boilerplate for b in unpaired for i in b.bn),
        unpaired_en=sum(not alignment.en[j].boilerplate for b in unpaired for j in b.en),
        boilerplate=sum(s.boilerplate for s in alignment.bn + alignment.en),
        sentences=sum(not s.boilerplate for s in alignment.bn + alignment.en),
        mean_score=sum(b.score for b in pairs) / len(pairs) if pairs else None,
    )


def suspicion(summary: Summary, rule: SuspicionRule = SuspicionRule()) -> tuple[str, ...]:
    """Why `summary` looks suspicious under `rule`; empty when it does not."""
    if not summary.pairs:
        return ("no pairs",)
    reasons = []
    if summary.mean_score is not None and summary.mean_score < rule.min_mean_score:
        reasons.append(f"mean score {summary.mean_score:.2f} < {rule.min_mean_score:.2f}")
    if summary.unpaired_share > rule.max_unpaired_share:
        reasons.append(f"{summary.unpaired_share:.0%} unpaired > {rule.max_unpaired_share:.0%}")
    return tuple(reasons)


def describe_rule(rule: SuspicionRule = SuspicionRule()) -> str:
    return (
        f"Flagged when an article has no pair, a mean pair score below {rule.min_mean_score:.2f}, "
        f"or more than {rule.max_unpaired_share:.0%} of its non-boilerplate sentences unpaired."
    )
