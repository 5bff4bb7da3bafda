"""`corroborator compare FILE_OR_URL...` (no database) and `corroborator show STORY_ID` (a stored story):
what the reports agree on, where they differ, what only one says, and where each claim comes from."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from corroborator.cli.common import DbOption, fail, print_error, stdout_console
from corroborator.compare.sources import brief_for_story, compare_sources
from corroborator.ingest import ReadOptions
from corroborator.render import FORMATS, render
from corroborator.render.text import print_brief
from corroborator.store import resolve_db_path
from corroborator.types import Brief

FormatOption = Annotated[
    str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.", show_default=True)
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Write to this file instead of the terminal.", dir_okay=False),
]


def register(app: typer.Typer) -> None:
    app.command("compare")(compare)
    app.command("show")(show)


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not a format; use one of: {', '.join(FORMATS)}")
    return fmt


def compare(
    sources: Annotated[
        list[str], typer.Argument(metavar="FILE_OR_URL...", help="Files, folders, globs, URLs.")
    ],
    fmt: FormatOption = "text",
    out: OutOption = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow URLs on private or local addresses.")
    ] = False,
) -> None:
    """Compare the given reports as one story: agreements, discrepancies, single-source facts, origins,
    timeline and entities. Needs no database."""
    _check_format(fmt)
    comparison = compare_sources(sources, ReadOptions(allow_private=allow_private))
    for failure in comparison.failures:
        print_error(f"{failure.item}: {failure.reason}")
    _emit(comparison.brief, fmt, out)


def show(
    story_id: Annotated[
        str, typer.Argument(metavar="STORY_ID", help="A stored story (see `corroborator stories`).")
    ],
    fmt: FormatOption = "text",
    out: OutOption = None,
    db: DbOption = None,
) -> None:
    """Show the brief of a stored story."""
    _check_format(fmt)
    path = resolve_db_path(db)
    if not path.exists():
        fail(f"no database at {path}", "store articles first with `corroborator ingest`, or pass --db")
    _emit(brief_for_story(path, story_id), fmt, out)


def _emit(brief: Brief, fmt: str, out: Path | None) -> None:
    if out is not None:
        try:
            out.write_text(render(brief, fmt), encoding="utf-8")
        except OSError as error:
            fail(f"cannot write {out}: {error.strerror}", "check the folder exists and is writable")
        return
    if fmt == "text":
        print_brief(stdout_console(), brief)
    else:
        typer.echo(render(brief, fmt), nl=False)
