"""Pair each Bangla page of a crawl with its English page (document alignment).

    pages (text, language) -> sentences -> vectors (embed/, each sentence once)
        -> document vectors (docvec.py: position windows, frequent sentences down-weighted)
        -> nearest neighbours (neighbours.py: numpy blocks, or faiss)
        -> candidate scores (pair.py, evidence.py: vector margin, sentence matches, numbers, URLs)
        -> one-to-one matching over a threshold (match.py: competitive linking)
        -> `Pairing`: the page pairs, and every other page with the reason it stayed alone

    from aligner.pairing import Page, pair_pages
    pairing = pair_pages(pages, encoder)   # pages: Page(key, lang, segments, url)

`page_language` (language.py) tells a page's language by its script. Every knob is a field
of `PairingParams` (`AlignerConfig.pairing`).
"""
from aligner.pairing.language import page_language
from aligner.pairing.pair import pair_pages
from aligner.pairing.params import PairingParams
from aligner.pairing.types import Page, PagePair, Pairing, Unpaired

__all__ = ["Page", "PagePair", "Pairing", "PairingParams", "Unpaired", "page_language", "pair_pages"]
