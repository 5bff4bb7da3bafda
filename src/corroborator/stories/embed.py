"""Meaning vectors of article leads (title + opening), from the one model of `corroborator.embeddings`.

Each vector is computed once per article id and kept in `Embedder.cache`. Leads are encoded one a batch, so an
article's vector is the same whichever articles arrive with it (ingest, batch shards, Ray actors); batching
them brings no speed on one core."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from corroborator import embeddings
from corroborator.embeddings import DIMENSIONS

__all__ = ["DIMENSIONS", "Embedder", "Vector"]

Vector = npt.NDArray[np.float32]


class Embedder:
    """Unit-length sentence vectors for texts keyed by article id; the model is loaded on first use."""

    def __init__(self) -> None:
        self.cache: dict[str, Vector] = {}

    def vectors(self, keys: Sequence[str], texts: Sequence[str]) -> list[Vector]:
        """Vectors for `texts`, computing only those whose key is not cached yet."""
        missing = [(key, text) for key, text in zip(keys, texts, strict=True) if key not in self.cache]
        if missing:
            encoded = embeddings.encode([text or " " for _, text in missing], batch_size=1)
            for (key, _), vector in zip(missing, encoded, strict=True):
                self.cache[key] = vector
        return [self.cache[key] for key in keys]

    def vector(self, key: str, text: str) -> Vector:
        return self.vectors([key], [text])[0]
