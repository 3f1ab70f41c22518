"""The nouns of the pipeline: small frozen dataclasses and enums, no behaviour beyond views."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple


class Lang(str, enum.Enum):
    """The two languages we align; each knows its Unicode script and its sentence stops.

    The script properties are bodies of a regular-expression character class, to be used
    as `f"[{Lang.BN.script}]"` or combined (`f"[{Lang.EN.letters}{Lang.BN.letters}]"`).
    """

    BN = "bn"
    EN = "en"

    @property
    def label(self) -> str:
        return {"bn": "Bangla", "en": "English"}[self.value]

    @property
    def script(self) -> str:
        """Every character of its script: the Bengali block (letters, signs, digits, `৳`),
        or the Latin letters (ASCII, Latin-1, Latin Extended-A and -B)."""
        return _SCRIPT[self.value]

    @property
    def letters(self) -> str:
        """Its script without the digits."""
        return _LETTERS[self.value]

    @property
    def digits(self) -> str:
        """The digits written in it (Bangla text uses both `০-৯` and `0-9`)."""
        return _DIGITS[self.value]

    @property
    def stops(self) -> str:
        """The characters that end a sentence in it and in no other (`?` and `!`: `SHARED_STOPS`)."""
        return _STOPS[self.value]


_SCRIPT = {"bn": "\u0980-\u09FF", "en": "A-Za-z\u00C0-\u024F"}
_LETTERS = {"bn": "\u0980-\u09E5\u09F0-\u09FF", "en": _SCRIPT["en"]}
_DIGITS = {"bn": "\u09E6-\u09EF", "en": "0-9"}
_STOPS = {"bn": "।॥", "en": "."}
SHARED_STOPS = "?!"
# `text.translate(BN_DIGITS_AS_ASCII)` reads Bangla digits as 0-9 (`৪০%` -> `40%`)
BN_DIGITS_AS_ASCII = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")




class BeadKind(NamedTuple):
    """A bead's size: how many Bangla and English segments it joins; `str()` gives `1-1`, `2-1`, `0-1`."""

    bn: int
    en: int

    def __str__(self) -> str:
        return f"{self.bn}-{self.en}"

    @property
    def is_pair(self) -> bool:
        return self.bn > 0 and self.en > 0


ONE_TO_ONE = BeadKind(1, 1)
SKIP_BN = BeadKind(1, 0)  # a Bangla segment left unpaired
SKIP_EN = BeadKind(0, 1)  # an English segment left unpaired
Span = tuple[Lang, int, int]  # a run of segments: language, first segment, length


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of one language inside one paragraph (line) of the input text.

    `start`/`end` are character offsets into the original text; `text` may differ from
    `original[start:end]` only by normalisation (the Latin `I`/`|` typed for `।`).
    """

    text: str
    lang: Lang
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence (or sentence-like line) of one language, in reading order.

    `index` counts segments of the same language; `paragraph` is the input line it came
    from; `boilerplate` marks page furniture (dates, bylines, share links) that must never
    be paired.
    """

    text: str
    lang: Lang
    index: int
    start: int
    end: int
    paragraph: int
    boilerplate: bool = False


@dataclass(frozen=True, slots=True)
class Bead:
    """One step of the alignment path: Bangla and English segment indices, in order.

    An empty side makes a 1-0 / 0-1 bead: a sentence left unpaired.
    """

    bn: tuple[int, ...]
    en: tuple[int, ...]
    score: float = 0.0

    @property
    def kind(self) -> BeadKind:
        return BeadKind(len(self.bn), len(self.en))

    @property
    def is_pair(self) -> bool:
        return bool(self.bn) and bool(self.en)


@dataclass(frozen=True, slots=True)
class Pair:
    """A written translation pair: the joined text of one bead's two sides."""

    bn: str
    en: str
    score: float


@dataclass(frozen=True, slots=True)
class Alignment:
    """The result for one document: both segment lists and the full bead path."""

    bn: tuple[Segment, ...]
    en: tuple[Segment, ...]
    beads: tuple[Bead, ...] = field(default_factory=tuple)

    @property
    def missing(self) -> tuple[Lang, ...]:
        """Languages with no segment but boilerplate: nothing of theirs can be paired."""
        sides = ((Lang.BN, self.bn), (Lang.EN, self.en))
        return tuple(lang for lang, segs in sides if all(s.boilerplate for s in segs))

    def segments(self, bead: Bead) -> list[Segment]:
        """The segments a bead holds, Bangla first."""
        return [self.bn[i] for i in bead.bn] + [self.en[j] for j in bead.en]

    @property
    def pairs(self) -> list[Pair]:
        return [
            Pair(
                bn=" ".join(self.bn[i].text for i in b.bn),
                en=" ".join(self.en[j].text for j in b.en),
                score=b.score,
            )
            for b in self.beads
            if b.is_pair
        ]
