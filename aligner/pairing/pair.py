"""`pair_pages`: the whole pairing stage, pages in, `Pairing` out (see the package docstring)."""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from aligner.embed import Encoder
from aligner.embed.background import bank_vectors
from aligner.pairing.docvec import document_frequencies, document_vector, sentence_weights
from aligner.pairing.evidence import number_overlap, numbers, sentence_matches, url_key
from aligner.pairing.match import competitive_linking
from aligner.pairing.neighbours import nearest
from aligner.pairing.params import PairingParams
from aligner.pairing.types import Page, PagePair, Pairing, Unpaired
from aligner.types import Lang

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored candidate pair (indices into the Bangla and English page lists) and its evidence."""

    bn: int
    en: int
    score: float
    vector: float
    matches: float
    numbers: float | None
    url: bool = False


class _Side:
    """The pages of one language: sentence vectors, their backgrounds, document vectors, numbers."""

    def __init__(self, pages: list[Page], vectors: list[np.ndarray], bank_own: np.ndarray,
                 bank_other: np.ndarray, params: PairingParams):
        self.pages = pages
        self.vectors = vectors
        df = document_frequencies([[s.text for s in p.segments] for p in pages])
        centre = bank_own.mean(axis=0)
        self.docs = np.stack([
            document_vector(v, sentence_weights([s.text for s in p.segments], [s.boilerplate for s in p.segments], df),
                            centre, params.windows)
            for p, v in zip(pages, vectors)
        ]) if pages else np.zeros((0, len(centre) * params.windows), np.float32)
        # sentence matches count only content: no boilerplate, nothing other pages repeat
        keep = [np.array([not s.boilerplate and df[s.text] == 1 for s in p.segments]) for p in pages]
        keep = [k if k.any() else np.ones(len(k), bool) for k in keep]
        self.content = [v if k.all() else v[k] for v, k in zip(vectors, keep)]
        self.floors = [(v @ bank_other.T).max(axis=1) for v in self.content]
        self.numbers = [numbers(" ".join(s.text for s in p.segments)) for p in pages]
        self.urls = [url_key(p.url) if p.url else None for p in pages]


def pair_pages(pages: Sequence[Page], encoder: Encoder, params: PairingParams = PairingParams()) -> Pairing:
    """Pair the Bangla pages of `pages` with the English ones, one to one; every sentence is
    embedded once (through `encoder`, a `CachingEncoder` keeps them for the alignment)."""
    unpaired = {p.key: Unpaired.NO_SENTENCES for p in pages if not p.segments}
    live = [p for p in pages if p.segments]
    vectors = encoder.encode([s.text for p in live for s in p.segments]) if live else None
    rows, at = [], 0
    for page in live:
        rows.append(vectors[at : at + len(page.segments)])
        at += len(page.segments)
    bank_bn, bank_en = bank_vectors(encoder)
    by_lang = {lang: [(p, v) for p, v in zip(live, rows) if p.lang is lang] for lang in Lang}
    bn = _Side([p for p, _ in by_lang[Lang.BN]], [v for _, v in by_lang[Lang.BN]], bank_bn, bank_en, params)
    en = _Side([p for p, _ in by_lang[Lang.EN]], [v for _, v in by_lang[Lang.EN]], bank_en, bank_bn, params)
    candidates = score_candidates(bn, en, params)
    links = competitive_linking([(c.bn, c.en, c.score) for c in candidates], params.threshold)
    pairs = tuple(PagePair(bn.pages[b].key, en.pages[e].key, round(s, 4)) for b, e, s in links)
    over = {(c.bn, "bn") for c in candidates if c.score >= params.threshold}
    over |= {(c.en, "en") for c in candidates if c.score >= params.threshold}
    paired = {b for b, _, _ in links}, {e for _, e, _ in links}
    for side, tag, taken in ((bn, "bn", paired[0]), (en, "en", paired[1])):
        for k, page in enumerate(side.pages):
            if k not in taken:
                unpaired[page.key] = Unpaired.TAKEN if (k, tag) in over else Unpaired.NO_CANDIDATE
    log.info("paired %d of %d Bangla and %d English pages", len(pairs), len(bn.pages), len(en.pages))
    return Pairing(pairs, dict(sorted(unpaired.items())))


def score_candidates(bn: _Side, en: _Side, params: PairingParams) -> list[Candidate]:
    """Each page's `candidates` nearest pages of the other language, scored (both directions)."""
    if not bn.pages or not en.pages:
        return []
    b_ids, b_sims = nearest(bn.docs, en.docs, params.candidates, params.block, params.index)
    e_ids, e_sims = nearest(en.docs, bn.docs, params.candidates, params.block, params.index)
    b_level, e_level = b_sims.mean(axis=1), e_sims.mean(axis=1)
    pairs = {(b, int(e)) for b in range(len(bn.pages)) for e in b_ids[b]}
    pairs |= {(int(b), e) for e in range(len(en.pages)) for b in e_ids[e]}
    out = []
    for b, e in sorted(pairs):
        cosine = float(bn.docs[b] @ en.docs[e])
        vector = cosine - (b_level[b] + e_level[e]) / 2
        matches = sentence_matches(bn.content[b], en.content[e], bn.floors[b], en.floors[e], params.match_floor)
        overlap = number_overlap(bn.numbers[b], en.numbers[e])
        score = params.vector_weight * vector + params.match_weight * matches
        if overlap is not None:
            score += params.number_weight * (overlap - 0.5)
        same_url = bn.urls[b] is not None and bn.urls[b] == en.urls[e]
        score += params.url_weight * same_url
        out.append(Candidate(b, e, score, vector, matches, overlap, same_url))
    return out
