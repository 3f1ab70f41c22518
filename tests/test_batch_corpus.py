"""Corpus files from per-article TSVs: formats that read back intact, filters, duplicates."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_helpers import read_corpus_tsv, tmx_pairs

from aligner.batch.corpus import CorpusFilter, build_corpus
from aligner.batch.errors import BatchUsageError
from aligner.batch.formats import CorpusFormat
from aligner.batch.state import OutputDir
from aligner.types import Pair
from aligner.writers import tsv_line

# Pairs as an article's TSV holds them: quotes, markup characters, a control character.
ARTICLES = {
    "a/one": [
        Pair('"আমরা জিতব," তিনি বললেন।', '"We will win," he said.', 0.41234),
        Pair("দাম <৫০> টাকা & কর।", "Price <50> taka & tax.", 0.3),
        Pair("ঘণ্টা\x07বাজল।", "The bell\x07rang.", 0.25),
    ],
    "b/two": [
        Pair('"আমরা জিতব," তিনি বললেন।', '"We will win," he said.', 0.5),  # duplicate
        Pair("কম স্কোর।", "Low score.", 0.01),
        Pair("এটি একটি অনেক দীর্ঘ বাংলা বাক্য যা খুব ছোট ইংরেজির সাথে জোড়া।", "Hi.", 0.3),
    ],
}
KEPT = [ARTICLES["a/one"][0], ARTICLES["a/one"][1], ARTICLES["a/one"][2]]
FILTERS = CorpusFilter(min_score=0.05, min_ratio=0.4, max_ratio=2.5)


@pytest.fixture
def out(tmp_path: Path) -> OutputDir:
    for article_id, pairs in ARTICLES.items():
        path = tmp_path / f"{article_id}.tsv"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(tsv_line(p) for p in pairs), encoding="utf-8")
    return OutputDir(tmp_path)


def test_filters_and_duplicates_are_counted(out: OutputDir) -> None:
    report = build_corpus(out, list(ARTICLES), [CorpusFormat.TSV], FILTERS)
    assert (report.pairs, report.written) == (6, 3)
    assert report.removed == {"empty": 0, "score": 1, "ratio": 1, "duplicate": 1}
    assert report.files == ("corpus.tsv",)


def test_tsv_reads_back_with_csv_intact(out: OutputDir) -> None:
    build_corpus(out, list(ARTICLES), [CorpusFormat.TSV], FILTERS)
    rows = read_corpus_tsv(out.root / "corpus.tsv")
    assert rows[0] == ["article", "bn", "en", "score"]
    assert rows[1:] == [["a/one", p.bn, p.en, f"{p.score:.4f}"] for p in KEPT]


def test_moses_files_are_line_aligned(out: OutputDir) -> None:
    build_corpus(out, list(ARTICLES), [CorpusFormat.MOSES], FILTERS)
    bn = (out.root / "corpus.bn").read_text(encoding="utf-8").split("\n")
    en = (out.root / "corpus.en").read_text(encoding="utf-8").split("\n")
    assert bn[-1] == en[-1] == ""  # each file ends with a newline
    assert len(bn) == len(en) == len(KEPT) + 1
    assert all(line.strip() for line in bn[:-1] + en[:-1])
    assert list(zip(bn, en))[:-1] == [(p.bn, p.en) for p in KEPT]


def test_tmx_parses_and_has_the_tmx_structure(out: OutputDir) -> None:
    build_corpus(out, list(ARTICLES), [CorpusFormat.TMX], FILTERS)
    pairs = tmx_pairs(out.root / "corpus.tmx")
    assert pairs == [(p.bn.replace("\x07", ""), p.en.replace("\x07", "")) for p in KEPT]
    text = (out.root / "corpus.tmx").read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
    assert '<prop type="x-article">a/one</prop><prop type="x-score">0.4123</prop>' in text


def test_jsonl_rows(out: OutputDir) -> None:
    build_corpus(out, list(ARTICLES), [CorpusFormat.JSONL], FILTERS)
    lines = (out.root / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert rows == [{"article": "a/one", "bn": p.bn, "en": p.en, "score": round(p.score, 4)} for p in KEPT]


def test_all_formats_in_one_pass_hold_the_same_pairs(out: OutputDir) -> None:
    report = build_corpus(out, list(ARTICLES), list(CorpusFormat), CorpusFilter())
    assert report.files == ("corpus.tsv", "corpus.bn", "corpus.en", "corpus.tmx", "corpus.jsonl")
    tsv = [(r[1], r[2]) for r in read_corpus_tsv(out.root / "corpus.tsv")[1:]]
    moses = list(zip(
        (out.root / "corpus.bn").read_text(encoding="utf-8").splitlines(),
        (out.root / "corpus.en").read_text(encoding="utf-8").splitlines(),
    ))
    assert len(tsv) == report.written == 4  # only the duplicate and the ratio outlier go
    assert tsv == moses


def test_a_failing_build_leaves_no_partial_corpus(out: OutputDir) -> None:
    (out.root / "b" / "two.tsv").write_text("not a tsv line\n", encoding="utf-8")
    with pytest.raises(ValueError):
        build_corpus(out, list(ARTICLES), [CorpusFormat.TSV, CorpusFormat.TMX], FILTERS)
    assert sorted(p.name for p in out.root.iterdir()) == ["a", "b"]


@pytest.mark.parametrize(("low", "high"), [(0, 2.0), (2.0, 1.0), (-1, 1)])
def test_bad_ratio_bounds_are_bad_usage(low: float, high: float) -> None:
    with pytest.raises(BatchUsageError, match="length ratio"):
        CorpusFilter(min_ratio=low, max_ratio=high)
