"""`aligner batch crawl.warc.gz`: every HTML page aligned and named by its URI, the other
records counted by reason, a bad page named failed, and a SIGKILL'd run resumed per record."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_helpers import kill_midway_then_rerun, read_corpus_tsv, small_articles, tmx_pairs
from conftest import shared_encoder
from test_batch_cli import CLI
from warc_helpers import page_html, write_warc

from aligner.batch import BatchOptions, CorpusFormat, Status, format_table, run_batch
from aligner.crawl.warc import page_id

pytestmark = pytest.mark.model


def crawl(tmp_path: Path, count: int = 4, binary: bool = False) -> tuple[Path, Path, dict[str, str]]:
    """A WARC of `count` small articles as pages (and the usual other records); the texts'
    folder; and the article of each URI."""
    texts = small_articles(tmp_path / "texts", count=count, pairs=5)
    pages, names = {}, {}
    for k, text in enumerate(sorted(texts.glob("*.txt"))):
        uri = f"https://news.example.com/2019/{text.stem}.html"
        lines = [line for line in text.read_text(encoding="utf-8").splitlines() if line]
        pages[uri], names[uri] = page_html(lines), text.stem
    if binary:
        pages["https://news.example.com/photo.html"] = b"\x89PNG\r\n\x1a\n" + bytes(64)
    (tmp_path / "in").mkdir()
    return write_warc(tmp_path / "in" / "crawl.warc.gz", pages), texts, names


def test_every_page_aligned_named_by_uri_rest_counted(tmp_path: Path) -> None:
    warc, texts, names = crawl(tmp_path, binary=True)
    out, reference = tmp_path / "out", tmp_path / "reference"
    options = BatchOptions(corpus=(CorpusFormat.TSV, CorpusFormat.TMX, CorpusFormat.JSONL), progress=False)
    summary = run_batch([warc.parent], out, options, backend=shared_encoder())
    run_batch([texts], reference, BatchOptions(progress=False), backend=shared_encoder())

    assert summary.exit_code == 1  # the PNG served as text/html
    by_uri = {r.uri: r for r in summary.records}
    failed = by_uri.pop("https://news.example.com/photo.html")
    assert failed.status is Status.FAILED and failed.reason == "binary data (a PNG image), not an HTML page"
    assert failed.id == "crawl/" + page_id("https://news.example.com/photo.html")
    for uri, record in by_uri.items():
        assert record.status is Status.OK and record.id == "crawl/" + page_id(uri)
        assert (out / f"{record.id}.tsv").read_bytes() == (reference / f"{names[uri]}.tsv").read_bytes()
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert data["warc"] == {"files": 1, "records": 17, "pages": 5, "skipped": {
        "http_status": 1, "not_html": 2, "not_response": 7, "revisit": 1, "truncated": 1}}
    assert {a["uri"] for a in data["articles"]} == set(by_uri) | {failed.uri}
    corpus = read_corpus_tsv(out / "corpus.tsv")
    assert {row[0] for row in corpus[1:]} == set(by_uri)
    tmx = (out / "corpus.tmx").read_text(encoding="utf-8")
    assert all(f'<prop type="x-article">{uri}</prop>' in tmx for uri in by_uri)
    assert len(tmx_pairs(out / "corpus.tmx")) == len(corpus) - 1
    table = format_table(summary)
    assert "warc: 5 HTML pages of 17 records in 1 file(s); skipped: 1 http_status, 2 not_html" in table
    assert "failed: https://news.example.com/photo.html: binary data (a PNG image)" in table


def test_sigkill_midway_then_rerun_gives_the_uninterrupted_outputs(tmp_path: Path) -> None:
    warc, _, _ = crawl(tmp_path, count=6)
    formats = list(CorpusFormat)
    reference = tmp_path / "reference"
    run_batch([warc], reference, BatchOptions(corpus=tuple(formats), progress=False), backend=shared_encoder())

    out = tmp_path / "out"
    command = [*CLI, "batch", str(warc), "-o", str(out), "--chunk-kb", "1"]
    command += [arg for fmt in formats for arg in ("--corpus", fmt.value)]
    stderr = kill_midway_then_rerun(command, out, reference, "art*.tsv", total=6)
    assert "warc: 6 HTML pages of 19 records in 1 file(s)" in stderr
