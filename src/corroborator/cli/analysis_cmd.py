"""`corroborator article ID`: one stored article with what analysis found in it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from corroborator.cli.common import DbOption, JsonOption, fail, stdout_console

if TYPE_CHECKING:
    from corroborator.types import Analysis, Article

LABEL_STYLES = {
    "PERSON": "bold cyan",
    "ORG": "bold magenta",
    "GPE": "bold green",
    "LOC": "green",
    "NORP": "yellow",
    "PRODUCT": "bold red",
    "EVENT": "bold blue",
    "FAC": "blue",
}
TIME_STYLE = "underline"
SNIPPET = 110


def register(app: typer.Typer) -> None:
    app.command("article")(article)


def article(
    article_id: Annotated[
        str, typer.Argument(metavar="ID", help="The article id (see `corroborator articles`).")
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show a stored article with its entities, times, quotes and claims (analysed now if not stored)."""
    from corroborator.store import Store, analysis_to_dict, article_to_dict, resolve_db_path

    path = resolve_db_path(db)
    if not path.exists():
        fail(f"no database at {path}", "store articles first with `corroborator ingest`, or pass --db")
    with Store(path) as store:
        stored = store.get_article(article_id)
        analysis = store.get_analysis(article_id)
    if analysis is None:
        from corroborator.analyze.pipeline import shared_analyzer

        analysis = shared_analyzer().analyze_one(stored)
    if as_json:
        payload = {"article": article_to_dict(stored), "analysis": analysis_to_dict(analysis)}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    print_article(stdout_console(), stored, analysis)


def print_article(console: Console, stored: Article, analysis: Analysis) -> None:
    """The article text with entities coloured and times underlined, then one table per kind of finding."""
    console.print(Panel(Group(_header(stored), Text(""), _annotated_text(stored, analysis)), expand=True))
    for table in (_entities(analysis), _times(analysis), _quotes(analysis, stored.outlet), _claims(analysis)):
        if table.row_count:
            console.print(table)


def _header(stored: Article) -> Text:
    header = Text(stored.title or "(untitled)", style="bold")
    details = [stored.outlet or "unknown outlet", stored.published or "undated", f"id {stored.id}"]
    if stored.url:
        details.append(stored.url)
    header.append("\n" + "  ·  ".join(details), style="dim")
    return header


def _annotated_text(stored: Article, analysis: Analysis) -> Text:
    text = Text(stored.text)
    for mention in analysis.entities:
        text.stylize(LABEL_STYLES.get(mention.label, "bold"), mention.start, mention.end)
    for time in analysis.times:
        text.stylize(TIME_STYLE + (" red" if time.flags else ""), time.start, time.end)
    return text


def _entities(analysis: Analysis) -> Table:
    table = Table(title="Entities", title_justify="left")
    for column in ("entity", "label", "mentions", "as written"):
        table.add_column(column)
    grouped: dict[tuple[str, str], list[str]] = {}
    for mention in analysis.entities:
        grouped.setdefault((mention.entity, mention.label), []).append(mention.text)
    for (entity, label), texts in grouped.items():
        variants = ", ".join(sorted(set(texts) - {entity}))
        table.add_row(Text(entity, style=LABEL_STYLES.get(label, "")), label, str(len(texts)), variants)
    return table


def _times(analysis: Analysis) -> Table:
    table = Table(title="Times", title_justify="left")
    for column in ("text", "type", "value", "flags"):
        table.add_column(column)
    for time in analysis.times:
        value = time.value or "?"
        if time.end_value:
            value += f" .. {time.end_value}"
        table.add_row(time.text, time.type, value, Text("; ".join(time.flags), style="bold red"))
    return table


def _quotes(analysis: Analysis, outlet: str | None) -> Table:
    from corroborator.analyze.quotes.relay import relay_chain

    table = Table(title="Quotes", title_justify="left")
    for column in ("kind", "relay chain (origin first)", "content"):
        table.add_column(column)
    for quote in analysis.quotes:
        chain = relay_chain(quote, outlet) or ["?"]
        table.add_row(quote.kind, " → ".join(chain), _snippet(quote.content.text))
    return table


def _claims(analysis: Analysis) -> Table:
    table = Table(title="Claims", title_justify="left")
    for column in ("#", "claim", "source chain", "negated"):
        table.add_column(column)
    for claim in analysis.claims:
        table.add_row(
            str(claim.index),
            _snippet(claim.text),
            " → ".join(claim.attribution),
            "yes" if claim.negated else "",
        )
    return table


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET else flat[: SNIPPET - 1] + "…"
