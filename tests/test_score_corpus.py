"""`scripts/score_corpus.py`'s count of spills: pair sides that take part of another gold
sentence, which the reference scorer ignores under 8 characters."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("score_corpus", ROOT / "scripts" / "score_corpus.py")
score_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score_corpus)

ATOMS = {
    "0": {"bn": "বিমানটি রানওয়ে পেরিয়ে গেছে।", "en": "The plane overshot the runway."},
    "1": {"bn": "আমেরিকান যাত্রী বিল বলেন।", "en": "American passenger Bill said so."},
}


def _gold(tmp_path: Path, pairs: list[tuple[str, str]]) -> tuple[Path, Path]:
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    beads = [{"bn": [k], "en": [k]} for k in (0, 1)]
    (gold / "doc.gold.json").write_text(json.dumps({"atoms": ATOMS, "beads": beads}), encoding="utf-8")
    (pred / "doc.tsv").write_text("".join(f"{bn}\t{en}\t0.2\n" for bn, en in pairs), encoding="utf-8")
    return gold, pred


def test_a_cut_one_word_off_the_boundary_spills(tmp_path: Path):
    off = [("বিমানটি রানওয়ে পেরিয়ে", "The plane overshot the runway."),
           ("গেছে। আমেরিকান যাত্রী বিল বলেন।", "American passenger Bill said so.")]
    assert score_corpus.spills_line(*_gold(tmp_path, off)).startswith("spills=1 of 2 pairs")


def test_whole_sentences_pieces_and_furniture_do_not(tmp_path: Path):
    clean = [("বিমানটি রানওয়ে পেরিয়ে গেছে। আমেরিকান যাত্রী বিল বলেন।",  # two whole sentences
              "The plane overshot the runway. American passenger Bill said so."),
             ("বিমানটি রানওয়ে", "The plane overshot"),  # a piece of one sentence
             ("শেয়ার করুন", "Share this article")]  # furniture: no gold text, not counted
    assert score_corpus.spills_line(*_gold(tmp_path, clean)).startswith("spills=0 of 2 pairs")


def test_the_min_score_table_keeps_the_pairs_at_each_floor(tmp_path: Path):
    gold, pred = _gold(tmp_path, [])
    (pred / "doc.tsv").write_text(
        "বিমানটি রানওয়ে পেরিয়ে গেছে।\tThe plane overshot the runway.\t0.2\n"
        "আমেরিকান যাত্রী বিল বলেন।\tAmerican passenger Bill said so.\t0.05\n", encoding="utf-8")
    table = score_corpus.min_score_table(gold, pred, [0, 0.1]).splitlines()
    assert table[2].startswith("| 0 | 2 | 1.000 | 1.000 |")
    assert table[3].startswith("| 0.1 | 1 | 1.000 | 0.500 |")


def test_a_paragraph_sized_set_of_another_seed_gets_files_of_its_own():
    assert [score_corpus.seed_suffix(s) for s in score_corpus.PARAGRAPH_SEEDS] == ["", ""]
    assert score_corpus.seed_suffix(43) == "-s43"  # `.cache/paragraphs-unstopped-tune-s43`, `tpara-s43-000`
