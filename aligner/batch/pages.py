"""`aligner batch --pair-pages`: pair a crawl's Bangla pages with its English pages first.

    articles -> text (as for mixed pages) -> language by script -> sentences -> embedded once
             -> `aligner.pairing.pair_pages` -> a job per pair: the Bangla page and the
                English page aligned as two files, with their sentence vectors
             -> OUT/pages.tsv, and every page without a counterpart counted by reason

A pair's output id is the Bangla page's id with 8 hex digits of the English page's id
(`a/x-with-1a2b3c4d`), so a rerun that pairs a page differently never takes an old TSV
for the new pair. The sentence vectors are kept in `.aligner-batch/vectors.npz`: a
killed run's rerun pairs the pages again without embedding anything.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from aligner.batch.records import Article, Record, Status
from aligner.batch.sources import ArticleSkipped, load_text
from aligner.batch.worker import Job, failed
from aligner.config import AlignerConfig
from aligner.embed import CachingEncoder
from aligner.errors import InputError
from aligner.pairing import Page, Pairing, Unpaired, page_language, pair_pages
from aligner.text.segment import segment_monolingual
from aligner.types import Lang
from aligner.writers import atomic_write_text

log = logging.getLogger("aligner.batch")

PAGES_TSV = "pages.tsv"
VECTORS = "vectors.npz"  # in the state folder


@dataclass(frozen=True)
class PageTally:
    """The pages of a `--pair-pages` run: by language, the pairs, the rest by reason."""

    bn: int = 0
    en: int = 0
    pairs: int = 0
    unpaired: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"bn": self.bn, "en": self.en, "pairs": self.pairs, "unpaired": dict(self.unpaired)}


@dataclass
class PairedCrawl:
    """What the pairing stage hands the runner: a job per pair, and a record per other page."""

    jobs: list[Job]
    records: list[Record]
    tally: PageTally
    lines: list[str]  # the lines of pages.tsv, in pair id order


def pair_crawl(articles: Sequence[Article], encoder: CachingEncoder, config: AlignerConfig,
               max_chars: int, state: Path) -> PairedCrawl:
    """Read, embed and pair the pages of `articles`; the vectors are cached under `state`."""
    cache = state / VECTORS
    if cache.exists():
        with contextlib.suppress(InputError):  # a damaged cache is rebuilt
            encoder.load(cache)
    pages, records = _read_pages(articles, config, max_chars)
    log.info("pairing %d pages: %d sentences to embed once", len(pages), sum(len(p.segments) for p in pages))
    pairing = pair_pages(pages, encoder, config.pairing)
    encoder.save(cache)  # whole or not at all
    return _jobs(articles, pages, pairing, records, encoder)


def pair_id(bn: Article, en: Article) -> str:
    return f"{bn.id}-with-{hashlib.blake2b(en.id.encode(), digest_size=4).hexdigest()}"


def write_pages_tsv(root: Path, lines: Sequence[str]) -> None:
    atomic_write_text(root / PAGES_TSV, "".join(lines))


def _read_pages(articles: Sequence[Article], config: AlignerConfig, max_chars: int
                ) -> tuple[list[Page], list[Record]]:
    pages, records = [], []
    for article in articles:
        try:
            text = load_text(article, None, max_chars)
        except ArticleSkipped as e:
            records.append(Record(article.id, str(article.source), Status.SKIPPED, str(e), uri=article.uri))
            continue
        except InputError as e:
            records.append(failed(article, e).record)
            continue
        lang = page_language(text, config.pairing.min_script_share)
        if lang is None:
            records.append(_lonely(article, Unpaired.MIXED))
            continue
        segments = tuple(segment_monolingual(text, lang, config.text))
        pages.append(Page(article.id, lang, segments, url=article.name))
    return pages, records


def _jobs(articles: Sequence[Article], pages: list[Page], pairing: Pairing, records: list[Record],
          encoder: CachingEncoder) -> PairedCrawl:
    by_id = {a.id: a for a in articles}
    by_key = {p.key: p for p in pages}
    jobs, lines = [], []
    for pair in sorted(pairing.pairs, key=lambda p: p.bn):
        bn, en = by_id[pair.bn], by_id[pair.en]
        texts = tuple(dict.fromkeys(s.text for key in (pair.bn, pair.en) for s in by_key[key].segments))
        jobs.append(Job(replace(bn, id=pair_id(bn, en)), partner=en, texts=texts, vectors=encoder.encode(texts)))
        lines.append(f"{bn.name}\t{en.name}\t{pair.score:.4f}\t{pair_id(bn, en)}.tsv\n")
    for key, reason in pairing.unpaired.items():
        page = by_key[key]
        count = len(page.segments)
        records.append(replace(_lonely(by_id[key], reason), bn_sentences=count * (page.lang is Lang.BN),
                               en_sentences=count * (page.lang is Lang.EN)))
    reasons = Counter(r.reason for r in records if r.status is Status.UNPAIRED)
    tally = PageTally(
        bn=sum(p.lang is Lang.BN for p in pages), en=sum(p.lang is Lang.EN for p in pages),
        pairs=len(jobs), unpaired={u.value: reasons[u.value] for u in Unpaired},
    )
    log.info("%d page pairs; %d pages without a counterpart", len(jobs), sum(reasons.values()))
    return PairedCrawl(jobs, records, tally, lines)


def _lonely(article: Article, reason: Unpaired) -> Record:
    return Record(article.id, str(article.source), Status.UNPAIRED, reason.value, uri=article.uri)
