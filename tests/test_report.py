"""The HTML report and the batch index, read as text (no browser); the CLI test runs the model."""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pytest
from report_data import Tags, synthetic, tiny

from aligner.report import (
    IndexEntry, Summary, render_index, render_report, report_html, summarize, suspicion, write_index,
)
from aligner.types import Alignment, Bead
from aligner.report.heatmap import MAX_CELLS, levels, pool
from conftest import SEED_003


@pytest.fixture(scope="module")
def small():
    alignment, sim = tiny()
    return alignment, render_report(alignment, sim, title="tiny <article>")


def test_one_row_per_bead_with_its_kind(small):
    alignment, html = small
    rows = Tags(html).having("tr", "bead")
    assert [r["id"] for r in rows] == [f"row-{k}" for k in range(len(alignment.beads))]
    assert all(r["tabindex"] == "0" for r in rows)
    kinds = re.findall(r'<td class="kind">([0-9]-[0-9])</td>', html)
    assert kinds == ["1-1", "2-1", "1-0", "0-1"]


def test_unpaired_rows_are_marked_in_place(small):
    _, html = small
    doc = Tags(html)
    rows = doc.having("tr", "bead")
    assert ["unpaired" in r["class"].split() for r in rows] == [False, False, True, True]
    assert "boilerplate" in rows[2]["class"].split()
    texts = [t for t in doc.rows[1:]]  # the header row first
    assert "২৪ ফেব্রুয়ারি ২০২২" in texts[2] and "Only in English." in texts[3]


def test_text_is_escaped(small):
    _, html = small
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in html
    assert "<title>tiny &lt;article&gt;</title>" in html
    assert html.count("<script>") == 1  # ours


def test_paragraph_breaks_are_shown(small):
    _, html = small
    doc = Tags(html)
    starts = [a["title"] for a in doc.having("span", "para")]
    # Bangla paragraphs 0, 1, 2 (1 starts inside the 2-1 bead); English 0 and 2.
    assert starts == ["paragraph 0", "paragraph 0", "paragraph 1", "paragraph 2", "paragraph 2"]
    assert len(doc.having("td", "pstart")) == 4


def test_heatmap_has_cells_beads_and_path(small):
    alignment, html = small
    doc = Tags(html)
    (svg,) = doc.having("svg", "heatmap")
    assert svg["viewbox"] == "0 0 3 4"
    assert doc.having("path", "level")
    assert [r["id"] for r in doc.having("rect", "bead")] == [f"cell-{k}" for k in range(4)]
    (path,) = doc.having("polyline", "path")
    assert path["points"] == "0,0 1,1 2,3 2,4 3,4"


def test_nothing_external():
    alignment, sim = synthetic(pairs=40, gaps=3)
    html = render_report(alignment, sim)
    assert not re.search(r"https?://|//[a-z]|@import|url\(", html, re.I)
    doc = Tags(html)
    assert not [a for t, a in doc.tags if t in ("link", "img", "iframe") or (t == "script" and "src" in a)]


def test_one_language_missing_draws_no_heatmap():
    alignment, _ = tiny()
    bn_only = Alignment(alignment.bn, (), tuple(Bead((i,), ()) for i in range(4)))
    for matrix in (np.zeros((4, 0)), None):
        html = render_report(bn_only, matrix)
        assert "no-heatmap" in html and "<svg" not in html
    assert len(Tags(html).having("tr", "unpaired")) == 4


class _NoEncoder:
    name, dim = "none", 4

    def encode(self, texts):
        raise AssertionError("nothing to embed when a language has only boilerplate")


def test_report_html_embeds_nothing_when_a_language_is_missing():
    alignment, _ = tiny()
    junk_en = tuple(replace(s, boilerplate=True) for s in alignment.en)
    beads = tuple(Bead((i,), ()) for i in range(4)) + tuple(Bead((), (j,)) for j in range(3))
    html = report_html(Alignment(alignment.bn, junk_en, beads), _NoEncoder(), title="x")
    assert "no-heatmap" in html and "no pairs" in html


def test_matrix_must_match_alignment():
    alignment, sim = tiny()
    with pytest.raises(ValueError, match="similarity matrix"):
        render_report(alignment, sim.T)


def test_300_pair_report_is_small():
    alignment, sim = synthetic(pairs=300)
    html = render_report(alignment, sim)
    assert len(html.encode("utf-8")) < 2_000_000
    doc = Tags(html)
    assert len(doc.having("tr", "bead")) == len(alignment.beads)
    (svg,) = doc.having("svg", "heatmap")
    assert svg["data-grid"] == f"{MAX_CELLS}x{MAX_CELLS}"


def test_pooling_keeps_the_maximum():
    m = np.zeros((301, 7))
    m[200, 3] = 1.0
    pooled = pool(m, max_cells=150)
    assert pooled.shape == (150, 7) and pooled.max() == 1.0
    assert pool(m[:20], max_cells=150).shape == (20, 7)


def test_levels_run_from_median_to_max():
    grid = levels(np.array([[0.1, 0.2, 0.3], [0.2, 0.2, 0.9]]))
    assert grid.min() == 0 and grid[1, 2] == grid.max() == 9
    assert levels(np.full((2, 2), 0.5)).max() == 0


def test_summary_and_suspicion():
    alignment, _ = tiny()
    s = summarize(alignment)
    assert (s.pairs, s.unpaired_bn, s.unpaired_en, s.boilerplate, s.sentences) == (2, 0, 1, 1, 6)
    assert s.mean_score == pytest.approx(0.25)
    assert suspicion(s) == ()
    assert suspicion(Summary(0, 30, 0, 2, 30, None)) == ("no pairs",)
    low = suspicion(Summary(10, 5, 5, 0, 30, 0.08))
    assert len(low) == 2 and low[0].startswith("mean score 0.08") and "33% unpaired" in low[1]


def _entry(name: str, pairs: int, unpaired: int, mean: float | None) -> IndexEntry:
    return IndexEntry(name, f"{name}.html", Summary(pairs, unpaired, 0, 0, 2 * pairs + unpaired, mean))


def test_index_worst_first_with_flags(tmp_path):
    entries = [
        _entry("good", 20, 1, 0.30),
        _entry("shifted", 12, 2, 0.09),
        _entry("bangla only", 0, 38, None),
        _entry("gappy", 10, 12, 0.28),
        _entry("fine <too>", 15, 0, 0.25),
    ]
    path = tmp_path / "index.html"
    write_index(entries, path)
    html = path.read_text(encoding="utf-8")
    doc = Tags(html)
    names = [re.match(r"(.*?)\d", r).group(1) for r in doc.rows[1:]]
    assert names == ["bangla only", "shifted", "gappy", "fine <too>", "good"]
    assert [("suspicious" in a["class"]) for a in doc.having("tr", "article")] == [True] * 3 + [False] * 2
    assert 'href="bangla%20only.html"' in html and "fine &lt;too&gt;" in html
    assert "Flagged when" in html and "3 flagged" in html
    assert render_index(entries) == html



def test_index_lists_unaligned_articles_flagged_without_a_link():
    entries = [
        _entry("good", 20, 1, 0.30),
        IndexEntry("broken", None, None, problem="failed: binary data"),
        _entry("shifted", 12, 2, 0.09),
    ]
    html = render_index(entries)
    doc = Tags(html)
    names = [re.match(r"(.*?)[\d–]", r).group(1) for r in doc.rows[1:]]
    assert names == ["broken", "shifted", "good"]
    broken = doc.rows[1]
    assert broken == "broken" + "–" * 5 + "failed: binary data"
    assert [("suspicious" in a["class"]) for a in doc.having("tr", "article")] == [True, True, False]
    assert [a["href"] for t, a in doc.tags if t == "a"] == ["shifted.html", "good.html"]
    assert "2 flagged" in html


def test_index_entry_needs_a_summary_or_a_problem():
    with pytest.raises(ValueError, match="'x': give its summary or its problem"):
        IndexEntry("x", None, None)

@pytest.mark.model
def test_cli_writes_the_report(tmp_path):
    from typer.testing import CliRunner

    from aligner.cli import app

    seed = SEED_003
    report = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["align", str(seed), "-o", str(tmp_path / "out.tsv"), "--report", str(report)])
    assert result.exit_code == 0, result.output
    doc = Tags(report.read_text(encoding="utf-8"))
    pairs = (tmp_path / "out.tsv").read_text(encoding="utf-8").splitlines()
    assert len(doc.having("tr", "pair")) == len(pairs) > 0
    assert doc.having("svg", "heatmap")
