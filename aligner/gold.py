"""The gold format and how predicted pairs map onto it: the reference scorer's rules.

These are the matching rules of `shared/eval/score.py`, reimplemented so that `aligner
evaluate` gives the same figures. Each side of a predicted pair is mapped back to the gold
atoms whose tokens it holds (runs of 2+ tokens, half the atom or more), so a pair becomes
an atom bead `(bn atom ids, en atom ids)`; a side that holds no atom makes the pair junk.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from difflib import SequenceMatcher
from pathlib import Path

from aligner.errors import InputError

AtomBead = tuple[frozenset[str], frozenset[str]]

_BENGALI = re.compile(r"[\u0980-\u09FF]")
_LATIN = re.compile(r"[A-Za-z]")
_FAKE_DARI = re.compile(r"(?<=[\u0980-\u09FF])[I|]")
_PUNCT = "।|.,;:!?\"'“”‘’()[]{}—–-…/"
_HEADER_WORDS = frozenset({"bn", "en", "bangla", "english", "src", "tgt"})
_FOUND = 0.5  # an atom belongs to a segment that holds this share of its tokens
_FALLBACK = 0.25  # ... or, when none reaches _FOUND, the best atom above this share


def tokens(text: str) -> list[str]:
    """Lower-cased words without edge punctuation; a Latin `I`/`|` after Bangla splits."""
    text = _FAKE_DARI.sub(" ", text)
    stripped = (word.strip(_PUNCT) for word in text.lower().split())
    return [word for word in stripped if word]


def coverage(atom: Sequence[str], segment: Sequence[str]) -> float:
    """Share of the atom's tokens found in the segment in runs of 2+ tokens (1+ if short)."""
    if not atom:
        return 0.0
    min_run = 1 if len(atom) <= 2 else 2
    matcher = SequenceMatcher(None, atom, segment, autojunk=False)
    hits = sum(block.size for block in matcher.get_matching_blocks() if block.size >= min_run)
    return hits / len(atom)


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


def atoms_in(segment: str, atom_tokens: Mapping[str, Sequence[str]]) -> frozenset[str]:
    """Ids of the atoms the segment holds; ties for the fallback go to the first atom."""
    seg = tokens(segment)
    found: set[str] = set()
    best_share, best_id = 0.0, None
    for atom_id, atom in atom_tokens.items():
        share = coverage(atom, seg)
        if share >= _FOUND:
            found.add(atom_id)
        if share > best_share:
            best_share, best_id = share, atom_id
    if not found and best_share >= _FALLBACK:
        found.add(best_id)
    return frozenset(found)


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
    """One document's gold: atom tokens per side and the gold atom beads."""

    layout: str
    bn_tokens: Mapping[str, list[str]]
    en_tokens: Mapping[str, list[str]]
    beads: frozenset[AtomBead]

    @classmethod
    def from_json(cls, data: Mapping) -> Gold:
        """Build from a parsed `*.gold.json`; atom ids become strings as in `atoms`."""
        atoms = data["atoms"]
        return cls(
            layout=str(data.get("layout", "?")),
            bn_tokens={a: tokens(v["bn"]) for a, v in atoms.items()},
            en_tokens={a: tokens(v["en"]) for a, v in atoms.items()},
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


def score_pairs(gold: Gold, pairs: Iterable[tuple[str, str]]) -> Counts:
    """Tally one document's predicted (Bangla, English) pairs against its gold."""
    mapped, junk = [], 0
    for bn, en in pairs:
        bn_ids, en_ids = atoms_in(bn, gold.bn_tokens), atoms_in(en, gold.en_tokens)
        if bn_ids and en_ids:
            mapped.append((bn_ids, en_ids))
        else:
            junk += 1
    return score_atom_beads(gold.beads, mapped, junk)


def score_atom_beads(gold_beads: frozenset[AtomBead], mapped: Iterable[AtomBead], junk: int = 0) -> Counts:
    """Tally predicted beads already mapped to atoms (plus `junk` pairs that hold none).

    For callers that know each segment's atoms (a generated benchmark), where matching
    texts to atoms would be slow or, with repeated sentences, ambiguous.
    """
    pred = merge_shared(mapped)
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
