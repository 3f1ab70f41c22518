"""Shared paths, the one embedding model every `model` test uses, and `require_shared`.

The session `encoder` is a `CachingEncoder` around the default engine (e5-small), so across the
whole run each distinct text is embedded once, whichever test asks for it first.
"""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import numpy as np
import pytest

from aligner.align import Aligner
from aligner.embed import CachingEncoder, cache_key, get_encoder
from aligner.score.margins import ScoreParams

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # the reference scorer and shared corpora, beside the clone
SEEDS = ROOT / "corpus" / "seeds"
DEV = ROOT / "corpus" / "dev"
NTREX_DEV = ROOT / "corpus" / "ntrex" / "dev"
SEED_003 = SEEDS / "003_381c8ab11bc62b47.txt"
SEED_000 = SEEDS / "000_f57fa84aae1bdede.txt"
VECTOR_CACHE = ROOT / ".cache" / f"vectors-{cache_key(None)}.npz"  # written by scripts/score_corpus.py


def require_shared(path: Path) -> None:
    """Skip a test whose `../shared` file is missing on a developer's machine; under CI
    (`CI` set), where `../shared` must be there, fail it with a clear message instead."""
    if path.exists():
        return
    message = f"{path} not found: this test needs ../shared beside the repository"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so it must run)", pytrace=False)
    pytest.skip(message)


@functools.cache
def shared_encoder() -> CachingEncoder:
    """The bundled model behind one cache for all in-process tests: each text embedded once."""
    return CachingEncoder(get_encoder(), progress=False)


@pytest.fixture(scope="session")
def encoder() -> CachingEncoder:
    """The bundled model behind one cache, shared by every test of the session."""
    return shared_encoder()  # the batch tests use the same one: each text embedded once


@pytest.fixture(scope="session")
def aligner(encoder: CachingEncoder) -> Aligner:
    return Aligner(encoder)


class WordEncoder:
    """Each word stands for a concept shared by both languages: a text is its bag of concepts
    (for the repair tests: a cut is right where the concepts of the halves match)."""

    name = "words"
    dim = 6
    concepts = {"ক": 0, "খ": 1, "গ": 2, "ঘ": 3, "ঙ": 4, "চ": 5,
                "one": 0, "two": 1, "three": 2, "four": 3, "five": 4, "six": 5}

    def encode(self, texts):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.sub(r"[.।:,;]", "", text.lower()).split():
                out[row, self.concepts[word]] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


class CosineJudge:
    """A scorer whose margin is the plain cosine (no neighbourhood)."""

    params = ScoreParams()

    def pair_margins(self, bn, en, near=None):
        return np.sum(bn * en, axis=1)
