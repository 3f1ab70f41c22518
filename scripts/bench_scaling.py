#!/usr/bin/env python3
"""Alignment time, peak memory and strict F1 of long documents: does the search scale linearly?

    python scripts/bench_scaling.py [--sizes 1000 4000 16000] [--full 1000 4000] [--repeat 5]

Each document is built from the 597 real sentence pairs of RisingNews.valid, repeated in
independently shuffled copies up to N pairs; then 5% of the sentences are dropped on one
side (half of them as paragraphs of 3-8 consecutive sentences) and 5% of adjacent pairs
are merged on one side (English joined with a space, Bangla with `, `). Gold is kept as
atom ids, so strict F1 is `gold.score_atom_beads` on exactly mapped beads.

Searches: `auto` is the aligner's default (the full DP up to 4,000,000 grid cells, so
N=1,000; the corridor above); `full` forces the full DP; `windowed` is the corridor search
with its long-document neighbourhoods (each margin's top-k over a window of the other
side) even where `auto` would take the full DP and the whole document as neighbourhood.

Only the alignment stage is timed: `Aligner.align_segments` with every vector already in
the encoder's cache (`.cache/bench_scaling-KEY.npz`, KEY the engine's; the first run embeds a few thousand
texts, later runs nothing). Each N runs in a fresh process: a warm-up alignment, then
`--repeat` timed ones (the best is reported), then one under tracemalloc for the peak of
Python/numpy allocations during the alignment; the process's peak RSS
(`ru_maxrss`, which also counts the interpreter, the vector cache and the documents) is
reported beside it. BLAS runs on `--threads` threads (default 1: on a shared 2-core
machine threaded small products are slower and erratic).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from aligner.embed import cache_key  # noqa: E402  (light: nothing loads)

CACHE = ROOT / ".cache" / f"bench_scaling-{cache_key(None)}.npz"  # one per engine


def run_one(n_pairs: int, search: str, repeat: int, seed: int) -> dict:
    """Build, warm up, time and measure one alignment; runs inside the child process."""
    from long_docs import build, strict_counts

    from aligner.align import Aligner
    from aligner.config import AlignerConfig
    from aligner.embed import CachingEncoder, get_encoder
    from aligner.eval.evaluate import prf
    from aligner.search import SearchMode, SearchParams

    encoder = CachingEncoder(get_encoder())
    if CACHE.exists():
        encoder.load(CACHE)
    doc = build(n_pairs, seed)
    if search == "windowed":
        params = SearchParams(full_dp_cells=0, progress=False)
    else:
        params = SearchParams(mode=SearchMode(search), progress=False)
    aligner = Aligner(encoder, AlignerConfig(search=params))
    aligner.align_segments(doc.bn, doc.en)  # warm-up: embeds whatever the cache lacks
    if encoder.encoded:
        CACHE.parent.mkdir(exist_ok=True)
        encoder.save(CACHE)
    embedded = encoder.encoded
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        alignment = aligner.align_segments(doc.bn, doc.en)
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    aligner.align_segments(doc.bn, doc.en)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    counts = strict_counts(doc, alignment)
    return {
        "pairs": n_pairs, "search": search, "n": len(doc.bn), "m": len(doc.en),
        "seconds": min(times), "times": times, "traced_mib": peak / 2**20,
        "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "strict_f1": prf(counts.strict_ok, counts.pred_beads, counts.gold_beads)[2],
        "embedded_now": embedded, "after_encoder_cache": encoder.encoded - embedded,
    }


def child(n_pairs: int, search: str, repeat: int, seed: int, threads: int) -> dict:
    env = dict(os.environ)
    if threads:
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env[var] = str(threads)
    cmd = [sys.executable, __file__, "--one", str(n_pairs), "--search", search,
           "--repeat", str(repeat), "--seed", str(seed)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def line(r: dict) -> str:
    return (f"N={r['pairs']:>6,} pairs  n={r['n']:>6,} m={r['m']:>6,}  {r['search']:8s}"
            f"  time {r['seconds']:7.2f} s  traced peak {r['traced_mib']:7.1f} MiB"
            f"  process RSS {r['rss_mib']:7.1f} MiB  strict F1 {r['strict_f1']:.4f}"
            + (f"  (embedded {r['embedded_now']} texts first)" if r["embedded_now"] else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000])
    ap.add_argument("--full", type=int, nargs="*", default=[1000, 4000], help="also time the full DP at these N")
    ap.add_argument("--windowed", type=int, nargs="*", default=[1000], help="also run `windowed` at these N")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1, help="BLAS threads (0: the library default)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--search", default="auto", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(run_one(a.one, a.search, a.repeat, a.seed)))
        return
    print("documents: the 597 RisingNews.valid pairs in independently shuffled copies up to N pairs,")
    print("  5% of sentences dropped on one side (half as 3-8 sentence paragraphs), 5% of adjacent")
    print(f"  pairs merged on one side; seed {a.seed}; BLAS threads: {a.threads or 'default'};")
    print(f"  time: best of {a.repeat} alignments (align_segments, vectors cached); memory: tracemalloc")
    print("  peak of the alignment stage, and the child process's ru_maxrss")
    results = {}
    for n in a.sizes:
        results[("auto", n)] = r = child(n, "auto", a.repeat, a.seed, a.threads)
        print(line(r), flush=True)
    for mode, extra in (("full", a.full), ("windowed", a.windowed)):
        for n in extra:
            results[(mode, n)] = r = child(n, mode, a.repeat, a.seed, a.threads)
            print(line(r), flush=True)
    sizes = sorted(a.sizes)
    for small, big in zip(sizes, sizes[1:]):
        t0, t1 = results[("auto", small)]["seconds"], results[("auto", big)]["seconds"]
        print(f"T({big:,})/T({small:,}) = {t1 / t0:.2f}  (x{big / small:g} the sentences)")
    for n in a.full:
        if ("auto", n) in results:
            print(f"N={n:,}: full DP {results[('full', n)]['seconds']:.2f} s, default search "
                  f"{results[('auto', n)]['seconds']:.2f} s")
    if len(sizes) > 1:
        low, high = results[("auto", sizes[0])], results[("auto", sizes[-1])]
        print(f"strict F1 at N={sizes[-1]:,} minus at N={sizes[0]:,}: {high['strict_f1'] - low['strict_f1']:+.4f}"
              + (f"  (windowed at N={sizes[0]:,}: {high['strict_f1'] - results[('windowed', sizes[0])]['strict_f1']:+.4f})"
                 if ("windowed", sizes[0]) in results else ""))


if __name__ == "__main__":
    main()
