"""`corroborator compare FILE_OR_URL...` (no database) and `corroborator show STORY_ID` (a stored story):
what the reports agree on, where they differ, what only one says, and where each claim comes from."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from corroborator.cli.common import DbOption, fail, print_error, stdout_console

if TYPE_CHECKING:
    from corroborator.types import Brief

FORMATS: tuple[str, ...] = ("text", "md", "json", "html")
"""`corroborator.render.FORMATS`, spelled out: importing the renderers would slow every --help
(tests/cli/test_cli_imports.py checks the two agree)."""

FormatOption = Annotated[
    str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.", show_default=True)
]
AllOption = Annotated[
    bool,
    typer.Option(
        "--all", help="List every single-source fact, not only the five best-ranked of each article."
    ),
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
    show_all: AllOption = False,
) -> None:
    """Compare the given reports as one story: agreements, discrepancies, single-source facts, origins,
    timeline and entities. Needs no database."""
    _check_format(fmt)
    from corroborator.compare.sources import compare_sources
    from corroborator.ingest import ReadOptions
    from corroborator.types.brief import SINGLE_SOURCE_SHOWN

    limit = None if show_all else SINGLE_SOURCE_SHOWN
    comparison = compare_sources(sources, ReadOptions(allow_private=allow_private), limit)
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
    show_all: AllOption = False,
) -> None:
    """Show the brief of a stored story."""
    _check_format(fmt)
    from corroborator.compare.sources import brief_for_story
    from corroborator.store import resolve_db_path
    from corroborator.types.brief import SINGLE_SOURCE_SHOWN

    path = resolve_db_path(db)
    if not path.exists():
        fail(f"no database at {path}", "store articles first with `corroborator ingest`, or pass --db")
    _emit(brief_for_story(path, story_id, None if show_all else SINGLE_SOURCE_SHOWN), fmt, out)


def _emit(brief: Brief, fmt: str, out: Path | None) -> None:
    from corroborator.render import render
    from corroborator.render.text import print_brief

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
