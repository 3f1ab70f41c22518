"""Progress of a batch: articles done/total, sentences per second and ETA.

A bar on a terminal (stderr), plain log lines (`aligner.batch`, INFO) every `interval`
seconds otherwise. Articles already done by an earlier run count as done from the start;
rates and ETA count only this run's work.
"""
from __future__ import annotations

import contextlib
import logging
import sys
import time
from types import TracebackType

log = logging.getLogger("aligner.batch")


class Progress:
    def __init__(self, total: int, done: int = 0, bar: bool | None = None, interval: float = 10.0):
        self.total, self.done, self.sentences = total, done, 0
        self._start_done = done
        self._use_bar = sys.stderr.isatty() if bar is None else bar
        self._interval = interval
        self._bar = None
        self._redirect = contextlib.ExitStack()
        self._started = self._logged = 0.0

    def __enter__(self) -> Progress:
        self._started = self._logged = time.perf_counter()
        if self._use_bar:
            from tqdm import tqdm
            from tqdm.contrib.logging import logging_redirect_tqdm

            self._bar = tqdm(
                total=self.total, initial=self.done, unit="article", desc="aligning",
                file=sys.stderr, dynamic_ncols=True,
            )
            loggers = [logging.root, logging.getLogger("aligner")]  # warnings above the bar
            self._redirect.enter_context(logging_redirect_tqdm(loggers=loggers))
        return self

    def advance(self, sentences: int) -> None:
        """One more article done, with this many sentences."""
        self.done += 1
        self.sentences += sentences
        if self._bar is not None:
            self._bar.update(1)
            self._bar.set_postfix_str(f"{self.rate:.1f} sent/s", refresh=False)
        elif time.perf_counter() - self._logged >= self._interval:
            self._log_line()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self._started

    @property
    def rate(self) -> float:
        """Sentences aligned per second in this run."""
        return self.sentences / max(self.elapsed, 1e-9)

    def eta(self) -> float | None:
        """Seconds left at this run's article rate; None before the first article."""
        finished = self.done - self._start_done
        if not finished:
            return None
        return (self.total - self.done) * self.elapsed / finished

    def _log_line(self) -> None:
        self._logged = time.perf_counter()
        eta = self.eta()
        log.info(
            "%d/%d articles, %.1f sentences/s, ETA %s",
            self.done, self.total, self.rate, "?" if eta is None else format_seconds(eta),
        )

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._redirect.close()
        if self._bar is not None:
            self._bar.close()
        elif kind is None and self.done > self._start_done:
            self._log_line()


def format_seconds(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"
