"""Errors that reach a user: one line saying what was wrong, and a hint saying what to do."""

from __future__ import annotations


class CorroboratorError(Exception):
    """Base error. `status` maps to an HTTP status in the web app and to an exit code in the CLI."""

    status = 400

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(CorroboratorError):
    """The input could not be read: missing file, bad format, refused URL."""


class NotFound(CorroboratorError):
    status = 404


class StoreError(CorroboratorError):
    """The database could not be opened or written (locked, full, corrupt, newer schema).

    `fatal` is False when only the one write failed (a constraint refused it) and the database is fine,
    so a batch may go on past it."""

    status = 503

    def __init__(self, message: str, hint: str = "", fatal: bool = True) -> None:
        super().__init__(message, hint)
        self.fatal = fatal


class FetchError(InputError):
    """A URL could not be fetched: refused address, timeout, too large, wrong content type."""
