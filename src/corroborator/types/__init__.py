"""The shared types every stage takes and returns: plain dataclasses, no behaviour beyond small helpers."""

from corroborator.types.analysis import (
    Analysis,
    Claim,
    EntityMention,
    Quantity,
    Quote,
    Span,
    TimeExpr,
    TimeType,
)
from corroborator.types.article import (
    Article,
    DateSource,
    Failure,
    ReadResult,
    article_id,
    normalise_text,
)
from corroborator.types.brief import (
    Agreement,
    Brief,
    BriefArticle,
    Discrepancy,
    DiscrepancyKind,
    EntityRow,
    Evidence,
    OriginTrace,
    SingleSourceFact,
    TimelineEvent,
)
from corroborator.types.facts import Argument, Fact, FactKind, Role
from corroborator.types.story import Assignment, CopyLink, Story, Storyline

__all__ = [
    "Agreement",
    "Analysis",
    "Argument",
    "Article",
    "Assignment",
    "Brief",
    "BriefArticle",
    "Claim",
    "CopyLink",
    "DateSource",
    "Discrepancy",
    "DiscrepancyKind",
    "EntityMention",
    "EntityRow",
    "Evidence",
    "Fact",
    "FactKind",
    "Failure",
    "OriginTrace",
    "Quantity",
    "Quote",
    "ReadResult",
    "Role",
    "SingleSourceFact",
    "Span",
    "Story",
    "Storyline",
    "TimeExpr",
    "TimeType",
    "TimelineEvent",
    "article_id",
    "normalise_text",
]
