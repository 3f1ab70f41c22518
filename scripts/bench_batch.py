#!/usr/bin/env python3
"""`aligner batch` throughput, and its time over the time to embed the same sentences once.

    python scripts/bench_batch.py [--docs 200] [--workers 1 2] [--threads N] [--per-article]

Builds `--docs` articles with `../shared/eval/make_docs.py` (RisingNews valid set), then
times, each in a fresh process on the same machine and model:
  floor: the model embeds every distinct sentence of the articles once, sorted by length,
         in batches of 64 (the sentences are split beforehand, untimed);
  per-article floor (`--per-article`): the same, article by article, so a sentence found
         in several articles is embedded in each (what one `aligner align` per file pays);
  batch: `aligner batch DOCS -o OUT --workers N`, the whole command (start-up, discovery,
         reading, splitting, embedding, alignment, a TSV per article, summary.json).
All pay the interpreter start and model load. Prints articles per minute, sentences per
second and batch / floor, in wall time and in CPU time (user + system of the processes,
less sensitive to other load on a shared machine). Target: batch / floor <= 1.3 with 1 worker.

`--threads N` sets OMP_NUM_THREADS (the model's threads) for every run alike; by default
the environment's setting is used (the model then takes every core).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

FLOOR = """
import json, sys
from aligner.embed import get_encoder
from aligner.embed.base import length_order
groups = json.load(open(sys.argv[1], encoding="utf-8"))
encoder = get_encoder(sys.argv[2] if len(sys.argv) > 2 else None)
for texts in groups:
    texts = [texts[i] for i in length_order(texts)]
    for lo in range(0, len(texts), 64):
        encoder.encode(texts[lo:lo + 64])
"""


def build_docs(docs: int, out: Path) -> Path:
    rn = SHARED / "corpus" / "risingnews"
    subprocess.run(
        [sys.executable, str(SHARED / "eval" / "make_docs.py"),
         "--bn", str(rn / "RisingNews.valid.bn"), "--en", str(rn / "RisingNews.valid.en"),
         "--out", str(out), "--docs", str(docs)],
        check=True, stdout=subprocess.DEVNULL,
    )
    return out


def sentences(docs: Path) -> tuple[int, list[list[str]]]:
    """How many segments the articles hold (split as `aligner batch` splits them), and the
    distinct segment texts of each article."""
    from aligner.text.io import read_text
    from aligner.text.segment import segment_article

    total, per_article = 0, []
    for path in sorted(docs.glob("*.txt")):
        bn, en = segment_article(read_text(path))
        total += len(bn) + len(en)
        per_article.append(list(dict.fromkeys(s.text for s in bn + en)))
    return total, per_article


def floor(path: Path, groups: list[list[str]], model: list[str], what: str) -> tuple[float, float]:
    path.write_text(json.dumps(groups, ensure_ascii=False), encoding="utf-8")
    wall, cpu = timed([sys.executable, "-c", FLOOR, str(path), *model])
    count = sum(len(g) for g in groups)
    print(f"floor, embed {what} ({count} texts): {wall:.1f} s wall, {cpu:.1f} s CPU, "
          f"{count / wall:.1f} sentences/s")
    return wall, cpu


def prepare(docs: int, threads: int | None, prefix: str) -> tuple[Path, Path]:
    """Set OMP_NUM_THREADS (when given), make a work folder and build the articles in it."""
    if threads:
        os.environ["OMP_NUM_THREADS"] = str(threads)
    work = Path(tempfile.mkdtemp(prefix=prefix))
    return work, build_docs(docs, work / "docs")


def machine() -> str:
    return (f"{os.cpu_count()} CPUs, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}, "
            f"load average at start {os.getloadavg()[0]:.1f}")


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the process and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--model", default=None)
    ap.add_argument("--threads", type=int, default=None, help="OMP_NUM_THREADS for every run")
    ap.add_argument("--per-article", action="store_true", help="also time the per-article floor")
    a = ap.parse_args()
    work, docs = prepare(a.docs, a.threads, "aligner-bench-batch-")
    total, per_article = sentences(docs)
    distinct = list(dict.fromkeys(t for texts in per_article for t in texts))
    model = [a.model] if a.model else []
    aligner = str(Path(sys.executable).with_name("aligner"))

    print(f"{a.docs} articles, {total} sentences ({len(distinct)} distinct), {machine()}")
    floor_wall, floor_cpu = floor(work / "distinct.json", [distinct], model, "each distinct sentence once")
    if a.per_article:
        floor(work / "per-article.json", per_article, model, "each article's sentences, article by article")
    for workers in a.workers:
        out = work / f"out-{workers}"
        wall, cpu = timed([aligner, "batch", str(docs), "-o", str(out), "--workers", str(workers),
                           *(["--model", a.model] if a.model else [])])
        totals = json.loads((out / "summary.json").read_text(encoding="utf-8"))["totals"]
        assert totals["articles"] == a.docs and totals["ok"] + totals["no_pairs"] == a.docs, totals
        print(f"aligner batch --workers {workers}: {wall:.1f} s wall, {cpu:.1f} s CPU, "
              f"{totals['articles'] * 60 / wall:.1f} articles/min, {total / wall:.1f} sentences/s, "
              f"{totals['pairs']} pairs; batch / floor: {wall / floor_wall:.2f} wall, "
              f"{cpu / floor_cpu:.2f} CPU" + ("  (target <= 1.3)" if workers == 1 else ""))
    print(f"load average at end {os.getloadavg()[0]:.1f}; files in {work}")


if __name__ == "__main__":
    main()
