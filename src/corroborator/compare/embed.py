"""Clause embeddings for alignment, cached by text, from the one model of `corroborator.embeddings`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import numpy as np

from corroborator import embeddings
from corroborator.compare.text import content_set
from corroborator.embeddings import DIMENSIONS, Vectors

CACHE_SIZE = 50_000
_CACHE: dict[str, Vectors] = {}
_STATIC: dict[str, Vectors] = {}


@functools.lru_cache(maxsize=4096)
def _encode_one(text: str) -> tuple[float, ...]:
    return tuple(float(x) for x in encode([text])[0])


def encode(texts: list[str]) -> Vectors:
    """Unit-length embeddings, one row per text; texts seen before in this process are not encoded again."""
    return _cached_rows(texts, _CACHE, lambda missing: embeddings.encode(missing, float32=True))


def static_vectors(texts: list[str]) -> Vectors:
    """Cheap stand-ins for clause embeddings: the mean of the model's input vectors of each text's
    content-word pieces, less the mean input vector, at unit length (no transformer run: microseconds).
    Texts seen before in this process (a copy's clauses, a repeated line) are not computed again."""
    return _cached_rows(texts, _STATIC, _static_rows)


def _cached_rows(
    texts: list[str], cache: dict[str, Vectors], compute: Callable[[list[str]], Vectors]
) -> Vectors:
    """The rows of `texts`, computing those not in `cache`; a full cache is emptied before the new rows go
    in, after the rows this call needs were taken from it."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    rows = {text: cache[text] for text in texts if text in cache}
    missing = [text for text in dict.fromkeys(texts) if text not in rows]
    if missing:
        computed = dict(zip(missing, compute(missing), strict=True))
        if len(cache) + len(missing) > CACHE_SIZE:
            cache.clear()
        cache.update(computed)
        rows.update(computed)
    return np.stack([rows[text] for text in texts])


def _static_rows(texts: list[str]) -> Vectors:
    table, centre = _input_table()
    tokenizer = embeddings.get_model().tokenizer
    words = [" ".join(sorted(content_set(text))) or text.lower() for text in texts]
    rows = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, pieces in enumerate(tokenizer(words, add_special_tokens=False)["input_ids"]):
        if pieces:
            vector = table[pieces].mean(axis=0) - centre
            rows[row] = vector / max(float(np.linalg.norm(vector)), 1e-9)
    return rows


@functools.cache
def _input_table() -> tuple[Vectors, Vectors]:
    transformer: Any = embeddings.get_model()[0]
    weights = transformer.auto_model.embeddings.word_embeddings.weight
    table = np.asarray(weights.detach().numpy(), dtype=np.float32)
    return table, table.mean(axis=0)


def word_similarity(left: str, right: str) -> float:
    """Cosine of the embeddings of two short texts (used to tell synonyms from different details)."""
    a = np.asarray(_encode_one(left.lower()), dtype=np.float32)
    b = np.asarray(_encode_one(right.lower()), dtype=np.float32)
    return float(a @ b)
