"""Paths and small read helpers shared by the ingest tests (a uniquely named module: tests/ is no package)."""

from __future__ import annotations

import sys
from pathlib import Path

from corroborator.ingest import ReadOptions, read_sources
from corroborator.types import Article, Failure

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
SEEDS = REPO / "examples" / "seeds"
DATA = REPO.parent / "shared" / "data"
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


def read_all(sources: list[str], options: ReadOptions | None = None) -> list[Article | Failure]:
    return list(read_sources(sources, options))


def read_one(path: Path | str, options: ReadOptions | None = None) -> Article | Failure:
    items = read_all([str(path)], options)
    assert len(items) == 1, items
    return items[0]


def read_article(path: Path | str, options: ReadOptions | None = None) -> Article:
    item = read_one(path, options)
    assert isinstance(item, Article), item
    return item


def read_failure(path: Path | str, options: ReadOptions | None = None) -> Failure:
    item = read_one(path, options)
    assert isinstance(item, Failure), item
    return item


def articles_of(items: list[Article | Failure]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def failures_of(items: list[Article | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]
