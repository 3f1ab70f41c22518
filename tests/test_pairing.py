"""Page pairing on hand-made pages and vectors: no model (`SyntheticEncoder`: "a17" in a
Bangla sentence and "b17" in an English one embed alike)."""
from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest
from synthetic import SyntheticEncoder

from aligner.config import AlignerConfig, ConfigError, load_config
from aligner.embed import CachingEncoder
from aligner.pairing import Page, PairingParams, Unpaired, page_language, pair_pages
from aligner.pairing.docvec import document_vector
from aligner.pairing.evidence import number_overlap, numbers, sentence_matches, url_key
from aligner.pairing.match import competitive_linking
from aligner.pairing.neighbours import nearest
from aligner.types import Lang, Segment


@pytest.mark.parametrize("text, lang", [
    ("ঢাকায় আজ বৃষ্টি হয়েছে। আবহাওয়া অফিস জানিয়েছে।", Lang.BN),
    ("বিশ্ব স্বাস্থ্য সংস্থা (WHO) বলেছে, COVID-19 রোগীর সংখ্যা বাড়ছে।", Lang.BN),
    ("The WHO said the number of COVID-19 cases is rising.", Lang.EN),
    ("It rained in Dhaka today. ঢাকায় আজ বৃষ্টি হয়েছে।", None),
])
def test_a_page_is_of_the_language_most_of_its_letters_are_in(text: str, lang: Lang | None) -> None:
    assert page_language(text) is lang


def test_numbers_read_bangla_digits_as_western_ones() -> None:
    assert numbers("১৯৭১ সালে ১,০০০ জন; ৩.৫ শতাংশ") == {"1971", "1000", "3.5"}
    assert number_overlap(numbers("In 1971, 1,000 people"), numbers("১৯৭১ সালে ১,০০০ জন")) == 1.0
    assert number_overlap(frozenset(), numbers("1971")) is None


def test_competitive_linking_takes_the_best_first_and_each_page_once() -> None:
    candidates = [(0, 0, 0.9), (0, 1, 0.95), (1, 1, 0.8), (1, 0, 0.7), (2, 2, 0.2)]
    assert competitive_linking(candidates, 0.5) == [(0, 1, 0.95), (1, 0, 0.7)]
    assert competitive_linking([(1, 1, 0.5), (0, 0, 0.5)], 0.5) == [(0, 0, 0.5), (1, 1, 0.5)]


@pytest.mark.parametrize("block", [1, 3, 100])
def test_nearest_in_blocks_equals_the_full_matrix(block: int) -> None:
    rng = np.random.default_rng(0)
    queries, base = rng.normal(size=(7, 5)), rng.normal(size=(11, 5))
    ids, sims = nearest(queries, base, 4, block=block)
    full = queries @ base.T
    assert (ids == np.argsort(-full, axis=1)[:, :4]).all()
    assert np.allclose(sims, np.sort(full, axis=1)[:, ::-1][:, :4])
    assert nearest(queries, base[:2], 4)[0].shape == (7, 2)


def test_document_vectors_tell_the_order_of_the_sentences() -> None:
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(12, 16)).astype(np.float32)
    weights, centre = np.ones(12, np.float32), np.zeros(16, np.float32)
    same = document_vector(vectors, weights, centre, 4)
    reversed_ = document_vector(vectors[::-1], weights, centre, 4)
    assert abs(np.linalg.norm(same) - 1) < 1e-5
    assert same @ same > reversed_ @ same + 0.1
    assert abs(document_vector(vectors, weights, centre, 1) @ document_vector(vectors[::-1], weights, centre, 1) - 1) < 1e-5


def test_sentence_matches_count_mutual_best_matches_over_the_longer_page() -> None:
    eye = np.eye(4, dtype=np.float32)
    floor = np.zeros(4, np.float32)
    assert sentence_matches(eye, eye, floor, floor) == 1.0
    assert sentence_matches(eye[:2], eye, floor[:2], floor) == 0.5
    assert sentence_matches(eye, eye, floor + 2, floor) == 0.0


def _page(key: str, lang: Lang, atoms: list[int]) -> Page:
    tag = "a" if lang is Lang.BN else "b"
    return Page(key, lang, tuple(Segment(f"{tag}{k}", lang, i, 0, 0, i) for i, k in enumerate(atoms)))


def _crawl(seed: int = 0) -> tuple[list[Page], set[tuple[str, str]]]:
    """12 documents of 8 atoms; documents 10 and 11 keep one page each."""
    rng = random.Random(seed)
    pages, gold = [], set()
    for doc in range(12):
        atoms = rng.sample(range(400), 8)
        if doc != 11:
            pages.append(_page(f"bn{doc}", Lang.BN, atoms))
        if doc != 10:
            pages.append(_page(f"en{doc}", Lang.EN, atoms))
        if doc < 10:
            gold.add((f"bn{doc}", f"en{doc}"))
    return pages, gold


def test_pair_pages_finds_every_pair_and_leaves_the_lonely_pages_alone() -> None:
    pages, gold = _crawl()
    pairing = pair_pages(pages, CachingEncoder(SyntheticEncoder(400), progress=False))
    assert {(p.bn, p.en) for p in pairing.pairs} == gold
    assert pairing.unpaired == {"bn10": Unpaired.NO_CANDIDATE, "en11": Unpaired.NO_CANDIDATE}


def test_pair_pages_does_not_depend_on_the_order_of_the_pages() -> None:
    pages, _ = _crawl()
    encoder = CachingEncoder(SyntheticEncoder(400), progress=False)
    shuffled = list(pages)
    random.Random(5).shuffle(shuffled)
    assert pair_pages(pages, encoder) == pair_pages(shuffled, encoder)


def test_a_page_of_boilerplate_only_or_no_sentences_stays_alone() -> None:
    pages, _ = _crawl()
    pairing = pair_pages([*pages, Page("empty", Lang.BN, ())], CachingEncoder(SyntheticEncoder(400), progress=False))
    assert pairing.unpaired["empty"] is Unpaired.NO_SENTENCES


def test_pairing_knobs_are_set_like_every_other(tmp_path) -> None:
    config = AlignerConfig().with_settings(["pairing.threshold=0.7", "pairing.windows=2"])
    assert config.pairing == PairingParams(threshold=0.7, windows=2)
    toml = tmp_path / "knobs.toml"
    toml.write_text("[pairing]\nthreshold = 0.8\n[score]\nthreshold = 0.04\n", encoding="utf-8")
    loaded = load_config(toml, ["pairing.threshold=0.9"])
    assert (loaded.pairing.threshold, loaded.score.threshold) == (0.9, 0.04)


@pytest.mark.parametrize("settings, message", [
    (["pairing.nope=1"], "unknown setting 'pairing.nope'"),
    (["pairing.windows=0"], "pairing.windows must be at least 1"),
    (["pairing.index=annoy"], "pairing.index must be numpy or faiss"),
    (["score.threshold=high"], "cannot read 'high' as float"),
])
def test_a_bad_setting_is_one_clear_error(settings: list[str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(None, settings)


def test_a_bad_config_file_is_one_clear_error(tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[score\nthreshold = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not TOML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.toml")


def test_the_faiss_index_finds_the_same_neighbours() -> None:
    pytest.importorskip("faiss")
    rng = np.random.default_rng(2)
    queries, base = rng.normal(size=(30, 8)).astype(np.float32), rng.normal(size=(50, 8)).astype(np.float32)
    numpy_ids, numpy_sims = nearest(queries, base, 5)
    faiss_ids, faiss_sims = nearest(queries, base, 5, index="faiss")
    assert (numpy_ids == faiss_ids).all() and np.allclose(numpy_sims, faiss_sims, atol=1e-5)


@pytest.mark.parametrize("bn, en, same", [
    ("https://site.org/bn/news/story-17.html", "https://site.org/en/news/story-17.html", True),
    ("https://bn.site.org/story?id=17&lang=bn", "https://en.site.org/story?id=17&lang=en", True),
    ("crawl/bangla/2020/flood.htm", "crawl/english/2020/flood.htm", True),
    ("https://site.org/a/9c88e4e05d.html", "https://site.org/a/c114b6ee5e.html", False),
    ("https://site.org/bn/story-17", "https://site.org/en/story-18", False),
])
def test_urls_agree_but_for_their_language_codes(bn: str, en: str, same: bool) -> None:
    assert (url_key(bn) == url_key(en)) is same


def test_agreeing_urls_add_evidence_and_silent_ones_cost_nothing() -> None:
    pages, gold = _crawl()
    encoder = CachingEncoder(SyntheticEncoder(400), progress=False)
    plain = {(p.bn, p.en): p.score for p in pair_pages(pages, encoder).pairs}
    named = [replace(p, url=f"https://site.org/{p.lang.value}/{p.key[2:]}") for p in pages]
    scored = {(p.bn, p.en): p.score for p in pair_pages(named, encoder).pairs}
    assert set(scored) == gold
    assert all(abs(scored[pair] - plain[pair] - 0.3) < 1e-3 for pair in gold)
