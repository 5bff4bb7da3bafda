"""The HTML pages and their `.json` twins: each renders the same data function as its API route."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from corroborator.errors import CorroboratorError
from corroborator.web.apidocs import describe_api
from corroborator.web.auth import COOKIE
from corroborator.web.data import article_data, story_data, story_version, storyline_data
from corroborator.web.forms import IngestForm, ingest_form, read_form
from corroborator.web.ingest import submit_form
from corroborator.web.params import Listing
from corroborator.web.state import WebState, cached_articles, cached_stories, state_of
from corroborator.web.views import article_view, story_view, storyline_view

router = APIRouter(include_in_schema=False)
State = Annotated[WebState, Depends(state_of)]
COOKIE_MAX_AGE = 30 * 24 * 3600


def page(
    state: WebState, request: Request, name: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    response = state.templates.TemplateResponse(request, name, context, status_code=status)
    assert isinstance(response, HTMLResponse)
    return response


def render(state: WebState, name: str, context: dict[str, Any]) -> str:
    """A page's HTML; pages that are cached render without the request (their templates never use it)."""
    return state.templates.env.get_template(name).render(context)


@router.get("/", response_class=HTMLResponse)
async def stories_page(state: State, query: Listing) -> HTMLResponse:
    def build() -> str:
        return render(state, "stories.html", {"data": cached_stories(state, query)})

    return HTMLResponse(await state.lists.get_async(("stories.html", query), build))


@router.get("/stories/{story_id}.json")
def story_json(state: State, story_id: str) -> JSONResponse:
    return JSONResponse(story_data(state.store, story_id, state.stories))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(state: State, story_id: str) -> HTMLResponse:
    story = await state.lists.get_async(("story", story_id), lambda: state.store.get_story(story_id))

    def build() -> str:
        data = story_data(state.store, story, state.stories)
        return render(state, "story.html", {"data": data, "view": story_view(data)})

    return HTMLResponse(await state.stories.get_async(("story.html", story_version(story)), build))


@router.get("/storylines/{storyline_id}.json")
def storyline_json(state: State, storyline_id: str) -> JSONResponse:
    return JSONResponse(storyline_data(state.store, storyline_id))


@router.get("/storylines/{storyline_id}", response_class=HTMLResponse)
def storyline_page(state: State, storyline_id: str) -> HTMLResponse:
    data = storyline_data(state.store, storyline_id)
    return HTMLResponse(render(state, "storyline.html", {"data": data, "chart": storyline_view(data)}))


@router.get("/articles", response_class=HTMLResponse)
async def articles_page(state: State, query: Listing) -> HTMLResponse:
    def build() -> str:
        return render(state, "articles.html", {"data": cached_articles(state, query)})

    return HTMLResponse(await state.lists.get_async(("articles.html", query), build))


@router.get("/articles/{article_id}.json")
def article_json(state: State, article_id: str) -> JSONResponse:
    return JSONResponse(article_data(state.store, article_id))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(state: State, article_id: str) -> HTMLResponse:
    data = article_data(state.store, article_id)
    return HTMLResponse(render(state, "article.html", {"data": data, "view": article_view(data)}))


def ingest_context(request: Request, state: WebState, form: IngestForm | None = None) -> dict[str, Any]:
    return {
        "form": form or IngestForm(),
        "has_cookie": bool(request.cookies.get(COOKIE)),
        "jobs": state.jobs.list()[:10],
        "error": None,
    }


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request, state: State) -> HTMLResponse:
    return page(state, request, "ingest.html", ingest_context(request, state))


@router.post("/ingest")
async def ingest_submit(request: Request, state: State) -> Response:
    fields = await read_form(request)
    form = ingest_form(fields)
    try:
        job = submit_form(state, form, request.cookies.get(COOKIE))
    except CorroboratorError as error:
        context = ingest_context(request, state, form)
        context["error"] = {"status": error.status, "error": error.message, "hint": error.hint}
        return page(state, request, "ingest.html", context, status=error.status)
    finally:
        await fields.close()
    response = RedirectResponse(f"/jobs/{job.id}", status_code=303)
    if form.token and form.remember:
        response.set_cookie(COOKIE, form.token, max_age=COOKIE_MAX_AGE, httponly=True, samesite="strict")
    if form.forget:
        response.delete_cookie(COOKIE, httponly=True, samesite="strict")
    return response


@router.get("/docs", response_class=HTMLResponse)
async def api_docs(request: Request, state: State) -> HTMLResponse:
    def build() -> str:
        return render(state, "docs.html", {"api": describe_api(request.app.openapi())})

    return HTMLResponse(await state.stories.get_async("docs.html", build))


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, state: State, job_id: str) -> HTMLResponse:
    return page(state, request, "job.html", {"data": state.jobs.get(job_id)})
