"""brief_to_dict: the brief as plain JSON-ready data (schema in json_schema.md)."""

from __future__ import annotations

import dataclasses
from typing import Any

from corroborator.types import Brief, Evidence

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
    raw = dataclasses.asdict(brief)
    return {key: raw[key] for key in TOP_LEVEL_KEYS}
