"""Articles, their versions, their analyses and full-text search: the part of Store the ingest stage uses."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from corroborator.errors import InputError, NotFound, StoreError
from corroborator.store.codec import analysis_from_dict, analysis_to_dict
from corroborator.store.db import Database, store_error
from corroborator.types import Analysis, Article

AddResult = Literal["added", "present", "updated"]

ARTICLE_FIELDS = (
    "id", "title", "text", "url", "outlet", "published", "published_source", "author", "language",
    "fetched_at", "origin", "removed", "source_id",
)
ARTICLE_COLUMNS = ", ".join(ARTICLE_FIELDS)
CURRENT = "NOT EXISTS (SELECT 1 FROM articles newer WHERE newer.previous_id = a.id)"
"""SQL condition: article `a` has not been replaced by a corrected version."""

_MARK_START, _MARK_END = "\x02", "\x03"
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


@dataclass
class SearchHit:
    """One search result. `snippet` is plain text; `matches` are the (start, end) ranges of matched terms."""

    id: str
    title: str
    outlet: str | None
    published: str | None
    url: str | None
    snippet: str
    matches: list[tuple[int, int]] = field(default_factory=list)
    score: float = 0.0
    """Relevance (BM25, title weighted 5x); higher is better."""

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The snippet with each matched range wrapped in `before` and `after`."""
        parts, cursor = [], 0
        for start, end in self.matches:
            parts += [self.snippet[cursor:start], before, self.snippet[start:end], after]
            cursor = end
        parts.append(self.snippet[cursor:])
        return "".join(parts)


class ArticleStore:
    """Mixin of Store: articles, versions, analyses, search."""

    _db: Database

    def add_article(self, article: Article, analysis: Analysis | None = None) -> AddResult:
        """Store `article` (and its analysis) in one transaction.

        Returns "present" when an article with this id is stored already (its analysis, if given, is saved),
        "updated" when the URL is stored with another text (the new text becomes the newest version, the
        old one is kept), else "added".
        """
        row = article_row(article)
        analysis_row = _analysis_row(analysis, article.id) if analysis is not None else None
        try:
            with self._db.write() as connection:
                result = _insert_article(connection, row, article.url)
                if analysis_row is not None:
                    _write_analysis(connection, *analysis_row)
        except UnicodeEncodeError as error:
            raise InputError(f"article {article.id} has text that is not valid Unicode ({error.reason})",
                             "fix the input encoding") from None
        return result

    def add_articles(self, articles: Iterable[Article]) -> dict[AddResult, int]:
        """Store each article in its own transaction; returns how many were added, present, updated."""
        counts: dict[AddResult, int] = {"added": 0, "present": 0, "updated": 0}
        for article in articles:
            counts[self.add_article(article)] += 1
        return counts

    def get_article(self, article_id: str) -> Article:
        rows = self._db.read(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        if not rows:
            raise NotFound(f"no article with id {article_id}", "list stored ids with `corroborator articles`")
        return article_from_row(rows[0])

    def has_article(self, article_id: str) -> bool:
        return bool(self._db.read("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def list_articles(
        self,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 100,
        offset: int = 0,
        latest_only: bool = True,
    ) -> list[Article]:
        """Articles newest-published first (undated last). `since`/`until` are ISO dates, both inclusive.
        With `latest_only`, versions replaced by a correction are left out (see `versions`)."""
        where, parameters = _filters(outlet, since, until, latest_only)
        rows = self._db.read(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a {where} "
            "ORDER BY a.published IS NULL, a.published DESC, a.seq LIMIT ? OFFSET ?",
            (*parameters, limit, offset),
        )
        return [article_from_row(row) for row in rows]

    def article_ids(self, latest_only: bool = True) -> list[str]:
        """Every stored article id in the order stored (`latest_only`: without replaced versions)."""
        where, parameters = _filters(None, None, None, latest_only)
        rows = self._db.read(f"SELECT a.id FROM articles a {where} ORDER BY a.seq", parameters)
        return [str(row[0]) for row in rows]

    def count_articles(
        self, outlet: str | None = None, since: str | None = None, until: str | None = None,
        latest_only: bool = True,
    ) -> int:
        where, parameters = _filters(outlet, since, until, latest_only)
        return int(self._db.read(f"SELECT count(*) FROM articles a {where}", parameters)[0][0])

    def versions(self, article_id: str) -> list[Article]:
        """Every version of the article at `article_id`'s URL, oldest first (one item if never corrected)."""
        chain = [self.get_article(article_id)]
        previous = self._previous_id(article_id)
        while previous is not None:
            chain.insert(0, self.get_article(previous))
            previous = self._previous_id(previous)
        newer = self._db.read("SELECT id FROM articles WHERE previous_id = ?", (article_id,))
        while newer:
            chain.append(self.get_article(newer[0]["id"]))
            newer = self._db.read("SELECT id FROM articles WHERE previous_id = ?", (newer[0]["id"],))
        return chain

    def previous_version(self, article_id: str) -> str | None:
        """The id of the version `article_id` replaced, if it is a correction."""
        self.get_article(article_id)
        return self._previous_id(article_id)

    def _previous_id(self, article_id: str) -> str | None:
        rows = self._db.read("SELECT previous_id FROM articles WHERE id = ?", (article_id,))
        return rows[0]["previous_id"] if rows else None

    def save_analysis(self, analysis: Analysis) -> None:
        """Store (or replace) the analysis of a stored article, and index its entities."""
        row = _analysis_row(analysis, analysis.article_id)
        with self._db.write() as connection:
            if not article_exists(connection, analysis.article_id):
                raise NotFound(f"cannot save the analysis of article {analysis.article_id}: no such article",
                               "store the article first")
            _write_analysis(connection, *row)

    def has_analysis(self, article_id: str) -> bool:
        return bool(self._db.read("SELECT 1 FROM analyses WHERE article_id = ?", (article_id,)))

    def get_analysis(self, article_id: str) -> Analysis | None:
        rows = self._db.read("SELECT data FROM analyses WHERE article_id = ?", (article_id,))
        return analysis_from_dict(json.loads(rows[0]["data"])) if rows else None

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and texts (FTS5 syntax; a query FTS5 cannot parse is searched as
        its plain words instead of failing)."""
        query = query.replace("\x00", " ")  # FTS5 reads the query as a C string
        if not query.strip():
            return []
        try:
            rows = self._match(query, limit)
        except sqlite3.OperationalError as error:
            if _is_busy_or_io(error):
                raise store_error(error, self._db.path) from None
            fallback = _quote_words(query)
            if not fallback:
                return []
            try:
                rows = self._match(fallback, limit)
            except sqlite3.Error as second:
                raise store_error(second, self._db.path) from None
        return [_hit_from_row(row) for row in rows]

    def _match(self, expression: str, limit: int) -> list[sqlite3.Row]:
        sql = (
            "SELECT a.id, a.title, a.outlet, a.published, a.url, "
            "snippet(articles_fts, 1, ?, ?, '…', 24) AS snip, bm25(articles_fts, 5.0, 1.0) AS rank "
            f"FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND {CURRENT} ORDER BY rank LIMIT ?"
        )
        with self._db.lock:
            return self._db.connection.execute(sql, (_MARK_START, _MARK_END, expression, limit)).fetchall()


def article_from_row(row: sqlite3.Row) -> Article:
    values: dict[str, Any] = {name: row[name] for name in ARTICLE_FIELDS}
    values["removed"] = json.loads(values["removed"])
    return Article(**values)


def article_row(article: Article) -> dict[str, Any]:
    row = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    row["removed"] = json.dumps(article.removed, ensure_ascii=False)
    return row


def article_exists(connection: sqlite3.Connection, article_id: str) -> bool:
    return connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def _insert_article(connection: sqlite3.Connection, row: dict[str, Any], url: str | None) -> AddResult:
    if article_exists(connection, row["id"]):
        return "present"
    previous = None
    if url:
        found = connection.execute(
            f"SELECT a.id FROM articles a WHERE a.url = ? AND {CURRENT} ORDER BY a.seq DESC LIMIT 1", (url,)
        ).fetchone()
        previous = found["id"] if found else None
    insert_article_row(connection, row, previous)
    return "updated" if previous else "added"


def insert_article_row(connection: sqlite3.Connection, row: dict[str, Any], previous_id: str | None) -> None:
    connection.execute(
        f"INSERT INTO articles ({ARTICLE_COLUMNS}, previous_id) VALUES "
        "(:id, :title, :text, :url, :outlet, :published, :published_source, :author, :language, :fetched_at, "
        ":origin, :removed, :source_id, :previous_id)",
        {**row, "previous_id": previous_id},
    )


def _analysis_row(analysis: Analysis, article_id: str) -> tuple[str, int, str, list[tuple[str, str]]]:
    if analysis.article_id != article_id:
        raise StoreError(f"analysis is of article {analysis.article_id}, not of {article_id}",
                         "pass each article with its own analysis")
    data = json.dumps(analysis_to_dict(analysis), ensure_ascii=False)
    entities = sorted({(mention.entity, mention.label) for mention in analysis.entities if mention.entity})
    return article_id, analysis.version, data, entities


def _write_analysis(
    connection: sqlite3.Connection, article_id: str, version: int, data: str, entities: list[tuple[str, str]]
) -> None:
    connection.execute(
        "INSERT INTO analyses (article_id, version, data) VALUES (?, ?, ?) "
        "ON CONFLICT(article_id) DO UPDATE SET version = excluded.version, data = excluded.data",
        (article_id, version, data),
    )
    connection.execute("DELETE FROM article_entities WHERE article_id = ?", (article_id,))
    connection.executemany(
        "INSERT INTO article_entities (article_id, entity, label, entity_id) VALUES (?, ?, ?, entity_id(?))",
        [(article_id, entity, label, entity) for entity, label in entities],
    )


def _filters(
    outlet: str | None, since: str | None, until: str | None, latest_only: bool
) -> tuple[str, tuple[Any, ...]]:
    conditions: list[str] = []
    parameters: list[Any] = []
    if outlet:
        conditions.append("a.outlet = ? COLLATE NOCASE")
        parameters.append(outlet)
    if since:
        conditions.append("a.published >= ?")
        parameters.append(since)
    if until:
        conditions.append("substr(a.published, 1, ?) <= ?")
        parameters += [len(until), until]
    if latest_only:
        conditions.append(CURRENT)
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), tuple(parameters)


def _quote_words(query: str) -> str:
    """Each word of `query` as a quoted FTS5 phrase, all to match; bare operators (AND, OR, NOT) dropped."""
    words = [word for word in query.split() if re.search(r"\w", word) and word not in _OPERATORS]
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _is_busy_or_io(error: sqlite3.OperationalError) -> bool:
    name = str(getattr(error, "sqlite_errorname", ""))
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_IOERR", "SQLITE_FULL", "SQLITE_CORRUPT"))


def _hit_from_row(row: sqlite3.Row) -> SearchHit:
    snippet, matches = _unmark(row["snip"] or "")
    return SearchHit(
        id=row["id"], title=row["title"], outlet=row["outlet"], published=row["published"], url=row["url"],
        snippet=snippet, matches=matches, score=-float(row["rank"]),
    )


def _unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Plain text and match ranges from a snippet whose matches are wrapped in the two marker characters."""
    text: list[str] = []
    matches: list[tuple[int, int]] = []
    length, start = 0, None
    for char in marked:
        if char == _MARK_START:
            start = length
        elif char == _MARK_END and start is not None:
            matches.append((start, length))
            start = None
        else:
            text.append(" " if char in "\r\n\t" else char)
            length += 1
    return "".join(text), matches
