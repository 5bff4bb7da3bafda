"""What every request handler shares: the store, the write token, the job runner, the brief cache."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates

from corroborator.store import Store
from corroborator.web.cache import LruCache
from corroborator.web.data import ListQuery, articles_data, stories_data
from corroborator.web.jobs import JobRunner

BRIEF_CACHE_SIZE = 512
LIST_CACHE_SIZE = 1024
LIST_TTL_SECONDS = 5.0
"""Lists may lag other processes' writes by this much; this server's own ingest jobs clear them at once."""


@dataclass
class WebState:
    db_path: Path
    store: Store
    token: str | None
    templates: Jinja2Templates
    jobs: JobRunner = field(default_factory=JobRunner)
    stories: LruCache = field(default_factory=lambda: LruCache(BRIEF_CACHE_SIZE))
    """Story data (with its brief) and rendered story pages, per story version."""
    lists: LruCache = field(default_factory=lambda: LruCache(LIST_CACHE_SIZE, ttl=LIST_TTL_SECONDS))
    """Story and article lists (data and rendered pages), per query, for a short time."""

    def forget_lists(self) -> None:
        self.lists.clear()


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


async def state_of(request: Request) -> WebState:
    """The shared state, as a dependency (async: it never blocks, so it runs without a worker thread)."""
    return web_state(request)


def cached_stories(state: WebState, query: ListQuery) -> dict[str, Any]:
    data: dict[str, Any] = state.lists.get_or_compute(
        ("stories", query), lambda: stories_data(state.store, query)
    )
    return data


def cached_articles(state: WebState, query: ListQuery) -> dict[str, Any]:
    data: dict[str, Any] = state.lists.get_or_compute(
        ("articles", query), lambda: articles_data(state.store, query)
    )
    return data
