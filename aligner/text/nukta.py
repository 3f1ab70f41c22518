"""Bangla letters with a nukta (ড় ঢ় য়) are written two ways: one code point (U+09DC,
U+09DD, U+09DF), or the base letter and the nukta sign (U+09A1, U+09A2, U+09AF with
U+09BC). Unicode normalization (NFC and NFD alike) gives the second, many sites the
first, and real text mixes them (NTREX's Bangla: 577 and 511 `য়`; the seeds only the
second, RisingNews only the first). A word list or a pattern of Bangla words matches
both only where both sides are folded to one form (`fold_nukta`), or where the pattern
spells both (`either_nukta`) because it must match the text as it is, at its offsets.
"""
from __future__ import annotations

import re

_FOLDED = {"\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd", "\u09af\u09bc": "\u09df"}
_TWO_CHARACTERS = re.compile("|".join(_FOLDED))
_ONE_CHARACTER = re.compile(f"[{''.join(_FOLDED.values())}]")
_SPELLED = {one: two for two, one in _FOLDED.items()}


def fold_nukta(text: str) -> str:
    """`text` with each nukta letter as one code point (`য়` for `য` + `়`); shorter where it
    folds, so only for matching, never for offsets."""
    return _TWO_CHARACTERS.sub(lambda m: _FOLDED[m.group()], text)


def either_nukta(pattern: str) -> str:
    """A regular expression that matches both spellings wherever `pattern` has a nukta
    letter (outside a character class)."""
    return _ONE_CHARACTER.sub(lambda m: f"(?:{m.group()}|{_SPELLED[m.group()]})", fold_nukta(pattern))
