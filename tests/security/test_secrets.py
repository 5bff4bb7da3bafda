"""The write token never leaks: not in the server's output (even with --access-log), not in an error response;
every write without it is refused with a 401 JSON that says what to send."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from security.live_server import LiveServer, live_server, wait_for_job

REFUSED_ADDRESS = "http://127.0.0.1:9/refused"
"""A private address: a job over it ends at once with one failed item, without loading any model."""
WRONG = "wrong-" + secrets.token_hex(8)


@pytest.fixture(scope="module")
def token() -> str:
    return secrets.token_urlsafe(24)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, token: str) -> Iterator[LiveServer]:
    db = tmp_path_factory.mktemp("secrets") / "news.db"
    with live_server(db, token, ["--access-log"]) as running:
        yield running


def _form(token: str | None) -> dict[str, str]:
    fields = {"urls": REFUSED_ADDRESS, "remember": "1"}
    return fields if token is None else {**fields, "token": token}


def _empty_file() -> dict[str, tuple[str, bytes]]:
    return {"files": ("", b"")}


def authorised_requests(base: str, token: str) -> list[httpx.Response]:
    """The token in a header, in a form field, and in the cookie the form sets."""
    with httpx.Client(base_url=base, timeout=60) as client:
        header = client.post("/api/ingest/urls", json={"urls": [REFUSED_ADDRESS]},
                             headers={"Authorization": f"Bearer {token}"})
        field = client.post("/ingest", data=_form(token), files=_empty_file())
        cookie = client.post("/ingest", data=_form(None), files=_empty_file(),
                             headers={"Cookie": f"corroborator_token={token}"})
        remembered_page = client.get("/ingest", headers={"Cookie": f"corroborator_token={token}"})
    return [header, field, cookie, remembered_page]


def test_writes_with_the_token_are_accepted_in_header_field_and_cookie(
    server: LiveServer, token: str
) -> None:
    header, field, cookie, remembered_page = authorised_requests(server.base, token)
    assert header.status_code == 202, header.text
    assert field.status_code == 303 and cookie.status_code == 303, (field.text, cookie.text)
    assert "httponly" in field.headers["set-cookie"].lower()
    assert remembered_page.status_code == 200 and token not in remembered_page.text
    job = wait_for_job(server.base, header.json()["id"])
    assert job["status"] == "done" and job["result"]["failed"] == 1, job
    assert token not in json.dumps(job)


def unauthorised_requests(base: str, token: str) -> dict[str, httpx.Response]:
    body = {"text": "Kim Jong Un visited a factory.", "title": "t"}
    basic, wrong = {"Authorization": f"Basic {token}"}, {"Authorization": f"Bearer {WRONG}"}
    with httpx.Client(base_url=base, timeout=60) as client:
        return {
            "text, no token": client.post("/api/ingest/text", json=body),
            "urls, no token": client.post("/api/ingest/urls", json={"urls": [REFUSED_ADDRESS]}),
            "files, no token": client.post("/api/ingest/files", files={"files": ("a.txt", b"words")}),
            "basic scheme": client.post("/api/ingest/text", json=body, headers=basic),
            "wrong bearer": client.post("/api/ingest/text", json=body, headers=wrong),
            "bad body": client.post("/api/ingest/text", json={"text": ""},
                                    headers={"Authorization": f"Bearer {token}"}),
            "form, no token": client.post("/ingest", data=_form(None), files=_empty_file()),
            "form, wrong token": client.post("/ingest", data=_form(WRONG), files=_empty_file()),
            "wrong cookie": client.post("/ingest", data=_form(None), files=_empty_file(),
                                        headers={"Cookie": f"corroborator_token={WRONG}"}),
        }


def test_writes_without_the_token_get_a_401_json_with_a_hint(server: LiveServer, token: str) -> None:
    responses = unauthorised_requests(server.base, token)
    for name in ("text, no token", "urls, no token", "files, no token", "basic scheme"):
        response = responses[name]
        assert response.status_code == 401, (name, response.text)
        assert response.headers["content-type"] == "application/json", name
        body = response.json()
        assert body["status"] == 401 and body["error"] and "Authorization: Bearer" in body["hint"], name
    assert responses["wrong bearer"].status_code == 403 and responses["wrong bearer"].json()["hint"]
    assert responses["bad body"].status_code == 422
    assert [responses[n].status_code for n in ("form, no token", "form, wrong token", "wrong cookie")] == [
        401, 403, 403,
    ]
    for name, response in responses.items():
        assert token not in response.text and WRONG not in response.text, name
        assert token not in str(response.headers) and WRONG not in str(response.headers), name


def test_the_server_output_never_shows_the_token(server: LiveServer, token: str, tmp_path: Path) -> None:
    authorised_requests(server.base, token)
    unauthorised_requests(server.base, token)
    httpx.get(f"{server.base}/api/jobs", timeout=60)
    server.stop()
    log = server.log()
    assert "POST /api/ingest/urls" in log and "POST /ingest" in log, "the access log was not written"
    assert token not in log
    assert WRONG not in log
