"""The tree is the pipeline: no module imports from a later stage, each stage says what it does."""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "aligner"

# In the order the data flows; a module may import from its own stage or an earlier one.
STAGES = [
    ("types", "errors"),
    ("crawl",),
    ("text",),
    ("embed",),
    ("score",),
    ("search",),
    ("repair",),
    ("pairing",),
    ("config", "align"),
    ("writers", "eval"),
    ("report",),
    ("batch",),
    ("cli",),
]
RANK = {name: rank for rank, names in enumerate(STAGES) for name in names}
PACKAGES = ["crawl", "text", "embed", "score", "search", "repair", "pairing", "eval", "report", "batch"]


def _stage(module: str) -> str:
    return module.split(".")[1]


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("aligner."):
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("aligner.")]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py" and p.name != "__main__.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_from_a_later_stage(path: Path) -> None:
    mine = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    assert mine in RANK, f"{mine} is in no stage: add it to STAGES (and to the README's tree)"
    later = [m for m in _imports(path) if RANK[_stage(m)] > RANK[mine]]
    assert not later, f"{path.relative_to(PACKAGE)} imports from a later stage: {later}"


@pytest.mark.parametrize("name", PACKAGES)
def test_each_stage_package_says_what_goes_in_and_comes_out(name: str) -> None:
    doc = importlib.import_module(f"aligner.{name}").__doc__
    assert doc and len(doc.strip().splitlines()) >= 2, f"aligner/{name}/__init__.py needs a docstring"
