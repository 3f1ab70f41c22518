"""`run_batch` end to end with the bundled model (one cached encoder for the session).

The main case is the issue's: `corpus/dev` plus a broken file and an empty one.
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from batch_helpers import read_corpus_tsv, small_articles, snapshot, summary_articles, tmx_pairs
from conftest import DEV, shared_encoder

from aligner.align import Aligner
from aligner.batch import BatchOptions, BatchSummary, CorpusFormat, Status, format_table, run_batch
from aligner.batch.errors import BatchUsageError
from aligner.text.io import read_text
from aligner.writers import tsv_line

pytestmark = pytest.mark.model

ALL_FORMATS = tuple(CorpusFormat)
QUIET = BatchOptions(progress=False)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def dev_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, BatchSummary, list[str]]:
    root = tmp_path_factory.mktemp("dev")
    inputs = root / "in"
    shutil.copytree(DEV, inputs, ignore=shutil.ignore_patterns("*.gold.json"))
    (inputs / "broken.txt").write_bytes(b"\x00\x01\x02binary junk\x00")
    (inputs / "latin1.txt").write_bytes("Café au lait\n".encode("latin-1"))
    (inputs / "empty.txt").write_bytes(b"")
    collect = _Collect()
    logging.getLogger("aligner").addHandler(collect)
    try:
        summary = run_batch(
            [inputs], root / "out", BatchOptions(corpus=ALL_FORMATS, progress=False),
            backend=shared_encoder(),
        )
    finally:
        logging.getLogger("aligner").removeHandler(collect)
    return inputs, root / "out", summary, collect.messages


def test_every_good_article_is_written(dev_run) -> None:
    inputs, out, summary, _ = dev_run
    dev_ids = sorted(p.stem for p in DEV.glob("*.txt"))
    assert sorted(p.stem for p in out.glob("*.tsv") if p.stem != "corpus") == dev_ids
    by_id = {r.id: r for r in summary.records}
    assert all(by_id[i].status is Status.OK and by_id[i].pairs > 0 for i in dev_ids)
    assert summary.counts == {Status.OK: 30, Status.FAILED: 2, Status.SKIPPED: 1}
    assert summary.exit_code == 1


def test_broken_files_are_named_with_their_reason(dev_run) -> None:
    inputs, out, summary, warnings = dev_run
    failed = {a["id"]: a for a in summary_articles(out) if a["status"] != "ok"}
    assert failed["broken"]["status"] == "failed"
    assert failed["broken"]["reason"].startswith("binary data (NUL byte at offset 0)")
    assert failed["broken"]["source"] == str(inputs / "broken.txt")
    assert failed["latin1"]["reason"].startswith("not UTF-8 text (invalid byte 0xe9")
    assert failed["empty"] == {**failed["empty"], "status": "skipped", "reason": "empty", "output": None}
    assert any(m.startswith(f"{inputs / 'broken.txt'}: binary data") for m in warnings)
    table = format_table(summary)
    assert f"failed: {inputs / 'broken.txt'}: binary data" in table
    assert f"skipped: {inputs / 'empty.txt'}: empty" in table


def test_article_tsv_is_what_align_writes(dev_run) -> None:
    inputs, out, _, _ = dev_run
    aligner = Aligner(shared_encoder())
    for name in ("dev000", "dev017", "dev029"):
        alignment = aligner.align_article(read_text(inputs / f"{name}.txt"))
        expected = "".join(tsv_line(p) for p in alignment.pairs)
        assert (out / f"{name}.tsv").read_text(encoding="utf-8") == expected


def test_summary_counts_match_the_files(dev_run) -> None:
    _, out, summary, _ = dev_run
    for article in summary_articles(out):
        if article["status"] != "ok":
            continue
        lines = (out / article["output"]).read_text(encoding="utf-8").splitlines()
        assert len(lines) == article["pairs"]
        scores = [float(line.split("\t")[2]) for line in lines]
        assert article["mean_score"] == round(sum(scores) / len(scores), 4)
        assert article["bn_sentences"] >= article["pairs"] <= article["en_sentences"]


def test_corpus_files_agree_and_parse(dev_run) -> None:
    _, out, summary, _ = dev_run
    corpus = summary.corpus
    assert corpus is not None and corpus.written > 0
    assert corpus.pairs == sum(r.pairs for r in summary.records)
    assert corpus.written + sum(corpus.removed.values()) == corpus.pairs
    rows = read_corpus_tsv(out / "corpus.tsv")
    assert rows[0] == ["article", "bn", "en", "score"] and len(rows) == corpus.written + 1
    bn = (out / "corpus.bn").read_text(encoding="utf-8").split("\n")
    en = (out / "corpus.en").read_text(encoding="utf-8").split("\n")
    assert len(bn) == len(en) == corpus.written + 1 and bn[-1] == en[-1] == ""
    assert all(line.strip() for line in bn[:-1] + en[:-1])
    assert tmx_pairs(out / "corpus.tmx") == [(r[1], r[2]) for r in rows[1:]] == list(zip(bn, en))[:-1]
    articles = {(r[0], r[1], r[2]) for r in rows[1:]}
    for article_id, bn_text, en_text in articles:  # every corpus pair is in its article's TSV
        assert f"{bn_text}\t{en_text}\t" in (out / f"{article_id}.tsv").read_text(encoding="utf-8")


def test_rerun_redoes_nothing_and_rewrites_nothing(dev_run) -> None:
    inputs, out, first, _ = dev_run
    tsvs = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.glob("dev*.tsv")}
    before = snapshot(out)
    encoded = shared_encoder().encoded
    again = run_batch([inputs], out, BatchOptions(corpus=ALL_FORMATS, progress=False),
                      backend=shared_encoder())
    assert shared_encoder().encoded == encoded  # nothing embedded
    assert again.already_done == 30
    assert again.records == first.records
    after = snapshot(out)
    assert after.pop("summary.json") != before.pop("summary.json")  # totals: already done, time
    assert after == before
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in tsvs} == tsvs


def test_changed_input_is_redone_others_kept(tmp_path: Path) -> None:
    inputs = small_articles(tmp_path / "in", count=3, pairs=3)
    run_batch([inputs], tmp_path / "out", QUIET, backend=shared_encoder())
    kept = (tmp_path / "out" / "art00.tsv").stat().st_mtime_ns
    changed = inputs / "art01.txt"
    changed.write_text(changed.read_text(encoding="utf-8").split("\n\n")[0] + "\n", encoding="utf-8")
    summary = run_batch([inputs], tmp_path / "out", QUIET, backend=shared_encoder())
    assert summary.already_done == 2
    record = next(r for r in summary.records if r.id == "art01")
    assert (record.status, record.reason) == (Status.NO_PAIRS, "no Bangla text found")
    assert (tmp_path / "out" / "art01.tsv").read_bytes() == b""
    assert (tmp_path / "out" / "art00.tsv").stat().st_mtime_ns == kept


def test_huge_article_is_skipped_with_its_size(tmp_path: Path) -> None:
    inputs = small_articles(tmp_path / "in", count=1, pairs=2)
    (inputs / "huge.txt").write_text("Too long. " * 200, encoding="utf-8")
    summary = run_batch([inputs], tmp_path / "out", BatchOptions(max_chars=1500, progress=False),
                        backend=shared_encoder())
    huge = next(r for r in summary.records if r.id == "huge")
    assert huge.status is Status.SKIPPED
    assert huge.reason == "too large: 2,000 characters (--max-chars 1,500)"
    assert summary.exit_code == 0
    assert not (tmp_path / "out" / "huge.tsv").exists()


def test_missing_listed_file_fails_the_batch_but_not_the_rest(tmp_path: Path) -> None:
    inputs = small_articles(tmp_path / "in", count=1, pairs=2)
    listing = tmp_path / "list.txt"
    listing.write_text(f"{inputs / 'art00.txt'}\n{inputs / 'gone.txt'}\n", encoding="utf-8")
    summary = run_batch([], tmp_path / "out", QUIET, from_list=listing, backend=shared_encoder())
    assert {Path(r.source).name: (r.status, r.reason) for r in summary.records} == {
        "art00.txt": (Status.OK, None), "gone.txt": (Status.FAILED, "no such file")
    }
    assert summary.exit_code == 1


def test_article_named_corpus_clashes_with_corpus_tsv(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "corpus.txt").write_text("x", encoding="utf-8")
    with pytest.raises(BatchUsageError, match="corpus.tsv"):
        run_batch([tmp_path / "in"], tmp_path / "out", BatchOptions(corpus=(CorpusFormat.TSV,)))


def test_no_articles_found_is_bad_usage(tmp_path: Path) -> None:
    with pytest.raises(BatchUsageError, match="no articles"):
        run_batch([tmp_path], tmp_path / "out")


def test_two_worker_processes_give_the_same_outputs(tmp_path: Path) -> None:
    inputs = small_articles(tmp_path / "in", count=4, pairs=4)
    run_batch([inputs], tmp_path / "one", BatchOptions(corpus=ALL_FORMATS, progress=False),
              backend=shared_encoder())
    run_batch([inputs], tmp_path / "two", BatchOptions(corpus=ALL_FORMATS, workers=2, chunk_kb=1,
                                                        progress=False))
    assert snapshot(tmp_path / "two") == {
        **snapshot(tmp_path / "one"), "summary.json": (tmp_path / "two" / "summary.json").read_bytes()
    }
    assert summary_articles(tmp_path / "two") == summary_articles(tmp_path / "one")
