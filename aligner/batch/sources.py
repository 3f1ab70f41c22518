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
from aligner.text.io import decode

MAX_CHARS = 1_000_000
_UTF8_MAX_BYTES = 4  # no character takes more bytes than this, in UTF-8 or UTF-16
PAGE_OPTIONS = ExtractOptions()


class ArticleSkipped(Exception):
    """An article left out on purpose (empty, too large); the message is the reason."""


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


def load_text(article: Article, data: bytes | None, max_chars: int) -> str:
    """The article's text as `aligner align` reads it; `ArticleSkipped` or `InputError`."""
    if too_large(article, max_chars):
        raise ArticleSkipped(f"too large: {article.size:,} bytes (--max-chars {max_chars:,})")
    if data is None:
        data = read_bytes(article)
    text = article_text(article, data)
    if not text.strip():
        raise ArticleSkipped("empty" if not text else "only whitespace")
    if len(text) > max_chars:
        raise ArticleSkipped(f"too large: {len(text):,} characters (--max-chars {max_chars:,})")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def too_large(article: Article, max_chars: int) -> bool:
    """A text over the limit by its size alone (no character takes more than 4 bytes).
    Pages have their own byte limit (`sources.read_bytes`, `crawl.page_text`)."""
    return article.fmt is InputFormat.TEXT and article.size > _UTF8_MAX_BYTES * max_chars
