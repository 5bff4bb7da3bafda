"""A story's brief as JSON-ready data, computed by the compare stage (callers cache it per story version)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corroborator.types import Analysis, Article, Story
from corroborator.web.cache import freeze_heap_once


def compute_brief(story: Story, articles: Sequence[Article], analyses: Sequence[Analysis]) -> dict[str, Any]:
    # Imported on first use: compare loads the sentence model, which the list pages never need.
    from corroborator.compare import build_brief
    from corroborator.render import brief_to_dict

    brief = build_brief(story.id, list(articles), list(analyses), story.copies, single_source_limit=None)
    freeze_heap_once("compare")
    data: dict[str, Any] = brief_to_dict(brief)
    return data
