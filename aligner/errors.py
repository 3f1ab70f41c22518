"""Errors a user can cause. The CLI maps each to one line on stderr and an exit code."""
from __future__ import annotations


class AlignerError(Exception):
    """Base class: a problem with the user's input or setup, not a bug."""

    exit_code = 2


class InputError(AlignerError):
    """An input file that cannot be read as text: missing, binary, wrong encoding, empty."""


class BackendError(AlignerError):
    """An embedding backend that cannot be created: missing extra, bad model path."""


class OutputError(AlignerError):
    """An output file that cannot be written: a missing folder, no permission, a full disk."""
