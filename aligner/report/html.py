"""One alignment as a self-contained HTML page: the two languages side by side, one row per
bead, next to a heat-map of the similarity matrix with the path on it.

A pair's row is coloured by its score on `ScoreScale` (red at `low`, green at `high`); an
unpaired sentence keeps its place in the path, greyed out; boilerplate is struck through.
A `¶N` tag marks each sentence that starts paragraph N (input line N) of the original, and
its cell gets a rule above it. Everything the page needs is inline (`assets.py`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import numpy as np

from aligner.report.assets import CSS, JS
from aligner.report.heatmap import palette, render_heatmap
from aligner.report.summary import Summary, summarize, suspicion
from aligner.types import Alignment, Bead, Segment


@dataclass(frozen=True, slots=True)
class ScoreScale:
    """Scores at or below `low` are red, at or above `high` green, hues between."""

    low: float = 0.0
    high: float = 0.25

    def colour(self, score: float) -> str:
        t = min(max((score - self.low) / (self.high - self.low), 0.0), 1.0)
        return f"hsl({120 * t:.0f} 65% 38%)"


def render_report(
    alignment: Alignment, similarity: np.ndarray | None, title: str = "", scale: ScoreScale = ScoreScale()
) -> str:
    """The report page for `alignment`; `similarity` is its `(n_bn, n_en)` cosine matrix.

    None draws no heat-map (`report_html` passes None when a language has only boilerplate).
    """
    expected = (len(alignment.bn), len(alignment.en))
    if similarity is not None and similarity.shape != expected:
        raise ValueError(f"similarity matrix is {similarity.shape}, alignment needs {expected}")
    summary = summarize(alignment)
    starts = {"bn": _paragraph_starts(alignment.bn), "en": _paragraph_starts(alignment.en)}
    rows = [_row(k, b, alignment, starts, scale) for k, b in enumerate(alignment.beads)]
    heading = escape(title or "Alignment report")
    return "".join([
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{heading}</title><style>{CSS}</style></head><body>",
        f"<h1>{heading}</h1>",
        _summary_line(summary, alignment.beads),
        "<main><section>",
        '<table class="beads"><thead><tr><th>#</th><th>bead</th><th>score</th>'
        '<th lang="bn">বাংলা · Bangla</th><th>English</th></tr></thead><tbody>',
        *rows,
        "</tbody></table></section><aside>",
        _heatmap_block(similarity, alignment.beads, scale),
        f"</aside></main><script>{JS}</script></body></html>\n",
    ])


def _summary_line(summary: Summary, beads: Sequence[Bead]) -> str:
    kinds: dict[str, int] = {}
    for b in beads:
        if b.is_pair:
            kinds[str(b.kind)] = kinds.get(str(b.kind), 0) + 1
    by_kind = ", ".join(f"{n}× {k}" for k, n in sorted(kinds.items()))
    mean = "–" if summary.mean_score is None else f"{summary.mean_score:.3f}"
    flags = suspicion(summary)
    flag = f' · <span class="flag">suspicious: {escape("; ".join(flags))}</span>' if flags else ""
    return (
        f'<p class="summary">{len(beads)} beads · <b>{summary.pairs} pairs</b>'
        f"{f' ({by_kind})' if by_kind else ''} · unpaired: {summary.unpaired_bn} Bangla, "
        f"{summary.unpaired_en} English · {summary.boilerplate} boilerplate · "
        f"mean score {mean}{flag}</p>"
    )


def _row(k: int, bead: Bead, alignment: Alignment, starts: dict[str, set[int]], scale: ScoreScale) -> str:
    segs = alignment.segments(bead)
    classes = ["bead", "pair" if bead.is_pair else "unpaired", f"k{bead.kind}"]
    if segs and all(s.boilerplate for s in segs):
        classes.append("boilerplate")
    style = f' style="--c:{scale.colour(bead.score)}"' if bead.is_pair else ""
    score = f"{bead.score:.3f}" if bead.is_pair else "–"
    return (
        f'<tr class="{" ".join(classes)}" id="row-{k}" data-bead="{k}" tabindex="0"{style}>'
        f'<td class="n">{k}</td><td class="kind">{bead.kind}</td><td class="score">{score}</td>'
        + _cell("bn", [alignment.bn[i] for i in bead.bn], starts["bn"])
        + _cell("en", [alignment.en[j] for j in bead.en], starts["en"])
        + "</tr>"
    )


def _cell(lang: str, segments: Sequence[Segment], starts: set[int]) -> str:
    parts = []
    for s in segments:
        if s.index in starts:
            parts.append(f'<span class="para" title="paragraph {s.paragraph}">¶{s.paragraph}</span>')
        bp = '<span class="bp">boilerplate</span>' if s.boilerplate else ""
        parts.append(f'<span class="seg" data-index="{s.index}">{escape(s.text)}</span>{bp} ')
    pstart = " pstart" if segments and segments[0].index in starts else ""
    return f'<td class="{lang}{pstart}" lang="{lang}">{"".join(parts).rstrip()}</td>'


def _paragraph_starts(segments: Sequence[Segment]) -> set[int]:
    """Indices of the segments that start a new paragraph of their language."""
    return {
        s.index for k, s in enumerate(segments) if k == 0 or s.paragraph != segments[k - 1].paragraph
    }


def _heatmap_block(similarity: np.ndarray | None, beads: Sequence[Bead], scale: ScoreScale) -> str:
    if similarity is None or 0 in similarity.shape:
        return '<p class="no-heatmap">No heat-map: one language has nothing but boilerplate.</p>'
    ramp = ",".join(palette())
    return (
        render_heatmap(similarity, beads)
        + '<p class="legend">Rows: Bangla sentences, columns: English; orange: the chosen path. '
        'Cell colour: cosine, from the median <span class="ramp" '
        f'style="background:linear-gradient(90deg,#fff,{ramp})"></span> to the maximum of this article. '
        "Hover or focus a row to find its bead.</p>"
        f'<p class="legend">Row colour: score ≤ {scale.low:g} <span class="ramp" style="background:'
        f'linear-gradient(90deg,{scale.colour(scale.low)},{scale.colour((scale.low + scale.high) / 2)},'
        f'{scale.colour(scale.high)})"></span> ≥ {scale.high:g}; grey rows are unpaired.</p>'
    )
