"""From an alignment and its encoder to the report page.

The similarity matrix embeds each segment's text; with the aligner's `CachingEncoder`
these vectors are already cached, so the report costs no model work. When one language
has nothing but boilerplate the aligner embedded nothing, and the report draws no heat-map.
"""
from __future__ import annotations

import numpy as np

from aligner.embed import Encoder
from aligner.report.html import ScoreScale, render_report
from aligner.types import Alignment


def similarity(alignment: Alignment, encoder: Encoder) -> np.ndarray:
    """Cosine of every Bangla segment with every English one: shape `(len(bn), len(en))`."""
    n, m = len(alignment.bn), len(alignment.en)
    if not n or not m:
        return np.zeros((n, m), dtype=np.float32)
    vectors = encoder.encode([s.text for s in alignment.bn] + [s.text for s in alignment.en])
    return vectors[:n] @ vectors[n:].T


def report_html(
    alignment: Alignment, encoder: Encoder, title: str = "", scale: ScoreScale = ScoreScale()
) -> str:
    """The self-contained HTML report of `alignment` (see `aligner.report.html`)."""
    matrix = None if alignment.missing else similarity(alignment, encoder)
    return render_report(alignment, matrix, title=title, scale=scale)
