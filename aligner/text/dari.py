"""Rewrite the Latin `I` or `|` that many sites type for `।` as `।` (one character for
one, so offsets stay valid) where it ends a Bangla sentence: right after a Bangla letter
(`করবেI`), after a space, closing quote or bracket that follows one (`দেন I`, `হয়েছে”|`),
or after a number (`2,706I মিস্টার`), each time before whitespace, a closer or the end,
or after a closing bracket before a Bangla word (`(SARS-CoV-2)| প্রাদুর্ভাবটি`); a
`|` right after a number, a `%` or a bracket in Bangla text (`সম্ভবত 5.7| COVID-19 এ`,
`15%| কীভাবে`), before whitespace or the end, where the last letter before it is Bangla; where
only a space or a number stands between it and the Bangla word, a Bangla word or the end
of the line must follow, so that an English `I` (`বললাম I am`) stays English. A Roman
numeral after a word that takes one (`টাইপ I মেমব্রেন প্রোটিন`, `ফেজ I ট্রায়াল`: type,
phase, class, grade, stage, level, category) is no stop.

Both the language separator and the Bangla splitter read text with it rewritten.
"""
from __future__ import annotations

import re

from aligner.types import Lang

BN, EN = Lang.BN, Lang.EN
_FAKE_DARI = re.compile(
    rf"(?:(?<=[{BN.script}])|(?<=[{BN.script}][\"'”’»)\]]))[I|](?=[\s\"'”’»)\]]|$)"
    rf"|(?:(?<=[{BN.letters}] )|(?<=[{EN.digits}{BN.digits}]))[I|](?=\s*$|\s+[{BN.script}“‘\"'])"
    rf"|(?<=[)\]])[I|](?=\s+[{BN.script}])"
    rf"|(?<=[{EN.digits}{BN.digits}%)\]])(?P<after_number>\|)(?=\s|$)",
    re.MULTILINE,
)


_LAST_LETTER = re.compile(rf"(?:([{BN.letters}])|[A-Za-z])[^A-Za-z{BN.letters}]*$")
_NUMBERED = re.compile(
    "(?:টাইপ|টাইপ-|ফেজ|ফেইজ|ক্লাস|ক্লাশ|গ্রেড|স্টেজ|স্টেজ-|লেভেল|ক্যাটাগরি|ক্যাটেগরি) ?$"
)


def normalize_dari(text: str) -> str:
    """Rewrite a Latin `I`/`|` typed for `।` (see above); length is unchanged."""
    return _FAKE_DARI.sub(_dari, text)


def _dari(match: re.Match) -> str:
    text, at = match.string, match.start()
    numbered = match.group() == "I" and _NUMBERED.search(text, max(0, at - 12), at)
    latin = match.group("after_number") is not None and not _after_bangla(text, at)
    return match.group() if numbered or latin else "।"


def _after_bangla(text: str, at: int) -> bool:
    """Whether the last letter before `at` on its line is Bangla (`সম্ভবত 5.7|`, `15%|`),
    not Latin (`Page 2 | Home`)."""
    letter = _LAST_LETTER.search(text, max(0, text.rfind("\n", 0, at) + 1), at)
    return letter is None or letter.group(1) is not None
