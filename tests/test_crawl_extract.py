"""Article text from HTML: golden tables of small hand-written pages (both languages)."""
from __future__ import annotations

import pytest

from aligner.crawl import ExtractOptions, extract_text

EN = "The Prime Minister left Dhaka for Rome on Sunday."
BN = "প্রধানমন্ত্রী রবিবার ঢাকা থেকে রোমের উদ্দেশে যাত্রা করেন।"
EN2 = "She will reach Milan at 4 pm local time."
BN2 = "তিনি স্থানীয় সময় বিকাল ৪টায় মিলানে পৌঁছবেন।"
TITLE = "Hasina leaves for Rome / রোমের পথে হাসিনা"


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>T</title><style>p{{}}</style></head><body>{body}</body></html>"


GOLDEN = [
    pytest.param(f"<h1>{TITLE}</h1><p>{EN}</p><p>{BN}</p>", [TITLE, EN, BN], id="title-and-both-languages"),
    pytest.param(f"<p>{EN} {EN2}</p><p>{BN} {BN2}</p>", [f"{EN} {EN2}", f"{BN} {BN2}"], id="paragraph-a-line"),
    pytest.param(
        "<p>The <b>Prime</b> <i>Minister</i> left <a href='/d'>Dhaka</a> for <span>Rome</span> on Sunday.</p>",
        [EN], id="inline-markup-flattened"),
    pytest.param(f"<p>\n  The Prime Minister\n  left Dhaka for Rome\n  on Sunday.\n</p><p>{BN}</p>",
                 [EN, BN], id="source-line-wraps-collapsed"),
    pytest.param(
        f"<header><a href='/'>Daily Example</a><nav><a href='/'>Home</a> <a href='/bd'>বাংলাদেশ</a></nav>"
        f"<p>Tuesday, 24 September 2019</p></header><main><article><header><h1>{TITLE}</h1></header>"
        f"<p>{EN}</p><p>{BN}</p></article><aside><h2>Related</h2><p>Other news entirely.</p></aside></main>"
        f"<footer><p>© 2019 Daily Example. All rights reserved.</p></footer>",
        [TITLE, EN, BN], id="page-chrome-dropped-article-header-kept"),
    pytest.param(
        f"<p>{EN}</p><script>var headline = 'Not text';</script><noscript>Enable JavaScript</noscript>"
        f"<style>.x{{color:red}}</style><template><p>Hidden template</p></template><p>{BN}</p>",
        [EN, BN], id="scripts-styles-templates-dropped"),
    pytest.param(
        f"<p>{EN}</p><div hidden><p>Hidden one.</p></div><p style='display: none'>Hidden two.</p>"
        f"<p aria-hidden='true'>Hidden three.</p><div role='navigation'><p>Menu text</p></div><p>{BN}</p>",
        [EN, BN], id="hidden-and-aria-chrome-dropped"),
    pytest.param(
        f"<p>{EN}</p><ul><li><a href='/1'>A related headline here</a></li><li><a href='/2'>অন্য একটি শিরোনাম</a></li>"
        f"</ul><div class='share'><a href='#f'>Facebook</a> <button>Copy link</button></div><p>{BN}</p>",
        [EN, BN], id="link-lists-and-share-bar-dropped"),
    pytest.param(
        "<ul><li>Rice prices rose by <a href='/rice'>five percent</a> in a month.</li><li>চালের দাম বেড়েছে।</li></ul>",
        ["Rice prices rose by five percent in a month.", "চালের দাম বেড়েছে।"], id="list-items-with-a-link-kept"),
    pytest.param(
        f"<div class='related-news'><h3><a href='/x'>Old story</a></h3></div><div class='sidebar'><p>Weather: 30°C</p>"
        f"</div><div class='story-body'><p>{EN}</p></div><section id='comments'><p>Nice!</p></section>",
        [EN], id="class-named-chrome-dropped"),
    pytest.param(
        f"<div class='content-with-sidebar'><h1>{TITLE}</h1><p>{EN}</p></div>",
        [TITLE, EN], id="class-named-chrome-holding-the-title-kept"),
    pytest.param(f"<h1><a href='/this-story'>{TITLE}</a></h1><p>{EN}</p>", [TITLE, EN], id="linked-title-kept"),
    pytest.param(
        "<p><time datetime='2019-09-24'>24 September 2019</time></p><p>It happened on <time>Monday</time> night.</p>",
        ["It happened on Monday night."], id="dateline-dropped-inline-time-kept"),
    pytest.param(f"<p>{EN}<br>{EN2}</p>", [EN, EN2], id="br-after-a-sentence-breaks"),
    pytest.param("<p>The Prime Minister left Dhaka<br>for Rome on Sunday.</p>", [EN], id="br-inside-a-sentence-is-a-space"),
    pytest.param(f"<p>Hasina leaves for Rome<br>{BN}</p>", ["Hasina leaves for Rome", BN], id="br-where-the-script-changes"),
    pytest.param("<p>Hasina leaves for Rome<br><br>Dhaka, Sunday</p>", ["Hasina leaves for Rome", "Dhaka, Sunday"],
                 id="two-brs-break"),
    pytest.param(f"<div class='story'>{EN}<br> <br>\n{BN}<br/><br/>{EN2}</div>", [EN, BN, EN2], id="legacy-br-paragraphs"),
    pytest.param(f"<p>{EN}<br></p><p><br>{BN}</p>", [EN, BN], id="br-at-block-edges-ignored"),
    pytest.param("<pre>line one\nline two</pre>", ["line one", "line two"], id="pre-keeps-its-lines"),
    pytest.param("<table><tr><td>Dhaka</td><td>ঢাকা</td></tr></table>", ["Dhaka", "ঢাকা"], id="table-cells-lines"),
    pytest.param(f"<div>{EN}<p>{BN}</p>{EN2}</div>", [EN, BN, EN2], id="text-around-a-block"),
    pytest.param(f"<p>{EN}<p>{BN}<div>{EN2}</span></b>", [EN, BN, EN2], id="invalid-markup-repaired"),
    pytest.param(f"<p>{EN}&nbsp;&amp; more&hellip;</p>", [f"{EN} & more…"], id="entities-and-nbsp"),
    pytest.param("<nav><a href='/'>Home</a></nav><footer>© 2019</footer>", [], id="chrome-only-gives-nothing"),
]


@pytest.mark.parametrize(("body", "lines"), GOLDEN)
def test_golden(body: str, lines: list[str]) -> None:
    assert extract_text(page(body)).splitlines() == lines


def test_page_without_body_markup_is_its_text() -> None:
    assert extract_text(f"<title>T</title>{EN}") == EN


def test_link_share_is_a_knob() -> None:
    html = page("<p><a href='/a'>Mostly a link here</a> x.</p>")
    assert extract_text(html) == ""
    assert extract_text(html, ExtractOptions(link_share=1.0)) == "Mostly a link here x."


def test_deeply_nested_markup_is_read() -> None:
    assert extract_text("<div>" * 20000 + f"<p>{EN}</p>" + "<b>" * 5000 + BN) == f"{EN}\n{BN}"
