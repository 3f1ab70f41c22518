"""The gold format and how predicted pairs map onto it: the reference scorer's rules.

These are the matching rules of `shared/eval/score.py`, reimplemented so that `aligner
evaluate` gives the same figures. Each side of a predicted pair is mapped back to the gold
atoms whose text it holds, by exact text: the side, normalised (NFC, a Latin `I`/`|` typed
for `।`, no whitespace, lower case), is cut greedily into the longest pieces found verbatim
in one atom; a piece of 8+ characters, or a whole atom, names that atom. A side too short
for such a piece (`Why?`, `কেনো?`) that occurs whole inside atoms names the one nearest its
context: the atoms of its pair's other side, or where that side is unmapped too, of the
nearest pairs (December 2026). A pair becomes an atom bead `(bn atom ids, en atom ids)`; a
side that holds no atom, or is less than half atom text, makes the pair junk.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from aligner.errors import InputError
from aligner.types import Lang

AtomBead = tuple[frozenset[str], frozenset[str]]

_BENGALI = re.compile(f"[{Lang.BN.script}]")
_LATIN = re.compile(r"[A-Za-z]")  # ASCII letters only, as the reference scorer counts them
_FAKE_DARI = re.compile(rf"(?<=[{Lang.BN.script}])\s*[I|](?=[\s\"'”’)]|$)")
_SPACE = re.compile(r"\s+")
_HEADER_WORDS = frozenset({"bn", "en", "bangla", "english", "src", "tgt"})
MIN_PIECE = 8  # a piece of text this long names the one atom it was found in
MIN_SHARE = 0.5  # a side with less atom text than this is junk


def normalise(text: str) -> str:
    """NFC, a Latin `I`/`|` typed for `।` rewritten, whitespace removed, lower case."""
    text = unicodedata.normalize("NFC", text)
    return _SPACE.sub("", _FAKE_DARI.sub("।", text)).lower()


def is_bangla(text: str) -> bool:
    """At least as many Bangla letters as Latin ones (so an empty text counts as Bangla)."""
    return len(_BENGALI.findall(text)) >= len(_LATIN.findall(text))


def parse_pairs(text: str) -> list[tuple[str, str]]:
    """(Bangla, English) from TSV text: the Bangla column is found by script.

    Blank lines, `#` comments, one-column lines and a header line are skipped; columns
    past the second are ignored. A pair whose columns share one script is kept as it is:
    it maps to no atoms and counts as junk.
    """
    pairs = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        first, second = cols[0], cols[1]
        if {first.strip().lower(), second.strip().lower()} <= _HEADER_WORDS:
            continue
        if is_bangla(second) and not is_bangla(first):
            pairs.append((second, first))
        else:
            pairs.append((first, second))
    return pairs


def _longest_prefix_in(s: str, pos: int, text: str) -> int:
    """Length of the longest prefix of `s[pos:]` found in `text` (prefixes nest: bisect)."""
    lo, hi = 0, min(len(s) - pos, len(text))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if s[pos : pos + mid] in text:
            lo = mid
        else:
            hi = mid - 1
    return lo


def map_side(side: str, atoms: Mapping[str, str]) -> tuple[frozenset[str], float]:
    """The atoms a side holds and the share of its text that is atom text.

    `atoms` maps ids to normalised atom texts. The side is read left to right; at each
    place the longest piece found verbatim in one atom (the first such atom on a tie) is
    taken, and names that atom if it is `MIN_PIECE` characters long or the whole atom.
    """
    s = normalise(side)
    pos, found, matched = 0, set(), 0
    while pos < len(s):
        best, best_id = 0, None
        for atom_id, text in atoms.items():
            n = _longest_prefix_in(s, pos, text)
            if n > best:
                best, best_id = n, atom_id
        if best >= MIN_PIECE or (best_id is not None and 0 < best == len(atoms[best_id])):
            found.add(best_id)
            matched += best
            pos += best
        else:
            pos += max(best, 1)
    return frozenset(found), (matched / len(s) if s else 0.0)


def merge_shared(beads: Iterable[AtomBead]) -> list[AtomBead]:
    """Join beads that share an atom on either side: at atom granularity they are one.

    The groups are the connected parts of "shares an atom", found in one pass (a
    union-find over atoms), so a book's 20,000 beads take no longer than they must.
    """
    beads = list(beads)
    parent = list(range(len(beads)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    owner: dict[tuple[int, str], int] = {}  # (side, atom) -> a bead that holds it
    for k, (bn, en) in enumerate(beads):
        for key in [(0, a) for a in bn] + [(1, a) for a in en]:
            if key in owner:
                parent[root(k)] = root(owner[key])
            else:
                owner[key] = k
    groups: dict[int, tuple[set[str], set[str]]] = {}
    for k, (bn, en) in enumerate(beads):
        group = groups.setdefault(root(k), (set(), set()))
        group[0].update(bn)
        group[1].update(en)
    return [(frozenset(bn), frozenset(en)) for bn, en in groups.values()]


def links(beads: Iterable[AtomBead]) -> set[tuple[str, str]]:
    """Every (bn atom, en atom) pair inside a bead."""
    return {(b, e) for bn, en in beads for b in bn for e in en}


@dataclass(frozen=True, slots=True)
class Gold:
    """One document's gold: normalised atom texts per side and the gold atom beads."""

    layout: str
    bn_atoms: Mapping[str, str]
    en_atoms: Mapping[str, str]
    beads: frozenset[AtomBead]

    @classmethod
    def from_json(cls, data: Mapping) -> Gold:
        """Build from a parsed `*.gold.json`; atom ids become strings as in `atoms`."""
        atoms = data["atoms"]
        return cls(
            layout=str(data.get("layout", "?")),
            bn_atoms={a: normalise(v["bn"]) for a, v in atoms.items()},
            en_atoms={a: normalise(v["en"]) for a, v in atoms.items()},
            beads=frozenset(
                (frozenset(map(str, b["bn"])), frozenset(map(str, b["en"]))) for b in data["beads"]
            ),
        )


def load_gold(path: Path) -> Gold:
    """Read one `*.gold.json`; a file that is no gold raises `InputError`."""
    try:
        return Gold.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise InputError(f"{path}: cannot read gold ({e})") from e
    except (KeyError, TypeError, AttributeError) as e:
        raise InputError(f"{path}: not a gold file (bad or missing field {e})") from e


@dataclass(frozen=True, slots=True)
class Counts:
    """The integer tallies behind every score; adding two sums them field by field."""

    pred_beads: int = 0
    gold_beads: int = 0
    strict_ok: int = 0
    pred_links: int = 0
    gold_links: int = 0
    link_ok: int = 0
    junk: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@dataclass(frozen=True, slots=True)
class Error:
    """One scoring error: a `junk` pair (its texts), or a `wrong` or `missed` bead (atom ids)."""

    kind: str
    bn: str
    en: str

    def line(self, name: str) -> str:
        """score.py's `--show-errors` line: `NAME<TAB>kind<TAB>bn<TAB>en`."""
        return f"{name}\t{self.kind}\t{self.bn}\t{self.en}"


Mapped = tuple[frozenset[str], float]  # a side's atom ids and the share of it that is atom text


def _position(ids: Iterable[str]) -> float | None:
    """The mean of the numeric atom ids (atoms are numbered in reading order), or None."""
    nums = [int(a) for a in ids if a.isdigit()]
    return sum(nums) / len(nums) if nums else None


def map_short(side: str, atoms: Mapping[str, str], sides: list[list[Mapped]], k: int, x: int) -> Mapped:
    """A side shorter than `MIN_PIECE` that occurs whole inside atoms: the atom nearest its context.

    `sides[k][x]` is this side (language `x` of pair `k`). One candidate atom names itself;
    among several, the nearest (by id) to the atoms of the pair's other side wins, or, where
    that side holds none, to those of the nearest pairs that hold any (both languages). The
    lower id breaks a tie. `sides` is read as it stands, earlier short sides already mapped.
    """
    s = normalise(side)
    cands = [a for a, t in atoms.items() if s in t] if 0 < len(s) < MIN_PIECE else []
    if len(cands) == 1:
        return frozenset(cands), 1.0
    ref = _position(sides[k][1 - x][0])
    for step in range(1, len(sides)):
        if ref is not None:
            break
        near = [sides[j][y][0] for j in (k - step, k + step) if 0 <= j < len(sides) for y in (0, 1)]
        ref = _position([a for ids in near for a in ids])
    if not cands or ref is None or not all(a.isdigit() for a in cands):
        return frozenset(), 0.0
    return frozenset([min(cands, key=lambda a: (abs(int(a) - ref), int(a)))]), 1.0


def _map_pairs(gold: Gold, pairs: Iterable[tuple[str, str]]) -> tuple[list[AtomBead], list[Error]]:
    """Atom beads of the pairs that map, and the junk among them.

    Every side is mapped by its pieces first; a side that names no atom is then tried as a
    short side, in reading order, against what its neighbours map to.
    """
    pairs = list(pairs)
    atoms = (gold.bn_atoms, gold.en_atoms)
    sides = [[map_side(text, atoms[x]) for x, text in enumerate(pair)] for pair in pairs]
    for k, pair in enumerate(pairs):
        for x, text in enumerate(pair):
            if not sides[k][x][0]:
                sides[k][x] = map_short(text, atoms[x], sides, k, x)
    mapped, junk = [], []
    for (bn, en), ((bn_ids, bn_share), (en_ids, en_share)) in zip(pairs, sides):
        if bn_ids and en_ids and bn_share >= MIN_SHARE and en_share >= MIN_SHARE:
            mapped.append((bn_ids, en_ids))
        else:
            junk.append(Error("junk", bn, en))
    return mapped, junk


def score_pairs(gold: Gold, pairs: Iterable[tuple[str, str]], errors: list[Error] | None = None) -> Counts:
    """Tally one document's predicted (Bangla, English) pairs against its gold.

    With a list as `errors`, also append the document's errors: its junk pairs (in order),
    then its wrong and missed beads (sorted by atom ids). Each side is mapped once.
    """
    mapped, junk = _map_pairs(gold, pairs)
    pred = merge_shared(mapped)
    if errors is not None:
        errors += junk + _bead_errors(gold.beads, pred)
    return _tally(gold.beads, pred, len(junk))


def _ids(atoms: frozenset[str]) -> str:
    return " ".join(sorted(atoms, key=lambda a: (len(a), a)))


def _bead_errors(gold_beads: frozenset[AtomBead], pred: list[AtomBead]) -> list[Error]:
    """Predicted beads that are no gold bead, then gold beads never predicted."""
    predicted = set(pred)
    wrong = [Error("wrong", _ids(bn), _ids(en)) for bn, en in predicted - gold_beads]
    missed = [Error("missed", _ids(bn), _ids(en)) for bn, en in gold_beads - predicted]
    order = lambda e: (e.bn, e.en)  # noqa: E731
    return sorted(wrong, key=order) + sorted(missed, key=order)


def score_atom_beads(gold_beads: frozenset[AtomBead], mapped: Iterable[AtomBead], junk: int = 0) -> Counts:
    """Tally predicted beads already mapped to atoms (plus `junk` pairs that hold none).

    For callers that know each segment's atoms (a generated benchmark), where matching
    texts to atoms would be slow or, with repeated sentences, ambiguous.
    """
    return _tally(gold_beads, merge_shared(mapped), junk)


def _tally(gold_beads: frozenset[AtomBead], pred: list[AtomBead], junk: int) -> Counts:
    """Counts of predicted beads (already merged where they share an atom) against gold."""
    pred_links, gold_links = links(pred), links(gold_beads)
    return Counts(
        pred_beads=len(pred) + junk,
        gold_beads=len(gold_beads),
        strict_ok=sum(1 for bead in pred if bead in gold_beads),
        pred_links=len(pred_links) + junk,
        gold_links=len(gold_links),
        link_ok=len(pred_links & gold_links),
        junk=junk,
    )
