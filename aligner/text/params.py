"""The knobs of segmentation, each documented once; defaults are the tuned values."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextParams:
    """When a text alternates by line (`segment.py`) and what page furniture looks like (`boilerplate.py`)."""

    # A text alternates by line when it has this many one-language lines, the language
    # changes from one to the next at least this often, and this share hold one sentence
    # (generated sentence-interleaved articles: 97-100%; paragraph layouts: at most 73%).
    alternate_min_lines: int = 6
    alternate_min_turns: float = 0.5
    alternate_min_single: float = 0.85
    # Boilerplate: a standalone line without a stop of this many words or fewer is furniture
    short_line_words: int = 3
    label_max_words: int = 6  # a `Photo: Collected` label or a byline: at most this many words
    label_item_words: int = 2  # words of each item after a label's colon (`Tags: a, b`)
    date_max_words: int = 8  # a date line holds a digit and at most this many words...
    date_max_content_words: int = 1  # ...of which at most this many are no date words
    furniture_line_words: int = 12  # a copyright line, a call to click, a link to the other language: at most this many words
