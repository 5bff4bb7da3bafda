"""The batch form of story assignment, and the JSONL rows the batch command writes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corroborator.errors import InputError
from corroborator.stories.embed import Embedder
from corroborator.stories.index import StoryIndex
from corroborator.stories.profile import lead_of
from corroborator.stories.scorer import ScorerModel
from corroborator.types import Analysis, Article, Story


def cluster(
    articles: Sequence[Article],
    analyses: Sequence[Analysis | None] | None = None,
    model: ScorerModel | None = None,
    embedder: Embedder | None = None,
) -> list[Story]:
    """Stories of a batch: the same as assigning the articles one by one, in the order given."""
    if analyses is not None and len(analyses) != len(articles):
        raise InputError(
            f"cluster got {len(articles)} articles but {len(analyses)} analyses",
            "pass one analysis per article",
        )
    index = StoryIndex(model=model, embedder=embedder or Embedder())
    unseen = [a for a in articles if a.id not in index.embedder.cache]
    if unseen:  # one batched encode instead of one call per article
        index.embedder.vectors([a.id for a in unseen], [lead_of(a) for a in unseen])
    for position, article in enumerate(articles):
        index.assign(article, analyses[position] if analyses is not None else None)
    return index.stories()


def stories_to_jsonl_rows(
    stories: Sequence[Story], ids: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """One row a story: `{"story", "storyline", "articles", "copies": [{"article", "copy_of", "overlap"}],
    "headline"}`.
    `ids` maps article ids to the ids to print (e.g. `Article.source_id` of JSONL input)."""
    shown = ids or {}
    return [
        {
            "story": story.id,
            "storyline": story.storyline,
            "articles": [shown.get(a, a) for a in story.articles],
            "copies": [
                {
                    "article": shown.get(link.article, link.article),
                    "copy_of": shown.get(link.copy_of, link.copy_of),
                    "overlap": link.overlap,
                }
                for link in story.copies
            ],
            "headline": story.headline,
        }
        for story in stories
    ]
