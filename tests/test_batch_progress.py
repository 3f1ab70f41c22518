"""Progress: a bar on a terminal, log lines otherwise; rates count only this run's work."""
from __future__ import annotations

import logging

import pytest

from aligner.batch.progress import Progress, format_seconds


def test_log_lines_without_a_terminal(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="aligner.batch")
    with Progress(total=4, done=1, bar=False, interval=0) as progress:
        assert progress.eta() is None
        progress.advance(sentences=30)
        assert progress.eta() is not None and progress.rate > 0
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0].startswith("2/4 articles, ") and "sentences/s, ETA " in lines[0]
    assert lines[-1].startswith("2/4 articles, ")  # a last line when the run ends


def test_bar_counts_articles_done_before(capsys: pytest.CaptureFixture[str]) -> None:
    with Progress(total=3, done=1, bar=True) as progress:
        progress.advance(sentences=10)
        progress.advance(sentences=10)
    err = capsys.readouterr().err
    assert "aligning" in err and "3/3" in err and "sent/s" in err


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0s"), (59.4, "59s"), (61, "1m01s"), (3600 * 2 + 60 * 5, "2h05m")]
)
def test_format_seconds(seconds: float, text: str) -> None:
    assert format_seconds(seconds) == text
