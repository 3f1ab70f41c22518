"""An alignment in, a repaired alignment out: what the path shows the splitter missed.

    refine.py (the entry point: a segment cut where a 1-2 / 2-1 bead shows two sentences;
        two pairs joined where one side runs on across the other's paragraph break)
    trim.py (a pair's side cut where it holds a sentence the other side lacks)
    gaps.py (the few sentences the path left alone between two pairs, aligned again)
    run_ons.py (a pair whose two sides each run a heading or a post into the next sentence, cut)
    kept.py (a merged pair's member whose numbers or @handles the other side lacks)
    members.py (such a member left unpaired; members across a paragraph break the other side lacks)
    cuts.py (where a sentence may start inside a segment, and applying the cuts)

In: the `Alignment` of the search, the encoder and the scorer (to judge the pieces).
Out: an `Alignment` with segments cut, beads joined or members left unpaired.
"""
from aligner.repair.refine import refine

__all__ = ["refine"]
