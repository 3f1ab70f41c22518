"""What speaks for one candidate pair beyond the document vectors: sentences and numbers.

- sentence matches: matched sentences over the longer page's count (content sentences
  only: no boilerplate, none that other pages of the site repeat): sentences that have a
  mutual nearest sentence on the other page, whose cosine is over both sentences' background (their best
  cosine with the bank of unrelated sentences, `embed/background.py`) by more than
  `floor`. A translation matches most of its sentences; a page on the same topic, few.
- numbers: digits survive translation (Bangla pages write `০-৯` or `0-9`): the Jaccard
  overlap of the two pages' sets of numbers; None when either page has none.
- URLs: many sites name a page and its translation alike but for a language code
  (`/bn/story-17`, `/en/story-17`; `bn.site.org`; `?lang=en`): the URL with its language
  tokens taken out. Only agreement counts; URLs that say nothing cost nothing.
"""
from __future__ import annotations

import re

import numpy as np

from aligner.types import BN_DIGITS_AS_ASCII

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_URL_TOKEN = re.compile(r"[a-z0-9]+")
_LANGUAGE_TOKENS = frozenset({"bn", "bd", "ben", "bangla", "bengali", "en", "eng", "english", "lang", "language",
                              "html", "htm", "txt", "www", "http", "https"})


def url_key(url: str) -> str | None:
    """The URL (or path) lower-cased, without its language tokens, scheme and suffix; None if nothing is left."""
    tokens = [t for t in _URL_TOKEN.findall(url.lower()) if t not in _LANGUAGE_TOKENS]
    return "/".join(tokens) or None


def numbers(text: str) -> frozenset[str]:
    """The numbers of a text, Bangla digits read as 0-9, thousands commas dropped (`১,০০০` -> `1000`)."""
    found = _NUMBER.findall(text.translate(BN_DIGITS_AS_ASCII))
    return frozenset(n.replace(",", "").rstrip(".") for n in found)


def number_overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    if not a or not b:
        return None
    return len(a & b) / len(a | b)


def sentence_matches(bn: np.ndarray, en: np.ndarray, bn_floor: np.ndarray, en_floor: np.ndarray,
                     floor: float = 0.0) -> float:
    """The share of the longer page's sentences with a mutual best match over the background."""
    if not len(bn) or not len(en):
        return 0.0
    sims = bn @ en.T
    best_en = sims.argmax(axis=1)
    best_bn = sims.argmax(axis=0)
    rows = np.arange(len(bn))
    mutual = best_bn[best_en] == rows
    margin = sims[rows, best_en] - np.maximum(bn_floor, en_floor[best_en])
    return float(np.count_nonzero(mutual & (margin > floor))) / max(len(bn), len(en))
