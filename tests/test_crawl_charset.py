"""Page bytes to text: the charset a page declares, UTF-8, detection, and refusals."""
from __future__ import annotations

import codecs

import pytest

from aligner.crawl import PageTooLarge, UndecodablePage, page_text
from aligner.crawl.charset import content_type_charset, decode_page, meta_charset
from aligner.crawl.errors import EmptyPage, InvalidMarkup
from aligner.crawl.extract import ExtractOptions
from aligner.crawl.formats import InputFormat, by_content, by_name, strip_suffix

BN = "প্রধানমন্ত্রী রবিবার ঢাকা থেকে রোমের উদ্দেশে যাত্রা করেন।"
RU = "Премьер-министр Бангладеш в воскресенье вылетела из Дакки в Рим, где встретится с президентом Италии."
FR = "Le café était très animé à Montréal, déjà à l'aube."


def html(text: str, meta: str = "") -> str:
    return f"<html><head>{meta}</head><body><p>{text}</p></body></html>"


DECODED = [
    pytest.param(html(BN, '<meta charset="utf-8">').encode(), None, BN, id="utf-8-meta"),
    pytest.param(html(BN).encode(), None, BN, id="utf-8-undeclared"),
    pytest.param(html(FR).encode("cp1252"), "windows-1252", FR, id="http-charset"),
    pytest.param(html(FR, "<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>").encode("cp1252"),
                 None, FR, id="http-equiv-meta"),
    pytest.param(html(FR, '<meta charset="utf-8">').encode("cp1252"), "iso-8859-1", FR, id="http-wins-over-meta"),
    pytest.param(html(BN, '<meta charset="iso-8859-1">').encode(), None, BN, id="utf-8-declared-latin-1"),
    pytest.param(codecs.BOM_UTF16_LE + html(BN).encode("utf-16-le"), "iso-8859-1", BN, id="bom-wins"),
    pytest.param(html(BN, '<meta charset="no-such-charset">').encode(), None, BN, id="unknown-label-ignored"),
    pytest.param(html(RU, '<meta charset="utf-8">').encode("cp1251"), None, RU, id="wrong-declaration-detected"),
]


@pytest.mark.parametrize(("data", "declared", "text"), DECODED)
def test_decoded(data: bytes, declared: str | None, text: str) -> None:
    assert page_text(data, "page.html", declared) == text


REFUSED = [
    pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(40), UndecodablePage, "page.html: binary data (a PNG image)", id="png"),
    pytest.param(b"<html>\x00\x01\x02</html>", UndecodablePage, "binary data (NUL byte at offset 6)", id="nul"),
    pytest.param(codecs.BOM_UTF8 + b"<p>\xff</p>", UndecodablePage, "bad utf-8 after its BOM", id="bad-after-bom"),
    pytest.param(html("<nav><a href='/'>Home</a></nav>").encode(), EmptyPage, "no article text", id="no-text"),
    pytest.param(b"<html><head><script>x()</script></head><body> </body></html>", EmptyPage, "no article text",
                 id="script-only"),
    pytest.param(b" \n", EmptyPage, "empty page", id="empty"),
    pytest.param(b"just some words, no tags", InvalidMarkup, "no HTML markup", id="no-markup"),
]


@pytest.mark.parametrize(("data", "error", "message"), REFUSED)
def test_refused(data: bytes, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as info:
        page_text(data, "page.html")
    assert message in str(info.value) and str(info.value).startswith("page.html: ")
    assert "\n" not in str(info.value)


def test_too_large_is_refused_before_decoding() -> None:
    with pytest.raises(PageTooLarge, match=r"page too large: 2,001 bytes \(the limit is 2,000\)"):
        page_text(b"\x00" * 2001, "big.html", options=ExtractOptions(max_bytes=2000))


def test_exit_codes_are_distinct() -> None:
    codes = [e.exit_code for e in (UndecodablePage, EmptyPage, PageTooLarge, InvalidMarkup)]
    assert len(set(codes)) == 4 and 2 not in codes and 0 not in codes


@pytest.mark.parametrize(
    ("value", "charset"),
    [("text/html; charset=UTF-8", "UTF-8"), ('text/html;charset="windows-1251"', "windows-1251"),
     ("text/html", None), (None, None), ("text/html; charset=", None)],
)
def test_content_type_charset(value: str | None, charset: str | None) -> None:
    assert content_type_charset(value) == charset


def test_meta_charset_after_a_long_head() -> None:
    data = b"<html><head>" + b"<!-- padding -->" * 200 + b'<meta charset="koi8-r">'
    assert meta_charset(data) == "koi8-r"
    assert decode_page("Привет".encode("koi8-r") + data, "x", None) != ""


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [("a.html", b"", InputFormat.HTML), ("a.HTM", b"", InputFormat.HTML), ("x.warc.gz", b"", InputFormat.WARC),
     ("x.warc", b"", InputFormat.WARC), ("a.txt", b"<!DOCTYPE html>", InputFormat.TEXT)],
)
def test_format_by_name(name: str, head: bytes, fmt: InputFormat) -> None:
    assert by_name(name) is fmt


@pytest.mark.parametrize(
    ("head", "fmt"),
    [(b"<!DOCTYPE html><html>", InputFormat.HTML), (b"\xef\xbb\xbf\n  <html lang='bn'>", InputFormat.HTML),
     (b"<!-- saved page -->\n<HTML>", InputFormat.HTML), (b"WARC/1.1\r\n", InputFormat.WARC),
     (b"\x1f\x8b\x08", InputFormat.WARC), (b"He wrote <b>this</b>.", InputFormat.TEXT),
     ("তিনি বলেন।".encode(), InputFormat.TEXT)],
)
def test_format_by_content(head: bytes, fmt: InputFormat) -> None:
    assert by_content(head) is fmt


@pytest.mark.parametrize(
    ("name", "stem"),
    [("a/x.txt", "a/x"), ("a/x.html", "a/x"), ("a/x.warc.gz", "a/x"), ("x.WARC", "x"), ("a/x.md", "a/x"), ("a/x", "a/x")],
)
def test_strip_suffix(name: str, stem: str) -> None:
    assert strip_suffix(name) == stem
