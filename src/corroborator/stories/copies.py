"""Near-duplicate and syndicated copies: MinHash over word 3-shingles, candidates from LSH buckets.

An exact copy (same words) is found by a hash of its word sequence without touching the LSH, so
thousands of identical copies cost one dictionary look-up each."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from corroborator.stories.text import shingles
from corroborator.types import CopyLink

PERMUTATIONS = 64
COPY_JACCARD = 0.5
"""Articles whose shingle sets are at least this alike (Jaccard) are copies of one another."""
MIN_SHINGLES = 8
"""Texts shorter than this many shingles are too short to call copies (except exact ones)."""
MAX_MATCHES = 50


@dataclass(frozen=True)
class CopyEntry:
    """What a copy decision needs to know about an indexed article."""

    article_id: str
    published: str | None
    length: int
    shingle_count: int


def _original_first(left: CopyEntry, right: CopyEntry) -> tuple[CopyEntry, CopyEntry]:
    """(original, copy): the earlier published one is the original, then the longer one, then `left`."""
    left_key = (left.published or "9999", -left.length)
    right_key = (right.published or "9999", -right.length)
    return (right, left) if right_key < left_key else (left, right)


def containment(jaccard: float, copy_size: int, original_size: int) -> float:
    """Share of the copy's shingles found in the original, from their Jaccard and set sizes."""
    if copy_size <= 0:
        return 0.0
    shared = jaccard * (copy_size + original_size) / (1.0 + jaccard)
    return max(0.0, min(1.0, shared / copy_size))


class CopyDetector:
    """Finds, for each new article, an indexed article it copies (or that copies it)."""

    def __init__(self, threshold: float = COPY_JACCARD, permutations: int = PERMUTATIONS) -> None:
        self.threshold = threshold
        self.permutations = permutations
        self.lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
        self.signatures: dict[str, MinHash] = {}
        self.entries: dict[str, CopyEntry] = {}
        self.exact: dict[str, str] = {}

    def signature(self, shingle_set: set[str]) -> MinHash:
        minhash = MinHash(num_perm=self.permutations)
        minhash.update_batch([s.encode("utf-8") for s in shingle_set])
        return minhash

    def add(self, entry: CopyEntry, tokens: list[str]) -> tuple[CopyLink | None, list[str]]:
        """Index an article; return the copy link to its best match (if any) and its LSH bucket mates."""
        digest = hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()
        self.entries[entry.article_id] = entry
        if tokens and digest in self.exact:
            original = self.exact[digest]
            return self._link(entry, self.entries[original], 1.0), [original]
        if tokens:
            self.exact[digest] = entry.article_id
        shingle_set = shingles(tokens)
        if len(shingle_set) < MIN_SHINGLES:
            return None, []
        minhash = self.signature(shingle_set)
        best: tuple[float, str] | None = None
        mates = list(self.lsh.query(minhash))[:MAX_MATCHES]
        for other in mates:
            jaccard = minhash.jaccard(self.signatures[other])
            if jaccard >= self.threshold and (best is None or jaccard > best[0]):
                best = (jaccard, other)
        self.lsh.insert(entry.article_id, minhash)
        self.signatures[entry.article_id] = minhash
        if best is None:
            return None, mates
        return self._link(entry, self.entries[best[1]], best[0]), mates

    def _link(self, new: CopyEntry, old: CopyEntry, jaccard: float) -> CopyLink:
        original, copy = _original_first(old, new)
        overlap = containment(jaccard, copy.shingle_count, original.shingle_count)
        return CopyLink(article=copy.article_id, copy_of=original.article_id, overlap=round(overlap, 3))
