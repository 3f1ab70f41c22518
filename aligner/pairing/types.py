"""The nouns of page pairing: a page in, pairs and lonely pages out."""
from __future__ import annotations

import enum
from dataclasses import dataclass

from aligner.types import Lang, Segment


@dataclass(frozen=True, slots=True)
class Page:
    """A monolingual page: `key` names it (an id, a URI), `segments` its sentences in order."""

    key: str
    lang: Lang
    segments: tuple[Segment, ...]
    url: str | None = None  # its URL or path, where URLs may agree (evidence.url_key)


@dataclass(frozen=True, slots=True)
class PagePair:
    bn: str  # the Bangla page's key
    en: str  # the English page's key
    score: float


class Unpaired(str, enum.Enum):
    """Why a page stays alone (the `pages` counts of `summary.json`)."""

    NO_CANDIDATE = "no_counterpart"  # no page of the other language scores over the threshold
    TAKEN = "counterpart_taken"  # those that do were paired with a better-scoring page
    MIXED = "mixed_language"  # neither script has the page's share of letters
    NO_SENTENCES = "no_sentences"  # nothing but boilerplate to embed


@dataclass(frozen=True)
class Pairing:
    """The pairs, best first broken by key order; each lonely page with its reason."""

    pairs: tuple[PagePair, ...]
    unpaired: dict[str, Unpaired]
