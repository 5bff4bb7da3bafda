"""Shared fixtures: the seed articles read, analysed and compared by the real pipeline, once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.compare import build_brief
from corroborator.ingest import ReadOptions, read_sources
from corroborator.types import Analysis, Article, Brief

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "seeds"
SHARED_DATA = ROOT / ".." / "shared" / "data"


@pytest.fixture(scope="session")
def seed_articles() -> list[Article]:
    found = [item for item in read_sources([str(SEEDS)], ReadOptions()) if isinstance(item, Article)]
    return sorted(found, key=lambda a: a.origin or "")


@pytest.fixture(scope="session")
def seed_analyses(seed_articles: list[Article]) -> list[Analysis]:
    return shared_analyzer().analyze(seed_articles)


@pytest.fixture(scope="session", params=[True, False], ids=["semantic", "lexical"])
def seed_brief(
    request: pytest.FixtureRequest, seed_articles: list[Article], seed_analyses: list[Analysis]
) -> Brief:
    """The seeds' brief with clause embeddings, and aligned by words and facts alone as batch briefs are."""
    return build_brief("seeds", seed_articles, seed_analyses, semantic=request.param)


@pytest.fixture(scope="session")
def semantic_seed_brief(seed_articles: list[Article], seed_analyses: list[Analysis]) -> Brief:
    """The seeds' brief with clause embeddings only: for what lexical alignment does not find."""
    return build_brief("seeds", seed_articles, seed_analyses, semantic=True)
