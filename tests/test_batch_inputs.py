"""Which articles a batch covers, their ids (output paths), and how they are chunked."""
from __future__ import annotations

from pathlib import Path

import pytest

from aligner.batch.engines import make_chunks
from aligner.batch.errors import BatchUsageError
from aligner.batch.inputs import discover
from aligner.batch.records import Article, Status


def _touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_is_searched_recursively_hidden_left_out(tmp_path: Path) -> None:
    for name in ("a/b/x.txt", "a/y.txt", "z.txt", "a/notes.md", ".git/h.txt", "a/.hidden.txt"):
        _touch(tmp_path / "in" / name)
    found = discover([tmp_path / "in"], cwd=tmp_path)
    articles, missing = found.articles, found.failed
    assert [a.id for a in articles] == ["a/b/x", "a/y", "z"]
    assert [a.output for a in articles] == ["a/b/x.tsv", "a/y.tsv", "z.tsv"]
    assert missing == []
    assert articles[0].source == tmp_path / "in" / "a" / "b" / "x.txt"
    assert articles[0].size == 1


def test_file_ids_relative_to_cwd_or_absolute_without_root(tmp_path: Path) -> None:
    inside = _touch(tmp_path / "work" / "crawl" / "p.txt")
    outside = _touch(tmp_path / "elsewhere" / "q.html")
    articles = discover([inside, outside], cwd=tmp_path / "work").articles
    ids = {a.source.name: a.id for a in articles}
    assert ids["p.txt"] == "crawl/p"
    assert ids["q.html"] == (tmp_path / "elsewhere" / "q").relative_to("/").as_posix()


def test_relative_file_inputs_resolve_against_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _touch(tmp_path / "site" / "a.txt")
    monkeypatch.chdir(tmp_path / "site")
    articles = discover([Path("../site/a.txt")]).articles
    assert [a.id for a in articles] == ["a"]


def test_from_list_reads_files_and_folders_and_reports_missing(tmp_path: Path) -> None:
    _touch(tmp_path / "one.txt")
    _touch(tmp_path / "dir" / "two.txt")
    listing = _touch(
        tmp_path / "list.txt",
        f"# crawl of today\n{tmp_path / 'one.txt'}\n\n  {tmp_path / 'dir'}  \n{tmp_path / 'gone.txt'}\n",
    )
    found = discover([], from_list=listing, cwd=tmp_path)
    articles, missing = found.articles, found.failed
    assert [a.id for a in articles] == ["one", "two"]
    assert [(r.id, r.status, r.reason) for r in missing] == [("gone", Status.FAILED, "no such file")]


def test_missing_command_line_input_is_bad_usage(tmp_path: Path) -> None:
    with pytest.raises(BatchUsageError, match="no such file or folder"):
        discover([tmp_path / "nope"])


def test_two_files_for_one_output_is_bad_usage(tmp_path: Path) -> None:
    _touch(tmp_path / "a" / "x.txt")
    _touch(tmp_path / "b" / "x.txt")
    with pytest.raises(BatchUsageError, match="would both be written to x.tsv"):
        discover([tmp_path / "a", tmp_path / "b"], cwd=tmp_path)


def test_same_file_twice_is_one_article(tmp_path: Path) -> None:
    path = _touch(tmp_path / "d" / "x.txt")
    articles = discover([tmp_path / "d", path, path], cwd=tmp_path / "d").articles
    assert [a.id for a in articles] == ["x"]


def test_missing_list_file_is_bad_usage(tmp_path: Path) -> None:
    with pytest.raises(BatchUsageError, match="--from-list"):
        discover([], from_list=tmp_path / "nope.txt")


def _articles(*sizes: int) -> list[Article]:
    return [Article(f"a{i}", Path(f"a{i}.txt"), size, 0) for i, size in enumerate(sizes)]


@pytest.mark.parametrize(
    ("sizes", "target", "expected"),
    [
        ((10, 10, 10, 10), 20, [2, 2]),
        ((10, 10, 10), 20, [2, 1]),
        ((50, 10, 10), 20, [1, 2]),  # a large article goes alone
        ((1, 1, 1), 1, [1, 1, 1]),
        ((), 20, []),
    ],
)
def test_chunks_by_input_size(sizes: tuple[int, ...], target: int, expected: list[int]) -> None:
    chunks = list(make_chunks(_articles(*sizes), target))
    assert [len(c) for c in chunks] == expected
    assert [a for c in chunks for a in c] == _articles(*sizes)
