"""Shared paths, the one embedding model every `model` test uses, and `require_shared`.

The session `encoder` is a `CachingEncoder` around the default engine (e5-small), so across the
whole run each distinct text is embedded once, whichever test asks for it first.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

from aligner.align import Aligner
from aligner.embed import CachingEncoder, cache_key, get_encoder

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
