"""The JSONL rows that `corroborator batch` writes (the formats the scorers in ../shared/tools read)."""

from __future__ import annotations

from typing import Any

from corroborator.analyze.entities.aliases import entity_id
from corroborator.types import Analysis, Article, Quote, Span
from corroborator.types.plain import plain


def output_id(article: Article) -> str:
    """The id a batch row carries: the input's own id when it gave one, else the article's stable id."""
    return article.source_id or article.id


def _span(span: Span | None, entity: str | None = None) -> dict[str, Any] | None:
    if span is None:
        return None
    row: dict[str, Any] = {"start": span.start, "end": span.end, "text": span.text}
    if entity is not None:
        row["entity"] = entity
        row["entity_id"] = entity_id(entity)
    return row


def quote_row(quote: Quote) -> dict[str, Any]:
    speaker = _span(quote.speaker, quote.speaker_entity or (quote.speaker.text if quote.speaker else None))
    return {
        "speaker": speaker,
        "cue": _span(quote.cue),
        "content": _span(quote.content),
        "kind": quote.kind,
        "via": list(quote.via),
        "co_speakers": list(quote.co_speakers),
    }


def article_row(article: Article, analysis: Analysis | None) -> dict[str, Any]:
    """One line of `articles.jsonl`: the article and, when analysed, its annotations."""
    row: dict[str, Any] = {
        "id": output_id(article),
        "article_id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "published_source": article.published_source,
        "url": article.url,
        "origin": article.origin,
        "text": article.text,
    }
    if analysis is not None:
        row["entities"] = [
            {
                "start": e.start,
                "end": e.end,
                "text": e.text,
                "label": e.label,
                "entity": e.entity,
                "entity_id": entity_id(e.entity),
            }
            for e in analysis.entities
        ]
        row["times"] = [plain(t) for t in analysis.times]
        row["quantities"] = [plain(q) for q in analysis.quantities]
        row["quotes"] = [quote_row(q) for q in analysis.quotes]
        row["claims"] = [plain(c) for c in analysis.claims]
    return row
