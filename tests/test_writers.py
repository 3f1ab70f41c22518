"""`write_tsv`: one clean line per pair, optional header, stdout or an atomic file write."""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from aligner.types import Pair
from aligner.errors import OutputError
from aligner.writers import atomic_write_text, clean_cell, write_tsv

PAIRS = [
    Pair("প্রথম বাক্য।", "First sentence.", 0.91234),
    Pair("দ্বিতীয়\tবাক্য।", "Second\r\nsentence\nhere.", 0.5),
]
EXPECTED = "প্রথম বাক্য।\tFirst sentence.\t0.9123\nদ্বিতীয় বাক্য।\tSecond sentence here.\t0.5000\n"


def test_file_content(tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    assert write_tsv(PAIRS, out) == 2
    assert out.read_bytes() == EXPECTED.encode("utf-8")


def test_header_only_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    write_tsv(PAIRS, out, header=True)
    assert out.read_text(encoding="utf-8") == "bn\ten\tscore\n" + EXPECTED


def test_no_pairs_gives_empty_file(tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    assert write_tsv([], str(out)) == 0
    assert out.read_bytes() == b""


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\tb", "a b"),
        ("a\r\nb", "a b"),
        ("a\rb\nc", "a b c"),
        ("a\t\n\tb", "a b"),
        ("a\u2028b\x85c", "a b c"),  # str.splitlines() would break the line here too
        ("plain", "plain"),
    ],
)
def test_clean_cell(raw: str, clean: str) -> None:
    assert clean_cell(raw) == clean


def test_every_pair_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    write_tsv([Pair("ক\u2029খ\x0bগ", "x\x0cy\x1cz\tw", 1.0)], out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == ["ক খ গ\tx y z w\t1.0000"]


@pytest.mark.parametrize("out", [None, "-"])
def test_stdout(out, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    write_tsv(PAIRS, out, header=True)
    assert capsysbinary.readouterr().out == ("bn\ten\tscore\n" + EXPECTED).encode("utf-8")


def test_stdout_is_utf8_whatever_the_console(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii", newline="\r\n"))
    write_tsv(PAIRS, "-")
    assert raw.getvalue() == EXPECTED.encode("utf-8")
    assert not sys.stdout.closed


def test_stdout_without_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.StringIO()
    monkeypatch.setattr(sys, "stdout", fake)
    write_tsv(PAIRS, None)
    assert fake.getvalue() == EXPECTED


def _failing_pairs() -> Iterator[Pair]:
    yield PAIRS[0]
    yield PAIRS[1]
    raise RuntimeError("model crashed")


def test_failure_midway_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    with pytest.raises(RuntimeError, match="model crashed"):
        write_tsv(_failing_pairs(), out)
    assert list(tmp_path.iterdir()) == []


def test_failure_midway_keeps_old_file(tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        write_tsv(_failing_pairs(), out)
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tsv"]


def test_replace_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "out.tsv"
    out.write_text("old\n", encoding="utf-8")
    os.chmod(out, 0o640)
    write_tsv(PAIRS, out)
    assert out.read_text(encoding="utf-8") == EXPECTED
    assert out.stat().st_mode & 0o777 == 0o640


def test_new_file_gets_umask_mode(tmp_path: Path) -> None:
    out = tmp_path / "new.txt"
    old = os.umask(0o022)
    try:
        atomic_write_text(out, "text\n")
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_atomic_write_text(tmp_path: Path) -> None:
    out = tmp_path / "notes.txt"
    atomic_write_text(out, "বাংলা\nline\n")
    assert out.read_bytes() == "বাংলা\nline\n".encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_missing_directory_raises_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="absent"):
        atomic_write_text(tmp_path / "absent" / "out.tsv", "x")
    assert list(tmp_path.iterdir()) == []
