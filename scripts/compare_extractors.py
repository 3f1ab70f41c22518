#!/usr/bin/env python3
"""Compare HTML text extractors on our pages: what each keeps of the article, and of the chrome.

    pip install trafilatura justext readability-lxml resiliparse   # the candidates (not deps)
    python scripts/compare_extractors.py [corpus/html]

On every page of `corpus/html/{dev,ntrex}` (built by `make_html_corpus.py` from articles
whose text we have), for each extractor that is installed:
  lines:    the article's lines (its text file's non-empty lines) that come out whole, as a line
  found:    those whose text comes out at all (inside a longer line, or split)
  bn / en:  `lines` for the Bangla and the English lines alone
  titles:   pages whose bilingual title line comes out
  chrome:   output lines that are not article text, per page (menus, share bars, related...)
  ms/page:  extraction time (best of 3 passes)
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from make_html_corpus import SOURCES, is_title  # noqa: E402

from aligner.crawl import extract_text  # noqa: E402
from aligner.types import Lang  # noqa: E402

_SPACE = re.compile(r"\s+")
_BANGLA = re.compile(f"[{Lang.BN.script}]")


def ours(html: str) -> str:
    return extract_text(html)


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=True) or ""


def trafilatura_recall(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, output_format="txt", include_comments=False, favor_recall=True) or ""


def justext_text(html: str) -> str:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def readability_text(html: str) -> str:
    from readability import Document

    return extract_text(Document(html).summary(html_partial=False))  # its content node, our lines


def resiliparse_text(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(html, main_content=True, alt_texts=False, links=False)


CANDIDATES: dict[str, Callable[[str], str]] = {
    "aligner.crawl (selectolax walker)": ours,
    "trafilatura 2.x": trafilatura_text,
    "trafilatura, favor_recall": trafilatura_recall,
    "justext (English stoplist)": justext_text,
    "readability-lxml + our lines": readability_text,
    "resiliparse main_content": resiliparse_text,
}


def pages(root: Path) -> list[tuple[str, list[str]]]:
    out = []
    for set_name, folder in SOURCES:
        for page in sorted((root / set_name).glob("*.html")):
            text = (folder / f"{page.stem}.txt").read_text(encoding="utf-8")
            lines = [_SPACE.sub(" ", line).strip() for line in text.splitlines() if line.strip()]
            out.append((page.read_text(encoding="utf-8"), lines))
    return out


def score(extract: Callable[[str], str], corpus: list[tuple[str, list[str]]]) -> dict[str, float]:
    best = float("inf")
    outputs = []
    for _ in range(3):
        started = time.perf_counter()
        outputs = [extract(html) for html, _ in corpus]
        best = min(best, time.perf_counter() - started)
    whole = found = total = chrome = titles = title_pages = 0
    by_lang = {"bn": [0, 0], "en": [0, 0]}
    for (_, gold), text in zip(corpus, outputs):
        got = [_SPACE.sub(" ", line).strip() for line in text.splitlines() if line.strip()]
        got_set, flat = set(got), _SPACE.sub("", text)
        gold_set = set(gold)
        for line in gold:
            lang = "bn" if len(_BANGLA.findall(line)) * 2 > len(line.replace(" ", "")) else "en"
            hit = line in got_set
            whole += hit
            found += _SPACE.sub("", line) in flat
            total += 1
            by_lang[lang][0] += hit
            by_lang[lang][1] += 1
            if is_title(line):
                title_pages += 1
                titles += hit
        chrome += sum(1 for line in got if line not in gold_set and not any(line in g for g in gold))
    return {
        "lines": whole / total, "found": found / total,
        "bn": by_lang["bn"][0] / by_lang["bn"][1], "en": by_lang["en"][0] / by_lang["en"][1],
        "titles": f"{titles}/{title_pages}", "chrome": chrome / len(corpus),
        "ms": 1000 * best / len(corpus),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", type=Path, default=ROOT / "corpus" / "html",
                    help="the folder `make_html_corpus.py` wrote (default: corpus/html)")
    corpus = pages(ap.parse_args().root)
    if not corpus:
        sys.exit(f"compare_extractors.py: no pages under {ap.parse_args().root}")
    print(f"{len(corpus)} pages, {sum(len(g) for _, g in corpus)} article lines\n")
    print("| extractor | lines whole | text found | bn lines | en lines | titles | chrome lines/page | ms/page |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, extract in CANDIDATES.items():
        try:
            s = score(extract, corpus)
        except ImportError as e:
            print(f"| {name} | not installed ({e.name}) | | | | | | |")
            continue
        print(f"| {name} | {s['lines']:.3f} | {s['found']:.3f} | {s['bn']:.3f} | {s['en']:.3f} | "
              f"{s['titles']} | {s['chrome']:.1f} | {s['ms']:.1f} |")


if __name__ == "__main__":
    main()
