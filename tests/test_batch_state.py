"""The output folder: what counts as done, the journal, a killed run's leftovers, the lock."""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from aligner.batch.errors import BatchUsageError
from aligner.batch.records import Article, Record, Result, Status
from aligner.batch.state import STATE_DIR, OutputDir, sweep_temporaries
from aligner.types import Pair

TSV = "প্রথম বাক্য।\tFirst sentence.\t0.5000\nদ্বিতীয় বাক্য।\tSecond one.\t0.2500\n"


def _article(tmp_path: Path, article_id: str = "a/x", text: str = "First sentence. প্রথম বাক্য।\n") -> Article:
    source = tmp_path / "in" / f"{article_id}.txt"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(text, encoding="utf-8")
    stat = source.stat()
    return Article(article_id, source, stat.st_size, stat.st_mtime_ns)


def _result(article: Article, tsv: str | None = TSV) -> Result:
    record = Record(article.id, str(article.source), Status.OK, None, 2, 2, 2, 0.375)
    if tsv is None:
        record = Record(article.id, str(article.source), Status.FAILED, "binary")
    return Result(article, record, tsv)


def _restat(article: Article) -> Article:
    stat = article.source.stat()
    return Article(article.id, article.source, stat.st_size, stat.st_mtime_ns)


def test_written_article_is_done_on_the_next_run(tmp_path: Path) -> None:
    article = _article(tmp_path)
    with OutputDir(tmp_path / "out").session() as out:
        assert out.plan([article]).todo == [article]
        out.write(_result(article))
    assert (tmp_path / "out" / "a" / "x.tsv").read_text(encoding="utf-8") == TSV
    with OutputDir(tmp_path / "out").session() as out:
        plan = out.plan([article])
        assert plan.todo == [] and plan.recover == []
        assert plan.done == [_result(article).record]
        assert list(out.pairs("a/x")) == [
            Pair("প্রথম বাক্য।", "First sentence.", 0.5), Pair("দ্বিতীয় বাক্য।", "Second one.", 0.25)
        ]


def test_force_redoes_everything(tmp_path: Path) -> None:
    article = _article(tmp_path)
    with OutputDir(tmp_path / "out").session() as out:
        out.write(_result(article))
        assert out.plan([article], force=True).todo == [article]


def test_changed_input_is_redone(tmp_path: Path) -> None:
    article = _article(tmp_path)
    with OutputDir(tmp_path / "out").session() as out:
        out.write(_result(article))
    article.source.write_text("Changed. বদলেছে।\n", encoding="utf-8")
    os.utime(article.source, ns=(article.mtime_ns + 10**9, article.mtime_ns + 10**9))
    with OutputDir(tmp_path / "out").session() as out:
        assert out.plan([_restat(article)]).todo == [_restat(article)]


def test_output_without_journal_line_is_recovered_not_redone(tmp_path: Path) -> None:
    article = _article(tmp_path)
    with OutputDir(tmp_path / "out").session() as out:
        out.write(_result(article))
    (tmp_path / "out" / STATE_DIR / "journal.jsonl").unlink()
    with OutputDir(tmp_path / "out").session() as out:
        plan = out.plan([article])
        assert plan.recover == [article] and plan.todo == []
        record = out.recover(article, max_chars=1000)
        assert (record.status, record.pairs, record.mean_score) == (Status.OK, 2, 0.375)
        assert (record.bn_sentences, record.en_sentences) == (1, 1)
    with OutputDir(tmp_path / "out").session() as out:  # journaled now
        assert out.plan([article]).done == [record]


def test_output_older_than_input_without_journal_is_redone(tmp_path: Path) -> None:
    article = _article(tmp_path)
    tsv = tmp_path / "out" / "a" / "x.tsv"
    tsv.parent.mkdir(parents=True)
    tsv.write_text(TSV, encoding="utf-8")
    os.utime(tsv, ns=(article.mtime_ns - 10**9, article.mtime_ns - 10**9))
    with OutputDir(tmp_path / "out").session() as out:
        assert out.plan([article]).todo == [article]


def test_journal_line_cut_by_a_kill_is_ignored(tmp_path: Path) -> None:
    first, second = _article(tmp_path, "one"), _article(tmp_path, "two")
    with OutputDir(tmp_path / "out").session() as out:
        out.write(_result(first))
        out.write(_result(second))
    journal = tmp_path / "out" / STATE_DIR / "journal.jsonl"
    journal.write_bytes(journal.read_bytes()[:-20])
    with OutputDir(tmp_path / "out").session() as out:
        plan = out.plan([first, second])
        assert [r.id for r in plan.done] == ["one"] and plan.recover == [second]


def test_failure_removes_a_stale_output(tmp_path: Path) -> None:
    article = _article(tmp_path)
    with OutputDir(tmp_path / "out").session() as out:
        out.write(_result(article))
        out.write(_result(article, tsv=None))
    assert not (tmp_path / "out" / "a" / "x.tsv").exists()


def test_temporaries_of_a_killed_run_are_swept(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    leftovers = [tmp_path / ".x.tsv.k2j4h5g6.tmp", tmp_path / "a" / ".corpus.tmx.abcdefgh.tmp"]
    kept = [tmp_path / "x.tsv", tmp_path / "a" / "y.tmp", tmp_path / "a" / ".keep"]
    for path in leftovers + kept:
        path.write_text("partial", encoding="utf-8")
    assert sweep_temporaries(tmp_path) == 2
    assert [p.exists() for p in leftovers + kept] == [False, False, True, True, True]


def test_output_folder_that_cannot_be_made_is_bad_usage(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(BatchUsageError, match="cannot create the output folder"):
        with OutputDir(tmp_path / "file" / "out").session():
            pass


def test_second_run_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    with OutputDir(tmp_path / "out").session():
        with pytest.raises(BatchUsageError, match="another `aligner batch` run"):
            with OutputDir(tmp_path / "out").session():
                pass


# --- reports (--report) -----------------------------------------------------------------------

REPORT = "<!DOCTYPE html><title>a/x</title>\n"


def _reported(article: Article) -> Result:
    result = _result(article)
    record = replace(result.record, unpaired_bn=0, unpaired_en=1, boilerplate=1)
    return replace(result, record=record, report=REPORT)


def test_report_is_written_beside_the_tsv_and_journaled(tmp_path: Path) -> None:
    article = _article(tmp_path)
    with OutputDir(tmp_path / "out").session() as out:
        assert out.report_path("a/x") == tmp_path / "out" / "report" / "articles" / "a" / "x.html"
        out.write(_reported(article))
    assert (tmp_path / "out" / "report" / "articles" / "a" / "x.html").read_text(encoding="utf-8") == REPORT
    with OutputDir(tmp_path / "out").session() as out:
        plan = out.plan([article], report=True)
        assert plan.todo == [] and plan.done == [_reported(article).record]
        assert plan.done[0].unpaired_en == 1


def test_with_report_an_article_whose_report_is_missing_is_redone(tmp_path: Path) -> None:
    reported, plain = _article(tmp_path, "one"), _article(tmp_path, "two")
    with OutputDir(tmp_path / "out").session() as out:
        out.write(_reported(reported))
        out.write(_result(plain))  # a run without --report
    with OutputDir(tmp_path / "out").session() as out:
        assert [r.id for r in out.plan([reported, plain]).done] == ["one", "two"]
        plan = out.plan([reported, plain], report=True)
        assert [r.id for r in plan.done] == ["one"] and plan.todo == [plain]
    (tmp_path / "out" / "report" / "articles" / "one.html").unlink()
    with OutputDir(tmp_path / "out").session() as out:
        assert out.plan([reported, plain], report=True).todo == [reported, plain]


def test_with_report_a_report_the_journal_does_not_name_is_redone(tmp_path: Path) -> None:
    article = _article(tmp_path)
    with OutputDir(tmp_path / "out").session() as out:
        out.write(_reported(article))
        out.write(_result(article))  # redone later without --report: the report is stale
    assert (tmp_path / "out" / "report" / "articles" / "a" / "x.html").exists()
    with OutputDir(tmp_path / "out").session() as out:
        assert out.plan([article], report=True).todo == [article]


def test_with_report_a_tsv_without_journal_line_is_redone_not_recovered(tmp_path: Path) -> None:
    article = _article(tmp_path)
    with OutputDir(tmp_path / "out").session() as out:
        out.write(_reported(article))
    (tmp_path / "out" / STATE_DIR / "journal.jsonl").unlink()
    with OutputDir(tmp_path / "out").session() as out:
        assert out.plan([article]).recover == [article]
        plan = out.plan([article], report=True)
        assert plan.todo == [article] and plan.recover == []


def test_journal_line_of_an_older_version_still_counts(tmp_path: Path) -> None:
    article = _article(tmp_path)
    with OutputDir(tmp_path / "out").session() as out:
        out.write(_result(article))
    journal = tmp_path / "out" / STATE_DIR / "journal.jsonl"
    line = json.loads(journal.read_text(encoding="utf-8"))
    for key in ("unpaired_bn", "unpaired_en", "boilerplate"):
        del line["record"][key]
    del line["report"]
    journal.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with OutputDir(tmp_path / "out").session() as out:
        (record,) = out.plan([article]).done
        assert record == _result(article).record and record.unpaired_bn is None
        assert out.plan([article], report=True).todo == [article]


def test_failure_removes_a_stale_report(tmp_path: Path) -> None:
    article = _article(tmp_path)
    with OutputDir(tmp_path / "out").session() as out:
        out.write(_reported(article))
        out.write(_result(article, tsv=None))
    assert not (tmp_path / "out" / "report" / "articles" / "a" / "x.html").exists()
