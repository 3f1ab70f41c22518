"""Text in, segments out: the first stage after the input is read.

    io.py (a file or stdin, text or an HTML page, to text)
    -> separate.py (each line cut into Bangla and English runs by script)
    -> split/ (each run cut into sentences, as offsets)
    -> boilerplate.py (page furniture flagged, never paired)
    -> segment.py (`Segment` lists, one per language)

In: the article's text (or one text per language). Out: `list[Segment]` per language.
"""
from aligner.text.segment import segment_article, segment_monolingual

__all__ = ["segment_article", "segment_monolingual"]
