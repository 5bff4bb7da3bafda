"""The units of work a batch engine runs: analyse a shard, build a group of briefs. One model load a process.

Every record a unit returns is either a result or a reject (`{"reject": {"item", "reason", "stage"}}`), so an
article or story that fails is reported with its reason and the rest of the batch goes on.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from corroborator.store.codec import analysis_from_dict, analysis_to_dict, article_from_dict, article_to_dict
from corroborator.types import Analysis, Article, Failure, Story

if TYPE_CHECKING:
    from corroborator.analyze import Analyzer
    from corroborator.stories.embed import Embedder

_analyzer: Analyzer | None = None
UNTOKENISABLE = "could not be tokenised"
"""What the Analyzer says of an article it could not parse at all (its analysis is then empty)."""

BriefJob = tuple[Story, list[Article], list[Analysis]]


@dataclass(frozen=True)
class LostTask:
    """What an engine's `map` gives for a call whose worker died (e.g. killed for memory) or that raised."""

    reason: str


def limit_threads() -> None:
    """One BLAS/OpenMP/torch thread a process: the engine's parallelism is its processes.

    Also what makes every engine give the same answers: spaCy's NER output changes with the number of
    OpenBLAS threads (e.g. "Thursday, May 2" is one DATE with one thread, two with two), so the driver and
    every worker compute with one, set at run time for libraries already loaded."""
    for variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[variable] = "1"
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
    torch.set_num_threads(1)


def use_analyzer(chosen: Analyzer | None) -> None:
    """Analyse with `chosen` (e.g. with other steps) in this process; None goes back to the default."""
    global _analyzer
    _analyzer = chosen


def analyzer() -> Analyzer:
    global _analyzer
    if _analyzer is None:
        from corroborator.analyze import Analyzer

        _analyzer = Analyzer()
    return _analyzer


def reject(item: str, reason: str, stage: str, kept: bool = False) -> dict[str, Any]:
    one_line = " ".join(reason.split())[:400]
    return {"reject": {"item": item, "reason": one_line, "stage": stage, "kept": kept}}


def analyze_shard(articles: Sequence[Article]) -> list[dict[str, Any]]:
    """The records of a shard's articles, in order."""
    return [record for records in analyze_articles(articles) for record in records]


def analyze_articles(articles: Sequence[Article]) -> list[list[dict[str, Any]]]:
    """Analyse articles: for each, its record plus a kept-reject per analysis step that failed on it.

    An article spaCy cannot parse, or whose analysis raises, becomes a reject; the others go on."""
    engine = analyzer()
    engine.failures.clear()
    try:
        analyses = engine.analyze(articles)
    except Exception:
        return [analyze_one(article) for article in articles]
    problems = _problems_by_article(engine.failures)
    return [
        _article_records(article, analysis, problems.get(article.id, []))
        for article, analysis in zip(articles, analyses, strict=True)
    ]


def analyze_one(article: Article) -> list[dict[str, Any]]:
    engine = analyzer()
    engine.failures.clear()
    try:
        analysis = engine.analyze([article])[0]
    except Exception as error:
        return [reject(item_name(article), f"analysis failed: {type(error).__name__}: {error}", "analyze")]
    return _article_records(article, analysis, [failure.reason for failure in engine.failures])


def _problems_by_article(failures: list[Failure]) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    for failure in failures:
        problems.setdefault(failure.item, []).append(failure.reason)
    return problems


def _article_records(article: Article, analysis: Analysis, problems: list[str]) -> list[dict[str, Any]]:
    item = item_name(article)
    if any(UNTOKENISABLE in problem for problem in problems):
        return [reject(item, f"analysis failed: {problems[0]}", "analyze")]
    kept = [reject(item, f"analysis step failed, article kept: {p}", "analyze", kept=True) for p in problems]
    return [
        {
            **record(article, analysis),
            "lead_vector": lead_vector(article),
            "lead_events": events(article, analysis),
        },
        *kept,
    ]


def events(article: Article, analysis: Analysis) -> list[str]:
    """The story stage's event of a dated article (`stories.event.lead_events`), read here, in parallel."""
    from corroborator.stories.event import lead_events

    return lead_events(article, analysis) if article.published_date else []


def lead_vector(article: Article) -> str:
    """The story stage's meaning vector of the article's lead, as base64 float32 (exact, compact).

    Computed here, in parallel, one article at a time, so that the vector does not depend on which other
    articles shared its batch: every engine and shard size then gives the story stage the same numbers."""
    from corroborator.stories import lead_of

    embedder = _lead_embedder()
    vector = embedder.vector(article.id, lead_of(article))
    embedder.cache.clear()
    return base64.b64encode(np.asarray(vector, dtype=np.float32).tobytes()).decode("ascii")


def vector_from_text(text: str) -> npt.NDArray[np.float32]:
    return np.frombuffer(base64.b64decode(text), dtype=np.float32).copy()


_embedder: list[Embedder] = []


def _lead_embedder() -> Embedder:
    if not _embedder:
        from corroborator.stories.embed import Embedder

        _embedder.append(Embedder())
    return _embedder[0]


def item_name(article: Article) -> str:
    """How a reject names an article: where it came from and the id the input gave it."""
    given = article.source_id or article.id
    return f"{article.origin}#{given}" if article.origin else given


def record(article: Article, analysis: Analysis) -> dict[str, Any]:
    return {"article": article_to_dict(article), "analysis": analysis_to_dict(analysis)}


def from_record(row: dict[str, Any]) -> tuple[Article, Analysis, npt.NDArray[np.float32] | None]:
    """The article, its analysis and its lead vector (None in records written without one)."""
    vector = vector_from_text(row["lead_vector"]) if "lead_vector" in row else None
    return article_from_dict(row["article"]), analysis_from_dict(row["analysis"]), vector


def events_from_record(row: dict[str, Any]) -> list[str] | None:
    """The lead events a record carries (None in records written without them: the story stage reads them)."""
    found = row.get("lead_events")
    return [str(event) for event in found] if isinstance(found, list) else None


def brief_rows(jobs: list[BriefJob], semantic: bool = False) -> list[dict[str, Any]]:
    """The briefs of a group of stories as their JSON dicts, or a reject for a story whose brief fails."""
    limit_threads()
    return [brief_row(*job, semantic=semantic) for job in jobs]


def brief_row(
    story: Story, articles: list[Article], analyses: list[Analysis], semantic: bool = False
) -> dict[str, Any]:
    from corroborator.compare import build_brief
    from corroborator.render import brief_to_dict

    try:
        brief = build_brief(story.id, articles, analyses, list(story.copies), semantic=semantic)
        return brief_to_dict(brief)
    except Exception as error:
        return reject(f"story {story.id}", f"brief failed: {type(error).__name__}: {error}", "brief")
