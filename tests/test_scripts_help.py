"""Every script in `scripts/` answers `--help` with its usage and exit 0 (none runs its job);
a module that scripts import (`long_docs.py`) has no `__main__` and is not run."""
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = sorted(p for p in (Path(__file__).resolve().parents[1] / "scripts").glob("*.py")
                 if '__name__ == "__main__"' in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_help(script):
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert "usage:" in done.stdout
