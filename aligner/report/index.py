"""The batch index page: one row per article, worst first, suspicious ones flagged.

`aligner batch … --report` writes a report per aligned article (`report/articles/ID.html`)
and this page last (`report/index.html`), over every article of the run, failed and skipped
ones included (see `aligner.batch.reports`). The gist, in one flat folder:

    entries = []
    for name, text in articles:
        alignment = aligner.align_article(text)
        atomic_write_text(DIR / f"{name}.html", report_html(alignment, aligner.encoder, title=name))
        entries.append(IndexEntry(name, f"{name}.html", summarize(alignment)))
    entries.append(IndexEntry("broken", None, None, problem="failed: binary data"))
    write_index(entries, DIR / "index.html")

An entry with a `problem` (an article that could not be aligned) has no report and no
figures; it is flagged with its problem. Order: flagged articles first (see
`summary.SuspicionRule`), then by mean pair score, lowest first (an article without pairs
counts as lowest), then by unpaired share.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

from aligner.report.assets import CSS
from aligner.report.summary import Summary, SuspicionRule, describe_rule, suspicion
from aligner.writers import atomic_write_text


@dataclass(frozen=True, slots=True)
class IndexEntry:
    name: str  # shown as is
    link: str | None  # path of the article's report relative to the index page (URL-quoted here)
    summary: Summary | None  # None: not aligned, see `problem`
    problem: str | None = None  # why it was not aligned ("failed: binary data"); flagged

    def __post_init__(self) -> None:
        if self.summary is None and self.problem is None:
            raise ValueError(f"index entry {self.name!r}: give its summary or its problem")


def flags(entry: IndexEntry, rule: SuspicionRule = SuspicionRule()) -> tuple[str, ...]:
    """Why `entry` is flagged: its problem, or what `suspicion` finds; empty when it is not."""
    if entry.problem is not None:
        return (entry.problem,)
    assert entry.summary is not None  # __post_init__
    return suspicion(entry.summary, rule)


def worst_first(
    entries: Iterable[IndexEntry], rule: SuspicionRule = SuspicionRule()
) -> list[IndexEntry]:
    def badness(e: IndexEntry) -> tuple[bool, float, float, str]:
        s = e.summary
        mean = -1e9 if s is None or s.mean_score is None else s.mean_score
        return (not flags(e, rule), mean, -s.unpaired_share if s else 0.0, e.name)

    return sorted(entries, key=badness)


def render_index(
    entries: Sequence[IndexEntry], title: str = "Alignment reports", rule: SuspicionRule = SuspicionRule()
) -> str:
    ordered = worst_first(entries, rule)
    flagged = sum(bool(flags(e, rule)) for e in ordered)
    rows = "".join(_row(e, rule) for e in ordered)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f'<p class="summary">{len(ordered)} articles, <span class="flag">{flagged} flagged</span>, '
        f"worst first. {escape(describe_rule(rule))}</p>"
        '<table class="index"><thead><tr><th>article</th><th>pairs</th><th>unpaired bn</th>'
        "<th>unpaired en</th><th>unpaired share</th><th>mean score</th><th>flag</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></body></html>\n"
    )


def write_index(entries: Sequence[IndexEntry], path: Path | str, title: str = "Alignment reports") -> None:
    """Write the index page for `entries` to `path`, atomically."""
    atomic_write_text(path, render_index(entries, title=title))


def _row(e: IndexEntry, rule: SuspicionRule) -> str:
    reasons = flags(e, rule)
    name = escape(e.name)
    if e.link is not None:
        name = f'<a href="{escape(quote(e.link, safe="/"))}">{name}</a>'
    s = e.summary
    if s is None:
        figures = "<td>–</td>" * 5
    else:
        mean = "–" if s.mean_score is None else f"{s.mean_score:.3f}"
        figures = (
            f"<td>{s.pairs}</td><td>{s.unpaired_bn}</td><td>{s.unpaired_en}</td>"
            f"<td>{s.unpaired_share:.0%}</td><td>{mean}</td>"
        )
    return (
        f'<tr class="article{" suspicious" if reasons else ""}">'
        f"<td>{name}</td>{figures}"
        f'<td class="flag">{escape("; ".join(reasons))}</td></tr>'
    )
