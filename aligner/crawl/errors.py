"""What can go wrong with a crawled page, each with its own exit code.

All are `InputError`s (so `aligner batch` names the page failed with the message as its
reason); `aligner align` exits with the code of the kind, after one line on stderr.
"""
from __future__ import annotations

from aligner.errors import InputError


class PageError(InputError):
    """A page that gives no article text; the subclasses say why."""

    exit_code = 3


class UndecodablePage(PageError):
    """Binary data, or bytes that no character set decodes."""

    exit_code = 3


class EmptyPage(PageError):
    """Markup with no article text left after the page chrome is set aside."""

    exit_code = 4


class PageTooLarge(PageError):
    """More bytes than the page limit (`ExtractOptions.max_bytes`)."""

    exit_code = 5


class InvalidMarkup(PageError):
    """Markup the HTML parser cannot read at all."""

    exit_code = 6
