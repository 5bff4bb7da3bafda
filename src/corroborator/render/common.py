"""What every format shares: article names, evidence lines, section order."""

from __future__ import annotations

import dataclasses
from typing import TypeVar

from corroborator.types import Agreement, Brief, Discrepancy, Evidence

SNIPPET = 120


def article_names(brief: Brief) -> dict[str, str]:
    return {a.id: a.name or a.outlet or a.id[:8] for a in brief.articles}


T = TypeVar("T")


def contradictions(brief: Brief) -> list[Discrepancy]:
    """The discrepancies that are conflicts between reports (every kind but `update`)."""
    return [d for d in brief.discrepancies if d.kind != "update"]


def updates(brief: Brief) -> list[Discrepancy]:
    """Figures that changed between reports of different days, each with its evidence oldest first."""
    return [d for d in brief.discrepancies if d.kind == "update"]


def agreements_title(brief: Brief) -> str:
    """ "Agreements (12 facts, 5 details agreed within them)"."""
    details = sum(1 for a in brief.agreements if a.detail)
    facts = len(brief.agreements) - details
    within = f", {details} detail{'s' if details != 1 else ''} agreed within them" if details else ""
    return f"Agreements ({facts} fact{'s' if facts != 1 else ''}{within})"


def agreement_label(agreement: Agreement) -> str:
    """A whole fact's statement; a detail's shown under its fact: "↳ number: seven life sentences"."""
    return f"↳ {agreement.detail}: {agreement.fact}" if agreement.detail else agreement.fact


def flat(text: str, limit: int = SNIPPET) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1].rstrip() + "…"


def evidence_line(evidence: Evidence, names: dict[str, str], limit: int = SNIPPET) -> str:
    where = f"{names.get(evidence.article, evidence.article)} [{evidence.start}:{evidence.end}]"
    return f"{where}: {flat(evidence.text, limit)}"


def date_range(date: str, end: str | None) -> str:
    return f"{date} – {end}" if end else date


def article_line(brief: Brief, article_id: str) -> str:
    for article in brief.articles:
        if article.id == article_id:
            date = article.published or (
                f"{article.inferred_date} (inferred)" if article.inferred_date else "undated"
            )
            details = [article.outlet or "unknown outlet", date, f"id {article.id}"]
            if article.title:
                details.insert(0, article.title)
            return " · ".join(details)
    return article_id


_CONTROLS = {c: None for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]}
_CONTROLS.update({c: None for c in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069)})


def without_controls(text: str) -> str:
    """Text for a terminal, a Markdown file or a page: no control characters (escape sequences, NUL) and no
    bidirectional overrides that could disguise what an article says; newlines and tabs stay."""
    return text.translate(_CONTROLS)


def printable(value: T) -> T:
    """A copy of a brief (or any part of it) with `without_controls` applied to every string in it."""
    if isinstance(value, str):
        return without_controls(value)  # type: ignore[return-value]
    if isinstance(value, list):
        return [printable(item) for item in value]  # type: ignore[return-value]
    if isinstance(value, dict):
        return {printable(k): printable(v) for k, v in value.items()}  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: printable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value
