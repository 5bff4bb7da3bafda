"""analyze stage: entities, times, quantities, quotes and claims of each article, and entity resolution
across articles. `Analyzer` and `analyze_articles` load spaCy, so they are imported on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corroborator.analyze.entities.resolve import EntityIndex, resolve_entities
    from corroborator.analyze.pipeline import Analyzer, analyze_articles

__all__ = ["Analyzer", "EntityIndex", "analyze_articles", "resolve_entities"]

_HOMES = {
    "Analyzer": "corroborator.analyze.pipeline",
    "analyze_articles": "corroborator.analyze.pipeline",
    "EntityIndex": "corroborator.analyze.entities.resolve",
    "resolve_entities": "corroborator.analyze.entities.resolve",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'corroborator.analyze' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_HOMES[name]), name)
