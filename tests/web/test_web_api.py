"""The REST API in-process over a real SQLite file: lists, search, filters, errors, auth, ingest jobs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_support import AUTH, SEEDS, wait_for_job

from corroborator.web.app import create_app


def test_articles_are_listed_newest_first_and_paged(client: TestClient) -> None:
    first = client.get("/api/articles", params={"per_page": 1}).json()
    second = client.get("/api/articles", params={"per_page": 1, "page": 2}).json()
    assert first["total"] == 2 and first["pages"] == 2
    assert first["items"][0]["published"] == "2023-08-06"
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_search_and_date_filters_narrow_the_list(client: TestClient) -> None:
    shoigu = client.get("/api/articles", params={"q": "Shoigu"}).json()
    assert shoigu["total"] == 1
    assert "Shoigu" in client.get(shoigu["items"][0]["page"]).text
    dated = client.get("/api/articles", params={"since": "2023-08-06", "until": "2023-08-06"}).json()
    assert dated["total"] == 1 and dated["filters"] == {"since": "2023-08-06", "until": "2023-08-06"}
    assert client.get("/api/articles", params={"q": "zeppelin"}).json()["total"] == 0


def test_an_article_comes_with_its_text(client: TestClient) -> None:
    item = client.get("/api/articles", params={"q": "Hwasong"}).json()["items"][0]
    data = client.get(f"/api/articles/{item['id']}").json()
    assert "Hwasong-18" in data["article"]["text"]
    assert client.get(f"/articles/{item['id']}.json").json() == data


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/articles/0000000000000000", 404, "no article"),
        ("/api/stories/nope", 404, "no story"),
        ("/api/jobs/nope", 404, "no job"),
        ("/api/articles?page=0", 422, "page"),
        ("/api/articles?per_page=1000", 422, "per_page"),
        ("/api/articles?since=last-week", 400, "not a date"),
        ("/api/no-such-endpoint", 404, "Not Found"),
    ],
)
def test_errors_are_json_with_status_error_and_hint(
    client: TestClient, url: str, status: int, words: str
) -> None:
    response = client.get(url)
    body = response.json()
    assert response.status_code == status
    assert set(body) == {"status", "error", "hint"} and body["status"] == status
    assert words in body["error"] and body["hint"]


def test_pages_show_errors_as_html(client: TestClient) -> None:
    response = client.get("/articles/0000000000000000")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no article" in response.text


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles",
        "/api/ingest/text",
        "/api/jobs/{job_id}",
    ):
        assert path in paths
    assert not any(path.startswith("/stories") for path in paths)
    docs = client.get("/docs").text
    assert "<script" not in docs
    for path in paths:
        assert f"<code>{path}</code>" in docs
    assert "needs the token" in docs and "TextIngest" in docs


def test_writes_need_the_token(client: TestClient) -> None:
    body = {"text": "Some article."}
    missing = client.post("/api/ingest/text", json=body)
    wrong = client.post("/api/ingest/text", json=body, headers={"Authorization": "Bearer guess"})
    assert missing.status_code == 401 and "Authorization: Bearer" in missing.json()["hint"]
    assert wrong.status_code == 403
    assert client.get("/api/jobs").json() == []


def test_a_server_without_a_token_refuses_every_write(
    seeds_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CORROBORATOR_TOKEN", raising=False)
    with TestClient(create_app(seeds_db)) as anonymous:
        response = anonymous.post(
            "/api/ingest/text", json={"text": "x"}, headers={"Authorization": "Bearer x"}
        )
    assert response.status_code == 403 and "CORROBORATOR_TOKEN" in response.json()["hint"]


def test_a_pasted_article_is_ingested_by_a_job_and_shown_escaped(client: TestClient) -> None:
    text = "Officials said <script>alert('owned')</script> nothing & more on Tuesday."
    accepted = client.post(
        "/api/ingest/text",
        json={"text": text, "title": "A <b>bold</b> title", "outlet": "Test Wire"},
        headers=AUTH,
    )
    assert accepted.status_code == 202
    job = wait_for_job(client, accepted.json()["id"])
    assert job["status"] == "done" and job["result"]["added"] == 1
    article_id = job["result"]["articles"][0]["id"]
    stored = client.get(f"/api/articles/{article_id}").json()["article"]
    assert stored["text"] == text and stored["outlet"] == "Test Wire"
    page = client.get(f"/articles/{article_id}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(" in page
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page


def test_only_web_addresses_become_links(client: TestClient) -> None:
    body = {"text": "A report with a hostile address.", "url": "javascript:alert(document.cookie)"}
    job = wait_for_job(client, client.post("/api/ingest/text", json=body, headers=AUTH).json()["id"])
    page = client.get(f"/articles/{job['result']['articles'][0]['id']}").text
    assert 'href="javascript:' not in page
    safe = {"text": "A report with a real address.", "url": "https://example.org/report"}
    job = wait_for_job(client, client.post("/api/ingest/text", json=safe, headers=AUTH).json()["id"])
    page = client.get(f"/articles/{job['result']['articles'][0]['id']}").text
    assert 'href="https://example.org/report"' in page


def test_validation_errors_of_a_body_are_one_line(client: TestClient) -> None:
    response = client.post("/api/ingest/text", json={"text": "x", "published": "soon"}, headers=AUTH)
    assert response.status_code == 422
    assert "published" in response.json()["error"]


def test_uploaded_files_are_ingested_and_reported(client: TestClient) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    files = [
        ("files", (seed.name, seed.read_bytes(), "text/plain")),
        ("files", ("notes.xyz", b"\x00\x01binary", "application/octet-stream")),
    ]
    accepted = client.post("/api/ingest/files", files=files, headers=AUTH)
    job = wait_for_job(client, accepted.json()["id"])
    assert job["status"] == "done"
    assert job["result"]["present"] == 1
    [failure] = job["result"]["failures"]
    assert failure["item"].startswith("upload/") and failure["item"].endswith("notes.xyz"), failure
    assert "corroborator-web-" not in failure["reason"]


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<html><body><p>An article served on loopback.</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def loopback_site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/article.html"
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_url_on_a_private_address_is_refused_with_a_reason(client: TestClient, loopback_site: str) -> None:
    accepted = client.post("/api/ingest/urls", json={"urls": [loopback_site]}, headers=AUTH)
    job = wait_for_job(client, accepted.json()["id"])
    assert job["status"] == "done" and job["result"]["added"] == 0
    [failure] = job["result"]["failures"]
    assert failure["item"] == loopback_site and failure["reason"]


def test_urls_must_be_http(client: TestClient) -> None:
    response = client.post("/api/ingest/urls", json={"urls": ["file:///etc/passwd"]}, headers=AUTH)
    assert response.status_code == 422 and "http" in response.json()["error"]
