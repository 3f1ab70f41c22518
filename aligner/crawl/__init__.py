"""Crawled input: HTML pages and WARC files, to the text the aligner reads.

    page bytes -> charset.py (text) -> extract.py (article lines) -> page.py (limits, errors)
    WARC file -> warc.py (records: which are pages, and why the rest are skipped) -> page.py
    formats.py: which kind an input is (text, HTML, WARC), by its name or its first bytes

Every failure is a `PageError` (errors.py) with one line and an exit code of its own.
"""
from aligner.crawl.errors import EmptyPage, InvalidMarkup, PageError, PageTooLarge, UndecodablePage
from aligner.crawl.extract import ExtractOptions, extract_text
from aligner.crawl.page import page_text

__all__ = [
    "EmptyPage", "ExtractOptions", "InvalidMarkup", "PageError", "PageTooLarge", "UndecodablePage",
    "extract_text", "page_text",
]
