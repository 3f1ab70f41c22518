#!/usr/bin/env python3
"""Score a `batch --pair-pages` run against a crawl's gold: page pairs, then sentences.

    aligner batch corpus/crawl -o /tmp/crawl-out --pair-pages
    python scripts/score_crawl.py corpus/crawl /tmp/crawl-out

Page pairs: precision, recall and F1 of `OUT/pages.tsv` against the crawl's `gold.jsonl`
(`scripts/make_crawl.py`); a page without a counterpart that gets paired is a false pair.
Pages are matched by URI (WARC pages) or by file name (pages under the crawl folder).

Sentences: each correctly paired document's TSV is scored with the project's evaluator
(`aligner.eval`, as `../shared/eval/score.py` scores), against the gold of line-aligned
documents (line i of the Bangla page translates line i of the English page, as
`score_corpus.py --two-files` builds it). Every pair of a false page pair counts as junk.
The document lines come from `../shared/corpus/{ntrex,tico}/*-dev.{ids,bn,en}`.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from aligner.eval.evaluate import evaluate_dirs  # noqa: E402
from make_crawl import SOURCES, documents  # noqa: E402


def page_key(name: str) -> str:
    return name if "://" in name else Path(name).name


def read_gold(crawl: Path) -> tuple[dict[tuple[str, str], tuple[str, str]], int]:
    """(bn key, en key) -> (source, doc) of every document with both pages; and the lonely pages."""
    pairs, lonely = {}, 0
    for line in (crawl / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        if g["bn"] and g["en"]:
            pairs[(page_key(g["bn"]), page_key(g["en"]))] = (g["source"], g["doc"])
        else:
            lonely += 1
    return pairs, lonely


def read_pages_tsv(out: Path) -> dict[tuple[str, str], str]:
    """(bn key, en key) -> the pair's TSV path under OUT."""
    found = {}
    for line in (out / "pages.tsv").read_text(encoding="utf-8").splitlines():
        bn, en, _, tsv = line.split("\t")
        found[(page_key(bn), page_key(en))] = tsv
    return found


def sentence_gold(folder: Path, name: str, bn: list[str], en: list[str]) -> None:
    atoms = {str(k): {"bn": b, "en": e} for k, (b, e) in enumerate(zip(bn, en)) if b.strip() and e.strip()}
    gold = {"layout": "two_files", "atoms": atoms, "beads": [{"bn": [k], "en": [k]} for k in atoms],
            "bn_only": [], "en_only": []}
    (folder / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("crawl", type=Path, help="the crawl folder, with gold.jsonl")
    ap.add_argument("out", type=Path, help="the output folder of `aligner batch --pair-pages`")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = ap.parse_args()
    gold, lonely = read_gold(a.crawl)
    found = read_pages_tsv(a.out)
    right = [key for key in found if key in gold]
    p = len(right) / len(found) if found else 0.0
    r = len(right) / len(gold) if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0

    lines = {source: documents(prefix) for source, prefix in SOURCES}
    work = Path(tempfile.mkdtemp(prefix="aligner-crawl-score-"))
    gold_dir, pred_dir = work / "gold", work / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    for k, key in enumerate(sorted(right)):
        source, doc = gold[key]
        sentence_gold(gold_dir, f"pair{k:04d}", *lines[source][doc])
        shutil.copy(a.out / found[key], pred_dir / f"pair{k:04d}.tsv")
    scores = evaluate_dirs(gold_dir, pred_dir).scores if right else None
    false_junk = sum(
        sum(1 for line in (a.out / tsv).read_text(encoding="utf-8").splitlines() if line)
        for key, tsv in found.items() if key not in gold
    )
    shutil.rmtree(work)
    figures = {
        "gold_pairs": len(gold), "lonely_pages": lonely, "found_pairs": len(found), "right_pairs": len(right),
        "page_precision": round(p, 4), "page_recall": round(r, 4), "page_f1": round(f1, 4),
        "strict_p": round(scores.strict_p, 4) if scores else None,
        "strict_r": round(scores.strict_r, 4) if scores else None,
        "strict_f1": round(scores.strict_f1, 4) if scores else None,
        "junk": (scores.junk if scores else 0) + false_junk,
    }
    if a.json:
        print(json.dumps(figures, indent=1))
        return
    print(f"page pairs: {len(right)} right of {len(found)} found, {len(gold)} in the gold "
          f"({lonely} pages without a counterpart): P {p:.4f} R {r:.4f} F1 {f1:.4f}")
    if scores:
        print(f"sentences of the right pairs: strict P {scores.strict_p:.4f} R {scores.strict_r:.4f} "
              f"F1 {scores.strict_f1:.4f}; junk {figures['junk']} (of them {false_junk} from false page pairs)")


if __name__ == "__main__":
    main()
