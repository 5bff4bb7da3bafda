"""The brief as Markdown."""

from __future__ import annotations

from corroborator.render.common import (
    agreement_label,
    agreements_title,
    article_line,
    article_names,
    contradictions,
    date_range,
    evidence_line,
    flat,
    updates,
)
from corroborator.types import Brief


def _cell(text: str) -> str:
    """One line, pipes escaped for tables, angle brackets escaped so no source text becomes HTML."""
    return flat(text, 200).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render_markdown(brief: Brief) -> str:
    names = article_names(brief)
    lines = [f"# Story {brief.story}", ""]
    lines += [f"- **{_cell(names[a.id])}**: {_cell(article_line(brief, a.id))}" for a in brief.articles]
    lines += ["", f"_{_cell(brief.independence)}_", "", f"## {agreements_title(brief)}", ""]
    for agreement in brief.agreements:
        single = " — **single origin**" if agreement.single_origin else ""
        indent = "  " if agreement.detail else ""
        lines.append(
            f"{indent}- {_cell(agreement_label(agreement))} "
            f"(origins: {_cell(', '.join(agreement.origins))}{single})"
        )
        lines += [f"{indent}  - {_cell(evidence_line(e, names))}" for e in agreement.evidence]
    found, changed = contradictions(brief), updates(brief)
    lines += ["", f"## Discrepancies ({len(found)})", ""]
    for item in found:
        lines.append(f"- **{item.kind}** (severity {item.severity}): {_cell(item.explanation)}")
        lines += [f"  - {_cell(evidence_line(e, names))}" for e in item.evidence]
        lines += [f"  - fact compared: {_cell(evidence_line(f, names))}" for f in item.facts]
    if changed:
        lines += ["", f"## Changes over time ({len(changed)})", ""]
    for item in changed:
        lines.append(f"- {_cell(item.explanation)}")
        lines += [f"  {n}. {_cell(evidence_line(e, names))}" for n, e in enumerate(item.evidence, start=1)]
    lines += ["", f"## Single-source facts ({len(brief.single_source)})", ""]
    lines += [
        f"- {_cell(names.get(f.article, f.article))} #{f.rank}: {_cell(f.fact)} ({_cell(f.why)})"
        for f in brief.single_source
    ]
    lines += ["", "## Timeline", "", "| date | what | sources |", "| --- | --- | --- |"]
    for event in brief.timeline:
        when = date_range(event.date, event.end) + (" (inferred)" if event.inferred else "")
        sources = ", ".join(sorted({names.get(e.article, e.article) for e in event.evidence}))
        lines.append(f"| {when} | {_cell(event.what)} | {_cell(sources)} |")
    lines += ["", "## Origins", "", "| origin | kind | chains | articles |", "| --- | --- | --- | --- |"]
    for trace in brief.origins:
        chains = "; ".join(" → ".join(chain) for chain in trace.chains)
        articles = ", ".join(names.get(a, a) for a in trace.articles)
        kind = f"{trace.kind}, relay" if trace.role == "relay" else trace.kind
        lines.append(f"| {_cell(trace.origin)} | {kind} | {_cell(chains)} | {_cell(articles)} |")
    lines += ["", "## Entities", "", "| entity | label | variants | mentions |", "| --- | --- | --- | --- |"]
    for row in brief.entities:
        mentions = ", ".join(f"{names.get(a, a)}: {n}" for a, n in row.mentions.items())
        lines.append(
            f"| {_cell(row.entity)} | {row.label} | {_cell(', '.join(row.variants))} | {_cell(mentions)} |"
        )
    return "\n".join(lines) + "\n"
