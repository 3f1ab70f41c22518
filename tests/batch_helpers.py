"""Shared by the `test_batch*` files: small articles, readers of the outputs, a killed run."""
from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import DEV

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def small_articles(folder: Path, count: int = 6, pairs: int = 6) -> Path:
    """`count` articles of `pairs` real sentence pairs (English block, then Bangla), from the
    dev gold; a different slice of sentences for each."""
    folder.mkdir(parents=True, exist_ok=True)
    atoms = [
        atom
        for gold in sorted(DEV.glob("*.gold.json"))
        for atom in json.loads(gold.read_text(encoding="utf-8"))["atoms"].values()
    ]
    for k in range(count):
        chosen = atoms[k * pairs : (k + 1) * pairs]
        lines = [a["en"] for a in chosen] + [""] + [a["bn"] for a in chosen]
        (folder / f"art{k:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def read_corpus_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE))


def tmx_pairs(path: Path) -> list[tuple[str, str]]:
    """(bn, en) of every `tu`, after checking the TMX 1.4b structure we promise."""
    root = ET.parse(path).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    for attribute in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang",
                      "srclang", "datatype"):
        assert header.get(attribute), attribute
    body = root.find("body")
    assert body is not None
    out = []
    for tu in body:
        assert tu.tag == "tu"
        tuvs = tu.findall("tuv")
        assert [t.get(XML_LANG) for t in tuvs] == ["bn", "en"]
        segs = [t.find("seg") for t in tuvs]
        assert all(s is not None and s.text for s in segs)
        out.append((segs[0].text, segs[1].text))
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every visible output file under `folder` (state folder left out), by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    }


def summary_articles(folder: Path) -> list[dict]:
    return json.loads((folder / "summary.json").read_text(encoding="utf-8"))["articles"]


def kill_midway_then_rerun(command: list[str], out: Path, reference: Path, pattern: str, total: int) -> str:
    """Run `command`, SIGKILL it once a TSV matching `pattern` is written, check that only
    complete files are left, rerun it and check the outputs equal the `reference` run's;
    the rerun's stderr. On a busy machine the watcher may see the first file only after the
    run has written them all: then the kill is tried again on a fresh output folder."""
    for _ in range(3):
        run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 300
        while not list(out.rglob(pattern)) and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        run.send_signal(signal.SIGKILL)
        killed = run.wait() == -signal.SIGKILL
        finished = {p.relative_to(out): p.read_bytes() for p in out.rglob(pattern)}
        if killed and len(finished) < total:
            break
        shutil.rmtree(out)
    assert killed, "the run finished before it could be killed"
    assert 1 <= len(finished) < total
    assert all(data == (reference / name).read_bytes() for name, data in finished.items())
    assert not (out / "summary.json").exists() and not list(out.glob("corpus.*"))
    stamps = {name: _stamp(out / name) for name in finished}

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(finished)} already done by an earlier run" in rerun.stderr
    assert {name: _stamp(out / name) for name in finished} == stamps  # not rewritten
    assert not [p for p in out.rglob("*.tmp")]
    result, expected = snapshot(out), snapshot(reference)
    assert result.pop("summary.json") and expected.pop("summary.json")
    assert result == expected
    assert summary_articles(out) == summary_articles(reference)
    return rerun.stderr


def _stamp(path: Path) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_ino, stat.st_mtime_ns
