"""Pairs and gold in, scores out: exactly as the reference scorer counts.

    gold.py (a gold file's atoms and beads; a predicted pair mapped to atoms by exact text)
    evaluate.py (a folder of predictions against a folder of gold: totals, layouts, errors)
"""
