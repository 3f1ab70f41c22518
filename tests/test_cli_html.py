"""`aligner align page.html`: a page aligns as its text does; each way a page fails is one
line on stderr with an exit code of its own, and no output file."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import cached_model, invoke, run_aligner  # noqa: F401  (a fixture)

from aligner.align import Aligner
from aligner.crawl.formats import InputFormat
from aligner.text.io import read_input, read_text
from conftest import DEV, ROOT

PAGES = ROOT / "corpus" / "html" / "dev"
PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>x</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/bd'>বাংলাদেশ</a></nav>"
    "<main><h1>Hasina leaves for Rome / রোমের পথে হাসিনা</h1>"
    "<p>He said this. They left for Dhaka.</p><p>তিনি এ কথা বলেন। তারা ঢাকার পথে রওনা হন।</p></main>"
    "<footer>© 2019 Example</footer></body></html>"
)


@pytest.fixture
def bad_pages(tmp_path: Path) -> Path:
    (tmp_path / "chrome.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with open(tmp_path / "huge.html", "wb") as stream:  # 50 MB
        stream.write(b"<html><body>" + b"<p>All work and no play.</p>" * (50 * 2**20 // 28) + b"</body></html>")
    (tmp_path / "words.txt").write_text("Just words, not a page.\n")
    (tmp_path / "crawl.warc").write_bytes(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["chrome.html"], 4, "chrome.html: no article text in the page"),
        (["image.html"], 3, "image.html: binary data (a PNG image), not an HTML page"),
        (["huge.html"], 5, "huge.html: page too large: 52,428,"),
        (["words.txt", "--format", "html"], 6, "words.txt: no HTML markup"),
        (["crawl.warc"], 2, "crawl.warc: a WARC file holds many pages; align them with `aligner batch"),
    ],
)
def test_page_errors_one_line_own_exit_code(args: list[str], code: int, message: str, bad_pages: Path) -> None:
    out = bad_pages / "out"
    out.mkdir()
    proc = run_aligner("align", bad_pages / args[0], *args[1:], "-o", out / "pairs.tsv")
    assert proc.returncode == code, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("aligner: ") and message in lines[0], proc.stderr
    assert proc.stdout == "" and list(out.iterdir()) == []


def test_split_reads_a_page_by_its_content() -> None:
    result = invoke("split", "-", stdin=PAGE.encode())
    assert result.exit_code == 0, result.output
    texts = [line.split("\t")[4] for line in result.stdout.splitlines()]
    assert texts == ["Hasina leaves for Rome", "রোমের পথে হাসিনা", "He said this.", "They left for Dhaka.",
                     "তিনি এ কথা বলেন।", "তারা ঢাকার পথে রওনা হন।"]


def test_format_text_reads_markup_as_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    assert read_input(path, InputFormat.TEXT).startswith("<!DOCTYPE html>")


@pytest.mark.model
def test_align_stdin_as_html(cached_model: None) -> None:  # noqa: F811
    result = invoke("align", "-", "--format", "html", stdin=PAGE.encode())
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [r[:2] for r in rows] == [
        ["রোমের পথে হাসিনা", "Hasina leaves for Rome"], ["তিনি এ কথা বলেন।", "He said this."],
        ["তারা ঢাকার পথে রওনা হন।", "They left for Dhaka."],
    ]


@pytest.mark.model
@pytest.mark.parametrize("name", ["dev000", "dev004", "dev006"])  # one page of each template
def test_generated_page_aligns_as_its_text(name: str, aligner: Aligner) -> None:
    from_page = aligner.align_article(read_input(PAGES / f"{name}.html")).pairs
    from_text = aligner.align_article(read_text(DEV / f"{name}.txt")).pairs
    assert from_page == from_text and from_page
