"""The batch command's own usage error (exit code 2, like every `AlignerError`)."""
from __future__ import annotations

from aligner.errors import AlignerError


class BatchUsageError(AlignerError, ValueError):
    """Bad batch arguments: no inputs found, two inputs with one output, a busy output folder."""
