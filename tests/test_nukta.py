"""A nukta letter (ড় ঢ় য়) is one code point on many sites and two after Unicode
normalization; real text mixes both, and every Bangla word list must match either."""
from __future__ import annotations

import re

import pytest

from aligner.repair.run_ons import _offsets
from aligner.text.boilerplate import _is_date_line, _is_ui_line, is_furniture_line
from aligner.text.params import TextParams
from aligner.text.nukta import either_nukta, fold_nukta
from aligner.text.split.bangla import is_abbreviation

ONE, TWO = "\u09df", "\u09af\u09bc"  # য় as one code point, and as য with the nukta sign


def both(text: str) -> list[str]:
    """`text` spelled with each form of `য়`."""
    return [text.replace(TWO, ONE), text.replace(ONE, TWO)]


def test_folding_gives_one_code_point_for_each_nukta_letter():
    assert fold_nukta(f"হ{TWO} পড\u09bcা ঢ\u09bc") == f"হ{ONE} প\u09dcা \u09dd"
    assert fold_nukta(f"হ{ONE}") == f"হ{ONE}" and fold_nukta("plain text") == "plain text"


def test_either_nukta_matches_both_spellings_at_their_offsets():
    verb = re.compile(either_nukta(f"হ{ONE}$"))
    for text in both(f"এটি হ{ONE}"):
        assert verb.search(text).start() == text.index("হ")


@pytest.mark.parametrize("line", both(f"১০ জানু{ONE}ারি"))
def test_date_lines_are_known_in_either_spelling(line: str):
    assert _is_date_line(line.split(), line, TextParams())


@pytest.mark.parametrize("line", both(f"খবরটি ফেসবুকে শে{ONE}ার করুন"))
def test_interface_lines_are_known_in_either_spelling(line: str):
    assert _is_ui_line(line)


@pytest.mark.parametrize("line", both(f"এই খবরটি বাংলা{ONE} পড\u09bcুন।"))
def test_links_to_the_other_language_are_known_in_either_spelling(line: str):
    assert is_furniture_line(line)


@pytest.mark.parametrize("word", both(f"ও{ONE}াই"))
def test_a_bangla_abbreviation_is_known_in_either_spelling(word: str):
    assert is_abbreviation(word)


@pytest.mark.parametrize("bn", both(f"রোগটি নতুন বলে গণ্য হ{ONE} পরে এটি দ্রুত ছড়িয়ে পড়ে এবং অনেক দেশে পৌঁছায়"))
def test_a_finite_verb_ending_is_a_unit_end_in_either_spelling(bn: str):
    en = "the disease is considered new later it spreads quickly and reaches many countries"
    cut = en.index("later")
    assert (bn.index("পরে"), cut) in _offsets(bn, en, [cut], 1, anywhere=True, verb_gaps=1)
