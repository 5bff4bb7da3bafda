"""What every command shares: the --db option, date options, consoles, and errors printed as one line."""

from __future__ import annotations

import os
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from typer.core import TyperGroup

from corroborator.errors import CorroboratorError

if TYPE_CHECKING:
    from corroborator.api import Corroborator

DEBUG_ENV = "CORROBORATOR_DEBUG"

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="CORROBORATOR_DB",
        help="SQLite database file (default: $CORROBORATOR_DB, else ./corroborator.db).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def stdout_console() -> Console:
    return Console(highlight=False, soft_wrap=not sys.stdout.isatty())


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False)


def open_corroborator(db: Path | None) -> Corroborator:
    """The API over the database chosen by --db / $CORROBORATOR_DB / ./corroborator.db."""
    from corroborator.api import Corroborator

    return Corroborator(db)


def debug_enabled() -> bool:
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


def print_error(message: str) -> None:
    """One line `error: MESSAGE` on stderr, control characters flattened so it stays one line."""
    flat = " ".join(message.split())
    typer.echo(f"error: {flat}", err=True)


def fail(message: str, hint: str = "", code: int = 1) -> NoReturn:
    print_error(CorroboratorError(message, hint).one_line())
    raise typer.Exit(code)


def iso_date(value: str | None) -> str | None:
    """Typer callback: accept `2023`, `2023-08`, `2023-08-06` or an ISO date-time; refuse anything else."""
    if value is None:
        return None
    text = value.strip()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2}([T ][\d:.+\-Z]+)?)?)?", text) or not _valid_date(text):
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD (e.g. 2023-08-06)")
    return text


def _valid_date(text: str) -> bool:
    try:
        if len(text) > 10:
            datetime.fromisoformat(text)
        else:
            parts = [int(part) for part in text.split("-")] + [1, 1]
            date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


class CorroboratorGroup(TyperGroup):
    """The command group: a CorroboratorError becomes `error: MESSAGE (HINT)` on stderr and exit status 1;
    any other exception becomes one line too (its traceback only with CORROBORATOR_DEBUG=1)."""

    def get_help_option(self, ctx: Any) -> Any:
        """The --help flag, False when not given: typer converts a flag left at None with a pydantic
        validator, and importing pydantic for it would slow `corroborator COMMAND --help` by ~0.1 s."""
        option = super().get_help_option(ctx)
        if option is not None and option.default is None:
            option.default = False
        return option

    def invoke(self, ctx: Any) -> Any:  # ctx: typer's vendored click Context, not a public name
        try:
            return super().invoke(ctx)
        except (typer.TyperException, typer.Exit, typer.Abort):
            raise
        except CorroboratorError as error:
            print_error(error.one_line())
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            print_error("interrupted (what was already stored is kept; run the command again to finish)")
            raise typer.Exit(130) from None
        except Exception as error:
            if debug_enabled():
                raise
            print_error(
                f"unexpected {type(error).__name__}: {error} "
                f"(run again with {DEBUG_ENV}=1 for the traceback, and please report it)"
            )
            raise typer.Exit(1) from None
