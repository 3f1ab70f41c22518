#!/usr/bin/env python3
"""Align each article from its text and from its HTML page, and score both: the same
quality from a page as from its text (the figures in the README).

    python scripts/score_pages.py corpus/dev corpus/html/dev --out .cache/pages/dev
    python scripts/score_pages.py corpus/ntrex/dev corpus/html/ntrex --out .cache/pages/ntrex

Writes `OUT/text/NAME.tsv` (from `GOLD_DIR/NAME.txt`) and `OUT/html/NAME.tsv` (from
`PAGES/NAME.html`, read as `aligner align NAME.html` reads it), then prints the scores of
both; `../shared/eval/score.py GOLD_DIR OUT/html` gives the same figures. One cached
encoder serves both (vectors in `.cache/vectors-KEY.npz`, KEY the engine's `cache_key`, as `score_corpus.py` keeps
them), so each sentence is embedded once.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aligner.align import Aligner  # noqa: E402
from aligner.embed import CachingEncoder, cache_key, get_encoder  # noqa: E402
from aligner.eval.evaluate import evaluate_dirs, format_report  # noqa: E402
from aligner.text.io import read_input  # noqa: E402
from aligner.writers import write_tsv  # noqa: E402

CACHE = ROOT / ".cache"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", type=Path, help="NAME.txt and NAME.gold.json")
    ap.add_argument("pages", type=Path, help="NAME.html")
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    CACHE.mkdir(exist_ok=True)
    cache_file = CACHE / f"vectors-{cache_key(None)}.npz"
    encoder = CachingEncoder(get_encoder())
    if cache_file.exists():
        encoder.load(cache_file)
    aligner = Aligner(encoder)
    try:
        for kind, suffix, folder in (("text", ".txt", a.gold_dir), ("html", ".html", a.pages)):
            pred = a.out / kind
            pred.mkdir(parents=True, exist_ok=True)
            for source in sorted(folder.glob(f"*{suffix}")):
                alignment = aligner.align_article(read_input(source))
                write_tsv(alignment.pairs, pred / (source.stem + ".tsv"))
    finally:
        encoder.save(cache_file)
    for kind in ("text", "html"):
        print(f"{kind:5s}", format_report(evaluate_dirs(a.gold_dir, a.out / kind)))
    print(f"{encoder.encoded} texts embedded", file=sys.stderr)


if __name__ == "__main__":
    main()
