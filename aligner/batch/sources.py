"""An article's bytes, and its text, whatever kind of input holds it.

    text file  -> the file's bytes -> decoded as `aligner align x.txt` decodes it
    HTML page  -> the file's bytes -> its article text (`aligner.crawl.page_text`)
    WARC page  -> its record's bytes (`size` from `offset`) -> the HTTP body -> article text

The driver reads bytes (and ships them, with Ray); workers turn them into text.
"""
from __future__ import annotations

from aligner.batch.records import Article
from aligner.crawl import ExtractOptions, PageTooLarge, page_text
from aligner.crawl.formats import InputFormat
from aligner.crawl.warc import read_page
from aligner.errors import InputError
from aligner.io import decode

PAGE_OPTIONS = ExtractOptions()


def read_bytes(article: Article) -> bytes:
    """The input's bytes: the whole file, or the WARC record of the page."""
    if article.fmt is InputFormat.HTML and article.size > PAGE_OPTIONS.max_bytes:
        raise PageTooLarge(
            f"{article.name}: page too large: {article.size:,} bytes (the limit is {PAGE_OPTIONS.max_bytes:,})"
        )
    try:
        with open(article.source, "rb") as stream:
            if article.fmt is InputFormat.WARC:
                stream.seek(article.offset)
                return stream.read(article.size)
            return stream.read()
    except FileNotFoundError as e:
        raise InputError(f"{article.source}: no such file") from e
    except OSError as e:
        raise InputError(f"{article.source}: cannot read ({e.strerror or type(e).__name__})") from e


def article_text(article: Article, data: bytes) -> str:
    """The text to align (newlines not yet normalised); `InputError` when there is none."""
    if article.fmt is InputFormat.HTML:
        return page_text(data, article.name, options=PAGE_OPTIONS)
    if article.fmt is InputFormat.WARC:
        body, charset = read_page(data, article.name, PAGE_OPTIONS.max_bytes)
        return page_text(body, article.name, charset, PAGE_OPTIONS)
    return decode(data, article.name)
