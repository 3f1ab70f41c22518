"""`aligner batch` as a user runs it: exit codes, stderr, and a run killed with SIGKILL."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from batch_helpers import kill_midway_then_rerun, small_articles
from conftest import shared_encoder

from aligner.batch import BatchOptions, CorpusFormat, run_batch
from aligner.cli import main

CLI = [sys.executable, "-c", "from aligner.cli import main; main()"]


def _main(argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setattr(sys, "argv", ["aligner", *argv])
    with pytest.raises(SystemExit) as exit_info:
        main()
    return exit_info.value.code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "OUT"], "give folders or files to align, or --from-list FILE"),
        (["IN/nope", "-o", "OUT"], "nope: no such file or folder"),
        (["IN", "-o", "OUT"], "no articles (*.txt, *.html, or pages in *.warc, *.warc.gz) found"),
        (["IN", "-o", "OUT", "--workers", "0"], "--workers must be at least 1"),
        (["IN", "-o", "OUT", "--min-ratio", "3", "--max-ratio", "1"], "length ratio bounds"),
        (["IN", "-o", "OUT", "--corpus", "xml"], "'xml' is not one of"),
        (["IN"], "Missing option '--output'"),
    ],
)
def test_bad_usage_exits_2(args, message, tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "IN").mkdir()
    monkeypatch.chdir(tmp_path)
    code, err = _main(["batch", *args], monkeypatch, capsys)
    assert code == 2
    assert message in err


def test_a_failed_article_exits_1_and_is_named(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_bytes(b"\xc3\x28 not utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"  \n")
    code, err = _main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out")], monkeypatch, capsys)
    assert code == 1
    assert f"failed: {tmp_path / 'in' / 'bad.txt'}: not UTF-8 text (invalid byte 0xc3" in err
    assert f"skipped: {tmp_path / 'in' / 'empty.txt'}: only whitespace" in err


def test_only_skipped_articles_exit_0(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    code, err = _main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out")], monkeypatch, capsys)
    assert code == 0
    assert "skipped   " in err and (tmp_path / "out" / "summary.json").exists()



def test_report_lists_unaligned_articles_and_names_the_index(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_bytes(b"\xc3\x28 not utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    code, err = _main(["batch", str(tmp_path / "in"), "-o", str(out), "--report"], monkeypatch, capsys)
    assert code == 1
    assert "report: 2 articles, 2 flagged, worst first in report/index.html" in err
    index = (out / "report" / "index.html").read_text(encoding="utf-8")
    assert "failed: not UTF-8 text" in index and "skipped: empty" in index
    assert "<a " not in index and not (out / "report" / "articles").exists()

@pytest.mark.model
def test_sigkill_midway_then_rerun_gives_the_uninterrupted_outputs(tmp_path: Path) -> None:
    inputs = small_articles(tmp_path / "in", count=6, pairs=6)
    formats = list(CorpusFormat)
    reference = tmp_path / "reference"
    run_batch([inputs], reference, BatchOptions(corpus=tuple(formats), progress=False),
              backend=shared_encoder())

    out = tmp_path / "out"
    command = [*CLI, "batch", str(inputs), "-o", str(out), "--chunk-kb", "1"]
    command += [arg for fmt in formats for arg in ("--corpus", fmt.value)]
    stderr = kill_midway_then_rerun(command, out, reference, "art*.tsv", total=6)
    assert "articles," in stderr and "sentences/s, ETA" in stderr  # log lines, no tty
