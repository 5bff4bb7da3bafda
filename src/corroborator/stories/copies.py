"""Near-duplicate and syndicated copies: MinHash over word 3-shingles, candidates from LSH buckets.

The signatures, the LSH buckets (one code per band, as datasketch's MinHashLSH would band them) and the
exact-copy digests live in SQLite (in memory, or the index's `copies.sqlite`), so a million articles
cost disk, not memory. An exact copy (same words) is found by a hash of its word sequence without
touching the LSH, so thousands of identical copies cost one look-up each."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH
from datasketch.hashfunc import sha1_hash32

from corroborator.errors import StoreError
from corroborator.stories.text import shingles
from corroborator.types import CopyLink

PERMUTATIONS = 64
COPY_JACCARD = 0.5
"""Articles whose shingle sets are at least this alike (Jaccard) are copies of one another."""
MIN_SHINGLES = 8
"""Texts shorter than this many shingles are too short to call copies (except exact ones)."""
MAX_MATCHES = 50
HASHED_SHINGLES = 1 << 18
SCHEMA = """
CREATE TABLE IF NOT EXISTS copy_entry (key INTEGER PRIMARY KEY, article_id TEXT UNIQUE NOT NULL,
    published TEXT, length INTEGER NOT NULL, shingle_count INTEGER NOT NULL, signature BLOB);
CREATE TABLE IF NOT EXISTS copy_exact (digest BLOB PRIMARY KEY, key INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS copy_bucket (code INTEGER NOT NULL, key INTEGER NOT NULL,
    PRIMARY KEY (code, key)) WITHOUT ROWID;
"""
Signature = npt.NDArray[np.uint32]
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))


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


def band_ranges(threshold: float, permutations: int) -> list[tuple[int, int]]:
    """The (start, end) of each LSH band, as datasketch chooses them for this threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
    return [(int(start), int(end)) for start, end in lsh.hashranges]


def band_codes(signatures: Signature, ranges: Sequence[tuple[int, int]]) -> npt.NDArray[np.int64]:
    """One 64-bit code per (signature, band): equal bands give equal codes (rows: signatures)."""
    rows = np.atleast_2d(signatures).astype(np.uint64)
    codes = np.empty((rows.shape[0], len(ranges)), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band, (start, end) in enumerate(ranges):
            code = np.full(rows.shape[0], np.uint64(band + 1) * _MIX[0], dtype=np.uint64)
            for column in range(start, end):
                code = (code ^ rows[:, column]) * _MIX[1]
                code ^= code >> np.uint64(31)
            codes[:, band] = (code * _MIX[2]) ^ (code >> np.uint64(29))
    return codes.view(np.int64)


@lru_cache(maxsize=HASHED_SHINGLES)
def shingle_hash(shingle: str) -> int:
    """datasketch's own 32-bit SHA1 hash of a shingle, remembered: shingles recur across articles."""
    return int(sha1_hash32(shingle.encode("utf-8")))


def text_digest(tokens: Sequence[str]) -> bytes:
    return hashlib.sha1(" ".join(tokens).encode("utf-8")).digest()


class CopyDetector:
    """Finds, for each new article, an indexed article it copies (or that copies it)."""

    def __init__(
        self, path: Path | None = None, threshold: float = COPY_JACCARD, permutations: int = PERMUTATIONS
    ) -> None:
        self.path = path
        self.threshold = threshold
        self.permutations = permutations
        self.ranges = band_ranges(threshold, permutations)
        self.hash_permutations = MinHash(num_perm=permutations).permutations
        self.connection = _connect(path)

    def signature(self, shingle_set: set[str]) -> Signature:
        minhash = MinHash(
            num_perm=self.permutations,
            permutations=self.hash_permutations,
            scheme="affine32",
            hashfunc=shingle_hash,
        )
        minhash.update_batch(shingle_set)
        return np.asarray(minhash.hashvalues, dtype=np.uint32)

    def add(self, entry: CopyEntry, tokens: list[str]) -> tuple[CopyLink | None, list[str]]:
        """Index an article; return the copy link to its best match (if any) and its LSH bucket mates."""
        digest = text_digest(tokens)
        original = self._exact_original(digest) if tokens else None
        if original is not None:
            self._insert_entry(entry, None)
            return self._link(entry, original, 1.0), [original.article_id]
        shingle_set = shingles(tokens)
        signature = self.signature(shingle_set) if len(shingle_set) >= MIN_SHINGLES else None
        key = self._insert_entry(entry, signature)
        if tokens:
            self.connection.execute("INSERT OR IGNORE INTO copy_exact VALUES (?, ?)", (digest, key))
        if signature is None:
            return None, []
        codes = band_codes(signature, self.ranges)[0]
        mates = self._bucket_mates(codes)
        best: tuple[float, CopyEntry] | None = None
        for other, other_signature in mates:
            jaccard = float(np.count_nonzero(signature == other_signature)) / len(signature)
            if jaccard >= self.threshold and (best is None or jaccard > best[0]):
                best = (jaccard, other)
        self.connection.executemany(
            "INSERT OR IGNORE INTO copy_bucket VALUES (?, ?)", [(int(code), key) for code in codes]
        )
        mate_ids = [other.article_id for other, _ in mates]
        if best is None:
            return None, mate_ids
        return self._link(entry, best[1], best[0]), mate_ids

    def add_many(
        self,
        entries: Sequence[CopyEntry],
        token_lists: Sequence[list[str]],
        shingle_sets: Sequence[set[str]] | None = None,
    ) -> None:
        """Index many articles without looking for copies among them (the bulk form of `add`);
        `shingle_sets`, when given, are the shingles of `token_lists`."""
        digests = [text_digest(tokens) for tokens in token_lists]
        if shingle_sets is None:
            shingle_sets = [shingles(tokens) for tokens in token_lists]
        exact = self._exact_copies(digests, token_lists)
        signatures = [
            self.signature(s) if len(s) >= MIN_SHINGLES and not copy else None
            for s, copy in zip(shingle_sets, exact, strict=True)
        ]
        start = self._next_key()
        keys = range(start, start + len(entries))
        self.connection.executemany(
            "INSERT INTO copy_entry VALUES (?, ?, ?, ?, ?, ?)",
            [_entry_row(key, e, s) for key, e, s in zip(keys, entries, signatures, strict=True)],
        )
        self.connection.executemany(
            "INSERT OR IGNORE INTO copy_exact VALUES (?, ?)",
            [(d, key) for key, d, tokens in zip(keys, digests, token_lists, strict=True) if tokens],
        )
        signed = [(key, s) for key, s in zip(keys, signatures, strict=True) if s is not None]
        if signed:
            codes = band_codes(np.stack([s for _, s in signed]), self.ranges)
            rows = [(int(code), key) for (key, _), row in zip(signed, codes, strict=True) for code in row]
            rows.sort()
            self.connection.executemany("INSERT OR IGNORE INTO copy_bucket VALUES (?, ?)", rows)

    def _exact_copies(self, digests: list[bytes], token_lists: Sequence[list[str]]) -> list[bool]:
        """Which texts repeat one indexed earlier (they get no signature, as `add` gives them none)."""
        known: set[bytes] = set()
        for start in range(0, len(digests), 500):
            chunk = digests[start : start + 500]
            rows = self.connection.execute(
                f"SELECT digest FROM copy_exact WHERE digest IN ({','.join('?' * len(chunk))})", chunk
            )
            known.update(digest for (digest,) in rows)
        copies = []
        for digest, tokens in zip(digests, token_lists, strict=True):
            copies.append(bool(tokens) and digest in known)
            if tokens:
                known.add(digest)
        return copies

    def _next_key(self) -> int:
        row = self.connection.execute("SELECT max(key) FROM copy_entry").fetchone()
        return int(row[0] or 0) + 1

    def _insert_entry(self, entry: CopyEntry, signature: Signature | None) -> int:
        cursor = self.connection.execute(
            "INSERT OR REPLACE INTO copy_entry VALUES (?, ?, ?, ?, ?, ?)", _entry_row(None, entry, signature)
        )
        return int(cursor.lastrowid or 0)

    def _exact_original(self, digest: bytes) -> CopyEntry | None:
        row = self.connection.execute(
            "SELECT e.article_id, e.published, e.length, e.shingle_count FROM copy_exact x "
            "JOIN copy_entry e ON e.key = x.key WHERE x.digest = ?",
            (digest,),
        ).fetchone()
        return None if row is None else CopyEntry(*row)

    def _bucket_mates(self, codes: npt.NDArray[np.int64]) -> list[tuple[CopyEntry, Signature]]:
        """The most recent MAX_MATCHES articles sharing a band with `codes`, newest first."""
        keys: set[int] = set()
        for code in codes:
            rows = self.connection.execute(
                "SELECT key FROM copy_bucket WHERE code = ? ORDER BY key DESC LIMIT ?",
                (int(code), MAX_MATCHES),
            )
            keys.update(key for (key,) in rows)
        wanted = sorted(keys, reverse=True)[:MAX_MATCHES]
        if not wanted:
            return []
        rows = self.connection.execute(
            "SELECT key, article_id, published, length, shingle_count, signature FROM copy_entry "
            f"WHERE key IN ({','.join('?' * len(wanted))}) ORDER BY key DESC",
            wanted,
        )
        return [
            (CopyEntry(article_id, published, length, count), np.frombuffer(blob, dtype=np.uint32))
            for _, article_id, published, length, count, blob in rows
        ]

    def _link(self, new: CopyEntry, old: CopyEntry, jaccard: float) -> CopyLink:
        original, copy = _original_first(old, new)
        overlap = containment(jaccard, copy.shingle_count, original.shingle_count)
        return CopyLink(article=copy.article_id, copy_of=original.article_id, overlap=round(overlap, 3))

    # -- keeping ------------------------------------------------------------------------------------------

    def save_to(self, path: Path) -> None:
        """Commit to `path`; a detector living elsewhere (in memory) is copied there and moves to it."""
        if self.path is not None and self.path.resolve() == path.resolve():
            self.connection.commit()
            return
        self.connection.commit()
        path.unlink(missing_ok=True)
        target = _connect(path)
        self.connection.backup(target)
        self.connection.close()
        self.connection, self.path = target, path

    def commit(self) -> None:
        self.connection.commit()

    def close(self) -> None:
        self.connection.close()

    def __getstate__(self) -> dict[str, Any]:
        self.connection.commit()
        data = self.connection.serialize()
        return {"threshold": self.threshold, "permutations": self.permutations, "data": data}

    def __setstate__(self, state: dict[str, Any]) -> None:
        restored = CopyDetector(None, state["threshold"], state["permutations"])
        restored.connection.deserialize(state["data"])
        self.__dict__.update(restored.__dict__)


def _entry_row(key: int | None, entry: CopyEntry, signature: Signature | None) -> tuple[Any, ...]:
    blob = None if signature is None else signature.astype(np.uint32).tobytes()
    return (key, entry.article_id, entry.published, entry.length, entry.shingle_count, blob)


def _connect(path: Path | None) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(str(path) if path else ":memory:")
        connection.executescript(SCHEMA)
    except sqlite3.Error as error:
        raise StoreError(
            f"cannot open the copy index at {path}: {error}", "delete the folder to rebuild it"
        ) from error
    return connection
