"""The brief for a terminal: rich tables and panels, rendered to a string."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from corroborator.render.common import (
    agreement_label,
    agreements_title,
    article_line,
    article_names,
    contradictions,
    date_range,
    evidence_line,
    flat,
    printable,
    updates,
)
from corroborator.types import Brief

SEVERITY_STYLE = {5: "bold red", 4: "red", 3: "yellow", 2: "cyan", 1: "dim"}


def render_text(brief: Brief, width: int = 100, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color, highlight=False)
    print_brief(console, brief)
    return buffer.getvalue()


def print_brief(console: Console, brief: Brief) -> None:
    brief = printable(brief)
    names = article_names(brief)
    console.print(Text(f"Story {brief.story}", style="bold"))
    for article in brief.articles:
        console.print(f"  {names[article.id]}: {article_line(brief, article.id)}")
    console.print(Text(brief.independence, style="italic"))
    for table in (
        _agreements(brief, names),
        _discrepancies(brief, names),
        _updates(brief, names),
        _single_source(brief, names),
        _timeline(brief, names),
        _origins(brief, names),
        _entities(brief, names),
    ):
        console.print()
        console.print(table)


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=True, expand=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _agreements(brief: Brief, names: dict[str, str]) -> Table:
    table = _table(agreements_title(brief), "fact", "sources", "origins")
    for agreement in brief.agreements:
        sources = "\n".join(evidence_line(e, names, 80) for e in agreement.evidence)
        origins = ", ".join(agreement.origins) + (" (single origin)" if agreement.single_origin else "")
        table.add_row(flat(agreement_label(agreement)), sources, origins)
    return table


def _discrepancies(brief: Brief, names: dict[str, str]) -> Table:
    found = contradictions(brief)
    table = _table(f"Discrepancies ({len(found)})", "kind", "sev", "explanation", "evidence")
    for item in found:
        style = SEVERITY_STYLE.get(item.severity, "")
        evidence = "\n".join(
            [evidence_line(e, names, 60) for e in item.evidence]
            + [f"fact compared: {evidence_line(f, names, 60)}" for f in item.facts]
        )
        table.add_row(Text(item.kind, style=style), str(item.severity), item.explanation, evidence)
    return table


def _updates(brief: Brief, names: dict[str, str]) -> Table:
    changed = updates(brief)
    table = _table(f"Changes over time ({len(changed)})", "what changed", "earlier -> later")
    for item in changed:
        table.add_row(item.explanation, "\n-> ".join(evidence_line(e, names, 60) for e in item.evidence))
    return table


def _single_source(brief: Brief, names: dict[str, str]) -> Table:
    table = _table(
        f"Single-source facts ({len(brief.single_source)})", "article", "#", "fact", "why", "origin"
    )
    for fact in brief.single_source:
        table.add_row(
            names.get(fact.article, fact.article),
            str(fact.rank),
            flat(fact.fact),
            fact.why,
            ", ".join(fact.origins),
        )
    return table


def _timeline(brief: Brief, names: dict[str, str]) -> Table:
    table = _table("Timeline", "date", "what", "sources")
    for event in brief.timeline:
        when = date_range(event.date, event.end) + (" (inferred)" if event.inferred else "")
        sources = ", ".join(sorted({names.get(e.article, e.article) for e in event.evidence}))
        table.add_row(when, flat(event.what), sources)
    return table


def _origins(brief: Brief, names: dict[str, str]) -> Table:
    table = _table("Origins", "origin", "kind", "chains", "articles")
    for trace in brief.origins:
        chains = "\n".join(" → ".join(chain) for chain in trace.chains)
        kind = f"{trace.kind}, relay" if trace.role == "relay" else trace.kind
        table.add_row(trace.origin, kind, chains, ", ".join(names.get(a, a) for a in trace.articles))
    return table


def _entities(brief: Brief, names: dict[str, str]) -> Table:
    table = _table("Entities", "entity", "label", "variants", "mentions")
    for row in brief.entities:
        mentions = ", ".join(f"{names.get(a, a)}: {n}" for a, n in row.mentions.items())
        table.add_row(row.entity, row.label, ", ".join(row.variants), mentions)
    return table
