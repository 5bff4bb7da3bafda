"""An ingest job's body: the Python API's ingest (store, analyse, assign stories), described for the page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from corroborator.api import Corroborator, IngestReport
from corroborator.ingest import ReadOptions
from corroborator.store import Store
from corroborator.types import Article, Failure
from corroborator.web.cache import freeze_heap_once
from corroborator.web.jobs import Progress


def _article_row(store: Store, article_id: str, started: bool | None) -> dict[str, Any]:
    article = store.get_article(article_id)
    story = store.story_of(article_id)
    return {
        "id": article.id,
        "outcome": {None: "", True: "started a story", False: "joined a story"}[started],
        "title": article.title,
        "outlet": article.outlet,
        "story": story.id if story else None,
        "story_headline": story.headline if story else None,
        "story_size": len(story.articles) if story else 0,
    }


def _shown(text: str, names: Mapping[str, str]) -> str:
    """`text` with the server's scratch paths replaced by what the user knows (`upload/report.txt`)."""
    for path, name in names.items():
        text = text.replace(path, name)
    return text


def describe(store: Store, report: IngestReport, names: Mapping[str, str]) -> dict[str, Any]:
    """The job result: counts, each article read with the story it is in, and each failure."""
    ids = list(dict.fromkeys(report.article_ids))
    started = {assignment.article: assignment.created for assignment in report.assignments}
    return {
        "added": report.added,
        "present": report.present,
        "updated": report.updated,
        "failed": len(report.failed),
        "articles": [_article_row(store, article_id, started.get(article_id)) for article_id in ids],
        "failures": [
            {"item": _shown(failure.item, names), "reason": _shown(failure.reason, names)}
            for failure in report.failed
        ],
    }


def run_ingest(
    db_path: Path,
    sources: Sequence[str],
    options: ReadOptions,
    progress: Progress,
    names: Mapping[str, str],
) -> dict[str, Any]:
    """Store, analyse and place in stories the sources' articles (the Python API's ingest); describe it."""
    handled = 0

    def tick(item: Article | Failure) -> None:
        nonlocal handled
        handled += 1
        what = item.title or item.id if isinstance(item, Article) else f"could not read {item.item}"
        progress(handled, None, _shown(what, names))

    with Corroborator(db_path) as corroborator:
        report = corroborator.ingest(sources, options, progress=tick)
        freeze_heap_once("ingest")
        return describe(corroborator.store, report, names)
