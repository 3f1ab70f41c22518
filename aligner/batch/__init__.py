"""Batch alignment for corpus building: many articles, one model load per process, resumable.

    from aligner.batch import BatchOptions, CorpusFormat, run_batch
    summary = run_batch([Path("crawl/")], Path("out/"), BatchOptions(corpus=(CorpusFormat.MOSES,)))

Library code only; `aligner batch` is the command-line front (see docs/batch.md).
"""
from aligner.batch.corpus import CorpusFilter, CorpusReport
from aligner.batch.engines import EngineKind
from aligner.batch.errors import BatchUsageError
from aligner.batch.formats import CorpusFormat
from aligner.batch.records import Article, Record, Status
from aligner.batch.reports import ReportIndex
from aligner.batch.runner import BatchOptions, run_batch
from aligner.batch.summary import BatchSummary, format_table

__all__ = [
    "Article", "BatchOptions", "BatchSummary", "BatchUsageError", "CorpusFilter", "CorpusFormat",
    "CorpusReport", "EngineKind", "Record", "ReportIndex", "Status", "format_table", "run_batch",
]
