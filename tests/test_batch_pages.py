"""`aligner batch --pair-pages`: pages paired, each pair aligned as two files, resumable."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from batch_helpers import kill_midway_then_rerun, snapshot, summary_articles
from conftest import ROOT, shared_encoder
from synthetic import SyntheticEncoder

from aligner.align import Aligner
from aligner.batch import BatchOptions, CorpusFormat, run_batch
from aligner.writers import tsv_line

CLI = [sys.executable, "-c", "from aligner.cli import main; main()"]
NTREX = ROOT / "corpus" / "ntrex" / "ntrex-dev"


def synthetic_site(folder: Path, docs: int = 6) -> set[tuple[str, str]]:
    """`docs` documents of 6 atoms as a Bangla and an English page; the last keeps only its
    Bangla page; one mixed page. File names say nothing of the pairs. The gold names."""
    rng = random.Random(1)
    folder.mkdir(parents=True)
    gold = set()
    names = rng.sample(range(1000, 9999), 2 * docs + 1)
    for doc in range(docs):
        atoms = rng.sample(range(300), 6)
        bn, en = folder / f"p{names[2 * doc]}.txt", folder / f"p{names[2 * doc + 1]}.txt"
        bn.write_text("".join(f"বাংলা ভাষার এই বাক্যটি পরীক্ষার জন্য লেখা হয়েছে a{k} ।\n" for k in atoms), encoding="utf-8")
        if doc < docs - 1:
            en.write_text("".join(f"This English sentence was written for the test b{k} .\n" for k in atoms), encoding="utf-8")
            gold.add((str(bn), str(en)))
    (folder / f"p{names[-1]}.txt").write_text("Both: বাংলা ভাষা and English words\n", encoding="utf-8")
    return gold


def pages_tsv(out: Path) -> list[list[str]]:
    return [line.split("\t") for line in (out / "pages.tsv").read_text(encoding="utf-8").splitlines()]


def test_pages_are_paired_counted_and_resumed(tmp_path: Path) -> None:
    gold = synthetic_site(tmp_path / "site")
    out = tmp_path / "out"
    options = BatchOptions(pair_pages=True, corpus=(CorpusFormat.TSV,), progress=False)
    summary = run_batch([tmp_path / "site"], out, options, backend=SyntheticEncoder(300))
    rows = pages_tsv(out)
    assert {(bn, en) for bn, en, _, _ in rows} == gold
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    for _, _, score, tsv in rows:
        assert float(score) > 0.6 and len((out / tsv).read_text(encoding="utf-8").splitlines()) == 6
    totals = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert totals["pages"] == {"bn": 6, "en": 5, "pairs": 5, "unpaired": {
        "no_counterpart": 1, "counterpart_taken": 0, "mixed_language": 1, "no_sentences": 0}}
    assert totals["totals"]["unpaired"] == 2 and summary.exit_code == 0
    assert len((out / "corpus.tsv").read_text(encoding="utf-8").splitlines()) == 30
    assert (out / ".aligner-batch" / "vectors.npz").exists()

    before = snapshot(out)
    again = run_batch([tmp_path / "site"], out, options, backend=SyntheticEncoder(300))
    assert again.already_done == 5
    after = snapshot(out)
    assert after.pop("summary.json") and before.pop("summary.json")
    assert after == before


def test_a_bad_setting_exits_2_with_one_line(tmp_path: Path) -> None:
    synthetic_site(tmp_path / "site")
    run = subprocess.run([*CLI, "batch", str(tmp_path / "site"), "-o", str(tmp_path / "out"), "--pair-pages",
                          "--set", "pairing.windows=0"], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr == "aligner: --set: pairing.windows must be at least 1, got 0\n"
    bad = tmp_path / "bad.toml"
    bad.write_text("[score]\nnope = 1\n", encoding="utf-8")
    run = subprocess.run([*CLI, "align", "--bn", str(bad), "--en", str(bad), "--config", str(bad)],
                         capture_output=True, text=True)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "unknown setting 'score.nope'" in run.stderr


def ntrex_site(folder: Path) -> set[tuple[str, str]]:
    """Five short NTREX documents as pages (the first without its English page)."""
    read = lambda suffix: NTREX.with_suffix(suffix).read_text(encoding="utf-8").splitlines()  # noqa: E731
    docs: dict[str, tuple[list[str], list[str]]] = {}
    for doc, bn, en in zip(read(".ids"), read(".bn"), read(".en")):
        docs.setdefault(doc, ([], []))[0].append(bn)
        docs[doc][1].append(en)
    chosen = sorted((d for d in docs if 8 <= len(docs[d][0]) <= 12))[:5]
    folder.mkdir(parents=True)
    gold = set()
    for k, doc in enumerate(chosen):
        bn, en = folder / f"{97 - 2 * k}.txt", folder / f"{10 + 3 * k}.txt"
        bn.write_text("\n".join(docs[doc][0]) + "\n", encoding="utf-8")
        if k:
            en.write_text("\n".join(docs[doc][1]) + "\n", encoding="utf-8")
            gold.add((str(bn), str(en)))
    return gold


@pytest.mark.model
def test_real_pages_pair_and_align_as_two_files_and_survive_a_kill(tmp_path: Path) -> None:
    gold = ntrex_site(tmp_path / "site")
    reference = tmp_path / "reference"
    formats = (CorpusFormat.TSV, CorpusFormat.TMX)
    run_batch([tmp_path / "site"], reference, BatchOptions(pair_pages=True, corpus=formats, progress=False),
              backend=shared_encoder())
    rows = pages_tsv(reference)
    assert {(bn, en) for bn, en, _, _ in rows} == gold
    bn, en, _, tsv = rows[0]
    aligned = Aligner(shared_encoder()).align_texts(Path(bn).read_text(encoding="utf-8"), Path(en).read_text(encoding="utf-8"))
    assert (reference / tsv).read_text(encoding="utf-8") == "".join(tsv_line(p) for p in aligned.pairs)
    assert [a["status"] for a in summary_articles(reference)].count("unpaired") == 1

    out = tmp_path / "out"
    command = [*CLI, "batch", str(tmp_path / "site"), "-o", str(out), "--pair-pages", "--chunk-kb", "1"]
    command += [arg for fmt in formats for arg in ("--corpus", fmt.value)]
    kill_midway_then_rerun(command, out, reference, "*-with-*.tsv", total=4)
