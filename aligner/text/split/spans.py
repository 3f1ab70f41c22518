"""Spans of text, shared by the splitters."""
from __future__ import annotations


def stripped(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span trimmed of whitespace on both sides; None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
