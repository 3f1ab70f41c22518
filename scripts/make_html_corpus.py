#!/usr/bin/env python3
"""Build HTML pages (and a WARC of them) from articles whose gold we have.

    python scripts/make_html_corpus.py                 # rebuilds corpus/html/ (seed 7)

For each article of `corpus/dev` (30) and `corpus/ntrex/dev` (62), one page:
every non-empty line of the article's text becomes a block (the bilingual title line an
`<h1>`, the others `<p>`; one template runs paragraphs together with `<br><br>`), a few
words wrapped in inline markup, and real page chrome around them in both languages: a
`<nav>` menu, a site header with the date, a byline, share buttons, a "related news" list
of other articles' headlines (real sentence pairs, so any that leaked would pair), "most
read" lists, a cookie notice, comments, a `<footer>`, scripts (JSON-LD holding the title
too) and styles. Three templates: semantic HTML5, a legacy `<div>`/`<table>` site, and a
news-portal grid. The text inside the article is the text file's, so a page aligned right
scores what its text scores.

Then `corpus/html/crawl.warc.gz`: a warcinfo record, a request and a response record per
page, and what a crawl also holds: a stylesheet and an image (not HTML), a revisit record,
a redirect, a 404 page, a metadata record and one truncated response (`WARC-Truncated`).
"""
from __future__ import annotations

import argparse
import html
import io
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aligner.types import Lang  # noqa: E402

SOURCES = (("dev", ROOT / "corpus" / "dev"), ("ntrex", ROOT / "corpus" / "ntrex" / "dev"))
HOSTS = ("news.example.com", "www.example.org", "bangla.example.net")

MENU = [("Home", "প্রচ্ছদ"), ("Bangladesh", "বাংলাদেশ"), ("International", "আন্তর্জাতিক"),
        ("Economy", "অর্থনীতি"), ("Sports", "খেলা"), ("Opinion", "মতামত"), ("Entertainment", "বিনোদন")]
SHARE = ["Share on Facebook", "ফেসবুকে শেয়ার করুন", "Tweet", "টুইট করুন", "Print", "প্রিন্ট"]
DATES = [("Tuesday, 24 September 2019", "মঙ্গলবার, ২৪ সেপ্টেম্বর ২০১৯"),
         ("Saturday, 27 April 2024", "শনিবার, ২৭ এপ্রিল ২০২৪"),
         ("Monday, 8 April 2021", "সোমবার, ০৮ এপ্রিল ২০২১")]
BYLINES = [("Staff Correspondent", "নিজস্ব প্রতিবেদক"), ("Diplomatic Correspondent", "কূটনৈতিক প্রতিবেদক"),
           ("International Desk", "আন্তর্জাতিক ডেস্ক")]
FOOTER = ["© 2019 The Daily Example. All rights reserved.", "সম্পাদক ও প্রকাশক: উদাহরণ মিডিয়া লিমিটেড",
          "Contact us", "যোগাযোগ", "Privacy policy", "গোপনীয়তা নীতি"]
COOKIE = "We use cookies to improve your experience on our site. আমাদের সাইটে কুকি ব্যবহার করা হয়।"
STYLE = "body{font-family:'Noto Sans Bengali',sans-serif;margin:0}.share a{margin:0 4px}nav a{padding:6px}"
SCRIPT = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());"
_BANGLA = re.compile(f"[{Lang.BN.script}]")
_LATIN = re.compile(r"[A-Za-z]")


def e(text: str) -> str:
    return html.escape(text, quote=True)


def is_title(line: str) -> bool:
    """make_coherent_docs / make_docs write the bilingual title as `EN/BN` or `BN / EN`."""
    return "/" in line and bool(_BANGLA.search(line)) and bool(_LATIN.search(line)) and len(line) < 400


def inline(line: str, rng: random.Random) -> str:
    """The line escaped, a word of a long line sometimes in `<b>`, `<em>`, `<a>` or `<span>`."""
    words = line.split(" ")
    if len(words) < 8 or rng.random() < 0.5:
        return e(line)
    k = rng.randrange(len(words))
    tag = rng.choice(["b", "em", "span", "a"])
    attrs = ' href="/topic/' + str(k) + '"' if tag == "a" else ""
    words = [e(w) for w in words]
    words[k] = f"<{tag}{attrs}>{words[k]}</{tag}>"
    return " ".join(words)


def body_blocks(lines: list[str], rng: random.Random) -> list[str]:
    out = []
    for line in lines:
        out.append(f"<h1>{e(line)}</h1>" if is_title(line) else f"<p>{inline(line, rng)}</p>")
    return out


def chrome(rng: random.Random, related: list[tuple[str, str]]) -> dict:
    return {
        "date": rng.choice(DATES), "byline": rng.choice(BYLINES),
        "related": rng.sample(related, min(len(related), 4)),
        "popular": rng.sample(related, min(len(related), 3)),
    }


def head(title: str, rng: random.Random) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title},
                    ensure_ascii=False)
    charset = '<meta charset="utf-8">' if rng.random() < 0.7 else \
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
    return (f"<head>{charset}<title>{e(title)} | The Daily Example</title>"
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<style>{STYLE}</style><script>{SCRIPT}</script>"
            f'<script type="application/ld+json">{ld}</script></head>')


def menu_links(sep: str = "") -> str:
    return sep.join(f'<a href="/{en.lower()}">{e(en)} / {e(bn)}</a>' for en, bn in MENU)


def semantic(lines: list[str], c: dict, title: str, rng: random.Random) -> str:
    related = "".join(f'<li><a href="/n/{k}">{e(en)}</a></li><li><a href="/b/{k}">{e(bn)}</a></li>'
                      for k, (en, bn) in enumerate(c["related"]))
    share = "".join(f'<a href="#share{k}">{e(s)}</a>' for k, s in enumerate(SHARE)) + "<button>Copy link</button>"
    return (
        f'<!DOCTYPE html>\n<html lang="bn">{head(title, rng)}<body>\n'
        f'<header class="site-header"><a class="logo" href="/">The Daily Example | দৈনিক উদাহরণ</a>'
        f'<p class="today">{e(c["date"][0])} | {e(c["date"][1])}</p>'
        f"<nav><ul>{''.join(f'<li>{a}</li>' for a in menu_links('|').split('|'))}</ul></nav></header>\n"
        f'<main><article><header><p class="byline">{e(c["byline"][0])} | {e(c["byline"][1])}</p>'
        f'<time datetime="2019-09-24">{e(c["date"][0])}</time></header>\n'
        + "\n".join(body_blocks(lines, rng)) +
        f'\n<div class="share">{share}</div></article>\n'
        f'<aside class="related"><h2>Related news / সম্পর্কিত খবর</h2><ul>{related}</ul></aside></main>\n'
        f"<footer><p>{'</p><p>'.join(e(f) for f in FOOTER)}</p></footer>\n"
        f"<script>document.querySelectorAll('.share a').forEach(a=>a.target='_blank')</script>"
        f"</body></html>\n"
    )


def legacy(lines: list[str], c: dict, title: str, rng: random.Random) -> str:
    """A 2000s site: tables and divs, class names for everything, paragraphs as `<br><br>`."""
    popular = "".join(f'<tr><td><a href="/p/{k}">{e(en)}</a><br><a href="/pb/{k}">{e(bn)}</a></td></tr>'
                      for k, (en, bn) in enumerate(c["popular"]))
    titles = [line for line in lines if is_title(line)]
    rest = [inline(line, rng) for line in lines if not is_title(line)]
    h1 = f"<h1 class=\"headline\">{e(titles[0])}</h1>" if titles else ""
    return (
        f"<html>{head(title, rng)}<body bgcolor=\"#ffffff\">\n"
        f'<div id="header"><div class="logo"><img src="/logo.gif" alt="logo"></div>'
        f'<div id="menu">{menu_links(" | ")}</div>'
        f'<div class="topbar">{e(c["date"][1])}</div></div>\n'
        f'<table width="100%"><tr><td valign="top" width="70%"><div class="content">{h1}\n'
        f'<div class="post-meta">{e(c["date"][0])}</div>\n'
        f'<div class="story">\n' + "\n<br><br>\n".join(rest) + "\n</div>\n"
        f'<div class="social-share"><a href="#fb">Facebook</a> <a href="#tw">Twitter</a> '
        f'<a href="#print">{e(SHARE[5])}</a></div></div></td>\n'
        f'<td valign="top"><div class="sidebar"><b>Most read / সর্বাধিক পঠিত</b><table>{popular}</table>'
        f"</div></td></tr></table>\n"
        f'<div id="footer">{" | ".join(e(f) for f in FOOTER)}</div></body></html>\n'
    )


def portal(lines: list[str], c: dict, title: str, rng: random.Random) -> str:
    """A current Bangla news portal: a grid of divs, cards of related news, comments, a cookie notice."""
    cards = "".join(
        f'<div class="card"><a href="/c/{k}"><img src="/i/{k}.jpg" alt=""></a>'
        f'<h3><a href="/c/{k}">{e(bn)}</a></h3><h3><a href="/ce/{k}">{e(en)}</a></h3></div>'
        for k, (en, bn) in enumerate(c["related"]))
    return (
        f'<!doctype html>\n<html lang="bn">{head(title, rng)}<body>\n'
        f'<div class="cookie-notice" role="dialog"><p>{e(COOKIE)}</p><button>OK</button></div>\n'
        f'<div class="topbar"><span>{e(c["date"][1])}</span> <span>{e(c["date"][0])}</span></div>\n'
        f'<nav class="navbar"><ul class="menu">'
        + "".join(f'<li><a href="/{en.lower()}">{e(bn)}</a></li>' for en, bn in MENU) + "</ul></nav>\n"
        f'<div class="container"><div class="row"><div class="col-md-8">\n'
        f'<ol class="breadcrumb"><li><a href="/">প্রচ্ছদ</a></li><li><a href="/bd">Bangladesh</a></li></ol>\n'
        f'<div class="author-info"><img src="/a.png" alt=""><span>{e(c["byline"][1])}</span> '
        f'<span>{e(c["byline"][0])}</span></div>\n'
        f'<div class="details">\n' + "\n".join(body_blocks(lines, rng)) + "\n</div>\n"
        f'<div class="social-share"><button>f</button><button>t</button><a href="#wa">WhatsApp</a></div>\n'
        f'<section id="comments"><h2>Comments / মন্তব্য</h2><div class="comment"><p>Very good report. '
        f'খুব ভালো প্রতিবেদন।</p></div><form><textarea></textarea><button>Post</button></form></section>\n'
        f'</div><div class="col-md-4"><div class="related-news"><h2>Related / আরও পড়ুন</h2>{cards}</div>'
        f"</div></div></div>\n"
        f"<footer class=\"footer\"><p>{'</p><p>'.join(e(f) for f in FOOTER)}</p></footer>\n"
        f"<script src=\"/js/app.js\"></script></body></html>\n"
    )


TEMPLATES = (semantic, legacy, portal)


def headlines(folder: Path) -> dict[str, tuple[str, str]]:
    """Each article's first gold atom (en, bn): the "related news" of the other pages."""
    out = {}
    for gold in sorted(folder.glob("*.gold.json")):
        atoms = json.loads(gold.read_text(encoding="utf-8"))["atoms"]
        first = atoms[min(atoms, key=int)]
        out[gold.name.removesuffix(".gold.json")] = (first["en"], first["bn"])
    return out


def make_page(lines: list[str], related: list[tuple[str, str]], rng: random.Random) -> str:
    """A page of one of the templates around the article's lines."""
    template = TEMPLATES[rng.randrange(len(TEMPLATES))]
    title = next((line for line in lines if is_title(line)), lines[0])
    return template(lines, chrome(rng, related), title, rng)


def build_pages(out: Path, seed: int) -> list[tuple[str, str, Path]]:
    """Write every page; (set, name, path) of each, in order."""
    rng = random.Random(seed)
    written = []
    for set_name, folder in SOURCES:
        heads = headlines(folder)
        target = out / set_name
        target.mkdir(parents=True, exist_ok=True)
        for text_file in sorted(folder.glob("*.txt")):
            name = text_file.stem
            lines = [line.strip() for line in text_file.read_text(encoding="utf-8").splitlines() if line.strip()]
            related = [h for other, h in heads.items() if other != name]
            page = make_page(lines, related, rng)
            path = target / f"{name}.html"
            path.write_text(page, encoding="utf-8")
            written.append((set_name, name, path))
    return written


def uri(set_name: str, name: str, k: int) -> str:
    return f"https://{HOSTS[k % len(HOSTS)]}/{set_name}/2019/09/{name}.html"


def build_warc(pages: list[tuple[str, str, Path]], path: Path) -> dict[str, int]:
    """The WARC of the pages and a crawl's other records; how many of each kind."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    counts = {"pages": 0, "not_html": 0, "revisit": 0, "http_status": 0, "truncated": 0, "other": 0}
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "make_html_corpus.py"}))
        counts["other"] += 1

        def response(target: str, status: str, ctype: str, body: bytes, **warc_headers: str):
            http = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            record = writer.create_warc_record(target, "response", payload=io.BytesIO(body),
                                               http_headers=http, warc_headers_dict=warc_headers or None)
            writer.write_record(record)
            return record

        for k, (set_name, name, page) in enumerate(pages):
            target = uri(set_name, name, k)
            request = StatusAndHeaders(f"GET /{set_name}/2019/09/{name}.html HTTP/1.1",
                                       [("Host", HOSTS[k % len(HOSTS)]), ("User-Agent", "example-crawler/1.0")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(target, "request", http_headers=request))
            counts["other"] += 1
            first = response(target, "200 OK", "text/html; charset=utf-8", page.read_bytes())
            counts["pages"] += 1
            if k == 0:
                response(f"https://{HOSTS[0]}/static/site.css", "200 OK", "text/css", STYLE.encode())
                response(f"https://{HOSTS[0]}/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
                counts["not_html"] += 2
                revisit = writer.create_revisit_record(
                    target, digest=first.rec_headers.get_header("WARC-Payload-Digest"),
                    refers_to_uri=target, refers_to_date=first.rec_headers.get_header("WARC-Date"))
                writer.write_record(revisit)
                counts["revisit"] += 1
                response(f"https://{HOSTS[1]}/old-url", "301 Moved Permanently", "text/html", b"<html>moved</html>")
                response(f"https://{HOSTS[1]}/missing.html", "404 Not Found", "text/html; charset=utf-8",
                         b"<html><body><h1>Page not found</h1><p>Sorry, this page does not exist.</p></body></html>")
                counts["http_status"] += 2
                cut = page.read_bytes()[:2000]
                response(f"https://{HOSTS[2]}/cut-short.html", "200 OK", "text/html; charset=utf-8", cut,
                         **{"WARC-Truncated": "length"})
                counts["truncated"] += 1
                meta = writer.create_warc_record(target, "metadata", payload=io.BytesIO(b"outlinks: 12\n"),
                                                 warc_content_type="application/warc-fields")
                writer.write_record(meta)
                counts["other"] += 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "corpus" / "html")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    pages = build_pages(a.out, a.seed)
    counts = build_warc(pages, a.out / "crawl.warc.gz")
    print(f"wrote {len(pages)} pages to {a.out} and {a.out / 'crawl.warc.gz'}: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
