"""A crawled page's bytes to the text `aligner` aligns: size limit, charset, extraction."""
from __future__ import annotations

from aligner.crawl.charset import decode_page
from aligner.crawl.errors import EmptyPage, InvalidMarkup, PageTooLarge
from aligner.crawl.extract import ExtractOptions, extract_text


def page_text(
    data: bytes, name: str, declared_charset: str | None = None, options: ExtractOptions = ExtractOptions()
) -> str:
    """The article text of an HTML page, one paragraph a line; a `PageError` says why none."""
    if len(data) > options.max_bytes:
        raise PageTooLarge(
            f"{name}: page too large: {len(data):,} bytes (the limit is {options.max_bytes:,})"
        )
    html = decode_page(data, name, declared_charset)
    if not html.strip():
        raise EmptyPage(f"{name}: empty page; no article text")
    if "<" not in html:
        raise InvalidMarkup(f"{name}: no HTML markup (not a single tag); read it as text with --format text")
    try:
        text = extract_text(html, options)
    except (RuntimeError, ValueError) as e:  # Lexbor's own failures (it repairs bad markup)
        raise InvalidMarkup(f"{name}: markup the HTML parser cannot read ({e})") from e
    if not text.strip():
        raise EmptyPage(f"{name}: no article text in the page (only markup, scripts or page chrome)")
    return text
