"""brief_to_dict: the brief as plain JSON-ready data (schema in json_schema.md)."""

from __future__ import annotations

from typing import Any

from corroborator.types import Brief, Evidence
from corroborator.types.plain import as_dict

TOP_LEVEL_KEYS = (
    "story",
    "articles",
    "agreements",
    "discrepancies",
    "single_source",
    "origins",
    "independence",
    "timeline",
    "entities",
)


def evidence_dict(evidence: Evidence) -> dict[str, Any]:
    return {"article": evidence.article, "start": evidence.start, "end": evidence.end, "text": evidence.text}


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as a dict whose top-level keys are exactly TOP_LEVEL_KEYS, in that order."""
    raw = as_dict(brief)
    return {key: raw[key] for key in TOP_LEVEL_KEYS}
