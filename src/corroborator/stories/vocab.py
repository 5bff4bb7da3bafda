"""A streaming vocabulary: document frequencies that grow as articles arrive, for TF-IDF weights."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping


class StreamingIdf:
    """Document frequencies over every text seen so far; weights are computed at query time."""

    def __init__(self) -> None:
        self.documents = 0
        self.frequency: Counter[str] = Counter()

    def add(self, keys: Iterable[str]) -> None:
        self.documents += 1
        self.frequency.update(set(keys))

    def remove(self, keys: Iterable[str]) -> None:
        self.documents = max(0, self.documents - 1)
        self.frequency.subtract(set(keys))

    def idf(self, key: str) -> float:
        return math.log((self.documents + 1) / (self.frequency.get(key, 0) + 1)) + 1.0

    def weigh(self, terms: Mapping[str, int]) -> dict[str, float]:
        """A unit-length TF-IDF vector: (1 + log tf) * idf, normalised."""
        weights = {t: (1.0 + math.log(count)) * self.idf(t) for t, count in terms.items() if count > 0}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {term: w / norm for term, w in weights.items()} if norm else {}

    def norm(self, terms: Mapping[str, int]) -> float:
        """Length of the TF-IDF vector of `terms` under the current frequencies."""
        return math.sqrt(sum(((1.0 + math.log(c)) * self.idf(t)) ** 2 for t, c in terms.items() if c > 0))

    def cosine_to(self, unit: Mapping[str, float], terms: Mapping[str, int], norm: float) -> float:
        """Cosine between a unit TF-IDF vector and raw `terms` whose TF-IDF length is `norm`."""
        if not norm:
            return 0.0
        shared = unit.keys() & terms.keys()
        dot = sum(unit[t] * (1.0 + math.log(terms[t])) * self.idf(t) for t in shared if terms[t] > 0)
        return dot / norm

    def overlap(self, left: set[str], right: set[str]) -> float:
        """IDF-weighted cosine between two sets of keys (0 when either is empty)."""
        if not left or not right:
            return 0.0
        shared = sum(self.idf(k) ** 2 for k in left & right)
        left_mass = sum(self.idf(k) ** 2 for k in left)
        right_mass = sum(self.idf(k) ** 2 for k in right)
        return shared / math.sqrt(left_mass * right_mass)


def sparse_cosine(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    """Dot product of two unit-length sparse vectors."""
    if len(left) > len(right):
        left, right = right, left
    return sum(weight * right.get(term, 0.0) for term, weight in left.items())
