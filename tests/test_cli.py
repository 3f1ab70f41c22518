"""The `aligner` command: outputs in-process with `CliRunner`, errors as a real process.

In-process runs get the session's cached encoder in place of a fresh model, so nothing is
embedded twice. Error paths run the installed `aligner` script the way a user meets them:
exit code 2, exactly one line on stderr, no traceback, no output file left behind.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from aligner import cli
from aligner.embed import CachingEncoder
from aligner.text.separate import separate
from aligner.types import Lang
from conftest import SEED_000, SEED_003, SEEDS

_SCRIPT = Path(sys.executable).with_name("aligner")
ALIGNER = (
    [str(_SCRIPT)]
    if _SCRIPT.exists()
    else [sys.executable, "-c", "import sys; from aligner.cli import main; sys.argv[0] = 'aligner'; main()"]
)
BANGLA = re.compile(f"[{Lang.BN.script}]")
SHORT_ARTICLE = "He said this. তিনি এ কথা বলেন।\nThey left for Dhaka. তারা ঢাকার পথে রওনা হন।\n"


def run_aligner(*args: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    """Run the `aligner` command as a user would; output decoded as UTF-8."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    proc = subprocess.run(
        [*ALIGNER, *map(str, args)], input=stdin, capture_output=True, env=env, timeout=300, check=False
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def invoke(*args: str | Path, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli.app, [str(a) for a in args], input=stdin)


@pytest.fixture
def cached_model(encoder: CachingEncoder, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI builds its encoder with `get_encoder`: hand it the session's cache instead."""
    monkeypatch.setattr(cli, "get_encoder", lambda model=None, device=None: encoder)


def _rows(tsv: str) -> list[list[str]]:
    return [line.split("\t") for line in tsv.splitlines()]


def _assert_pairs(rows: list[list[str]], at_least: int) -> None:
    assert len(rows) >= at_least
    for bn, en, score in rows:
        assert BANGLA.search(bn) and not BANGLA.search(en)
        float(score)


# --- align -------------------------------------------------------------------------------


@pytest.mark.model
def test_align_to_file(cached_model: None, tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    result = invoke("align", SEED_003, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    data = out.read_bytes()
    assert b"\r" not in data
    rows = _rows(data.decode("utf-8"))
    _assert_pairs(rows, at_least=14)
    assert rows[0] != ["bn", "en", "score"]


@pytest.mark.model
def test_align_header(cached_model: None, tmp_path: Path) -> None:
    plain, with_header = tmp_path / "plain.tsv", tmp_path / "header.tsv"
    assert invoke("align", SEED_003, "-o", plain).exit_code == 0
    assert invoke("align", SEED_003, "-o", with_header, "--header").exit_code == 0
    lines = with_header.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "bn\ten\tscore"
    assert lines[1:] == plain.read_text(encoding="utf-8").splitlines()


@pytest.mark.model
def test_align_stdin_to_stdout(cached_model: None, tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    assert invoke("align", SEED_003, "-o", out).exit_code == 0
    result = invoke("align", "-", stdin=SEED_003.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout == out.read_text(encoding="utf-8")


@pytest.mark.model
def test_align_bn_en_files(cached_model: None, tmp_path: Path) -> None:
    runs = separate(SEED_003.read_text(encoding="utf-8"))
    bn, en = tmp_path / "bn.txt", tmp_path / "en.txt"
    bn.write_text("\n".join(r.text for r in runs if r.lang is Lang.BN), encoding="utf-8")
    en.write_text("\n".join(r.text for r in runs if r.lang is Lang.EN), encoding="utf-8")
    result = invoke("align", "--bn", bn, "--en", en)
    assert result.exit_code == 0, result.output
    _assert_pairs(_rows(result.stdout), at_least=13)


def test_bangla_only_article_warns_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    proc = run_aligner("align", SEED_000, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and "English" in lines[0], proc.stderr
    assert out.read_text(encoding="utf-8") == ""


# --- split and evaluate ----------------------------------------------------------------------


def test_split() -> None:
    result = invoke("split", SEED_003)
    assert result.exit_code == 0, result.output
    rows = _rows(result.stdout)
    assert rows[:3] == [
        ["en", "0", "0", "boilerplate", "Breaking News"],
        ["en", "1", "1", "-", "The Pakistani prime minister met with Putin during Russia's invasion of Ukraine"],
        ["bn", "0", "1", "-", "রাশিয়ার ইউক্রেন আক্রমণ চলাকালেই পুতিনের সাথে সাক্ষাৎ করলেন পাকিস্তানের প্রধানমন্ত্রী"],
    ]
    assert rows[-1] == ["en", rows[-1][1], rows[-1][2], "boilerplate", "No comments"]
    for lang, index, paragraph, flag, text in rows:
        assert lang in {"bn", "en"} and flag in {"boilerplate", "-"} and text
        assert index.isdigit() and paragraph.isdigit()
    for lang in ("bn", "en"):
        assert [int(r[1]) for r in rows if r[0] == lang] == list(range(sum(r[0] == lang for r in rows)))


def test_split_stdin() -> None:
    result = invoke("split", "-", stdin=SHORT_ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert [r[0] for r in _rows(result.stdout)] == ["en", "bn", "en", "bn"]


@pytest.fixture
def gold_and_pred(tmp_path: Path) -> tuple[Path, Path]:
    """Both seed golds, and a prediction for 003 only: its gold beads written as TSV."""
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    for path in SEEDS.glob("*.gold.json"):
        (gold_dir / path.name).write_bytes(path.read_bytes())
    gold = json.loads((SEEDS / "003_381c8ab11bc62b47.gold.json").read_text(encoding="utf-8"))
    lines = [
        "\t".join(" ".join(gold["atoms"][str(a)][side] for a in bead[side]) for side in ("bn", "en"))
        for bead in gold["beads"]
    ]
    (pred_dir / "003_381c8ab11bc62b47.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gold_dir, pred_dir


def test_evaluate(gold_and_pred: tuple[Path, Path]) -> None:
    result = invoke("evaluate", *gold_and_pred)
    assert result.exit_code == 0, result.output
    line = result.stdout.strip()
    assert re.fullmatch(
        r"docs=2 missing=1 strict_p=[\d.]+ strict_r=[\d.]+ strict_f1=[\d.]+ "
        r"link_p=[\d.]+ link_r=[\d.]+ link_f1=[\d.]+ junk_pairs=0",
        line,
    ), line
    assert float(re.search(r"strict_f1=([\d.]+)", line).group(1)) >= 0.9


def test_evaluate_json_by_layout(gold_and_pred: tuple[Path, Path]) -> None:
    result = invoke("evaluate", *gold_and_pred, "--json", "--by-layout")
    assert result.exit_code == 0, result.output
    totals = json.loads(result.stdout)
    assert totals["docs"] == 2 and totals["missing"] == 1 and totals["junk_pairs"] == 0
    assert "en_first" in result.stderr and "bn_only" in result.stderr


# --- errors ------------------------------------------------------------------------------


ERROR_CASES = {
    "missing-file": ["align", "{tmp}/no-such-file.txt"],
    "directory": ["align", "{tmp}"],
    "binary": ["align", "{tmp}/binary.txt"],
    "latin-1": ["align", "{tmp}/latin1.txt"],
    "empty": ["align", "{tmp}/empty.txt"],
    "only-whitespace": ["align", "{tmp}/blank.txt"],
    "article-and-bn": ["align", "{seed}", "--bn", "{seed}"],
    "bn-without-en": ["align", "--bn", "{seed}"],
    "en-without-bn": ["align", "--en", "{seed}"],
    "nothing-given": ["align"],
    "missing-bn-file": ["align", "--bn", "{tmp}/no-such-file.txt", "--en", "{seed}"],
    "split-missing-file": ["split", "{tmp}/no-such-file.txt"],
    "evaluate-missing-dir": ["evaluate", "{tmp}/no-gold", "{tmp}"],
}


@pytest.fixture
def bad_files(tmp_path: Path) -> Path:
    (tmp_path / "binary.txt").write_bytes(b"He said this.\x00\x01\x02 \xff\xfe")
    (tmp_path / "latin1.txt").write_bytes("Café owners in Dhaka said this.".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\n\t\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("case", ERROR_CASES)
def test_errors_exit_2_with_one_line(case: str, bad_files: Path) -> None:
    args = [a.format(tmp=bad_files, seed=SEED_003) for a in ERROR_CASES[case]]
    out_dir = bad_files / "out"
    out_dir.mkdir()
    if args[0] == "align":
        args += ["-o", str(out_dir / "out.tsv")]
    proc = run_aligner(*args)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("aligner: "), proc.stderr
    assert "Traceback" not in proc.stderr
    assert list(out_dir.iterdir()) == []


def test_output_into_a_missing_directory(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    out = tmp_path / "missing" / "out.tsv"
    proc = run_aligner("align", article, "-o", out)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2, proc.stderr
    assert len(proc.stderr.splitlines()) == 1, proc.stderr
    assert not out.parent.exists()


@pytest.mark.parametrize("command", [[], ["align"], ["split"], ["evaluate"]])
def test_help(command: list[str]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage" in result.stdout
