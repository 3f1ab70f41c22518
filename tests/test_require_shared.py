"""`require_shared`: a test that needs `../shared` skips on a laptop but fails under CI."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import require_shared


def test_missing_shared_file_skips_without_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs ../shared"):
        require_shared(tmp_path / "eval" / "score.py")


def test_missing_shared_file_fails_under_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        require_shared(tmp_path / "eval" / "score.py")


def test_present_file_is_fine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")
    require_shared(tmp_path)
