"""Score aligner output against gold: the figures of `shared/eval/score.py`, as a library.

`evaluate_dirs(GOLD_DIR, PRED_DIR)` reads each `NAME.gold.json` and its `NAME.tsv` (a
missing TSV scores as no pairs) and sums the counts. `format_report` gives the line
score.py prints on stdout (or its `--json` form), `format_layouts` the per-layout lines it
prints on stderr with `--by-layout`, `format_errors` the lines of `--show-errors`.

    strict  a predicted bead counts if it equals a gold bead exactly
    link    every (bn atom, en atom) inside a bead is a link; P/R/F1 on links
    junk    a pair with a side that holds no atom, or is less than half atom text:
            one wrong bead and one wrong link
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from aligner.errors import InputError
from aligner.eval.gold import (
    Counts,
    Error,
    load_gold,
    parse_pairs,
    score_pairs,
)

GOLD_SUFFIX = ".gold.json"
PRED_SUFFIX = ".tsv"


def prf(ok: int, pred: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1; 0.0 where a denominator is 0."""
    p = ok / pred if pred else 0.0
    r = ok / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True, slots=True)
class Scores:
    """Strict and link precision/recall/F1 (unrounded), junk pairs, and the counts."""

    strict_p: float
    strict_r: float
    strict_f1: float
    link_p: float
    link_r: float
    link_f1: float
    junk: int
    counts: Counts

    @classmethod
    def from_counts(cls, c: Counts) -> Scores:
        return cls(
            *prf(c.strict_ok, c.pred_beads, c.gold_beads),
            *prf(c.link_ok, c.pred_links, c.gold_links),
            junk=c.junk,
            counts=c,
        )


@dataclass(frozen=True, slots=True)
class Report:
    """Totals over a gold directory; `layouts` (sorted by name) and `errors` (by document,
    in name order) only when asked for."""

    docs: int
    missing: tuple[str, ...]
    total: Counts
    layouts: tuple[tuple[str, Counts], ...] | None = None
    errors: tuple[tuple[str, Error], ...] | None = None

    @property
    def scores(self) -> Scores:
        return Scores.from_counts(self.total)

    def layout_scores(self) -> list[tuple[str, Scores]]:
        return [(name, Scores.from_counts(c)) for name, c in self.layouts or ()]


def _read_pred(path: Path) -> list[tuple[str, str]]:
    """Pairs of one prediction TSV, read exactly as score.py reads it (BOM kept)."""
    try:
        return parse_pairs(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text (invalid byte at offset {e.start})") from e
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from e


def _require_dir(path: Path, what: str) -> None:
    if not path.is_dir():
        problem = "is not a directory" if path.exists() else "no such directory"
        raise InputError(f"{path}: {problem} ({what})")


def evaluate_dirs(
    gold_dir: Path, pred_dir: Path, by_layout: bool = False, show_errors: bool = False
) -> Report:
    """Score every `NAME.tsv` in pred_dir against `NAME.gold.json` in gold_dir.

    A missing or empty gold directory, or a missing prediction directory, raises
    `InputError`; a missing prediction file scores as no pairs and is listed in `missing`.
    """
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    _require_dir(gold_dir, "gold")
    _require_dir(pred_dir, "predictions")
    gold_files = sorted(gold_dir.glob("*" + GOLD_SUFFIX))
    if not gold_files:
        raise InputError(f"{gold_dir}: no *{GOLD_SUFFIX} files")
    total, per_layout, missing, errors = Counts(), {}, [], []
    for gold_path in gold_files:
        name = gold_path.name[: -len(GOLD_SUFFIX)]
        gold = load_gold(gold_path)
        pred_path = pred_dir / (name + PRED_SUFFIX)
        if pred_path.exists():
            pairs = _read_pred(pred_path)
        else:
            pairs = []
            missing.append(name)
        found: list[Error] | None = [] if show_errors else None
        counts = score_pairs(gold, pairs, found)
        errors += [(name, error) for error in found or ()]
        total += counts
        per_layout[gold.layout] = per_layout.get(gold.layout, Counts()) + counts
    layouts = tuple(sorted(per_layout.items())) if by_layout else None
    return Report(len(gold_files), tuple(missing), total, layouts, tuple(errors) if show_errors else None)


def report_dict(report: Report) -> dict[str, int | float]:
    """The totals as score.py's `--json` prints them: scores rounded to 4 places."""
    s = report.scores
    return {
        "docs": report.docs,
        "missing": len(report.missing),
        "strict_p": round(s.strict_p, 4),
        "strict_r": round(s.strict_r, 4),
        "strict_f1": round(s.strict_f1, 4),
        "link_p": round(s.link_p, 4),
        "link_r": round(s.link_r, 4),
        "link_f1": round(s.link_f1, 4),
        "junk_pairs": s.junk,
    }


def format_report(report: Report, as_json: bool = False) -> str:
    """score.py's stdout line (no newline): `docs=30 missing=0 strict_p=…` or JSON."""
    totals = report_dict(report)
    if as_json:
        return json.dumps(totals)
    return " ".join(f"{key}={value}" for key, value in totals.items())


def format_layouts(report: Report) -> str:
    """score.py's `--by-layout` lines (stderr there), one per layout; '' when none."""
    return "\n".join(
        f"  {name:18s} strict_f1={s.strict_f1:.4f} link_f1={s.link_f1:.4f} junk={s.junk}"
        for name, s in report.layout_scores()
    )


def format_errors(report: Report) -> str:
    """score.py's `--show-errors` lines, `NAME<TAB>kind<TAB>bn<TAB>en`; '' when none."""
    return "\n".join(error.line(name) for name, error in report.errors or ())
