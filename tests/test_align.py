"""End to end with the bundled model: the seeds, the dev sets' floors, and path invariants.

All tests share the session aligner, so each distinct sentence is embedded once. The
floors are regression guards, 0.01 under the figures measured when they were set (the
shuffled `corpus/dev`, and the first coherent NTREX articles of `corpus/ntrex/dev`);
raise them when the aligner improves.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from aligner.align import Aligner
from aligner.embed.background import BANK_BN, BANK_EN
from aligner.embed import CachingEncoder
from aligner.eval.evaluate import Scores
from aligner.eval.gold import Counts, load_gold, score_pairs
from aligner.text.segment import segment_article
from aligner.text.separate import separate
from aligner.types import Alignment, Lang
from conftest import DEV, NTREX_DEV, SEED_000, SEED_003

pytestmark = pytest.mark.model

DEV_STRICT_F1_FLOOR = 0.951  # measured 0.9613 (30 articles, junk 0) when this was set
DEV_MAX_JUNK = 0
COHERENT_ARTICLES = 12  # the first of corpus/ntrex/dev: real news kept in order
COHERENT_STRICT_F1_FLOOR = 0.941  # measured 0.9512 (12 articles, junk 0) when this was set
COHERENT_MAX_JUNK = 0


def _gold_path(article: Path) -> Path:
    return article.with_name(article.name.removesuffix(".txt") + ".gold.json")


def _score(alignment: Alignment, article: Path) -> Counts:
    pairs = [(p.bn, p.en) for p in alignment.pairs]
    return score_pairs(load_gold(_gold_path(article)), pairs)


@pytest.fixture(scope="module")
def seed_003(aligner: Aligner) -> Alignment:
    return aligner.align_article(SEED_003.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_000(aligner: Aligner) -> Alignment:
    return aligner.align_article(SEED_000.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dev(aligner: Aligner) -> dict[Path, Alignment]:
    articles = sorted(DEV.glob("*.txt"))
    assert len(articles) == 30
    return {path: aligner.align_article(path.read_text(encoding="utf-8")) for path in articles}


@pytest.fixture(scope="module")
def coherent(aligner: Aligner) -> dict[Path, Alignment]:
    articles = sorted(NTREX_DEV.glob("*.txt"))[:COHERENT_ARTICLES]
    assert len(articles) == COHERENT_ARTICLES
    return {path: aligner.align_article(path.read_text(encoding="utf-8")) for path in articles}


def test_seed_003(seed_003: Alignment) -> None:
    counts = _score(seed_003, SEED_003)
    assert counts.gold_beads == 15
    assert counts.strict_ok >= 14
    assert counts.junk == 0


def test_seed_000_has_no_english(seed_000: Alignment) -> None:
    assert seed_000.pairs == []
    assert seed_000.missing == (Lang.EN,)
    assert seed_000.bn and all(s.boilerplate for s in seed_000.en)


def _total(alignments: dict[Path, Alignment]) -> Scores:
    total = Counts()
    for path, alignment in alignments.items():
        total += _score(alignment, path)
    return Scores.from_counts(total)


def test_dev_floor(dev: dict[Path, Alignment]) -> None:
    scores = _total(dev)
    assert scores.strict_f1 >= DEV_STRICT_F1_FLOOR, scores
    assert scores.junk <= DEV_MAX_JUNK, scores


def test_coherent_floor(coherent: dict[Path, Alignment]) -> None:
    """Real news kept in order: neighbours share names and topics, margins are smaller."""
    scores = _total(coherent)
    assert scores.strict_f1 >= COHERENT_STRICT_F1_FLOOR, scores
    assert scores.junk <= COHERENT_MAX_JUNK, scores


def test_embeds_little_more_than_each_segment_once(encoder: CachingEncoder) -> None:
    """Spans start as composed vectors; only those the path needs are embedded for real."""
    counting = CachingEncoder(encoder, progress=False)  # counts what reaches the session cache
    text = SEED_003.read_text(encoding="utf-8")
    Aligner(counting).align_article(text)
    bn, en = segment_article(text)
    bank = len(BANK_BN) + len(BANK_EN)
    assert counting.encoded <= 1.5 * (len(bn) + len(en)) + bank


def test_align_texts_matches_align_article(aligner: Aligner, seed_003: Alignment) -> None:
    runs = separate(SEED_003.read_text(encoding="utf-8"))
    bn_text = "\n".join(r.text for r in runs if r.lang is Lang.BN)
    en_text = "\n".join(r.text for r in runs if r.lang is Lang.EN)
    from_texts = {(p.bn, p.en) for p in aligner.align_texts(bn_text, en_text).pairs}
    from_article = {(p.bn, p.en) for p in seed_003.pairs}
    assert len(from_texts & from_article) >= 13


def _all(seed_003: Alignment, seed_000: Alignment, dev: dict[Path, Alignment]) -> list[Alignment]:
    return [seed_003, seed_000, *dev.values()]


def test_every_segment_is_covered_once_in_order(
    seed_003: Alignment, seed_000: Alignment, dev: dict[Path, Alignment]
) -> None:
    for alignment in _all(seed_003, seed_000, dev):
        assert [i for bead in alignment.beads for i in bead.bn] == list(range(len(alignment.bn)))
        assert [j for bead in alignment.beads for j in bead.en] == list(range(len(alignment.en)))
        assert all(bead.bn or bead.en for bead in alignment.beads)
        for side in (alignment.bn, alignment.en):
            assert [s.index for s in side] == list(range(len(side)))


def test_boilerplate_is_never_paired(
    seed_003: Alignment, seed_000: Alignment, dev: dict[Path, Alignment]
) -> None:
    for alignment in _all(seed_003, seed_000, dev):
        for bead in alignment.beads:
            if bead.is_pair:
                assert not any(alignment.bn[i].boilerplate for i in bead.bn), bead
                assert not any(alignment.en[j].boilerplate for j in bead.en), bead


def test_pairs_match_their_beads(seed_003: Alignment) -> None:
    beads = [b for b in seed_003.beads if b.is_pair]
    assert len(seed_003.pairs) == len(beads)
    for pair, bead in zip(seed_003.pairs, beads):
        assert pair.bn == " ".join(seed_003.bn[i].text for i in bead.bn)
        assert pair.en == " ".join(seed_003.en[j].text for j in bead.en)
        assert pair.score == bead.score
