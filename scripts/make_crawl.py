#!/usr/bin/env python3
"""Build the dev crawl of a bilingual site: one page per language per document, shuffled.

    python scripts/make_crawl.py                      # corpus/crawl/ from ../shared (seed 17)
    python scripts/make_crawl.py --out /tmp/c --seed 5

Documents: the 62 NTREX-128 dev documents (`ntrex-dev.{ids,bn,en}`) and the 15 TICO-19 dev
documents (`tico-dev.{ids,bn,en}`), each line a paragraph. Each document gives a Bangla
page and an English page; for `--lonely` documents (default 12) one side is dropped, so its
other page has no counterpart. Pages are written as HTML (the site's chrome around the text:
a menu, a footer, in the page's language) or as plain text, in a WARC (`site.warc.gz`,
about half of the pages) or as files under `pages/`. Names and URLs are random hex from the
seed: nothing in them says which pages pair. Same seed, same bytes (WARC dates are fixed).

`gold.jsonl`: one line per document: `{"doc", "source", "bn", "en"}`, `bn`/`en` the URI
(WARC) or the path relative to the crawl folder of that page, `null` where dropped.
"""
from __future__ import annotations

import argparse
import html
import io
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
SOURCES = (("ntrex", SHARED / "ntrex" / "ntrex-dev"), ("tico", SHARED / "tico" / "tico-dev"))
SITE = "https://news.example.org"
WARC_DATE = "2024-05-01T00:00:00Z"

CHROME = {
    "bn": ("প্রচ্ছদ | দেশ | বিশ্ব | স্বাস্থ্য | খেলা", "স্বত্ব © সংবাদ পরিক্রমা। সর্বস্বত্ব সংরক্ষিত।"),
    "en": ("Home | National | World | Health | Sport", "Copyright © News Review. All rights reserved."),
}


def documents(prefix: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Document id -> (Bangla lines, English lines), in file order."""
    read = lambda suffix: prefix.with_suffix(suffix).read_text(encoding="utf-8").splitlines()  # noqa: E731
    docs: dict[str, tuple[list[str], list[str]]] = {}
    for doc, bn, en in zip(read(".ids"), read(".bn"), read(".en")):
        lines = docs.setdefault(doc, ([], []))
        lines[0].append(bn)
        lines[1].append(en)
    return docs


def page_html(lang: str, lines: list[str]) -> str:
    menu, footer = CHROME[lang]
    title = html.escape(lines[0])
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>\n'
            f"<body><nav>{html.escape(menu)}</nav>\n<article><h1>{title}</h1>\n{body}\n</article>\n"
            f"<footer>{html.escape(footer)}</footer></body></html>\n")


def write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for k, (uri, text) in enumerate(pages):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        headers = {"WARC-Date": WARC_DATE, "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{k:012d}>"}
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(text.encode("utf-8")),
                                           http_headers=http, warc_headers_dict=headers)
        writer.write_record(record)
    path.write_bytes(buffer.getvalue())


def build(out: Path, seed: int, lonely: int) -> None:
    rng = random.Random(seed)
    docs = [(source, doc, *lines) for source, prefix in SOURCES for doc, lines in documents(prefix).items()]
    dropped = dict(zip(rng.sample(range(len(docs)), lonely), ["bn", "en"] * lonely))
    pages = []  # (doc index, lang, lines)
    for k, (_, _, bn, en) in enumerate(docs):
        pages += [(k, lang, lines) for lang, lines in (("bn", bn), ("en", en)) if dropped.get(k) != lang]
    rng.shuffle(pages)
    (out / "pages").mkdir(parents=True, exist_ok=True)
    where: dict[tuple[int, str], str] = {}
    in_warc = []
    for k, lang, lines in pages:
        name = f"{rng.getrandbits(40):010x}"
        kind = rng.choice(("warc", "warc", "html", "txt"))
        if kind == "warc":
            uri = f"{SITE}/a/{name}.html"
            in_warc.append((uri, page_html(lang, lines)))
        elif kind == "html":
            uri = f"pages/{name}.html"
            (out / uri).write_text(page_html(lang, lines), encoding="utf-8")
        else:
            uri = f"pages/{name}.txt"
            (out / uri).write_text("\n".join(lines) + "\n", encoding="utf-8")
        where[(k, lang)] = uri
    write_warc(out / "site.warc.gz", in_warc)
    with open(out / "gold.jsonl", "w", encoding="utf-8") as stream:
        for k, (source, doc, _, _) in enumerate(docs):
            line = {"doc": doc, "source": source, "bn": where.get((k, "bn")), "en": where.get((k, "en"))}
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "corpus" / "crawl")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--lonely", type=int, default=12, help="documents that keep one page only")
    a = ap.parse_args()
    for _, prefix in SOURCES:
        if not prefix.with_suffix(".ids").exists():
            sys.exit(f"{prefix}.ids not found: this script needs ../shared/corpus beside the repository")
    build(a.out, a.seed, a.lonely)


if __name__ == "__main__":
    main()
