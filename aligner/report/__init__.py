"""HTML reports: one page per alignment (side-by-side beads and a similarity heat-map) and
an index page over many articles.

    >>> from aligner.report import report_html
    >>> html = report_html(alignment, aligner.encoder, title="article.txt")
"""
from aligner.report.build import report_html, similarity
from aligner.report.html import ScoreScale, render_report
from aligner.report.index import IndexEntry, flags, render_index, worst_first, write_index
from aligner.report.summary import Summary, SuspicionRule, summarize, suspicion

__all__ = [
    "IndexEntry", "ScoreScale", "Summary", "SuspicionRule", "flags", "render_index", "render_report",
    "report_html", "similarity", "summarize", "suspicion", "worst_first", "write_index",
]
