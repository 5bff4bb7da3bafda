"""`corroborator export` and `corroborator import`: a whole database to one JSONL file and back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from corroborator.cli.common import DbOption, fail, print_error

if TYPE_CHECKING:
    from corroborator.store import ImportReport


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_file)


def export(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="The JSONL file to write (replaced if it exists).")
    ],
    db: DbOption = None,
) -> None:
    """Write every article (with its versions), analysis and story to one JSONL file."""
    from corroborator.store import Store, resolve_db_path

    path = resolve_db_path(db)
    if not path.exists():
        fail(f"no database at {path}", "store articles first with `corroborator ingest`, or pass --db")
    with Store(path) as store:
        counts = store.export_jsonl(out)
    typer.echo(
        f"exported {counts['articles']} articles, {counts['analyses']} analyses, "
        f"{counts['stories']} stories -> {out}"
    )


def import_file(
    source: Annotated[
        Path, typer.Argument(metavar="FILE.jsonl", help="A file made by `corroborator export`.")
    ],
    db: DbOption = None,
) -> None:
    """Add every record of an exported JSONL file to the database; records already stored are kept."""
    if not source.is_file():
        fail(f"no such file: {source}", "give a file made by `corroborator export`")
    from corroborator.store import Store

    with Store(db) as store:
        report = store.import_jsonl(source)
    _print_report(report)
    if report.failed and _imported(report) == 0 and report.present == 0:
        raise typer.Exit(1)


def _imported(report: ImportReport) -> int:
    return report.articles + report.analyses + report.stories


def _print_report(report: ImportReport) -> None:
    typer.echo(
        f"imported {report.articles} articles ({report.present} already present), "
        f"{report.analyses} analyses, {report.stories} stories, failed {len(report.failed)}"
    )
    for failure in report.failed:
        print_error(f"{failure.item}: {failure.reason}")
