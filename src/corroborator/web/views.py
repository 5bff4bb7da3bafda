"""What the HTML pages add to the shared data: highlighted texts, chart geometry, relay trees."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from corroborator.web.charts import Timeline, relay_tree, timeline
from corroborator.web.highlight import Mark, evidence_marks, highlight, locate

TIME_PROBLEMS = ("weekday_mismatch",)


def article_names(data: Mapping[str, Any]) -> dict[str, str]:
    """The short name of each source, as the brief's explanations use it (outlet, else file name)."""
    names = {
        article["id"]: article["outlet"] or article["title"] or article["id"] for article in data["articles"]
    }
    for article in data["brief"].get("articles", []):
        if article.get("name"):
            names[article["id"]] = str(article["name"])
    return names


def story_view(data: Mapping[str, Any]) -> dict[str, Any]:
    """Each source's text with its discrepancies, single-source facts and shared facts marked."""
    brief = data["brief"]
    found = brief.get("discrepancies", [])
    contradictions = [d for d in found if d.get("kind") != "update"]
    updates = [d for d in found if d.get("kind") == "update"]
    columns = []
    for article in data["articles"]:
        marks = [
            *evidence_marks(article["id"], article["text"], contradictions, "discrepancy", "d"),
            *evidence_marks(article["id"], article["text"], updates, "update", "u"),
            *evidence_marks(article["id"], article["text"], brief.get("single_source", []), "single", "s"),
            *evidence_marks(article["id"], article["text"], brief.get("agreements", []), "agreement", "a"),
        ]
        columns.append(
            {"article": article, "html": highlight(article["text"], marks), "copy_of": article["copy_of"]}
        )
    relays = [
        (trace, relay_tree(trace["origin"], trace.get("chains", [])))
        for trace in brief.get("origins", [])
        if trace.get("role", "origin") == "origin"
    ]
    return {
        "contradictions": contradictions,
        "updates": updates,
        "columns": columns,
        "outlets": article_names(data),
        "timeline": timeline(brief.get("timeline", [])),
        "relays": relays,
    }


def storyline_view(data: Mapping[str, Any]) -> Timeline:
    """The storyline's events on a timeline: each from its first article to its last."""
    return timeline(
        [
            {"date": e["first_published"], "end": e["last_published"], "what": e["headline"] or e["id"]}
            for e in data["events"]
        ]
    )


def _span_mark(text: str, item: Mapping[str, Any], kind: str, note: str) -> Mark | None:
    span = locate(text, int(item["start"]), int(item["end"]), str(item.get("text", "")))
    return Mark(span[0], span[1], kind, note) if span else None


def _time_mark(text: str, time: Mapping[str, Any]) -> Mark | None:
    flags = [str(flag) for flag in time.get("flags", [])]
    problem = any(flag.startswith(TIME_PROBLEMS) for flag in flags)
    note = "; ".join([f"{time.get('type')} {time.get('value') or 'unresolved'}", *flags])
    return _span_mark(text, time, "discrepancy" if problem else "time", note)


def annotation_marks(text: str, annotations: Mapping[str, Any]) -> list[Mark]:
    marks: list[Mark | None] = []
    for entity in annotations.get("entities", []):
        marks.append(_span_mark(text, entity, "entity", f"{entity['label']}: {entity['entity']}"))
    marks.extend(_time_mark(text, time) for time in annotations.get("times", []))
    for quantity in annotations.get("quantities", []):
        value = quantity.get("value")
        marks.append(
            _span_mark(
                text, quantity, "quantity", f"{value if value is not None else '?'} {quantity['unit']}"
            )
        )
    for quote in annotations.get("quotes", []):
        speaker = quote.get("speaker_entity") or (quote.get("speaker") or {}).get("text") or "unknown speaker"
        speaker = " and ".join([speaker, *quote.get("co_speakers", [])])
        via = " via " + ", ".join(quote["via"]) if quote.get("via") else ""
        marks.append(_span_mark(text, quote["content"], "quote", f"said by {speaker}{via}"))
    return [mark for mark in marks if mark is not None]


def article_view(data: Mapping[str, Any]) -> dict[str, Any]:
    text = data["article"]["text"]
    annotations = data.get("annotations") or {}
    return {"html": highlight(text, annotation_marks(text, annotations))}
