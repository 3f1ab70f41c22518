"""One frozen config for every knob that changes what the aligner finds.

    AlignerConfig(
        text=TextParams(...),      # segmentation: alternating lines, boilerplate (text/params.py)
        score=ScoreParams(...),    # bead margins and values (score/margins.py)
        search=SearchParams(...),  # full DP or corridor, and the corridor's shape (search/)
        repair=RepairParams(...),  # cuts, trims and joins after the path (repair/params.py)
        pairing=PairingParams(...),  # which pages of a crawl pair (`batch --pair-pages`, pairing/)
    )

Each field is documented once, where its class is defined; the defaults are the tuned
values. `with_settings(["repair.trim_length_factor=1.4", "search.corridor.radius=32"])`
gives a copy with some fields set from text (scripts and sweeps use it); `load_config(FILE,
settings)` reads a TOML file of the same fields (`[score]` `threshold = 0.05`) and then the
settings, as `--config` and `--set` do, and raises `ConfigError` (exit 2) naming what is wrong.
"""
from __future__ import annotations

import dataclasses
import enum
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from aligner.errors import AlignerError

from aligner.pairing.params import PairingParams
from aligner.repair.params import RepairParams
from aligner.score.margins import ScoreParams
from aligner.search import SearchParams
from aligner.text.params import TextParams


@dataclass(frozen=True, slots=True)
class AlignerConfig:
    """Everything the aligner can be tuned by, in the order the data flows."""

    text: TextParams = field(default_factory=TextParams)
    score: ScoreParams = field(default_factory=ScoreParams)
    search: SearchParams = field(default_factory=SearchParams)
    repair: RepairParams = field(default_factory=RepairParams)
    pairing: PairingParams = field(default_factory=PairingParams)
    embed_spans: bool = False  # embed every merged span on the path for real (see `align.py`)
    max_rounds: int = 5  # rounds of embedding the path's 2-2 spans for real and solving again

    def with_settings(self, settings: Iterable[str]) -> AlignerConfig:
        """A copy with each `PATH=VALUE` set (`score.threshold=0.05`), the value read as the field's type."""
        config = self
        for setting in settings:
            path, sep, value = setting.partition("=")
            if not sep:
                raise ValueError(f"expected PATH=VALUE, got {setting!r}")
            config = _set(config, path.strip().split("."), value.strip(), path.strip())
        return config


class ConfigError(AlignerError, ValueError):
    """A `--config` file or `--set` value that cannot be used: unknown field, bad value, bad TOML."""


def load_config(path: Path | None = None, settings: Sequence[str] = ()) -> AlignerConfig:
    """The defaults, then the fields of the TOML file `path`, then each `PATH=VALUE` of `settings`."""
    config = AlignerConfig()
    if path is not None:
        fields = _toml_settings(path)
        try:
            config = config.with_settings(fields)
        except ValueError as e:
            raise ConfigError(f"--config {path}: {e}") from e
    try:
        return config.with_settings(settings)
    except ValueError as e:
        raise ConfigError(f"--set: {e}") from e


def _toml_settings(path: Path) -> list[str]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # the `tomli` dependency, on Python 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as stream:
            data = tomllib.load(stream)
    except OSError as e:
        raise ConfigError(f"--config {path}: cannot read ({e.strerror or type(e).__name__})") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"--config {path}: not TOML ({e})") from e
    return list(_flatten(data, ""))


def _flatten(table: dict, prefix: str) -> Iterator[str]:
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}={value}"


def _set(obj: object, names: list[str], value: str, path: str) -> object:
    fields = {f.name for f in dataclasses.fields(obj)}
    if names[0] not in fields:
        choices = ", ".join(sorted(fields))
        raise ValueError(f"unknown setting {path!r}: {names[0]!r} is not one of {choices}")
    current = getattr(obj, names[0])
    if len(names) > 1:
        if not dataclasses.is_dataclass(current):
            raise ValueError(f"unknown setting {path!r}: {names[0]!r} has no fields")
        new = _set(current, names[1:], value, path)
    elif dataclasses.is_dataclass(current):
        raise ValueError(f"setting {path!r} needs a field name after it")
    else:
        new = _parse(current, value, path)
    return dataclasses.replace(obj, **{names[0]: new})


def _parse(current: object, value: str, path: str) -> object:
    try:
        if isinstance(current, bool) or current is None:
            if value.lower() in ("none", ""):
                return None
            if value.lower() not in ("true", "false", "1", "0"):
                raise ValueError(value)
            return value.lower() in ("true", "1")
        if isinstance(current, enum.Enum):
            return type(current)(value)
        return type(current)(value)
    except ValueError as e:
        raise ValueError(f"setting {path!r}: cannot read {value!r} as {type(current).__name__}") from e
