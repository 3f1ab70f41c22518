"""The report in headless Chromium: rows, unpaired sentences, the heat-map and the hover
highlight as the browser builds them, a screenshot, and the load time of a 300-pair page.

Needs Debian's `chromium` package (`.ci/run` installs it); nothing is installed here, the
tests are skipped without it. `--dump-dom` prints the DOM after the page's scripts ran;
`?focus=K` makes the page focus row K on load, as a keyboard user would.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from report_data import Tags, synthetic

from aligner.align import Aligner
from aligner.report import render_report, report_html
from conftest import SEED_003


def _find_chromium() -> str | None:
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else shutil.which("chromium")


CHROMIUM = _find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium not found (/usr/bin/chromium or `chromium` on PATH); "
    "install Debian's `chromium` package to run the browser checks",
)


def _chromium(tmp_path: Path, *args: str) -> str:
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def dump_dom(tmp_path: Path, page: Path, query: str = "") -> str:
    return _chromium(tmp_path, "--dump-dom", page.as_uri() + query)


def screenshot(tmp_path: Path, page: Path, png: Path) -> None:
    _chromium(tmp_path, f"--screenshot={png}", "--window-size=1200,900", "--hide-scrollbars", page.as_uri())



@pytest.fixture(scope="session")
def seed003(encoder, tmp_path_factory):
    source = SEED_003
    alignment = Aligner(encoder).align_article(source.read_text(encoding="utf-8"))
    before = encoder.encoded
    page = tmp_path_factory.mktemp("seed003") / "report.html"
    page.write_text(report_html(alignment, encoder, title=source.name), encoding="utf-8")
    assert encoder.encoded == before  # the matrix came from the cache
    return alignment, page


@pytest.mark.model
def test_seed003_report_in_chromium(seed003, tmp_path):
    alignment, page = seed003
    unpaired = [k for k, b in enumerate(alignment.beads) if not b.is_pair]
    assert unpaired, "seed 003 has boilerplate that must stay unpaired"
    doc = Tags(dump_dom(tmp_path, page, f"?focus={unpaired[0]}"))

    rows = doc.having("tr", "bead")
    assert len(rows) == len(alignment.beads)
    assert [int(r["data-bead"]) for r in doc.having("tr", "unpaired")] == unpaired
    texts = doc.rows[1:]
    for k in unpaired:
        bead = alignment.beads[k]
        for seg in [alignment.bn[i] for i in bead.bn] + [alignment.en[j] for j in bead.en]:
            assert seg.text in texts[k]
    assert "Breaking News" in "".join(texts[k] for k in unpaired)

    (svg,) = doc.having("svg", "heatmap")
    assert int(svg["data-drawn-width"]) > 100  # laid out by the browser, not collapsed
    assert doc.having("path", "level")
    assert len(doc.having("rect", "bead")) == len(alignment.beads)
    (path,) = doc.having("polyline", "path")
    assert len(path["points"].split()) == len(alignment.beads) + 1
    assert [r["id"] for r in doc.having("rect", "hl")] == [f"cell-{unpaired[0]}"]

    png = tmp_path / "report-seed003.png"
    screenshot(tmp_path, page, png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000


def test_300_pair_report_loads_in_a_browser(tmp_path, record_property):
    """The page loads and lays out; its load time and the browser's are recorded, not asserted
    (a shared machine's timings would make the test flaky)."""
    alignment, sim = synthetic(pairs=300)
    page = tmp_path / "report300.html"
    page.write_text(render_report(alignment, sim, title="300 pairs"), encoding="utf-8")
    size = page.stat().st_size
    dump_dom(tmp_path, page)  # warm the profile and the disk cache once
    start = time.perf_counter()
    dom = dump_dom(tmp_path, page)
    wall = time.perf_counter() - start
    (html,) = [a for t, a in Tags(dom).tags if t == "html"]
    load_ms = int(html["data-load-ms"])
    record_property("report300_bytes", size)
    record_property("report300_load_ms", load_ms)
    record_property("report300_chromium_wall_s", round(wall, 2))
    print(f"300-pair report: {size} bytes, load event after {load_ms} ms, chromium run {wall:.2f} s")
    assert size < 2_000_000
    assert load_ms >= 0  # the load event fired: navigation start to load event, layout done
