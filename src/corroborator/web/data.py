"""The data behind every page and its JSON: one function per view, shared by HTML, `.json` and `/api`."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from corroborator.store import Store
from corroborator.store.codec import analysis_to_dict
from corroborator.types import Analysis, Article, Story, Storyline
from corroborator.web.briefs import compute_brief
from corroborator.web.cache import LruCache

MAX_CANDIDATES = 1000
"""Filtered lists look at this many matching articles at most (the newest, or the best search matches)."""
SNIPPET_CHARS = 240


@dataclass(frozen=True)
class ListQuery:
    """Filters and paging shared by the article and story lists."""

    q: str | None = None
    outlet: str | None = None
    entity: str | None = None
    since: str | None = None
    until: str | None = None
    page: int = 1
    per_page: int = 20

    def filters(self) -> dict[str, str]:
        """The filters that are set, as query parameters (for links to other pages of the list)."""
        names = ("q", "outlet", "entity", "since", "until")
        return {name: str(getattr(self, name)) for name in names if getattr(self, name)}

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def narrowed(self) -> bool:
        return bool(self.q or self.entity)


def page_of(items: list[dict[str, Any]], total: int, query: ListQuery) -> dict[str, Any]:
    return {
        "items": items,
        "total": total,
        "page": query.page,
        "per_page": query.per_page,
        "pages": max(1, math.ceil(total / query.per_page)),
        "filters": query.filters(),
    }


def story_summary(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "headline": story.headline,
        "outlets": list(story.outlets),
        "first_published": story.first_published,
        "last_published": story.last_published,
        "article_count": len(story.articles),
        "page": f"/stories/{story.id}",
        "storyline": story.storyline,
        "storyline_page": f"/storylines/{story.storyline}" if story.storyline else None,
    }


def storyline_summary(storyline: Storyline) -> dict[str, Any]:
    """A storyline: its stories (events) in date order, with the dates it spans."""
    events = storyline.events
    dates = sorted(d for e in events for d in (e.first_published, e.last_published) if d)
    return {
        "id": storyline.id,
        "headline": events[0].headline if events else "",
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
        "events": [story_summary(e) for e in events],
        "page": f"/storylines/{storyline.id}",
        "json": f"/storylines/{storyline.id}.json",
    }


def storyline_data(store: Store, storyline_id: str) -> dict[str, Any]:
    return storyline_summary(store.get_storyline(storyline_id))


def storylines_data(store: Store, query: ListQuery) -> dict[str, Any]:
    """A page of storylines, most recent news first."""
    window = store.list_storylines(limit=query.per_page, offset=query.offset)
    return page_of([storyline_summary(s) for s in window], store.count_storylines(), query)


def display_name(article: Article) -> str:
    """What to call an article: its title, else its file or page name, else its id."""
    origin = PurePath(article.origin).name if article.origin and not article.origin.startswith("http") else ""
    return article.title or origin or article.url or article.id


def article_summary(article: Article, snippet: str | None = None) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "name": display_name(article),
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        "snippet": snippet if snippet is not None else article.text[:SNIPPET_CHARS],
        "page": f"/articles/{article.id}",
    }


def _in_range(published: str | None, query: ListQuery) -> bool:
    day = (published or "")[:10]
    if query.since and (not day or day < query.since):
        return False
    return not (query.until and (not day or day > query.until))


def _article_matches(article: Article, query: ListQuery) -> bool:
    if query.outlet and article.outlet != query.outlet:
        return False
    return _in_range(article.published, query)


def candidate_articles(store: Store, query: ListQuery) -> list[Article]:
    """Articles matching every filter: best search match first, else entity mentions, else newest."""
    ids: list[str] | None = None
    if query.q:
        ids = [hit.id for hit in store.search(query.q, limit=MAX_CANDIDATES)]
    if query.entity:
        with_entity = store.articles_with_entity(query.entity)
        mentioned = set(with_entity)
        ids = with_entity if ids is None else [article_id for article_id in ids if article_id in mentioned]
    if ids is None:
        return store.list_articles(query.outlet, query.since, query.until, limit=MAX_CANDIDATES)
    articles = (store.get_article(article_id) for article_id in ids[:MAX_CANDIDATES])
    return [article for article in articles if _article_matches(article, query)]


def articles_data(store: Store, query: ListQuery) -> dict[str, Any]:
    """A page of stored articles, newest first, or best match first when searching."""
    if query.narrowed():
        found = candidate_articles(store, query)
        window = found[query.offset : query.offset + query.per_page]
        return page_of([article_summary(a) for a in window], len(found), query)
    window = store.list_articles(query.outlet, query.since, query.until, query.per_page, query.offset)
    total = store.count_articles(query.outlet, query.since, query.until)
    return page_of([article_summary(a) for a in window], total, query)


def _unique_stories(store: Store, articles: Iterable[Article]) -> list[Story]:
    seen: dict[str, Story] = {}
    for article in articles:
        story = store.story_of(article.id)
        if story is not None and story.id not in seen:
            seen[story.id] = story
    return list(seen.values())


def stories_data(store: Store, query: ListQuery) -> dict[str, Any]:
    """A page of stories, most recent news first; filters keep stories with at least one matching article."""
    if not query.filters():
        window = store.list_stories(limit=query.per_page, offset=query.offset)
        return page_of([story_summary(s) for s in window], store.count_stories(), query)
    stories = _unique_stories(store, candidate_articles(store, query))
    if not query.q:
        stories.sort(key=lambda s: s.last_published or "", reverse=True)
    window = stories[query.offset : query.offset + query.per_page]
    return page_of([story_summary(s) for s in window], len(stories), query)


def story_version(story: Story) -> Hashable:
    """What a story's brief depends on: its articles (a corrected text has a new id) and its copy links."""
    return (story.id, tuple(story.articles), tuple((c.article, c.copy_of) for c in story.copies))


def _analysis_or_empty(store: Store, article_id: str) -> Analysis:
    return store.get_analysis(article_id) or Analysis(article_id=article_id)


def build_story_data(store: Store, story: Story) -> dict[str, Any]:
    articles = [store.get_article(article_id) for article_id in story.articles]
    analyses = [_analysis_or_empty(store, article.id) for article in articles]
    copy_of = {copy.article: copy.copy_of for copy in story.copies}
    return {
        **story_summary(story),
        "articles": [
            {**article_summary(a, snippet=""), "text": a.text, "copy_of": copy_of.get(a.id)} for a in articles
        ],
        "copies": [dataclasses.asdict(copy) for copy in story.copies],
        "brief": compute_brief(story, articles, analyses),
        "json": f"/stories/{story.id}.json",
    }


def story_data(store: Store, story_id: str | Story, cache: LruCache | None = None) -> dict[str, Any]:
    """A story with its articles' texts and its brief; the brief is computed once per story version."""
    story = story_id if isinstance(story_id, Story) else store.get_story(story_id)
    if cache is None:
        return build_story_data(store, story)
    key = ("data", story_version(story))
    data: dict[str, Any] = cache.get_or_compute(key, lambda: build_story_data(store, story))
    return data


def article_data(store: Store, article_id: str) -> dict[str, Any]:
    """An article with its annotations (entities, times, numbers, quotes, claims) and the story it is in."""
    article = store.get_article(article_id)
    analysis = store.get_analysis(article_id)
    story = store.story_of(article_id)
    return {
        "article": {**dataclasses.asdict(article), "name": display_name(article)},
        "annotations": analysis_to_dict(analysis) if analysis is not None else None,
        "story": story_summary(story) if story is not None else None,
        "json": f"/articles/{article.id}.json",
    }
