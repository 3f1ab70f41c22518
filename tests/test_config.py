"""`AlignerConfig`: one frozen config, set from text by scripts, checked by `Aligner`."""
from __future__ import annotations

import dataclasses

import pytest

from aligner import Aligner, AlignerConfig, RepairParams, ScoreParams, SearchMode
from aligner.embed import CachingEncoder
from synthetic import SyntheticEncoder


def test_with_settings_sets_nested_fields_by_their_type() -> None:
    config = AlignerConfig().with_settings([
        "repair.trim_length_factor=1.4", "score.neighbours=6", "search.corridor.radius=32",
        "search.mode=full", "search.progress=false", "embed_spans=true",
    ])
    assert config.repair.trim_length_factor == 1.4
    assert config.score.neighbours == 6 and isinstance(config.score.neighbours, int)
    assert config.search.corridor.radius == 32
    assert config.search.mode is SearchMode.FULL
    assert config.search.progress is False and config.embed_spans is True
    assert config.repair == dataclasses.replace(RepairParams(), trim_length_factor=1.4)


@pytest.mark.parametrize("setting", ["repair.nope=1", "score=1", "score.neighbours=many", "threshold"])
def test_bad_settings_name_the_problem(setting: str) -> None:
    with pytest.raises(ValueError, match="setting|PATH=VALUE"):
        AlignerConfig().with_settings([setting])


def test_config_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        AlignerConfig().repair.trim_gain = 0.1  # type: ignore[misc]


def test_aligner_takes_a_config_and_refuses_anything_else() -> None:
    encoder = CachingEncoder(SyntheticEncoder(4), progress=False)
    config = AlignerConfig(score=ScoreParams(threshold=0.05))
    assert Aligner(encoder, config).config is config
    with pytest.raises(TypeError, match="AlignerConfig"):
        Aligner(encoder, ScoreParams())  # type: ignore[arg-type]
