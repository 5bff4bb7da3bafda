"""Store: the SQLite database of articles, analyses, stories and vectors."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from corroborator.store.db import Database, resolve_db_path
from corroborator.store.transfer import TransferStore


class Store(TransferStore):
    """The corroborator database (SQLite, WAL). Safe to share between threads; several processes may write
    the same file at once (writes wait for each other instead of failing).

    `path` defaults to `$CORROBORATOR_DB`, else `./corroborator.db`; the file and its schema are created or
    migrated on open.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = resolve_db_path(path)
        self._db = Database(self.path)

    @property
    def schema_version(self) -> int:
        return self._db.schema_version()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
