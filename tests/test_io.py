"""`read_text`: the encodings we accept, and one clear line for every file we refuse."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from aligner.errors import InputError
from aligner.text.io import read_text

TEXT = "English title / বাংলা শিরোনাম\nপ্রথম বাক্য। Second line.\n"


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(b"\xff\xfe" + TEXT.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
    ],
)
def test_accepted_encodings(tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(encoded)
    assert read_text(path) == TEXT
    assert read_text(str(path)) == TEXT


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_newlines_are_normalised(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.replace("\n", newline).encode("utf-8"))
    assert read_text(path) == TEXT


def test_utf16_newlines_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(b"\xff\xfe" + TEXT.replace("\n", "\r\n").encode("utf-16-le"))
    assert read_text(path) == TEXT


def _error(path: Path | str) -> str:
    with pytest.raises(InputError) as info:
        read_text(path)
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            "কাফে café".encode("utf-8")[:-2] + "café".encode("latin-1"),
            "article.txt: not UTF-8 text (invalid byte 0xe9 at offset",
            id="latin-1",
        ),
        pytest.param(b"abc\xff", "article.txt: not UTF-8 text (invalid byte 0xff at offset 3)",
                     id="bad-byte"),
        pytest.param(b"\xef\xbb\xbfab\xff", "(invalid byte 0xff at offset 5)", id="bad-after-bom"),
        pytest.param(b"PK\x03\x04\x00\x00binary", "article.txt: binary data (NUL byte at offset 4)",
                     id="binary"),
        pytest.param("no bom".encode("utf-16-le"), "binary data (NUL byte at offset 1)",
                     id="utf-16-without-bom"),
        pytest.param(b"\xff\xfe\x00\xd8", "article.txt: not valid UTF-16 text", id="bad-utf-16"),
        pytest.param(b"", "article.txt: empty", id="empty"),
        pytest.param(b" \n\t\r\n ", "article.txt: only whitespace", id="whitespace"),
        pytest.param(b"\xef\xbb\xbf", "article.txt: empty", id="bom-only"),
    ],
)
def test_refused_content(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    message = _error(path)
    assert message.startswith(str(path)) and expected in message


def test_undecodable_names_the_hint(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes("café".encode("latin-1"))
    assert _error(path) == (
        f"{path}: not UTF-8 text (invalid byte 0xe9 at offset 3); "
        "save it as UTF-8 or UTF-16 with a BOM"
    )


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    assert _error(path) == f"{path}: no such file"


def test_directory(tmp_path: Path) -> None:
    assert _error(tmp_path) == f"{tmp_path}: is a directory, not a text file"


def test_name_with_newline_stays_one_line(tmp_path: Path) -> None:
    path = tmp_path / "odd\nname.txt"
    assert _error(path).endswith("odd\\nname.txt: no such file")


def _fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="latin-1"))


def test_stdin_reads_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert read_text("-") == TEXT


def test_stdin_utf16(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, b"\xff\xfe" + TEXT.encode("utf-16-le"))
    assert read_text("-") == TEXT


def test_stdin_errors_name_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, b"")
    assert _error("-") == "<stdin>: empty; nothing to align"
