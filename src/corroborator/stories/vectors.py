"""The vector index: lead vectors in a usearch HNSW index (cosine, half precision)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from usearch.index import Index

from corroborator.stories.embed import Vector


class VectorIndex:
    """Nearest-neighbour search over article lead vectors, keyed by integer index keys."""

    def __init__(self, dimensions: int, index: Index | None = None) -> None:
        self.dimensions = dimensions
        self.index = index if index is not None else Index(ndim=dimensions, metric="cos", dtype="f16")

    def add(self, key: int, vector: Vector) -> None:
        self.index.add(key, np.asarray(vector, dtype=np.float32))

    def add_many(self, keys: Sequence[int], vectors: npt.NDArray[np.float32], threads: int = 0) -> None:
        """Add a (len(keys), dimensions) matrix of vectors at once (`threads` 0: every core)."""
        matrix = np.asarray(vectors, dtype=np.float32)
        self.index.add(np.asarray(keys, dtype=np.uint64), matrix, threads=threads)

    def nearest(self, vector: Vector, count: int) -> list[int]:
        if len(self.index) == 0:
            return []
        matches = self.index.search(np.asarray(vector, dtype=np.float32), count)
        return [int(key) for key in matches.keys]

    def get(self, keys: Sequence[int]) -> list[Vector | None]:
        if not keys:
            return []
        found: Any = self.index.get(np.asarray(keys, dtype=np.uint64))
        return [None if v is None else np.asarray(v, dtype=np.float32) for v in found]

    def __len__(self) -> int:
        return len(self.index)

    def save(self, path: Path) -> None:
        self.index.save(str(path))

    @classmethod
    def restore(cls, path: Path, dimensions: int) -> VectorIndex:
        index = Index(ndim=dimensions, metric="cos", dtype="f16")
        index.load(str(path))
        return cls(dimensions, index)
