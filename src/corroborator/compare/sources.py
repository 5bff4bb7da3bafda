"""The two ways to get a brief: from files or URLs given now (no database), or from a stored story."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corroborator.analyze.pipeline import shared_analyzer
from corroborator.compare.brief import build_brief
from corroborator.errors import InputError
from corroborator.ingest import ReadOptions, read_sources
from corroborator.store import Store
from corroborator.types import Analysis, Article, Brief, Failure
from corroborator.types.brief import SINGLE_SOURCE_SHOWN


@dataclass
class Comparison:
    brief: Brief
    failures: list[Failure] = field(default_factory=list)


def adhoc_story_id(articles: Sequence[Article]) -> str:
    """A stable id for a set of articles compared without a database."""
    digest = hashlib.sha256("\n".join(sorted(a.id for a in articles)).encode("ascii"))
    return "adhoc-" + digest.hexdigest()[:12]


def compare_sources(
    sources: Sequence[str],
    options: ReadOptions | None = None,
    single_source_limit: int | None = SINGLE_SOURCE_SHOWN,
) -> Comparison:
    """Read every source, analyse the articles, and compare them all as one story (`single_source_limit`
    single-source facts an article, None for all)."""
    articles: dict[str, Article] = {}
    failures: list[Failure] = []
    for item in read_sources(list(sources), options or ReadOptions()):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            articles.setdefault(item.id, item)
    if not articles:
        reasons = "; ".join(f"{f.item}: {f.reason}" for f in failures[:3]) or "no article found"
        raise InputError(f"nothing to compare ({reasons})", "give text, HTML or feed files, folders or URLs")
    found = input_ids_kept(list(articles.values()))
    analyses = shared_analyzer().analyze(found)
    brief = build_brief(adhoc_story_id(found), found, analyses, single_source_limit=single_source_limit)
    return Comparison(brief, failures)


def input_ids_kept(articles: Sequence[Article]) -> list[Article]:
    """The articles under the ids their input gave (a JSONL, CSV or Parquet `id`), when every article has
    one and no two share it; otherwise under their content ids."""
    given = [a.source_id for a in articles]
    if not all(given) or len(set(given)) != len(given):
        return list(articles)
    return [dataclasses.replace(a, id=str(a.source_id)) for a in articles]


def brief_for_story(
    db_path: str | Path, story_id: str, single_source_limit: int | None = SINGLE_SOURCE_SHOWN
) -> Brief:
    """The brief of a stored story; articles without a stored analysis are analysed now."""
    with Store(db_path) as store:
        story = store.get_story(story_id)
        articles = [store.get_article(article_id) for article_id in story.articles]
        stored = {a.id: store.get_analysis(a.id) for a in articles}
    missing = [a for a in articles if stored[a.id] is None]
    fresh = {a.article_id: a for a in shared_analyzer().analyze(missing)} if missing else {}
    analyses: list[Analysis] = [stored[a.id] or fresh[a.id] for a in articles]
    return build_brief(story.id, articles, analyses, story.copies, single_source_limit=single_source_limit)
