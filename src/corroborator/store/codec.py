"""JSON-ready dicts from the shared dataclasses and back: used by the store, by JSONL export and by any stage
that writes these types to a file. `x_from_dict(x_to_dict(obj)) == obj` for every type here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from corroborator.errors import InputError
from corroborator.types import (
    Analysis,
    Article,
    Claim,
    CopyLink,
    EntityMention,
    Quantity,
    Quote,
    Span,
    Story,
    TimeExpr,
)
from corroborator.types.plain import as_dict, field_names

T = TypeVar("T")


def article_to_dict(article: Article) -> dict[str, Any]:
    return as_dict(article)


def article_from_dict(data: Mapping[str, Any]) -> Article:
    """An Article from a dict; keys that are not Article fields are ignored, `text` is required."""
    if not isinstance(data.get("text"), str):
        raise InputError("article record has no text", "give each article a string field 'text'")
    article = _build(Article, data)
    article.removed = list(article.removed)
    return article


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    return as_dict(analysis)


def analysis_from_dict(data: Mapping[str, Any]) -> Analysis:
    if not isinstance(data.get("article_id"), str):
        raise InputError("analysis record has no article_id", "give each analysis its article's id")
    return Analysis(
        article_id=data["article_id"],
        sentences=[(int(start), int(end)) for start, end in data.get("sentences", [])],
        entities=[_build(EntityMention, item) for item in data.get("entities", [])],
        times=[_time_from_dict(item) for item in data.get("times", [])],
        quantities=[_build(Quantity, item) for item in data.get("quantities", [])],
        quotes=[_quote_from_dict(item) for item in data.get("quotes", [])],
        claims=[_claim_from_dict(item) for item in data.get("claims", [])],
        version=int(data.get("version", 1)),
    )


def story_to_dict(story: Story) -> dict[str, Any]:
    return as_dict(story)


def story_from_dict(data: Mapping[str, Any]) -> Story:
    if not isinstance(data.get("id"), str):
        raise InputError("story record has no id", "give each story a string field 'id'")
    return Story(
        id=data["id"],
        articles=list(data.get("articles", [])),
        copies=[_build(CopyLink, item) for item in data.get("copies", [])],
        headline=data.get("headline", ""),
        outlets=list(data.get("outlets", [])),
        first_published=data.get("first_published"),
        last_published=data.get("last_published"),
        storyline=str(data.get("storyline") or ""),
    )


def _build(cls: type[T], data: Mapping[str, Any]) -> T:
    """`cls(**data)` keeping only the fields `cls` has; a missing required field is an InputError."""
    if not isinstance(data, Mapping):
        raise InputError(f"expected an object for {cls.__name__}, got {type(data).__name__}")
    names = field_names(cls) or ()
    try:
        return cls(**{key: value for key, value in data.items() if key in names})
    except TypeError as error:
        raise InputError(f"bad {cls.__name__} record: {error}", "check the field names") from None


def _span(data: Mapping[str, Any] | None) -> Span | None:
    return None if data is None else _build(Span, data)


def _time_from_dict(data: Mapping[str, Any]) -> TimeExpr:
    time = _build(TimeExpr, data)
    time.flags = list(time.flags)
    return time


def _quote_from_dict(data: Mapping[str, Any]) -> Quote:
    content = _span(data.get("content"))
    if content is None:
        raise InputError("quote record has no content", "give each quote a content span")
    return Quote(
        content=content,
        speaker=_span(data.get("speaker")),
        speaker_entity=data.get("speaker_entity"),
        cue=_span(data.get("cue")),
        kind=data.get("kind", "indirect"),
        via=list(data.get("via", [])),
        cites=list(data.get("cites", [])),
        co_speakers=list(data.get("co_speakers", [])),
    )


def _claim_from_dict(data: Mapping[str, Any]) -> Claim:
    claim = _build(Claim, data)
    claim.entities = list(claim.entities)
    claim.times = list(claim.times)
    claim.quantities = list(claim.quantities)
    claim.attribution = list(claim.attribution)
    return claim
