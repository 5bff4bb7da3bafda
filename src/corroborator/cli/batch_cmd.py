"""`corroborator batch`: the whole pipeline over many inputs into a folder of JSONL and Parquet files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from corroborator.cli.common import stderr_console

if TYPE_CHECKING:
    from corroborator.batch.run import BatchReport, Engine


def register(app: typer.Typer) -> None:
    app.command("batch")(batch)


def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="JSONL (.gz too), CSV, Parquet, WARC, text or HTML inputs.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder (created; re-runs resume).")],
    engine: Annotated[str, typer.Option("--engine", help="local (processes) or ray.")] = "local",
    address: Annotated[
        str | None, typer.Option("--address", help="Ray cluster address (ray://HOST:10001 or auto).")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Processes or Ray actors (default: all cores).")
    ] = None,
    shard_size: Annotated[
        int, typer.Option("--shard-size", min=1, help="Articles per resumable shard.")
    ] = 100,
    no_briefs: Annotated[bool, typer.Option("--no-briefs", help="Skip the briefs (faster).")] = False,
    semantic_briefs: Annotated[
        bool,
        typer.Option(
            "--semantic-briefs",
            help="Align claims with sentence embeddings, as `show` does (slower; default: words and facts).",
        ),
    ] = False,
    no_parquet: Annotated[bool, typer.Option("--no-parquet", help="Write JSONL only.")] = False,
    fresh: Annotated[
        bool, typer.Option("--fresh", help="Forget the shards of earlier runs into --out; analyse all again.")
    ] = False,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow URLs on local addresses.")
    ] = False,
) -> None:
    """Analyse INPUTs, group them into stories and build a brief per story.

    Writes articles, stories and briefs (.jsonl and .parquet), rejects.jsonl and summary.jsonl into --out.
    Shards analysed by an earlier run into the same --out are reused (only new or changed ones are redone).
    Items that fail are listed with their reason in rejects.jsonl; the rest of the batch goes on."""
    if engine not in ("local", "ray"):
        raise typer.BadParameter(f"--engine must be local or ray, not {engine!r}")
    from corroborator.batch.run import BATCH_MAX_BYTES, BatchOptions, run_batch
    from corroborator.ingest import ReadOptions

    chosen: Engine = "ray" if engine == "ray" else "local"
    options = BatchOptions(
        engine=chosen,
        address=address,
        workers=workers,
        shard_size=shard_size,
        read=ReadOptions(allow_private=allow_private, max_bytes=BATCH_MAX_BYTES),
        parquet=not no_parquet,
        briefs=not no_briefs,
        semantic_briefs=semantic_briefs,
        fresh=fresh,
    )
    console = stderr_console()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
        transient=True,
    ) as bar:
        task = bar.add_task("analysing", total=None)
        report = run_batch(inputs, out, options, progress=lambda _stage, n: bar.advance(task, n))
    _print_summary(report)
    if report.articles == 0:
        raise typer.Exit(1)


def _print_summary(report: BatchReport) -> None:
    typer.echo(
        f"{report.articles} articles, {report.stories} stories, {report.briefs} briefs "
        f"in {report.seconds:.1f} s "
        f"({report.shards_run} shards run, {report.shards_skipped} reused) -> {report.out_dir}"
    )
    rejected = [reject for reject in report.rejects if not reject.kept]
    problems = len(report.rejects) - len(rejected)
    if problems:
        typer.echo(f"{problems} articles kept with part of their analysis missing (see rejects.jsonl)")
    if rejected:
        typer.echo(f"{len(rejected)} rejected (listed in {report.out_dir / 'rejects.jsonl'}):")
        for reject in rejected[:20]:
            typer.echo(f"  {reject.item}: {' '.join(reject.reason.split())}")
        if len(rejected) > 20:
            typer.echo(f"  ... and {len(rejected) - 20} more")
