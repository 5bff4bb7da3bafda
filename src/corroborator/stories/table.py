"""The profile table: one SQLite file (or memory) holding article profiles, story membership and the
entity inverted index, so an index of a million articles does not have to live in memory."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from corroborator.errors import StoreError
from corroborator.stories.profile import ArticleProfile

SCHEMA = """
CREATE TABLE IF NOT EXISTS profile
    (key INTEGER PRIMARY KEY, article_id TEXT UNIQUE NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS posting (name TEXT NOT NULL, key INTEGER NOT NULL, PRIMARY KEY (name, key))
    WITHOUT ROWID;
"""
SET_FIELDS = ("people", "surnames", "places", "orgs", "others", "dates", "numbers", "lead_names")
COUNTER_FIELDS = ("terms", "mentions")
CACHED_PROFILES = 20_000
"""Parsed profiles kept in memory (least recently used dropped first); callers must not change them."""
CHUNK = 500


def profile_to_json(profile: ArticleProfile) -> str:
    raw: dict[str, Any] = {item.name: getattr(profile, item.name) for item in fields(profile)}
    for name in SET_FIELDS:
        raw[name] = sorted(raw[name])
    for name in COUNTER_FIELDS:
        raw[name] = dict(raw[name])
    raw["years"] = {str(year): count for year, count in profile.years.items()}
    return json.dumps(raw, separators=(",", ":"))


def profile_from_json(text: str) -> ArticleProfile:
    raw: dict[str, Any] = json.loads(text)
    for name in SET_FIELDS:
        raw[name] = set(raw[name])
    for name in COUNTER_FIELDS:
        raw[name] = Counter(raw[name])
    raw["years"] = Counter({int(year): count for year, count in raw["years"].items()})
    return ArticleProfile(**raw)


class ProfileTable:
    """Profiles by integer key, with an inverted index from entity keys to article keys."""

    def __init__(self, path: Path | None = None, cached: int = CACHED_PROFILES) -> None:
        self.path = path
        self.cached = cached
        self.cache: OrderedDict[int, ArticleProfile] = OrderedDict()
        try:
            self.connection = sqlite3.connect(str(path) if path else ":memory:")
            self.connection.executescript(SCHEMA)
        except sqlite3.Error as error:
            raise StoreError(
                f"cannot open story profiles at {path}: {error}", "delete the folder to rebuild it"
            ) from error

    def add(self, key: int, profile: ArticleProfile) -> None:
        self.add_many([(key, profile)])

    def add_many(self, items: Sequence[tuple[int, ArticleProfile]]) -> None:
        """Insert (or replace) many profiles and their entity postings in the open transaction."""
        self.connection.executemany(
            "INSERT OR REPLACE INTO profile (key, article_id, data) VALUES (?, ?, ?)",
            [(key, profile.article_id, profile_to_json(profile)) for key, profile in items],
        )
        self.connection.executemany(
            "INSERT OR IGNORE INTO posting (name, key) VALUES (?, ?)",
            [(name, key) for key, profile in items for name in profile.entity_keys()],
        )
        for key, profile in items:
            self._remember(key, profile)

    def get(self, keys: Iterable[int]) -> dict[int, ArticleProfile]:
        """The profiles of `keys` that exist (shared, cached objects: read them, do not change them)."""
        found: dict[int, ArticleProfile] = {}
        missing: list[int] = []
        for key in keys:
            profile = self.cache.get(key)
            if profile is None:
                missing.append(key)
            else:
                self.cache.move_to_end(key)
                found[key] = profile
        for key, data in self._column_of(missing, "data"):
            found[key] = self._remember(key, profile_from_json(data))
        return found

    def _column_of(self, keys: Iterable[int], column: str) -> Iterator[tuple[int, Any]]:
        """(key, value of `column`) for each stored key, read in chunks of CHUNK keys."""
        wanted = list(keys)
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, {column} FROM profile WHERE key IN ({marks})"
            for key, value in self.connection.execute(query, chunk):
                yield int(key), value

    def _remember(self, key: int, profile: ArticleProfile) -> ArticleProfile:
        if self.cached > 0:
            self.cache[key] = profile
            self.cache.move_to_end(key)
            if len(self.cache) > self.cached:
                self.cache.popitem(last=False)
        return profile

    def key_of(self, article_id: str) -> int | None:
        row = self.connection.execute(
            "SELECT key FROM profile WHERE article_id = ?", (article_id,)
        ).fetchone()
        return int(row[0]) if row else None

    def article_ids(self, keys: Iterable[int]) -> dict[int, str]:
        return {key: str(article_id) for key, article_id in self._column_of(keys, "article_id")}

    def latest_with(self, name: str, limit: int) -> list[int]:
        """The most recently added articles that name this entity key."""
        rows = self.connection.execute(
            "SELECT key FROM posting WHERE name = ? ORDER BY key DESC LIMIT ?", (name, limit)
        )
        return [int(key) for (key,) in rows]

    def all_profiles(self) -> Iterator[tuple[int, ArticleProfile]]:
        for key, data in self.connection.execute("SELECT key, data FROM profile ORDER BY key"):
            yield int(key), profile_from_json(data)

    def commit(self) -> None:
        self.connection.commit()

    def close(self) -> None:
        self.connection.close()
