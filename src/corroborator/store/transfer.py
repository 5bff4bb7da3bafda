"""JSONL export and import of a whole store: every article with its version link, analysis and story.

The file starts with a header line, then one JSON object per line: `{"record": "article", "article": {...},
"previous_id": ...}`, `{"record": "analysis", "analysis": {...}}`, `{"record": "story", "story": {...}}`.
Exporting, importing into an empty store and exporting again gives an identical file."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from corroborator.errors import CorroboratorError, InputError, StoreError
from corroborator.store.articles import (
    ARTICLE_COLUMNS,
    ArticleStore,
    article_exists,
    article_from_row,
    article_row,
    insert_article_row,
)
from corroborator.store.codec import (
    analysis_from_dict,
    article_from_dict,
    article_to_dict,
    story_from_dict,
    story_to_dict,
)
from corroborator.store.db import Database, store_error
from corroborator.store.stories import StoryStore, read_story
from corroborator.types import Failure

FORMAT = "corroborator-jsonl"
FORMAT_VERSION = 1


@dataclass
class ImportReport:
    articles: int = 0
    present: int = 0
    analyses: int = 0
    stories: int = 0
    failed: list[Failure] = field(default_factory=list)


class TransferStore(ArticleStore, StoryStore):
    """Store's export_jsonl / import_jsonl, over the article and story parts."""

    _db: Database

    def export_jsonl(self, path: str | Path) -> dict[str, int]:
        """Write the whole store to `path` (replaced atomically); returns how many records of each kind."""
        target = Path(path)
        partial = target.with_name(target.name + ".partial")
        counts = {"articles": 0, "analyses": 0, "stories": 0}
        try:
            with self._db.lock, partial.open("w", encoding="utf-8", newline="\n") as out:
                self._db.connection.execute("BEGIN")
                try:
                    _write_line(out, {"record": "header", "format": FORMAT, "version": FORMAT_VERSION})
                    for kind, line in _records(self._db.connection):
                        _write_line(out, line)
                        counts[kind] += 1
                finally:
                    self._db.connection.execute("COMMIT")
            os.replace(partial, target)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise StoreError(f"cannot write {target}: {error.strerror}", "check the path and free space") \
                from None
        except sqlite3.Error as error:
            partial.unlink(missing_ok=True)
            raise store_error(error, self._db.path) from None
        return counts

    def import_jsonl(self, path: str | Path) -> ImportReport:
        """Add every record of an export file; a bad line is reported in `failed` and the rest goes on."""
        report = ImportReport()
        for number, line in _lines(Path(path)):
            item = f"{path}:{number}"
            try:
                self._import_record(json.loads(line), report)
            except json.JSONDecodeError as error:
                report.failed.append(Failure(item, f"not JSON ({error.msg}); fix or remove the line"))
            except CorroboratorError as error:
                report.failed.append(Failure(item, error.one_line()))
        return report

    def _import_record(self, record: Any, report: ImportReport) -> None:
        kind = record.get("record") if isinstance(record, dict) else None
        if kind == "header":
            if record.get("format") != FORMAT or record.get("version", 0) > FORMAT_VERSION:
                raise InputError(f"not a {FORMAT} v{FORMAT_VERSION} file", "import a file made by export")
        elif kind == "article":
            if self._import_article(record.get("article", {}), record.get("previous_id")):
                report.articles += 1
            else:
                report.present += 1
        elif kind == "analysis":
            self.save_analysis(analysis_from_dict(record.get("analysis", {})))
            report.analyses += 1
        elif kind == "story":
            self.save_story(story_from_dict(record.get("story", {})))
            report.stories += 1
        else:
            raise InputError(f"unknown record kind {kind!r}", "give each line a record kind")

    def _import_article(self, data: dict[str, Any], previous_id: str | None) -> bool:
        article = article_from_dict(data)
        row = article_row(article)
        with self._db.write() as connection:
            if article_exists(connection, article.id):
                return False
            if previous_id and not article_exists(connection, previous_id):
                previous_id = None
            insert_article_row(connection, row, previous_id)
        return True


def _records(connection: sqlite3.Connection) -> Iterator[tuple[str, dict[str, Any]]]:
    for row in connection.execute(f"SELECT {ARTICLE_COLUMNS}, previous_id FROM articles ORDER BY seq"):
        article = article_to_dict(article_from_row(row))
        yield "articles", {"record": "article", "article": article, "previous_id": row["previous_id"]}
    for row in connection.execute(
        "SELECT n.data FROM analyses n JOIN articles a ON a.id = n.article_id ORDER BY a.seq"
    ):
        yield "analyses", {"record": "analysis", "analysis": json.loads(row["data"])}
    for row in connection.execute("SELECT * FROM stories ORDER BY seq"):
        yield "stories", {"record": "story", "story": story_to_dict(read_story(connection, row))}


def _write_line(out: TextIO, record: dict[str, Any]) -> None:
    out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8") as source:
            for number, line in enumerate(source, start=1):
                if line.strip():
                    yield number, line
    except FileNotFoundError:
        raise InputError(f"no such file: {path}", "give a file made by `corroborator export`") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text", "give a file made by `corroborator export`") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}", "check the path and permissions") from None
