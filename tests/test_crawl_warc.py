"""Reading WARC files: which records are pages, why the others are skipped, page ids."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from warc_helpers import page_html, write_warc

from aligner.batch.inputs import discover
from aligner.batch.records import Status
from aligner.batch.sources import article_text, read_bytes
from aligner.crawl import UndecodablePage
from aligner.crawl.formats import InputFormat
from aligner.crawl.warc import SkipReason, page_id, read_page, scan_warc

EN = "The Prime Minister left Dhaka for Rome on Sunday."
BN = "প্রধানমন্ত্রী রবিবার ঢাকা থেকে রোমের উদ্দেশে যাত্রা করেন।"
PAGES = {
    "https://news.example.com/2019/09/rome.html": page_html([EN, BN]),
    "https://news.example.com/2019/09/milan.html?lang=bn": page_html([BN, EN]),
}
SKIPPED = {
    SkipReason.NOT_RESPONSE: 4,  # warcinfo, two requests, metadata
    SkipReason.NOT_HTML: 2, SkipReason.REVISIT: 1, SkipReason.HTTP_STATUS: 1, SkipReason.TRUNCATED: 1,
}


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_pages_and_skipped_records(tmp_path: Path, compressed: bool) -> None:
    path = write_warc(tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc"), PAGES, gzip=compressed)
    scan = scan_warc(path)
    assert [p.uri for p in scan.pages] == list(PAGES)
    assert scan.skipped == SKIPPED and scan.records == 11
    data = path.read_bytes()
    texts = [page_text_of(data[p.offset:p.offset + p.length]) for p in scan.pages]
    assert texts == [f"{EN}\n{BN}", f"{BN}\n{EN}"]


def page_text_of(record: bytes) -> str:
    from aligner.crawl import page_text

    body, charset = read_page(record, "x", 2**20)
    return page_text(body, "x", charset)


def test_file_cut_inside_a_record_counts_it_truncated(tmp_path: Path) -> None:
    for compressed in (True, False):
        path = write_warc(tmp_path / f"cut{compressed}.warc", PAGES, gzip=compressed, extras=False)
        path.write_bytes(path.read_bytes()[:-200])
        scan = scan_warc(path)
        assert [p.uri for p in scan.pages] == list(PAGES)[:1]
        assert scan.skipped == {SkipReason.NOT_RESPONSE: 3, SkipReason.TRUNCATED: 1}


def test_malformed_record_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    for compressed in (True, False):
        path = write_warc(tmp_path / f"bad{compressed}.warc", PAGES, gzip=compressed, extras=False)
        first = scan_warc(path).pages[0]
        data = bytearray(path.read_bytes())
        data[first.offset:first.offset + 12] = b"GARBAGE!" * 1 + b"\x00\x00\x00\x00"
        path.write_bytes(bytes(data))
        scan = scan_warc(path)
        assert [p.uri for p in scan.pages] == list(PAGES)[1:]
        assert scan.skipped[SkipReason.MALFORMED] == 1


def test_same_uri_twice_keeps_the_first(tmp_path: Path) -> None:
    uri = next(iter(PAGES))
    one = write_warc(tmp_path / "one.warc", {uri: page_html([EN])}, gzip=False, extras=False)
    two = write_warc(tmp_path / "two.warc", {uri: page_html([BN])}, gzip=False, extras=False)
    both = tmp_path / "both.warc"
    both.write_bytes(one.read_bytes() + two.read_bytes())
    scan = scan_warc(both)
    assert len(scan.pages) == 1 and scan.skipped[SkipReason.DUPLICATE] == 1
    assert page_text_of(both.read_bytes()[scan.pages[0].offset:][:scan.pages[0].length]) == EN


def test_one_gzip_stream_warc_is_unreadable_with_a_hint(tmp_path: Path) -> None:
    plain = write_warc(tmp_path / "p.warc", PAGES, gzip=False)
    whole = tmp_path / "in" / "whole.warc.gz"
    whole.parent.mkdir()
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    found = discover([whole.parent], cwd=tmp_path)
    assert found.articles == []
    assert [(r.id, r.status) for r in found.failed] == [("whole", Status.FAILED)]
    assert "warcio recompress" in found.failed[0].reason


def test_http_charset_is_honoured(tmp_path: Path) -> None:
    text = "Le café était très animé à Montréal."
    body = f"<html><body><p>{text}</p></body></html>".encode("cp1252")
    path = tmp_path / "c.warc"
    from warcio.warcwriter import WARCWriter
    from warc_helpers import response

    with open(path, "wb") as stream:
        response(WARCWriter(stream, gzip=False), "http://example.fr/", body, "text/html; charset=windows-1252")
    assert page_text_of(path.read_bytes()) == text


def test_unreadable_record_body_is_a_page_error() -> None:
    with pytest.raises(UndecodablePage, match="the record cannot be read"):
        read_page(b"not a warc record at all", "https://x/", 1000)


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("https://news.example.com/2019/09/rome.html", "news.example.com/2019/09/rome-"),
        ("https://news.example.com/", "news.example.com/index-"),
        ("http://example.com:8080/a/../.git/x?id=7&lang=bn", "example.com_8080/a/_/git/x_id_7_lang_bn-"),
        ("https://bn.example.com/বাংলাদেশ/খবর", "bn.example.com/_/_-"),
        ("https://example.com/" + "a" * 300, "example.com/" + "a" * 80 + "-"),
    ],
)
def test_page_ids_are_safe_paths(uri: str, expected: str) -> None:
    found = page_id(uri)
    assert found.startswith(expected) and len(found) == len(expected) + 8
    assert all(part and not part.startswith(".") for part in found.split("/"))


def test_page_ids_differ_for_uris_that_read_alike() -> None:
    assert page_id("https://x.com/a?b=1") != page_id("https://x.com/a?b=2") != page_id("https://x.com/a_b_1")


def test_folder_mixes_text_html_and_warc(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "site").mkdir(parents=True)
    (folder / "a.txt").write_text(f"{EN}\n{BN}\n", encoding="utf-8")
    (folder / "site" / "b.html").write_bytes(page_html([EN, BN]))
    (folder / "notes.md").write_text("not an input")
    write_warc(folder / "crawl.warc.gz", PAGES)
    found = discover([folder], cwd=tmp_path)
    ids = [a.id for a in found.articles]
    assert ids[0] == "a" and ids[-1] == "site/b" and len(ids) == 4
    assert [a.uri for a in found.articles if a.fmt is InputFormat.WARC] == sorted(PAGES, key=page_id)
    assert all(i.startswith("crawl/news.example.com/2019/09/") for i in ids[1:3])
    assert (found.crawl.files, found.crawl.pages, found.crawl.records) == (1, 2, 11)
    assert found.crawl.skipped == {r.value: n for r, n in sorted(SKIPPED.items(), key=lambda x: x[0].value)}
    texts = [article_text(a, read_bytes(a)) for a in found.articles]
    assert texts == [f"{EN}\n{BN}\n", f"{BN}\n{EN}", f"{EN}\n{BN}", f"{EN}\n{BN}"]


def test_huge_pages_fail_before_they_are_parsed(tmp_path: Path) -> None:
    from aligner.batch.records import Article
    from aligner.batch.sources import load_text
    from aligner.crawl import PageTooLarge

    big = tmp_path / "big.html"
    with open(big, "wb") as stream:
        stream.truncate(50 * 2**20)  # 50 MB, sparse: never read
    article = Article("big", big, big.stat().st_size, big.stat().st_mtime_ns, InputFormat.HTML)
    with pytest.raises(PageTooLarge, match=r"big.html: page too large: 52,428,800 bytes"):
        load_text(article, None, max_chars=1_000_000)
    warc = write_warc(tmp_path / "big.warc.gz", {"https://x.com/big": b"<p>x</p>" * (11 * 2**17)}, extras=False)
    page = scan_warc(warc).pages[0]
    with pytest.raises(PageTooLarge, match="https://x.com/big: page too large: over 10,485,760 bytes"):
        read_page(warc.read_bytes()[page.offset:page.offset + page.length], page.uri, 10 * 2**20)
