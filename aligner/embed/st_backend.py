"""Any sentence-transformers model: LaBSE, bge-m3, or a local folder. An optional extra.

`pip install torch==2.13.0 && pip install 'aligner[st]'` (torch first: a bare `torch`
requirement pulls a multi-GB CUDA build). Uses the GPU when torch sees one.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from aligner.embed.base import l2_normalize
from aligner.errors import BackendError

INSTALL_HINT = "pip install torch==2.13.0 && pip install 'aligner[st]'"


class SentenceTransformerEncoder:
    """Wraps `SentenceTransformer(name_or_path)`; the model loads on first use."""

    def __init__(self, name_or_path: str, device: str | None = None, batch_size: int = 32):
        self.name = name_or_path
        self._device = device
        self._batch_size = batch_size
        self._model = None

    @property
    def dim(self) -> int:
        model = self._load()
        # sentence-transformers 6 renamed the method; older releases have only the old name
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(get_dim())

    def _load(self):
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as e:
                raise BackendError(
                    f"--model {self.name} needs the sentence-transformers extra: {INSTALL_HINT}"
                ) from e
            try:
                self._model = SentenceTransformer(self.name, device=self._device)
            except (OSError, ValueError) as e:
                first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                raise BackendError(f"cannot load model {self.name!r}: {first}") from e
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        model = self._load()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = model.encode(
            list(texts),
            batch_size=self._batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return l2_normalize(vectors)
