#!/usr/bin/env python3
"""How page pairing scales: T(10,000 pages) / T(1,000 pages) and peak memory, one run.

    python scripts/bench_pairing.py                 # 1,000 and 10,000 pages
    python scripts/bench_pairing.py --sizes 1000 --runs 1

A synthetic crawl of N pages is built from a pool of real sentences: the 1,007 line pairs
of `corpus/ntrex/ntrex-dev.{bn,en}`, each line segmented once. A document is 6 to 30 pool
lines drawn at random (seeded), its Bangla page those lines' Bangla sentences, its English
page their English ones; 10% of the documents keep one page only. Every page is embedded
with the real bundled model through one `CachingEncoder`, so each distinct sentence is
embedded once (the pool, ~2,400 sentences; `.cache/vectors-pool.npz` keeps them for the
next run) and the crawl's size costs only the pairing stage: what is timed is
`aligner.pairing.pair_pages` (vectors gathered, document vectors, nearest neighbours,
candidate scores, matching). Each size runs in a fresh process, which reports its peak
resident memory (ru_maxrss), and the page-pair precision and recall of the synthetic gold.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aligner.embed import CachingEncoder, get_encoder  # noqa: E402
from aligner.pairing import Page, pair_pages  # noqa: E402
from aligner.text.segment import segment_monolingual  # noqa: E402
from aligner.types import Lang  # noqa: E402

POOL = ROOT / "corpus" / "ntrex" / "ntrex-dev"
CACHE = ROOT / ".cache" / "vectors-pool.npz"


def pool_segments() -> list[tuple[list, list]]:
    bn = POOL.with_suffix(".bn").read_text(encoding="utf-8").splitlines()
    en = POOL.with_suffix(".en").read_text(encoding="utf-8").splitlines()
    return [(segment_monolingual(b, Lang.BN), segment_monolingual(e, Lang.EN)) for b, e in zip(bn, en)]


def synthetic_pages(pool: list[tuple[list, list]], pages: int, seed: int) -> tuple[list[Page], set[tuple[str, str]]]:
    rng = random.Random(seed)
    out: list[Page] = []
    gold = set()
    doc = 0
    while len(out) < pages:
        lines = rng.sample(range(len(pool)), rng.randint(6, 30))
        keep = rng.choice(("bn", "en")) if rng.random() < 0.1 else "both"
        made = {}
        for side, lang in ((0, Lang.BN), (1, Lang.EN)):
            if keep in ("both", lang.value) and len(out) < pages:
                segments = [s for k in lines for s in pool[k][side]]
                key = f"{rng.getrandbits(48):012x}"
                out.append(Page(key, lang, tuple(replace(s, index=i) for i, s in enumerate(segments))))
                made[lang] = key
        if len(made) == 2:
            gold.add((made[Lang.BN], made[Lang.EN]))
        doc += 1
    rng.shuffle(out)
    return out, gold


def one_size(pages: int, seed: int) -> dict:
    encoder = CachingEncoder(get_encoder(), progress=False)
    if CACHE.exists():
        encoder.load(CACHE)
    pool = pool_segments()
    encoder.encode([s.text for bn, en in pool for s in (*bn, *en)])
    CACHE.parent.mkdir(exist_ok=True)
    encoder.save(CACHE)
    crawl, gold = synthetic_pages(pool, pages, seed)
    started = time.perf_counter()
    pairing = pair_pages(crawl, encoder)
    seconds = time.perf_counter() - started
    found = {(p.bn, p.en) for p in pairing.pairs}
    right = len(found & gold)
    return {
        "pages": pages, "seconds": round(seconds, 2), "pairs": len(found), "gold": len(gold),
        "precision": round(right / max(len(found), 1), 4), "recall": round(right / max(len(gold), 1), 4),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: one size
    a = ap.parse_args()
    if a.one:
        print(json.dumps(one_size(a.one, a.seed)))
        return
    rows = []
    for size in map(int, a.sizes.split(",")):
        child = subprocess.run([sys.executable, __file__, "--one", str(size), "--seed", str(a.seed)],
                               capture_output=True, text=True, check=True)
        rows.append(json.loads(child.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    if len(rows) >= 2:
        print(f"T({rows[-1]['pages']:,})/T({rows[0]['pages']:,}) = {rows[-1]['seconds'] / rows[0]['seconds']:.2f}")


if __name__ == "__main__":
    main()
