"""An HTML page's article text, one paragraph a line, the page chrome left out.

    html -> (Lexbor, an HTML5 parser) tree -> chrome removed -> blocks -> lines

What counts as chrome is what the markup says: `<nav>`, `<aside>`, `<footer>`, a page
`<header>` (one inside `<article>` or `<main>` holds the title and stays), scripts,
styles, forms' controls, hidden elements, ARIA landmarks other than the main one, and
elements whose class or id names a menu, share bar, sidebar, "related" list, comments or
the like (never one holding the `<h1>` or most of the page's text). Of what is left,
each block element (`<p>`, `<h1>`–`<h6>`, `<li>`, `<div>`, `<td>`…) becomes one line, with
inline markup flattened and white space collapsed. A line that is mostly link text (a
menu item, a "related news" headline) is dropped, except the `<h1>`, and so is a line that
is all `<time>` (a dateline; a date inside a sentence stays).

A `<br>` inside a block breaks the line only where the text shows a break: two in a row,
after a sentence's end (`.`, `!`, `?`, `।`, `:` …, closing quotes allowed), or where the
script changes (Bangla on one side, Latin on the other); elsewhere it is a space (a
line wrapped for layout, inside a sentence).

No text is judged by its language or its words, so both languages of a mixed page, and
its title, come through whole.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from aligner.types import SHARED_STOPS, Lang

DROP_TAGS = frozenset({
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "embed", "canvas", "video", "audio", "button", "select", "input", "textarea", "nav",
    "aside", "footer", "dialog", "menu",
})
BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "legend", "li", "main", "ol", "p", "pre", "section", "summary", "table",
    "td", "th", "tr", "ul",
})
CHROME_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
    "toolbar", "button", "dialog", "alert", "tablist",
})
CHROME_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "sidebar",
    "share", "sharing", "social", "related", "comments", "comment", "advert", "advertisement",
    "ads", "cookie", "cookies", "newsletter", "subscribe", "masthead", "topbar", "toolbar",
    "pagination", "pager", "popup", "modal", "byline", "author", "dateline", "timestamp",
})
_WORD = re.compile(r"[a-z]+")
_SPACE = re.compile(r"\s+")
_ENDS_SENTENCE = re.compile(f"[{Lang.EN.stops}{SHARED_STOPS}{Lang.BN.stops}|:;…]" r"[\"'”’»)\]]*$")
_BANGLA = re.compile(f"[{Lang.BN.script}]")
_LATIN = re.compile(r"[A-Za-z]")  # ASCII only: `Lang.EN.letters` (accented too) would move `<br>` breaks
_BR = "\x00"  # marks a <br> in a line being built; never in decoded text (NULs are refused)


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """What is kept of a page. `max_bytes` bounds memory: Lexbor holds about 10x a page."""

    max_bytes: int = 10 * 2**20
    link_share: float = 0.8  # a line with this share of link text, or more, is chrome
    chrome_share: float = 0.5  # a class-named chrome element holding more of the text stays
    chrome_words: frozenset[str] = field(default=CHROME_WORDS)


def extract_text(html: str, options: ExtractOptions = ExtractOptions()) -> str:
    """The article text of `html`: one line per block, no empty lines ('' when none)."""
    tree = LexborHTMLParser(html)
    body = tree.body
    if body is None:
        return ""
    _drop_chrome(body, options)
    lines = _Lines(options.link_share)
    _walk(body, lines)
    lines.flush()
    return "\n".join(lines.out)


def _drop_chrome(body: LexborNode, options: ExtractOptions) -> None:
    for node in _outermost(body, _always_chrome):
        node.decompose()
    total = len(body.text(deep=True, strip=True))

    def named(node: LexborNode) -> bool:
        return (
            _named_chrome(node, options)
            and node.css_first("h1, main, article") is None
            and len(node.text(deep=True, strip=True)) <= options.chrome_share * total
        )

    for node in _outermost(body, named):
        node.decompose()


def _outermost(root: LexborNode, chosen) -> list[LexborNode]:
    """The elements below `root` that `chosen` picks, none inside another (so each can be
    removed without touching a node already gone with its parent)."""
    found, stack = [], _children(root)
    while stack:
        node = stack.pop()
        if not node.is_element_node:
            continue
        if chosen(node):
            found.append(node)
        else:
            stack.extend(_children(node))
    return found


def _children(node: LexborNode) -> list[LexborNode]:
    """The node's children, last first (a stack pops them in document order)."""
    out = []
    child = node.child
    while child is not None:
        out.append(child)
        child = child.next
    return out[::-1]


def _always_chrome(node: LexborNode) -> bool:
    tag = node.tag
    if tag in DROP_TAGS:
        return True
    attributes = node.attributes
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    if (attributes.get("role") or "").strip().lower() in CHROME_ROLES:
        return True
    style = (attributes.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return tag == "header" and not _inside(node, ("article", "main"))


def _named_chrome(node: LexborNode, options: ExtractOptions) -> bool:
    attributes = node.attributes
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
    return any(word in options.chrome_words for word in _WORD.findall(names))


def _inside(node: LexborNode, tags: tuple[str, ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


class _Lines:
    """Text gathered into lines: one per block, `<br>` resolved when the block ends."""

    def __init__(self, link_share: float):
        self.out: list[str] = []
        self._parts: list[str] = []
        self._link_chars = 0
        self._time_chars = 0
        self._heading = False
        self._link_share = link_share

    def text(self, text: str, in_link: bool, in_time: bool) -> None:
        self._parts.append(text)
        chars = len(_SPACE.sub("", text))
        self._link_chars += chars if in_link else 0
        self._time_chars += chars if in_time else 0

    def br(self) -> None:
        self._parts.append(_BR)

    def heading(self) -> None:
        self._heading = True

    def flush(self) -> None:
        raw, links, dates, heading = "".join(self._parts), self._link_chars, self._time_chars, self._heading
        self._parts, self._link_chars, self._time_chars, self._heading = [], 0, 0, False
        chars = len(_SPACE.sub("", raw.replace(_BR, "")))
        if not chars or dates == chars or (not heading and links >= self._link_share * chars):
            return
        for line in _resolve_breaks(raw):
            if line:
                self.out.append(line)


def _resolve_breaks(raw: str) -> list[str]:
    """The lines of a block: each `<br>` a break where the text shows one, else a space."""
    lines: list[str] = []
    breaks = 0
    for k, piece in enumerate(raw.split(_BR)):
        breaks += k > 0
        piece = _SPACE.sub(" ", piece).strip()
        if not piece:
            continue
        if not lines or breaks >= 2 or (breaks and _shows_break(lines[-1], piece)):
            lines.append(piece)
        else:
            lines[-1] = f"{lines[-1]} {piece}"
        breaks = 0
    return lines


def _shows_break(before: str, after: str) -> bool:
    if _ENDS_SENTENCE.search(before):
        return True
    last = before[-1:]
    first = after[:1]
    return bool((_BANGLA.match(last) and _LATIN.match(first)) or (_LATIN.match(last) and _BANGLA.match(first)))


@dataclass(frozen=True, slots=True)
class _Inside:
    """Which inline contexts a node is in: a link, a `<time>`, a `<pre>`."""

    link: bool = False
    time: bool = False
    pre: bool = False

    def enter(self, tag: str) -> _Inside:
        if tag not in ("a", "time", "pre"):
            return self
        return _Inside(self.link or tag == "a", self.time or tag == "time", self.pre or tag == "pre")


def _walk(root: LexborNode, lines: _Lines) -> None:
    """Feed the text below `root` to `lines` in document order, with a stack (pages nest deep)."""
    stack: list[tuple[LexborNode | None, _Inside]] = [(child, _Inside()) for child in _children(root)]
    while stack:
        node, inside = stack.pop()
        if node is None:  # the end of a block
            lines.flush()
            continue
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            lines.text(text.replace("\n", _BR + _BR) if inside.pre else text, inside.link, inside.time)
        elif tag == "br":
            lines.br()
        elif node.is_element_node:
            if tag in BLOCK_TAGS:
                lines.flush()
                if tag == "h1":
                    lines.heading()
                stack.append((None, inside))
            inner = inside.enter(tag)
            stack.extend((child, inner) for child in _children(node))
