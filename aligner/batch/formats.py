"""Corpus file formats, one small writer each, fed pair by pair.

- `tsv`: `corpus.tsv`, a header `article bn en score`, then one tab-separated line per
  pair. Cells never hold tabs or line breaks and nothing is quoted (the MT convention):
  read it with `csv.reader(f, delimiter="\\t", quoting=csv.QUOTE_NONE)`.
- `moses`: `corpus.bn` and `corpus.en`, line-aligned plain text, what NMT toolkits read.
- `tmx`: `corpus.tmx`, TMX 1.4b: a `tu` per pair, the article id and score as `prop`s.
- `jsonl`: `corpus.jsonl`, one `{"article", "bn", "en", "score"}` object per line.
"""
from __future__ import annotations

import contextlib
import enum
import json
import re
from pathlib import Path
from typing import Protocol, TextIO
from xml.sax.saxutils import escape

from aligner.types import Pair
from aligner.writers import atomic_open, clean_cell

TOOL_VERSION = "0.1.0"
# Characters XML 1.0 does not allow at all, even escaped (C0 controls, lone surrogates...).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class CorpusFormat(str, enum.Enum):
    TSV = "tsv"
    MOSES = "moses"
    TMX = "tmx"
    JSONL = "jsonl"

    @property
    def files(self) -> tuple[str, ...]:
        if self is CorpusFormat.MOSES:
            return ("corpus.bn", "corpus.en")
        return (f"corpus.{self.value}",)


class CorpusWriter(Protocol):
    def write(self, article: str, pair: Pair) -> None: ...

    def close(self) -> None: ...


def open_writer(fmt: CorpusFormat, folder: Path, stack: contextlib.ExitStack) -> CorpusWriter:
    """A writer whose files replace the old ones only when `stack` closes without error."""
    streams = [stack.enter_context(atomic_open(folder / name)) for name in fmt.files]
    writer = {
        CorpusFormat.TSV: TsvWriter,
        CorpusFormat.MOSES: MosesWriter,
        CorpusFormat.TMX: TmxWriter,
        CorpusFormat.JSONL: JsonlWriter,
    }[fmt]
    return writer(*streams)


class TsvWriter:
    def __init__(self, stream: TextIO):
        self._out = stream
        stream.write("article\tbn\ten\tscore\n")

    def write(self, article: str, pair: Pair) -> None:
        self._out.write(f"{clean_cell(article)}\t{pair.bn}\t{pair.en}\t{pair.score:.4f}\n")

    def close(self) -> None:
        pass


class MosesWriter:
    def __init__(self, bn: TextIO, en: TextIO):
        self._bn, self._en = bn, en

    def write(self, article: str, pair: Pair) -> None:
        self._bn.write(pair.bn + "\n")
        self._en.write(pair.en + "\n")

    def close(self) -> None:
        pass


class JsonlWriter:
    def __init__(self, stream: TextIO):
        self._out = stream

    def write(self, article: str, pair: Pair) -> None:
        row = {"article": article, "bn": pair.bn, "en": pair.en, "score": round(pair.score, 4)}
        self._out.write(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass


class TmxWriter:
    """TMX 1.4b with Bangla as the source language."""

    def __init__(self, stream: TextIO):
        self._out = stream
        stream.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
            '<tmx version="1.4">\n'
            f'  <header creationtool="aligner" creationtoolversion="{TOOL_VERSION}" '
            'segtype="sentence" o-tmf="aligner" adminlang="en" srclang="bn" datatype="plaintext"/>\n'
            "  <body>\n"
        )

    def write(self, article: str, pair: Pair) -> None:
        self._out.write(
            "    <tu>"
            f'<prop type="x-article">{_xml(article)}</prop>'
            f'<prop type="x-score">{pair.score:.4f}</prop>'
            f'<tuv xml:lang="bn"><seg>{_xml(pair.bn)}</seg></tuv>'
            f'<tuv xml:lang="en"><seg>{_xml(pair.en)}</seg></tuv>'
            "</tu>\n"
        )

    def close(self) -> None:
        self._out.write("  </body>\n</tmx>\n")


def _xml(text: str) -> str:
    return escape(_NOT_XML.sub("", text))

