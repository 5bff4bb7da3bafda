"""The profile table: one SQLite file (or memory) holding article profiles, story membership and the
entity inverted index, so an index of a million articles does not have to live in memory."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
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

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        try:
            self.connection = sqlite3.connect(str(path) if path else ":memory:")
            self.connection.executescript(SCHEMA)
        except sqlite3.Error as error:
            raise StoreError(
                f"cannot open story profiles at {path}: {error}", "delete the folder to rebuild it"
            ) from error

    def add(self, key: int, profile: ArticleProfile) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO profile (key, article_id, data) VALUES (?, ?, ?)",
            (key, profile.article_id, profile_to_json(profile)),
        )
        self.connection.executemany(
            "INSERT OR IGNORE INTO posting (name, key) VALUES (?, ?)",
            [(name, key) for name in profile.entity_keys()],
        )

    def get(self, keys: Iterable[int]) -> dict[int, ArticleProfile]:
        wanted = list(keys)
        found: dict[int, ArticleProfile] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.connection.execute(f"SELECT key, data FROM profile WHERE key IN ({marks})", chunk)
            found.update((key, profile_from_json(data)) for key, data in rows)
        return found

    def key_of(self, article_id: str) -> int | None:
        row = self.connection.execute(
            "SELECT key FROM profile WHERE article_id = ?", (article_id,)
        ).fetchone()
        return int(row[0]) if row else None

    def article_ids(self, keys: Iterable[int]) -> dict[int, str]:
        wanted = list(keys)
        found: dict[int, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.connection.execute(
                f"SELECT key, article_id FROM profile WHERE key IN ({marks})", chunk
            )
            found.update((int(key), str(article_id)) for key, article_id in rows)
        return found

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
