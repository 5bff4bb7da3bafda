"""What every format shares: article names, evidence lines, section order."""

from __future__ import annotations

from corroborator.types import Brief, Evidence

SNIPPET = 120


def article_names(brief: Brief) -> dict[str, str]:
    return {a.id: a.name or a.outlet or a.id[:8] for a in brief.articles}


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
