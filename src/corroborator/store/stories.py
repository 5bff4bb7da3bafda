"""Stories, copies, vectors and the entity index: the parts of Store the later stages use."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from corroborator.errors import NotFound, StoreError
from corroborator.store.articles import article_exists
from corroborator.store.db import Database
from corroborator.types import CopyLink, Story, Storyline

VectorLike = bytes | npt.ArrayLike


class StoryStore:
    """Mixin of Store: stories (an article belongs to at most one story), vectors, entity lookup."""

    _db: Database

    def replace_stories(self, stories: Sequence[Story]) -> None:
        """Replace every stored story by `stories`, in one transaction."""
        with self._db.write() as connection:
            connection.execute("DELETE FROM stories")
            for story in stories:
                _check_members(connection, story)
                _insert_story(connection, story)

    def save_story(self, story: Story) -> None:
        """Insert or replace one story. Its articles leave any other story; a story left empty is deleted."""
        with self._db.write() as connection:
            _check_members(connection, story)
            losing = _stories_losing(connection, story)
            connection.execute(
                "INSERT INTO stories (id, headline, outlets, first_published, last_published, storyline) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, "
                "outlets = excluded.outlets, first_published = excluded.first_published, "
                "last_published = excluded.last_published, storyline = excluded.storyline",
                _story_values(story),
            )
            connection.execute("DELETE FROM story_members WHERE story_id = ?", (story.id,))
            connection.execute("DELETE FROM copies WHERE story_id = ?", (story.id,))
            _move_members_here(connection, story)
            _insert_members(connection, story)
            for other in losing:
                connection.execute(
                    "DELETE FROM stories WHERE id = ? AND NOT EXISTS "
                    "(SELECT 1 FROM story_members WHERE story_id = stories.id)",
                    (other,),
                )

    def delete_story(self, story_id: str) -> None:
        with self._db.write() as connection:
            connection.execute("DELETE FROM stories WHERE id = ?", (story_id,))

    def list_stories(self, limit: int = 100, offset: int = 0) -> list[Story]:
        """Stories with the most recent news first (undated last)."""
        return self._stories(
            "SELECT * FROM stories ORDER BY last_published IS NULL, last_published DESC, seq "
            "LIMIT ? OFFSET ?",
            (limit, offset),
        )

    def all_stories(self) -> list[Story]:
        """Every story in the order it was stored."""
        return self._stories("SELECT * FROM stories ORDER BY seq")

    def get_storyline(self, storyline_id: str) -> Storyline:
        """One storyline with its stories (events), earliest first (undated last)."""
        events = self._stories(
            "SELECT * FROM stories WHERE storyline = ? AND storyline != '' "
            "ORDER BY first_published IS NULL, first_published, seq",
            (storyline_id,),
        )
        if not events:
            raise NotFound(
                f"no storyline with id {storyline_id}", "a story's `storyline` field names its storyline"
            )
        return Storyline(storyline_id, events)

    def list_storylines(self, limit: int = 100, offset: int = 0) -> list[Storyline]:
        """Storylines with the most recent news first (undated last)."""
        rows = self._db.read(
            "SELECT storyline FROM stories WHERE storyline != '' GROUP BY storyline "
            "ORDER BY max(last_published) IS NULL, max(last_published) DESC, min(seq) LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [self.get_storyline(row["storyline"]) for row in rows]

    def count_storylines(self) -> int:
        return int(self._db.read("SELECT count(DISTINCT storyline) FROM stories WHERE storyline != ''")[0][0])

    def count_stories(self) -> int:
        return int(self._db.read("SELECT count(*) FROM stories")[0][0])

    def get_story(self, story_id: str) -> Story:
        stories = self._stories("SELECT * FROM stories WHERE id = ?", (story_id,))
        if not stories:
            raise NotFound(f"no story with id {story_id}", "list stored stories with `corroborator stories`")
        return stories[0]

    def _stories(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[Story]:
        return self._db.run(
            lambda connection: [read_story(connection, row) for row in connection.execute(sql, parameters)]
        )

    def story_of(self, article_id: str) -> Story | None:
        """The story the article belongs to, if any."""
        rows = self._db.read("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,))
        return self.get_story(rows[0]["story_id"]) if rows else None

    def save_vector(self, article_id: str, kind: str, vector: VectorLike) -> None:
        """Store (or replace) the float32 vector of one article; all vectors of a kind have one dimension."""
        self.save_vectors(kind, [(article_id, vector)])

    def save_vectors(self, kind: str, items: Iterable[tuple[str, VectorLike]]) -> None:
        """Store many vectors of one kind in one transaction."""
        rows = [(article_id, *_float32_blob(vector)) for article_id, vector in items]
        with self._db.write() as connection:
            for article_id, dim, blob in rows:
                _check_vector(connection, article_id, kind, dim)
                connection.execute(
                    "INSERT OR REPLACE INTO vectors (article_id, kind, dim, data) VALUES (?, ?, ?, ?)",
                    (article_id, kind, dim, blob),
                )

    def get_vectors(self, kind: str) -> tuple[list[str], npt.NDArray[np.float32]]:
        """The ids and an (n, dim) float32 matrix of every vector of `kind`, in the order they were stored."""
        rows = self._db.read(
            "SELECT article_id, dim, data FROM vectors WHERE kind = ? ORDER BY rowid", (kind,)
        )
        if not rows:
            return [], np.zeros((0, 0), dtype=np.float32)
        matrix = np.frombuffer(b"".join(row["data"] for row in rows), dtype=np.float32)
        return [row["article_id"] for row in rows], matrix.reshape(len(rows), rows[0]["dim"]).copy()

    def articles_with_entity(self, key: str) -> list[str]:
        """Ids of the articles that mention the entity `key` (a name in any spelling, or its entity id)."""
        rows = self._db.read(
            "SELECT DISTINCT e.article_id FROM article_entities e JOIN articles a ON a.id = e.article_id "
            "WHERE e.entity_id = entity_id(?) ORDER BY a.seq",
            (key,),
        )
        return [row["article_id"] for row in rows]


def read_story(connection: sqlite3.Connection, row: sqlite3.Row) -> Story:
    """The Story of a `stories` row, with its members and copies in their stored order."""
    members = connection.execute(
        "SELECT article_id FROM story_members WHERE story_id = ? ORDER BY position", (row["id"],)
    ).fetchall()
    copies = connection.execute(
        "SELECT article_id, copy_of, overlap FROM copies WHERE story_id = ? ORDER BY position", (row["id"],)
    ).fetchall()
    return Story(
        id=row["id"],
        articles=[member["article_id"] for member in members],
        copies=[CopyLink(copy["article_id"], copy["copy_of"], copy["overlap"]) for copy in copies],
        headline=row["headline"],
        outlets=json.loads(row["outlets"]),
        first_published=row["first_published"],
        last_published=row["last_published"],
        storyline=row["storyline"],
    )


def _story_values(story: Story) -> tuple[str, str, str, str | None, str | None, str]:
    outlets = json.dumps(story.outlets, ensure_ascii=False)
    return story.id, story.headline, outlets, story.first_published, story.last_published, story.storyline


def _insert_story(connection: sqlite3.Connection, story: Story) -> None:
    connection.execute(
        "INSERT INTO stories (id, headline, outlets, first_published, last_published, storyline) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        _story_values(story),
    )
    _insert_members(connection, story)


def _insert_members(connection: sqlite3.Connection, story: Story) -> None:
    connection.executemany(
        "INSERT INTO story_members (story_id, article_id, position) VALUES (?, ?, ?)",
        [(story.id, article_id, position) for position, article_id in enumerate(story.articles)],
    )
    connection.executemany(
        "INSERT OR REPLACE INTO copies (story_id, article_id, copy_of, overlap, position) "
        "VALUES (?, ?, ?, ?, ?)",
        [(story.id, link.article, link.copy_of, link.overlap, n) for n, link in enumerate(story.copies)],
    )


def _check_members(connection: sqlite3.Connection, story: Story) -> None:
    referenced = (
        set(story.articles)
        | {link.article for link in story.copies}
        | {link.copy_of for link in story.copies}
    )
    for article_id in sorted(referenced):
        if not article_exists(connection, article_id):
            raise NotFound(
                f"story {story.id} refers to article {article_id}, which is not stored",
                "store the story's articles first",
            )
    if len(set(story.articles)) != len(story.articles):
        raise StoreError(f"story {story.id} lists an article twice", "list each article once")


def _stories_losing(connection: sqlite3.Connection, story: Story) -> list[str]:
    rows = connection.execute(
        f"SELECT DISTINCT story_id FROM story_members WHERE story_id != ? AND article_id IN "
        f"({','.join('?' * len(story.articles))})",
        (story.id, *story.articles),
    ).fetchall()
    return [row["story_id"] for row in rows]


def _move_members_here(connection: sqlite3.Connection, story: Story) -> None:
    marks = ",".join("?" * len(story.articles))
    connection.execute(f"DELETE FROM story_members WHERE article_id IN ({marks})", tuple(story.articles))
    connection.execute(
        f"DELETE FROM copies WHERE article_id IN ({marks}) OR copy_of IN ({marks})",
        (*story.articles, *story.articles),
    )


def _float32_blob(vector: VectorLike) -> tuple[int, bytes]:
    if isinstance(vector, bytes | bytearray | memoryview):
        blob = bytes(vector)
        if len(blob) % 4:
            raise StoreError(
                f"a vector blob of {len(blob)} bytes is not float32 values", "pass float32 bytes or an array"
            )
        return len(blob) // 4, blob
    array = np.asarray(vector, dtype=np.float32).ravel()
    return int(array.shape[0]), array.tobytes()


def _check_vector(connection: sqlite3.Connection, article_id: str, kind: str, dim: int) -> None:
    if not article_exists(connection, article_id):
        raise NotFound(
            f"cannot save a {kind} vector of article {article_id}: no such article", "store the article first"
        )
    row = connection.execute(
        "SELECT dim FROM vectors WHERE kind = ? AND article_id != ? LIMIT 1", (kind, article_id)
    ).fetchone()
    if row is not None and row["dim"] != dim:
        raise StoreError(
            f"{kind} vectors have {row['dim']} dimensions, this one has {dim}",
            "use one embedding model per vector kind",
        )
