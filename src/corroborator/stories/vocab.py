"""A streaming vocabulary: document frequencies that grow as articles arrive, for TF-IDF weights."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any


class StreamingIdf:
    """Document frequencies over every text seen so far; weights are computed at query time.

    IDF values are cached until the next `add`/`remove` (or `changed`), so scoring one article against
    a hundred candidates computes each shared key's weight once."""

    def __init__(self) -> None:
        self.documents = 0
        self.frequency: Counter[str] = Counter()
        self._idf: dict[str, float] = {}

    def add(self, keys: Iterable[str]) -> None:
        self.documents += 1
        self.frequency.update(set(keys))
        self._idf.clear()

    def add_many(self, documents: Iterable[Iterable[str]]) -> None:
        """Count many documents at once (the bulk form of `add`)."""
        frequency = self.frequency
        for keys in documents:
            self.documents += 1
            frequency.update(set(keys))
        self._idf.clear()

    def remove(self, keys: Iterable[str]) -> None:
        self.documents = max(0, self.documents - 1)
        self.frequency.subtract(set(keys))
        self._idf.clear()

    def changed(self) -> None:
        """Forget cached weights after `documents` or `frequency` were changed directly."""
        self._idf.clear()

    def idf(self, key: str) -> float:
        value = self._idf.get(key)
        if value is None:
            value = math.log((self.documents + 1) / (self.frequency.get(key, 0) + 1)) + 1.0
            self._idf[key] = value
        return value

    def weigh(self, terms: Mapping[str, int]) -> dict[str, float]:
        """A unit-length TF-IDF vector: (1 + log tf) * idf, normalised."""
        idf = self.idf
        weights = {t: (1.0 + math.log(count)) * idf(t) for t, count in terms.items() if count > 0}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {term: w / norm for term, w in weights.items()} if norm else {}

    def norm(self, terms: Mapping[str, int]) -> float:
        """Length of the TF-IDF vector of `terms` under the current frequencies."""
        idf = self.idf
        return math.sqrt(sum(((1.0 + math.log(c)) * idf(t)) ** 2 for t, c in terms.items() if c > 0))

    def cosine_to(self, unit: Mapping[str, float], terms: Mapping[str, int], norm: float) -> float:
        """Cosine between a unit TF-IDF vector and raw `terms` whose TF-IDF length is `norm`."""
        if not norm:
            return 0.0
        idf = self.idf
        shared = unit.keys() & terms.keys()
        dot = sum(unit[t] * (1.0 + math.log(terms[t])) * idf(t) for t in shared if terms[t] > 0)
        return dot / norm

    def overlap(self, left: set[str], right: set[str]) -> float:
        """IDF-weighted cosine between two sets of keys (0 when either is empty)."""
        if not left or not right:
            return 0.0
        idf = self.idf
        shared = sum(idf(k) ** 2 for k in left & right)
        left_mass = sum(idf(k) ** 2 for k in left)
        right_mass = sum(idf(k) ** 2 for k in right)
        return shared / math.sqrt(left_mass * right_mass)

    def __getstate__(self) -> dict[str, Any]:
        return {"documents": self.documents, "frequency": self.frequency}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.documents = state["documents"]
        self.frequency = state["frequency"]
        self._idf = {}


def sparse_cosine(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    """Dot product of two unit-length sparse vectors."""
    if len(left) > len(right):
        left, right = right, left
    return sum(weight * right.get(term, 0.0) for term, weight in left.items())
