"""compare stage: `build_brief(story_id, articles, analyses, copies=())` -> Brief."""

from corroborator.compare.brief import build_brief

__all__ = ["build_brief"]
