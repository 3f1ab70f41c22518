#!/usr/bin/env python3
"""`aligner batch` on a WARC: its time over the time to embed the same sentences once.

    python scripts/bench_warc.py [--docs 40] [--threads 1] [--text]

`bench_batch.py`'s measure on crawl input: builds `--docs` articles with
`../shared/eval/make_docs.py`, puts each in an HTML page of `make_html_corpus.py`'s
templates (menus, share bars, related news, scripts...), and writes them to one
`crawl.warc.gz` with a request record per page and the usual other records. Then times,
each in a fresh process on the same machine and model:
  floor: the model embeds every distinct sentence of the pages' article text once, sorted
         by length, in batches of 64 (extracted and split beforehand, untimed);
  batch: `aligner batch crawl.warc.gz -o OUT`, the whole command (start-up, scanning the
         WARC, reading each record, charset, extraction, splitting, embedding, alignment,
         a TSV per page, summary.json);
  with `--text`, also `aligner batch` on the articles' text files, for comparison.
Target: batch / floor <= 1.3, as for text.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_batch import floor, machine, prepare, timed  # noqa: E402
from make_html_corpus import build_warc, make_page  # noqa: E402


def build_pages(docs: Path, out: Path, seed: int = 7) -> list[tuple[str, str, Path]]:
    """A page per article; each page's "related news" are other articles' first lines."""
    rng = random.Random(seed)
    texts = sorted(docs.glob("*.txt"))
    lines = {t.stem: [x.strip() for x in t.read_text(encoding="utf-8").splitlines() if x.strip()] for t in texts}
    out.mkdir(parents=True, exist_ok=True)
    pages = []
    for name, article in lines.items():
        related = [(other[0], other[-1]) for key, other in lines.items() if key != name][:8]
        path = out / f"{name}.html"
        path.write_text(make_page(article, related, rng), encoding="utf-8")
        pages.append(("bench", name, path))
    return pages


def sentences(pages: list[tuple[str, str, Path]]) -> tuple[int, list[str]]:
    """How many segments the pages' article text holds, and the distinct ones."""
    from aligner.text.io import read_input
    from aligner.text.segment import segment_article

    total, distinct = 0, {}
    for _, _, path in pages:
        bn, en = segment_article(read_input(path))
        total += len(bn) + len(en)
        distinct.update(dict.fromkeys(s.text for s in bn + en))
    return total, list(distinct)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--threads", type=int, default=None, help="OMP_NUM_THREADS for every run")
    ap.add_argument("--text", action="store_true", help="also time the batch on the text files")
    a = ap.parse_args()
    work, docs = prepare(a.docs, a.threads, "aligner-bench-warc-")
    pages = build_pages(docs, work / "pages")
    warc = work / "crawl.warc.gz"
    build_warc(pages, warc)
    total, distinct = sentences(pages)
    aligner = str(Path(sys.executable).with_name("aligner"))
    print(f"{a.docs} pages in {warc.stat().st_size / 1024:.0f} KiB of WARC, {total} sentences "
          f"({len(distinct)} distinct), {machine()}")
    floor_wall, floor_cpu = floor(work / "distinct.json", [distinct], [], "each distinct sentence once")
    runs = [("warc", warc)] + ([("text", docs)] if a.text else [])
    for what, source in runs:
        out = work / f"out-{what}"
        wall, cpu = timed([aligner, "batch", str(source), "-o", str(out)])
        data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        totals = data["totals"]
        assert totals["ok"] + totals["no_pairs"] == a.docs, totals
        print(f"aligner batch ({what}): {wall:.1f} s wall, {cpu:.1f} s CPU, "
              f"{totals['articles'] * 60 / wall:.1f} articles/min, {total / wall:.1f} sentences/s, "
              f"{totals['pairs']} pairs; batch / floor: {wall / floor_wall:.2f} wall, "
              f"{cpu / floor_cpu:.2f} CPU  (target <= 1.3)" + (f"; warc: {data['warc']}" if data["warc"] else ""))
    print(f"load average at end {os.getloadavg()[0]:.1f}; files in {work}")


if __name__ == "__main__":
    main()
