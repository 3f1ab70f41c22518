"""The Ray engine on a local single-node cluster: the same 30 dev articles, the same pairs;
with --report, the same reports."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from batch_helpers import small_articles, snapshot, summary_articles
from conftest import DEV, shared_encoder
from warc_helpers import page_html, write_warc

from aligner.batch import BatchOptions, CorpusFormat, EngineKind, run_batch

ray = pytest.importorskip("ray")

pytestmark = [pytest.mark.model, pytest.mark.ray]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_ray_aligns_the_dev_articles_like_the_local_path(local_ray, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(DEV, inputs, ignore=shutil.ignore_patterns("*.gold.json"))
    (inputs / "broken.txt").write_bytes(b"\x00binary")
    corpus = (CorpusFormat.TSV, CorpusFormat.MOSES)
    local = run_batch([inputs], tmp_path / "local", BatchOptions(corpus=corpus, progress=False),
                      backend=shared_encoder())
    on_ray = run_batch(
        [inputs], tmp_path / "ray",
        BatchOptions(corpus=corpus, engine=EngineKind.RAY, workers=2, chunk_kb=32, progress=False),
    )
    assert on_ray.records == local.records
    assert len([r for r in on_ray.records if r.pairs]) == 30
    assert on_ray.exit_code == 1  # broken.txt, read by the driver, failed there
    ray_files, local_files = snapshot(tmp_path / "ray"), snapshot(tmp_path / "local")
    assert ray_files.pop("summary.json") and local_files.pop("summary.json")
    assert ray_files == local_files  # every TSV and the corpus, byte for byte
    assert summary_articles(tmp_path / "ray") == summary_articles(tmp_path / "local")


def test_ray_writes_the_same_reports(local_ray, tmp_path: Path) -> None:
    inputs = small_articles(tmp_path / "in", count=3, pairs=3)
    (inputs / "broken.txt").write_bytes(b"\x00binary")
    local = run_batch([inputs], tmp_path / "local", BatchOptions(report=True, progress=False),
                      backend=shared_encoder())
    on_ray = run_batch(
        [inputs], tmp_path / "ray",
        BatchOptions(report=True, engine=EngineKind.RAY, workers=2, chunk_kb=1, progress=False),
    )
    assert on_ray.records == local.records and on_ray.report == local.report
    ray_files, local_files = snapshot(tmp_path / "ray"), snapshot(tmp_path / "local")
    assert ray_files.pop("summary.json") and local_files.pop("summary.json")
    assert sorted(n for n in ray_files if n.startswith("report/")) == [
        "report/articles/art00.html", "report/articles/art01.html", "report/articles/art02.html",
        "report/index.html",
    ]
    assert ray_files == local_files  # TSVs, reports and the index, byte for byte

def test_ray_aligns_a_warc_like_the_local_path(local_ray, tmp_path: Path) -> None:
    """The driver ships each page's record bytes; the actors read the page from them."""
    texts = small_articles(tmp_path / "texts", count=3, pairs=4)
    pages = {f"https://example.com/{t.stem}.html": page_html(t.read_text(encoding="utf-8").split("\n"))
             for t in sorted(texts.glob("*.txt"))}
    warc = write_warc(tmp_path / "crawl.warc.gz", pages)
    corpus = (CorpusFormat.TSV, CorpusFormat.TMX)
    local = run_batch([warc], tmp_path / "local", BatchOptions(corpus=corpus, progress=False),
                      backend=shared_encoder())
    on_ray = run_batch([warc], tmp_path / "ray", BatchOptions(
        corpus=corpus, engine=EngineKind.RAY, workers=2, chunk_kb=1, progress=False))
    assert on_ray.records == local.records and on_ray.crawl == local.crawl
    assert {r.uri for r in on_ray.records} == set(pages) and on_ray.exit_code == 0
    ray_files, local_files = snapshot(tmp_path / "ray"), snapshot(tmp_path / "local")
    assert ray_files.pop("summary.json") and local_files.pop("summary.json")
    assert ray_files == local_files


def test_missing_ray_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from aligner.batch.ray_engine import _import_ray
    from aligner.errors import BackendError

    real_import = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray":
            raise ImportError("No module named 'ray'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(BackendError, match=r"pip install 'aligner\[ray\]'"):
        _import_ray()


def test_ray_aligns_page_pairs_like_the_local_path(local_ray, tmp_path: Path) -> None:
    from test_batch_pages import ntrex_site

    ntrex_site(tmp_path / "site")
    options = dict(pair_pages=True, corpus=(CorpusFormat.TSV,), progress=False)
    local = run_batch([tmp_path / "site"], tmp_path / "local", BatchOptions(**options), backend=shared_encoder())
    on_ray = run_batch([tmp_path / "site"], tmp_path / "ray",
                       BatchOptions(**options, engine=EngineKind.RAY, workers=2, chunk_kb=1))
    assert on_ray.records == local.records and on_ray.pages == local.pages
    ray_files, local_files = snapshot(tmp_path / "ray"), snapshot(tmp_path / "local")
    assert ray_files.pop("summary.json") and local_files.pop("summary.json")
    assert ray_files == local_files and "pages.tsv" in ray_files
