"""`corroborator ingest`, `articles` and `search`: putting reports into the database and finding them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from corroborator.cli.common import (
    DbOption,
    JsonOption,
    iso_date,
    open_corroborator,
    print_error,
    stderr_console,
    stdout_console,
)

if TYPE_CHECKING:
    from corroborator.api import IngestReport
    from corroborator.store import SearchHit
    from corroborator.types import Article

LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many.")]


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("articles")(articles)
    app.command("search")(search)


def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, globs, http(s) URLs, or - (stdin).")],
    db: DbOption = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow URLs on private or local addresses.")
    ] = False,
    follow_links: Annotated[
        bool, typer.Option("--follow-links", help="Also read the articles a feed or index page links to.")
    ] = False,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Set this outlet name on every article read.")
    ] = None,
    no_analyze: Annotated[
        bool, typer.Option("--no-analyze", help="Only store the texts: no analysis, no stories (faster).")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Read news reports, analyse and store them, and put each into a story.

    A report already stored is left as it is; a changed text at a stored URL is kept as a new version."""
    from corroborator.ingest import ReadOptions

    options = ReadOptions(allow_private=allow_private, follow_links=follow_links, outlet=outlet)
    with open_corroborator(db) as corroborator, _progress_bar() as tick:
        report = corroborator.ingest(sources, options, progress=tick, analyze=not no_analyze)
    if report.read == 0:
        for failure in report.failed:
            print_error(f"{failure.item}: {failure.reason}")
        if not report.failed:
            print_error(f"no article found in {' '.join(sources)} (give files, folders or URLs with reports)")
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps(_report_dict(report), ensure_ascii=False, indent=2))
        return
    typer.echo(
        f"added {report.added}, already present {report.present}, updated {report.updated}, "
        f"failed {len(report.failed)}"
    )
    for failure in report.failed:
        typer.echo(f"  failed: {failure.item}: {' '.join(failure.reason.split())}")


@contextmanager
def _progress_bar() -> Iterator[Any]:
    """A spinner with counts on stderr while reading (nothing when stderr is not a terminal)."""
    from corroborator.types import Failure

    console = stderr_console()
    counts = {"read": 0, "failed": 0}
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task("reading", total=None)

        def tick(item: Article | Failure) -> None:
            counts["failed" if isinstance(item, Failure) else "read"] += 1
            progress.update(task, description=f"read {counts['read']}, failed {counts['failed']}")

        yield tick


def _report_dict(report: IngestReport) -> dict[str, Any]:
    return {
        "added": report.added,
        "present": report.present,
        "updated": report.updated,
        "failed": [{"item": failure.item, "reason": failure.reason} for failure in report.failed],
        "article_ids": report.article_ids,
    }


def articles(
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Published on or after (YYYY-MM-DD).", callback=iso_date)
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Published on or before (YYYY-MM-DD).", callback=iso_date)
    ] = None,
    limit: LimitOption = 100,
    as_json: JsonOption = False,
) -> None:
    """List stored articles, newest first."""
    with open_corroborator(db) as corroborator:
        found = corroborator.articles(outlet=outlet, since=since, until=until, limit=limit)
    if as_json:
        typer.echo(json.dumps([_article_summary(article) for article in found], ensure_ascii=False, indent=2))
        return
    if not found:
        print_error("no articles match (add some with `corroborator ingest SOURCE...`)")
        return
    table = Table("id", "published", "outlet", "words", "title")
    for article in found:
        summary = _article_summary(article)
        table.add_row(
            article.id, article.published or "", article.outlet or "", str(summary["words"]), article.title
        )
    stdout_console().print(table)


def _article_summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "published_source": article.published_source,
        "url": article.url,
        "words": len(article.text.split()),
    }


def search(
    query: Annotated[str, typer.Argument(help='Words to find (FTS5 syntax: "a phrase", OR, NOT, prefix*).')],
    db: DbOption = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over stored titles and texts, best match first, with snippets."""
    with open_corroborator(db) as corroborator:
        hits = corroborator.search(query, limit=limit)
    if as_json:
        typer.echo(json.dumps([_hit_dict(hit) for hit in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        print_error(f"nothing matches {query!r}")
        return
    console = stdout_console()
    for hit in hits:
        heading = f"{hit.id}  {hit.published or '-'}  {hit.outlet or '-'}  {hit.title}"
        console.print(Text(heading, style="bold"))
        snippet = Text("    " + hit.snippet)
        for start, end in hit.matches:
            snippet.stylize("reverse", start + 4, end + 4)
        console.print(snippet)


def _hit_dict(hit: SearchHit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "title": hit.title,
        "outlet": hit.outlet,
        "published": hit.published,
        "url": hit.url,
        "score": hit.score,
        "snippet": hit.snippet,
        "matches": [list(match) for match in hit.matches],
    }
