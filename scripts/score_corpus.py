#!/usr/bin/env python3
"""Align every article of a gold folder and score it: the accuracy figures in the README.

    python scripts/score_corpus.py corpus/dev            # the 30 dev articles
    python scripts/score_corpus.py --tune                 # generated tuning articles
    python scripts/score_corpus.py --two-files corpus/ntrex/ntrex-dev   # .bn and .en, one document
    python scripts/score_corpus.py --tune-coherent        # coherent tuning articles (NTREX half A)
    python scripts/score_corpus.py --held-out             # NTREX dev articles of half B only
    python scripts/score_corpus.py --tune-tico            # coherent tuning articles (TICO-19 half A)
    python scripts/score_corpus.py --tune-tico-2          # 32 more of them, other seeds (34-37)
    python scripts/score_corpus.py --paragraphs           # paragraph-sized units (half B of both)
    python scripts/score_corpus.py --paragraphs --tune    # the same from half A, for tuning
    python scripts/score_corpus.py --paragraphs --unstopped [--tune]   # 40% of the units without a stop
    python scripts/score_corpus.py --paragraphs --unstopped --tune --seed 43   # another tuning set of half A
    python scripts/score_corpus.py --social               # reply threads: stopless @-posts (NTREX half A)
    python scripts/score_corpus.py --social --held-out    # the same from half B, reported only

The 62 NTREX documents are split in two by their order (half A: 1st, 3rd, ...; half B: the
rest). `--tune-coherent` builds 93 articles from half A with `make_coherent_docs.py`, three
seeds of our own and our own boilerplate; `--held-out` scores only the `corpus/ntrex/dev`
articles made from half B. `--tune-tico` builds 24 articles the same way from half A of the
15 TICO-19 documents (seeds 31-33): long medical and encyclopaedic texts with headings;
`--tune-tico-2` 32 more from the same half (seeds 34-37), a second check on a rule. With `--two-files`, `--tune-coherent` and `--held-out` align
half A's or half B's lines as two files instead.

`--two-files PREFIX` aligns `PREFIX.bn` with `PREFIX.en` (`aligner align --bn --en`, each
line a paragraph) and scores it against line i <-> line i, the gold of line-aligned files.

Vectors are cached in `.cache/vectors-MODEL.npz` (no pickle; an older pickled cache is refused: delete it), so a rerun (say, with other `--threshold` or
`--merge-penalty`, or any `--set PATH=VALUE` of `AlignerConfig`, e.g.
`--set repair.trim_length_factor=1.4 --set text.alternate_min_lines=8`) embeds nothing new. `--tune` builds 100 articles with
`../shared/eval/make_docs.py` from two other seeds and our own boilerplate
(`corpus/noise-tune.json`), so parameters are never chosen on the dev set.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import fields
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aligner.align import Aligner  # noqa: E402
from aligner.config import AlignerConfig  # noqa: E402
from aligner.embed import CachingEncoder, cache_key, get_encoder  # noqa: E402
from aligner.eval.evaluate import Scores, evaluate_dirs, format_layouts, format_report  # noqa: E402
from aligner.eval.gold import Counts, Gold, load_gold, normalise, score_pairs  # noqa: E402
from aligner.score.margins import ScoreParams  # noqa: E402
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


NTREX = ROOT / "corpus" / "ntrex"
TICO = ROOT / "corpus" / "tico"
COHERENT_SEEDS = {NTREX: (21, 22, 23), TICO: (31, 32, 33)}
SECOND_TICO_SEEDS = (34, 35, 36, 37)


def halves(corpus: Path = NTREX) -> tuple[set[str], set[str]]:
    """A corpus's documents split by their order: (half A, half B)."""
    ids = list(dict.fromkeys((corpus / f"{corpus.name}-dev.ids").read_text(encoding="utf-8").split()))
    return set(ids[0::2]), set(ids[1::2])


def half_files(out: Path, half: int, corpus: Path = NTREX) -> Path:
    """`out/NAME-{a,b}.{ids,bn,en}`: one half's lines; returns the prefix."""
    keep = halves(corpus)[half]
    read = lambda suffix: (corpus / f"{corpus.name}-dev{suffix}").read_text(encoding="utf-8").splitlines()  # noqa: E731
    rows = [r for r in zip(read(".ids"), read(".bn"), read(".en")) if r[0] in keep]
    prefix = out / f"{corpus.name}-{'ab'[half]}"
    out.mkdir(parents=True, exist_ok=True)
    for k, suffix in enumerate((".ids", ".bn", ".en")):
        prefix.with_suffix(suffix).write_text("".join(r[k] + "\n" for r in rows), encoding="utf-8")
    return prefix


def make_coherent_tuning_set(out: Path, corpus: Path = NTREX, seeds: tuple[int, ...] | None = None) -> Path:
    """Coherent tuning articles (built once) from a corpus's half A, our seeds and boilerplate."""
    if not any(out.glob("*.gold.json")):
        prefix = half_files(CACHE, 0, corpus)
        for seed in seeds or COHERENT_SEEDS[corpus]:
            lay_out(prefix, out, seed, f"ct{seed}-")
    return out


def held_out_set(out: Path) -> Path:
    """The `corpus/ntrex/dev` articles made from half B (links to them)."""
    half_b = halves(NTREX)[1]
    out.mkdir(parents=True, exist_ok=True)
    for gold in sorted((NTREX / "dev").glob("*.gold.json")):
        if json.loads(gold.read_text(encoding="utf-8"))["source"] in half_b:
            for path in (gold, gold.with_name(gold.name.replace(".gold.json", ".txt"))):
                if not (out / path.name).exists():
                    (out / path.name).symlink_to(path)
    return out


def paragraph_set(out: Path, seed: int = 41, half: int = 1, unstopped: float = 0.0) -> Path:
    """Articles whose units are paragraphs (built once): half B of NTREX and of TICO-19
    (reported only; with `half` 0, half A, for tuning), every 2 to 4 consecutive lines of a
    document joined into one unit, as a paragraph-sized translation is, then laid out by
    `make_coherent_docs.py`. With `unstopped`, that share of the units ends without its
    stop in both languages, as a post, a heading or a caption does: a paragraph's units then
    run into each other (`... invite ridicule One Labour AM said ...`)."""
    if any(out.glob("*.gold.json")):
        return out
    rng = random.Random(seed)
    rows = []
    for corpus in (NTREX, TICO):
        prefix = half_files(CACHE, half, corpus)
        read = lambda suffix: prefix.with_suffix(suffix).read_text(encoding="utf-8").splitlines()  # noqa: E731
        lines = list(zip(read(".ids"), read(".bn"), read(".en")))
        k = 0
        while k < len(lines):
            size = rng.randint(2, 4)
            group = [r for r in lines[k : k + size] if r[0] == lines[k][0]]
            rows.append((group[0][0], " ".join(r[1] for r in group), " ".join(r[2] for r in group)))
            k += len(group)
    if unstopped:
        rows = [(doc, *_unstop(bn, en)) if rng.random() < unstopped else (doc, bn, en) for doc, bn, en in rows]
    own = seed_suffix(seed)
    lines = CACHE / (("paragraphs" if half else "paragraphs-a") + ("-unstopped" if unstopped else "") + own)
    return lay_out(write_lines(lines, rows), out, seed, ("para" if half else "tpara") + own + "-")


PARAGRAPH_SEEDS = (41, 42)  # `--paragraphs` (half B, reported) and `--paragraphs --tune` (half A)


def seed_suffix(seed: int) -> str:
    """What names the files of a paragraph-sized set laid out with another seed (`-s43`)."""
    return "" if seed in PARAGRAPH_SEEDS else f"-s{seed}"


_FINAL_STOP = re.compile(r"\s*[।|.?!]+(?=[\"'”’)]*$)")


def _unstop(bn: str, en: str) -> tuple[str, str]:
    """Both sides without their final stop, where both have one."""
    bare = _FINAL_STOP.sub("", bn.rstrip(), 1), _FINAL_STOP.sub("", en.rstrip(), 1)
    return bare if bare[0] != bn.rstrip() and bare[1] != en.rstrip() else (bn, en)


UNSTOPPED_SHARE = 0.4  # `--paragraphs --unstopped`: the units that end without a stop


_HANDLES = ("user", "rahim", "nila", "dhaka_fan", "mou", "sk", "tanvir", "priya", "the_real_j", "ovi")


SOCIAL_SEEDS = ((51, 52, 53), (54,))  # half A (tuning), half B (reported)


def social_set(out: Path, half: int) -> Path:
    """Articles laid out like a reply thread (built once): each line of one half of NTREX
    made a post, as posts are typed: most lose their final stop in both languages, most
    open with one or two `@handles` (kept as they are in the translation), some English
    ones start in lower case. Posts of a paragraph then run into each other without a
    stop (`@user2 that is wild @user5 @user2 the last part was ...`). Half A tunes
    (`--social`, three seeds: 93 articles), half B is reported (`--social --held-out`)."""
    if any(out.glob("*.gold.json")):
        return out
    prefix = half_files(CACHE, half, NTREX)
    for seed in SOCIAL_SEEDS[half]:
        lay_out(write_lines(CACHE / f"social-{seed}", _posts(prefix, seed)), out, seed, f"social{seed}-")
    return out


def _posts(prefix: Path, seed: int) -> list[tuple[str, str, str]]:
    """The lines of `PREFIX.{ids,bn,en}` typed as posts (see `social_set`)."""
    rng = random.Random(seed)
    read = lambda suffix: prefix.with_suffix(suffix).read_text(encoding="utf-8").splitlines()  # noqa: E731
    rows = []
    for doc, bn, en in zip(read(".ids"), read(".bn"), read(".en")):
        if rng.random() < 0.8:
            bn, en = re.sub(r"\s*[।|.]+$", "", bn), re.sub(r"\.$", "", en)
        if rng.random() < 0.4 and re.match(r"[A-Z][a-z]", en):  # `the ...`, not `bBC ...`
            en = en[:1].lower() + en[1:]
        if rng.random() < 0.7:
            handles = " ".join(f"@{rng.choice(_HANDLES)}{rng.randint(1, 99)}" for _ in range(rng.choice((1, 1, 2))))
            bn, en = f"{handles} {bn}", f"{handles} {en}"
        rows.append((doc, bn, en))
    return rows


def write_lines(prefix: Path, rows: list[tuple[str, str, str]]) -> Path:
    """`PREFIX.{ids,bn,en}` from (document, Bangla, English) rows; returns the prefix."""
    for n, suffix in enumerate((".ids", ".bn", ".en")):
        prefix.with_suffix(suffix).write_text("".join(r[n] + "\n" for r in rows), encoding="utf-8")
    return prefix


def lay_out(prefix: Path, out: Path, seed: int, name: str) -> Path:
    """Articles from `PREFIX.{ids,bn,en}` by `make_coherent_docs.py`, our boilerplate."""
    subprocess.run(
        [sys.executable, str(SHARED / "eval" / "make_coherent_docs.py"),
         "--ids", str(prefix.with_suffix(".ids")), "--bn", str(prefix.with_suffix(".bn")),
         "--en", str(prefix.with_suffix(".en")), "--out", str(out), "--seed", str(seed),
         "--prefix", name, "--noise", str(ROOT / "corpus" / "noise-tune.json")],
        check=True, stdout=subprocess.DEVNULL,
    )
    return out


def two_file_gold(prefix: Path, out: Path) -> Path:
    """A gold folder for `PREFIX.bn` / `PREFIX.en`: one document, line i translates line i."""
    bn = prefix.with_suffix(".bn").read_text(encoding="utf-8").splitlines()
    en = prefix.with_suffix(".en").read_text(encoding="utf-8").splitlines()
    if len(bn) != len(en):
        raise SystemExit(f"{prefix}: {len(bn)} Bangla lines but {len(en)} English ones")
    out.mkdir(parents=True, exist_ok=True)
    atoms = {str(k): {"bn": b, "en": e} for k, (b, e) in enumerate(zip(bn, en)) if b.strip() and e.strip()}
    gold = {"layout": "two_files", "atoms": atoms, "beads": [{"bn": [k], "en": [k]} for k in atoms],
            "bn_only": [], "en_only": []}
    (out / f"{prefix.name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return out


def predictions(gold_dir: Path, pred_dir: Path) -> list[tuple[Gold, list[list[str]]]]:
    """Each gold document of `gold_dir` with the rows (Bangla, English, score) of its TSV in `pred_dir`."""
    return [
        (load_gold(path), [line.split("\t") for line in
                           (pred_dir / f"{path.name[: -len('.gold.json')]}.tsv").read_text(encoding="utf-8").splitlines()])
        for path in sorted(gold_dir.glob("*.gold.json"))
    ]


def min_score_table(gold_dir: Path, pred_dir: Path, floors: list[float]) -> str:
    """A Markdown table: strict and link P/R of the pairs scoring at least each floor."""
    rows = ["| --min-score | pairs kept | strict P | strict R | link P | link R | junk |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    documents = predictions(gold_dir, pred_dir)
    for floor in floors:
        total, kept = Counts(), 0
        for gold, predicted in documents:
            pairs = [(bn, en) for bn, en, score in predicted if float(score) >= floor]
            kept += len(pairs)
            total += score_pairs(gold, pairs)
        s = Scores.from_counts(total)
        rows.append(f"| {floor:g} | {kept} | {s.strict_p:.3f} | {s.strict_r:.3f} | {s.link_p:.3f} | {s.link_r:.3f} | {s.junk} |")
    return "\n".join(rows)


def pieces_line(gold_dir: Path, pred_dir: Path) -> str:
    """How many pairs have an English side that is a proper piece of one gold sentence.

    The reference scorer joins pairs that split one atom into that atom's bead, so a cut
    inside a sentence costs nothing in its figures; this count shows such cuts. An atom
    that holds two sentences (TICO-19 has some) counts too: compare the count between runs."""
    pairs = pieces = 0
    for gold, rows in predictions(gold_dir, pred_dir):
        atoms = gold.en_atoms.values()
        for row in rows:
            en = normalise(row[1])
            pairs += 1
            pieces += any(en in atom and en != atom for atom in atoms)
    return f"pieces={pieces} of {pairs} pairs (an English side that is part of one gold sentence)"


def spills_line(gold_dir: Path, pred_dir: Path) -> str:
    """How many pairs have a side that is neither inside one gold sentence nor whole ones.

    Such a side takes part of a neighbouring sentence (`... পেরিয়ে | গেছে আমেরিকান ...`, a
    cut one word off) or holds a line that has no translation. The reference scorer
    ignores a spill of under 8 characters and a folded line it cannot map, so this count
    shows how exactly the cuts fall. A side with no gold text at its ends (furniture) is
    not counted."""
    pairs = spills = 0
    for gold, rows in predictions(gold_dir, pred_dir):
        sides = [[a for a in gold.bn_atoms.values() if a], [a for a in gold.en_atoms.values() if a]]
        for row in rows:
            texts = [normalise(t) for t in row[:2]]
            if not all(any(t[:8] in a or t[-8:] in a for a in atoms) for t, atoms in zip(texts, sides)):
                continue
            pairs += 1
            spills += not all(_clean(t, atoms) for t, atoms in zip(texts, sides))
    return f"spills={spills} of {pairs} pairs (a side with part of another gold sentence, or a line without one)"


def _clean(text: str, atoms: list[str]) -> bool:
    """Whether `text` lies inside one atom or is whole atoms one after another."""
    if any(text in atom for atom in atoms):
        return True
    while text:
        whole = max((a for a in atoms if text.startswith(a)), key=len, default=None)
        if whole is None:
            return False
        text = text[len(whole):]
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", nargs="?", type=Path)
    ap.add_argument("--tune", action="store_true", help="score the generated tuning set")
    ap.add_argument("--two-files", nargs="?", type=Path, const=Path("-"), metavar="PREFIX",
                    help="align PREFIX.bn with PREFIX.en (alone: with --tune-coherent/--held-out)")
    ap.add_argument("--tune-coherent", action="store_true", help="the coherent tuning set (NTREX half A)")
    ap.add_argument("--tune-tico", action="store_true", help="the coherent TICO-19 tuning set (half A)")
    ap.add_argument("--tune-tico-2", action="store_true", help="a second one, other seeds (half A)")
    ap.add_argument("--held-out", action="store_true", help="the NTREX dev articles of half B")
    ap.add_argument("--paragraphs", action="store_true",
                    help="paragraph-sized units: half B of NTREX and TICO-19, 2-4 lines a unit (with --tune: half A)")
    ap.add_argument("--unstopped", action="store_true",
                    help=f"with --paragraphs: {UNSTOPPED_SHARE:.0%}% of the units end without a stop (posts, headings)")
    ap.add_argument("--seed", type=int, help="with --paragraphs --tune: another tuning set of half A, laid out with this seed")
    ap.add_argument("--social", action="store_true",
                    help="reply threads: NTREX half A lines as stopless @-posts (with --held-out: half B)")
    ap.add_argument("--out", type=Path, help="keep the TSVs here")
    ap.add_argument("--model", default=None)
    for knob in fields(ScoreParams):  # --threshold, --merge-penalty, ...: each ScoreParams field
        ap.add_argument("--" + knob.name.replace("_", "-"), type=type(knob.default), default=knob.default)
    ap.add_argument("--set", action="append", default=[], metavar="PATH=VALUE",
                    help="set any AlignerConfig field, e.g. repair.trim_length_factor=1.4 (repeatable)")
    ap.add_argument("--min-score-table", metavar="S,S,...",
                    help="also print precision/recall of the pairs kept at each --min-score")
    a = ap.parse_args()
    if a.seed and not (a.paragraphs and a.tune):
        ap.error("--seed is for the paragraph-sized tuning sets: --paragraphs --tune --seed N")
    if a.two_files:
        if a.two_files == Path("-"):
            if not (a.tune_coherent or a.held_out):
                ap.error("--two-files alone needs --tune-coherent or --held-out")
            a.two_files = half_files(CACHE, 0 if a.tune_coherent else 1)
        gold_dir = two_file_gold(a.two_files, Path(tempfile.mkdtemp(prefix="aligner-gold-")))
    elif a.social:
        half = 1 if a.held_out else 0
        gold_dir = social_set(CACHE / f"social-{'tune' if half == 0 else 'held-out'}", half)
    elif a.tune_coherent:
        gold_dir = make_coherent_tuning_set(CACHE / "tune-coherent")
    elif a.tune_tico:
        gold_dir = make_coherent_tuning_set(CACHE / "tune-tico", TICO)
    elif a.tune_tico_2:
        gold_dir = make_coherent_tuning_set(CACHE / "tune-tico-2", TICO, SECOND_TICO_SEEDS)
    elif a.held_out:
        gold_dir = held_out_set(CACHE / "held-out")
    elif a.paragraphs:
        share, name = (UNSTOPPED_SHARE, "-unstopped") if a.unstopped else (0.0, "")
        if a.tune:
            seed = a.seed or PARAGRAPH_SEEDS[1]
            gold_dir = paragraph_set(CACHE / f"paragraphs{name}-tune{seed_suffix(seed)}", seed=seed, half=0, unstopped=share)
        else:
            gold_dir = paragraph_set(CACHE / f"paragraphs{name}-dev", unstopped=share)
    else:
        gold_dir = make_tuning_set(CACHE / "tune") if a.tune else a.gold_dir
    if gold_dir is None:
        ap.error("give GOLD_DIR, --tune or --two-files")

    CACHE.mkdir(exist_ok=True)
    cache_file = CACHE / f"vectors-{cache_key(a.model)}.npz"
    encoder = CachingEncoder(get_encoder(a.model))
    if cache_file.exists():
        encoder.load(cache_file)
    params = ScoreParams(**{knob.name: getattr(a, knob.name) for knob in fields(ScoreParams)})
    try:
        config = AlignerConfig(score=params).with_settings(a.set)
    except ValueError as e:
        ap.error(str(e))
    aligner = Aligner(encoder, config)

    out = a.out or Path(tempfile.mkdtemp(prefix="aligner-pred-"))
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if a.two_files:
        read = lambda suffix: a.two_files.with_suffix(suffix).read_text(encoding="utf-8")  # noqa: E731
        write_tsv(aligner.align_texts(read(".bn"), read(".en")).pairs, out / f"{a.two_files.name}.tsv")
    for article in sorted(gold_dir.glob("*.txt")):
        alignment = aligner.align_article(article.read_text(encoding="utf-8"))
        write_tsv(alignment.pairs, out / (article.stem + ".tsv"))
    seconds = time.perf_counter() - started
    encoder.save(cache_file)

    report = evaluate_dirs(gold_dir, out, by_layout=True)
    print(format_layouts(report))
    print(format_report(report))
    print(pieces_line(gold_dir, out))
    print(spills_line(gold_dir, out))
    if a.min_score_table:
        print(min_score_table(gold_dir, out, [float(x) for x in a.min_score_table.split(",")]))
    settings = "".join(f" --set {s}" for s in a.set)
    print(f"{config.score}{settings}  aligned in {seconds:.1f}s, {encoder.encoded} texts embedded", file=sys.stderr)


if __name__ == "__main__":
    main()
