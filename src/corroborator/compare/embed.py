"""Clause embeddings for alignment, cached by text, from the one model of `corroborator.embeddings`."""

from __future__ import annotations

import functools

import numpy as np

from corroborator import embeddings
from corroborator.embeddings import DIMENSIONS, Vectors

CACHE_SIZE = 50_000
_CACHE: dict[str, Vectors] = {}


@functools.lru_cache(maxsize=4096)
def _encode_one(text: str) -> tuple[float, ...]:
    return tuple(float(x) for x in encode([text])[0])


def encode(texts: list[str]) -> Vectors:
    """Unit-length embeddings, one row per text; texts seen before in this process are not encoded again."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if missing:
        vectors = embeddings.encode(missing)
        if len(_CACHE) + len(missing) > CACHE_SIZE:
            _CACHE.clear()
        _CACHE.update(zip(missing, vectors, strict=True))
    return np.stack([_CACHE[t] for t in texts])


def word_similarity(left: str, right: str) -> float:
    """Cosine of the embeddings of two short texts (used to tell synonyms from different details)."""
    a = np.asarray(_encode_one(left.lower()), dtype=np.float32)
    b = np.asarray(_encode_one(right.lower()), dtype=np.float32)
    return float(a @ b)
