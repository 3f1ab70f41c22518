"""A page's language from its text: the share of its letters in each script (never its URL)."""
from __future__ import annotations

import re

from aligner.types import Lang

_LETTERS = {lang: re.compile(f"[{lang.letters}]") for lang in Lang}


def script_share(text: str) -> float:
    """Bangla letters / (Bangla + Latin letters); 0.5 for a text with neither."""
    bn = len(_LETTERS[Lang.BN].findall(text))
    en = len(_LETTERS[Lang.EN].findall(text))
    return bn / (bn + en) if bn + en else 0.5


def page_language(text: str, min_share: float = 0.75) -> Lang | None:
    """BN or EN when at least `min_share` of the letters are of its script; None for a mixed page.

    Bangla news quotes Latin names, units and acronyms (COVID-19, WHO); an English page
    rarely holds any Bangla; so a Bangla page is still mostly Bengali letters.
    """
    share = script_share(text)
    if share >= min_share:
        return Lang.BN
    if 1 - share >= min_share:
        return Lang.EN
    return None
