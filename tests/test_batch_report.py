"""`aligner batch --report`: a report per aligned article and an index over the whole run,
through resumes and every engine (bundled model, one cached encoder for the session)."""
from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from html import unescape
from pathlib import Path
from urllib.parse import unquote

import pytest
from batch_helpers import small_articles, snapshot, summary_articles
from conftest import shared_encoder
from report_data import Tags

from aligner.align import Aligner
from aligner.batch import BatchOptions, BatchSummary, Record, Status, format_table, run_batch
from aligner.batch.reports import figures, index_entry
from aligner.text.io import read_text
from aligner.report import Summary, report_html, summarize

REPORTS = BatchOptions(report=True, progress=False)
PLAIN = BatchOptions(progress=False)
NESTED = "a/b/x y"  # a sub-folder and a space: the index link must be relative and quoted
UNALIGNED = {"broken": "failed: binary data", "empty": "skipped: empty"}


def _inputs(folder: Path) -> Path:
    """Three articles (one nested), one with Bangla only, a broken file and an empty one."""
    inputs = small_articles(folder, count=4, pairs=3)
    (inputs / "a" / "b").mkdir(parents=True)
    (inputs / "art03.txt").rename(inputs / f"{NESTED}.txt")
    bangla = (inputs / "art02.txt").read_text(encoding="utf-8").split("\n\n")[1]
    (inputs / "bangla-only.txt").write_text(bangla, encoding="utf-8")
    (inputs / "broken.txt").write_bytes(b"\x00binary")
    (inputs / "empty.txt").write_bytes(b"")
    return inputs


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, BatchSummary]:
    root = tmp_path_factory.mktemp("report")
    inputs = _inputs(root / "in")
    summary = run_batch([inputs], root / "out", REPORTS, backend=shared_encoder())
    return inputs, root / "out", summary


def _index(out: Path) -> list[tuple[str, str | None, list[str], bool]]:
    """(name, href, the other cells, flagged) of each index row, in order."""
    html = (out / "report" / "index.html").read_text(encoding="utf-8")
    rows = []
    for cls, body in re.findall(r'<tr class="(article[^"]*)">(.*?)</tr>', html):
        first, *cells = [unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", body)]
        link = re.fullmatch(r'<a href="([^"]*)">(.*)</a>', first)
        name, href = (link.group(2), link.group(1)) if link else (first, None)
        rows.append((name, href, cells, "suspicious" in cls.split()))
    return rows


def _reports(out: Path) -> dict[str, bytes]:
    folder = out / "report" / "articles"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.html"))}


@pytest.mark.model
def test_a_report_for_every_article_with_output(reported) -> None:
    inputs, out, summary = reported
    with_output = sorted(r.id for r in summary.records if r.status.has_output)
    assert with_output == sorted(["art00", "art01", "art02", NESTED, "bangla-only"])
    assert sorted(_reports(out)) == sorted(f"{i}.html" for i in with_output)
    aligner = Aligner(shared_encoder())
    for article_id in ("art00", NESTED, "bangla-only"):  # what `aligner align --report` writes
        source = inputs / f"{article_id}.txt"
        alignment = aligner.align_article(read_text(source))
        page = (out / "report" / "articles" / f"{article_id}.html").read_text(encoding="utf-8")
        assert page == report_html(alignment, shared_encoder(), title=str(source))
        rows = Tags(page).having("tr", "pair")
        assert len(rows) == len((out / f"{article_id}.tsv").read_text(encoding="utf-8").splitlines())


@pytest.mark.model
def test_index_lists_every_article_worst_first_with_working_links(reported) -> None:
    inputs, out, summary = reported
    rows = _index(out)
    assert sorted(name for name, *_ in rows) == sorted(r.id for r in summary.records)
    assert [flagged for *_, flagged in rows] == [True] * 3 + [False] * 4  # flagged first
    name, _, cells, _ = rows[0]  # no pair at all: the lowest mean, all unpaired
    assert (name, cells) == ("bangla-only", ["0", "3", "0", "100%", "–", "no pairs"])
    for name, href, cells, _ in rows[1:3]:  # not aligned: no link, no figures, the reason
        assert href is None and cells[:5] == ["–"] * 5 and cells[5].startswith(UNALIGNED[name])
    means = [float(cells[4]) for _, _, cells, _ in rows[3:]]
    assert means == sorted(means) and min(means) > 0.15  # then the lowest mean first
    links = {name: href for name, href, *_ in rows if href}
    assert links[NESTED] == "articles/a/b/x%20y.html"
    assert sorted(links) == sorted(r.id for r in summary.records if r.status.has_output)
    for name, href in links.items():  # relative to the index page, and to the right page
        target = out / "report" / unquote(href)
        assert target == out / "report" / "articles" / f"{name}.html"
        assert f"<title>{inputs / name}.txt</title>" in target.read_text(encoding="utf-8")


@pytest.mark.model
def test_index_figures_are_the_alignment_s(reported) -> None:
    inputs, out, summary = reported
    aligner = Aligner(shared_encoder())
    by_id = {r.id: r for r in summary.records}
    for article_id in ("art01", NESTED, "bangla-only"):
        expected = summarize(aligner.align_article(read_text(inputs / f"{article_id}.txt")))
        got = figures(by_id[article_id])
        assert got is not None and got == replace(expected, mean_score=got.mean_score)
        if expected.pairs:  # the record's mean, over the scores as written (4 decimals)
            assert got.mean_score == pytest.approx(expected.mean_score, abs=1e-4)
        else:
            assert got.mean_score is None
    assert figures(by_id["bangla-only"]).unpaired_bn == 3
    articles = {a["id"]: a for a in summary_articles(out)}
    assert (articles[NESTED]["unpaired_bn"], articles[NESTED]["boilerplate"]) == (0, 0)
    assert articles["broken"]["unpaired_bn"] is None


@pytest.mark.model
def test_summary_names_the_index(reported) -> None:
    _, out, summary = reported
    assert summary.report is not None
    assert summary.report.to_dict() == {"index": "report/index.html", "articles": 7, "flagged": 3}
    assert "report: 7 articles, 3 flagged, worst first in report/index.html" in format_table(summary)
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["report"]["flagged"] == 3


@pytest.mark.model
def test_rerun_skips_done_articles_and_still_lists_them_all(reported, tmp_path: Path) -> None:
    inputs, first_out, first = reported
    out = tmp_path / "out"
    shutil.copytree(first_out, out)
    before = snapshot(out)
    stamps = {name: (out / "report" / "articles" / name).stat().st_mtime_ns for name in _reports(out)}
    encoded = shared_encoder().encoded
    again = run_batch([inputs], out, REPORTS, backend=shared_encoder())
    assert shared_encoder().encoded == encoded  # nothing read into the model
    assert again.already_done == 5 and again.records == first.records
    after = snapshot(out)
    assert after.pop("summary.json") and before.pop("summary.json")
    assert after == before  # the index lists the same 7 articles, byte for byte
    assert {n: (out / "report" / "articles" / n).stat().st_mtime_ns for n in stamps} == stamps


@pytest.mark.model
def test_adding_report_on_a_rerun_writes_the_missing_reports(reported, tmp_path: Path) -> None:
    inputs, reference, _ = reported
    out = tmp_path / "out"
    plain = run_batch([inputs], out, PLAIN, backend=shared_encoder())
    assert not (out / "report").exists()  # no report files without --report
    assert plain.report is None and "report:" not in format_table(plain)
    assert all(r.unpaired_bn is None for r in plain.records)
    tsvs = {p.name: p.stat().st_mtime_ns for p in out.glob("*.tsv")}

    again = run_batch([inputs], out, REPORTS, backend=shared_encoder())
    assert again.already_done == 0  # every article needed its report
    assert _reports(out) == _reports(reference)
    assert (out / "report" / "index.html").read_bytes() == (reference / "report" / "index.html").read_bytes()
    assert {p.name: p.read_bytes() for p in out.glob("*.tsv")} == {
        p.name: p.read_bytes() for p in reference.glob("*.tsv")
    }
    assert set(tsvs) == {p.name for p in out.glob("*.tsv")}


@pytest.mark.model
def test_a_deleted_report_is_made_again_and_only_that_article_redone(reported, tmp_path: Path) -> None:
    inputs, first_out, _ = reported
    out = tmp_path / "out"
    shutil.copytree(first_out, out)
    (out / "report" / "articles" / f"{NESTED}.html").unlink()
    again = run_batch([inputs], out, REPORTS, backend=shared_encoder())
    assert again.already_done == 4
    assert _reports(out) == _reports(first_out)


@pytest.mark.model
def test_two_workers_write_the_same_reports(tmp_path: Path) -> None:
    inputs = small_articles(tmp_path / "in", count=4, pairs=4)
    (inputs / "empty.txt").write_bytes(b"")
    run_batch([inputs], tmp_path / "one", REPORTS, backend=shared_encoder())
    run_batch([inputs], tmp_path / "two", BatchOptions(report=True, workers=2, chunk_kb=1, progress=False))
    two, one = snapshot(tmp_path / "two"), snapshot(tmp_path / "one")
    assert two.pop("summary.json") and one.pop("summary.json")
    assert len([name for name in two if name.startswith("report/articles/")]) == 4
    assert two == one  # TSVs, reports and the index, byte for byte
    assert summary_articles(tmp_path / "two") == summary_articles(tmp_path / "one")


def test_index_entry_of_each_status() -> None:
    ok = Record("a/x", "in/a/x.txt", Status.OK, None, 5, 4, 4, 0.3, unpaired_bn=1, unpaired_en=0,
                boilerplate=1)
    entry = index_entry(ok)
    assert entry.link == "articles/a/x.html"
    assert entry.summary == Summary(pairs=4, unpaired_bn=1, unpaired_en=0, boilerplate=1,
                                    sentences=8, mean_score=0.3)
    failed = index_entry(Record("b", "in/b.txt", Status.FAILED, "binary data"))
    assert (failed.link, failed.summary, failed.problem) == (None, None, "failed: binary data")
    with pytest.raises(ValueError, match="a/x: aligned without its report figures"):
        index_entry(Record("a/x", "in/a/x.txt", Status.OK, None, 5, 4, 4, 0.3))
