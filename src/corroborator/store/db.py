"""The SQLite connection under a Store: opening, migrations, write transactions, and SQLite errors turned
into StoreErrors that say what to do."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from corroborator.analyze.entities.aliases import entity_id
from corroborator.errors import StoreError

DEFAULT_DB = "corroborator.db"
DB_ENV = "CORROBORATOR_DB"
BUSY_TIMEOUT_SECONDS = 30.0
BUSY_RETRIES = 5

T = TypeVar("T")


def resolve_db_path(explicit: str | Path | None = None) -> Path:
    """The database path: `explicit` if given, else `$CORROBORATOR_DB`, else `./corroborator.db`."""
    if explicit is not None and str(explicit) != "":
        return Path(explicit)
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def migration_scripts() -> list[tuple[int, str, str]]:
    """The migrations `(number, file name, sql)` in order; migration N brings the schema to version N."""
    folder = resources.files("corroborator.store") / "migrations"
    scripts = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql") and entry.name[:4].isdigit():
            scripts.append((int(entry.name[:4]), entry.name, entry.read_text(encoding="utf-8")))
    scripts.sort()
    numbers = [number for number, _, _ in scripts]
    if numbers != list(range(1, len(numbers) + 1)):
        raise StoreError(f"migrations are not numbered 0001..{len(numbers):04d}: {numbers}")
    return scripts


def split_statements(script: str) -> list[str]:
    """The statements of an SQL script (trigger bodies kept whole), so they can run inside one transaction."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip() and not _only_comments(pending):
        raise StoreError(f"unterminated SQL statement in migration: {pending.strip()[:60]}")
    return statements


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in text.splitlines())


class Database:
    """One SQLite connection shared by threads: every use holds `lock`; writes run in BEGIN IMMEDIATE."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.connection = self._connect()
        try:
            self._migrate()
        except BaseException:
            self.connection.close()
            raise

    def _connect(self) -> sqlite3.Connection:
        if self.path.is_dir():
            raise StoreError(f"cannot open database {self.path}: it is a folder", "give a file path")
        if not self.path.parent.exists():
            raise StoreError(
                f"cannot open database {self.path}: folder {self.path.parent} does not exist",
                "create the folder or give another path with --db",
            )
        try:
            connection = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as error:
            raise store_error(error, self.path) from None
        connection.row_factory = sqlite3.Row
        try:
            self._retry(lambda: _configure(connection))
        except BaseException as error:
            connection.close()
            if isinstance(error, sqlite3.Error):
                raise store_error(error, self.path) from None
            raise
        return connection

    def _migrate(self) -> None:
        scripts = migration_scripts()
        latest = len(scripts)
        current = self.schema_version()
        if current > latest:
            raise StoreError(
                f"database {self.path} has schema version {current}, newer than this corroborator knows "
                f"({latest})",
                "upgrade corroborator, or give another database with --db",
            )
        if current == latest:
            return
        with self.write() as connection:
            current = int(connection.execute("PRAGMA user_version").fetchone()[0])
            for number, _, script in scripts[current:]:
                for statement in split_statements(script):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {number}")

    def schema_version(self) -> int:
        with self.lock:
            try:
                return int(self.connection.execute("PRAGMA user_version").fetchone()[0])
            except sqlite3.Error as error:
                raise store_error(error, self.path) from None

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back when it raises."""
        with self.lock:
            try:
                self._retry(lambda: self.connection.execute("BEGIN IMMEDIATE"))
            except sqlite3.Error as error:
                raise store_error(error, self.path) from None
            try:
                yield self.connection
                self._retry(lambda: self.connection.execute("COMMIT"))
            except BaseException as error:
                self._rollback()
                if isinstance(error, sqlite3.Error):
                    raise store_error(error, self.path) from None
                raise

    def read(self, sql: str, parameters: tuple[Any, ...] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        return self.run(lambda connection: connection.execute(sql, parameters).fetchall())

    def run(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """`action(connection)` under the lock, retried while busy, SQLite errors turned into StoreErrors."""
        with self.lock:
            try:
                return self._retry(lambda: action(self.connection))
            except sqlite3.Error as error:
                raise store_error(error, self.path) from None

    def close(self) -> None:
        with self.lock:
            self.connection.close()

    def _rollback(self) -> None:
        if self.connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already (SQLITE_FULL)
                self.connection.execute("ROLLBACK")

    @staticmethod
    def _retry(action: Callable[[], T]) -> T:
        """Run `action`, retrying when SQLite stays busy past its own timeout."""
        for attempt in range(BUSY_RETRIES):
            try:
                return action()
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or attempt == BUSY_RETRIES - 1:
                    raise
                time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")


def _configure(connection: sqlite3.Connection) -> None:
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    connection.execute("PRAGMA foreign_keys = ON")
    mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(f"database could not switch to WAL mode (it is in {mode} mode)")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.create_function("entity_id", 1, entity_id, deterministic=True)


def _is_busy(error: sqlite3.Error) -> bool:
    name = getattr(error, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(error) or "busy" in str(error)


_BUSY = ("another process kept it locked", "wait for the other corroborator command to finish")
_READONLY = ("it is read-only", "make the file and its folder writable, or give another --db")
_HINTS: dict[str, tuple[str, str]] = {
    "SQLITE_FULL": ("the disk is full", "free some space and run it again; nothing was half-written"),
    "SQLITE_READONLY": _READONLY,
    "SQLITE_CANTOPEN": ("it cannot be opened", "check the path and that its folder is writable"),
    "SQLITE_NOTADB": ("it is not a corroborator database", "give another path with --db"),
    "SQLITE_CORRUPT": ("it is damaged", "restore it from an export, or give another path with --db"),
    "SQLITE_BUSY": _BUSY,
    "SQLITE_LOCKED": _BUSY,
    "SQLITE_IOERR": ("a disk read or write failed", "check the disk and the path, then run it again"),
    "SQLITE_PERM": ("permission was denied", "make the file and its folder accessible"),
}


def store_error(error: sqlite3.Error, path: Path) -> StoreError:
    """A StoreError saying what went wrong with the database at `path` and what to do about it."""
    name = str(getattr(error, "sqlite_errorname", ""))
    for code, (what, hint) in _HINTS.items():
        if name.startswith(code):
            return StoreError(f"database {path}: {what} ({error})", hint)
    if "readonly" in str(error):
        return StoreError(f"database {path}: {_READONLY[0]} ({error})", _READONLY[1])
    fatal = not isinstance(error, sqlite3.IntegrityError)
    return StoreError(f"database {path}: {error}", "run with CORROBORATOR_DEBUG=1 for details", fatal=fatal)
