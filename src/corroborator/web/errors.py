"""Every error the web app returns, as JSON `{"status", "error", "hint"}` for the API or as an HTML page."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from corroborator.errors import CorroboratorError

logger = logging.getLogger("corroborator.web")

DEFAULT_HINTS = {
    401: "send the header 'Authorization: Bearer <CORROBORATOR_TOKEN>'",
    403: "the token does not match the server's CORROBORATOR_TOKEN",
    404: "check the id or the address; /docs lists every endpoint",
    405: "check the HTTP method; /docs lists every endpoint",
    422: "fix the request as the error says; /docs lists every parameter",
}


def error_body(status: int, error: str, hint: str = "") -> dict[str, Any]:
    return {"status": status, "error": error, "hint": hint or DEFAULT_HINTS.get(status, "")}


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json")


def describe_validation(exc: RequestValidationError) -> str:
    """One line naming the first bad parameter: `query parameter 'page': Input should be greater than 0`."""
    problems = []
    for item in exc.errors():
        location = [str(part) for part in item.get("loc", ())]
        where = f"{location[0]} parameter '{'.'.join(location[1:])}'" if len(location) > 1 else "request"
        problems.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(problems) or "invalid request"


def install_error_handlers(app: FastAPI, templates: Jinja2Templates) -> None:
    def respond(request: Request, body: dict[str, Any]) -> Response:
        if wants_json(request):
            return JSONResponse(body, status_code=body["status"])
        return templates.TemplateResponse(request, "error.html", {"error": body}, status_code=body["status"])

    @app.exception_handler(CorroboratorError)
    async def corroborator_error(request: Request, exc: CorroboratorError) -> Response:
        return respond(request, error_body(exc.status, exc.message, exc.hint))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, error_body(422, describe_validation(exc)))

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> Response:
        logger.exception("unexpected error on %s", request.url.path)
        hint = "this is a bug in corroborator; the server log has the details"
        return respond(request, error_body(500, f"internal error: {type(exc).__name__}", hint))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        body = error_body(exc.status_code, str(exc.detail))
        response = respond(request, body)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response
