"""The REST API under /api: lists, search, stories with briefs, articles with annotations, ingest jobs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Header, Request, UploadFile
from fastapi.responses import JSONResponse

from corroborator.web.auth import bearer, check_token
from corroborator.web.data import article_data, story_data, storyline_data, storylines_data
from corroborator.web.ingest import TextIngest, UrlIngest, submit_files, submit_text, submit_urls
from corroborator.web.params import Listing
from corroborator.web.state import WebState, cached_articles, cached_stories, state_of, web_state

router = APIRouter(prefix="/api")
State = Annotated[WebState, Depends(state_of)]


async def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    check_token(web_state(request).token, bearer(authorization))


Writer = Depends(require_token)


@router.get("/stories", tags=["stories"], summary="List or search stories")
def api_stories(state: State, query: Listing) -> dict[str, Any]:
    """Stories, most recent news first; with filters, the stories holding at least one matching article."""
    return cached_stories(state, query)


@router.get("/stories/{story_id}", tags=["stories"], summary="A story: its articles and its brief")
def api_story(state: State, story_id: str) -> dict[str, Any]:
    """The story, its articles with their texts, and its brief (computed once per story version)."""
    return story_data(state.store, story_id, state.stories)


@router.get("/stories/{story_id}/brief", tags=["stories"], summary="A story's brief only")
def api_brief(state: State, story_id: str) -> dict[str, Any]:
    brief: dict[str, Any] = story_data(state.store, story_id, state.stories)["brief"]
    return brief


@router.get("/storylines", tags=["stories"], summary="List storylines")
def api_storylines(state: State, query: Listing) -> dict[str, Any]:
    """Storylines (sagas of related events), most recent news first, each with its events in date order."""
    return storylines_data(state.store, query)


@router.get("/storylines/{storyline_id}", tags=["stories"], summary="A storyline: its events in date order")
def api_storyline(state: State, storyline_id: str) -> dict[str, Any]:
    """The storyline's stories (one event each), earliest first; a story's `storyline` field names it."""
    return storyline_data(state.store, storyline_id)


@router.get("/articles", tags=["articles"], summary="List or search articles")
def api_articles(state: State, query: Listing) -> dict[str, Any]:
    """Stored articles, newest first, or best match first with `q`."""
    return cached_articles(state, query)


@router.get("/articles/{article_id}", tags=["articles"], summary="An article with its annotations")
def api_article(state: State, article_id: str) -> dict[str, Any]:
    """The article, its annotations (entities, times, numbers, quotes, claims) and its story."""
    return article_data(state.store, article_id)


@router.post(
    "/ingest/text",
    tags=["ingest"],
    status_code=202,
    dependencies=[Writer],
    summary="Ingest one pasted article",
)
def api_ingest_text(state: State, body: TextIngest) -> dict[str, Any]:
    """Starts a job that stores, analyses and places the article in a story; poll `/api/jobs/{id}`."""
    return submit_text(state, body)


@router.post(
    "/ingest/files", tags=["ingest"], status_code=202, dependencies=[Writer], summary="Ingest uploaded files"
)
def api_ingest_files(state: State, files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
    """Starts a job over the uploaded files (any format `corroborator ingest` reads); poll the job."""
    return submit_files(state, files)


@router.post(
    "/ingest/urls",
    tags=["ingest"],
    status_code=202,
    dependencies=[Writer],
    summary="Ingest article or feed URLs",
)
def api_ingest_urls(state: State, body: UrlIngest) -> dict[str, Any]:
    """Starts a job that fetches each address (an article or an RSS/Atom feed); private ones are refused."""
    return submit_urls(state, body)


@router.get("/jobs", tags=["ingest"], summary="Recent ingest jobs")
def api_jobs(state: State) -> list[dict[str, Any]]:
    return state.jobs.list()


@router.get("/jobs/{job_id}", tags=["ingest"], summary="An ingest job's progress and result")
def api_job(state: State, job_id: str) -> dict[str, Any]:
    """Status (`queued`, `running`, `done`, `failed`), progress, and the result when done."""
    return state.jobs.get(job_id)


@router.get("/status", tags=["server"], summary="Counts, and whether writes are enabled")
def api_status(state: State) -> JSONResponse:
    return JSONResponse(
        {
            "articles": state.store.count_articles(),
            "stories": state.store.count_stories(),
            "writes": state.token is not None,
        }
    )
