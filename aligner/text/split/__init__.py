"""Sentence splitting, one rule-based splitter per language, as offsets into the text.

`split_sentences(text, lang)` gives `(start, end)` pairs such that `text[start:end]` is
one sentence (or one post of a reply thread, `posts.py`) with no surrounding whitespace; spans are in order, never empty and never
overlap. Empty or whitespace-only text gives `[]`.
"""
from __future__ import annotations

from collections.abc import Callable

from aligner.text.split import bangla, english
from aligner.text.split.posts import is_thread, post_cuts
from aligner.types import Lang

_SPLITTERS: dict[Lang, Callable[[str], list[tuple[int, int]]]] = {
    Lang.BN: bangla.split,
    Lang.EN: english.split,
}


def split_sentences(text: str, lang: Lang, thread: bool = False) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence of `text`, written in `lang`.
    `thread`: the text is part of a reply thread (`posts.is_thread`), so every `@handle`
    group after a few words opens a post."""
    try:
        splitter = _SPLITTERS[Lang(lang)]
    except ValueError as e:
        choices = ", ".join(repr(x.value) for x in Lang)
        raise ValueError(f"unknown language {lang!r}; expected one of {choices}") from e
    return post_cuts(text, splitter(text), thread)


__all__ = ["is_thread", "split_sentences"]
