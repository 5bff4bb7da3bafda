"""The web app: one FastAPI application serving the REST API (/api, documented at /docs) and the pages."""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

import corroborator
from corroborator.store import Store, resolve_db_path
from corroborator.web.auth import token_from_env
from corroborator.web.cache import freeze_heap_once
from corroborator.web.errors import install_error_handlers
from corroborator.web.headers import SecurityHeaders
from corroborator.web.jobs import JobRunner
from corroborator.web.routes_api import router as api_router
from corroborator.web.routes_pages import router as pages_router
from corroborator.web.state import WebState


def _package_dir(name: str) -> str:
    return str(resources.files("corroborator.web") / name)


def is_web_address(value: object) -> bool:
    """Only http(s) addresses become links; a `javascript:` or `data:` URL in an article stays text."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=_package_dir("templates"))
    templates.env.autoescape = True
    templates.env.globals["dict"] = dict
    templates.env.tests["web_address"] = is_web_address
    return templates


PIPELINE_MODULES = (
    "corroborator.analyze.pipeline",
    "corroborator.facts.extract",
    "corroborator.facts.parser",
    "corroborator.compare.brief",
    "corroborator.api",
)
"""Imported before the server takes requests: briefs and ingest jobs run in threads, and two threads that
import spaCy at once can each find it half-initialised (ImportError from spacy.strings)."""


def import_pipeline() -> None:
    for name in PIPELINE_MODULES:
        importlib.import_module(name)


def create_app(db_path: str | Path | None = None, token: str | None = None) -> FastAPI:
    """The app over the database at `db_path`; writes need `token` (default: $CORROBORATOR_TOKEN)."""
    path = resolve_db_path(db_path)
    templates = make_templates()
    state = WebState(path, Store(path), token or token_from_env(), templates)
    state.jobs = JobRunner(on_finish=state.forget_lists)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        import_pipeline()
        freeze_heap_once("startup")
        yield
        state.jobs.close()
        state.store.close()

    app = FastAPI(
        title="corroborator",
        version=corroborator.__version__,
        summary="Which news reports describe the same event, what they agree on, where they differ.",
        description="Reading is open to anyone who can reach the server. Every write (ingest) needs the "
        "header 'Authorization: Bearer TOKEN', where TOKEN is the server's CORROBORATOR_TOKEN.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.web = state
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=_package_dir("static")), name="static")
    install_error_handlers(app, templates)
    app.include_router(api_router)
    app.include_router(pages_router)
    return app
