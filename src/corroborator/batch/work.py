"""The units of work a batch engine runs: analyse a shard, build a brief. Models load once a process."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from corroborator.store.codec import analysis_from_dict, analysis_to_dict, article_from_dict, article_to_dict
from corroborator.types import Analysis, Article, CopyLink, Story

if TYPE_CHECKING:
    from corroborator.analyze import Analyzer

_analyzer: Analyzer | None = None


def limit_threads() -> None:
    """One BLAS/torch thread a worker process: the engine's parallelism is its processes."""
    for variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch

    torch.set_num_threads(1)


def analyzer() -> Analyzer:
    global _analyzer
    if _analyzer is None:
        from corroborator.analyze import Analyzer

        _analyzer = Analyzer()
    return _analyzer


def analyze_articles(articles: list[Article]) -> list[dict[str, Any]]:
    """Analyse a shard; an article whose analysis fails becomes a reject record, the rest go on."""
    try:
        analyses = analyzer().analyze(articles)
    except Exception:
        return [analyze_one(article) for article in articles]
    return [record(article, analysis) for article, analysis in zip(articles, analyses, strict=True)]


def analyze_one(article: Article) -> dict[str, Any]:
    try:
        return record(article, analyzer().analyze([article])[0])
    except Exception as error:
        reason = f"analysis failed: {type(error).__name__}: {error}".splitlines()[0][:300]
        return {"reject": {"item": article.origin or article.id, "reason": reason, "stage": "analyze"}}


def record(article: Article, analysis: Analysis) -> dict[str, Any]:
    return {"article": article_to_dict(article), "analysis": analysis_to_dict(analysis)}


def from_record(row: dict[str, Any]) -> tuple[Article, Analysis]:
    return article_from_dict(row["article"]), analysis_from_dict(row["analysis"])


def brief_row(story: Story, articles: list[Article], analyses: list[Analysis]) -> dict[str, Any]:
    """The brief of one story as its JSON dict (the `briefs.jsonl` line)."""
    from corroborator.compare import build_brief
    from corroborator.render import brief_to_dict

    copies: list[CopyLink] = list(story.copies)
    brief = build_brief(story.id, articles, analyses, copies)
    return brief_to_dict(brief)
